"""English: the named rules of the reader (Vietnamese news in English: VnEconomy, VNA, portals).

Numbers: "," groups thousands, "." marks decimals; currency before or after ("VND5.45 trillion",
"$520 million", "29,956.20 billion VND"); a translation that kept Vietnamese marks ("14,2%") is
read with them. Periods: "Q1 2023", "the first quarter of 2023", "the first 6 months", "H1",
"nine months", "January-August", "in 2019".
"""

from __future__ import annotations

from ..grammar import Rule, words
from ..timeframes import WHOLE, span
from .lexicon import MONTHS, NUMBER_WORDS, ORDINALS, YEAR, month_number

_MONTH = (
    r"(?:(?:" + "|".join(MONTHS) + r")(?!\w)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?!\w)))"
)
_ORD = "|".join(ORDINALS)
_NUM = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
_Y = rf"(?:\s*,?\s*(?:of|in|for)?\s*(?:the\s+year\s+)?{YEAR})?"


_NOT_START_WORDS = "last|final|next|past|remaining|coming|previous|following|recent|other|additional|further"
_NOT_FROM_START = "".join(rf"(?<!{w}\s)" for w in _NOT_START_WORDS.split("|"))


def _n(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


PERIODS = [
    Rule("as_of_month", "period",
         r"(?<!\w)(?:as\s+(?:of|at)(?:\s+the\s+end\s+of)?|by\s+(?:the\s+)?end(?:\s+of)?|by|(?:up\s+)?(?:un)?till?(?:\s+the\s+end\s+of)?"
         r"|(?:up\s+)?to\s+the\s+end\s+of|through\s+(?:the\s+end\s+of\s+)?|to)\s+"
         rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?)"
         rf"(?:\s*,?\s*{YEAR})?",
         lambda m: span.as_of_month(month_number(m.group("m")))),
    Rule("as_of_quarter", "period",
         rf"(?<!\w)(?:as\s+of|by|to)\s+the\s+end\s+of\s+the\s+(?P<q>{_ORD})\s+quarter{_Y}",
         lambda m: span.as_of_quarter(ORDINALS.get(m.group("q").lower()))),
    Rule("quarter_q", "period", rf"(?<!\w)Q(?P<q>[1-4])(?!\w)(?:\s*[/-]?\s*{YEAR})?",
         lambda m: ("quarter", int(m.group("q")))),
    Rule("quarter_words", "period", rf"(?<!\w)(?:the\s+)?(?P<q>{_ORD})\s+quarter{_Y}",
         lambda m: ("quarter", ORDINALS.get(m.group("q").lower()))),
    # "grow 10.2% in the second quarter, 11.5% in the third and 12.1% in the fourth": the quarter
    # word said once for a list of quarters
    Rule("quarter_elided", "period",
         r"(?<=\bin\s)the\s+(?P<q>second|third|fourth|last)(?=\s*(?:,|;|\.|\band\b|\bto\b|$))",
         lambda m: ("quarter", ORDINALS.get(m.group("q").lower()))),
    Rule("first_months", "period",
         rf"(?<!\w)(?:the\s+)?(?:first\s+)?{_NOT_FROM_START}(?P<n>{_NUM})[\s-]+months?{_Y}",
         lambda m: span.months(_n(m.group("n")))),
    # "the last six months of 2023": the second half; "the remaining two months", "the next three
    # months", "the past two months": a span that does not start in January, no period code
    Rule("other_months", "period",
         rf"(?<!\w)(?:the\s+)?(?P<w>{_NOT_START_WORDS})\s+(?:(?P<n>{_NUM})[\s-]+)?months?{_Y}(?!\w)",
         lambda m: ("half", 2) if m.group("w").lower() in ("last", "final") and _n(m.group("n") or "") == 6
         else ("multi", None)),
    Rule("first_quarters", "period",
         rf"(?<!\w)(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters{_Y}",
         lambda m: span.months(3 * (_n(m.group("n")) or 0))),
    Rule("half_year", "period", rf"(?<!\w)(?:H(?P<h>[12])|(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of\s+the\s+year)?){_Y}",
         lambda m: ("half", 1 if m.group("h").lower() in ("1", "first") else 2)),
    Rule("january_to_month", "period",
         rf"(?<!\w)(?:from\s+)?(?:January|Jan\.?)(?:\s+1(?:st)?)?\s*(?:[-–—]|to|through|and)\s*(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?!\d))?"
         rf"(?:\s+period)?(?:\s*,?\s*(?:of\s+)?{YEAR})?(?!\w)",
         lambda m: span.as_of_month(month_number(m.group("m")))),
    Rule("months_short", "period", rf"(?<!\w)(?P<n>[1-9]|1[01])M\s*{YEAR}?(?!\w)", lambda m: span.months(int(m.group("n")))),
    Rule("month_named", "period",
         rf"(?<!\d\s)(?<!\w)(?P<m>{_MONTH})(?!\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))(?:\s*,?\s*{YEAR})?(?!\w)",
         lambda m: span.month(month_number(m.group("m")))),
    Rule("year_to_date", "period",
         r"(?<!\w)(?:(?:since|from)\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year(?!\s+(?:to|until|till|through)\s+(?:the\s+end|\d|[A-Z]))"
         r"|so\s+far\s+this\s+year|year[\s-]to[\s-]date)",
         lambda m: ("ytd", None)),
    Rule("whole_year", "period",
         r"(?<!\w)(?:for\s+|in\s+)?the\s+(?:whole|full|entire)[\s-]+year(?!\s+(?:of\s+)?(?:19|20)\d\d)",
         lambda m: ("year", WHOLE, 0)),
    # "the whole of 2023", "the full year of 2023", "full-year 2023": the year, not the report's span
    Rule("year_in", "period",
         rf"(?<!\w)(?:in|of|for|during|(?P<whole>(?:entire|whole|full)(?:[\s-]year)?(?:\s+of)?)|year|the\s+year|fiscal)\s+(?:the\s+year\s+)?{YEAR}(?![\-–]\d)",
         lambda m: ("year", WHOLE if m.group("whole") else None)),
    Rule("year_bare", "period",
         rf"(?<![\w/.,\-–$]){YEAR}(?![\w/%]|[.,]\d|\s*[-–]\s*\d|\s+(?:tons?|ha|hectares?|people|projects?|enterprises?|businesses|visitors|tourists))",
         lambda m: ("year", None)),
    Rule("years_span", "period",
         r"(?<!\w)(?:(?:the\s+)?(?:period|years?)\s+(?:of\s+)?)?(?P<a>(?:19|20)\d\d)\s*(?:[-–—]|to)\s*(?P<b>(?:19|20)?\d\d)(?![\d%])"
         r"|(?<!\w)between\s+(?P<a>(?:19|20)\d\d)\s+and\s+(?P<b>(?:19|20)\d\d)(?!\d)",
         lambda m: span.years(m.group("a"), m.group("b"))),
    # "over the past three years", "in the last five years": several years, a figure over them an average
    Rule("past_years", "period",
         rf"(?<!\w)(?:over|in|during|for|throughout)\s+the\s+(?:past|last|previous|recent)\s+(?:(?:{_NUM}|\d{{1,2}}|few|several)\s+)?years(?!\w)",
         lambda m: ("multi", None)),
    # "In the same period, Hung Yen's IIP rose 9.6%": opening a sentence, the span just spoken of
    # (after a figure, "the same period" is its base: same_period)
    Rule("same_period_concurrent", "period",
         r"(?:(?<=^)|(?<=[.!?;:]\s)|(?<=\n))(?:in|during)\s+the\s+same\s+period(?=\s*,)",
         lambda m: ("same", None, 0)),
    Rule("same_period", "period",
         rf"(?<!\w)(?:the\s+)?same\s+period(?:\s+(?:of|in)\s+{YEAR}|\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:earlier|ago))?",
         lambda m: ("same", None)),
    Rule("this_year_alone", "period", r"(?<!\w)(?:this|the\s+current)\s+year(?!\w)", lambda m: ("year", None, 0)),
    Rule("next_year_alone", "period", r"(?<!\w)(?:next|the\s+coming)\s+year(?!\w)", lambda m: ("year", None, 1)),
    # "Last year, the province welcomed ...": the year before the writer's ("last year's figure",
    # "of the previous year" are a base)
    Rule("last_year_alone", "period", r"(?<!\w)(?<!of\s)(?:last|the\s+previous)\s+year(?!\s*['’]s)(?!\w)",
         lambda m: ("year", None, -1)),
    Rule("holiday", "period", r"(?<!\w)(?:Tet|Lunar\s+New\s+Year|(?:national\s+)?holidays?)(?:\s+(?:holiday|festival|break|week))?(?!\w)",
         lambda m: ("holiday", None)),
]  # fmt: skip

