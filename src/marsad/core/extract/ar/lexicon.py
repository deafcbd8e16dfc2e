"""Arabic words the rules are built from (ordinals, numbers in words, months)."""

from __future__ import annotations

D = "[0-9]"  # the rules read text whose Eastern digits are already ASCII (one for one)
ORDINAL_Q = {"الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4, "الاخير": 4}
NUMBER_WORDS = {"الثلاثة": 3, "الستة": 6, "التسعة": 9, "الثمانية": 8, "السبعة": 7, "الخمسة": 5, "الأربعة": 4,
                "العشرة": 10, "الأحد عشر": 11, "الاثنين": 2, "ثلاثة": 3, "ستة": 6, "تسعة": 9, "ثمانية": 8,
                "سبعة": 7, "خمسة": 5, "أربعة": 4, "عشرة": 10, "شهرين": 2, "الشهرين": 2}  # fmt: skip
MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
    "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "اغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}  # fmt: skip
# "الشهر السابع" (tháng 7 translated word for word): the month by its ordinal
MONTH_ORDINALS = {"الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
                  "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12}  # fmt: skip
YEAR = r"(?P<year>(?:19|20)\d\d)"
# Numbers written in words before a scale word ("ثلاثة ملايين زائر", "نصف مليار دولار")
SPELLED_UNITS = {"اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
                 "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9,
                 "عشرة": 10, "عشر": 10, "نصف": 0.5}  # fmt: skip
SCALE_WORDS = ("آلاف", "ألف", "ملايين", "مليون", "مليارات", "مليار", "تريليونات", "تريليون")
# Things no indicator counts (land, tonnes, jobs, households, schools, reports): a figure of
# them, and a percentage right after it ("70 هكتارًا، أي ما يعادل 140% من الخطة"), is not a fact.
OTHER_THINGS = (
    "هكتار", "هكتارا", "هكتارات", "طن", "طنا", "أطنان", "كيلومتر", "كيلومترا", "ميغاواط", "ميجاوات",
    "وظيفة", "فرصة عمل", "فرص عمل", "عامل", "عاملا", "عمال", "أسرة", "أسر", "منزل", "منازل",
    "طالب", "طالبا", "طلاب", "مدرسة", "مدارس", "بلدية", "بلديات", "وحدة", "وحدات", "تقرير", "تقريرا",
    "قرار", "قرارات", "منتج", "منتجا", "منتجات",
)  # fmt: skip


def unmark(word: str) -> str:
    """Without short vowels and tatweel."""
    return "".join(c for c in word if not ("\u064b" <= c <= "\u0652" or c in "\u0670\u0640"))


# The prepositions a machine translation puts between two nouns of a construct (إضافة):
# "إيرادات الميزانية" comes as "الإيرادات من الميزانية", "إيرادات في الميزانية", "الإيرادات للميزانية",
# "مبيعات التجزئة" as "المبيعات بالتجزئة".
_CONSTRUCT_LINKS = ("من ", "في ", "ل", "ب")


def phrase_variants(phrase: str) -> list[str]:
    """Other spellings of an indicator's name (catalogue data): its first construct, a noun
    without the article followed by one with it, linked by a preposition."""
    first, _, rest = phrase.partition(" ")
    if not rest or first.startswith("ال") or not rest.startswith("ال") or not first.isalpha():
        return []
    out = []
    for link in _CONSTRUCT_LINKS:
        # ل drops the article's alef (للميزانية); ب keeps it (بالتجزئة)
        out.append(f"{first} ل{rest[1:]}" if link == "ل" else f"{first} {link}{rest}")
    return out
