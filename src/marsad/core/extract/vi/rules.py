"""Vietnamese: the named rules of the reader (kinds: see :mod:`..measures`, :mod:`..attach`,
:mod:`..timeframes`, :mod:`..quantity`, :mod:`..areas`, :mod:`..sections`).

Numbers: "." groups thousands and "," marks decimals ("176.737 tỷ đồng", "8,1%"); an article
written with English marks is read with them (:func:`..quantity.separator_habit`). Periods:
"quý I/2024", "quý III năm 2020", "6 tháng đầu năm", "9 tháng", "tháng 4/2022".
"""

from __future__ import annotations

from ..grammar import Rule, words
from ..timeframes import WHOLE, span
from .lexicon import NUMBER_WORDS, ROMAN, YEAR

_N = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_Y = rf"(?:\s*[/-]\s*{YEAR}|\s+(?:của\s+)?năm\s+{YEAR})?"


def _number(word: str) -> int | None:
    word = word.lower().strip()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


PERIODS = [
    Rule("as_of_date", "period",
         r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)(?:\s+(?:hết|cuối))?|lũy\s+kế\s+đến|luỹ\s+kế\s+đến|trước)\s+"
         r"(?:(?:ngày\s+)?\d{1,2}\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})|(?:ngày\s+\d{1,2}\s+)?(?:hết\s+|cuối\s+)?tháng\s+(?P<m>\d{1,2}))"
         rf"(?:\s*(?:(?P=sep)|/)\s*{YEAR}|\s+năm\s+{YEAR})?(?![\d/])(?![.,]\d)",
         lambda m: span.as_of_month(int(m.group("m")))),
    Rule("as_of_quarter", "period",
         rf"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+)?hết\s+qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?!\w){_Y}"
         rf"|(?<!\w)(?:tính\s+)?(?:đến|tới)\s+cuối\s+qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?!\w){_Y}",
         lambda m: span.as_of_quarter(ROMAN.get(m.group("q").lower()))),
    Rule("quarter", "period", rf"(?<!\w)qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?!\w){_Y}",
         lambda m: ("quarter", ROMAN.get(m.group("q").lower()))),
    Rule("months_of_year", "period",
         rf"(?<![\w/.,]){_N}\s+tháng(?:\s+(?:(?P<early>đầu\s+năm)|(?P<late>cuối\s+năm)))?(?:\s+{YEAR}(?!\d)|(?!\s+\d)){_Y}",
         lambda m: span.months(_number(m.group("n")), late=bool(m.group("late")))),
    # "3 tháng tới", "2 tháng còn lại": months ahead or left, not the first months of the year
    Rule("months_ahead", "period",
         rf"(?<![\w/.,]){_N}\s+tháng\s+(?:tới|còn\s+lại|sắp\s+tới|tiếp\s+theo|kế\s+tiếp|cuối\s+cùng)(?!\w)",
         lambda m: ("multi", None)),
    Rule("first_quarters", "period",
         rf"(?<!\w)(?P<n>2|3|hai|ba)\s+qu[ýí](?:\s+đầu(?:\s+năm)?)?(?!\s+(?:IV|III|II|I|[1-4])(?!\w)){_Y}",
         lambda m: span.months(3 * (_number(m.group("n")) or 0))),
    Rule("half_year", "period", rf"(?<!\w)nửa\s+(?P<which>đầu|cuối)\s+năm(?:\s+{YEAR}(?!\d))?{_Y}",
         lambda m: ("half", 1 if m.group("which").lower() == "đầu" else 2)),
    Rule("month_numbered", "period", rf"(?<!\w)tháng\s+(?P<m>\d{{1,2}})(?![\d/,.]\d)(?!\s+năm\s+\d(?!\d)){_Y}",
         lambda m: span.month(int(m.group("m")))),
    Rule("month_slash_year", "period", rf"(?<!\w)tháng\s+(?P<m>\d{{1,2}})\s*/\s*{YEAR}(?![\d/])",
         lambda m: span.month(int(m.group("m")))),
    Rule("full_date", "period", rf"(?<!\w)ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm\s+{YEAR})?",
         lambda m: ("date", None)),
    Rule("year_to_date", "period",
         r"(?<!\w)(?:tính\s+)?(?:từ\s+đầu\s+năm(?:\s+(?:đến|tới)\s+nay)?|từ\s+đầu\s+năm\s+đến\s+thời\s+điểm\s+này)(?!\s+(?:đến|tới)\s+(?:ngày|hết|cuối|tháng|\d))",
         lambda m: ("ytd", None)),
    Rule("whole_year", "period", r"(?<!\w)cả\s+năm(?!\s+(?:19|20)\d\d)", lambda m: ("year", WHOLE, 0)),
    Rule("year_named", "period", rf"(?<!\w)(?P<whole>cả\s+)?năm\s+{YEAR}(?![\d\-–])",
         lambda m: ("year", WHOLE if m.group("whole") else None)),
    Rule("year_bare", "period",
         rf"(?<![\w/.,\-–]){YEAR}(?![\w/%]|[.,]\d|\s*[-–]\s*\d|\s+(?:tỷ|triệu|nghìn|ngàn|đồng|USD|doanh|lượt|dự\s+án|ha|km|người|tấn))",
         lambda m: ("year", None)),
    Rule("years_span", "period",
         r"(?<!\w)(?:giai\s+đoạn\s+|thời\s+kỳ\s+|từ\s+năm\s+)?(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)?\d\d)(?![\d%])",
         lambda m: span.years(m.group("a"), m.group("b"))),
    Rule("same_period", "period",
         rf"(?<!\w)cùng\s+kỳ(?:\s+năm\s+{YEAR}|\s+năm\s+(?:trước|ngoái))?", lambda m: ("same", None)),
    Rule("this_year_alone", "period", r"(?<!\w)(?:trong\s+)?năm\s+nay(?!\w)", lambda m: ("year", None, 0)),
    # "Năm ngoái, tỉnh đón ...": the year before the writer's ("2 năm trước" is no period, "của
    # năm trước" a base; "quý IV năm trước", "6 tháng đầu năm trước": the role rule last_year)
    Rule("last_year_alone", "period", r"(?<![\dIV]\s)(?<!(?:của|đầu|cuối)\s)(?<!\w)năm\s+(?:ngoái|trước)(?!\w)", lambda m: ("year", None, -1)),
    Rule("next_year_alone", "period", r"(?<!\w)năm\s+(?:tới|sau|kế\s+tiếp)(?!\w)", lambda m: ("year", None, 1)),
    Rule("holiday", "period", r"(?<!\w)(?:dịp|kỳ\s+nghỉ|nghỉ)\s+(?:Tết(?:\s+Nguyên\s+đán)?|lễ)(?!\w)",
         lambda m: ("holiday", None)),
]  # fmt: skip

