"""Arabic: the named rules of the reader, including machine-translated Vietnamese news
(vietnam.vn/ar), where Vietnamese number marks are often kept ("2.300 مليون").

Word rules match with or without diacritics, with ا/أ/إ, ة/ه, ى/ي and ج/غ/ق spelled either way,
and with the glued prefixes و ف ب ل ك ال in front (:mod:`..grammar`).
"""

from __future__ import annotations

from ..grammar import Rule, words
from ..text import ar_phrase
from ..timeframes import span
from .lexicon import (
    MONTH_ORDINALS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_Q,
    OTHER_THINGS,
    SCALE_WORDS,
    SPELLED_UNITS,
    YEAR,
    unmark,
)

_YEAR_AFTER = rf"(?:\s*،?\s*(?:من\s+|في\s+|خلال\s+|ل)?(?:عام|العام|سنة|لعام)\s+{YEAR}|\s*[/-]\s*{YEAR}|\s+(?:من\s+)?{YEAR})?"
_Q = r"(?P<q>الأول|الاول|الثاني|الثالث|الرابع|الأخير|الاخير)"
_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_ORD = "|".join(sorted(MONTH_ORDINALS, key=len, reverse=True))
_MONTHS_WORD = "(?:[أا]شهر|شهور)"  # months (plural), with or without its hamza


def _quarter(m):
    return "quarter", ORDINAL_Q.get(unmark(m.group("q")))


def _months(m):
    n = int(m.group("nd")) if m.group("nd") else NUMBER_WORDS.get(unmark(m.group("nw")))
    return span.months(n)


def _as_of(m):
    n = int(m.group("md")) if m.group("md") else MONTHS.get(m.group("mw"))
    return span.as_of_month(n)


