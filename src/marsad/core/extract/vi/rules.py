"""Vietnamese: lexicon and rules.

Numbers: "." groups thousands and "," marks decimals ("176.737 tỷ đồng", "8,1%", "1,765 tỷ
USD" = 1.765). Periods: "quý I/2024", "quý III năm 2020", "6 tháng đầu năm", "9 tháng".
"""

from __future__ import annotations

import regex

from ..engine import LanguageRules, words
from ..timeframes import PeriodRule

I = regex.I  # noqa: E741
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
YEAR = r"(?:\s*(?:/|-)\s*(?P<year>(?:19|20)\d\d)|\s+(?:của\s+)?năm\s+(?P<year>(?:19|20)\d\d))?"


def _quarter(m):
    return "quarter", ROMAN.get(m.group("q").lower())


def _months(m):
    n = int(m.group("n"))
    if not 1 <= n <= 12:
        return None, None
    if m.group("late"):
        return ("half", 2) if n == 6 else (None, None)
    return ("year", None) if n == 12 else ("ytd", n)


def _half(m):
    return "half", 2 if regex.search(r"cuối|sau|II", m.group(0)) else 1


def _month(m):
    n = int(m.group("m"))
    return ("month", n) if 1 <= n <= 12 else (None, None)


def _year(m):
    return "year", None


def _as_of(m):
    """ "tính đến ngày 30/6/2024", "đến hết tháng 9/2024": the year to the end of that month."""
    n = int(m.group("m"))
    if not 1 <= n <= 12:
        return None, None
    return ("year", None) if n == 12 else ("ytd", n)


PERIODS = [
    PeriodRule(
        regex.compile(
            r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)(?:\s+(?:hết|cuối))?|lũy\s+kế\s+đến|luỹ\s+kế\s+đến)\s+"
            r"(?:(?:ngày\s+)?\d{1,2}\s*/\s*(?P<m>\d{1,2})|(?:hết\s+|cuối\s+)?tháng\s+(?P<m>\d{1,2}))"
            r"(?:\s*/\s*(?P<year>(?:19|20)\d\d)|\s+năm\s+(?P<year>(?:19|20)\d\d))?(?![\d/])",
            I,
        ),
        _as_of,
    ),
    PeriodRule(regex.compile(rf"(?<!\w)qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?![\w]){YEAR}", I), _quarter),
    PeriodRule(
        regex.compile(
            rf"(?<![\w/])(?P<n>\d{{1,2}})\s+tháng(?:\s+(?:(?P<early>đầu\s+năm(?:\s+(?P<year>(?:19|20)\d\d))?)|(?P<late>cuối\s+năm)))?(?!\s+\d){YEAR}",
            I,
        ),
        _months,
    ),
    PeriodRule(
        regex.compile(rf"(?<!\w)(?:nửa\s+(?:đầu|cuối)\s+năm|[56]\s+tháng\s+cuối\s+năm){YEAR}", I), _half
    ),
    PeriodRule(regex.compile(rf"(?<!\w)tháng\s+(?P<m>\d{{1,2}})(?![\d/]){YEAR}", I), _month),
    PeriodRule(
        regex.compile(r"(?<!\d\s?)(?<!\w)tháng\s+(?P<m>\d{1,2})\s*/\s*(?P<year>(?:19|20)\d\d)(?![\d/])", I),
        _month,
    ),
    PeriodRule(regex.compile(r"(?<!\w)(?:cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)(?![\d\-–])", I), _year),
]

