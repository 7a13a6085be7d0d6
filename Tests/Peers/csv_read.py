"""Speed peer for placeplan's CSV reader: Python's csv module reading a file whole.

Reads each file given (as placeplan's reader does: open as UTF-8, every row into a list of
strings) three times and prints the best time and MB/s. Run:
python3 Tests/Peers/csv_read.py FILE [FILE ...]
"""

import csv
import os
import sys
import time


def main() -> None:
    for path in sys.argv[1:]:
        size = os.path.getsize(path)
        best = float("inf")
        rows = 0
        for _ in range(3):
            start = time.perf_counter()
            with open(path, newline="", encoding="utf-8-sig") as handle:
                rows = len(list(csv.reader(handle)))
            best = min(best, time.perf_counter() - start)
        print(
            f"python csv {os.path.basename(path)}: {size / 1e6:.1f} MB in {best:.3f} s "
            f"= {size / 1e6 / best:.1f} MB/s ({rows} rows)"
        )


if __name__ == "__main__":
    main()
