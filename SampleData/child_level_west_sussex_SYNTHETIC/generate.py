#!/usr/bin/env python3
"""SYNTHETIC child-level EHCP extract for West Sussex (LA code E10000032).

NO ROW IS A REAL CHILD. Every record in this folder is invented. It is built only from
published aggregate statistics, so that the child-level commands (`placeplan child project`,
`placeplan child validate`) can be tried on data the size and shape of a real county's. Do not
read any single row, or any small count, as a fact about West Sussex.

Run (from the repository root; writes next to this script, Python 3 standard library only):

    python3 SampleData/child_level_west_sussex_SYNTHETIC/generate.py

It is deterministic (fixed seed, sorted output): running it again gives byte-identical files.
It prints a check table comparing the result with the published figures.

Output (witan.send layout, hyphenated headers)
----------------------------------------------
transitions.csv    calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2
                   One row per child per calendar year 2021-2024. Year Y is the move from the
                   child's January-Y state to its January-(Y+1) state: a stayer, a mover (setting
                   changes), a joiner (setting-1 NONSEND) or a leaver (setting-2 NONSEND). Every
                   child in January Y is the from-state of exactly one year-Y row, every child in
                   January Y+1 the to-state of exactly one. January 2021 to January 2025.
population.csv     calendar-year,academic-year,population: ONS mid-year population of West
                   Sussex, calendar years 2021-2024, NCY -5 ... 20 (ages 0-25).
valid-states.csv   the eight settings, each one's NCY range, all needs allowed, every move allowed.
setting-types.csv  each setting's placeplan setting type.

Settings (state = setting, primary need, national curriculum year NCY)
----------------------------------------------------------------------
MS    mainstream school, excluding resourced provision and SEN units   NCY -1 ... 15
RP    resourced provision / SEN unit in a mainstream school            NCY -1 ... 15
SS    state special school (LA maintained, academy, free school)       NCY -2 ... 15
INMS  independent and non-maintained special school                   NCY  0 ... 19
AP    alternative provision / pupil referral unit                      NCY  2 ... 12
FE    general FE and tertiary college, specialist post-16, UKRLP       NCY 12 ... 20
EY    non-maintained early years                                       NCY -2 ...  0
OTH   educated elsewhere (elective home education, other arrangements by the LA or
      parents, other placement settings, NEET, awaiting provision) and placement not
      recorded                                                         NCY -1 ... 20
MS + RP is the published mainstream total. The NCY ranges are those the January 2024 and 2025
age tables show, except for a handful of records outside them (see "NCY" below).

Needs: ASD, HI, MLD, MSI, OTH, PD, PMLD, SEMH, SLCN, SLD, SPLD, VI (the SEN2 primary needs;
SpLD written SPLD). "Need unknown" would be counted as OTH; West Sussex records no plan with
need unknown or OTH in January 2025, so no synthetic child has need OTH.

Inputs (real DfE SEN2 and ONS publications in SampleData/, Open Government Licence v3.0)
-----------------------------------------------------------------------------------------
ehcp_caseload_by_la_setting_2010_2025.csv  January totals by setting, 2021-2025:
    MS = mainstream_total - mainstream_rp_or_senunit, RP = mainstream_rp_or_senunit,
    SS = special_state, INMS = special_independent + special_non_maintained,
    AP = ap_pru_total, FE = fe_total (includes specialist_post16),
    EY = early_years_nonmaintained, OTH = all_other_settings - early_years_nonmaintained
    (all_other_settings includes early years and NEET); the eight add up to `total`.
ehcp_caseload_by_age_2024_2025.csv  January 2024 and 2025 by single year of age x setting
    (MS = mainstream_total less its six resourced-provision/SEN-unit columns; RP those six;
    SS = special_la_maintained + special_academy_free; INMS = special_independent +
    special_non_maintained; AP = ap_pru_total; FE = fe_total; EY = nm_early_years;
    OTH = ed_elsewhere + placement_unknown).
ehcp_needs_all_plans_2025.csv  January 2025 plans by primary need, by type of placement and
    by age.
ehcp_newplans_2019_2024.csv  new plans by calendar year (2021-2024), by age when the plan
    started x setting (2022-2024).
ehcp_ceased_plans_2022_2024.csv  ceased plans by calendar year (2022-2024), by age the plan
    ceased and by type of placement (2023, 2024).
ehcp_need_newplans_2024.csv  new plans of 2024 by need and type of placement (used only to
    lean joiners' needs towards the needs of new plans).
ons_mye_persons_age0_25_england_2015_2024.csv  mid-year population by single year of age.

NCY
---
SEN2 ages are ages at 31 August before the January census (the age-15 row has almost no FE,
the age-16 row is mostly FE; the age-4 row is mostly in school): NCY = SEN2 age - 4 (age 4 =
Reception = NCY 0, age 16 = year 12 = NCY 12). "Under 3" is put at NCY -2; the 16 plans at
age 25 in January 2025 at NCY 20 (the model and the population file stop at NCY 20); the few
records outside their setting's range (FE at ages 7 and 15, EY at ages 5 and 13: 8 plans over
the two years) at the nearest NCY the setting takes.
ONS ages are at 30 June: a cohort aged a at mid-year Y was (ten birth months of twelve) in
NCY a - 5 in academic year (Y-1)/Y, the year of the January-Y census; so population.csv gives
calendar year Y, NCY a - 5 the mid-Y population aged a (ages 0-25, NCY -5 ... 20).
New plans are placed at NCY (age when the plan started) - 4 in the January after (age 2 and
under at NCY -2; "20 and over" spread over NCY 16-20 in proportion to the caseload); ceased
plans at NCY (age the plan ceased) - 5 in the January before ("20 and over": NCY 15-20).

How it is built
---------------
1. January stock by NCY x setting, every setting total exactly the published one: 2024 and
   2025 are the age tables (mapped as above). 2021-2023 are not published by age: each
   setting's published January total is spread over NCYs in the proportions of that setting's
   January 2024 age table (largest-remainder rounding).
2. January 2025 need: the NCY x setting x need table fitted by iterative proportional fitting
   to the three published margins (NCY x setting from step 1, setting x need and age x need
   from the 2025 needs file), rounded within each setting so that NCY x setting and setting x
   need are exact; age x need is close.
3. Flows, worked backwards one calendar year at a time from January 2025 to January 2021,
   cohort by cohort (the children in NCY n in January Y and those in NCY n+1 in January Y+1):
   - totals: leavers in year Y = the published ceased plans of Y (2022-2024; 2021, not
     published, at the 2022 rate: ceased 2022 / January 2022 caseload, applied to January
     2021), raised only where shrinking cohorts force more; joiners = the change in the
     caseload + leavers, so the January totals come out exactly.
   - by cohort: leavers are fitted (weighted least squares, weights 1/expected count) between
     the published ages of ceased plans (2023, 2024; 2021-2022 use the 2023-2024 ages) and
     the expected joiners: new plans by age (2022-2024; 2021 uses 2022's ages), plus any
     joiners beyond new plans spread over NCY like the caseload. A cohort's joiners are then
     its change + its leavers.
   - by setting, within a cohort: joiners go to settings in the proportions of that year's
     new plans of that age by setting (smoothed towards 2022-2024); leavers come from
     settings in proportion to the caseload and each setting's ceased-to-caseload ratio of
     2023-2024 (four times as likely where the setting does not take the next NCY); as many
     children as possible stay in their setting; the rest move, from settings with too many
     to settings with too few, in proportion to a plausibility weight (e.g. mainstream to
     special or to FE, early years to school; special to mainstream rarely). Moves therefore
     fall where the age tables change: above all at NCY 11 to 12, NCY 6 to 7, school entry
     and NCY 14 to 15 (special school to FE at 19).
   - needs: a child's need never changes. Which January-(Y+1) children joined, moved or
     stayed is drawn at random (fixed seed), leaning joiners towards the needs of 2024's new
     plans in their setting and movers towards the needs of their setting of origin;
     leavers' needs are drawn from the January 2025 need mix of their setting and NCY.
4. Rows are written sorted by all seven columns.

What it reproduces
------------------
Exactly: the published January totals of the eight settings, 2021-2025; January 2024 and
2025 NCY x setting (the age tables, after the NCY mapping above); January 2025 setting x need
(the needs file); leavers = ceased plans in 2022 (449) and 2024 (226).
Closely: January 2025 age x need (the differences from the published age x need cells add
up to 124 in absolute value, 1.3% of 9,301; the largest is 4). 2023 has 387 leavers against 353 ceased
plans: with the 2024 age shape, some January 2023 cohorts are larger than the same cohorts
in January 2024 and must lose children. Joiners exceed new plans (2021: 768 against 678,
2022: 1,295 against 695, 2023: 879 against 761, 2024: 1,843 against 1,788) by the caseload
growth that new plans less ceased plans do not explain (in 2022 the caseload grew by 846
while new plans less ceased plans were 246): plans transferred in from other LAs and
recording changes are not published. By age, joiners and leavers follow the published
ages roughly (the check table shows them by NCY band).
Invented: every individual child and path; the 2021-2023 age shape (2024's); the 2021 leavers
(2022 rate); the joiners beyond new plans; who moves between settings, when and where (only
the net effect of moves is fixed by the published tables); the needs of leavers and of
children before 2025 (from the 2025 mix).
"""

