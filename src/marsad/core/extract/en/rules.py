"""English: lexicon and rules (Vietnamese news in English: VnEconomy, VNA, provincial portals).

Numbers: "," groups thousands, "." marks decimals; currency before or after ("VND5.45 trillion",
"$520 million", "29,956.20 billion VND"). Periods: "Q1 2023", "the first quarter of 2023",
"the first 6 months", "H1", "nine months", "in 2019".
"""

from __future__ import annotations

import regex

from ..engine import LanguageRules, words
from ..timeframes import PeriodRule

I = regex.I  # noqa: E741
ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "last": 4,
    "final": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
       "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]  # fmt: skip
_MONTHS = "|".join(MONTHS)
YEAR = r"(?:\s*(?:of|in)?\s*(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?"


def _quarter(m):
    q = m.group("q").lower()
    return "quarter", ORD.get(q) or int(q)


def _months(m):
    raw = m.group("n").lower()
    n = NUM.get(raw) or (int(raw) if raw.isdigit() else None)
    if n is None or not 1 <= n <= 12:
        return None, None
    return ("year", None) if n == 12 else ("ytd", n)


def _half(m):
    h = m.group("h").lower()
    return "half", 1 if h in ("1", "first") else 2


def _month(m):
    return "month", MONTHS.index(m.group("m").lower()) + 1


def _span(m):
    n = MONTHS.index(m.group("m").lower()) + 1
    return ("year", None) if n == 12 else ("ytd", n)


def _year(m):
    return "year", None


def _as_of(m):
    """ "as of June 30, 2024", "by the end of September": the year to the end of that month."""
    n = MONTHS.index(m.group("m").lower().rstrip(".")) + 1
    return ("year", None) if n == 12 else ("ytd", n)


PERIODS = [
    PeriodRule(
        regex.compile(
            rf"(?<!\w)(?:as\s+(?:of|at)(?:\s+the\s+end\s+of)?|by\s+(?:the\s+)?end(?:\s+of)?|(?:up\s+)?(?:un)?til(?:l)?(?:\s+the\s+end\s+of)?"
            rf"|(?:up\s+)?to\s+the\s+end\s+of|through\s+(?:the\s+end\s+of\s+)?)\s+"
            rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m>{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?)"
            rf"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?",
            I,
        ),
        _as_of,
    ),
    PeriodRule(
        regex.compile(r"(?<!\w)Q(?P<q>[1-4])(?!\w)(?:\s*[/-]?\s*(?P<year>(?:19|20)\d\d)(?!\d))?", I), _quarter
    ),
    PeriodRule(
        regex.compile(
            rf"(?<!\w)(?:the\s+)?(?P<q>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter{YEAR}",
            I,
        ),
        _quarter,
    ),
    PeriodRule(
        regex.compile(
            rf"(?<!\w)(?:the\s+)?(?:first\s+)?(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
            rf"\s+months{YEAR}",
            I,
        ),
        _months,
    ),
    PeriodRule(
        regex.compile(rf"(?<!\w)(?:H(?P<h>[12])|(?:the\s+)?(?P<h>first|second)\s+half){YEAR}", I), _half
    ),
    PeriodRule(
        regex.compile(
            rf"(?<!\w)(?:January|Jan\.?)\s*[-–—]\s*(?P<m>{_MONTHS})"
            rf"(?:\s+(?:period\s+)?(?:of\s+)?(?P<year>(?:19|20)\d\d))?(?!\w)",
            I,
        ),
        _span,
    ),
    PeriodRule(regex.compile(r"(?<!\w)(?P<n>[1-9]|1[01])M\s*(?P<year>(?:19|20)\d\d)?(?!\w)"), _months),
    # A month with a day ("June 30", "30 June") is a date, not a period.
    PeriodRule(
        regex.compile(
            rf"(?<!\d\s)(?<!\w)(?P<m>{_MONTHS})(?!\s+\d{{1,2}}(?!\d))(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)", I
        ),
        _month,
    ),
    PeriodRule(
        regex.compile(
            r"(?<!\w)(?:in|of|for|by|during|entire|whole|year|the\s+year)\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)(?![\d\-–])",
            I,
        ),
        _year,
    ),
]

