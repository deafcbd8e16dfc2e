"""Arabic: lexicon and rules, including machine-translated Vietnamese news (vietnam.vn/ar).

Phrases are compiled with :func:`marsad.core.extract.text.ar_phrase`, so they match with or
without diacritics, with ا/أ/إ, ة/ه, ى/ي and ج/غ/ق spelled either way, and with the glued
prefixes و ف ب ل ال in front.
"""

from __future__ import annotations

import regex

from ..engine import LanguageRules, words
from ..text import ar_phrase
from ..timeframes import PeriodRule

D = "[0-9\u0660-\u0669\u06f0-\u06f9]"  # a digit, Western or Eastern
YEAR = rf"(?:\s*،?\s*(?:من\s+|في\s+|خلال\s+|ل)?(?:عام|العام|سنة|لعام)\s+(?P<year>{D}{{4}})|\s+(?P<year>{D}{{4}}))?"

ORDINAL_Q = {"الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4, "الاخير": 4}
NUMBER_WORDS = {"الثلاثة": 3, "الستة": 6, "التسعة": 9, "الثمانية": 8, "السبعة": 7, "الخمسة": 5,
                "الأربعة": 4, "العشرة": 10, "الأحد عشر": 11, "ثلاثة": 3, "ستة": 6, "تسعة": 9}  # fmt: skip


def _digits(s: str) -> int:
    from marsad.core.numbers import to_ascii_digits

    return int(to_ascii_digits(s))


def _quarter(m: regex.Match):
    word = regex.sub(r"[\u064b-\u0652]", "", m.group("q"))
    return "quarter", ORDINAL_Q.get(word.replace("أ", "أ"), ORDINAL_Q.get(word))


def _months(m: regex.Match):
    if m.group("nd"):
        n = _digits(m.group("nd"))
    else:
        word = regex.sub(r"[\u064b-\u0652]", "", m.group("nw"))
        n = NUMBER_WORDS.get(word)
    if n is None or not 1 <= n <= 12:
        return None, None
    if n == 12:
        return "year", None
    return "ytd", n


def _half(m: regex.Match):
    return "half", 1 if regex.search(r"الأول|الاول", m.group(0)) else 2


def _year(m: regex.Match):
    return "year", None


AR_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
    "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "اغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}  # fmt: skip
_AR_MONTHS = "|".join(sorted(AR_MONTHS, key=len, reverse=True))


def _as_of(m: regex.Match):
    """ "حتى نهاية يونيو 2024", "حتى 27 مارس 2025", "حتى 30/6/2024": the year to that month."""
    n = _digits(m.group("md")) if m.group("md") else AR_MONTHS.get(m.group("mw"))
    if n is None or not 1 <= n <= 12:
        return None, None
    return ("year", None) if n == 12 else ("ytd", n)


_Q = r"(?P<q>الأول|الاول|الثاني|الثالث|الرابع|الأخير|الاخير)"
_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
PERIODS = [
    PeriodRule(
        regex.compile(
            rf"(?<!{D}\s?)(?<!\w)(?:في\s+|خلال\s+)?(?:شهر\s+)?(?P<mw>{_AR_MONTHS})"
            rf"(?:\s*،?\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?P<year>{D}{{4}}))(?!{D})"
        ),
        lambda m: ("month", AR_MONTHS.get(m.group("mw"))),
    ),
    PeriodRule(
        regex.compile(
            rf"(?<!\w)(?:حتى|لغاية|وحتى|بحلول|اعتبارا\s+من|اعتبارًا\s+من)\s+(?:(?:نهاية|أواخر|آخر)\s+)?"
            rf"(?:{D}{{1,2}}\s*/\s*(?P<md>{D}{{1,2}})|(?:{D}{{1,2}}\s+)?(?:(?:شهر|الشهر)\s+)?(?P<mw>{_AR_MONTHS}))"
            rf"(?:\s*/\s*(?P<year>{D}{{4}})|\s*،?\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?P<year>{D}{{4}}))?"
        ),
        _as_of,
    ),
    PeriodRule(regex.compile(rf"(?:ال)?ربع\s+{_Q}{YEAR}"), _quarter),
    PeriodRule(regex.compile(rf"(?:ال)?نصف\s+(?:الأول|الاول|الثاني)(?:\s+من)?{YEAR}"), _half),
    PeriodRule(
        regex.compile(
            rf"(?:(?:ال)?أشهر\s+(?:(?P<nw>{_NW})|(?P<nd>{D}{{1,2}}))\s+(?:ال)?أولى"
            rf"|(?:(?P<nw>{_NW})|(?P<nd>{D}{{1,2}}))\s+أشهر(?:\s+(?:ال)?أولى)?"
            rf"|(?P<nw>{_NW})\s+(?:ال)?أشهر\s+(?:ال)?أولى"
            rf"|(?:ال)?أشهر\s+(?P<nw>{_NW})(?!\s+(?:ال)?(?:أخيرة|الماضية|المقبلة|القادمة)))(?:\s+من)?{YEAR}"
        ),
        _months,
    ),
    PeriodRule(
        regex.compile(
            rf"(?:(?<=\s)|^)(?:في\s+|خلال\s+|ل|بحلول\s+|حتى\s+)?(?:عام|العام|سنة)\s+(?P<year>{D}{{4}})(?![\d\-–])"
        ),
        _year,
    ),
]