PERIODS = [
    Rule("month_named", "period",
         rf"(?<!\d\s?)(?<!\w)[بلو]?(?:في\s+|خلال\s+)?(?:شهر\s+)?(?P<mw>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?"
         rf"(?:\s*،?\s*(?:من\s+)?(?:عام\s+|العام\s+)?{YEAR})(?!\d)",
         lambda m: span.month(MONTHS.get(m.group("mw")))),
    Rule("month_alone", "period",
         rf"(?<!\d\s?)(?<!\w)و?(?:في\s+|خلال\s+)(?:شهر\s+)?(?P<mw>{_MONTH})(?!\s*\d)(?!\w)",
         lambda m: span.month(MONTHS.get(m.group("mw")))),
    Rule("month_ordinal", "period",
         rf"(?<!\w)[وف]?(?:في|خلال)\s+(?:ال)?شهر\s+(?P<o>{_MONTH_ORD})(?!\w)(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?{YEAR})?",
         lambda m: span.month(MONTH_ORDINALS.get(unmark(m.group("o"))))),
    Rule("as_of_date", "period",
         r"(?<!\w)و?(?:حتى|لغاية|بحلول|اعتبارا\s+من|اعتبارًا\s+من|اعتبار\S*\s+من)\s+(?:(?:نهاية|أواخر|آخر)\s+)?"
         rf"(?:\d{{1,2}}\s*/\s*(?P<md>\d{{1,2}})|(?:\d{{1,2}}\s+)?(?:(?:شهر|الشهر)\s+)?(?P<mw>{_MONTH}))"
         rf"(?:\s*/\s*(?:{_MONTH}))?(?:\s*/\s*{YEAR}|\s*،?\s*(?:من\s+)?(?:عام\s+|العام\s+)?{YEAR})?",
         _as_of),
    Rule("as_of_quarter", "period", rf"(?<!\w)و?(?:حتى|بحلول)\s+نهاية\s+(?:ال)?ربع\s+{_Q}{_YEAR_AFTER}",
         lambda m: span.as_of_quarter(ORDINAL_Q.get(unmark(m.group("q"))))),
    Rule("quarter", "period", rf"(?:ال)?ربع\s+{_Q}{_YEAR_AFTER}", _quarter),
    Rule("half_year", "period", rf"(?:ال)?نصف\s+(?P<h>الأول|الاول|الثاني)(?:\s+من)?(?:\s+(?:ال)?عام)?{_YEAR_AFTER}",
         lambda m: ("half", 2 if "ثاني" in m.group("h") else 1)),
    # "الأشهر التسعة الأولى", "الشهور التسعة الأولى", "الأشهر الـ9 الأولى", "9 أشهر", "الاشهر الستة"
    Rule("first_months", "period",
         rf"(?:(?:ال|لل)?{_MONTHS_WORD}\s+(?:(?P<nw>{_NW})|(?:الـ\s?|ال)?(?P<nd>\d{{1,2}}))\s+(?:ال)?[أا]ولى"
         rf"|(?:(?P<nw>{_NW})|(?P<nd>\d{{1,2}}))\s+{_MONTHS_WORD}(?:\s+(?:ال)?[أا]ولى)?"
         rf"|(?P<nw>{_NW})\s+(?:ال)?{_MONTHS_WORD}\s+(?:ال)?[أا]ولى"
         rf"|(?:ال)?{_MONTHS_WORD}\s+(?P<nw>{_NW})(?!\s+(?:ال)?(?:أخيرة|الماضية|المقبلة|القادمة))"
         rf"|(?P<nw>الشهرين)\s+(?:ال)?أولين|(?P<nw>شهرين))(?:\s+من)?(?:\s+(?:ال)?عام)?{_YEAR_AFTER}"
         r"(?P<this>\s+من\s+(?:هذا\s+العام|العام\s+(?:الحالي|الجاري)))?",
         _months),
    Rule("first_quarters", "period",
         rf"(?:(?:ال|لل)?أرباع\s+(?P<nw>الثلاثة|الثلاث|ثلاثة)\s+(?:ال)?أولى|(?:ال|لل)?ربعين\s+(?:ال)?أولين)"
         rf"(?:\s+من)?(?:\s+(?:ال)?عام)?{_YEAR_AFTER}",
         lambda m: span.months(9 if m.group("nw") else 6)),
    Rule("several_years", "period",
         r"(?<!\w)(?:خلال|في|على\s+مدى|طوال)\s+(?:(?:ال)?(?:سنوات|أعوام)\s+(?:ال)?(?:خمس|ثلاث|أربع|عشر|ست|سبع|\d{1,2})"
         r"|(?:خمس|ثلاث|أربع|عشر|ست|سبع|\d{1,2})\s+(?:سنوات|أعوام))(?!\w)(?:\s+(?:الماضية|الأخيرة|المقبلة|القادمة))?",
         lambda m: ("multi", None)),
    Rule("january_to_month", "period",
         rf"(?<!\w)(?:من\s+|الفترة\s+من\s+)?(?:يناير|كانون\s+الثاني)\s+(?:إلى|الى|حتى)\s+(?P<mw>{_MONTH}){_YEAR_AFTER}",
         lambda m: span.as_of_month(MONTHS.get(m.group("mw")))),
    # "منذ بداية العام وحتى الآن" (từ đầu năm đến nay): the months to date, not a stock ("حتى الآن"
    # alone is one). After a percentage "منذ بداية العام" is a base (other_base), not this.
    Rule("year_to_date", "period",
         rf"(?<!\w)[وف]?(?:منذ|من)\s+(?:بداية|مطلع|أول)\s+(?:(?:هذا\s+)?(?:العام|السنة)(?:\s+(?:الحالي|الجاري))?|(?:عام|العام)\s+{YEAR})"
         r"(?:\s*،?\s*و?(?:حتى|لغاية|إلى)\s+(?:الآن|اليوم|الوقت\s+الحاضر))?(?!\w)",
         lambda m: ("ytd", None)),
    # "في الشهر الماضي" (trong tháng qua): the month before the one the text was written in.
    Rule("last_month", "period",
         r"(?<!\w)[وف]?(?:في|خلال)\s+(?:ال)?شهر\s+(?:ال)?(?:ماضي|منصرم|منقضي)(?!\w)",
         lambda m: ("last_month", None)),
    Rule("until_year_end", "period",
         r"(?<!\w)و?(?:حتى|بحلول|لغاية|قبل)\s+نهاية\s+(?:هذا\s+)?(?:العام|السنة)(?:\s+(?:الحالي|الجاري))?(?!\s*\d)",
         lambda m: ("year", None, 0)),
    Rule("whole_year_alone", "period", r"(?:ال|لل)(?:عام|سنة)\s+(?:بأكمله|بأكملها|كله|كلها)", lambda m: ("year", None, 0)),
    Rule("year_named", "period",
         rf"(?:(?<=\s)|^|(?<=[(]))(?:في\s+|خلال\s+|[لبو])?(?:عام|العام|سنة|لعام|للعام)\s+{YEAR}(?![\d\-–])",
         lambda m: ("year", None)),
    Rule("year_bare", "period", rf"(?<![\w/.,\-–]){YEAR}(?![\w/%٪]|[.,]\d|\s*[-–]\s*\d|\s+(?:مليار|مليون|ألف|دونج|دولار))",
         lambda m: ("year", None)),
    Rule("years_span", "period",
         r"(?<!\w)(?:(?:ال)?فترة\s+|للفترة\s+)?(?:من\s+)?(?P<a>(?:19|20)\d\d)\s*(?:[-–—]|إلى|الى)\s*(?P<b>(?:19|20)?\d\d)(?![\d%])",
         lambda m: span.years(m.group("a"), m.group("b"))),
    # "وفي الفترة نفسها، تأسست 312 شركة": opening a sentence, the span just spoken of (after a
    # figure, "عن الفترة نفسها" is its base: same_period)
    Rule("same_period_concurrent", "period",
         r"(?:(?<=^)|(?<=[.!?؟;؛:]\s)|(?<=\n))[وف]?(?:في|خلال)\s+(?:(?:ال)?فترة\s+(?:نفسها|ذاتها)|نفس\s+الفترة)(?=\s*[،,])",
         lambda m: ("same", None, 0)),
    Rule("same_period", "period",
         rf"(?:(?:ال)?فترة\s+(?:نفسها|ذاتها|المماثلة)|نفس\s+الفترة)(?:\s+(?:من|في)\s+(?:عام|العام)\s+{YEAR}|\s+من\s+العام\s+(?:الماضي|السابق))?",
         lambda m: ("same", None)),
    Rule("this_year_alone", "period", r"(?<!\w)(?:هذا|خلال\s+هذا|في\s+هذا)\s+العام|العام\s+(?:الحالي|الجاري)",
         lambda m: ("year", None, 0)),
    Rule("whole_year", "period", rf"(?:للعام|لعام|العام|عام)\s+{YEAR}\s+(?:بأكمله|كله|بالكامل)", lambda m: ("year", None)),
    Rule("last_year_passed", "period", r"(?:من\s+)?(?:العام|السنة)\s+(?:المنقضي|المنصرم|الماضي|السابق)(?!\w)",
         lambda m: ("year", None, -1)),
    Rule("next_year_alone", "period", r"(?:العام|السنة)\s+(?:المقبل|القادم|المقبلة|القادمة)", lambda m: ("year", None, 1)),
    Rule("holiday", "period", r"(?:عطلة|إجازة|عيد)\s+(?:رأس\s+السنة\s+(?:القمرية|الفيتنامية)|تيت|اليوم\s+الوطني)",
         lambda m: ("holiday", None)),
]  # fmt: skip

ROLES = [
    # "للربع الثالث والأشهر التسعة الأولى": a report on a quarter and the months to its end, whose undated figures are the span's
    Rule("quarter_and_months", "period_and", words("و")),
    Rule(
        "compared_muqarana",
        "compared",
        words(
            "مقارنة",
            "مقارنةً",
            "بالمقارنة مع",
            "مقارنة مع",
            "أعلى من",
            "أقل من",
            "مقابل",
            "يعادل",
            "ويعادل",
            "تعادل",
        ),
    ),
    Rule("compared_an", "compared_adjacent", words("عن", "بنفس", "منذ", "مقارنة ب")),
    # "بما يعادل 106% من نفس الفترة من عام 2023": the span a percentage is of is its base
    Rule("index_of_same_period", "compared_adjacent", r"(?<=[%٪])\s?من"),
    Rule("horizon_by", "horizon", words("بحلول", "حتى", "بنهاية", "رؤية", "إلى", "رؤية حتى")),
    Rule(
        "constant_prices",
        "constant_prices",
        words("بالأسعار الثابتة", "الأسعار الثابتة", "الأسعار المقارنة", "بأسعار"),
    ),
    Rule(
        "filler",
        "filler",
        words(
            "نفس",
            "الفترة",
            "الفترة نفسها",
            "عام",
            "العام",
            "من",
            "في",
            "ب",
            "نفس الفترة من",
            "بعام",
            "بالعام",
            "بنفس",
            "لعام",
            "بالفترة",
            "الشهر",
            "الشهر نفسه",
            "نفس الشهر",
            "بالشهر",
            "الربع",
            "الربع نفسه",
            "نفس الربع",
            "بالربع",
            "الفترة المماثلة",
            "بالفترة المماثلة",
        ),
    ),
]

