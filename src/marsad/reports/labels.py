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
    "as_of": {"ar": "حتى تاريخ", "vi": "Tính đến ngày", "en": "As of"},
    "number": {"ar": "رقم الوثيقة", "vi": "Số văn bản", "en": "Document number"},
    "apply": {"ar": "تطبيق", "vi": "Áp dụng", "en": "Apply"},
    "bad_date": {
        "ar": "التاريخ غير صحيح: {value} (الصيغة YYYY-MM-DD)",
        "vi": "Ngày không hợp lệ: {value} (định dạng YYYY-MM-DD)",
        "en": "That is not a date: {value} (use YYYY-MM-DD)",
    },
    "settings": {"ar": "إعدادات التقرير", "vi": "Thiết lập báo cáo", "en": "Report settings"},
    "settings_intro": {
        "ar": "ما يُكتب حول نص التقرير وفق المرسوم 30/2020: الجهة المصدرة، والرمز، والمكان، والموقّع، والجهات المرسل إليها، باللغات الثلاث. يُكتب ما يُترك فارغًا من اسم المنطقة.",
        "vi": "Phần thể thức theo Nghị định 30/2020: cơ quan ban hành, ký hiệu, địa danh, người ký, nơi nhận, bằng ba ngôn ngữ. Mục để trống được lập từ tên địa bàn.",
        "en": "What Decree 30/2020 puts around the report's text: issuing body, symbol, place, signer and recipients, in the three languages. A field left empty is written from the area's name.",
    },
    "save": {"ar": "حفظ", "vi": "Lưu", "en": "Save"},
    "saved": {"ar": "حُفظت الإعدادات.", "vi": "Đã lưu thiết lập.", "en": "Settings saved."},
    "translate": {"ar": "ترجمة", "vi": "Dịch", "en": "Translate"},
    "translations": {"ar": "الترجمات", "vi": "Bản dịch", "en": "Translations"},
    "translations_intro": {
        "ar": "يبقى النص الأصلي كما كُتب؛ يستخدم التقرير الترجمة بلغته، وإلا طبع الأصل مع الإشارة إلى ذلك.",
        "vi": "Nguyên văn được giữ nguyên; báo cáo dùng bản dịch theo ngôn ngữ của nó, nếu chưa có thì in nguyên văn kèm ghi chú.",
        "en": "The original stays as written; a report uses the translation in its language, else prints the original marked as such.",
    },
    "original": {"ar": "النص الأصلي", "vi": "Nguyên văn", "en": "Original text"},
    "untranslated": {
        "ar": "عناصر بلا ترجمة بهذه اللغة",
        "vi": "Mục chưa có bản dịch sang ngôn ngữ này",
        "en": "Items with no translation into this language",
    },
}

LANG_NAMES = {"ar": "العربية", "vi": "Tiếng Việt", "en": "English"}


def label(key: str, lang: str) -> str:
    entry = LABELS[key]
    return entry.get(lang) or entry["en"]
