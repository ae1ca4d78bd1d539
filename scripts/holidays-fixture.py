"""Writes test/fixtures/calendar/python-holidays-vn.json: Vietnam's days off for 2023-2030 as the
python `holidays` library lists them, for test/domain/calendar-library.test.ts to compare against.

Run with `npm run calendar:fixture` (it installs the pinned version into .cache/holidays-venv).
The library lists public holidays and their compensatory days; the day a swapped day off is worked
in exchange appears only in its name ("Day off (substituted from 04/26/2025)"), read below.
"""

import json
import re
import sys
from pathlib import Path

import holidays

PINNED = "0.109"
YEARS = range(2023, 2031)
SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")


def year_of(year: int) -> dict:
    days = holidays.country_holidays("VN", years=year, language="en_US")
    days_off = []
    make_up = []
    for day, name in sorted(days.items()):
        days_off.append({"date": day.isoformat(), "name": name})
        m = SUBSTITUTED.search(name)
        if m:
            make_up.append(f"{m.group(3)}-{m.group(1)}-{m.group(2)}")
    return {"year": year, "daysOff": days_off, "makeUpDays": sorted(make_up)}


def main() -> None:
    if holidays.__version__ != PINNED:
        sys.exit(f"expected holidays {PINNED}, found {holidays.__version__}")
    out = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "calendar" / "python-holidays-vn.json"
    data = {
        "library": "holidays (python)",
        "version": holidays.__version__,
        "country": "VN",
        "years": [year_of(y) for y in YEARS],
    }
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")


if __name__ == "__main__":
    main()
