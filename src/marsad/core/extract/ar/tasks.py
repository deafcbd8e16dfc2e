"""Arabic: how a review meeting states its tasks (kinds: see :mod:`..tasks`), including machine
translations of Vietnamese reports.

"حددت اللجنة الشعبية الإقليمية 12 مهمة" (a count, no task); "تتولى إدارة المالية رئاسة ...
بالتنسيق مع إدارة البناء واللجان الشعبية للبلديات ... قبل 31/12/2025" (lead, cooperating,
deadline); "بحلول نهاية الربع الثاني"; "تفويض مهام محددة إلى مستوى البلدية" (delegated to
communes); "أشاد ...، داعيًا جميع المستويات إلى ..." (praise, then the task); a glued "و" at the
head of a list item is stripped, but not the first letter of "وضع", "وزارة", "وتيرة".
"""

from __future__ import annotations

from ..grammar import Rule
from ..tasks import Due, written_before
from ..tasks import year_of as _year
from .lexicon import MONTHS, NUMBER_WORDS, ORDINAL_Q, unmark

_NW = "|".join(
    sorted(
        set(NUMBER_WORDS)
        | {"اثنتي عشرة", "اثني عشر", "عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"},
        key=len,
        reverse=True,
    )
)
_MON = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?:\s*،?\s*(?:من\s+)?(?:عام|العام|سنة|لعام)?\s*(?P<y>(?:19|20)\d\d)(?!\d))?"
_Q = r"(?P<q>الأول|الاول|الثاني|الثالث|الرابع|الأخير|الاخير)"
_COUNT_WORDS = {"اثنتي عشرة": 12, "اثني عشر": 12, "عشر": 10, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7,
                "ثماني": 8, "تسع": 9}  # fmt: skip

# Rules start where a word starts, or after a glued و/ف (the item's "و" may have been stripped):
# (?<![^\Wوف]) below.
# A unit's name: a head word and up to five words, before a preposition, a verbal noun with ب/ل, or punctuation.
_HEAD = r"(?:ال)?(?:إدارة|ادارة|إدارات|دائرة|مديرية|وزارة|هيئة|مكتب|لجنة|لجان|مجلس|شرطة|مصلحة|صندوق|بنك|مركز|جهاز|قيادة)"
# The words of a name are definite ("إدارة التخطيط والاستثمار", "اللجان الشعبية للبلديات"); the
# indefinite verbal noun after it is the task ("تتولى إدارة الزراعة إعداد خطة").
_STOP = r"(?:المسؤولية|الإشراف|التنسيق|التعاون)"
_UNIT = rf"(?<![^\Wوف])[وف]?{_HEAD}(?:\s+(?!{_STOP}(?!\w))[وف]?(?:ال|لل)[^\s،,؛;.:()]+){{0,5}}"
# و glued to a word that begins with و itself: not a conjunction ("وضع", "وزارة", "وتيرة", "وفقا").
_NATIVE_W = ("ضع", "زار", "زير", "قت", "طن", "حد", "صول", "جود", "فق", "تير", "لاي", "كال", "سائل", "سيل",
             "ثيق", "ثائق", "رش", "ظيف", "عي", "صف", "اقع", "ضوح", "سط", "عد", "قف", "قاي", "زن", "فر", "ضوع")  # fmt: skip


def _n(m) -> int | None:
    w = m.group("n")
    if w.isdigit():
        return int(w)
    w = unmark(w)
    return NUMBER_WORDS.get(w) or _COUNT_WORDS.get(w)


def _date(m) -> Due | None:
    month = MONTHS.get(m.group("mon")) if m.groupdict().get("mon") else int(m.group("m"))
    return Due("date", _year(m), month, int(m.group("d"))) if month else None


def _quarter(m) -> Due:
    return Due("quarter", _year(m), ORDINAL_Q.get(unmark(m.group("q"))), before=written_before(m))


def _half(m) -> Due:
    return Due("half", _year(m), 1 if "ول" in m.group("h") else 2, before=written_before(m))


def _month(m) -> Due | None:
    month = MONTHS.get(m.group("mon"))
    return Due("month", _year(m), month, before=written_before(m)) if month else None


def _year_due(m) -> Due | None:
    return Due("year", _year(m), before=written_before(m)) if _year(m) else None


_BY = (
    r"(?<![^\Wوف])(?:و?بحلول|حتى|في\s+موعد\s+(?:أقصاه|اقصاه|لا\s+يتجاوز)|(?P<before>و?قبل))\s+"
    r"(?:(?P<end>نهاية|موعد\s+أقصاه\s+نهاية)\s+)?(?:تاريخ\s+|يوم\s+)?"
)