ROLES = [
    # "the third quarter and the first nine months": a report on a quarter and the months to its end, whose undated figures are the span's
    Rule("quarter_and_months", "period_and", words("and", "and the", "and in the")),
    Rule(
        "compared_with",
        "compared",
        words("compared with", "compared to", "in comparison with", "equivalent to"),
    ),
    Rule(
        "compared_than",
        "compared_adjacent",
        words(
            "than",
            "from",
            "over",
            "against",
            "versus",
            "vs",
            "on",
            "since",
            "as many as",
            "as much as",
            "as high as",
            "that of",
            "those of",
        ),
    ),
    Rule("horizon_by", "horizon", words("by", "until", "till", "through", "to", "vision to")),
    Rule("constant_prices", "constant_prices_after", words("constant prices", "comparative prices")),
    Rule(
        "constant_prices_of",
        "constant_prices_before",
        words("constant", "at constant prices of", "constant prices of", "at constant prices in"),
    ),
    Rule("last_year", "last_year", words("last year", "of last year", "the previous year")),
    Rule(
        "filler",
        "filler",
        words("the", "same period of", "same period in", "the same period", "of", "in", "year"),
    ),
]

QUANTITY = [
    Rule("scale_thousand", "scale", words("thousand", "k"), "thousand"),
    Rule("scale_million", "scale", words("million", "mln", "mn", "m"), "million"),
    Rule("scale_billion", "scale", words("billion", "bln", "bn", "b"), "billion"),
    Rule("scale_trillion", "scale", words("trillion", "tln", "tn"), "trillion"),
    Rule("scale_quadrillion", "scale", words("quadrillion", "million billion"), "quadrillion"),
    Rule("scale_thousand_billion", "scale", words("thousand billion"), "trillion"),
    Rule("currency_dong", "currency_after", words("VND", "VNĐ", "dong", "đồng"), "VND"),
    Rule(
        "currency_usd", "currency_after", words("USD", "US dollars", "US dollar", "dollars", "dollar"), "USD"
    ),
    Rule(
        "count_enterprises",
        "count_noun",
        words("enterprises", "enterprise", "businesses", "firms", "companies"),
        "enterprises",
    ),
    Rule(
        "count_new_enterprises",
        "count_noun",
        words(
            "new enterprises",
            "new businesses",
            "newly established enterprises",
            "newly-established enterprises",
            "new firms",
            "newly registered enterprises",
            "newly-registered enterprises",
            "new companies",
            "newly established businesses",
            "newly registered businesses",
            "newly-registered businesses",
            "newly founded enterprises",
            "newly-founded enterprises",
            "newly founded businesses",
            "newly-founded businesses",
        ),
        ("enterprises", "new_enterprises"),
    ),
    Rule(
        "count_foreign_visitors",
        "count_noun",
        words(
            "international visitors",
            "international tourists",
            "foreign visitors",
            "foreign tourists",
            "international arrivals",
            "domestic tourists",
            "domestic visitors",
            "foreigners",
        ),
        "visitors",
    ),
    Rule(
        "count_visitors",
        "count_noun",
        words(
            "visitors",
            "visitor",
            "tourists",
            "tourist",
            "arrivals",
            "holidaymakers",
            "visits",
            "tourist arrivals",
            "turns of visitors",
            "visitor arrivals",
            "travellers",
            "travelers",
        ),
        ("visitors", "visitors"),
    ),
    Rule(
        "count_projects",
        "count_noun",
        words("projects", "project", "new projects", "investment projects"),
        "projects",
    ),
    Rule("percent_words", "percent", words("percent", "per cent", "pct")),
    Rule("points", "points", words("percentage points", "percentage point", "pp", "pps", "points")),
    Rule(
        "more_than",
        "qualifier_before",
        words(
            "more than",
            "over",
            "above",
            "in excess of",
            "exceeding",
            "upwards of",
            "topping",
            "topped",
            "tops",
        ),
        "more_than",
    ),
    Rule(
        "about",
        "qualifier_before",
        words(
            "about",
            "around",
            "some",
            "nearly",
            "almost",
            "approximately",
            "roughly",
            "close to",
            "approx",
            "an estimated",
        ),
        "about",
    ),
    Rule(
        "less_than",
        "qualifier_before",
        words("less than", "under", "below", "fewer than", "not exceeding", "up to"),
        "less_than",
    ),
    Rule(
        "at_least",
        "qualifier_before",
        words("at least", "not lower than", "not less than", "no less than", "a minimum of", "minimum"),
        "at_least",
    ),
    Rule(
        "or_more",
        "qualifier_after",
        words(
            "or more",
            "or higher",
            "or above",
            "and above",
            "above",
            "upward",
            "upwards",
            "and upward",
            "and upwards",
            "or over",
            "and over",
        ),
        "at_least",
    ),
    Rule("or_so", "qualifier_after", words("or so"), "about"),
    Rule("range_from", "range_from", words("from", "between")),
    Rule("range_to", "range_word", words("to")),
    # "between 7.5 and 8 percent": "and" closes a range opened by "between" or "from"
    Rule("range_between_and", "range_and", words("and")),
]

