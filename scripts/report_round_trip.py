"""Round trip of the demo's reports: each language x format rendered from the database (the
shipped samples when it has none), read back by the reader, figures compared (right indicator,
measure, period, value and area). Usage: python scripts/report_round_trip.py [AREA:PERIOD ...]"""

from __future__ import annotations

import sys

from marsad.reports.round_trip import FORMATS, check
from marsad.reports.sources import database_report_data, sample_report_data

DEMO = ("Ninh Thuan:2024Q1", "Bac Ninh:2025-9M", "Khanh Hoa:2025Q1")


def main(args: list[str]) -> int:
    total = {}
    for spec in args or DEMO:
        area, period = spec.split(":")
        data = database_report_data(area, period) or sample_report_data(area, period)
        for lang in ("ar", "vi", "en"):
            for fmt in FORMATS:
                r = check(data, lang, fmt)
                f, s = total.get((lang, fmt), (0, 0))
                total[(lang, fmt)] = (f + r.found, s + r.stated)
                print(
                    f"{area} {period} {lang} {fmt}: {r.found}/{r.stated} missing={r.missing} wrong_area={r.wrong_area}"
                )
    print("\nlang format found/stated")
    for (lang, fmt), (f, s) in sorted(total.items()):
        print(f"{lang} {fmt} {f}/{s} {100 * f / s if s else 100:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