INDICATORS: list[tuple[str, str | None]] = [
    # GRDP and its parts
    ("الناتج المحلي الإجمالي", "grdp"),
    ("إجمالي الناتج المحلي", "grdp"),
    ("الناتج المحلي الإجمالي الإقليمي", "grdp"),
    ("إجمالي الناتج المحلي الإقليمي", "grdp"),
    ("الناتج الإجمالي", "grdp"),
    ("النمو الاقتصادي", "grdp"),
    ("معدل النمو الاقتصادي", "grdp"),
    ("الحجم الاقتصادي", "grdp"),
    ("حجم اقتصادي", "grdp"),
    ("حجمها", "grdp"),
    ("re:GRDP|GDP", "grdp"),
    ("الصناعة والبناء", "va_industry_construction"),
    ("الصناعة والتشييد", "va_industry_construction"),
    ("قطاع الصناعة والبناء", "va_industry_construction"),
    ("الخدمات", "va_services"),
    ("قطاع الخدمات", "va_services"),
    ("الزراعة والغابات ومصايد الأسماك", "va_agriculture_forestry_fishery"),
    ("الزراعة والغابات والثروة السمكية", "va_agriculture_forestry_fishery"),
    ("الزراعة والغابات وصيد الأسماك", "va_agriculture_forestry_fishery"),
    ("الزراعة والحراجة ومصايد الأسماك", "va_agriculture_forestry_fishery"),
    ("الزراعة والغابات والمصايد", "va_agriculture_forestry_fishery"),
    ("الضرائب على المنتجات", "product_taxes"),
    ("ضرائب المنتجات", "product_taxes"),
    ("مؤشر الإنتاج الصناعي", "iip"),
    ("الإنتاج الصناعي", "iip"),
    ("إجمالي مبيعات التجزئة", "retail_sales"),
    ("مبيعات التجزئة", "retail_sales"),
    ("الصادرات والواردات", "trade_turnover"),
    ("حجم الصادرات والواردات", "trade_turnover"),
    ("الواردات والصادرات", "trade_turnover"),
    ("التصدير والاستيراد", "trade_turnover"),
    ("الاستيراد والتصدير", "trade_turnover"),
    ("الخدمات الاستهلاكية", "retail_sales"),
    ("خدمات المستهلكين", "retail_sales"),
    ("السياح الدوليين", None),
    ("الزوار الدوليين", None),
    ("السياح الأجانب", None),
    ("إجمالي مبيعات التجزئة للسلع", "retail_sales"),
    ("إجمالي مبيعات التجزئة للسلع وإيرادات الخدمات الاستهلاكية", "retail_sales"),
    ("مبيعات التجزئة للسلع وإيرادات الخدمات الاستهلاكية", "retail_sales"),
    ("مبيعات التجزئة للسلع في المدينة وإيرادات خدمات المستهلك", "retail_sales"),
    ("مبيعات التجزئة للسلع وإيرادات خدمات المستهلك", "retail_sales"),
    ("الصادرات", "exports"),
    ("صادرات", "exports"),
    ("التصدير", "exports"),
    ("قيمة الصادرات", "exports"),
    ("حجم الصادرات", "exports"),
    ("الواردات", "imports"),
    ("الاستيراد", "imports"),
    ("الاستيراد والتصدير", "trade_turnover"),
    ("التصدير والاستيراد", "trade_turnover"),
    ("حجم التجارة", "trade_turnover"),
    ("إيرادات الموازنة", "budget_revenue"),
    ("إيرادات الموازنة العامة للدولة", "budget_revenue"),
    ("إيرادات الميزانية", "budget_revenue"),
    ("إيرادات ميزانية الدولة", "budget_revenue"),
    ("إيرادات موازنة الدولة", "budget_revenue"),
    ("تحصيل الميزانية", "budget_revenue"),
    ("إيرادات الدولة", "budget_revenue"),
    ("نفقات الميزانية", "budget_expenditure"),
    ("الإنفاق من الميزانية", "budget_expenditure"),
    ("إنفاق الميزانية", "budget_expenditure"),
    ("إنفاق الموازنة", "budget_expenditure"),
    ("إجمالي الاستثمار الاجتماعي", "investment_capital"),
    ("رأس المال الاستثماري للتنمية الاجتماعية", "investment_capital"),
    ("إجمالي رأس المال الاستثماري للتنمية الاجتماعية", "investment_capital"),
    ("رأس مال الاستثمار الاجتماعي", "investment_capital"),
    ("صرف الاستثمار العام", "public_investment_disbursed"),
    ("صرف رأس مال الاستثمار العام", "public_investment_disbursed"),
    ("الصرف", "public_investment_disbursed"),
    ("الصرف المقدر", "public_investment_disbursed"),
    ("رأس المال الأجنبي المباشر", "fdi_registered"),
    ("الاستثمار الأجنبي المباشر", "fdi_registered"),
    ("رأس مال الاستثمار الأجنبي المباشر", "fdi_registered"),
    ("re:FDI", "fdi_registered"),
    ("re:DDI", "ddi_registered"),
    ("الاستثمار المحلي", "ddi_registered"),
    ("الاستثمار الرأسمالي المحلي", "ddi_registered"),
    ("المؤسسات الجديدة", "new_enterprises"),
    ("الشركات الجديدة", "new_enterprises"),
    ("الشركات المنشأة حديثا", "new_enterprises"),
    ("شركة جديدة", "new_enterprises"),
    ("شركات جديدة", "new_enterprises"),
    ("مؤسسة جديدة", "new_enterprises"),
    ("مؤسسات جديدة", "new_enterprises"),
    ("المؤسسات المنشأة حديثا", "new_enterprises"),
    ("مؤشر أسعار المستهلك", "cpi"),
    ("re:CPI", "cpi"),
    ("الزوار", "visitors"),
    ("السياح", "visitors"),
    ("السائحين", "visitors"),
    ("عدد السياح", "visitors"),
    ("عدد الزوار", "visitors"),
    ("إيرادات السياحة", "tourism_revenue"),
    ("الإيرادات السياحية", "tourism_revenue"),
    ("إيرادات سياحية", "tourism_revenue"),
    ("بإيرادات سياحية", "tourism_revenue"),
    ("إجمالي الإيرادات السياحية", "tourism_revenue"),
    ("رأس مال الاستثمار العام", "public_investment_disbursed"),
    ("مبيعات التجزئة", "retail_sales"),
    ("إجمالي مبيعات التجزئة", "retail_sales"),
    ("مؤشر الإنتاج الصناعي", "iip"),
    ("الشركات المنشأة حديثا", "new_enterprises"),
    ("الشركات المنشأة حديثًا", "new_enterprises"),
    ("الشركات الجديدة", "new_enterprises"),
    ("المؤسسات المنشأة حديثا", "new_enterprises"),
    ("عدد الشركات المنشأة حديثا", "new_enterprises"),
    ("الزوار", "visitors"),
    ("زائر", "visitors"),
    ("سائح", "visitors"),
    ("معدل الفقر", "poverty_rate"),
    ("نسبة الفقر", "poverty_rate"),
    ("معدل الأسر الفقيرة", "poverty_rate"),
    ("نسبة الأسر الفقيرة", "poverty_rate"),
    ("عائدات السياحة", "tourism_revenue"),
    ("معدل الفقر", "poverty_rate"),
    ("نسبة الفقر", "poverty_rate"),
    ("هذا القطاع", "@previous"),
    ("القطاع نفسه", "@previous"),
    ("نصيب الفرد من الناتج المحلي الإجمالي", None),
    ("نصيب الفرد", None),
    ("المتوسط الوطني", None),
    ("المعدل الوطني", None),
    ("متوسط البلاد", None),
    ("المتوسط العام للبلاد", None),
    ("متوسط دخل الفرد", None),
    ("دخل الفرد", None),
    ("للفرد", None),
    ("رأس المال الاستثماري الاجتماعي", "investment_capital"),
    ("إجمالي رأس المال الاستثماري الاجتماعي", "investment_capital"),
    ("إجمالي رأس مال الاستثمار الاجتماعي", "investment_capital"),
    ("رأس مال الاستثمار التنموي الاجتماعي", "investment_capital"),
    ("صرف الاستثمار الأجنبي المباشر", None),
    ("الاستثمار الأجنبي المباشر المصروف", None),
    ("رأس المال الأجنبي المباشر المصروف", None),
    ("صرف رأس المال الأجنبي المباشر", None),
    # Known non-indicators: a figure after these belongs to something the catalogue lacks.
    ("قيمة الإنتاج", None),
    ("القيمة الإنتاجية", None),
    ("قيمة إنتاج", None),
    ("إجمالي رأس مال الاستثمار العام", None),
    ("رأس مال الاستثمار", None),
    ("الإيرادات المحلية", None),
    ("المشاريع", None),
    ("مشروع", None),
    ("الأسر الفقيرة", None),
    ("معدل المواليد", None),
    ("التأمين الصحي", None),
    ("العمال المدربون", None),
    ("الخدمة العسكرية", None),
    ("وحدة إدارية", None),
    ("السلع الصناعية", None),
]