import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.dirname(HERE)
LA = "E10000032"
SEED = 938032
JANUARIES = [2021, 2022, 2023, 2024, 2025]
YEARS = [2021, 2022, 2023, 2024]
NONSEND = "NONSEND"
MISSING = {"x", "c", "z", ":", "low", ""}

SETTINGS = ["MS", "RP", "SS", "INMS", "AP", "FE", "EY", "OTH"]
RANGE = {
    "MS": (-1, 15),
    "RP": (-1, 15),
    "SS": (-2, 15),
    "INMS": (0, 19),
    "AP": (2, 12),
    "FE": (12, 20),
    "EY": (-2, 0),
    "OTH": (-1, 20),
}
GROUP = {
    "MS": "mainstream",
    "RP": "mainstream",
    "SS": "special",
    "INMS": "special",
    "AP": "alternative_provision",
    "FE": "post_16",
    "EY": "early_years",
    "OTH": "other",
}
SETTING_TYPE = {
    "MS": "mainstream",
    "RP": "rp_sen_unit",
    "SS": "special_state",
    "INMS": "inms",
    "AP": "ap_pru",
    "FE": "fe_post16",
    "EY": "early_years",
    "OTH": "other",
}
NEEDS = ["ASD", "HI", "MLD", "MSI", "OTH", "PD", "PMLD", "SEMH", "SLCN", "SLD", "SPLD", "VI"]
NEED_COLUMNS = {
    "number_asd": "ASD",
    "number_hi": "HI",
    "number_mld": "MLD",
    "number_msi": "MSI",
    "number_oth": "OTH",
    "number_pd": "PD",
    "number_pmld": "PMLD",
    "number_semh": "SEMH",
    "number_slcn": "SLCN",
    "number_sld": "SLD",
    "number_spld": "SPLD",
    "number_vi": "VI",
    "number_need_unknown": "OTH",
}
NCY_LOW, NCY_HIGH = -2, 20
NCYS = list(range(NCY_LOW, NCY_HIGH + 1))
POPULATION_NCYS = list(range(-5, 21))
RP_COLUMNS = [
    "mainstream_la_maintained_resourced_provision",
    "mainstream_la_maintained_senunit",
    "mainstream_academy_resourced_provision",
    "mainstream_academy_senunit",
    "mainstream_free_school_resourced_provision",
    "mainstream_free_school_senunit",
]
# How plausible a move from one setting to another is, relative to 1 (only used to share the
# moves that the published tables require between settings with too many and too few).
AFFINITY = {
    ("MS", "SS"): 4, ("MS", "INMS"): 3, ("MS", "RP"): 3, ("MS", "OTH"): 3, ("MS", "AP"): 3,
    ("MS", "FE"): 4, ("RP", "SS"): 4, ("RP", "MS"): 2, ("RP", "FE"): 4, ("SS", "INMS"): 2,
    ("SS", "FE"): 4, ("INMS", "FE"): 4, ("AP", "OTH"): 3, ("AP", "FE"): 3, ("OTH", "FE"): 3,
    ("EY", "MS"): 4, ("EY", "SS"): 4, ("EY", "RP"): 3, ("OTH", "MS"): 2, ("OTH", "INMS"): 2,
    ("SS", "MS"): 0.5, ("INMS", "MS"): 0.3, ("INMS", "RP"): 0.3, ("SS", "RP"): 0.5,
    ("FE", "MS"): 0.2, ("FE", "RP"): 0.2, ("FE", "SS"): 0.3, ("FE", "INMS"): 0.5,
}
AGE_OUT = 4.0  # leaving is this many times likelier where the setting ends at that NCY