ROLES = [
    # "quý III và 9 tháng": a report on a quarter and the months to its end, whose undated figures are the span's
    Rule("quarter_and_months", "period_and", words("và")),
    Rule("compared_so_voi", "compared", words("so với", "cao hơn", "thấp hơn")),
    Rule("compared_near", "compared_adjacent", words("so", "với", "hơn", "bằng", "kể từ", "từ năm")),
    # "gấp 1,6 lần năm trước", "gấp đôi năm 2022": the year a multiple is of is its base
    Rule("multiple_of", "compared_adjacent", words("lần", "gấp đôi", "gấp ba")),
    Rule("horizon_den_nam", "horizon", words("đến", "tới", "vào", "đến cuối", "trước")),
    Rule(
        "constant_prices", "constant_prices_before", words("giá so sánh", "theo giá so sánh", "giá cố định")
    ),
    Rule("last_year", "last_year", words("năm trước", "năm ngoái", "của năm trước")),
    Rule("filler", "filler", words("cùng kỳ", "năm", "của", "ngày", "cuối")),
]

QUANTITY = [
    Rule("scale_nghin_ty", "scale", words("nghìn tỷ", "ngàn tỷ"), "trillion"),
    Rule("scale_trieu_ty", "scale", words("triệu tỷ"), "quadrillion"),
    Rule("scale_nghin", "scale", words("nghìn", "ngàn"), "thousand"),
    Rule("scale_trieu", "scale", words("triệu"), "million"),
    Rule("scale_ty", "scale", words("tỷ"), "billion"),
    Rule("currency_dong", "currency_after", words("đồng", "VNĐ", "VND", "đ"), "VND"),
    Rule("currency_usd", "currency_after", words("USD", "đô la Mỹ", "đô la", "đôla", "Đô la Mỹ"), "USD"),
    Rule("count_enterprises", "count_noun", words("doanh nghiệp"), "enterprises"),
    Rule(
        "count_new_enterprises",
        "count_noun",
        words("doanh nghiệp mới", "doanh nghiệp thành lập mới", "doanh nghiệp đăng ký thành lập mới"),
        ("enterprises", "new_enterprises"),
    ),
    Rule(
        "count_foreign_visitors",
        "count_noun",
        words(
            "lượt khách quốc tế",
            "lượt khách nội địa",
            "khách quốc tế",
            "khách nội địa",
            "lượt khách du lịch quốc tế",
            "lượt khách du lịch nội địa",
        ),
        "visitors",
    ),
    Rule(
        "count_visitors",
        "count_noun",
        words(
            "lượt khách du lịch",
            "lượt khách",
            "lượt du khách",
            "du khách",
            "khách",
            "lượt",
            "lượt khách tham quan",
        ),
        ("visitors", "visitors"),
    ),
    Rule("count_projects", "count_noun", words("dự án"), "projects"),
    Rule("percent_words", "percent", words("phần trăm")),
    Rule("points", "points", words("điểm phần trăm", "điểm %")),
    Rule("more_than", "qualifier_before", words("hơn", "trên", "vượt trên"), "more_than"),
    Rule("about", "qualifier_before", words("gần", "khoảng", "xấp xỉ", "chừng", "gần bằng"), "about"),
    Rule("less_than", "qualifier_before", words("dưới", "chưa đến", "chưa tới", "không quá"), "less_than"),
    Rule(
        "at_least",
        "qualifier_before",
        words("ít nhất", "tối thiểu", "không thấp hơn", "không dưới"),
        "at_least",
    ),
    Rule("or_more", "qualifier_after", words("trở lên"), "at_least"),
    Rule("range_tu", "range_from", words("từ")),
    Rule("range_den", "range_word", words("đến", "tới")),
]

