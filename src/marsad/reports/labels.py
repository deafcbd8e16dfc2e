"""The report pages' own words, in the three languages (the report's words are narration's)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "reports": {"ar": "التقارير", "vi": "Báo cáo", "en": "Reports"},
    "intro": {
        "ar": "تقرير الاجتماع الدوري لمنطقة وفترة، يُعدّ من بيانات المرصد باللغات الثلاث.",
        "vi": "Báo cáo phiên họp định kỳ của một địa bàn và một kỳ, lập từ dữ liệu của hệ thống, bằng ba ngôn ngữ.",
        "en": "The review meeting's report of an area and a period, written from the observatory's data in three languages.",
    },
    "area": {"ar": "المنطقة", "vi": "Địa bàn", "en": "Area"},
    "period": {"ar": "الفترة", "vi": "Kỳ báo cáo", "en": "Period"},
    "period_help": {
        "ar": "مثل 2024Q1 أو 2025-9M أو 2025S1 أو 2025",
        "vi": "ví dụ 2024Q1, 2025-9M, 2025S1, 2025",
        "en": "e.g. 2024Q1, 2025-9M, 2025S1, 2025",
    },
    "language": {"ar": "لغة التقرير", "vi": "Ngôn ngữ báo cáo", "en": "Report language"},
    "show": {"ar": "عرض التقرير", "vi": "Xem báo cáo", "en": "Show the report"},
    "download": {"ar": "تنزيل", "vi": "Tải về", "en": "Download"},
    "bad_period": {
        "ar": "الفترة غير صحيحة: {error}",
        "vi": "Kỳ báo cáo không hợp lệ: {error}",
        "en": "That is not a period: {error}",
    },
    "pick_area": {"ar": "اختر منطقة.", "vi": "Hãy chọn một địa bàn.", "en": "Choose an area."},
}

LANG_NAMES = {"ar": "العربية", "vi": "Tiếng Việt", "en": "English"}


def label(key: str, lang: str) -> str:
    entry = LABELS[key]
    return entry.get(lang) or entry["en"]