def valid(setting, ncy):
    low, high = RANGE[setting]
    return low <= ncy <= high


def fold(setting, ncy):
    """The nearest NCY the setting takes."""
    low, high = RANGE[setting]
    return min(max(ncy, low), high)


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


def read(name, code_column="new_la_code"):
    with open(os.path.join(SAMPLE, name), newline="", encoding="utf-8-sig") as handle:
        return [row for row in csv.DictReader(handle) if row[code_column] == LA]


def count(text):
    """A published count; suppressed or not-applicable cells count 0 (the row sums are checked
    against the published totals, so none of the cells used is suppressed)."""
    text = text.strip()
    return 0 if text in MISSING else int(text)


def sen2_age(label):
    """Single year of age from a SEN2 age label; "20+" for "age 20 and over"."""
    label = label.strip().lower()
    if label in ("under 3", "age 2 and under"):
        return 2
    if label == "age 20 and over":
        return "20+"
    if label.startswith("age "):
        return int(label[4:])
    raise ValueError("unknown age label %r" % label)


def eight_settings(row):
    """The eight settings from the detailed setting columns (caseload by age, new plans)."""
    rp = sum(count(row[c]) for c in RP_COLUMNS)
    return {
        "MS": count(row["mainstream_total"]) - rp,
        "RP": rp,
        "SS": count(row["special_la_maintained"]) + count(row["special_academy_free"]),
        "INMS": count(row["special_independent"]) + count(row["special_non_maintained"]),
        "AP": count(row["ap_pru_total"]),
        "FE": count(row["fe_total"]),
        "EY": count(row["nm_early_years"]),
        "OTH": count(row["ed_elsewhere"]) + count(row["placement_unknown"]),
    }


def placement_setting(label):
    """The setting of a `Type of placement` breakdown; None for the subtotal rows."""
    low = label.strip().lower()
    if low.endswith("- total"):
        return None
    if low.startswith("mainstream -"):
        return "RP" if ("resourced provision" in low or "sen unit" in low) else "MS"
    if low in ("special - la maintained",) or low.startswith("special - academy"):
        return "SS"
    if low in ("special - independent", "special - non-maintained"):
        return "INMS"
    if low.startswith("ap/pru -"):
        return "AP"
    if low.startswith("fe -"):
        return "FE"
    if low == "non-maintained early years":
        return "EY"
    if low.startswith("educated elsewhere -") or low == "placement not recorded":
        return "OTH"
    raise ValueError("unknown type of placement %r" % label)


def published_setting_totals():
    totals = {}
    for row in read("ehcp_caseload_by_la_setting_2010_2025.csv"):
        year = int(row["census_year"])
        if year not in JANUARIES:
            continue
        main, rp = count(row["mainstream_total"]), count(row["mainstream_rp_or_senunit"])
        ey = count(row["early_years_nonmaintained"])
        t = {
            "MS": main - rp,
            "RP": rp,
            "SS": count(row["special_state"]),
            "INMS": count(row["special_independent"]) + count(row["special_non_maintained"]),
            "AP": count(row["ap_pru_total"]),
            "FE": count(row["fe_total"]),
            "EY": ey,
            "OTH": count(row["all_other_settings"]) - ey,
        }
        assert sum(t.values()) == count(row["total"]), (year, t)
        assert t["SS"] + t["INMS"] == count(row["special_total"]), year
        totals[year] = t
    assert sorted(totals) == JANUARIES
    return totals


def published_by_age():
    """January 2024 and 2025: {year: {(age, setting): count}} as published (age 2 = under 3)."""
    out = {2024: {}, 2025: {}}
    for row in read("ehcp_caseload_by_age_2024_2025.csv"):
        if row["breakdown_topic"] != "Child or young persons age":
            continue
        year = int(row["time_period"][:4]) + 1
        cells = eight_settings(row)
        assert sum(cells.values()) == count(row["ehcplans"]), (year, row["breakdown"])
        age = sen2_age(row["breakdown"])
        for setting, value in cells.items():
            out[year][(age, setting)] = out[year].get((age, setting), 0) + value
    return out


def age_to_ncy(age):
    return min(max(age - 4, NCY_LOW), NCY_HIGH)


def stock_from_ages(by_age):
    """{(ncy, setting): count} with the NCY mapping and folding rules; and the folded cells."""
    stock, folded = {}, []
    for (age, setting), value in sorted(by_age.items()):
        if value == 0:
            continue
        ncy = age_to_ncy(age)
        target = fold(setting, ncy)
        if target != age - 4:
            folded.append((age, setting, value, target))
        stock[(target, setting)] = stock.get((target, setting), 0) + value
    return stock, folded


def needs_2025():
    """January 2025: setting x need, NCY x need, need totals."""
    by_setting = {s: {k: 0 for k in NEEDS} for s in SETTINGS}
    by_ncy = {n: {k: 0 for k in NEEDS} for n in NCYS}
    total = None
    for row in read("ehcp_needs_all_plans_2025.csv"):
        vector = {k: 0 for k in NEEDS}
        for column, need in NEED_COLUMNS.items():
            vector[need] += count(row[column])
        assert sum(vector.values()) == count(row["ehc_plans"]), row["breakdown"]
        topic = row["breakdown_topic"]
        if topic == "All EHC plans":
            total = vector
        elif topic == "Type of placement":
            setting = placement_setting(row["breakdown"])
            if setting is not None:
                for k in NEEDS:
                    by_setting[setting][k] += vector[k]
        elif topic == "Child or young persons age":
            ncy = age_to_ncy(sen2_age(row["breakdown"]))
            for k in NEEDS:
                by_ncy[ncy][k] += vector[k]
    for k in NEEDS:
        assert sum(by_setting[s][k] for s in SETTINGS) == total[k], k
        assert sum(by_ncy[n][k] for n in NCYS) == total[k], k
    return by_setting, by_ncy