INDICATORS: list[tuple[str, str | None]] = [
    ("tổng sản phẩm trên địa bàn", "grdp"),
    ("tổng sản phẩm trong tỉnh", "grdp"),
    ("tổng sản phẩm trên địa bàn tỉnh", "grdp"),
    ("tổng sản phẩm trong nước", "grdp"),
    ("tăng trưởng kinh tế", "grdp"),
    ("tốc độ tăng trưởng kinh tế", "grdp"),
    ("tốc độ tăng tổng sản phẩm", "grdp"),
    ("quy mô nền kinh tế", "grdp"),
    ("quy mô kinh tế", "grdp"),
    ("re:GRDP|GDP", "grdp"),
    ("công nghiệp và xây dựng", "va_industry_construction"),
    ("công nghiệp - xây dựng", "va_industry_construction"),
    ("công nghiệp – xây dựng", "va_industry_construction"),
    ("công nghiệp, xây dựng", "va_industry_construction"),
    ("công nghiệp-xây dựng", "va_industry_construction"),
    ("re:CN\\s*-\\s*XD", "va_industry_construction"),
    ("dịch vụ", "va_services"),
    ("khu vực dịch vụ", "va_services"),
    ("ngành dịch vụ", "va_services"),
    ("nông, lâm nghiệp và thủy sản", "va_agriculture_forestry_fishery"),
    ("nông, lâm nghiệp và thuỷ sản", "va_agriculture_forestry_fishery"),
    ("nông nghiệp, lâm nghiệp và thủy sản", "va_agriculture_forestry_fishery"),
    ("nông, lâm, thủy sản", "va_agriculture_forestry_fishery"),
    ("nông, lâm, thuỷ sản", "va_agriculture_forestry_fishery"),
    ("nông lâm thủy sản", "va_agriculture_forestry_fishery"),
    ("nông - lâm - thủy sản", "va_agriculture_forestry_fishery"),
    ("nông, lâm, ngư nghiệp", "va_agriculture_forestry_fishery"),
    ("re:NLTS", "va_agriculture_forestry_fishery"),
    ("thuế sản phẩm trừ trợ cấp sản phẩm", "product_taxes"),
    ("thuế sản phẩm", "product_taxes"),
    ("chỉ số sản xuất công nghiệp", "iip"),
    ("chỉ số sản xuất toàn ngành công nghiệp", "iip"),
    ("chỉ số phát triển công nghiệp", "iip"),
    ("re:IIP|chỉ\\s+số\\s+SXCN", "iip"),
    ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "retail_sales"),
    ("tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng", "retail_sales"),
    ("tổng mức bán lẻ hàng hóa", "retail_sales"),
    ("tổng mức bán lẻ hàng hoá", "retail_sales"),
    ("tổng mức bán lẻ hàng", "retail_sales"),
    ("tổng mức bán lẻ", "retail_sales"),
    ("kim ngạch xuất khẩu", "exports"),
    ("giá trị xuất khẩu", "exports"),
    ("xuất khẩu", "exports"),
    ("kim ngạch nhập khẩu", "imports"),
    ("nhập khẩu", "imports"),
    ("xuất nhập khẩu", "trade_turnover"),
    ("xuất, nhập khẩu", "trade_turnover"),
    ("kim ngạch xuất nhập khẩu", "trade_turnover"),
    ("tổng kim ngạch xuất nhập khẩu", "trade_turnover"),
    ("kim ngạch xuất, nhập khẩu", "trade_turnover"),
    ("thu ngân sách nhà nước", "budget_revenue"),
    ("thu ngân sách", "budget_revenue"),
    ("tổng thu ngân sách", "budget_revenue"),
    ("tổng thu ngân sách nhà nước", "budget_revenue"),
    ("re:(?:tổng\\s+)?thu\\s+NSNN", "budget_revenue"),
    ("thu ngân sách trên địa bàn", "budget_revenue"),
    ("chi ngân sách", "budget_expenditure"),
    ("tổng chi ngân sách", "budget_expenditure"),
    ("chi ngân sách địa phương", "budget_expenditure"),
    ("chi ngân sách nhà nước", "budget_expenditure"),
    ("re:(?:tổng\\s+)?chi\\s+(?:NSNN|NSĐP)", "budget_expenditure"),
    ("tổng vốn đầu tư phát triển toàn xã hội", "investment_capital"),
    ("vốn đầu tư phát triển toàn xã hội", "investment_capital"),
    ("vốn đầu tư toàn xã hội", "investment_capital"),
    ("tổng vốn đầu tư toàn xã hội", "investment_capital"),
    ("tổng vốn đầu tư phát triển trên địa bàn", "investment_capital"),
    ("vốn đầu tư phát triển trên địa bàn", "investment_capital"),
    ("vốn đầu tư công giải ngân", "public_investment_disbursed"),
    ("giải ngân vốn đầu tư công", "public_investment_disbursed"),
    ("vốn đăng ký mới", "fdi_registered"),
    ("doanh nghiệp đăng ký mới", "new_enterprises"),
    ("doanh nghiệp mới", "new_enterprises"),
    ("doanh nghiệp thành lập", "new_enterprises"),
    ("chỉ số giá tiêu dùng bình quân", "cpi"),
    ("doanh thu du lịch lữ hành", "tourism_revenue"),
    ("tổng doanh thu du lịch", "tourism_revenue"),
    ("khách quốc tế", None),
    ("khách du lịch quốc tế", None),
    ("lượt khách du lịch quốc tế", None),
    ("lượt khách quốc tế", None),
    ("doanh thu dịch vụ tiêu dùng", "retail_sales"),
    ("giải ngân vốn đầu tư công", "public_investment_disbursed"),
    ("giải ngân", "public_investment_disbursed"),
    ("tỷ lệ giải ngân", "public_investment_disbursed"),
    ("vốn đầu tư công", "public_investment_disbursed"),
    ("đầu tư trực tiếp nước ngoài", "fdi_registered"),
    ("vốn đầu tư nước ngoài", "fdi_registered"),
    ("vốn đầu tư trực tiếp nước ngoài", "fdi_registered"),
    ("re:(?:vốn\\s+)?FDI", "fdi_registered"),
    ("re:(?:vốn\\s+)?DDI", "ddi_registered"),
    ("vốn đầu tư trong nước", "ddi_registered"),
    ("đầu tư trong nước", "ddi_registered"),
    ("doanh nghiệp thành lập mới", "new_enterprises"),
    ("doanh nghiệp đăng ký thành lập mới", "new_enterprises"),
    ("thành lập mới", "new_enterprises"),
    ("số doanh nghiệp thành lập mới", "new_enterprises"),
    ("chỉ số giá tiêu dùng", "cpi"),
    ("re:CPI", "cpi"),
    ("lượt khách", "visitors"),
    ("khách du lịch", "visitors"),
    ("tổng lượt khách", "visitors"),
    ("lượt khách du lịch", "visitors"),
    ("du khách", "visitors"),
    ("doanh thu du lịch", "tourism_revenue"),
    ("tổng thu từ du lịch", "tourism_revenue"),
    ("doanh thu từ du lịch", "tourism_revenue"),
    ("tổng thu du lịch", "tourism_revenue"),
    ("tỷ lệ hộ nghèo", "poverty_rate"),
    ("tỉ lệ hộ nghèo", "poverty_rate"),
    ("khu vực này", "@previous"),
    ("ngành này", "@previous"),
    ("lĩnh vực này", "@previous"),
    ("GRDP bình quân đầu người", None),
    ("bình quân đầu người", None),
    ("mức tăng chung của cả nước", None),
    ("mức tăng trưởng chung của cả nước", None),
    ("bình quân chung cả nước", None),
    ("bình quân chung của cả nước", None),
    ("bình quân cả nước", None),
    ("trung bình cả nước", None),
    ("thu nhập bình quân", None),
    ("thu ngân sách nội địa", None),
    ("vốn đầu tư thực hiện toàn xã hội", "investment_capital"),
    ("tổng vốn đầu tư thực hiện toàn xã hội", "investment_capital"),
    ("tổng vốn đầu tư thực hiện trên địa bàn", "investment_capital"),
    ("vốn FDI giải ngân", None),
    ("giải ngân vốn FDI", None),
    ("vốn FDI thực hiện", None),
    ("FDI giải ngân", None),
    ("vốn đầu tư nước ngoài giải ngân", None),
    # Known non-indicators (parts of a total, other aggregates): their figures are left out.
    ("thu nội địa", None),
    ("thu từ dầu khí", None),
    ("thu dầu khí", None),
    ("thu từ hoạt động xuất nhập khẩu", None),
    ("thu từ hoạt động xuất, nhập khẩu", None),
    ("thu cân đối từ hoạt động xuất nhập khẩu", None),
    ("thu ngân sách địa phương", None),
    ("chi đầu tư phát triển", None),
    ("chi thường xuyên", None),
    ("giá trị sản xuất công nghiệp", None),
    ("giá trị sản xuất nông nghiệp", None),
    ("giá trị sản xuất", None),
    ("doanh thu vận tải", None),
    ("dịch vụ hỗ trợ", None),
    ("doanh thu dịch vụ", None),
    ("dịch vụ lưu trú", None),
    ("dịch vụ cảng", None),
    ("xuất khẩu hàng hóa và dịch vụ", None),
    ("xuất khẩu hàng hoá và dịch vụ", None),
    ("nhập khẩu hàng hóa và dịch vụ", None),
    ("nhập khẩu hàng hoá và dịch vụ", None),
    ("tiêu dùng cuối cùng", None),
    ("tích lũy tài sản", None),
    ("kế hoạch vốn đầu tư công", None),
    ("vốn đầu tư", None),
    ("dự án", None),
    ("lượt dự án", None),
    ("điểm cầu", None),
    ("đơn vị hành chính", None),
]