_SCALES = "|".join(SCALE_WORDS)
_SPELLED = "|".join(sorted(SPELLED_UNITS, key=len, reverse=True))
# Not after a figure ("15 مليارا" is the singular after a number, no dual) nor inside a word
_NOT_COUNTED = r"(?<![\d.,]\s)(?<![\d.,])(?:(?<=^)|(?<=[\s(وبل]))"


def _in_digits(m, value) -> str:
    """``value`` in digits, padded with spaces to the length of the words it stands for."""
    digits = f"{value:g}"
    return digits + " " * (m.end("w") - m.start("w") - len(digits))


def _dual(m) -> str:
    return m.group(0)[: m.start("w") - m.start()] + "2" + m.group("scale")  # "ملياري" -> "2مليار"


SPELLED = [
    # "ملياري دولار", "مليونا زائر" (the dual): two of the scale, "2مليار" in the same span
    Rule("spelled_dual_scale", "spelled_number",
         rf"{_NOT_COUNTED}(?P<w>(?P<scale>مليار|مليون|تريليون|ألف)[يا])(?!\w)", _dual),
    # "ثلاثة ملايين زائر", "نصف مليار دولار": a number in words before a scale word (not the
    # units of a teen, "ثلاثة عشر مليون", which stays unread)
    Rule("spelled_units", "spelled_number",
         rf"{_NOT_COUNTED}(?<!(?:{_SPELLED}|أحد|إحدى|اثنا|اثنتا)\s)(?P<w>{_SPELLED})(?=\s+(?:{_SCALES})(?!\w))",
         lambda m: _in_digits(m, SPELLED_UNITS[m.group("w")])),
]  # fmt: skip