def new_plans():
    """Totals by calendar year; {year: {(ncy in the January after, setting): count}} by age."""
    totals, by_age = {}, {}
    for row in read("ehcp_newplans_2019_2024.csv"):
        year = int(row["time_period"])
        topic = row["breakdown_topic"]
        if topic == "New EHC plans":
            totals[year] = count(row["new_ehc_plans"])
        elif topic == "Age when plan started":
            cells = eight_settings(row)
            assert sum(cells.values()) == count(row["new_ehc_plans"]), (year, row["breakdown"])
            age = sen2_age(row["breakdown"])
            key = "20+" if age == "20+" else min(max(age - 4, NCY_LOW), NCY_HIGH)
            table = by_age.setdefault(year, {})
            for setting, value in cells.items():
                table[(key, setting)] = table.get((key, setting), 0) + value
    for year, table in by_age.items():
        assert sum(table.values()) == totals[year], year
    return totals, by_age


def ceased_plans():
    """Totals by calendar year; by age ({year: {ncy in the January before or "20+": n}});
    by setting ({year: {setting: n}})."""
    totals, by_age, by_setting = {}, {}, {}
    for row in read("ehcp_ceased_plans_2022_2024.csv"):
        year, topic, value = int(row["time_period"]), row["breakdown_topic"], count(
            row["total_ceased"])
        if topic == "All ceased EHC plans":
            totals[year] = value
        elif topic == "Age plan ceased":
            age = sen2_age(row["breakdown"])
            key = "20+" if age == "20+" else min(max(age - 5, NCY_LOW), NCY_HIGH)
            table = by_age.setdefault(year, {})
            table[key] = table.get(key, 0) + value
        elif topic == "Type of placement":
            setting = placement_setting(row["breakdown"])
            if setting is not None:
                table = by_setting.setdefault(year, {s: 0 for s in SETTINGS})
                table[setting] += value
    for year in by_age:
        assert sum(by_age[year].values()) == totals[year], year
    for year in by_setting:
        assert sum(by_setting[year].values()) == totals[year], year
    return totals, by_age, by_setting


def new_plan_needs_2024():
    out = {s: {k: 0 for k in NEEDS} for s in SETTINGS}
    for row in read("ehcp_need_newplans_2024.csv"):
        if row["breakdown_topic"] != "Type of placement":
            continue
        setting = placement_setting(row["breakdown"])
        if setting is None:
            continue
        for column, need in NEED_COLUMNS.items():
            out[setting][need] += count(row[column])
    return out


def population():
    rows = read("ons_mye_persons_age0_25_england_2015_2024.csv", code_column="area_code")
    out = {}
    for row in rows:
        year = int(row["mid_year"])
        if year in YEARS and row["age"] != "all":
            out[(year, int(row["age"]) - 5)] = int(row["population"])
    for year in YEARS:
        for ncy in POPULATION_NCYS:
            assert (year, ncy) in out, (year, ncy)
    return out


# ---------------------------------------------------------------------------------------
# Rounding and fitting
# ---------------------------------------------------------------------------------------


def proportional(weights, total, caps=None):
    """Integers summing to `total`, proportional to `weights` (a dict; its order breaks ties),
    none above its cap; where every weight with room left is 0, shared evenly."""
    keys = list(weights)
    cap = {k: (caps[k] if caps is not None else total) for k in keys}
    assert sum(cap.values()) >= total, (weights, total, caps)
    real, free, remaining = {}, [k for k in keys if cap[k] > 0], float(total)
    while free:
        wsum = sum(weights[k] for k in free)
        share = {k: (weights[k] / wsum if wsum > 0 else 1.0 / len(free)) for k in free}
        over = [k for k in free if remaining * share[k] > cap[k] + 1e-9]
        if not over:
            for k in free:
                real[k] = remaining * share[k]
            break
        for k in over:
            real[k] = float(cap[k])
            remaining -= cap[k]
            free.remove(k)
    out = {k: min(cap[k], int(math.floor(real.get(k, 0.0) + 1e-9))) for k in keys}
    short = total - sum(out.values())
    order = sorted(range(len(keys)), key=lambda i: (-(real.get(keys[i], 0.0) - out[keys[i]]), i))
    while short > 0:
        for i in order:
            k = keys[i]
            if short > 0 and out[k] < cap[k]:
                out[k] += 1
                short -= 1
    return out


def round_matrix(real, row_totals, column_totals):
    """Integer matrix with exactly the given margins, close to `real` (rows filled in order of
    size against the columns' remaining room)."""
    room = dict(column_totals)
    out = {}
    rows = sorted(row_totals, key=lambda r: (-row_totals[r], list(row_totals).index(r)))
    for r in rows:
        out[r] = proportional({c: real[r].get(c, 0.0) for c in column_totals}, row_totals[r], room)
        for c in column_totals:
            room[c] -= out[r][c]
    assert all(v == 0 for v in room.values())
    return out


def fit_two_way(seed, row_totals, column_totals, iterations=200):
    m = {r: {c: float(seed[r][c]) for c in column_totals} for r in row_totals}
    for _ in range(iterations):
        for r in row_totals:
            s = sum(m[r].values())
            if s > 0:
                f = row_totals[r] / s
                for c in column_totals:
                    m[r][c] *= f
        for c in column_totals:
            s = sum(m[r][c] for r in row_totals)
            if s > 0:
                f = column_totals[c] / s
                for r in row_totals:
                    m[r][c] *= f
    return m


# ---------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------


def stock_targets(totals, by_age):
    """{year: {(ncy, setting): count}} for every January; plus the folded cells."""
    targets, folded = {}, {}
    for year in (2024, 2025):
        targets[year], folded[year] = stock_from_ages(by_age[year])
        for s in SETTINGS:
            assert sum(v for (n, t), v in targets[year].items() if t == s) == totals[year][s]
    shape = targets[2024]
    for year in (2021, 2022, 2023):
        table = {}
        for s in SETTINGS:
            weights = {n: shape.get((n, s), 0) for n in NCYS if valid(s, n)}
            for n, v in proportional(weights, totals[year][s]).items():
                if v:
                    table[(n, s)] = v
        targets[year] = table
    return targets, folded