CUES = [
    Rule("up", "up", words("tăng", "tăng thêm", "đi lên")),
    Rule("down", "down", words("giảm", "sụt giảm", "giảm sút", "âm", "tăng trưởng âm", "kéo giảm", "làm giảm")),
    Rule("growth_rate", "growth", words("tăng trưởng", "tốc độ tăng trưởng", "tốc độ tăng", "mức tăng", "mức tăng trưởng")),
    Rule("reach", "reach", words("đạt", "đạt được", "là", "ở mức", "lên", "lên mức", "còn", "xuống còn", "xuống",
                                 "chỉ đạt", "đạt mức")),
    Rule("share", "share", words("chiếm", "chiếm tỷ trọng", "tỷ trọng", "chiếm tỷ lệ", "chiếm khoảng")),
    Rule("index", "index", words("bằng", "tương đương", "gần bằng")),
    Rule("exceed", "exceed", words("vượt", "vượt mức")),
    Rule("contribution", "contribution", words("đóng góp", "góp phần", "đóng góp vào tăng trưởng")),
    Rule("estimate", "estimate", words("ước", "ước đạt", "ước tính", "ước thực hiện", "dự ước", "dự kiến",
                                       "ước cả năm")),
    Rule("same_period_base", "yoy_base",
         words("so với cùng kỳ", "so cùng kỳ", "với cùng kỳ", "cùng kỳ", "cùng kỳ năm trước", "so với năm trước", "so với năm ngoái", "so với năm",
               "so với cùng kỳ năm trước", "so với cùng kỳ năm ngoái")),
    # "tăng 8% so với quý III năm 2023", "so với tháng 5/2023": a quarter or month of a named
    # year is the same span a year before (December is not: "so với tháng 12 năm trước" is the
    # change since the year began), which "so với quý", "so với tháng" alone are not.
    Rule("same_span_of_year_base", "yoy_base",
         words(r"re:so\s+với\s+(?:qu[ýí]\s+(?:IV|III|II|I|[1-4])|tháng\s+(?:0?[1-9]|1[01]))"
               r"(?:\s*/\s*|\s+(?:của\s+)?năm\s+)(?:19|20)\d\d(?!\d)")),
    Rule("other_base", "other_base",
         words("so với tháng trước", "so với quý trước", "so với tháng", "so với quý", "so với đầu năm",
               "so với cuối năm", "so với kỳ trước", "so tháng trước", "so với tháng liền kề")),
    Rule("plan_base", "plan_base",
         words("dự toán", "kế hoạch", "chỉ tiêu", "KH", "mục tiêu", "chỉ tiêu kế hoạch", "kế hoạch năm",
               "dự toán năm", "so với kế hoạch", "so với dự toán", "tự toán", "kế hoạch vốn")),
    Rule("share_base", "share_base", words("trong cơ cấu", "cơ cấu kinh tế")),
    Rule("stock", "stock", words("lũy kế", "luỹ kế", "tính đến nay", "lũy kế đến nay", "còn hiệu lực", "hiện có",
                                 "nâng tổng số", "nâng tổng vốn", "nâng tổng", "nâng tổng số vốn")),
    Rule("fold", "fold", words("lần")),
    Rule("per_year", "per_year", words("/năm", "mỗi năm", "một năm", "hằng năm", "hàng năm")),
    Rule("target", "target",
         words("mục tiêu", "phấn đấu", "chỉ tiêu kế hoạch", "đề ra mục tiêu", "nhằm đạt", "kế hoạch năm",
               "đặt mục tiêu", "kịch bản", "định hướng", "đặt ra", "đề ra", "dự toán ngân sách", "theo kế hoạch",
               "kế hoạch đề ra", "chỉ tiêu đề ra", "chỉ tiêu năm", "mục tiêu năm", "phấn đấu đạt", "hướng tới",
               "kế hoạch vốn")),
    # "tổng thu ngân sách ... có thể đạt khoảng 28.800 tỷ đồng", "dự báo xuất khẩu cả năm có thể đạt
    # 1,9 tỷ USD": what the year may reach is aimed at, not a result (a doubtful target, README)
    Rule("may_reach", "target", words("có thể đạt", "có thể đạt được", "có khả năng đạt")),
    # "yêu cầu các chủ đầu tư giải ngân đạt ít nhất 95% kế hoạch vốn": a figure a directive asks
    # to reach is a target
    Rule("request_to_reach", "target",
         r"(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)\s+(?:[^\s.;]+\s+){0,8}?(?:giải\s+ngân|phấn\s+đấu|đạt|thu)(?!\w)"),
    Rule("target_assigned", "target",
         r"chỉ\s+tiêu(?:\s+[^\s.;:]+){0,10}?\s+(?:được\s+(?:[^\W\d]+\s+){0,3}giao|giao|đề\s+ra)\s+(?:là|ở\s+mức|đạt)"),
    Rule("names_with_cue_words", "proper_name",
         words("Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch Đầu tư", "Sở Kế hoạch và Đầu tư", "Sở Kế hoạch - Đầu tư",
               "Kế hoạch phát triển kinh tế - xã hội", "Cục Thống kê", "Tổng cục Thống kê", "Tổng cục Du lịch",
               "giá trị tăng thêm")),  # value added: its "tăng thêm" is no increase
    Rule("threshold", "threshold",
         words("nhóm", "thuộc nhóm", "trong nhóm", "các địa phương có", "các tỉnh có", "địa phương có", "tỉnh, thành có",
               "nhiều địa phương", "nhiều tỉnh", "một số địa phương", "các tỉnh, thành phố có",
               # "8/9 huyện giải ngân trên 40%", "có 5 xã đạt": how many units pass a bar
               r"re:\d{1,3}\s*/\s*\d{1,3}\s+(?:huyện|xã|địa\s+phương|tỉnh|đơn\s+vị|sở|ngành|phường)(?!\w)")),
    Rule("target_after", "target_after", words("theo kế hoạch", "kế hoạch đề ra", "mục tiêu đề ra", "theo mục tiêu")),
    Rule("of_which", "part", words("trong đó", "bao gồm", "riêng", "trong số đó", "gồm")),
    Rule("hypothetical", "hypothetical", words("nếu", "giả sử", "trong trường hợp")),
    Rule("forecast", "forecast", words("dự báo", "Ngân hàng Thế giới", "World Bank", "Ngân hàng Phát triển châu Á",
                                       "ADB", "Quỹ Tiền tệ Quốc tế", "IMF", "HSBC", "UOB", "Standard Chartered")),
    Rule("average", "average", words("bình quân", "trung bình")),
    # "đạt 1,6 tỷ USD, trong khi 6 tháng đầu năm 2025 ...": a period after the turn is the next clause's
    Rule("clause_turn", "clause_turn", words("trong khi", "trong khi đó", "nhưng")),
    Rule("continuation", "continuation", words("tính chung", "con số này", "mức này", "trong đó")),
    Rule("link", "link", words("vốn", "từ", "cho", "giá trị")),
    # "tăng 12% về số doanh nghiệp": the growth of the firms counted, not of their capital
    Rule("aspect_number_of", "aspect_count",
         words("về số doanh nghiệp", "về số lượng doanh nghiệp", "về số doanh nghiệp thành lập mới",
               "về số lượng doanh nghiệp thành lập mới", "về số doanh nghiệp đăng ký thành lập mới",
               "về số doanh nghiệp đăng ký mới"),
         "enterprises"),
    Rule("aspect", "aspect", words("về", "xét về")),
    Rule("sector_head", "sector_head", words("khu vực", "ngành", "lĩnh vực", "nhóm ngành")),
    Rule("respectively", "respectively", words("lần lượt", "tương ứng")),
    Rule("conversion_tuong_duong", "conversion_link",
         words("tương đương", "tương đương với", "tương đương khoảng", "khoảng", "hay", "tức")),
    Rule("structure", "structure", words("cơ cấu kinh tế")),
    # "Hải Phòng dẫn đầu cả nước với 11,07%": the country it leads is no subject of the figure
    Rule("rank", "rank", words("đứng thứ", "xếp thứ", "thứ", "hạng", "top", "dẫn đầu", "đứng đầu")),
    Rule("no_area", "no_area", words("tổ công tác", "các bộ, ngành trung ương", "các bộ, cơ quan trung ương")),
    Rule("double_digit", "special_target",
         r"(?:mục\s+tiêu\s+)?tăng\s+trưởng\s+(?:kinh\s+tế\s+|GRDP\s+)?"
         r"(?:(?:của\s+tỉnh\s+)?(?:năm|giai\s+đoạn)\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+)?"
         r"(?:đạt\s+)?(?:ở\s+)?(?:mức\s+)?(?:từ\s+)?hai\s+con\s+số",
         ("grdp", "yoy_pct", 10, "at_least")),
    Rule("comparative", "comparative", words("thấp hơn", "cao hơn", "ít hơn", "nhiều hơn", "chậm hơn", "nhanh hơn")),
    # "mức tăng trưởng cao nhất cả nước với 10,6%": the country it tops is no subject of the figure
    Rule("superlative", "superlative", words("cao nhất", "lớn nhất", "nhanh nhất", "thấp nhất", "nhiều nhất",
                                             "cao thứ hai", "cao thứ ba", "lớn thứ hai", "lớn thứ ba")),
    Rule("versus", "compared_value", words("so với mức", "so với con số", "cao hơn mức tăng", "thấp hơn mức tăng",
                                           "cao hơn mức", "thấp hơn mức", "so với mức tăng")),
    Rule("communes_digital", "share_target",
         "(?:số\\s+)?(?:xã|các\\s+xã)[^.;]{0,80}?sản\\s+phẩm\\s+số[^.;,]{0,30}?(?:(?:vào|trong)\\s+năm\\s+\\d{4})?",
         "communes_with_digital_product"),
    Rule("targets_met", "share_target",
         "(?:các\\s+)?(?:chỉ\\s+tiêu|mục\\s+tiêu)\\s+(?:phát\\s+triển\\s+)?kinh\\s+tế\\s*[-–]\\s*xã\\s+hội(?:\\s+(?:đề\\s+ra|năm\\s+\\d{4}))?",
         "socio_economic_targets_met"),
]  # fmt: skip