_AGRI = (
    r"re:agricultur(?:e|al)\s*,?\s*forestry\s*,?\s*(?:and\s+)?fisher(?:y|ies)|agro-forestry-fisher(?:y|ies)"
)
INDICATORS: list[tuple[str, str | None]] = [
    ("gross regional domestic product", "grdp"),
    ("re:GRDP|GDP", "grdp"),
    ("gross domestic product", "grdp"),
    ("economic growth", "grdp"),
    ("growth rate of the economy", "grdp"),
    ("economy", "grdp"),
    ("industry and construction", "va_industry_construction"),
    ("industrial and construction", "va_industry_construction"),
    ("industry-construction", "va_industry_construction"),
    ("re:services?(?:\\s+sector)?", "va_services"),
    (_AGRI, "va_agriculture_forestry_fishery"),
    ("product taxes", "product_taxes"),
    ("taxes on products", "product_taxes"),
    ("product tax minus product subsidies", "product_taxes"),
    ("product taxes less subsidies", "product_taxes"),
    ("index of industrial production", "iip"),
    ("industrial production index", "iip"),
    ("re:IIP", "iip"),
    ("industrial production", "iip"),
    ("total retail sales", "retail_sales"),
    ("retail sales", "retail_sales"),
    ("total retail sales of goods and consumer services", "retail_sales"),
    ("export turnover", "exports"),
    ("export revenue", "exports"),
    ("export value", "exports"),
    ("re:exports?|export\\s+earnings", "exports"),
    ("re:imports?|import\\s+turnover|import\\s+value", "imports"),
    (
        "re:import-export|export-import|import\\s+and\\s+export|export\\s+and\\s+import|trade\\s+turnover|total\\s+trade",
        "trade_turnover",
    ),
    ("state budget revenue", "budget_revenue"),
    ("budget revenue", "budget_revenue"),
    ("budget collection", "budget_revenue"),
    ("state budget collection", "budget_revenue"),
    ("revenue collection", "budget_revenue"),
    ("budget expenditure", "budget_expenditure"),
    ("budget spending", "budget_expenditure"),
    ("local budget expenditure", "budget_expenditure"),
    ("state budget expenditure", "budget_expenditure"),
    ("total social investment", "investment_capital"),
    ("total social development investment", "investment_capital"),
    ("social investment capital", "investment_capital"),
    ("total investment capital for social development", "investment_capital"),
    ("public investment disbursement", "public_investment_disbursed"),
    ("disbursement of public investment", "public_investment_disbursed"),
    ("disbursed public investment", "public_investment_disbursed"),
    ("public investment capital disbursed", "public_investment_disbursed"),
    ("re:disburse(?:d|ment)", "public_investment_disbursed"),
    ("re:FDI", "fdi_registered"),
    ("foreign direct investment", "fdi_registered"),
    ("foreign investment", "fdi_registered"),
    ("re:DDI", "ddi_registered"),
    ("domestic investment", "ddi_registered"),
    ("newly established enterprises", "new_enterprises"),
    ("total retail sales of goods and services", "retail_sales"),
    ("retail sales of goods and services", "retail_sales"),
    ("total retail sales of goods and consumer service revenue", "retail_sales"),
    ("retail sales of goods and consumer service revenue", "retail_sales"),
    ("new enterprises", "new_enterprises"),
    ("re:(?:were\\s+)?newly[-\\s](?:established|registered|founded)", "new_enterprises"),
    ("retail sales of goods and consumer services", "retail_sales"),
    ("consumer services", "retail_sales"),
    ("international visitors", None),
    ("international tourists", None),
    ("international arrivals", None),
    ("foreign visitors", None),
    ("newly registered enterprises", "new_enterprises"),
    ("newly-registered enterprises", "new_enterprises"),
    ("tourist arrivals", "visitors"),
    ("disbursed public investment", "public_investment_disbursed"),
    ("public investment disbursement", "public_investment_disbursed"),
    ("disbursement of public investment", "public_investment_disbursed"),
    ("export turnover", "exports"),
    ("import turnover", "imports"),
    ("newly-established enterprises", "new_enterprises"),
    ("new enterprises", "new_enterprises"),
    ("new businesses", "new_enterprises"),
    ("newly registered businesses", "new_enterprises"),
    ("consumer price index", "cpi"),
    ("re:CPI|inflation", "cpi"),
    ("tourist arrivals", "visitors"),
    ("re:tourists|visitors|arrivals", "visitors"),
    ("tourism revenue", "tourism_revenue"),
    ("revenue from tourism", "tourism_revenue"),
    ("tourism services", "tourism_revenue"),
    ("tourism receipts", "tourism_revenue"),
    ("re:poverty\\s+rate|rate\\s+of\\s+poor\\s+households", "poverty_rate"),
    ("this sector", "@previous"),
    ("the sector", "@previous"),
    ("re:(?:GRDP|GDP|income)\\s+per\\s+capita|per\\s+capita(?:\\s+(?:GRDP|GDP|income))?", None),
    ("average income", None),
    ("re:(?:the\\s+)?national\\s+average|(?:the\\s+)?country[’']s\\s+average|nationwide\\s+average", None),
    (
        "re:(?:FDI|foreign\\s+(?:direct\\s+)?investment)\\s+disburse(?:ment|d)|disburse(?:d|ment\\s+of)\\s+(?:FDI|foreign\\s+(?:direct\\s+)?investment)|realised\\s+FDI|realized\\s+FDI",
        None,
    ),
    # Known non-indicators (parts of a total, other aggregates).
    ("domestic revenue", None),
    ("domestic sources", None),
    ("re:revenue\\s+from\\s+customs|customs\\s+revenue", None),
    ("local budget revenue", None),
    ("development investment expenditure", None),
    ("frequent expenditure", None),
    ("regular expenditure", None),
    ("foreign trade", None),
    ("re:(?:new\\s+)?(?:investment\\s+)?projects?", None),
    (
        "re:(?:new\\s+)?(?:FDI|foreign[-\\s]invested|foreign\\s+direct\\s+investment)\\s+projects?",
        "fdi_registered",
    ),
    (
        "re:(?:new\\s+)?(?:DDI|domestic(?:ally)?[-\\s](?:investment|invested|funded))\\s+projects?",
        "ddi_registered",
    ),
    ("registered investment", None),
    ("production value", None),
    ("final consumption", None),
    ("asset accumulation", None),
]