def need_table_2025(target, by_setting, by_ncy):
    """{(ncy, setting, need): count} for January 2025, and the fitted real table."""
    cells = [(n, s, k) for n in NCYS for s in SETTINGS for k in NEEDS
             if target.get((n, s), 0) > 0 and by_setting[s][k] > 0 and by_ncy[n][k] > 0]
    x = {c: 1.0 for c in cells}
    for _ in range(500):
        for margin, key in (
            ({(n, s): v for (n, s), v in target.items()}, lambda c: (c[0], c[1])),
            ({(s, k): by_setting[s][k] for s in SETTINGS for k in NEEDS}, lambda c: (c[1], c[2])),
            ({(n, k): by_ncy[n][k] for n in NCYS for k in NEEDS}, lambda c: (c[0], c[2])),
        ):
            sums = {}
            for c in cells:
                sums[key(c)] = sums.get(key(c), 0.0) + x[c]
            for c in cells:
                s = sums[key(c)]
                if s > 0:
                    x[c] *= margin.get(key(c), 0) / s
    table = {}
    for s in SETTINGS:
        rows = {n: target[(n, s)] for n in NCYS if target.get((n, s), 0) > 0}
        columns = {k: by_setting[s][k] for k in NEEDS}
        real = {n: {k: x.get((n, s, k), 0.0) for k in NEEDS} for n in rows}
        for n, row in round_matrix(real, rows, columns).items():
            for k, v in row.items():
                if v:
                    table[(n, s, k)] = v
    return table, x


def spread(table, key, weights):
    """Replace table[key] by its value spread over `weights`' keys (real numbers)."""
    value = table.pop(key, 0)
    total = sum(weights.values())
    for k, w in weights.items():
        share = w / total if total > 0 else 1.0 / len(weights)
        table[k] = table.get(k, 0.0) + value * share
    return table


def split_leavers(net, lstar, jstar, low, high, total):
    """Leavers per cohort: integers summing to `total` (or to the minimum that shrinking
    cohorts force), between low and high, each near the weighted least-squares compromise
    between the cohort's published leavers (lstar) and joiners (jstar = joiners - net + leavers),
    weights 1/target (so small published counts are kept close). The total is met by scaling
    the published leavers (so extra leavers go to the ages where plans cease), and only if
    that cannot reach it, by shifting every cohort."""
    cohorts = sorted(net)
    total = min(max(total, sum(low.values())), sum(high.values()))
    wl = {c: 1.0 / max(lstar[c], 1.0) for c in cohorts}
    wj = {c: 1.0 / max(jstar[c], 1.0) for c in cohorts}

    def at(scale, shift):
        out = {}
        for c in cohorts:
            v = (wl[c] * scale * lstar[c] + wj[c] * (jstar[c] - net[c]) + shift) / (wl[c] + wj[c])
            out[c] = min(max(v, low[c]), high[c])
        return out

    def solve(f, lo, hi):
        for _ in range(200):
            mid = (lo + hi) / 2
            if sum(f(mid).values()) < total:
                lo = mid
            else:
                hi = mid
        return f(hi)

    if sum(at(0.0, 0.0).values()) > total:
        real = solve(lambda x: at(0.0, x), -1e6, 0.0)
    elif sum(at(1e6, 0.0).values()) < total:
        real = solve(lambda x: at(1e6, x), 0.0, 1e6)
    else:
        real = solve(lambda x: at(x, 0.0), 0.0, 1e6)
    out = {c: int(math.floor(real[c] + 1e-9)) for c in cohorts}
    short = total - sum(out.values())
    for c in sorted(cohorts, key=lambda c: (-(real[c] - out[c]), c)):
        if short > 0 and out[c] < high[c]:
            out[c] += 1
            short -= 1
    assert sum(out.values()) == total
    return out, total


def cohort_flows(ncy, origin, destination, leavers, joiners, joiner_weights, leave_weights):
    """Settings of one cohort's flows. origin {setting: n} in NCY `ncy`, destination
    {setting: n} in NCY ncy+1. Returns leavers {s: n}, joiners {s: n}, moves {(s, t): n}
    (stayers are (s, s))."""
    js = proportional({s: joiner_weights.get(s, 0.0) for s in destination}, joiners,
                      {s: destination[s] for s in destination}) if destination else {}
    lw = {s: leave_weights[s] * origin[s] * (1.0 if valid(s, ncy + 1) else AGE_OUT)
          for s in origin}
    ls = proportional(lw, leavers, dict(origin)) if origin else {}
    left = {s: origin[s] - ls.get(s, 0) for s in origin}
    need = {s: destination[s] - js.get(s, 0) for s in destination}
    moves = {}
    for s in SETTINGS:
        if s in left and s in need:
            stay = min(left[s], need[s])
            if stay:
                moves[(s, s)] = stay
            left[s] -= stay
            need[s] -= stay
    surplus = {s: v for s, v in left.items() if v > 0}
    deficit = {s: v for s, v in need.items() if v > 0}
    assert sum(surplus.values()) == sum(deficit.values())
    if surplus:
        seed = {s: {t: AFFINITY.get((s, t), 1.0) for t in deficit} for s in surplus}
        real = fit_two_way(seed, surplus, deficit)
        for s, row in round_matrix(real, surplus, deficit).items():
            for t, v in row.items():
                if v:
                    moves[(s, t)] = v
    return ls, js, moves


def smoothed(counts, strength=0.5):
    total = sum(counts.values())
    return {k: (counts[k] + strength) / (total + strength * len(counts)) for k in counts}


def take(pool, m, weights, rng):
    """Draw m children from pool {need: n} (reduced in place), each with probability
    proportional to pool[need] x weights[need]; returns {need: n}."""
    taken = {k: 0 for k in NEEDS}
    for _ in range(m):
        live = [k for k in NEEDS if pool[k] > 0]
        total = sum(pool[k] * weights.get(k, 1.0) for k in live)
        x = rng.random() * total
        pick = live[-1]
        for k in live:
            x -= pool[k] * weights.get(k, 1.0)
            if x < 0:
                pick = k
                break
        pool[pick] -= 1
        taken[pick] += 1
    return taken