CUES = [
    Rule("up", "up",
         words("up", "increase", "increased", "increasing", "increases", "an increase of", "rose", "rise", "rising",
               "grew", "grow", "grows", "growing", "went up", "gained", "higher by", "climbed", "expanded", "surged",
               "jumped", "up by", "increased by", "rose by", "grew by", "a rise of", "an annual increase of",
               "a year-on-year rise of", "soared", "recovered", "expanding")),
    Rule("down", "down",
         words("down", "decrease", "decreased", "decreasing", "fell", "fall", "falling", "declined", "decline",
               "dropped", "drop", "contracted", "shrank", "went down", "lower by", "a decrease of", "a decline of",
               "slumped", "plunged", "negative growth of")),
    # "5.4 million visitors, 13% more than a year earlier": after an amount, the change on the
    # year before ("a growth 1.2% higher than last year's" has no amount before: a difference)
    Rule("more_than_a_year_before", "yoy_change",
         r"(?:more|higher|greater)\s+than\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+period"
         r"(?:\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:earlier|ago))?|last\s+year|the\s+previous\s+year|in\s+(?:19|20)\d\d)(?![\w'’])", 1),
    Rule("less_than_a_year_before", "yoy_change",
         r"(?:less|lower|fewer)\s+than\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+period"
         r"(?:\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:earlier|ago))?|last\s+year|the\s+previous\s+year|in\s+(?:19|20)\d\d)(?![\w'’])", -1),
    # "tourism revenue of VND10.5 trillion, a 15.2% increase": the change named after the rate
    Rule("increase_after", "yoy_change",
         words("increase", "rise", "gain", "jump", "hike", "surge"), 1),
    Rule("decrease_after", "yoy_change", words("decrease", "decline", "drop", "fall", "contraction", "reduction"), -1),
    Rule("growth_rate", "growth",
         words("growth", "growth rate", "growth rate of", "a growth rate of", "grew at", "expansion")),
    Rule("reach", "reach",
         words("reached", "reach", "reaches", "reaching", "stood at", "was", "were", "is", "at", "totaled",
               "totalled", "amounted to", "hit", "to", "of", "attracted", "attracting", "registered", "earned",
               "collected", "welcomed", "received", "served", "disbursed", "generated", "mobilised", "mobilized",
               "raised", "remained", "came in at", "was estimated at", "is estimated at")),
    Rule("share", "share",
         words("accounted for", "accounting for", "accounts for", "made up", "making up", "makes up", "share of",
               "shared", "shares", "held a share of", "a share of", "took up", "taking up",
               "representing", "represented", "comprising", "constituted", "a share of", "proportion of",
               "the proportion of")),
    Rule("index", "index", words("equivalent to", "equal to", "equaling", "equalling", "equivalent of")),
    Rule("exceed", "exceed",
         words("exceeding", "exceeded", "exceed", "exceeds", "surpassing", "surpassed", "beating", "exceeding the",
               "surpass")),
    Rule("contribution", "contribution",
         words("contribute", "contributed", "contributing", "contribution", "contributions", "pulled", "dragged",
               "added")),
    Rule("estimate", "estimate",
         words("estimated", "an estimated", "is estimated at", "was estimated at", "estimated at", "preliminary",
               "expected to", "is expected to", "projected", "forecast to")),
    Rule("same_period_base", "yoy_base",
         words("year-on-year", "year on year", "y-o-y", "yoy", "y/y", "over the same period", "over the previous year",
               "compared to the same period", "compared with the same period", "against the same period",
               "from a year earlier", "over the same period last year", "compared to the previous year",
               "compared with the previous year", "over last year", "compared to last year", "from last year",
               "against the same period last year", "on-year", "compared to", "compared with", "over", "from",
               "than the same period")),
    # "rose 3% compared with June", "over the second quarter": a month or quarter named without
    # its year is the one before (a base a year earlier says so: "June 2023", "last year")
    Rule("base_previous_span", "other_base",
         r"(?:compared\s+(?:with|to)|over|from|against|than)\s+(?:that\s+of\s+|the\s+level\s+of\s+)?"
         r"(?:the\s+(?:previous|preceding|last|prior)\s+(?:month|quarter)|(?:the\s+)?(?:first|second|third|fourth)\s+quarter"
         rf"|Q[1-4]|{_MONTH})(?!\s*(?:,\s*|of\s+|in\s+)?(?:19|20)\d\d|\s+(?:of\s+)?(?:last|the\s+previous)\s+year|\s+a\s+year"
         r"|\s*(?:\d|[-–—]|(?:to|through|till|until)\s))"),
    # "up 20% compared to the pre-pandemic level", "recovered to 80% of the 2019 level": a base that
    # is no year before
    Rule("base_other_level", "other_base",
         r"(?:of|compared\s+(?:with|to)|from|over|against|versus)\s+(?:the\s+)?(?:pre[\s-]pandemic|pre[\s-]COVID(?:[\s-]19)?"
         r"|(?:19|20)\d\d)\s+(?:levels?|figures?)(?!\w)"),
    Rule("other_base", "other_base",
         words("month-on-month", "month on month", "quarter-on-quarter", "quarter on quarter", "m-o-m", "q-o-q",
               "over the previous month", "compared to the previous month", "compared with the previous month",
               "from the previous month", "over the previous quarter", "compared to the previous quarter",
               "from the beginning of the year", "since the beginning of the year", "compared to July",
               "compared with December", "compared to December", "from the end of last year",
               "over the previous period", "than the previous month", "over last month")),
    Rule("plan_base", "plan_base",
         words("of the plan", "of the estimate", "of the target", "of the annual plan", "of the yearly plan",
               "of the yearly target", "of the annual target", "of the annual estimate", "of the year's target",
               "of the year’s target", "of this year's plan", "of this year’s plan", "of this year's target",
               "of this year’s target", "of the year's plan", "of the year’s plan", "of the budget estimation",
               "of the budget estimate", "of the estimated value", "of the full-year target", "of plan",
               "of target", "of the city's plan", "of the city’s plan", "of the province's plan",
               "of the province’s plan", "of the year's estimate", "of its target", "of the full-year plan",
               "of the 2023 target", "of the yearly estimate", "the estimate", "the plan", "the target", "target",
               # "rose 12% over the plan": the plan is the base ("over" alone is the same period's; "up
               # 10% compared with the estimate for 2017" is growth on last year's estimated outcome)
               "over the plan", "over the target", "over the estimate", "above the plan", "above the target",
               "above the estimate",
               "targets", "plan", "estimate", "plans")),
    Rule("plan_of", "plan_base",
         r"of\s+(?:the\s+|this\s+|its\s+|their\s+)?(?:(?:this\s+)?year[’']s\s+|annual\s+|yearly\s+|full-year\s+"
         r"|(?:19|20)\d\d\s+|city[’']s\s+|province[’']s\s+|provincial\s+|state\s+|budget\s+|set\s+|assigned\s+)*"
         r"(?:estimates?|plans?|targets?|estimation|assignments?)(?:\s+(?:set|assigned|for\s+the\s+year))?"),
    # "totaled $624 million, just 28% of the figure a year earlier": X% of last year's is an index
    # (growth X - 100), whatever verb came before
    Rule("index_base", "yoy_base",
         r"of\s+(?:that|the\s+(?:figure|level|result|value)|the\s+same\s+period)\s*(?:(?:in|of|for)\s+(?:the\s+)?"
         r"(?:same\s+period|[\w\s]{0,30}?(?:last|previous|prior)\s+year))?(?:\s+(?:last|previous|prior)\s+year"
         r"|\s+a\s+year\s+(?:earlier|ago|before))?", "index"),
    Rule("comparative", "comparative", words("lower", "higher", "slower", "faster", "less", "more")),
    # "the country's highest GRDP growth of 10.6%": the country it tops is no subject of the figure
    Rule("superlative", "superlative", words("highest", "largest", "fastest", "biggest", "strongest", "lowest",
                                             "second-highest", "third-highest", "second-largest", "third-largest")),
    Rule("than", "than", words("than")),
    Rule("versus", "compared_value", words("against", "versus", "vs", "compared with", "compared to")),
    Rule("stock", "stock", words("cumulative", "cumulatively", "accumulated", "up to now", "to date", "so far",
                                 "valid", "in total since", "bringing the total to", "bringing the total",
                                 "raising the total to", "lifting the total to", "bringing its total to",
                                 "bringing the total number to", "raising its total to",
                                 # "Since 1997, the province has attracted 38 billion USD": a stock since then
                                 r"re:since\s+(?:(?:19|20)\d\d|its\s+(?:re-?)?establishment|the\s+(?:province|city)['’]s\s+(?:re-?)?establishment)(?!\s*[-–]?\s*\d)")),
    Rule("share_base", "share_base",
         words("of the total", "of the country's total", "of the country’s total", "of GRDP", "of the GRDP",
               "of the economic structure", "of the economy", "of total")),
    Rule("fold", "fold", words("fold", "-fold", "times")),
    Rule("per_year", "per_year", words("per year", "a year", "per annum", "annually on average", "/year", "annually", "each year",
                                       "every year", "a year on average")),
    # "asked investors to disburse at least 95% of the capital plan": a figure a directive asks
    # to reach is a target
    Rule("request_to_reach", "target",
         r"(?:asked|urged|requested|required|directed|instructed|called\s+on)\s+(?:[^\s.;]+\s+){0,8}?to\s+"
         r"(?:disburse|achieve|reach|raise|attain|collect)(?!\w)"),
    Rule("target", "target",
         words("targets", "targeted", "target of", "target", "aims to", "aiming to", "aims for", "aiming for",
               "strives to", "striving to", "strive to", "strives for", "striving for", "plans to", "set a target",
               "set the target", "goal of", "aim to", "sets a target", "targeting", "is working to", "goals",
               "is striving to", "scenario", "seeks to", "plan is", "plan of", "capital plan", "planned",
               "set out", "the target is", "target is", "aims at", "targets an increase of", "is targeting",
               "strives", "envisages", "projected target", "goal is", "goal is to", "the goal is to",
               "its goal is to", "objective is to", "objective of", "the objective is",
               # "The target for 2022 is GRDP growth of 8%" (longer than the plan word "the target")
               "the target for", "the targets for", "target for", "targets for", "the goal for", "the goals for",
               "the target set for",
               # "has set a target of GRDP growth of 10%": not the share "of GRDP"
               "set a target of", "set the target of", "sets a target of", "the target of", "a target of",
               "set targets of", "the goal of",
               # "while the whole-year estimate is 11 trillion VND": the year's budget plan
               r"re:(?:whole|full|entire)[\s-]year\s+(?:estimate|plan|target)s?(?=\s+(?:is|was|of|at|stands\s+at|set\s+at)\s)")),
    # "set a target of 10% for 2025, after the economy expanded 8.8% in 2024": back to a result
    Rule("after_result", "target_end",
         r"(?<=,\s)after\s+(?:(?:the|its|this|that|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,3}?(?:expanded|grew|rose|reached|posted"
         r"|recorded|achieved|increased|hit|gained|climbed|was|were)(?!\w)"),
    Rule("names_with_cue_words", "proper_name",
         words("Ministry of Planning and Investment", "Department of Planning and Investment",
               "socio-economic development plan", "Statistics Office", "General Statistics Office")),
    Rule("threshold", "threshold",
         words("provinces with", "localities with", "those with", "cities with", "provinces and cities with",
               "of the 63 provinces", "of the 34 provinces", "the group of", "many localities", "several localities",
               "many provinces", "several provinces",
               # "Eight of the city's nine districts disbursed more than 40%": how many units pass a bar
               r"re:(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|most|half)\s+"
               r"(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|the\s+(?:city|province|country)[’']s\s+)?(?:\w+\s+)?"
               r"(?:districts|localities|communes|provinces|cities|ministries|agencies|units|wards|towns|investors)",
               # "Fourteen localities posted growth of over 10%": how many units did, not one's figure
               r"re:(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty)(?:-\w+)?|thirteen|fourteen|fifteen|sixteen|seventeen"
               r"|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some)\s+"
               r"(?:other\s+)?(?:localities|provinces(?:\s+and\s+cities)?|cities(?:\s+and\s+provinces)?|districts|communes)\s+"
               r"(?:posted|recorded|reported|saw|had|achieved|enjoyed|registered|reached|grew|with|whose|that)(?!\w)")),
    # "2.5 billion USD from exports, with phones and components making up 80%": the share of a part
    # (a sector named there, "with services accounting for 45%", keeps its own figure)
    Rule("with_part_share", "part",
         words(r"re:with(?=\s+(?:[^\W\d]+[\s,-]+){0,5}?[^\W\d]+\s+(?:making\s+up|accounting\s+for|representing"
               r"|comprising|taking\s+up)(?!\w))")),
    Rule("of_which", "part", words("of them", "of whom", "of which", "including", "among which", "among them", "of the total", "alone",
                                   "in which", "re:of\\s+(?:this|these|this\\s+amount|this\\s+figure)(?=\\s*,)")),
    Rule("hypothetical", "hypothetical", words("if", "were to", "in case", "combined", "taken together")),
    Rule("forecast", "forecast", words("forecast", "forecasts", "survey", "poll", "economists", "analysts",
                                       "median estimate",
                                       # someone else's forecast of the economy: the banks and funds that make them
                                       "World Bank", "Asian Development Bank", "ADB", "IMF",
                                       "International Monetary Fund", "HSBC", "UOB", "Standard Chartered",
                                       "Fitch", "Moody's", "Moody’s", "Fitch Ratings", "experts predict",
                                       "experts forecast")),
    Rule("average", "average", words("average", "on average", "averaged")),
    # "rose 10% to US$1.6 billion, while in the first half of 2025 ...": a period after the turn is the next clause's
    Rule("clause_turn", "clause_turn", words("while", "whereas", "but", "meanwhile")),
    Rule("continuation", "continuation",
         words("overall", "in total", "the figure", "this figure", "it", "this", "the total", "that figure")),
    Rule("link", "link", words("was", "were", "is", "are", "has been", "have been", "in", "from", "of", "for", "worth of", "in terms of")),
    # "attract at least 1 billion USD more in FDI": an amount added, then what it is of
    Rule("link_more", "link", words("more in", "more of", "more from", "more worth of")),
    # "up 12% in the number of enterprises": the growth of the firms counted, not of their capital
    Rule("aspect_number_of", "aspect_count",
         words("in the number of enterprises", "in the number of businesses", "in the number of firms",
               "in the number of companies", "in the number of new enterprises", "in the number of new businesses",
               "in terms of the number of enterprises", "in terms of the number of businesses",
               "in number of enterprises", "in number of businesses", "in terms of enterprises"),
         "enterprises"),
    Rule("aspect_number_of_visitors", "aspect_count",
         words("in the number of visitors", "in visitor numbers", "in the number of tourists",
               "in terms of visitors", "in terms of the number of visitors"),
         "visitors"),
    Rule("aspect", "aspect", words("in terms of")),
    Rule("sector_head", "sector_head", words("sector", "industry", "industries", "sectors")),
    Rule("respectively", "respectively", words("respectively")),
    Rule("conversion_or", "conversion_link", words("or", "or about", "or nearly", "i.e.", "equivalent to",
                                                   "equal to", "roughly", "about", "some")),
    Rule("structure", "structure", words("economic structure")),
    # "Exports from Binh Duong, a major manufacturing hub near HCMC, fell 16.4%": a description of
    # the subject set off by commas; a place inside it is not the figure's
    Rule("aside_apposition", "aside", r"(?<=,\s)(?:a|an)(?=\s+[^,.;\d%]{3,80},)"),
    # "Hai Phong led the country with 11.07%", "topped the nation": the country led is no subject
    # "Hai Phong led the country with 11.07%": the country led is no subject of the figure
    Rule("rank", "rank", words("ranked", "ranking", "ranks", "rank", "placed", "No.", "number",
                               r"re:(?:led|leads|leading|topped|tops)(?=\s+(?:the\s+)?(?:whole\s+)?(?:country|nation)(?!\w))")),
    Rule("no_area", "no_area", words("working group", "ministries and agencies", "ministries and central agencies")),
    Rule("double_digit", "special_target",
         "double[\\s-]digit\\s+(?:economic\\s+|GRDP\\s+|GDP\\s+)?growth(?:\\s+(?:target|rate))?"
         "|(?:grow|growth)\\s+(?:at\\s+|of\\s+|by\\s+)?(?:a\\s+)?double[\\s-]digits?(?:\\s+rate)?",
         ("grdp", "yoy_pct", 10, "at_least")),
    Rule("communes_digital", "share_target", "of\\s+(?:the\\s+)?(?:communes|wards)[^.]{0,80}?digital\\s+products?",
         "communes_with_digital_product"),
    Rule("targets_met", "share_target",
         "of\\s+(?:the\\s+|its\\s+)?(?:socio-economic\\s+|socioeconomic\\s+)?(?:targets|goals|indicators)(?:\\s+(?:set|for\\s+(?:19|20)\\d\\d))?",
         "socio_economic_targets_met"),
]  # fmt: skip