AREAS = [
    Rule("nation", "nation", words("cả nước", "toàn quốc", "nền kinh tế nước ta", "nước ta")),
    Rule("national_source", "national_source", words("Tổng cục Thống kê", "Bộ Tài chính", "Chính phủ")),
    # "Chính phủ đặt mục tiêu tăng trưởng cả năm từ 8% trở lên": the Government's aim is the
    # country's, not the province the story is about ("kế hoạch vốn Thủ tướng Chính phủ giao" is not)
    Rule(
        "government_aims",
        "nation",
        r"(?<!\w)(?<!Thủ\stướng\s)(?:Chính\s+phủ|Quốc\s+hội)(?=\s+(?:đã\s+|cũng\s+|vẫn\s+)?(?:đặt|đề\s+ra|phấn\s+đấu|"
        r"hướng\s+tới|quyết\s+tâm|xác\s+định|kỳ\s+vọng)(?!\w))",
    ),
    Rule(
        "foreign",
        "foreign",
        words(
            "vùng Đông Nam Bộ",
            "vùng Đồng bằng sông Cửu Long",
            "vùng Đồng bằng sông Hồng",
            "vùng Bắc Trung Bộ",
            "vùng Tây Nguyên",
            "vùng trung du và miền núi phía Bắc",
            "Đông Nam Bộ",
            "Tây Nguyên",
            "vùng",
            "Thái Lan",
            "Trung Quốc",
            "Hoa Kỳ",
            "Mỹ",
            "Nhật Bản",
            "Hàn Quốc",
            "Singapore",
            "Malaysia",
            "Indonesia",
            "Philippines",
            "Ấn Độ",
            "Liên minh châu Âu",
            "EU",
            "ASEAN",
            "thế giới",
            "kinh tế thế giới",
            "toàn cầu",
            "Campuchia",
            "Lào",
            "Đài Loan",
            "Hồng Kông",
            "Australia",
            "Úc",
            "Nga",
            "Đức",
            "Pháp",
            "Anh",
        ),
    ),
    Rule(
        "this_province",
        "province_ref",
        words(
            "toàn tỉnh",
            "của tỉnh",
            "tỉnh này",
            "trên địa bàn tỉnh",
            "trong tỉnh",
            "trên địa bàn",
            "toàn thành phố",
            "của thành phố",
            "trên địa bàn TP",
            "của TP",
            "thành phố",
        ),
    ),
]