QUANTITY = [
    Rule("scale_thousand_billion", "scale", words("ألف مليار", "آلاف مليار"), "trillion"),
    Rule("scale_thousand_million", "scale", words("ألف مليون"), "billion"),
    # "1.17 مليون مليار دونج": the Vietnamese "triệu tỷ", a million billion
    Rule("scale_million_billion", "scale", words("مليون مليار", "ملايين مليار"), "quadrillion"),
    Rule("scale_thousand", "scale", words("آلاف", "ألف", "الف", "الاف"), "thousand"),
    Rule("scale_million", "scale", words("ملايين", "مليون"), "million"),
    Rule("scale_billion", "scale", words("مليارات", "مليار", "بليون", "مليارا"), "billion"),
    Rule("scale_trillion", "scale", words("تريليونات", "تريليون", "ترليون"), "trillion"),
    Rule("scale_quadrillion", "scale", words("كوادريليون", "كوادرليون", "كوادريليونات"), "quadrillion"),
    Rule(
        "currency_dong",
        "currency_after",
        words("دونج", "دونغ", "دونق", "دون", "دونج فيتنامي", "دونغ فيتنامي", "دونج فيتنامى"),
        "VND",
    ),
    # "54.125 مليار دونج" (54.125 tỷ đồng): an amount in dong is translated from Vietnamese, whose
    # point groups thousands; nobody writes a dong amount to a thousandth of a billion
    Rule("dong_point_groups", "point_groups", words("دونج", "دونغ", "دونق", "دونج فيتنامي", "دونغ فيتنامي")),
    Rule(
        "currency_usd",
        "currency_after",
        words("دولار", "دولارات", "دولار أمريكي", "دولار أميركي", "دولار امريكي", "دولارا", "دولارًا"),
        "USD",
    ),
    Rule(
        "count_enterprises",
        "count_noun",
        words("مؤسسة", "مؤسسات", "شركة", "شركات", "مؤسسة أعمال"),
        "enterprises",
    ),
    Rule(
        "count_new_enterprises",
        "count_noun",
        words(
            "شركة جديدة",
            "شركات جديدة",
            "مؤسسة جديدة",
            "مؤسسات جديدة",
            "شركة منشأة حديثا",
            "مؤسسة منشأة حديثا",
            "مؤسسة تجارية جديدة",
            "مؤسسات تجارية جديدة",
            "شركة تجارية جديدة",
            "مؤسسة أعمال جديدة",
            "شركة مسجلة حديثا",
            "مؤسسة مسجلة حديثا",
            "مشروعا تجاريا جديدا",
            "مشروع تجاري جديد",
            "مشاريع تجارية جديدة",
        ),
        ("enterprises", "new_enterprises"),
    ),
    Rule(
        "count_foreign_visitors",
        "count_noun",
        words(
            "زائر أجنبي",
            "سائح أجنبي",
            "زائر دولي",
            "سائح دولي",
            "زوار أجانب",
            "سياح أجانب",
            "زائر محلي",
            "سائح محلي",
            "زوار دوليين",
            "سياح دوليين",
        ),
        "visitors",
    ),
    Rule(
        "count_visitors",
        "count_noun",
        words(
            "زائر",
            "زائرا",
            "زائرًا",
            "زوار",
            "سائح",
            "سائحا",
            "سائحًا",
            "سياح",
            "سائحين",
            "زائرين",
            "زيارة",
            "سائح وزائر",
            "زيارة سياحية",
            "ضيف",
            "ضيوف",
            "ضيفا",
            "نزيل",
            "نزلاء",
            "زائر مقيم",
            "سائح مقيم",
            # "7.8 triệu lượt khách" word for word: "7.8 مليون مرة من الزوار" (visits, not a multiple)
            "مرة من الزوار",
            "مرة من السياح",
            "مرة من الضيوف",
            "مرة زيارة",
            "مرة سياحية",
            "مرات من الزوار",
            "مرات من السياح",
        ),
        ("visitors", "visitors"),
    ),
    # "وعادت 140 شركة إلى العمل" (doanh nghiệp quay trở lại hoạt động), "توقفت 90 شركة عن العمل":
    # firms back in business or out of it are no new enterprises
    Rule(
        "count_firms_returning",
        "count_noun",
        words(
            "شركة إلى العمل",
            "شركات إلى العمل",
            "مؤسسة إلى العمل",
            "مؤسسات إلى العمل",
            "شركة إلى النشاط",
            "شركات إلى النشاط",
            "مؤسسة إلى النشاط",
            "مؤسسات إلى النشاط",
            "شركة إلى السوق",
            "مؤسسة إلى السوق",
            "شركة عن العمل",
            "شركات عن العمل",
            "مؤسسة عن العمل",
            "مؤسسات عن العمل",
            "شركة من السوق",
            "شركات من السوق",
            "مؤسسة من السوق",
            "مؤسسات من السوق",
            "شركة أعمالها مؤقتا",
            "مؤسسة أعمالها مؤقتا",
            "شركة نشاطها مؤقتا",
            "مؤسسة نشاطها مؤقتا",
        ),
        "other",
    ),
    # People counted where the indicator before names them ("عدد الزوار ... 2.5 مليون شخص").
    Rule("count_people", "count_noun", words("شخص", "أشخاص", "نسمة"), "visitors"),
    Rule("count_projects", "count_noun", words("مشروع", "مشروعا", "مشروعًا", "مشاريع", "مشروعات"), "projects"),
    # Things no indicator counts: land, tonnes, jobs, households ("70 هكتارًا من الغابات").
    Rule("count_other_things", "count_noun", words(*OTHER_THINGS), "other"),
    Rule("percent_words", "percent", words("في المائة", "في المئة", "بالمائة", "بالمئة")),
    Rule("points", "points", words("نقطة مئوية", "نقاط مئوية", "نقطة")),
    Rule(
        "more_than",
        "qualifier_before",
        words(
            "أكثر من",
            "ما يزيد عن",
            "ما يزيد على",
            "يزيد عن",
            "يزيد على",
            "يتجاوز",
            "تتجاوز",
            "فوق",
            "تزيد عن",
            "تزيد على",
            "أزيد من",
            "ما يربو على",
            "يربو على",
            "ما يفوق",
        ),
        "more_than",
    ),
    # "بحيث لا يتجاوز 4.5%", "لم تتجاوز 5 مليارات" (không quá, not exceeding): at most, said "less than"
    Rule(
        "less_than",
        "qualifier_before",
        words(
            "أقل من",
            "دون",
            "لا يتجاوز",
            "لا تتجاوز",
            "ألا يتجاوز",
            "ألا تتجاوز",
            "لم يتجاوز",
            "لم تتجاوز",
            "لا يزيد عن",
            "لا يزيد على",
            "لا تزيد عن",
            "لا تزيد على",
            "ما لا يزيد عن",
            "ما لا يزيد على",
        ),
        "less_than",
    ),
    Rule(
        "at_least",
        "qualifier_before",
        words("لا يقل عن", "لا تقل عن", "على الأقل", "ما لا يقل عن", "الحد الأدنى", "لا يقل على"),
        "at_least",
    ),
    Rule(
        "about",
        "qualifier_before",
        words(
            "نحو",
            "حوالي",
            "حوالى",
            "قرابة",
            "ما يقرب من",
            "ما يقارب",
            "يقارب",
            "تقريبا",
            "زهاء",
            "تقرب من",
            "يقرب من",
            "ما يناهز",
            "يناهز",
            "تناهز",
        ),
        "about",
    ),
    Rule("about_after", "qualifier_after", words("تقريبا", "تقريبًا", "تقريباً"), "about"),
    Rule(
        "or_more",
        "qualifier_after",
        words("أو أكثر", "فأكثر", "على الأقل", "فما فوق", "أو أعلى", "أو يزيد"),
        "at_least",
    ),
    Rule("range_from", "range_from", words("من", "بين")),
    Rule("range_to", "range_word", words("إلى", "الى")),
    Rule("range_between_and", "range_and", words("و")),
]