def draw(distribution, m, rng):
    """m needs drawn with replacement from {need: weight}."""
    taken = {k: 0 for k in NEEDS}
    live = [k for k in NEEDS if distribution.get(k, 0) > 0]
    total = sum(distribution[k] for k in live)
    for _ in range(m):
        x = rng.random() * total
        pick = live[-1]
        for k in live:
            x -= distribution[k]
            if x < 0:
                pick = k
                break
        taken[pick] += 1
    return taken


def build():
    rng = random.Random(SEED)
    totals = published_setting_totals()
    by_age = published_by_age()
    need_by_setting, need_by_ncy = needs_2025()
    new_total, new_by_age = new_plans()
    ceased_total, ceased_by_age, ceased_by_setting = ceased_plans()
    new_needs = new_plan_needs_2024()
    targets, folded = stock_targets(totals, by_age)
    stock_2025, fitted = need_table_2025(targets[2025], need_by_setting, need_by_ncy)

    # Need mixes from January 2025: by setting (smoothed), and by setting and NCY.
    need_share = {s: smoothed(need_by_setting[s]) for s in SETTINGS}
    joiner_need_weight = {}
    for s in SETTINGS:
        new = new_needs[s]
        n_new = sum(new.values())
        stock_share = {k: need_by_setting[s][k] / max(1, sum(need_by_setting[s].values()))
                       for k in NEEDS}
        joiner_need_weight[s] = {
            k: ((new[k] + 5 * stock_share[k]) / (n_new + 5)) / stock_share[k]
            if stock_share[k] > 0 else 1.0 for k in NEEDS}

    def leaver_need_mix(s, n):
        for d in range(0, 30):
            for m in (n - d, n + d):
                row = {k: fitted.get((m, s, k), 0.0) for k in NEEDS}
                if sum(row.values()) > 0.5:
                    return row
        return need_by_setting[s]

    # Leaving propensity by setting: ceased 2023-2024 / January caseload 2023-2024.
    propensity = {}
    for s in SETTINGS:
        ceased = sum(ceased_by_setting[y][s] for y in (2023, 2024))
        stock = sum(totals[y][s] for y in (2023, 2024))
        propensity[s] = (ceased + 0.5) / (stock + 1.0)

    # Joiner setting weights by NCY for each year (smoothed toward 2022-2024 pooled).
    pooled = {}
    for year in (2022, 2023, 2024):
        for key, v in new_by_age[year].items():
            pooled[key] = pooled.get(key, 0) + v

    def joiner_weights(year, ncy, destination):
        own = new_by_age[year if year in new_by_age else min(new_by_age)]

        def cell(table, s):
            v = table.get((ncy, s), 0.0)
            if ncy >= 16:
                v += table.get(("20+", s), 0.0) / 5.0
            return v

        own_total = sum(cell(own, s) for s in SETTINGS)
        pool_total = sum(cell(pooled, s) for s in SETTINGS)
        weights = {}
        for s in destination:
            p = cell(pooled, s) / pool_total if pool_total > 0 else 0.0
            weights[s] = cell(own, s) + 2.0 * p + 1e-3 * (own_total + 1)
        return weights

    stock = {2025: stock_2025}
    rows = []
    flows = {}
    for year in sorted(YEARS, reverse=True):
        after = stock[year + 1]
        before_target = targets[year]
        dest = {}  # ncy -> {setting: n}
        for (n, s, k), v in after.items():
            dest.setdefault(n, {}).setdefault(s, 0)
            dest[n][s] += v
        cohorts = list(range(NCY_LOW - 1, NCY_HIGH + 1))  # NCY in January Y
        a_tot = {c: sum(v for (n, s), v in before_target.items() if n == c) for c in cohorts}
        b_tot = {c: sum(dest.get(c + 1, {}).values()) for c in cohorts}
        net = {c: b_tot[c] - a_tot[c] for c in cohorts}
        if year in ceased_total:
            leave_total = ceased_total[year]
        else:
            rate = ceased_total[year + 1] / sum(totals[year + 1].values())
            leave_total = int(round(rate * sum(totals[year].values())))
        age_shape = dict(ceased_by_age[year]) if year in ceased_by_age else {}
        if not age_shape:
            for y in ceased_by_age:
                for key, v in ceased_by_age[y].items():
                    age_shape[key] = age_shape.get(key, 0) + v
        age_shape = {k: float(v) for k, v in age_shape.items()}
        spread(age_shape, "20+", {c: float(a_tot[c]) for c in range(15, 21)})
        shape_total = sum(age_shape.values())
        low = {c: max(0, -net[c]) for c in cohorts}
        high = {c: a_tot[c] for c in cohorts}
        published_leave = leave_total
        leave_total = min(max(leave_total, sum(low.values())), sum(high.values()))
        join_total = sum(net.values()) + leave_total
        lstar = {c: leave_total * age_shape.get(c, 0.0) / shape_total for c in cohorts}
        new_table = new_by_age[year if year in new_by_age else min(new_by_age)]
        new_age = {}
        for (key, s), v in new_table.items():
            new_age[key] = new_age.get(key, 0.0) + v
        spread(new_age, "20+", {c: float(b_tot[c - 1]) for c in range(16, 21)})
        new_sum = sum(new_age.values())
        # Expected joiners: the year's new plans by age (2021: 2022's ages scaled to 2021's
        # total), plus any joiners beyond new plans spread over NCY like the caseload.
        scale = min(1.0, join_total / new_total[year]) * new_total[year] / new_sum
        extra = max(0, join_total - new_total[year])
        b_sum = sum(b_tot.values())
        jstar = {c: scale * new_age.get(c + 1, 0.0) + extra * b_tot[c] / b_sum for c in cohorts}
        leave, leave_total = split_leavers(net, lstar, jstar, low, high, leave_total)
        flows[year] = {
            "published_ceased": published_leave if year in ceased_total else None,
            "ceased_estimate": None if year in ceased_total else published_leave,
            "new_plans": new_total[year], "leavers": leave, "net": net,
            "lstar": lstar, "jstar": jstar,
        }
        new_stock = {}
        for c in cohorts:
            origin = {s: v for (n, s), v in before_target.items() if n == c and v > 0}
            destination = dict(sorted(dest.get(c + 1, {}).items(),
                                      key=lambda item: SETTINGS.index(item[0])))
            origin = dict(sorted(origin.items(), key=lambda item: SETTINGS.index(item[0])))
            n_leave = leave[c]
            n_join = net[c] + n_leave
            ls, js, moves = cohort_flows(
                c, origin, destination, n_leave, n_join,
                joiner_weights(year, c + 1, destination), propensity)
            # Needs: the January Y+1 children of each destination setting are split into
            # joiners, movers from each origin, and stayers.
            for t in destination:
                pool = {k: after.get((c + 1, t, k), 0) for k in NEEDS}
                joined = take(pool, js.get(t, 0), joiner_need_weight[t], rng)
                for k, v in joined.items():
                    rows.extend([(year, NONSEND, NONSEND, c, t, k, c + 1)] * v)
                for s in SETTINGS:
                    if s == t or (s, t) not in moves:
                        continue
                    weights = {k: need_share[s][k] / need_share[t][k] for k in NEEDS}
                    moved = take(pool, moves[(s, t)], weights, rng)
                    for k, v in moved.items():
                        if v:
                            rows.extend([(year, s, k, c, t, k, c + 1)] * v)
                            new_stock[(c, s, k)] = new_stock.get((c, s, k), 0) + v
                stay = moves.get((t, t), 0)
                assert sum(pool.values()) == stay, (year, c, t)
                for k, v in pool.items():
                    if v:
                        rows.extend([(year, t, k, c, t, k, c + 1)] * v)
                        new_stock[(c, t, k)] = new_stock.get((c, t, k), 0) + v
            for s in origin:
                for k, v in draw(leaver_need_mix(s, c), ls.get(s, 0), rng).items():
                    if v:
                        rows.extend([(year, s, k, c, NONSEND, NONSEND, c + 1)] * v)
                        new_stock[(c, s, k)] = new_stock.get((c, s, k), 0) + v
        stock[year] = new_stock
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3], r[4], r[5], r[6]))
    return {
        "rows": rows, "stock": stock, "targets": targets, "totals": totals, "by_age": by_age,
        "folded": folded, "need_by_setting": need_by_setting, "need_by_ncy": need_by_ncy,
        "flows": flows, "new_total": new_total, "new_by_age": new_by_age,
        "ceased_total": ceased_total, "ceased_by_age": ceased_by_age,
    }