FRAGMENT_WORDS = 4  # a conjunction-led piece this short ends the previous task's list

RULES = [
    Rule("tasks_counted", "task_count",
         rf"(?<![^\Wوف])(?P<n>\d{{1,3}}|{_NW})\s+(?:مهمة|مهام|مهمات|حلول|مجموعات\s+(?:من\s+)?المهام)(?!\w)", _n),
    Rule("praise_ar", "praise",
         r"(?<![^\Wوف])[وف]?(?:أشاد|اشاد|أشادت|أثنى|اثنى|أثنت|نوه|نوّه|هنأ|هنّأ|ثمن|ثمّن|أعرب\s+عن\s+تقديره)(?!\w)"),
    Rule("call_after_praise_ar", "task_call",
         r"(?<![^\Wوف])(?:داعي[اًً]*|ودعا|دعا|مطالب[اًً]*|حاث[اًً]*|وطالب|وحث)\s+[^.؛]{0,80}?(?:إلى|الى|على|ب)(?!\w)\s*"),
    Rule("conjunction_ar", "conjunction",
         r"(?:كما\s+|ثم\s+|أيضا\s+|أيضًا\s+|بالإضافة\s+إلى\s+ذلك\s*،?\s*|إلى\s+جانب\s+ذلك\s*،?\s*"
         rf"|و(?=[^\W\d_]{{2}})(?!(?:{'|'.join(_NATIVE_W)})))"),
    Rule("lead_takes_charge", "task_lead",
         rf"(?<![^\Wوف])[وف]?(?:تتولى|يتولى|تتولّى|يتولّى|تترأس|تقود|يقود)\s+(?P<lead>{_UNIT})"),
    Rule("lead_assigned", "task_lead",
         rf"(?<![^\Wوف])[وف]?(?:كلف|كلّف|كلفت|كلّفت|تكليف|يكلف|تكلف|أوكل|أوكلت|أسند|أسندت)\s+(?P<lead>{_UNIT})\s+(?:ب|بـ)"),
    Rule("lead_led_by", "task_lead", rf"(?<![^\Wوف])(?:بقيادة|برئاسة|تحت\s+إشراف)\s+(?P<lead>{_UNIT})"),
    Rule("coop_with", "task_coop",
         r"(?<![^\Wوف])(?:بالتنسيق|بالتعاون|وبالتنسيق|وبالتعاون)\s+مع\s+(?P<coop>[^؛;.]{3,200}?)"
         r"(?=\s*[،,]\s*(?:ل|قبل|بحلول|في\s+موعد|وذلك)|\s+(?:ل(?!ل)[^\s]{3,}|قبل|بحلول|في\s+موعد)(?!\w)|\s*[؛;.(]|\s*$)"),
    Rule("unit_split_ar", "unit_split", rf"\s*[،,]\s*(?={_HEAD})|\s+و(?={_HEAD})"),
    Rule("deadline_date_numeric_ar", "deadline",
         rf"{_BY}(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>(?:19|20)\d\d))?(?![\d/])", _date),
    Rule("deadline_date_words_ar", "deadline", rf"{_BY}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?{_MON}{_YEAR}", _date),
    Rule("deadline_quarter_ar", "deadline", rf"{_BY}(?:ال)?ربع\s+{_Q}{_YEAR}", _quarter),
    Rule("deadline_half_ar", "deadline", rf"{_BY}(?:ال)?نصف\s+(?P<h>الأول|الاول|الثاني)(?:\s+من\s+(?:العام|السنة))?{_YEAR}", _half),
    Rule("deadline_month_ar", "deadline", rf"{_BY}(?:شهر\s+)?{_MON}{_YEAR}", _month),
    Rule("deadline_year_ar", "deadline", rf"{_BY}(?:عام|العام|سنة)\s+(?P<y>(?:19|20)\d\d)(?!\d)", _year_due),
    Rule("delegated_to_communes_ar", "delegated",
         r"(?<![^\Wوف])[وف]?(?:تفويض|التفويض|اللامركزية|للامركزية|لامركزية|نقل\s+صلاحيات|إسناد|تكليف)\s+(?:[^.؛]{0,60}?\s)?"
         r"(?:إلى|الى|ل)\s*(?:ال)?(?:مستوى\s+)?(?:ال)?(?:بلديات|بلدية|كوميونات|أحياء\s+والبلديات|بلديات\s+والأحياء)(?!\w)"),
]  # fmt: skip