_UPPER = "(?-i:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ])"  # a name's capital
SUBUNITS = [
    # "huyện Lâm Thao", "Thành phố Việt Trì", "thị xã Phú Thọ": a unit inside the province, its figures
    # parts (a province's own name, "thành phố Hải Phòng", is the gazetteer's and wins over these)
    Rule("district_named", "subunit",
         rf"(?<!\w)(?:huyện|thị\s+xã|thành\s+phố|TP\.?|quận|thị\s+trấn)\s+{_UPPER}[^\s\d,.;:()]*"
         rf"(?:\s+{_UPPER}[^\s\d,.;:()]*){{0,2}}"),
    # "Riêng xã Khánh Hưng, kim ngạch xuất khẩu đạt 56 triệu USD": a commune or ward (the units
    # under the province since 1 July 2025), its figures parts
    Rule("commune_named", "subunit",
         rf"(?<!\w)(?-i:xã|phường|Xã|Phường|đặc\s+khu)\s+{_UPPER}[^\s\d,.;:()]*(?:\s+{_UPPER}[^\s\d,.;:()]*){{0,2}}"),
]  # fmt: skip

INDICATOR_REFS = [
    Rule("this_sector", "indicator_ref", words("khu vực này", "ngành này", "lĩnh vực này")),
]