# ---------------------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------------------


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_outputs(result, pop):
    write_csv(
        "transitions.csv",
        ["calendar-year", "setting-1", "need-1", "academic-year-1", "setting-2", "need-2",
         "academic-year-2"],
        result["rows"])
    write_csv(
        "population.csv", ["calendar-year", "academic-year", "population"],
        [(y, n, pop[(y, n)]) for y in YEARS for n in POPULATION_NCYS])
    write_csv(
        "valid-states.csv",
        ["setting", "setting-group", "min-academic-year", "max-academic-year", "needs",
         "setting->setting"],
        [(s, GROUP[s], RANGE[s][0], RANGE[s][1], ",".join(NEEDS), ",".join(SETTINGS))
         for s in SETTINGS])
    write_csv("setting-types.csv", ["setting", "setting_type"],
              [(s, SETTING_TYPE[s]) for s in SETTINGS])


def band(ncy):
    if ncy <= 0:
        return "NCY<=0"
    if ncy <= 6:
        return "NCY 1-6"
    if ncy <= 11:
        return "NCY 7-11"
    if ncy <= 14:
        return "NCY 12-14"
    return "NCY 15-20"


BANDS = ["NCY<=0", "NCY 1-6", "NCY 7-11", "NCY 12-14", "NCY 15-20"]


