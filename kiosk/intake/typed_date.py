"""A date typed digit by digit into month, day and year fields, as on a phone's keypad.

What the patient has typed so far, which field the next digit goes to, whether the digits make
a real date that is not in the future, and which whole year two digits most likely mean. The
kiosk's date keypad shows it; the rules live here, without Qt.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Literal

#: The order a clinic writes dates in: month/day/year, day/month/year or year/month/day.
DateOrder = Literal["mdy", "dmy", "ymd"]

#: How many digits each field takes.
LENGTH = {"month": 2, "day": 2, "year": 4}
ORDERS: dict[DateOrder, tuple[str, str, str]] = {
    "mdy": ("month", "day", "year"),
    "dmy": ("day", "month", "year"),
    "ymd": ("year", "month", "day"),
}
OLDEST_YEAR = 1900
EMPTY = "\u2013"


def digits_for(value: datetime.date, order: DateOrder) -> str:
    """The digits a patient types for `value`, field after field in the clinic's order."""
    shown = {"month": f"{value.month:02d}", "day": f"{value.day:02d}", "year": f"{value.year:04d}"}
    return "".join(shown[field] for field in ORDERS[order])



class TypedDate:
    """The digits typed so far into each field, and what they make (no Qt)."""

    def __init__(self, order: DateOrder, today: datetime.date) -> None:
        self.order = ORDERS[order]
        self.today = today
        self.digits = {field: "" for field in self.order}
        self.current: str | None = self.order[0]
        self._padded: set[str] = set()  # a one-digit month or day shown with its 0

    def full(self, field: str) -> bool:
        return len(self.digits[field]) == LENGTH[field]

    def press(self, digit: str) -> bool:
        """Type `digit` into the field in use; False when no such month or day can follow."""
        field = self.current
        if field is None:
            return False
        typed = self.digits[field] + digit
        padded = False
        if field != "year" and len(typed) == 1 and digit > ("1" if field == "month" else "3"):
            typed, padded = "0" + digit, True
        highest = 12 if field == "month" else 31
        if field != "year" and len(typed) == 2 and not 1 <= int(typed) <= highest:
            return False
        self.digits[field] = typed
        if padded:
            self._padded.add(field)
        if self.full(field):
            self._move_on(field)
        return True

    def _move_on(self, field: str) -> None:
        after = self.order[self.order.index(field) + 1:]
        self.current = next((f for f in after if not self.full(f)), None)

    def rub_out(self) -> None:
        """Take back the last digit of the field in use, or of the one before it if empty."""
        field = self.current
        if field is None or not self.digits[field]:
            place = len(self.order) if field is None else self.order.index(field)
            if place == 0:
                return
            field = self.current = self.order[place - 1]
        if field in self._padded:
            self.digits[field] = ""
            self._padded.discard(field)
        else:
            self.digits[field] = self.digits[field][:-1]

    def retype(self, field: str) -> None:
        """Empty `field` and type into it next."""
        self.digits[field] = ""
        self._padded.discard(field)
        self.current = field

    def set_date(self, value: datetime.date | None) -> None:
        self._padded.clear()
        if value is None:
            self.digits = {field: "" for field in self.order}
            self.current = self.order[0]
            return
        self.digits = {"month": f"{value.month:02d}", "day": f"{value.day:02d}",
                       "year": f"{value.year:04d}"}
        self.current = None

    def _day_fits_month(self) -> bool:
        if not (self.full("month") and self.full("day")):
            return True
        return int(self.digits["day"]) <= calendar.monthrange(2000, int(self.digits["month"]))[1]

    def problem(self) -> str | None:
        """Which ui word explains why the fields make no answer yet (None: nothing wrong)."""
        if not self._day_fits_month():
            return "date_not_real"
        if not all(self.full(field) for field in self.order):
            return None
        if int(self.digits["year"]) < OLDEST_YEAR:
            return "date_check_year"
        made = self._made()
        if made is None:
            return "date_not_real"
        return "date_in_future" if made > self.today else None

    def _made(self) -> datetime.date | None:
        try:
            return datetime.date(int(self.digits["year"]), int(self.digits["month"]),
                                 int(self.digits["day"]))
        except ValueError:
            return None

    def value(self) -> datetime.date | None:
        if not all(self.full(field) for field in self.order) or self.problem() is not None:
            return None
        return self._made()

    def century(self) -> int | None:
        """The whole year two typed digits most likely mean: the latest that is not to come."""
        typed = self.digits["year"]
        if self.current != "year" or len(typed) != 2:
            return None
        for hundred in (2000, 1900):
            year = hundred + int(typed)
            if year > self.today.year:
                continue
            if self.full("month") and self.full("day") and self._day_fits_month():
                try:
                    if datetime.date(year, int(self.digits["month"]),
                                     int(self.digits["day"])) > self.today:
                        continue
                except ValueError:
                    pass  # 29 February of a common year: that is said when the year is whole
            return year
        return None

    def fill_year(self, year: int) -> None:
        self.digits["year"] = f"{year:04d}"
        self._move_on("year")