RULES = LanguageRules(
    lang="vi",
    indicators=INDICATORS,
    periods=PERIODS,
    period_compared=regex.compile(r"(?:so\s+với|cùng\s+kỳ|bằng|hơn|của)\s*(?:cùng\s+kỳ\s*)?$", I),
    period_by=regex.compile(r"(?:đến|tới|vào|trước)\s*(?:cuối\s*)?$", I),
    this_year=regex.compile(r"\s*(?:của\s+)?năm\s+nay", I),
    last_year=regex.compile(r"\s*(?:của\s+)?năm\s+(?:trước|ngoái)", I),
    up=words(["tăng", "tăng trưởng", "mức tăng", "tăng thêm", "đạt mức tăng", "tốc độ tăng"], "vi"),
    down=words(["giảm", "sụt giảm", "mức giảm", "giảm sút"], "vi"),
    yoy_after=regex.compile(
        r"\s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|\d{4}))?|năm\s+(?:trước|ngoái|\d{4})|CK)"
        r"|so\s+cùng\s+kỳ)",
        I,
    ),
    plan_after=regex.compile(
        r"\s*(?:so\s+với\s+)?(?:dự\s+toán|kế\s+hoạch|KH(?!\w)|chỉ\s+tiêu\s+kế\s+hoạch|mục\s+tiêu\s+kế\s+hoạch)", I
    ),
    exceed_before=regex.compile(r"vượt\s*$", I),
    index_before=regex.compile(r"bằng\s*$", I),
    share_before=words(["chiếm", "chiếm tỷ trọng", "tỷ trọng", "tỉ trọng", "chiếm tỉ trọng"], "vi"),
    share_after=regex.compile(r"\s*(?:trong\s+)?(?:tổng\s+(?:số|GRDP|GDP)|cơ\s+cấu|GRDP|GDP)(?!\w)", I),
    estimate=words(["ước", "ước tính", "ước đạt", "ước thực hiện", "dự kiến", "dự ước", "ước cả năm"], "vi"),
    target=words(["mục tiêu", "phấn đấu", "chỉ tiêu kế hoạch", "đề ra mục tiêu", "nhằm đạt", "kế hoạch năm",
                  "chỉ tiêu đề ra", "đặt mục tiêu"], "vi"),
    not_fact_before=regex.compile(
        r"(?:Quyết\s+định|Nghị\s+quyết|Nghị\s+định|Thông\s+tư|Chỉ\s+thị|Kết\s+luận|Công\s+văn|số|ngày|Khóa|khoá|thứ|so\s+với|"
        r"cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái))?\s+(?:tăng|giảm|đạt)|năm\s+(?:trước|ngoái)\s+(?:tăng|giảm|đạt))\s*$|\[\s*$",
        I,
    ),
    not_fact_after=regex.compile(r"\s*(?:lần(?!\w)|\]|/\s*\d)", I),
    comparison=regex.compile(r"(?:thấp|cao)\s+hơn", I),
    comparison_after=regex.compile(r"\s*(?:so\s+với|\(|,)", I),
    growth_word=words(["tăng trưởng", "tốc độ tăng"], "vi"),
    other_base=regex.compile(
        r"\s*(?:\)\s*)?(?:so\s+với|so)\s+(?:(?:cùng\s+kỳ\s+)?(?:tháng|quý)\s+(?:trước|liền\s+kề|liền\s+trước)|kỳ\s+trước|đầu\s+năm)",
        I,
    ),
    contribution=words(["đóng góp", "góp phần", "kéo giảm", "làm giảm"], "vi"),
    same_period=regex.compile(r"\s*(?:so\s+với\s+|với\s+|của\s+)?(?:cùng\s+kỳ|năm\s+(?:trước|ngoái))", I),
    respectively=words(["lần lượt", "tương ứng"], "vi"),
    fold=regex.compile(r"\s*lần(?!\w)", I),
    exceed_plan_before=regex.compile(
        r"vượt\s+(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|KH)(?:\s+(?:năm|đề\s+ra|được\s+giao))?\s*$", I
    ),
    fold_words={"hai": 2, "ba": 3, "bốn": 4},
    not_an_area=regex.compile(r"Tổ\s+công\s+tác|các\s+bộ,\s+(?:cơ\s+quan|ngành)\s+trung\s+ương", I),
    hypothetical=words(["nếu", "giả sử", "trong trường hợp"], "vi"),
    structure=words(["cơ cấu kinh tế", "cơ cấu", "tỷ trọng", "tỉ trọng"], "vi"),
    part_of=words(["trong đó", "bao gồm", "riêng"], "vi"),
    indicator_after_link=regex.compile(r"[ \t]*(?:\([^)]{0,40}\)[ \t]*)?(?:(?:từ|cho|của)\s+)?", I),
    directive_cue=regex.compile(
        r"nhiệm\s+vụ\s+(?:trọng\s+tâm|trọng\s+yếu|chủ\s+yếu|chính|giải\s+pháp|và\s+giải\s+pháp)"
        r"|(?:đề\s+nghị|yêu\s+cầu)\s+(?:các\s+)?(?:sở|ngành|địa\s+phương|cấp|đơn\s+vị|huyện|xã)"
        r"|cần\s+tập\s+trung|chỉ\s+đạo\s+các",
        I,
    ),
    difficulty_cue=regex.compile(
        r"(?:khó\s+khăn|hạn\s+chế|tồn\s+tại)\s*,\s*(?:hạn\s+chế|vướng\s+mắc|tồn\s+tại|thách\s+thức)"
        r"|(?:vẫn\s+còn|còn\s+một\s+số|còn\s+nhiều|tuy\s+nhiên)[^.]{0,40}?(?:khó\s+khăn|hạn\s+chế|tồn\s+tại|bất\s+cập)",
        I,
    ),
    directive_continue=regex.compile(
        r"\s*(?:[-•+*]|\d+[.)]|(?:Tiếp\s+tục|Tập\s+trung|Đẩy\s+mạnh|Chỉ\s+đạo|Yêu\s+cầu|Đề\s+nghị|Triển\s+khai|Thực\s+hiện|Nâng\s+cao|Tăng\s+cường|Khẩn\s+trương|Chủ\s+động|Rà\s+soát|Phấn\s+đấu|Đồng\s+thời|Các\s+sở)(?!\w))"
    ),
    recommendation_cue=regex.compile(r"(?:các\s+)?kiến\s+nghị|(?:các\s+)?đề\s+xuất(?=\s*[:,]|\s+(?:về|liên))", I),
    recommendation_list=regex.compile(r"kiến\s+nghị\s+(?:về|liên\s+quan\s+đến)|đề\s+xuất\s+(?:về|liên\s+quan\s+đến)", I),
    special_targets=[
        (regex.compile(r"(?:mục\s+tiêu\s+)?tăng\s+trưởng\s+(?:kinh\s+tế\s+)?(?:đạt\s+)?(?:ở\s+mức\s+)?hai\s+con\s+số", I),
         "grdp", "yoy_pct", 10, "at_least"),
    ],
    share_targets=[
        (regex.compile(r"\s*(?:số\s+)?(?:xã|các\s+xã)[^.]{0,80}?sản\s+phẩm\s+số[^.;]{0,30}?(?=[.,;]|$)", I),
         "communes_with_digital_product"),
        (regex.compile(r"\s*(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)(?:\s+(?:phát\s+triển\s+)?kinh\s+tế\s*[-–]\s*xã\s+hội)?(?:\s+(?:đề\s+ra|năm\s+\d{4}))?", I),
         "socio_economic_targets_met"),
    ],
)  # fmt: skip