def _ph(*phrases: str) -> str:
    return "|".join(ar_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _after(*phrases: str) -> regex.Pattern:
    return regex.compile(rf"\s*(?:{_ph(*phrases)})")


RULES = LanguageRules(
    lang="ar",
    indicators=INDICATORS,
    periods=PERIODS,
    period_compared=regex.compile(
        rf"(?:{_ph('مقارنة', 'مقارنةً', 'يعادل', 'عن', 'نفس الفترة من', 'الفترة نفسها من')})\s*(?:ب|بـ)?\s*$"
    ),
    period_by=regex.compile(rf"(?:{_ph('بحلول', 'حتى', 'بنهاية', 'رؤية', 'إلى')})\s*(?:عام|العام)?\s*$"),
    this_year=regex.compile(rf"\s*(?:{_ph('من هذا العام', 'من العام الحالي', 'هذا العام')})"),
    last_year=regex.compile(rf"\s*(?:{_ph('من العام الماضي', 'من العام السابق')})"),
    up=words(
        [
            "بزيادة",
            "زيادة",
            "ارتفع",
            "ارتفعت",
            "ارتفاع",
            "بارتفاع",
            "نما",
            "نمت",
            "بنمو",
            "نمو",
            "تنمو",
            "ينمو",
            "زاد",
            "زادت",
            "ازداد",
            "ازدادت",
            "معدل نمو",
            "بمعدل نمو",
            "بنسبة نمو",
        ],
        "ar",
    ),
    down=words(
        [
            "انخفض",
            "انخفضت",
            "انخفاض",
            "بانخفاض",
            "تراجع",
            "تراجعت",
            "بتراجع",
            "هبط",
            "هبطت",
            "نقص",
            "بنقص",
            "تقلص",
            "تقلصت",
            "خفض",
            "خفضت",
            "بخفض",
        ],
        "ar",
    ),
    yoy_after=_after(
        "عن نفس الفترة",
        "عن الفترة نفسها",
        "عن الفترة ذاتها",
        "مقارنة بنفس الفترة",
        "مقارنة بالفترة نفسها",
        "على أساس سنوي",
        "عن العام السابق",
        "عن العام الماضي",
        "مقارنة بالعام السابق",
        "مقارنة بالعام الماضي",
        "مقارنة بعام",
        "خلال الفترة نفسها",
        "عن نفس الفترة من العام الماضي",
        "مقارنة بنفس الفترة من العام الماضي",
    ),
    plan_after=_after(
        "من الخطة",
        "من المخطط",
        "من التقديرات",
        "من التقدير",
        "من تقدير",
        "من الهدف السنوي",
        "من خطة",
        "من الخطة السنوية",
    ),
    exceed_before=regex.compile(r"(?!)"),
    index_before=regex.compile(rf"(?:{_ph('يعادل', 'تعادل', 'ما يعادل', 'بما يعادل')})\s*$"),
    share_before=words(
        [
            "يشكل",
            "تشكل",
            "يمثل",
            "تمثل",
            "شكلت",
            "شكل",
            "مثلت",
            "تبلغ حصة",
            "حصة",
            "بحصة",
            "يستحوذ",
            "تستحوذ",
            "نسبة مساهمة",
        ],
        "ar",
    ),
    share_after=regex.compile(
        rf"\s*(?:{_ph('من الهيكل', 'من هيكل', 'من إجمالي الناتج', 'من الناتج المحلي')})"
    ),
    estimate=words(
        ["تقدر", "يقدر", "قدرت", "قدر", "المقدر", "المقدرة", "بتقدير", "من المقدر", "ما يقدر", "تقديريا"],
        "ar",
    ),
    target=words(
        [
            "أهدافًا",
            "أهدافا",
            "حددت هدفًا",
            "حددت هدفا",
            "تهدف",
            "يهدف",
            "تسعى",
            "يسعى",
            "تستهدف",
            "يستهدف",
            "المستهدف",
            "المستهدفة",
            "الأهداف التالية",
            "الأهداف الرئيسية",
            "تطمح",
            "تخطط",
            "يطمح",
            "من المخطط",
            "تقرر أن",
        ],
        "ar",
    ),
    not_fact_before=regex.compile(
        rf"(?:{_ph('القرار', 'قرار', 'المرسوم', 'مرسوم', 'رقم', 'يوم', 'المادة', 'الفقرة', 'إعلان', 'الصفحة', 'مقابل', 'مقارنة ب', 'مقارنة مع')})\s*$|\[\s*$"
    ),
    not_fact_after=regex.compile(rf"\s*(?:{_ph('مرة', 'مرات', 'ضعف', 'أضعاف', 'ضعفا')})|\s*[\]/]"),
    growth_word=words(["نمو", "النمو", "معدل النمو"], "ar"),
    respectively=words(["على التوالي", "بالترتيب"], "ar"),
    fold=regex.compile(rf"\s*(?:{_ph('مرة', 'مرات', 'ضعف', 'أضعاف')})"),
    not_an_area=words(
        [
            "مجموعة العمل",
            "فريق العمل",
            "الوزارات والوكالات",
            "الوزارات والهيئات",
            "الوزارات والوكالات المركزية",
        ],
        "ar",
    ),
    hypothetical=words(["إذا", "إذا تم", "لو", "في حال", "مجتمعة", "مجتمعتين"], "ar"),
    exceed_plan_before=regex.compile(
        r"(?:متجاوز(?:ة|ا|ًا)?|تجاوز(?:ت)?|متخطي(?:ة|ا)?|بتجاوز)\s+(?:ال)?(?:خطة|تقديرات|هدف|مستهدف)(?:\s+[^\s،,.\d]+){0,2}?\s+(?:بنسبة|ب)\s*$"
    ),
    fold_words={"ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6},
    other_base=regex.compile(
        r"\s*(?:\)\s*)?(?:مقارنة\s+(?:ب|مع\s+)|عن\s+|على\s+|من\s+)?(?:ال)?(?:شهر|الشهر|ربع|الربع)\s+(?:ال)?(?:سابق|ماضي|الماضي|السابق|المنصرم)"
        r"|\s*(?:مقارنة\s+(?:ب|مع\s+)|عن\s+|منذ\s+)?(?:بداية|مطلع|أول)\s+(?:ال)?عام"
        r"|\s*على\s+أساس\s+(?:شهري|ربع\s+سنوي)"
    ),
    contribution=words(
        [
            "ساهم",
            "ساهمت",
            "مساهما",
            "مساهمًا",
            "مساهمة",
            "يساهم",
            "تساهم",
            "ساهمًا",
            "أسهم",
            "أسهمت",
            "إسهام",
            "بمساهمة",
        ],
        "ar",
    ),
    same_period=regex.compile(
        r"\s*(?:من\s+|عن\s+|مقارنة\s+(?:ب|مع\s+)|مع\s+)?(?:(?:ال)?فترة\s+(?:نفسها|ذاتها)|نفس\s+الفترة|الفترة\s+المماثلة"
        r"|(?:ال)?عام\s+(?:الماضي|السابق)|(?:ال)?سنة\s+(?:الماضية|السابقة))"
    ),
    structure=words(["الهيكل الاقتصادي", "هيكل الاقتصاد", "الهيكل", "هيكل"], "ar"),
    part_of=words(["منها", "منهم", "من بينها", "من بينهم", "ومنها", "ومنهم"], "ar"),
    indicator_after_link=regex.compile(rf"[ \t]+(?:{_ph('من', 'في', 'ل')})[ \t]+"),
    directive_cue=regex.compile(
        rf"(?:{_ph('المهام الرئيسية', 'المهام الرئيسة', 'مهام رئيسية', 'المهام الأساسية', 'المهام والحلول الرئيسية للفترة')})"
        rf"|{ar_phrase('حددت')}[^.؛]{{0,60}}?{D}+\s+{ar_phrase('مهمة')}"
        rf"|{ar_phrase('داعيا')}[^.]{{0,80}}?{ar_phrase('إلى')}"
        rf"|{ar_phrase('طلبت')}[^.]{{0,80}}?{ar_phrase('ما يلي')}"
        rf"|{ar_phrase('اقترح')}[^.]{{0,80}}?(?:{_ph('التركيز على', 'ضرورة')})"
        rf"|{ar_phrase('وجه')}[^.]{{0,40}}?(?:{_ph('بالتركيز', 'بضرورة')})"
        rf"|(?:{_ph('طلب', 'طلبت', 'طالب', 'طالبت', 'حث', 'حثت', 'دعا', 'دعت', 'كلف', 'كلفت')})\s+[^.]{{0,60}}?"
        rf"(?:{_ph('الإدارات', 'القطاعات', 'المحليات', 'المستويات', 'الهيئات', 'الوحدات', 'البلديات', 'الإدارات والفروع')})"
    ),
    difficulty_cue=regex.compile(
        rf"(?:{_ph('تواجه', 'يواجه', 'واجهت', 'لا تزال هناك', 'ثمة', 'هناك')})\s+(?:\S+\s+){{0,3}}?(?:{_ph('الصعوبات', 'صعوبات', 'التحديات', 'تحديات', 'القيود', 'قيود', 'أوجه القصور', 'النواقص', 'العقبات')})"
        rf"|(?:{_ph('الصعوبات والقيود', 'الصعوبات والتحديات', 'القيود والنواقص', 'أوجه القصور')})\s*[،,:]?\s*(?:{_ph('منها', 'مثل')}|:)"
    ),
    directive_continue=regex.compile(
        rf"\s*(?:[-•+*]|{D}+[.)]|(?:{_ph('توجه', 'تواصل', 'يجب', 'مواصلة', 'تعزيز', 'التركيز', 'تسريع', 'تنفيذ', 'وضع', 'ضمان', 'تحسين', 'طلب', 'طلبت', 'كما', 'ويجب', 'العمل على', 'الاستمرار')})(?!\w))"
    ),
    recommendation_cue=regex.compile(rf"(?:{_ph('التوصيات', 'توصيات', 'المقترحات والتوصيات')})"),
    recommendation_list=regex.compile(
        rf"(?:{_ph('التوصيات المتعلقة ب', 'التوصيات بشأن', 'توصيات بشأن', 'التوصيات حول')})"
    ),
    special_targets=[
        (
            regex.compile(
                rf"(?:{ar_phrase('هدف')}\s+)?(?:{_ph('النمو المزدوج', 'نمو مزدوج', 'النمو برقمين', 'نمو برقمين', 'نمو من رقمين', 'النمو من رقمين', 'نمو بنسبة مضاعفة')})(?:\s+{ar_phrase('المحدد')})?"
            ),
            "grdp",
            "yoy_pct",
            10,
            "at_least",
        )
    ],
    share_targets=[
        (
            regex.compile(
                rf"\s*{ar_phrase('من')}\s+(?:{_ph('البلديات', 'الكوميونات', 'البلدات')})[^.]{{0,80}}?{ar_phrase('منتج رقمي')}[^.،]{{0,40}}?(?:\s*(?:{_ph('بحلول', 'في')})\s+(?:{_ph('عام', 'العام')})\s+{D}{{4}}|(?=[.،]|$))"
            ),
            "communes_with_digital_product",
        ),
        (
            regex.compile(
                rf"\s*{ar_phrase('من')}\s+(?:{_ph('أهداف التنمية الاجتماعية والاقتصادية', 'الأهداف الاجتماعية والاقتصادية', 'أهداف التنمية الاقتصادية والاجتماعية', 'المؤشرات الاجتماعية والاقتصادية', 'الأهداف والمؤشرات')})(?:\s+(?:{_ph('بحلول عام', 'في عام', 'لعام')})\s+{D}{{4}})?"
            ),
            "socio_economic_targets_met",
        ),
    ],
)