def check(result):
    rows = result["rows"]
    ok = True

    def fail(message):
        nonlocal ok
        ok = False
        print("  FAILED: " + message)

    # Structure: NCY ranges, one year older, need kept, chaining.
    january = {y: {} for y in JANUARIES}
    for (year, s1, k1, n1, s2, k2, n2) in rows:
        if n2 != n1 + 1:
            fail("NCY step %r" % ((year, s1, n1, s2, n2),))
        if s1 != NONSEND and not valid(s1, n1) or s2 != NONSEND and not valid(s2, n2):
            fail("NCY range %r" % ((year, s1, n1, s2, n2),))
        if s1 != NONSEND and s2 != NONSEND and k1 != k2:
            fail("need changes %r" % ((year, s1, k1, s2, k2),))
        if s1 == NONSEND and s2 == NONSEND:
            fail("both NONSEND")
        if s1 != NONSEND:
            january[year][(n1, s1, k1)] = january[year].get((n1, s1, k1), 0) + 1
    closing = {y: {} for y in YEARS}
    for (year, s1, k1, n1, s2, k2, n2) in rows:
        if s2 != NONSEND:
            closing[year][(n2, s2, k2)] = closing[year].get((n2, s2, k2), 0) + 1
    for y in YEARS[:-1]:
        if closing[y] != january[y + 1]:
            fail("January %d closing stock differs from the next year's opening" % (y + 1))
    january[2025] = closing[2024]
    print("Structure: every NCY inside its setting's range, one NCY a year, need never "
          "changes, each January's stock the same from both sides: %s"
          % ("yes" if ok else "NO"))

    def by(stock, key):
        out = {}
        for (n, s, k), v in stock.items():
            out[key(n, s, k)] = out.get(key(n, s, k), 0) + v
        return out

    print("\nJanuary totals by setting: synthetic (published); every cell must be equal")
    print("%-6s" % "Jan" + "".join("%13s" % s for s in SETTINGS) + "%14s" % "total")
    for y in JANUARIES:
        syn = by(january[y], lambda n, s, k: s)
        pub = result["totals"][y]
        line = "%-6d" % y
        for s in SETTINGS:
            line += "%13s" % ("%d (%d)" % (syn.get(s, 0), pub[s]))
            if syn.get(s, 0) != pub[s]:
                fail("January %d %s" % (y, s))
        line += "%14s" % ("%d (%d)" % (sum(syn.values()), sum(pub.values())))
        print(line)

    print("\nJanuary 2024 and 2025, NCY x setting against the published age table")
    for y in (2024, 2025):
        syn = by(january[y], lambda n, s, k: (n, s))
        mapped = result["targets"][y]
        worst = max(abs(syn.get(key, 0) - mapped.get(key, 0)) for key in set(syn) | set(mapped))
        raw = {}
        for (age, s), v in result["by_age"][y].items():
            if v:
                key = (age - 4, s)
                raw[key] = raw.get(key, 0) + v
        dev = sorted(((syn.get(key, 0) - raw.get(key, 0), key) for key in set(syn) | set(raw)),
                     key=lambda d: (-abs(d[0]), d[1]))
        print("  %d: largest difference from the age table after the NCY mapping: %d; "
              "before folding (age = NCY + 4): %s" % (
                  y, worst, ", ".join("%s NCY %d %+d" % (k[1], k[0], d)
                                      for d, k in dev if d != 0)))
        if worst:
            fail("January %d NCY x setting" % y)
        for age, s, v, target in result["folded"][y]:
            label = "under 3" if age == 2 else "age %d" % age
            print("     folded: %-7s %-4s %3d plan(s) -> NCY %d" % (label, s, v, target))

    print("\nJanuary 2025 need by setting: synthetic - published (needs file)")
    syn = by(january[2025], lambda n, s, k: (s, k))
    print("%-6s" % "" + "".join("%6s" % k for k in NEEDS))
    worst = 0
    for s in SETTINGS:
        line = "%-6s" % s
        for k in NEEDS:
            d = syn.get((s, k), 0) - result["need_by_setting"][s][k]
            worst = max(worst, abs(d))
            line += "%6d" % d
        print(line)
    print("  largest difference: %d" % worst)
    syn = by(january[2025], lambda n, s, k: (n, k))
    devs = sorted(((syn.get((n, k), 0) - result["need_by_ncy"][n][k], n, k)
                   for n in NCYS for k in NEEDS), key=lambda d: (-abs(d[0]), d[1], d[2]))
    total_abs = sum(abs(d[0]) for d in devs)
    print("January 2025 need by NCY (age - 4): largest differences %s; sum of |differences| "
          "%d of 9,301 (%.1f%%)" % (
              ", ".join("NCY %d %s %+d" % (n, k, d) for d, n, k in devs[:4]), total_abs,
              100.0 * total_abs / sum(result["totals"][2025].values())))

    print("\nFlows by calendar year (joiners = NONSEND -> setting; leavers = setting -> "
          "NONSEND; movers change setting)")
    print("%-6s%9s%11s%9s%11s%9s%9s" % ("year", "joiners", "new plans", "leavers",
                                       "ceased", "movers", "stayers"))
    counts = {}
    for (year, s1, k1, n1, s2, k2, n2) in rows:
        kind = ("joiner" if s1 == NONSEND else "leaver" if s2 == NONSEND
                else "mover" if s1 != s2 else "stayer")
        counts[(year, kind)] = counts.get((year, kind), 0) + 1
    for y in YEARS:
        f = result["flows"][y]
        ceased = ("%d" % f["published_ceased"] if f["published_ceased"] is not None
                  else "~%d*" % f["ceased_estimate"])
        print("%-6d%9d%11d%9d%11s%9d%9d" % (
            y, counts.get((y, "joiner"), 0), result["new_total"][y], counts.get((y, "leaver"), 0),
            ceased, counts.get((y, "mover"), 0), counts.get((y, "stayer"), 0)))
    print("  * 2021 ceased plans are not published: the 2022 rate (ceased 2022 / January 2022)"
          " applied to January 2021")

    print("\nJoiners by NCY on arrival: synthetic (expected: published new plans at NCY = age "
          "when started - 4, plus the joiners beyond new plans spread like the caseload)")
    print("%-6s" % "year" + "".join("%16s" % b for b in BANDS))
    for y in YEARS:
        syn = {}
        for (year, s1, k1, n1, s2, k2, n2) in rows:
            if year == y and s1 == NONSEND:
                syn[band(n2)] = syn.get(band(n2), 0) + 1
        pub = {}
        for c, v in result["flows"][y]["jstar"].items():
            pub[band(c + 1)] = pub.get(band(c + 1), 0) + v
        print("%-6d" % y + "".join("%16s" % ("%d (%.0f)" % (syn.get(b, 0), pub.get(b, 0)))
                                   for b in BANDS))
    print("Leavers by NCY before leaving: synthetic (published ceased plans, age ceased - 5)")
    print("%-6s" % "year" + "".join("%16s" % b for b in BANDS))
    for y in YEARS:
        syn = {}
        for (year, s1, k1, n1, s2, k2, n2) in rows:
            if year == y and s2 == NONSEND:
                syn[band(n1)] = syn.get(band(n1), 0) + 1
        pub = {}
        for c, v in result["flows"][y]["lstar"].items():
            pub[band(c)] = pub.get(band(c), 0) + v
        print("%-6d" % y + "".join("%16s" % ("%d (%.0f)" % (syn.get(b, 0), pub.get(b, 0)))
                                   for b in BANDS))

    print("\nMovers by NCY step, 2021-2024 (all years)")
    steps = {}
    pairs = {}
    for (year, s1, k1, n1, s2, k2, n2) in rows:
        if s1 != NONSEND and s2 != NONSEND and s1 != s2:
            steps[n1] = steps.get(n1, 0) + 1
            pairs[(s1, s2)] = pairs.get((s1, s2), 0) + 1
    print("  " + ", ".join("%d->%d: %d" % (n, n + 1, v) for n, v in sorted(steps.items())))
    print("  most common: " + ", ".join("%s->%s %d" % (a, b, v) for (a, b), v in sorted(
        pairs.items(), key=lambda item: (-item[1], item[0]))[:10]))
    print("\nRows: %d; children in January 2025: %d" % (len(rows), sum(january[2025].values())))
    print("All exact checks passed." if ok else "SOME CHECKS FAILED.")
    return ok


def main():
    result = build()
    pop = population()
    write_outputs(result, pop)
    print("SYNTHETIC child-level EHCP extract, West Sussex (E10000032): no row is a real child.")
    print("Written: transitions.csv, population.csv, valid-states.csv, setting-types.csv\n")
    if not check(result):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
