"""Vietnamese report sentences, in the style of provincial socio-economic reports:
"Tổng sản phẩm trên địa bàn (GRDP) quý I/2024 đạt hơn 5.800 tỷ đồng, tăng 8,26% so với cùng kỳ"."""

from __future__ import annotations

from marsad.core import periods
from marsad.core.narration.data import IndicatorRow, TargetRow
from marsad.core.narration.language import (
    Direction,
    Language,
    PlanPosition,
    direction,
)

_ROMAN = ("I", "II", "III", "IV")
_QUALIFIER = {"more_than": "hơn ", "less_than": "dưới ", "about": "khoảng ", "at_least": "ít nhất "}


class Vietnamese(Language):
    code = "vi"
    LEAD_LABEL = "chủ trì: "
    DEADLINE_LABEL = "thời hạn "
    CLAUSE_SEPARATOR = "; "
    LIST_SEPARATOR = ", "
    QUALIFIER_WORDS = _QUALIFIER
    rtl = False

    INDICATORS = {
        "grdp": "Tổng sản phẩm trên địa bàn (GRDP)",
        "va_industry_construction": "Khu vực công nghiệp và xây dựng",
        "va_services": "Khu vực dịch vụ",
        "va_agriculture_forestry_fishery": "Khu vực nông, lâm nghiệp và thủy sản",
        "product_taxes": "Thuế sản phẩm trừ trợ cấp sản phẩm",
        "iip": "Chỉ số sản xuất công nghiệp (IIP)",
        "retail_sales": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
        "exports": "Kim ngạch xuất khẩu",
        "imports": "Kim ngạch nhập khẩu",
        "trade_turnover": "Tổng kim ngạch xuất nhập khẩu",
        "budget_revenue": "Tổng thu ngân sách nhà nước trên địa bàn",
        "budget_expenditure": "Tổng chi ngân sách địa phương",
        "investment_capital": "Tổng vốn đầu tư phát triển toàn xã hội",
        "public_investment_disbursed": "Giải ngân vốn đầu tư công",
        "fdi_registered": "Vốn đầu tư trực tiếp nước ngoài (FDI) đăng ký",
        "ddi_registered": "Vốn đầu tư trong nước đăng ký",
        "new_enterprises": "Số doanh nghiệp thành lập mới",
        "cpi": "Chỉ số giá tiêu dùng (CPI)",
        "visitors": "Tổng lượt khách du lịch",
        "tourism_revenue": "Tổng thu từ du lịch",
        "poverty_rate": "Tỷ lệ hộ nghèo",
        "communes_with_digital_product": "Tỷ lệ xã, phường, thị trấn có ít nhất một sản phẩm số",
        "socio_economic_targets_met": "Tỷ lệ chỉ tiêu kinh tế - xã hội đạt",
    }
    PART_NAMES = {
        "va_industry_construction": "khu vực công nghiệp và xây dựng",
        "va_services": "khu vực dịch vụ",
        "va_agriculture_forestry_fishery": "khu vực nông, lâm nghiệp và thủy sản",
        "product_taxes": "thuế sản phẩm trừ trợ cấp sản phẩm",
    }
    PLAN_WORDS = {"plan": "kế hoạch", "estimate": "dự toán"}
    UNITS = {
        "billion VND": "tỷ đồng",
        "trillion VND": "nghìn tỷ đồng",
        "million USD": "triệu USD",
        "billion USD": "tỷ USD",
        "enterprises": "doanh nghiệp",
        "visitors": "lượt khách",
        "projects": "dự án",
        "index": "",
    }
    DIRECTIVE_STATUS = {
        "in_progress": "đang thực hiện",
        "due_soon": "sắp đến hạn",
        "overdue": "quá hạn",
        "done_on_time": "hoàn thành đúng hạn",
        "done_late": "hoàn thành trễ hạn",
    }
    TITLES = {
        "results": "Kết quả",
        "structure": "Cơ cấu kinh tế và động lực tăng trưởng",
        "targets": "Mục tiêu và mức tăng trưởng cần đạt",
        "difficulties": "Khó khăn, hạn chế",
        "directives": "Nhiệm vụ kỳ tới",
        "recommendations": "Kiến nghị",
        "indicator_table": "Các chỉ tiêu chủ yếu",
        "structure_table": "Cơ cấu các khu vực và mức đóng góp vào tăng trưởng",
        "series_chart_plain": "Tăng trưởng so với cùng kỳ theo quý",
        "series_chart": "Tăng trưởng so với mục tiêu",
        "directive_chart": "Nhiệm vụ theo tình trạng",
        "generated": "Báo cáo do Marsad lập từ dữ liệu của hệ thống.",
        "standing": "Vị trí so với các tỉnh, thành phố",
        "standing_table": "Xếp hạng trong cả nước và trong vùng",
        "lagging_table": "Các xã, phường còn thấp nhất",
    }
    HEADERS = {
        "indicator": "Chỉ tiêu",
        "unit": "Đơn vị",
        "level": "Giá trị",
        "yoy_pct": "So với cùng kỳ (%)",
        "plan_pct": "% kế hoạch năm",
        "share_pct": "Tỷ trọng (%)",
        "contribution_pp": "Đóng góp (điểm %)",
        "sector": "Khu vực",
        "target": "Mục tiêu",
        "achieved": "Đã đạt",
        "needed": "Cần đạt thêm",
        "status": "Tình trạng",
        "task": "Nhiệm vụ",
        "lead_unit": "Đơn vị chủ trì",
        "deadline": "Thời hạn",
        "count": "Số lượng",
        "period": "Kỳ",
        "value": "Giá trị",
        "plan_level": "Kế hoạch năm",
        "year_before": "Cùng kỳ năm trước",
        "this_period": "Thực hiện kỳ này",
        "done_on_time": "Hoàn thành đúng hạn",
        "done_late": "Hoàn thành trễ hạn",
        "within_deadline": "Đang thực hiện trong hạn",
        "overdue": "Quá hạn",
        "number": "STT",
        "measure": "Thước đo",
        "central_estimate": "Dự toán Trung ương giao",
        "central_pct": "% dự toán Trung ương",
        "rank": "Xếp hạng cả nước",
        "region_rank": "Xếp hạng trong vùng",
        "national": "Cả nước",
        "commune": "Xã, phường",
        "gap": "Chênh lệch so với bình quân (điểm %)",
    }

    MONTHS = tuple(f"tháng {m}" for m in range(1, 13))
    LANGUAGE_NAMES = {"ar": "tiếng Ả Rập", "vi": "tiếng Việt", "en": "tiếng Anh"}
    REGIONS = {
        "northern_midlands_mountains": "Trung du và miền núi phía Bắc",
        "red_river_delta": "Đồng bằng sông Hồng",
        "north_central_coast": "Bắc Trung Bộ và Duyên hải miền Trung",
        "central_highlands": "Tây Nguyên",
        "southeast": "Đông Nam Bộ",
        "mekong_delta": "Đồng bằng sông Cửu Long",
    }
    FORM = {
        "motto_1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto_2": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: {number}/{symbol}",
        "kind": "BÁO CÁO",
        "default_issuer": "ỦY BAN NHÂN DÂN {area}",
        "default_authority": "TM. ỦY BAN NHÂN DÂN",
        "default_title": "CHỦ TỊCH",
        "part_I": "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "part_II": "II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN",
        "part_III": "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM {period}",
        "next_period": "KỲ TỚI",
        "recipients": "Nơi nhận:",
        "archive": "Lưu: VT.",
        "original": "nguyên văn {language}",
        "as_of": "Số liệu và tình hình thực hiện nhiệm vụ tính đến {date}.",
        "boundary": "Số liệu được tính theo địa giới hành chính của {area} sau sắp xếp (từ {date}), gồm cả {former} trước đây.",
        "and": " và ",
        "appendix": "PHỤ LỤC",
        "appendix_title": "Một số chỉ tiêu kinh tế - xã hội chủ yếu {period}",
        "cause": "nguyên nhân: ",
        "follow_up": "Tình hình thực hiện nhiệm vụ {period}",
        "conclusions": "Kết luận của chủ trì hội nghị",
        "lagging": "Các xã, phường còn chậm",
        "communes_row": "Các xã, phường ({n} đơn vị)",
        "unit": "Đơn vị",
        "page": "Trang",
    }

    # -- periods ---------------------------------------------------------------------------
    def period_name(self, p: periods.Period) -> str:
        kind = p.kind
        if kind is periods.Kind.YEAR:
            return f"năm {p.year}"
        if kind is periods.Kind.QUARTER:
            return f"quý {_ROMAN[(p.first - 1) // 3]}/{p.year}"
        if kind is periods.Kind.HALF:
            return f"6 tháng đầu năm {p.year}" if p.first == 1 else f"6 tháng cuối năm {p.year}"
        if kind is periods.Kind.MONTH:
            return f"tháng {p.first}/{p.year}"
        return f"{p.length} tháng năm {p.year}"

    def period_short(self, p: periods.Period) -> str:
        if p.kind is periods.Kind.QUARTER:
            return f"Q{(p.first - 1) // 3 + 1}/{p.year}"
        return self.period_name(p)

    def period_phrase(self, p: periods.Period) -> str:
        return self.period_name(p)

    def area_phrase(self, name, level):
        low = name.lower()
        prefix = {
            "province": "tỉnh",
            "city": "thành phố",
            "commune": "xã",
            "ward": "phường",
            "special_zone": "đặc khu",
        }
        if level in prefix and not low.startswith(("tỉnh", "thành phố", "xã", "phường", "đặc khu")):
            return f"{prefix[level]} {name}"
        return name

    def report_title(self, area: str, p: periods.Period) -> str:
        return f"Tình hình kinh tế - xã hội {area} {self.period_name(p)}"

    # -- pieces ----------------------------------------------------------------------------
    def qualified(self, row: IndicatorRow) -> str:
        return _QUALIFIER.get(row.qualifier, "") + self.amount(row.level, row.unit)

    def change(self, pct: float, full: bool) -> str:
        d = direction(pct)
        if d is Direction.FLAT:
            return "tương đương cùng kỳ"
        word = "tăng" if d is Direction.UP else "giảm"
        return f"{word} {self.pct(pct)}" + (" so với cùng kỳ" if full else "")

    def plan(self, row: IndicatorRow, pos: PlanPosition) -> str:
        plan = self.plan_word(row.indicator)
        text = f"đạt {self.pct(row.plan_pct)} {plan} năm"
        if row.central_pct is not None:
            text = (
                f"đạt {self.pct(row.plan_pct)} dự toán Hội đồng nhân dân tỉnh giao và "
                f"{self.pct(row.central_pct)} dự toán Trung ương giao"
            )
        if pos is PlanPosition.EXCEEDED:
            text += f", vượt {plan}"
        elif pos is PlanPosition.REACHED:
            text += f", hoàn thành {plan}"
        elif pos is PlanPosition.SHORT:
            text += f", chưa đạt {plan}"
        return text

    # -- sentences -------------------------------------------------------------------------
    def indicator_sentence(self, row, period, area, plan):
        subject = self.indicator(row.indicator)
        if area:
            subject += f" {area}"
        when = self.period_phrase(period)
        tail: list[str] = []
        if row.level is not None:
            verb = "ước đạt" if row.status == "estimate" else "đạt"
            head = f"{subject} {when} {verb} {self.qualified(row)}"
            if row.plan_pct is not None and plan is not None:
                tail.append(self.plan(row, plan))
            if row.yoy_pct is not None:
                tail.append(self.change(row.yoy_pct, full=True))
            body = ", ".join([head, *tail])
        elif row.yoy_pct is not None:
            body = f"{subject} {when} {self.change(row.yoy_pct, full=True)}"
            if row.plan_pct is not None and plan is not None:
                body += ", " + self.plan(row, plan)
        elif row.plan_pct is not None and plan is not None:
            body = f"{subject} {when} {self.plan(row, plan)}"
        else:
            return ""
        return body + "."

    def parts_sentence(self, parts):
        clauses = []
        for r in parts:
            name = self.part(r.indicator)
            bits = [f"{name} đạt {self.qualified(r)}"] if r.level is not None else []
            if r.yoy_pct is not None:
                if bits:
                    bits.append(self.change(r.yoy_pct, full=False))
                else:
                    bits.append(f"{name} {self.change(r.yoy_pct, full=False)}")
            if bits:
                clauses.append(", ".join(bits))
        if not clauses:
            return ""
        return "Trong đó, " + "; ".join(clauses) + "."

    def shares_sentence(self, parent, parts, period, area):
        items = [f"{self.sector(r.indicator)} chiếm {self.pct(r.share_pct)}" for r in parts]
        if not items:
            return ""
        name = "GRDP" if parent.indicator == "grdp" else self.indicator(parent.indicator).lower()
        return f"Về cơ cấu {name} {self.period_name(period)}, " + "; ".join(items) + "."

    def contributions_sentence(self, parent, ordered, period, area):
        up = [c for c in ordered if c.pp >= 0]
        down = [c for c in ordered if c.pp < 0]
        parts: list[str] = []
        if up:
            first = up[0]
            text = (
                f"{self.sector(first.row.indicator)} là động lực tăng trưởng chính, "
                f"đóng góp {self.num(first.pp)} điểm phần trăm"
            )
            for c in up[1:]:
                text += f"; {self.sector(c.row.indicator)} đóng góp {self.num(c.pp)} điểm phần trăm"
            parts.append(text[0].upper() + text[1:])
        for c in down:
            parts.append(f"{self.sector(c.row.indicator)} làm giảm {self.num(abs(c.pp))} điểm phần trăm")
        if not parts:
            return ""
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."

    def _target_value(self, t: TargetRow) -> str:
        amount = self.pct(t.value) if t.measure != "level" else self.amount(t.value, t.unit)
        if t.qualifier == "at_least":
            return f"từ {amount} trở lên"
        return "là " + _QUALIFIER.get(t.qualifier, "") + amount

    def target_sentence(self, t: TargetRow):
        name = self.indicator(t.indicator)
        short = "GRDP" if t.indicator == "grdp" else name[0].lower() + name[1:]
        if t.basis == "central":
            target = f"dự toán {short} năm {t.period} Trung ương giao {self._target_value(t)}"
        elif t.measure == "yoy_pct":
            target = f"mục tiêu tăng trưởng {short} năm {t.period} {self._target_value(t)}"
        else:
            target = f"mục tiêu {short} năm {t.period} {self._target_value(t)}"
        if t.status == "met":
            return f"Đã đạt {target}."
        if t.status == "missed":
            return f"Không đạt {target}."
        if t.needed is None:
            return f"Cần tiếp tục phấn đấu đạt {target}."
        rest = (
            self.period_name(periods.parse(t.remaining_period)) if t.remaining_period else "các tháng còn lại"
        )
        if t.measure == "yoy_pct":
            need = f"{rest} cần tăng {self.pct(t.needed)}"
        else:
            need = f"{rest} cần đạt thêm {self.amount(t.needed, t.unit)}"
        verdict = self.verdict_aside(t.status)
        return f"Để đạt {target}, {need}{verdict}."

    def directives_intro(self, n, period, announced, counts):
        when = f" {self.period_name(period)}" if period else ""
        if announced:
            head = f"UBND tỉnh đề ra {announced} nhiệm vụ phát triển kinh tế - xã hội{when}, trong đó tập trung vào"
        else:
            head = f"Có {n} nhiệm vụ đề ra{when}"
        summary = self.status_counts(counts)
        if summary:
            head += f" ({summary})"
        return head + ":"

    def date(self, d):
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"

    def place_date(self, place, d):
        # Decree 30: a day below 10 and a month below 3 are written with a leading zero.
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"

    def follow_up_sentence(self, as_of, period, totals):
        total = totals.get("total", 0)
        if not total:
            return ""
        parts = [
            f"{totals[k]} {w}"
            for k, w in (
                ("done_on_time", "hoàn thành đúng hạn"),
                ("done_late", "hoàn thành trễ hạn"),
                ("within_deadline", "đang thực hiện trong hạn"),
                ("overdue", "quá hạn"),
            )
            if totals.get(k)
        ]
        return (
            f"Tính đến {self.date(as_of)}, trong tổng số {total} lượt nhiệm vụ giao các đơn vị "
            f"{self.period_name(period)}, có " + "; ".join(parts) + "."
        )

    def _measured(self, indicator: str, measure: str) -> str:
        """ "tăng trưởng GRDP", "tăng trưởng tổng thu ngân sách...": a figure inside a sentence."""
        name = "GRDP" if indicator == "grdp" else self.indicator(indicator)
        name = name if name[:2].isupper() else name[:1].lower() + name[1:]
        return f"tăng trưởng {name}" if measure == "yoy_pct" else name

    def standing_sentence(self, st, period, area, index):
        value = self.pct(st.value) if st.measure != "level" else self.num(st.value)
        if st.measure == "yoy_pct" and st.value < 0:
            value = f"giảm {value}"
        what = self._measured(st.indicator, st.measure)
        if index == 0:
            among = (
                f"{st.rank}/{st.of} tỉnh, thành phố cả nước"
                if st.of >= st.provinces
                else f"{st.rank}/{st.of} tỉnh, thành phố có số liệu {self.period_name(period)}"
            )
            text = f"Với {what} đạt {value}, {area} đứng thứ {among}"
        else:
            opening = ("Về", "Đối với", "Riêng")[(index - 1) % 3]
            who = "thành phố" if area.startswith("thành phố") else "tỉnh"
            text = f"{opening} {what} ({value}), {who} xếp thứ {st.rank}/{st.of}"
        if st.region and st.region_rank:
            text += f", thứ {st.region_rank}/{st.region_of} vùng {self.region(st.region)}"
        if st.national is not None:
            national = self.pct(st.national) if st.measure != "level" else self.num(st.national)
            text += f"; số liệu cả nước là {national}"
        return text + "."

    def lagging_sentence(self, lag, period):
        what = self._measured(lag.indicator, "level")
        plan = self.plan_word(lag.indicator)
        measure = f"tỷ lệ so với {plan} năm" if lag.measure == "plan_pct" else "tốc độ tăng so với cùng kỳ"
        listed = ", ".join(f"{c.name.get('vi')} ({self.pct(c.value)})" for c in lag.communes[:5])
        return (
            f"Trong {lag.count} xã, phường có số liệu {self.period_name(period)}, {what} "
            f"({measure}; bình quân {self.pct(lag.reference)}) còn thấp nhất ở: {listed}."
        )

    def conclusions_intro(self, n):
        return "Kết luận hội nghị, đồng chí chủ trì yêu cầu:" if n else ""

    def difficulties_intro(self, n):
        return "Tuy nhiên, vẫn còn một số khó khăn, hạn chế:" if n else ""

    def recommendations_intro(self, n):
        return "Lãnh đạo các xã, phường kiến nghị về:" if n else ""

    def no_figures(self, period):
        return f"Chưa có số liệu {self.period_phrase(period)}."


LANGUAGE = Vietnamese()
