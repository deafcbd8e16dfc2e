"""Vietnamese words the rules are built from (numbers in words, quarters, months)."""

from __future__ import annotations

NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                "mười một": 11, "mười hai": 12}  # fmt: skip
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}  # fmt: skip
YEAR = r"(?P<year>(?:19|20)\d\d)"