CUES = [
    Rule("up", "up",
         words("بزيادة", "زيادة", "ارتفع", "ارتفعت", "ارتفاع", "بارتفاع", "نما", "نمت", "بنمو", "تنمو", "ينمو",
               "زاد", "زادت", "ازداد", "ازدادت", "يرتفع", "ترتفع", "زيادة قدرها", "بزيادة قدرها", "توسع",
               "تزايد", "تزايدت", "ارتفاعا", "ارتفاعًا",
               # the other verbs and nouns of a rise ("قفزت الإيرادات بنسبة 25%", "صعدت الصادرات")
               "قفز", "قفزت", "يقفز", "تقفز", "قفزة", "بقفزة", "صعد", "صعدت", "يصعد", "تصعد", "صعودا", "بصعود",
               "ازدياد", "بازدياد", "يزداد", "تزداد", "زيادات", "توسعت", "اتسع", "اتسعت", "ارتفاعات")),
    Rule("down", "down",
         words("انخفض", "انخفضت", "انخفاض", "بانخفاض", "تراجع", "تراجعت", "بتراجع", "هبط", "هبطت", "نقص", "بنقص",
               "تقلص", "تقلصت", "انكمش", "انكماش", "انخفاضا", "انخفاضًا", "ينخفض", "تنخفض",
               # the other verbs and nouns of a fall ("سجلت الواردات تراجعاً", "انكمشت الواردات")
               "تراجعا", "يتراجع", "تتراجع", "انكمشت", "ينكمش", "تنكمش", "انكماشا", "نقصت", "تناقص", "تناقصت",
               "بتناقص", "هبوط", "بهبوط", "هبوطا", "تقلصا", "انحدر", "انحدرت")),
    Rule("growth_rate", "growth",
         words("نمو", "معدل نمو", "بمعدل نمو", "بنسبة نمو", "معدل النمو", "النمو الاقتصادي", "نسبة النمو",
               "نسبة الزيادة")),
    Rule("reach", "reach",
         words("بلغ", "بلغت", "وصل", "وصلت", "وصل إلى", "وصلت إلى", "ليصل إلى", "لتصل إلى", "يصل إلى", "تصل إلى",
               "إلى", "حقق", "حققت", "سجل", "سجلت", "اجتذبت", "اجتذب", "جذبت", "صرفت", "جمعت", "استقبلت",
               "بلغ حجم", "قدرها", "البالغة", "البالغ", "والبالغ", "والبالغة", "عند")),
    Rule("share", "share",
         words("يشكل", "تشكل", "يمثل", "تمثل", "شكلت", "شكل", "مثلت", "تبلغ حصة", "حصة", "بحصة", "يستحوذ",
               "تستحوذ", "وهو ما يمثل", "أي ما يعادل نسبة")),
    Rule("index", "index", words("يعادل", "تعادل", "ما يعادل", "بما يعادل", "أي ما يعادل")),
    Rule("exceed", "exceed", words("تتجاوز", "تجاوزت", "متجاوزة", "متجاوزا", "متجاوزًا", "متجاوزةً", "بتجاوز",
                                   "يتجاوز", "تجاوز", "فاقت", "فاق", "تفوق", "يفوق", "تخطت", "تخطى", "متخطية",
                                   "متخطيا")),
    # "أعلى من الخطة بنسبة 5%" (cao hơn kế hoạch 5%): above the plan by 5%, 105% of it (not above
    # "the target of 7%", which names the target's own figure)
    Rule("above_plan", "exceed", r"(?:أعلى|أكبر)(?=\s+من\s+(?:ال)?(?:خطة|تقديرات|تقدير|مخطط|هدف|مستهدف)(?!\w)"
         r"(?!\s+و?(?:البالغ|البالغة|عند|المتمثل|الذي|التي)))"),
    Rule("contribution", "contribution",
         words("ساهم", "ساهمت", "مساهما", "مساهمًا", "مساهمة", "يساهم", "تساهم", "أسهم", "أسهمت", "إسهام",
               "بمساهمة", "مساهماً", "مما ساهم", "نسبة مساهمة")),
    Rule("estimate", "estimate",
         words("تقدر", "يقدر", "قدرت", "قدر", "المقدر", "المقدرة", "بتقدير", "من المقدر", "ما يقدر", "تقديريا",
               "من المتوقع", "ومن المتوقع", "يتوقع", "تتوقع", "متوقع", "قُدّر")),
    Rule("same_period_base", "yoy_base",
         words( "عن نفس الفترة", "عن الفترة نفسها", "عن الفترة ذاتها", "مقارنة بنفس الفترة", "مقارنة بالفترة نفسها",
               "على أساس سنوي", "عن العام السابق", "عن العام الماضي", "مقارنة بالعام السابق", "مقارنة بالعام الماضي",
               "مقارنة بعام", "خلال الفترة نفسها", "مقارنةً بالفترة نفسها", "مقارنة بنفس الفترة من العام الماضي",
               "مقارنة بالفترة نفسها من العام الماضي", "مقارنة بالعام", "مقارنة بالسنة", "بالمقارنة مع نفس الفترة",
               "عن نفس الفترة من العام الماضي", "عن عام", "مقارنة مع نفس الفترة", "مقارنة مع العام",
               "مقارنة بالشهر نفسه", "مقارنة بنفس الشهر", "عن الشهر نفسه", "عن نفس الشهر", "مقارنة بالربع نفسه",
               "مقارنة بنفس الربع",
               # "بما يعادل 92.6% من نفس الفترة" (bằng 92,6% so với cùng kỳ): an index on the same period
               "من نفس الفترة", "من الفترة نفسها", "من الفترة ذاتها", "من الفترة المماثلة",
               "من نفس الفترة من العام الماضي", "من الفترة نفسها من العام الماضي")),
    Rule("other_base", "other_base",
         words("مقارنة بالشهر السابق", "مقارنة بالشهر الماضي", "عن الشهر السابق", "عن الشهر الماضي",
               "مقارنة بالربع السابق", "عن الربع السابق", "مقارنة بديسمبر", "مقارنة بشهر", "على أساس شهري",
               "مقارنة ببداية العام", "منذ بداية العام", "مقارنة بالشهر", "مقارنة بنهاية العام", "مقارنة بالربع",
               "مقارنةً بالشهر السابق", "مقارنة مع الشهر السابق")),
    # "بزيادة 35% عن أغسطس" (tăng 35% so với tháng 8): a change on a month named without a year is
    # a change on an earlier month of the same year, no growth on the same period
    Rule("month_base", "other_base",
         rf"(?:عن\s+|مقارنة\S?\s+(?:ب|مع\s+)|بالمقارنة\s+(?:مع\s+|ب))(?:شهر\s+|الشهر\s+)?(?:{_MONTH})(?!\w)"
         r"(?!\s*[/،,]?\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?:19|20)\d\d)"),
    Rule("plan_base", "plan_base",
         words( "من الخطة", "من المخطط", "من التقديرات", "من التقدير", "من تقدير", "من الهدف السنوي", "من خطة",
               "من الخطة السنوية", "من الهدف", "من المستهدف", "من الخطة المخصصة", "من التقدم", "المخطط له",
               "الخطة", "الهدف", "التقديرات", "الخطة السنوية",
               "المخطط لها", "لخطة",
               # "kế hoạch đề ra", "mục tiêu đề ra" word for word: the plan or target set
               "الهدف المحدد", "الخطة المحددة", "الهدف المنشود", "الهدف الموضوع", "الخطة الموضوعة",
               "الهدف المقرر", "الخطة المقررة", "الهدف المرسوم", "من الهدف المحدد", "من الخطة المحددة",
               "من الهدف المنشود", "من الخطة الموضوعة", "من الهدف المقرر", "من الخطة المقررة")),
    Rule("target_after", "target_after", words("التي تستهدفها", "الذي تستهدفه", "المستهدفة", "المستهدف",
                                               "وهو الهدف", "وهو هدف", "وهو الهدف الذي")),
    Rule("share_base", "share_base",
         words("من الهيكل", "من هيكل", "من إجمالي الناتج", "من الناتج المحلي", "من إجمالي", "من الإجمالي")),
    Rule("fold", "fold", words("مرة", "مرات", "ضعف", "أضعاف", "ضعفا")),
    Rule("comparative", "comparative", words("أعلى", "أقل", "أدنى", "أكبر", "أصغر", "تصدرت", "تتصدر", "يتصدر",
                                             "متصدرة", "متصدرا", "في صدارة")),
    Rule("than", "than", words("من")),
    Rule("versus", "compared_value", words("مقابل", "مقارنة مع", "مقارنة ب")),
    Rule("minus_subsidies", "proper_name", words("مطروحا منها", "مطروحًا منها", "مطروحاً منها")),
    # "لأول مرة" (for the first time) is no multiple: the words are taken before "مرة" is read
    Rule("first_time", "proper_name",
         words("لأول مرة", "لاول مرة", "للمرة الأولى", "للمرة الاولى", "مرة أخرى", "مرة أخرى", "مرة واحدة")),
    Rule("stock", "stock", words("التراكمي", "تراكمي", "المتراكم", "حتى الآن", "السارية")),
    Rule("per_year", "per_year", words("سنويا", "سنويًا", "في السنة", "كل عام")),
    Rule("per_unit", "per_unit",
         words("لكل كيلوغرام", "للكيلوغرام", "للكيلوجرام", "للكيلو", "لكل كيلو", "للكغ", "/كجم", "/كغ",
               "للطن", "لكل طن", "للفرد", "لكل فرد", "للشخص", "لكل شخص", "للمتر المربع", "لكل متر مربع",
               "للهكتار", "لكل هكتار", "للبرميل", "مقابل الدولار", "لكل دولار", "للدولار الواحد", "للسهم",
               "للوحدة", "للزائر", "لكل زائر", "للسائح", "لكل سائح", "للعامل", "لكل عامل", "شهريا",
               "في الشهر")),
    Rule("target", "target",
         words("أهدافًا", "أهدافا", "حددت هدفًا", "حددت هدفا", "تهدف", "يهدف", "تسعى", "يسعى", "تستهدف", "يستهدف",
               "المستهدف", "المستهدفة", "الأهداف التالية", "الأهداف الرئيسية", "تطمح", "تخطط", "يطمح",
               "تقرر أن", "هدفها", "هدف الحكومة", "هدف النمو", "بهدف", "الهدف هو", "هدفًا", "هدفا", "السعي",
               "والسعي", "سيناريو", "التي تستهدفها", "جاهدة", "تسعى جاهدة", "لسيناريو", "سيناريوهات",
               "هدف عام", "هدف العام", "الهدف لعام", "هدفا لعام", "هدفًا لعام", "تحديد هدف", "حدد هدف",
               "حددت هدف")),
    # "وطلب رئيس اللجنة من المستثمرين صرف 95% على الأقل من خطة رأس المال" (yêu cầu giải ngân đạt
    # 95%): a figure a directive asks to reach is a target
    Rule("request_to_reach", "target",
         r"[وف]?(?:طلب|طالب|حث|كلف|ألزم)\S{0,2}\s+(?:[^\s.؛]+\s+){0,8}?(?:ب)?(?:صرف|تحقيق|بلوغ|الوصول\s+إلى|رفع)(?!\w)"),
    # "ستعمل المقاطعة على تحقيق نمو لا يقل عن 10%", "سيسعى إلى بلوغ": what a future verb sets out
    # to reach is a target
    Rule("future_to_reach", "target",
         r"(?<!\w)[وف]?(?:ست|سي)[^\s\d]{2,}\s+(?:[^\s\d.،,؛]+\s+){0,3}?(?:على\s+|إلى\s+)?"
         r"(?:تحقيق|بلوغ|الوصول\s+إلى|رفع)(?!\w)"),
    # "خطة عام 2025: نمو 8%؛ إيرادات 15,500 مليار": a plan's heading, its list the year's targets
    Rule("plan_heading", "target", r"(?<!\w)[وف]?(?:ال)?خطة\s+(?:ل?عام|العام|للعام|سنة)\s+(?:19|20)\d\d\s*(?=:)"),
    # "kế hoạch vốn" in translation: the capital plan; a figure after it is the plan's amount, a target
    # level (the gold's convention), not what was paid out
    Rule("capital_plan", "target",
         words("خطة رأس المال", "خطة رأس مال", "خطة الاستثمار العام", "خطة رأس المال الاستثماري",
               "خطة رأس مال الاستثمار العام", "خطة رأس المال الاستثماري العام")),
    # "the government's target of 4%", "من المستهدف البالغ 11%": a target named with its value
    # "الهدف الذي حددته الجمعية الوطنية والبالغ ما بين 6 و6.5%": the same, past a clause saying who set it
    Rule("target_valued", "target",
         r"(?:من\s+)?(?:ال)?(?:مستهدف|هدف)(?:\s+(?:ال)?(?:حكومي|رسمي|سنوي|محدد|مخطط))?"
         r"(?:\s+(?:الذي|التي)(?:\s+[^\s\d.،,؛]+){1,5}?(?=\s+و?(?:البالغ|البالغة)))?"
         r"\s+و?(?:البالغ|البالغة|المحدد\s+عند|عند|المتمثل\s+في)(?!\w)"),
    # "عدد المقاطعات التي حققت نموا بنسبة 8% فأكثر", "المحليات التي تزيد إيراداتها على": units counted
    # by the bar they pass, a criterion and no figure of theirs
    Rule("threshold", "threshold",
         words("المقاطعات التي", "المحافظات التي", "المحليات التي", "المحليات ذات", "المقاطعات ذات",
               "المقاطعات والمدن التي", "المحافظات والمدن التي", "مجموعة المقاطعات", "مجموعة المحليات",
               "العديد من المحليات", "عدد من المحليات", "العديد من المقاطعات", "عدد من المقاطعات",
               "البلديات التي", "المناطق التي", "الوحدات التي")),
    Rule("of_which", "part", words("منها", "منهم", "من بينها", "من بينهم", "ومنها", "ومنهم", "وحده", "وحدها",
                                   "ومن بين هذه", "من بين ذلك", "ومن بين ذلك", "من ذلك", "ومن ذلك",
                                   "من هذا المبلغ", "ومن هذا المبلغ", "من هذا الإجمالي", "من إجمالي ذلك",
                                   "من بين هؤلاء", "ومن بين هؤلاء")),
    Rule("hypothetical", "hypothetical", words("إذا", "إذا تم", "لو", "في حال", "مجتمعة", "مجتمعتين")),
    Rule("forecast", "forecast", words("استطلاع", "توقعات", "متوسط التقدير", "المحللين", "الخبراء", "اقتصاديون",
                                       "الاقتصاديون", "محللون", "المحللون", "يتوقعون", "صندوق النقد الدولي",
                                       "البنك الدولي", "بنك التنمية الآسيوي", "وكالة التصنيف")),
    Rule("average", "average", words("في المتوسط", "متوسط", "بمتوسط")),
    # "، وفقا لتقديرات صندوق النقد الدولي": whose figure it is, said after it
    Rule("according_to", "attribution",
         words("وفقا ل", "وفقًا ل", "وفقاً ل", "وفقا لتقديرات", "وفقا لتوقعات", "بحسب", "حسب", "طبقا ل",
               "بحسب تقديرات", "بحسب توقعات", "حسب تقديرات", "حسب توقعات", "نقلا عن")),
    # "1.6 مليار دولار، بينما في النصف الأول من 2025 ...": a period after the turn is the next clause's
    Rule("clause_turn", "clause_turn", words("بينما", "في حين", "لكن")),
    Rule("continuation", "continuation", words("وهو", "وهي", "وبذلك", "كما", "في المقابل", "بينما", "وبالمثل",
                                               "ومن المتوقع أن يصل", "وبلغ", "وبلغت")),
    # "ويمثل هذا الرقم نحو 80% من الخطة": the figure just given goes on, with its indicator
    Rule("this_figure", "continuation",
         words("هذا الرقم", "هذا المبلغ", "هذه القيمة", "هذه النتيجة", "هذا الإجمالي", "هذا المستوى",
               "الرقم نفسه", "المبلغ نفسه", "هذا العدد")),
    Rule("link", "link", words("من", "في", "ل", "لقطاع")),
    # ", وهي أكبر مركز اقتصادي في فيتنام،": a clause describing the subject, set off by commas
    Rule("aside_which_is", "aside",
         r"(?<=[،,])\s*(?:وهي|وهو|التي\s+تعد|الذي\s+يعد|التي\s+تعتبر|الذي\s+يعتبر|باعتبارها|باعتباره|بصفتها|بصفته)(?!\w)"),
    # "بزيادة 12% في عدد المؤسسات": the growth of the firms counted, not of their capital
    Rule("aspect_number_of", "aspect_count",
         words("في عدد المؤسسات", "في عدد الشركات", "من حيث عدد المؤسسات", "من حيث عدد الشركات",
               "في عدد المؤسسات الجديدة", "في عدد الشركات الجديدة", "من حيث عدد المؤسسات الجديدة",
               "من حيث عدد الشركات الجديدة", "في عدد المؤسسات المنشأة حديثا", "في عدد الشركات المنشأة حديثا"),
         "enterprises"),
    Rule("aspect_number_of_visitors", "aspect_count",
         words("في عدد الزوار", "في عدد السياح", "من حيث عدد الزوار", "من حيث عدد السياح", "في عدد الزائرين"),
         "visitors"),
    Rule("respectively", "respectively", words("على التوالي", "بالترتيب")),
    Rule("structure", "structure", words("من هيكل", "من الهيكل", "الهيكل الاقتصادي", "هيكل الاقتصاد", "هيكل الناتج المحلي الإجمالي", "هيكل الناتج",
                                         "البنية الاقتصادية", "بنية الاقتصاد", "التركيبة الاقتصادية", "الهيكل القطاعي",
                                         "هيكل القطاعات")),
    Rule("rank", "rank", words("المرتبة", "المركز", "لتحتل", "محتلا", "محتلة", "محتلًا")),
    Rule("no_area", "no_area",
         words("مجموعة العمل", "فريق العمل", "الوزارات والوكالات", "الوزارات والهيئات", "الوزارات والوكالات المركزية")),
    Rule("double_digit", "special_target",
         words("النمو المزدوج", "نمو مزدوج", "النمو برقمين", "نمو برقمين", "نمو من رقمين", "النمو من رقمين",
               "نمو بنسبة مضاعفة", "هدف النمو المزدوج", "نمو برقم مزدوج"),
         ("grdp", "yoy_pct", 10, "at_least")),
    Rule("communes_digital", "share_target",
         rf"{ar_phrase('من')}\s+(?:البلديات|الكوميونات|البلدات)[^.]{{0,80}}?{ar_phrase('منتج رقمي')}[^.،]{{0,40}}?(?:\s*(?:بحلول|في)\s+(?:عام|العام)\s+\d{{4}}|(?=[.،]|$))",
         "communes_with_digital_product"),
    Rule("targets_met", "share_target",
         rf"{ar_phrase('من')}\s+(?:أهداف\s+التنمية\s+الاجتماعية\s+والاقتصادية|الأهداف\s+الاجتماعية\s+والاقتصادية|أهداف\s+التنمية\s+الاقتصادية\s+والاجتماعية|المؤشرات\s+الاجتماعية\s+والاقتصادية|الأهداف\s+والمؤشرات)"
         r"(?:\s+(?:بحلول\s+عام|في\s+عام|لعام)\s+\d{4})?",
         "socio_economic_targets_met"),
]  # fmt: skip

