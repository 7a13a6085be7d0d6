# placeplan: `make demo` and `make test` install what is missing, build and run.
SHELL := /bin/bash
SWIFT ?= swift
SHARED ?= ../shared
NIST ?= $(SHARED)/reference/nist-strd-lls
APT_PACKAGES := liblapack-dev libopenblas-dev libxlsxwriter-dev
# What the tests need besides: openpyxl opens the .xlsx workbooks the tool writes.
TEST_APT_PACKAGES := python3-openpyxl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN_DEBUG = $$($(SWIFT) build --show-bin-path)/placeplan
# The release binary carries the Swift runtime and Foundation (--static-swift-stdlib): it runs
# on a machine without the Swift toolchain (LAPACK, OpenBLAS and libxlsxwriter are the system
# libraries it needs) and starts in about 9 ms instead of 15 (no runtime libraries to bind).
RELEASE := -c release --static-swift-stdlib
BIN_RELEASE = $$($(SWIFT) build $(RELEASE) --show-bin-path)/placeplan

.PHONY: deps test-deps build demo test bench accuracy selftest report-check clean format lint

deps:
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  echo "deps: $(APT_PACKAGES) already installed"; \
	else \
	  echo "deps: installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $(APT_PACKAGES); \
	fi

test-deps: deps
	@if python3 -c "import openpyxl" >/dev/null 2>&1 || dpkg -s $(TEST_APT_PACKAGES) >/dev/null 2>&1; then \
	  echo "test-deps: openpyxl already installed"; \
	else \
	  echo "test-deps: installing $(TEST_APT_PACKAGES)"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $(TEST_APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

demo: build
	@if [ -d "$(NIST)" ]; then echo "== NIST StRD certification of the least-squares core =="; $(BIN_DEBUG) selftest --nist $(NIST); fi
	@echo "== West Sussex EHCP forecast by setting type (SampleData/) =="
	$(BIN_DEBUG) forecast --la E10000032 --horizon 5
	@echo "== West Sussex places against the illustrative register, and the strategy dashboard =="
	$(BIN_DEBUG) places --la E10000032
	$(BIN_DEBUG) dashboard --la E10000032
	@echo "== Places against demand by phase (ages carried forward by new and ceased plans by age) =="
	$(BIN_DEBUG) places --la E10000032 --by phase
	@echo "== The flow behind the numbers: requests, assessments, new and ceased plans =="
	$(BIN_DEBUG) pipeline --la E10000032 --horizon 3
	@echo "== Business case: a new 100-place special school from September 2027, against the baseline =="
	$(BIN_DEBUG) scenario compare Models/scenarios/baseline.yaml Models/scenarios/new-special-school-2027.yaml --la E10000032 --horizon 10
	@echo "== Demand by primary need, and places designated by need (illustrative register) =="
	$(BIN_DEBUG) forecast --la E10000032 --by need
	$(BIN_DEBUG) places --la E10000032 --by need
	@echo "== The LA's own child-level records (SYNTHETIC West Sussex sample): transition model, then places on it =="
	$(BIN_DEBUG) child project --transitions SampleData/child_level_west_sussex_SYNTHETIC/transitions.csv \
	  --population SampleData/child_level_west_sussex_SYNTHETIC/population.csv \
	  --valid-states SampleData/child_level_west_sussex_SYNTHETIC/valid-states.csv --by setting
	$(BIN_DEBUG) places --la E10000032 --child-model SampleData/child_level_west_sussex_SYNTHETIC
	@echo "== Costs and the report on the child-level forecast (200 simulations for a quick demo; 1,000 by default) =="
	$(BIN_DEBUG) costs --la E10000032 --child-model SampleData/child_level_west_sussex_SYNTHETIC \
	  --child-simulations 200
	mkdir -p out
	$(BIN_DEBUG) report --la E10000032 --child-model SampleData/child_level_west_sussex_SYNTHETIC \
	  --child-simulations 200 --scenario SampleData/child_level_west_sussex_SYNTHETIC/scenario-inms-to-special.yaml \
	  --out out/report-child-level.html
	@echo "wrote out/report-child-level.html (the child-level forecast beside the aggregate one)"
	@echo "== The forecast as an Excel workbook with native charts =="
	mkdir -p out
	$(BIN_DEBUG) forecast --la E10000032 --format xlsx --out out/forecast.xlsx
	@echo "wrote out/forecast.xlsx"

# Tests build optimised (-O) in their own folder: the end-to-end tests run the placeplan
# binary on every LA, which is 3-4 times faster optimised (44 s of tests against 153 s),
# and a debug `make demo` build beside it is not rebuilt.
TEST_BUILD := --scratch-path .build/tests -Xswiftc -O

test: test-deps
	$(SWIFT) build --build-tests $(TEST_BUILD)
	$(SWIFT) test --skip-build --parallel --disable-swift-testing $(TEST_BUILD)

selftest: build
	$(BIN_DEBUG) selftest --nist $(NIST)

bench: deps
	$(SWIFT) build $(RELEASE)
	$(BIN_RELEASE) bench --caseload-2025 $(SHARED)/data/ehcp_sen2/ehcp2025_caseload.csv \
	  --caseload-2022 $(SHARED)/data/ehcp_sen2/ehcp2022_sen2_estab_caseload.csv
	python3 Tests/Peers/csv_read.py $(SHARED)/data/ehcp_sen2/ehcp2025_caseload.csv \
	  $(SHARED)/data/ehcp_sen2/ehcp2022_sen2_estab_caseload.csv \
	  SampleData/ons_mye_persons_age0_25_england_2015_2024.csv SampleData/ehcp_requests_2019_2024.csv
	@for i in 1 2 3; do /usr/bin/time -f "%e %M" $(BIN_RELEASE) forecast --la all --format csv 2>&1 >/dev/null \
	  | tail -1; done | sort -n | head -1 \
	  | awk '{ printf "forecast --la all --format csv (auto, whole process, best of 3): %s s wall, %d KB peak memory\n", $$1, $$2 }'
	@B=$(BIN_RELEASE); TIMEFORMAT="forecast --la all --method prevalence --format csv (whole process): %R s wall"; \
	  time ($$B forecast --la all --method prevalence --format csv > /dev/null 2>&1)
	@mkdir -p .build
	@for i in 1 2 3; do /usr/bin/time -f "%e %M" $(BIN_RELEASE) backtest --la all --format csv 2>&1 >/dev/null \
	  | tail -1; done | sort -n | head -1 > .build/bench-backtest.txt
	@awk '{ printf "backtest --la all (7 origins, 5 horizons, 10 methods, whole process, best of 3): %s s wall, %d KB peak memory\n", $$1, $$2 }' \
	  .build/bench-backtest.txt
	@B=$(BIN_RELEASE); TIMEFORMAT="forecast --la all --by phase --format csv (components by age, whole process): %R s wall"; \
	  time ($$B forecast --la all --by phase --format csv > /dev/null 2>&1)
	@B=$(BIN_RELEASE); TIMEFORMAT="pipeline --la all --format csv (flows, backtest, ceased by age, whole process): %R s wall"; \
	  time ($$B pipeline --la all --format csv > /dev/null 2>&1)
	@if [ -d "$(SHARED)/data/child_level_demo" ]; then \
	  DEMO="--transitions $(SHARED)/data/child_level_demo/transitions.csv \
	    --population $(SHARED)/data/child_level_demo/population.csv \
	    --valid-states $(SHARED)/data/child_level_demo/valid-states.csv"; \
	  for command in project validate; do \
	    /usr/bin/time -f "child $$command on the witan.send demo, 1,000 simulations (whole process): %e s wall, %M KB peak memory" \
	      $(BIN_RELEASE) child $$command $$DEMO --format csv > /dev/null; done; \
	  echo "== the same child-level model in numpy (speed and sanity peer, written independently)"; \
	  python3 Tests/Peers/child_model_numpy.py $(SHARED)/data/child_level_demo; fi
	@if python3 -c "import statsmodels" 2>/dev/null; then \
	  echo "== the same national backtest in Python with statsmodels (speed peer)"; \
	  python3 $(SHARED)/tools/peer_statsmodels.py 2>&1 | tee .build/bench-peer.txt; \
	  peer=$$(sed -n 's/.*; total \([0-9.]*\)s$$/\1/p' .build/bench-peer.txt); \
	  awk -v peer="$$peer" '{ if (peer > 0 && $$1 > 0) printf "backtest --la all against statsmodels in this run: %.2f s against %.2f s, %.1fx faster (target 20x)\n", $$1, peer, peer / $$1 }' \
	    .build/bench-backtest.txt; \
	else echo "peer: statsmodels is not installed (pip install statsmodels to compare)"; fi
	@$(MAKE) --no-print-directory accuracy

# The setting-type accuracy the README quotes: all LAs forecast from January 2020 (h=5),
# 2022 (h=3) and 2024 (h=1), scored on January 2025 by the shared scorer against naive
# drift; then the ten-year view from 2025 (England's sum, share moves, largest growth).
SCORE := $(SHARED)/tools/score_settings.py
accuracy: deps
	$(SWIFT) build $(RELEASE)
	@mkdir -p .build/accuracy
	@for spec in "2020 5" "2022 3" "2024 1"; do set -- $$spec; \
	  $(BIN_RELEASE) forecast --la all --through $$1 --horizon $$2 --format csv \
	    --out .build/accuracy/from$$1.csv 2>/dev/null; \
	  echo "== forecast from January $$1, scored on January 2025 (h=$$2)"; \
	  python3 $(SCORE) .build/accuracy/from$$1.csv 2025 --baseline drift; done
	@echo "== forecast from January 2025, ten years ahead"
	@$(BIN_RELEASE) forecast --la all --horizon 10 --format csv --out .build/accuracy/h10.csv 2>&1 \
	  | grep -E "England check|Median LA share" || true

# Renders the HTML report with headless Chromium (Debian's chromium) to PNG pages for a
# person to look at: out/report.html, out/report.png.
report-check: build
	@command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)
	mkdir -p out
	$(BIN_DEBUG) report --la E10000032 --scenario Models/scenarios/new-special-school-2027.yaml \
	  --scenario Models/scenarios/rp-expansion.yaml --scenario Models/scenarios/travel-training.yaml \
	  --out out/report.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,9000 \
	  --screenshot=out/report.png file://$$(pwd)/out/report.html 2>/dev/null
	@echo "report-check: out/report.html rendered to out/report.png"
	@command -v libreoffice >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends libreoffice-calc-nogui)
	@command -v pdftoppm >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y poppler-utils)
	$(BIN_DEBUG) forecast --la E10000032 --format xlsx --out out/forecast.xlsx
	libreoffice --headless --convert-to pdf --outdir out out/forecast.xlsx >/dev/null 2>&1
	pdftoppm -png -r 80 -f 1 -l 1 out/forecast.pdf out/forecast-sheet1
	@echo "report-check: out/forecast.xlsx rendered by LibreOffice to out/forecast-sheet1-1.png"

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

lint:
	$(SWIFT) format lint -r Sources Tests

clean:
	rm -rf .build
