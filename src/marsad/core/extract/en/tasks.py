"""English: how a review meeting states its tasks (kinds: see :mod:`..tasks`).

"The committee set out 12 key tasks" (a count, no task); "The Department of Finance shall take
the lead, in coordination with the Department of Construction and district People's Committees,
... by 31 December 2025" (lead, cooperating, deadline); "by the end of Q2"; "delegated to the
communes"; "He praised ..., calling on all sectors to ..." (praise, then the task).
"""

from __future__ import annotations

from ..grammar import Rule
from ..tasks import Due, written_before
from ..tasks import year_of as _year
from .lexicon import MONTHS, NUMBER_WORDS, ORDINALS, month_number

_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_MON = (
    r"(?P<mon>"
    + "|".join(m.capitalize() for m in MONTHS)
    + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:,?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?"
_ORD = r"(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)"

# A unit's name: "the Department of Planning and Investment", "the provincial Police",
# "district People's Committees", "the Provincial Tax Department".
_HEAD = (
    r"(?:Departments?|Office|Committees?|Board|Police|Inspectorate|Treasury|Centre|Center|Bureau|Authority|"
    r"Agency|Ministry|Fund|Bank|Command|Union)"
)
_NAME_WORD = r"(?-i:[A-Z][\w'’&-]*)"
_UNIT = (
    rf"(?:(?:provincial|municipal|city|district|commune|local|relevant)\s+)?(?:{_NAME_WORD}\s+){{0,4}}?"
    rf"(?-i:{_HEAD})(?:\s+(?:of|for|on)\s+(?:the\s+)?{_NAME_WORD}(?:\s+(?:and\s+|of\s+|&\s+|for\s+)?{_NAME_WORD}){{0,6}})?"
)


def _n(m) -> int | None:
    w = m.group("n").lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def _date(m) -> Due | None:
    if m.groupdict().get("mon"):
        month = month_number(m.group("mon"))
    else:
        month = int(m.group("m"))
    return Due("date", _year(m), month, int(m.group("d"))) if month else None


def _quarter(m) -> Due:
    q = int(m.group("q")) if m.groupdict().get("q") else ORDINALS.get(m.group("qo").lower())
    return Due("quarter", _year(m), q, before=written_before(m))


def _half(m) -> Due:
    return Due("half", _year(m), 1 if m.group("h").lower() == "first" else 2, before=written_before(m))


def _month(m) -> Due | None:
    month = month_number(m.group("mon"))
    return Due("month", _year(m), month, before=written_before(m)) if month else None


def _year_due(m) -> Due:
    return Due("year", _year(m), before=written_before(m))


_BY = r"(?<!\w)(?:by|(?P<before>before|prior\s+to)|no\s+later\s+than|not\s+later\s+than|due\s+(?:by|on)|deadline\s+(?:of|is))\s+(?:(?P<end>the\s+end\s+of)\s+)?"

FRAGMENT_WORDS = 4  # a conjunction-led piece this short ends the previous task's list

RULES = [
    Rule("tasks_counted", "task_count",
         rf"(?<!\w)(?P<n>\d{{1,3}}|{_NW})\s+(?:(?:key|main|major|priority|groups\s+of|sets\s+of)\s+)*(?:tasks|solutions)(?!\w)",
         _n),
    Rule("praise_en", "praise",
         r"(?<!\w)(?:praised|praising|commended|commending|applauded|appreciated|congratulated|lauded|hailed|acknowledged)(?!\w)"),
    Rule("call_after_praise_en", "task_call",
         r"(?<!\w)(?:and\s+)?(?:calling\s+on|called\s+on|call\s+on|urging|urged|asking|asked|requesting|requested)\s+"
         r"(?:[^\s.;:]+\s+){0,10}?to\s+"),
    Rule("conjunction_en", "conjunction",
         r"(?:and|also|as\s+well\s+as|in\s+addition|additionally|at\s+the\s+same\s+time|furthermore|moreover|meanwhile)(?!\w)\s*,?\s*"),
    Rule("lead_shall_lead", "task_lead",
         rf"(?:(?<!\w)the\s+)?(?P<lead>{_UNIT})\s+(?:(?:shall|will|must|is\s+to|are\s+to|is\s+asked\s+to|was\s+asked\s+to)\s+)?"
         r"(?:take\s+the\s+lead|lead|leads|preside|presides|chair|be\s+(?:the\s+)?(?:lead|responsible|in\s+charge))(?!\w)"),
    Rule("lead_assigned", "task_lead",
         rf"(?<!\w)(?:assigned|assigns|assign|tasked|tasks|instructed|directed|designated)\s+(?:the\s+)?(?P<lead>{_UNIT})\s+(?:to|with)(?!\w)"),
    Rule("lead_led_by", "task_lead", rf"(?<!\w)(?:led\s+by|with)\s+(?:the\s+)?(?P<lead>{_UNIT})(?:\s+as\s+the\s+lead|\s+in\s+charge|(?=\s*[,;.]))"),
    Rule("coop_with", "task_coop",
         r"(?<!\w)(?:in\s+coordination|in\s+cooperation|coordinating|cooperating|working\s+closely|working\s+together)\s+with\s+"
         r"(?P<coop>(?=(?:the\s+)?(?-i:[A-Z])|(?:the\s+)?(?:relevant|local|district|provincial|commune|other|all)\s)[^;.]{3,200}?)(?=\s*,\s*(?:to|by|before|and\s+report|shall|will)(?!\w)|\s+(?:to|by|before|shall|will|must)\s|\s*[;.(]|\s*$)"),
    Rule("unit_article_en", "unit_article", r"the\s+"),
    Rule("unit_split_en", "unit_split", rf"\s*,\s*(?:and\s+)?(?=(?:the\s+)?(?:[A-Z]|district|provincial|commune|relevant|local))|\s+and\s+(?=(?:the\s+)?(?:[A-Z]\w*\s+)*(?-i:{_HEAD})|(?:district|provincial|commune|relevant|local)\s)"),
    Rule("deadline_date_dmy", "deadline", rf"{_BY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}{_YEAR}", _date),
    Rule("deadline_date_mdy", "deadline", rf"{_BY}{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){_YEAR}", _date),
    Rule("deadline_date_numeric", "deadline",
         rf"{_BY}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>(?:19|20)\d\d))?(?![\d/])", _date),
    Rule("deadline_quarter", "deadline",
         rf"{_BY}(?:Q(?P<q>[1-4])|the\s+{_ORD}\s+quarter)(?:\s*/\s*(?P<y>(?:19|20)\d\d)|{_YEAR})", _quarter),
    Rule("deadline_half", "deadline",
         rf"{_BY}the\s+(?P<h>first|second)\s+half(?:\s+of\s+(?:the\s+year|(?P<y>(?:19|20)\d\d)))?", _half),
    Rule("deadline_month", "deadline", rf"{_BY}{_MON}(?!\s*\d{{1,2}}(?!\d\d)){_YEAR}", _month),
    Rule("deadline_year", "deadline",
         rf"{_BY}(?:(?P<y>(?:19|20)\d\d)(?!\d)|(?:this|the)\s+year)(?!\s*[-–])", _year_due),
    Rule("delegated_to_communes_en", "delegated",
         r"(?<!\w)(?:delegat\w+|decentrali[sz]\w*|devolv\w+|assign\w*|transferr?\w*|hand\w*\s+over)\s+(?:[^.;]{0,60}?\s)?to\s+"
         r"(?:the\s+)?(?:commune|communes|commune[-\s]level|wards?\s+and\s+communes|communes?\s+and\s+wards?)(?!\w)"),
]  # fmt: skip