AREAS = [
    Rule(
        "nation",
        "nation",
        words(
            "البلاد",
            "على مستوى البلاد",
            "فيتنام",
            "الاقتصاد الوطني",
            "البلد",
            "الدولة كلها",
            "الاقتصاد الفيتنامي",
            "على الصعيد الوطني",
            "على المستوى الوطني",
            "في جميع أنحاء البلاد",
            "البلاد بأكملها",
            "البلاد ككل",
            "على مستوى الدولة",
            "على نطاق البلاد",
        ),
    ),
    Rule("national_source", "national_source", words("مكتب الإحصاء العام", "وزارة المالية", "الحكومة")),
    Rule(
        "foreign",
        "foreign",
        words(
            "تايلاند",
            "الصين",
            "الولايات المتحدة",
            "أمريكا",
            "اليابان",
            "كوريا الجنوبية",
            "كوريا",
            "سنغافورة",
            "ماليزيا",
            "إندونيسيا",
            "الفلبين",
            "الهند",
            "الاتحاد الأوروبي",
            "آسيان",
            "رابطة آسيان",
            "العالم",
            "الاقتصاد العالمي",
            "كمبوديا",
            "لاوس",
            "تايوان",
            "هونغ كونغ",
            "أستراليا",
            "روسيا",
            "ألمانيا",
            "فرنسا",
            "بريطانيا",
            "دول آسيان",
        ),
    ),
    Rule(
        "this_province",
        "province_ref",
        words(
            "المقاطعة",
            "المحافظة",
            "للمقاطعة",
            "في المقاطعة",
            "المقاطعة بأكملها",
            "المدينة",
            "الإقليمي",
            "الإقليمية",
        ),
    ),
]

