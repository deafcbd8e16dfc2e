"""Province names in Arabic, Vietnamese and English, old and new, found in text.

The reader needs names as reports write them, including machine-translated Arabic spellings
("باك نينه", "دونج ناي"/"دونغ ناي", "هو تشي منه"/"هوشي منه"). The table below gives the English
name, the Vietnamese name and Arabic spellings of every province before and after the 1 July 2025
merger; codes come from the gazetteer (``marsad.core.gazetteer``) when it is installed, from the
official two-digit codes otherwise. :func:`lookup_area` is the one place names become areas.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .model import AreaRef
from .text import ar_phrase

# (official code, English, Vietnamese, Arabic spellings, still a province after 2025-07-01)
PROVINCES: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("01", "Ha Noi", "Hà Nội", ("هانوي", "ها نوي", "هانوى"), True),
    ("02", "Ha Giang", "Hà Giang", ("ها جيانج", "ها جيانغ", "هاجيانج"), False),
    ("04", "Cao Bang", "Cao Bằng", ("كاو بانج", "كاو بانغ"), True),
    ("06", "Bac Kan", "Bắc Kạn", ("باك كان", "باك كان"), False),
    ("08", "Tuyen Quang", "Tuyên Quang", ("توين كوانج", "تويين كوانج", "توين كوانغ", "تويين كوانغ"), True),
    ("10", "Lao Cai", "Lào Cai", ("لاو كاي", "لاوكاي"), True),
    ("11", "Dien Bien", "Điện Biên", ("ديان بيان", "دين بين", "ديين بيين"), True),
    ("12", "Lai Chau", "Lai Châu", ("لاي تشاو", "لاي شاو"), True),
    ("14", "Son La", "Sơn La", ("سون لا", "سونلا"), True),
    ("15", "Yen Bai", "Yên Bái", ("ين باي", "يين باي"), False),
    ("17", "Hoa Binh", "Hòa Bình", ("هوا بينه", "هوا بينغ", "هوابينه"), False),
    ("19", "Thai Nguyen", "Thái Nguyên", ("تاي نجوين", "تاي نغوين", "تاي نجوين"), True),
    ("20", "Lang Son", "Lạng Sơn", ("لانج سون", "لانغ سون"), True),
    ("22", "Quang Ninh", "Quảng Ninh", ("كوانج نينه", "كوانغ نينه", "كوانج نينغ", "كوانغ نينغ"), True),
    ("24", "Bac Giang", "Bắc Giang", ("باك جيانج", "باك جيانغ"), False),
    ("25", "Phu Tho", "Phú Thọ", ("فو ثو", "فوثو"), True),
    ("26", "Vinh Phuc", "Vĩnh Phúc", ("فينه فوك", "فينغ فوك"), False),
    ("27", "Bac Ninh", "Bắc Ninh", ("باك نينه", "باك نينغ", "باكنينه", "باك نين"), True),
    ("30", "Hai Duong", "Hải Dương", ("هاي دونج", "هاي دوونج", "هاي دونغ", "هاي زوونغ"), False),
    ("31", "Hai Phong", "Hải Phòng", ("هاي فونج", "هاي فونغ", "هايفونغ"), True),
    ("33", "Hung Yen", "Hưng Yên", ("هونج ين", "هونغ ين", "هونغ يين", "هونج يين"), True),
    ("34", "Thai Binh", "Thái Bình", ("تاي بينه", "تاي بينغ"), False),
    ("35", "Ha Nam", "Hà Nam", ("ها نام", "هانام"), False),
    ("36", "Nam Dinh", "Nam Định", ("نام دينه", "نام دينغ"), False),
    ("37", "Ninh Binh", "Ninh Bình", ("نينه بينه", "نينغ بينغ", "نين بينه"), True),
    ("38", "Thanh Hoa", "Thanh Hóa", ("ثانه هوا", "ثانغ هوا", "تان هوا"), True),
    ("40", "Nghe An", "Nghệ An", ("نغي آن", "نجي آن", "نغه آن", "نجه آن", "نغي ان", "نجي ان"), True),
    ("42", "Ha Tinh", "Hà Tĩnh", ("ها تينه", "ها تينغ"), True),
    ("44", "Quang Binh", "Quảng Bình", ("كوانج بينه", "كوانغ بينه", "كوانغ بينغ"), False),
    ("45", "Quang Tri", "Quảng Trị", ("كوانج تري", "كوانغ تري"), True),
    ("46", "Hue", "Huế", ("مدينة هوي", "ثوا ثين هوي", "ثوا ثين هيو", "هيو"), True),
    ("48", "Da Nang", "Đà Nẵng", ("دا نانغ", "دا نانج", "دانانغ", "دا نانق"), True),
    ("49", "Quang Nam", "Quảng Nam", ("كوانج نام", "كوانغ نام"), False),
    ("51", "Quang Ngai", "Quảng Ngãi", ("كوانج نجاي", "كوانغ نجاي", "كوانغ نغاي", "كوانج نغاي"), True),
    ("52", "Binh Dinh", "Bình Định", ("بينه دينه", "بينغ دينغ", "بين دين"), False),
    ("54", "Phu Yen", "Phú Yên", ("فو ين", "فو يين"), False),
    ("56", "Khanh Hoa", "Khánh Hòa", ("خانه هوا", "خانغ هوا", "خان هوا"), True),
    ("58", "Ninh Thuan", "Ninh Thuận", ("نينه ثوان", "نينغ ثوان", "نين ثوان"), False),
    ("60", "Binh Thuan", "Bình Thuận", ("بينه ثوان", "بينغ ثوان", "بين ثوان"), False),
    ("62", "Kon Tum", "Kon Tum", ("كون توم", "كونتوم"), False),
    ("64", "Gia Lai", "Gia Lai", ("جيا لاي", "جيالاي", "غيا لاي"), True),
    ("66", "Dak Lak", "Đắk Lắk", ("داك لاك", "داك لك", "داكلاك"), True),
    ("67", "Dak Nong", "Đắk Nông", ("داك نونج", "داك نونغ"), False),
    ("68", "Lam Dong", "Lâm Đồng", ("لام دونج", "لام دونغ"), True),
    ("70", "Binh Phuoc", "Bình Phước", ("بينه فوك", "بينغ فوك", "بينه فوك", "بين فوك", "بينه فوُك"), False),
    ("72", "Tay Ninh", "Tây Ninh", ("تاي نينه", "تاي نينغ", "تاي نين"), True),
    (
        "74",
        "Binh Duong",
        "Bình Dương",
        ("بينه دونج", "بينه دوونج", "بينغ دونغ", "بينه دونغ", "بينه زوونغ"),
        False,
    ),
    ("75", "Dong Nai", "Đồng Nai", ("دونج ناي", "دونغ ناي", "دونق ناي"), True),
    (
        "77",
        "Ba Ria - Vung Tau",
        "Bà Rịa - Vũng Tàu",
        ("با ريا فونج تاو", "با ريا - فونج تاو", "با ريا - فونغ تاو", "با ريا فونغ تاو"),
        False,
    ),
    (
        "79",
        "Ho Chi Minh City",
        "Hồ Chí Minh",
        ("هو تشي منه", "هوشي منه", "هو شي منه", "هو تشي مينه", "هوشي مينه"),
        True,
    ),
    ("80", "Long An", "Long An", ("لونج آن", "لونغ آن", "لونج ان", "لونغ ان"), False),
    ("82", "Tien Giang", "Tiền Giang", ("تيان جيانج", "تيين جيانج", "تيين جيانغ", "تين جيانج"), False),
    ("83", "Ben Tre", "Bến Tre", ("بن تري", "بين تري", "بن تر"), False),
    ("84", "Tra Vinh", "Trà Vinh", ("ترا فينه", "ترا فينغ"), False),
    ("86", "Vinh Long", "Vĩnh Long", ("فينه لونج", "فينه لونغ", "فينغ لونغ"), True),
    ("87", "Dong Thap", "Đồng Tháp", ("دونج ثاب", "دونغ ثاب", "دونج تاب", "دونغ تاب"), True),
    ("89", "An Giang", "An Giang", ("آن جيانج", "آن جيانغ", "ان جيانج", "ان جيانغ"), True),
    ("91", "Kien Giang", "Kiên Giang", ("كين جيانج", "كيين جيانج", "كين جيانغ", "كيين جيانغ"), False),
    ("92", "Can Tho", "Cần Thơ", ("كان ثو", "كانثو", "كان تو"), True),
    ("93", "Hau Giang", "Hậu Giang", ("هاو جيانج", "هاو جيانغ"), False),
    ("94", "Soc Trang", "Sóc Trăng", ("سوك ترانج", "سوك ترانغ"), False),
    ("95", "Bac Lieu", "Bạc Liêu", ("باك ليو", "باك لييو"), False),
    ("96", "Ca Mau", "Cà Mau", ("كا ماو", "كاماو"), True),
)

# Where each province closed on 2025-07-01 went (official code of the province it merged into).
MERGED_INTO = {
    "02": "08", "06": "19", "15": "10", "17": "25", "26": "25", "24": "24", "27": "24",
    "30": "31", "34": "33", "35": "37", "36": "37", "44": "45", "49": "48", "62": "51",
    "52": "64", "54": "66", "58": "56", "60": "68", "67": "68", "70": "75", "74": "79",
    "77": "79", "80": "72", "82": "87", "83": "86", "84": "86", "91": "89", "93": "92",
    "94": "92", "95": "96",
}  # fmt: skip

_EXTRA_EN = {
    "Ho Chi Minh City": ("HCMC", "HCM City", "Ho Chi Minh", "Saigon"),
    "Ha Noi": ("Hanoi",),
    "Hue": ("Thua Thien Hue", "Thua Thien - Hue"),
    "Ba Ria - Vung Tau": ("Ba Ria-Vung Tau", "Ba Ria Vung Tau", "BR-VT"),
    "Dak Lak": ("Daklak", "Dac Lac"),
    "Dak Nong": ("Daknong",),
}
_EXTRA_VI = {
    "Ho Chi Minh City": ("TP.HCM", "TP HCM", "TPHCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    "Hue": ("Thừa Thiên Huế", "Thừa Thiên - Huế"),
    "Ba Ria - Vung Tau": ("Bà Rịa-Vũng Tàu", "BR-VT", "Bà Rịa – Vũng Tàu"),
    "Thanh Hoa": ("Thanh Hoá",),
    "Khanh Hoa": ("Khánh Hoà",),
    "Hoa Binh": ("Hoà Bình",),
}

NATION = AreaRef("VN", "Vietnam")
_NATION_WORDS = {
    "ar": r"(?:ال)?ناتج\s+(?:ال)?محلي\s+(?:ال)?إجمالي\s+(?:لفيتنام|للبلاد|الوطني)|اقتصاد\s+(?:البلاد|فيتنام)",
    "vi": r"Tổng\s+sản\s+phẩm\s+trong\s+nước|GDP|nền\s+kinh\s+tế\s+nước\s+ta",
    "en": r"Vietnam(?:'s|’s)?\s+(?:economy|GDP)|national\s+GDP|GDP",
}


def _strip_marks(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@dataclass(frozen=True, slots=True)
class AreaMention:
    start: int
    end: int
    area: AreaRef


def _code(official: str, current: bool) -> str:
    return f"VN-{official}" if current else f"VN-OLD-{official}"


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from marsad.core.gazetteer import load_gazetteer
    except ImportError:
        return None
    try:
        return load_gazetteer()
    except Exception:  # noqa: BLE001 - a broken data file must not stop the reader
        return None


def lookup_area(name: str) -> AreaRef | None:
    """An area from a name or code in any language (the gazetteer when installed)."""
    name = (name or "").strip()
    if not name:
        return None
    if name.upper() in ("VN", "VIETNAM", "VIỆT NAM", "VIET NAM", "فيتنام"):
        return NATION
    gaz = _gazetteer()
    if gaz is not None:
        try:
            rec = gaz.get(name) if hasattr(gaz, "get") else None
            rec = rec or gaz.find(name)
        except Exception:  # noqa: BLE001
            rec = None
        if rec is not None:
            return AreaRef(rec.code, rec.name_en)
    key = _strip_marks(name).lower()
    for official, en, vi, ars, current in PROVINCES:
        names = {en, vi, *_EXTRA_EN.get(en, ()), *_EXTRA_VI.get(en, ())}
        if (
            key in {_strip_marks(n).lower() for n in names}
            or name in ars
            or name.upper()
            in (
                f"VN-{official}",
                f"VN-OLD-{official}",
            )
        ):
            return AreaRef(_code(official, current), en)
    return None


class AreaFinder:
    """Finds province names in one language's text."""

    def __init__(self, lang: str) -> None:
        alts: list[str] = []
        self.names: list[str] = []
        for i, (_, en, vi, ars, _) in enumerate(PROVINCES):
            if lang == "ar":
                pats = [ar_phrase(a) for a in ars]
            else:
                forms = {en, vi, *_EXTRA_EN.get(en, ()), *_EXTRA_VI.get(en, ())}
                forms |= {_strip_marks(f) for f in forms}
                pats = [r"[\s\-–]*".join(regex.escape(w) for w in f.replace("-", " ").split()) for f in forms]
            pats.sort(key=len, reverse=True)
            alts.append(f"(?P<p{i}>{'|'.join(pats)})")
            self.names.append(en)
        nation = _NATION_WORDS[lang]
        body = "|".join(alts)
        if lang == "ar":
            self.pattern = regex.compile(
                rf"(?<!\w)(?:[وبل]|ل?ل?مقاطعة\s+|مدينة\s+)?(?:{body})(?!\w)|(?P<nation>{nation})"
            )
        else:
            flags = regex.I if lang == "en" else 0
            self.pattern = regex.compile(rf"(?<!\w)(?:{body})(?!\w)|(?<!\w)(?P<nation>{nation})(?!\w)", flags)

    def find(self, text: str) -> list[AreaMention]:
        found = []
        for m in self.pattern.finditer(text):
            if m.group("nation"):
                found.append(AreaMention(m.start(), m.end(), NATION))
                continue
            for i, en in enumerate(self.names):
                if m.group(f"p{i}"):
                    area = lookup_area(en)
                    if area is not None:
                        found.append(AreaMention(m.start(), m.end(), area))
                    break
        return found


@lru_cache(maxsize=3)
def area_finder(lang: str) -> AreaFinder:
    return AreaFinder(lang)


@lru_cache(maxsize=1)
def _by_english_name() -> dict[str, list]:
    gaz = _gazetteer()
    if gaz is None:
        return {}
    table: dict[str, list] = {}
    for rec in gaz.provinces(include_closed=True):
        table.setdefault(rec.name_en, []).append(rec)
    return table


@lru_cache(maxsize=4096)
def area_in_time(area: AreaRef | None, period: str | None) -> AreaRef | None:
    """The province of that name as it was during ``period``: a 2023 figure for "Bac Ninh" is
    the pre-merger province (VN-OLD-27), a 2025-9M figure the merged one (VN-24)."""
    if area is None or not period or area == NATION:
        return area
    from marsad.core import periods

    try:
        end = periods.parse(period).end
    except periods.PeriodError:
        return area
    for rec in _by_english_name().get(area.name or "", []):
        if rec.valid_on(end):
            return AreaRef(rec.code, rec.name_en)
    return area