AREAS = [
    Rule(
        "target_after",
        "target_after",
        words("target", "targeted", "goal", "set by the government", "planned"),
    ),
    Rule(
        "national_source",
        "national_source",
        words(
            "General Statistics Office",
            "GSO",
            "the Government",
            "Ministry of Finance",
            "National Statistics Office",
        ),
    ),
    # "The Government targets GDP growth of 8% or more": the Government's aim is the country's
    Rule(
        "government_aims",
        "nation",
        r"(?<![\w'’])(?<!provincial\s)(?<!city\s)(?<!local\s)(?<!municipal\s)(?:the\s+)?"
        r"(?-i:Government|National\s+Assembly)(?=\s+(?:has\s+|had\s+|also\s+)?"
        r"(?:targets|targeted|aims|aimed|set|sets|is\s+aiming|is\s+targeting|strives|expects)(?!\w))",
    ),  # fmt: skip
    Rule(
        "nation",
        "nation",
        words(
            "nationwide",
            "the whole country",
            "the country's",
            "the country’s",
            "national",
            "country-wide",
            "the nation's",
            "across the country",
        ),
    ),
    Rule(
        "foreign",
        "foreign",
        words(
            "the region",
            "the Southeast region",
            "the Central region",
            "the Mekong Delta region",
            "the Red River Delta",
            "the North Central region",
            "the Central Highlands region",
            "Thailand",
            "China",
            "the US",
            "the U.S.",
            "United States",
            "America",
            "Japan",
            "South Korea",
            "Korea",
            "Singapore",
            "Malaysia",
            "Indonesia",
            "the Philippines",
            "Philippines",
            "India",
            "EU",
            "European Union",
            "ASEAN",
            "the world",
            "global",
            "world economy",
            "Cambodia",
            "Laos",
            "Taiwan",
            "Hong Kong",
            "Australia",
            "Russia",
            "Germany",
            "France",
            "the UK",
            "Britain",
        ),
    ),
    Rule(
        "this_province",
        "province_ref",
        words(
            "the province",
            "the province's",
            "the province’s",
            "provincial",
            "the city",
            "the city's",
            "the city’s",
            "the locality",
            "the whole province",
            "local",
        ),
    ),
]