SUBUNITS = [
    # A district, a town, a city inside the province, an industrial park: its figures are parts.
    # (A province's own name, "مدينة هاي فونغ", is the gazetteer's and wins over these.)
    Rule("district_named", "subunit",
         r"(?:منطقة|مديرية|بلدة|ناحية|قضاء|مدينة)\s+"
         r"(?!(?:ال|لل)|(?:شمال|جنوب|وسط|شرق|غرب|دلتا|ساحل|مرتفعات|جبال|من|في|على|إلى|عن|مع)(?!\w))"
         r"[^\s\d،,.؛:()]{2,}"),
    Rule("industrial_parks", "subunit",
         words("المناطق الصناعية", "المنطقة الصناعية", "منطقة صناعية", "مناطق صناعية", "المجمعات الصناعية",
               "المجمع الصناعي", "مجمع صناعي", "التجمعات الصناعية", "المنطقة الاقتصادية", "منطقة اقتصادية",
               "المناطق الاقتصادية", "مناطق التجهيز للتصدير")),
]  # fmt: skip

# "قطاع السياحة", "مجال التعدين": a sector or field; one the catalogue lacks, heading a list item,
# takes the figure away from the item before, and as the subject of a count leaves it to the count
SECTOR_HEADS = [Rule("sector_head", "sector_head", words("قطاع", "القطاع", "مجال", "المجال", "قطاعات"))]