RULES = LanguageRules(
    lang="en",
    indicators=INDICATORS,
    periods=PERIODS,
    period_compared=regex.compile(
        r"(?<!\w)(?:than|from|over|compared\s+(?:with|to)|against|versus|vs\.?|on|same\s+period\s+(?:of|in)|of\s+last\s+year|equivalent\s+to)\s+(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$",
        I,
    ),
    period_by=regex.compile(r"(?:by|until|till|through|to|vision\s+to)\s+(?:the\s+end\s+of\s+)?$", I),
    this_year=regex.compile(r"\s*(?:of\s+)?(?:this|the\s+current)\s+year", I),
    last_year=regex.compile(r"\s*(?:of\s+)?last\s+year", I),
    up=words(["up", "increase", "increased", "increasing", "increases", "an increase of", "rose", "rise", "rising",
              "grew", "growth", "growing", "went up", "gained", "higher by", "climbed", "expanded", "surged",
              "jumped", "up by", "y-o-y"], "en"),
    down=words(["down", "decrease", "decreased", "decreasing", "fell", "fall", "falling", "declined", "decline",
                "dropped", "drop", "contracted", "shrank", "went down", "lower by"], "en"),
    yoy_after=regex.compile(
        r"\s*(?:(?:over|compared\s+(?:with|to)|from|against|on|versus)\s+(?:the\s+)?(?:same\s+period(?:\s+(?:of|in)\s+(?:the\s+)?(?:previous|last)\s+year)?|previous\s+year|last\s+year|a\s+year\s+earlier|year\s+earlier|prior\s+year|(?:19|20)\d\d)"
        r"|year[\s-]on[\s-]year|y-o-y|y/y|yoy(?!\w)|annually"
        r"|of\s+(?:the\s+(?:figure|level|result|value)\s+)?(?:in|of|for)\s+(?:the\s+)?(?:same\s+period|[\w\s]{0,30}?(?:last|previous)\s+year))",
        I,
    ),
    plan_after=regex.compile(
        r"\s*of\s+(?:the\s+)?(?:(?:this|the)\s+year[’']s\s+|annual\s+|yearly\s+|full-year\s+|(?:19|20)\d\d\s+|year\s+)?(?:budget\s+)?(?:estimate|plan|target|yearly\s+plan)(?!\w)",
        I,
    ),
    exceed_before=regex.compile(r"(?:exceed(?:ed|ing)?|surpass(?:ed|ing)?)\s+(?:the\s+\w+\s+by\s+)?$", I),
    index_before=regex.compile(r"(?:equivalent\s+to|equal\s+to|equaling|equalling|or)\s*$", I),
    share_before=words(["accounted for", "accounting for", "accounts for", "made up", "making up", "makes up",
                        "shared", "share of", "representing", "represented", "contributing to", "comprising",
                        "constituted"], "en"),
    share_after=regex.compile(
        r"\s*of\s+(?:the\s+)?(?:province[’']s\s+|city[’']s\s+|total\s+|overall\s+|whole\s+)?(?:GRDP|GDP|economy|economic\s+structure|total\s+value)",
        I,
    ),
    estimate=words(["estimated", "an estimated", "is estimated at", "was estimated at", "preliminary"], "en"),
    target=words(["targets", "targeted", "target of", "aims to", "aiming to", "aims for", "aiming for",
                  "strives to", "striving to", "strive to", "plans to", "set a target", "set the target",
                  "goal of", "aim to", "sets a target", "targeting"], "en"),
    not_fact_before=regex.compile(
        r"(?:Decree|Resolution|Decision|Circular|Directive|Conclusion|No\.|Number|Page|P\.|versus|vs\.?|against|"
        r"compared\s+(?:with|to))\s*$|\[\s*$",
        I,
    ),
    not_fact_after=regex.compile(r"\s*(?:-?fold|times(?!\w)|\]|(?:lower|higher)\s+than|than(?!\w)|th(?!\w))", I),
    comparison=regex.compile(r"(?:lower|higher|slower|faster)(?!\w)", I),
    comparison_after=regex.compile(r"\s*than", I),
    comparison_before=regex.compile(r"(?:lower|higher)\s+than\s+(?:the\s+)?(?:last|previous)\s+year(?:\s+the)?\s*$", I),
    respectively=words(["respectively"], "en"),
    fold=regex.compile(r"\s*-?\s*(?:fold|times)(?!\w)", I),
    not_an_area=regex.compile(r"working\s+group|ministries\s+and\s+(?:central\s+)?agencies", I),
    hypothetical=words(["if", "were to", "in case", "combined", "taken together"], "en"),
    exceed_plan_before=regex.compile(
        r"(?:exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|beat(?:ing)?)\s+(?:the\s+)?(?:annual\s+|yearly\s+|year[’']s\s+|full-year\s+)?"
        r"(?:[\w’'-]+\s+){0,3}?(?:budget\s+)?(?:plan|target|estimate)\s+by\s*$",
        I,
    ),
    fold_words={"two": 2, "three": 3, "four": 4, "five": 5, "six": 6},
    other_base=regex.compile(
        r"\s*(?:(?:over|compared\s+(?:with|to)|from|against|versus|than)\s+(?:the\s+)?(?:previous|preceding|last|prior)\s+(?:month|quarter)"
        r"|(?:month|quarter)[\s-]on[\s-](?:month|quarter)|m-o-m|q-o-q|(?:from|since|compared\s+(?:with|to))\s+the\s+(?:beginning|start)\s+of\s+the\s+year"
        r"|(?:from|compared\s+(?:with|to))\s+the\s+end\s+of\s+(?:of\s+)?(?:last|the\s+previous)\s+year)",
        I,
    ),
    contribution=words(["contribute", "contributed", "contributing", "contribution", "contributions", "pulled",
                        "dragged", "added"], "en"),
    same_period=regex.compile(r"\s*(?:of\s+|that\s+of\s+|compared\s+(?:with|to)\s+|over\s+)?(?:the\s+)?(?:figure\s+(?:of|in|for)\s+the\s+)?(?:same\s+period|(?:previous|last|prior|a)\s+year|year[\s-]on[\s-]year|(?:19|20)\d\d)", I),
    structure=words(["economic structure", "structure", "share of", "proportion"], "en"),
    part_of=words(["of which", "including", "among which", "among them"], "en"),
    indicator_after_link=regex.compile(r"[ \t]*(?:\([^)]{0,40}\)[ \t]*)?(?:(?:in|from|of|for|worth\s+of)\s+)?", I),
    growth_word=words(["growth", "growth rate", "grew", "grow"], "en"),
    directive_cue=regex.compile(
        r"(?:key|main|major|priority|following)\s+tasks|tasks\s+(?:for|in)\s+(?:the\s+)?(?:coming|next|remaining|rest|second|third|fourth|last|final)"
        r"|(?:asked|requested|urged|called\s+on|instructed|directed)\s+(?:the\s+)?(?:all\s+)?(?:departments|sectors|agencies|localities|units|authorities|provincial|local)",
        I,
    ),
    difficulty_cue=regex.compile(
        r"(?:faces?|facing|faced|still|remain(?:s|ed)?|there\s+(?:are|were|remain))\s+(?:\w+\s+){0,3}?(?:difficulties|challenges|shortcomings|limitations|obstacles)"
        r"|(?:difficulties|shortcomings|limitations)\s+(?:include|included|are|were)|(?:difficulties|challenges)\s*:",
        I,
    ),
    directive_continue=regex.compile(
        r"\s*(?:[-•+*]|\d+[.)]|(?:Continue|Focus|Accelerate|Promote|Strengthen|Speed\s+up|Improve|Ensure|Implement|Step\s+up|Boost|He\s+(?:also\s+)?(?:asked|requested|urged)|She\s+(?:also\s+)?(?:asked|requested|urged)|The\s+\w+\s+(?:must|should|needs?\s+to))(?!\w))"
    ),
    recommendation_cue=regex.compile(r"(?:recommendations?|proposals?)(?=\s+(?:on|about|regarding|related|for|to)|\s*:)", I),
    recommendation_list=regex.compile(r"(?:recommendations?|proposals?)\s+(?:on|about|regarding|related\s+to)\s+", I),
    special_targets=[
        (regex.compile(r"double[\s-]digit\s+(?:economic\s+|GRDP\s+|GDP\s+)?growth(?:\s+target)?", I), "grdp", "yoy_pct", 10, "at_least"),
    ],
    share_targets=[
        (regex.compile(r"\s*of\s+(?:the\s+)?(?:communes|wards)[^.]{0,80}?digital\s+products?", I), "communes_with_digital_product"),
        (regex.compile(r"\s*of\s+(?:the\s+|its\s+)?(?:socio-economic\s+|socioeconomic\s+)?(?:targets|goals|indicators)(?:\s+(?:set|for\s+(?:19|20)\d\d))?", I), "socio_economic_targets_met"),
    ],
)  # fmt: skip