SECTIONS = [
    # "Một số chỉ tiêu chủ yếu 9 tháng năm 2024:" alone on its line: the period it names is that of the list's lines below it
    Rule("list_heading", "list_heading", r"[:：](?=[ \t]*(?:\n|$))"),
    # "Tin liên quan" alone on its line: the page's links to other stories follow, their figures theirs
    Rule("related_links", "related", words("Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Xem thêm",
                                           "Tin khác", "Các tin khác", "Đọc thêm")),
    Rule("table_actual", "table_actual", words("TH", "Thực hiện", "Thực hiện năm", "Kết quả")),
    Rule("table_plan", "table_plan", words("KH", "Kế hoạch", "Chỉ tiêu", "Mục tiêu", "Kế hoạch năm")),
    Rule("table_estimate", "table_estimate", words("Ước TH", "Ước thực hiện", "Ước", "Dự ước", "Ước tính")),
    Rule("tasks_named", "directive",
         r"nhiệm\s+vụ\s+(?:trọng\s+tâm|trọng\s+yếu|chủ\s+yếu|chính|giải\s+pháp|và\s+giải\s+pháp)"
         r"|(?:đề\s+nghị|yêu\s+cầu)\s+(?:các\s+)?(?:sở|ngành|địa\s+phương|cấp|đơn\s+vị|huyện|xã)"
         r"|cần\s+tập\s+trung|chỉ\s+đạo\s+các"),
    Rule("difficulties_named", "difficulty",
         r"(?:khó\s+khăn|hạn\s+chế|tồn\s+tại)\s*,\s*(?:hạn\s+chế|vướng\s+mắc|tồn\s+tại|thách\s+thức)"
         r"|(?:vẫn\s+còn|còn\s+một\s+số|còn\s+nhiều|tuy\s+nhiên)[^.]{0,40}?(?:khó\s+khăn|hạn\s+chế|tồn\s+tại|bất\s+cập)"),
    Rule("task_paragraph", "directive_continue",
         r"\s*(?:[-•+*]|\d+[.)]|(?:Tiếp\s+tục|Tập\s+trung|Đẩy\s+mạnh|Chỉ\s+đạo|Yêu\s+cầu|Đề\s+nghị|Triển\s+khai|"
         r"Thực\s+hiện|Nâng\s+cao|Tăng\s+cường|Khẩn\s+trương|Chủ\s+động|Rà\s+soát|Phấn\s+đấu|Đồng\s+thời|Các\s+sở)(?!\w))"),
    Rule("recommendations_named", "recommendation",
         r"(?:các\s+)?kiến\s+nghị|(?:các\s+)?đề\s+xuất(?=\s*[:,]|\s+(?:về|liên))"),
    Rule("recommendation_topics", "recommendation_list",
         r"kiến\s+nghị\s+(?:về|liên\s+quan\s+đến)|đề\s+xuất\s+(?:về|liên\s+quan\s+đến)"),
]  # fmt: skip

RULES = PERIODS + ROLES + QUANTITY + CUES + AREAS + SUBUNITS + INDICATOR_REFS + SECTIONS