INDICATOR_REFS = [Rule("this_sector", "indicator_ref", words("هذا القطاع", "القطاع نفسه"))]

_T = ar_phrase
SECTIONS = [
    # "أبرز المؤشرات في الأشهر التسعة:" alone on its line: the period it names is that of the list's lines below it
    Rule("list_heading", "list_heading", r"[:：](?=[ \t]*(?:\n|$))"),
    # "أخبار ذات صلة" alone on its line: the page's links to other stories follow, their figures theirs
    Rule("related_links", "related", words("أخبار ذات صلة", "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "ذات صلة")),
    Rule("table_actual", "table_actual", words("فعلي", "المنفذ", "التنفيذ", "النتائج")),
    Rule("table_plan", "table_plan", words("خطة", "المستهدف", "الهدف")),
    Rule("table_estimate", "table_estimate", words("تقديري", "التقديري", "المقدر", "تقدير")),
    Rule("tasks_named", "directive",
         rf"(?:{_T('المهام الرئيسية')}|{_T('المهام الرئيسة')}|{_T('مهام رئيسية')}|{_T('المهام الأساسية')}|{_T('المهام والحلول الرئيسية')})"
         rf"|{_T('حددت')}[^.؛]{{0,60}}?\d+\s+{_T('مهمة')}"
         rf"|{_T('داعيا')}[^.]{{0,80}}?{_T('إلى')}"
         rf"|{_T('طلبت')}[^.]{{0,80}}?{_T('ما يلي')}"
         rf"|{_T('اقترح')}[^.]{{0,80}}?(?:{_T('التركيز على')}|{_T('ضرورة')})"
         rf"|{_T('وجه')}[^.]{{0,40}}?(?:{_T('بالتركيز')}|{_T('بضرورة')})"
         rf"|(?:{_T('طلب')}|{_T('طلبت')}|{_T('طالب')}|{_T('طالبت')}|{_T('حث')}|{_T('حثت')}|{_T('دعا')}|{_T('دعت')}|{_T('كلف')}|{_T('كلفت')})\s+[^.]{{0,60}}?"
         rf"(?:{_T('الإدارات')}|{_T('القطاعات')}|{_T('المحليات')}|{_T('المستويات')}|{_T('الهيئات')}|{_T('الوحدات')}|{_T('البلديات')})"),
    Rule("difficulties_named", "difficulty",
         rf"(?:{_T('تواجه')}|{_T('يواجه')}|{_T('واجهت')}|{_T('لا تزال هناك')}|{_T('ثمة')}|{_T('هناك')})\s+(?:\S+\s+){{0,3}}?"
         rf"(?:{_T('الصعوبات')}|{_T('صعوبات')}|{_T('التحديات')}|{_T('تحديات')}|{_T('القيود')}|{_T('قيود')}|{_T('أوجه القصور')}|{_T('النواقص')}|{_T('العقبات')})"
         rf"|(?:{_T('الصعوبات والقيود')}|{_T('الصعوبات والتحديات')}|{_T('القيود والنواقص')}|{_T('أوجه القصور')})\s*[،,:]?\s*(?:{_T('منها')}|{_T('مثل')}|:)"),
    Rule("task_paragraph", "directive_continue",
         rf"\s*(?:[-•+*]|\d+[.)]|(?:{_T('توجه')}|{_T('تواصل')}|{_T('يجب')}|{_T('مواصلة')}|{_T('تعزيز')}|{_T('التركيز')}|{_T('تسريع')}|{_T('تنفيذ')}|{_T('وضع')}|{_T('ضمان')}|{_T('تحسين')}|{_T('طلب')}|{_T('طلبت')}|{_T('كما')}|{_T('ويجب')}|{_T('العمل على')}|{_T('الاستمرار')})(?!\w))"),
    Rule("recommendations_named", "recommendation", rf"(?:{_T('التوصيات')}|{_T('توصيات')}|{_T('المقترحات والتوصيات')})"),
    Rule("recommendation_topics", "recommendation_list",
         rf"(?:{_T('التوصيات المتعلقة ب')}|{_T('التوصيات بشأن')}|{_T('توصيات بشأن')}|{_T('التوصيات حول')})"),
]  # fmt: skip

RULES = (
    PERIODS + ROLES + SPELLED + QUANTITY + CUES + AREAS + SUBUNITS + SECTOR_HEADS + INDICATOR_REFS + SECTIONS
)