SUBUNITS = [
    # "Tuy Hoa city alone", "Lam Thao district", "Phu My town": a unit inside the province, its
    # figures parts (a province's own name, "Ho Chi Minh City", "Can Tho city", is the gazetteer's)
    Rule("district_named", "subunit",
         r"(?<!\w)(?!(?:The|This|That|Each|Every|Its|Their|Our|One|Which|Provincial|Central|Capital)\s)"
         r"(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2}\s+(?-i:district|town|city)(?!\w)"),
    # "Bien Hoa ward alone collected ...", "Khanh Hung commune": a commune or ward, its figures parts
    Rule("commune_named", "subunit",
         r"(?<!\w)(?!(?:The|This|That|Each|Every|Its|Their|Our|One|Which)\s)"
         r"(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2}\s+(?-i:commune|ward|special\s+zone)(?!\w)"
         r"|(?<!\w)(?-i:commune|ward)\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2}"),
]  # fmt: skip

INDICATOR_REFS = [Rule("this_sector", "indicator_ref", words("this sector", "the sector", "this area"))]

SECTIONS = [
    # "Key figures of the year:" alone on its line: the period it names is that of the list's lines below it
    Rule("list_heading", "list_heading", r"[:：](?=[ \t]*(?:\n|$))"),
    # "Related news" alone on its line: the page's links to other stories follow, their figures theirs
    Rule("related_links", "related", words("Related news", "Related articles", "Related stories", "Related",
                                           "Read more", "See also", "More news", "Other news")),
    Rule("table_actual", "table_actual", words("Actual", "Result", "Results", "Implemented", "Performance")),
    Rule("table_plan", "table_plan", words("Plan", "Target", "Planned", "Targets")),
    Rule("table_estimate", "table_estimate", words("Estimate", "Estimated", "Est", "Preliminary")),
    Rule("tasks_named", "directive",
         r"(?:key|main|major|priority|following)\s+tasks|tasks\s+(?:for|in)\s+(?:the\s+)?(?:coming|next|remaining|rest|second|third|fourth|last|final)"
         r"|(?:asked|requested|urged|called\s+on|instructed|directed)\s+(?:the\s+)?(?:all\s+)?(?:departments|sectors|agencies|localities|units|authorities|provincial|local)"),
    Rule("difficulties_named", "difficulty",
         r"(?:faces?|facing|faced|still|remain(?:s|ed)?|there\s+(?:are|were|remain))\s+(?:\w+\s+){0,3}?(?:difficulties|challenges|shortcomings|limitations|obstacles)"
         r"|(?:difficulties|shortcomings|limitations)\s+(?:include|included|are|were)|(?:difficulties|challenges)\s*:"),
    Rule("task_paragraph", "directive_continue",
         r"\s*(?:[-•+*]|\(?\d+[.)]|(?:Continue|Focus|Accelerate|Promote|Strengthen|Speed\s+up|Improve|Ensure|Implement|Step\s+up|Boost|Develop|Manage|Mobilize|Mobilise|He\s+(?:also\s+)?(?:asked|requested|urged)|She\s+(?:also\s+)?(?:asked|requested|urged)|The\s+\w+\s+(?:must|should|needs?\s+to))(?!\w))"),
    Rule("recommendations_named", "recommendation",
         r"(?:recommendations?|proposals?)(?=\s+(?:on|about|regarding|related|for|to)|\s*:)"),
    Rule("recommendation_topics", "recommendation_list",
         r"(?:recommendations?|proposals?)\s+(?:on|about|regarding|related\s+to)\s+"),
]  # fmt: skip

RULES = PERIODS + ROLES + QUANTITY + CUES + AREAS + SUBUNITS + INDICATOR_REFS + SECTIONS
