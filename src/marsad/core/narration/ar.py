"""Arabic report sentences, in the style of the Arabic reports of provincial review meetings
(see the seeds): "بلغ الناتج المحلي الإجمالي ... أكثر من 5,800 مليار دونج، بزيادة قدرها 8.26٪
عن نفس الفترة"."""

from __future__ import annotations

from marsad.core import periods
from marsad.core.narration.data import IndicatorRow, TargetRow
from marsad.core.narration.language import (
    Direction,
    Language,
    PlanPosition,
    direction,
)

M, F = "m", "f"

# name, grammatical gender (for the verb agreeing with it)
_INDICATORS: dict[str, tuple[str, str]] = {
    "grdp": ("الناتج المحلي الإجمالي", M),
    "va_industry_construction": ("قيمة الصناعة والبناء", F),
    "va_services": ("قيمة الخدمات", F),
    "va_agriculture_forestry_fishery": ("القيمة المضافة للزراعة والغابات ومصايد الأسماك", F),
    "product_taxes": ("الضرائب على المنتجات ناقص الإعانات", F),
    "iip": ("مؤشر الإنتاج الصناعي", M),
    "retail_sales": ("إجمالي مبيعات التجزئة للسلع وإيرادات الخدمات الاستهلاكية", M),
    "exports": ("قيمة الصادرات", F),
    "imports": ("قيمة الواردات", F),
    "trade_turnover": ("حجم التبادل التجاري", M),
    "budget_revenue": ("إيرادات الموازنة العامة للدولة", F),
    "budget_expenditure": ("نفقات الموازنة العامة للدولة", F),
    "investment_capital": ("إجمالي رأس مال الاستثمار الاجتماعي", M),
    "public_investment_disbursed": ("صرف رأس مال الاستثمار العام", M),
    "fdi_registered": ("رأس مال الاستثمار الأجنبي المباشر المسجل", M),
    "ddi_registered": ("رأس مال الاستثمار المحلي المسجل", M),
    "new_enterprises": ("عدد المؤسسات الجديدة", M),
    "cpi": ("مؤشر أسعار المستهلك", M),
    "visitors": ("عدد الزوار", M),
    "tourism_revenue": ("إيرادات السياحة", F),
    "poverty_rate": ("معدل الفقر", M),
    "communes_with_digital_product": ("نسبة البلديات التي لديها منتج رقمي واحد على الأقل", F),
    "socio_economic_targets_met": ("نسبة أهداف التنمية الاجتماعية والاقتصادية المحققة", F),
}

_QUARTERS = ("الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع")
_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
_FIRST_MONTHS = {
    2: "الشهرين الأولين",
    4: "الأشهر الأربعة الأولى",
    5: "الأشهر الخمسة الأولى",
    6: "الأشهر الستة الأولى",
    7: "الأشهر السبعة الأولى",
    8: "الأشهر الثمانية الأولى",
    9: "الأشهر التسعة الأولى",
    10: "الأشهر العشرة الأولى",
    11: "الأشهر الأحد عشر الأولى",
}
# How a qualifier reads before an amount, alone and after the preposition "بـ".
_QUALIFIER = {"more_than": "أكثر من ", "less_than": "أقل من ", "about": "حوالي ", "at_least": "ما لا يقل عن "}
_BI_QUALIFIER = {
    "more_than": "بأكثر من ",
    "less_than": "بأقل من ",
    "about": "بحوالي ",
    "at_least": "بما لا يقل عن ",
}


_ORDINALS = (
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
)


def _li(noun: str) -> str:
    """The preposition لـ joined to a noun (ل + الربع -> للربع)."""
    return "لل" + noun[2:] if noun.startswith("ال") else "ل" + noun


def _tasks(n: int) -> str:
    return _count(n, "مهمة", "مهام", "مهمتين")


def _count(n: int, singular: str, plural: str, dual: str) -> str:
    """A number with its noun in Arabic agreement: 1 and 2 by the noun's own forms, 3 to 10
    with the plural, 11 and more with the singular («8 مهام», «12 مهمة»)."""
    if n == 1:
        return f"{singular} واحدة"
    if n == 2:
        return dual
    if 3 <= n % 100 <= 10:
        return f"{n} {plural}"
    return f"{n} {singular}"


class Arabic(Language):
    code = "ar"
    LEAD_LABEL = "الجهة المسؤولة: "
    DEADLINE_LABEL = "الموعد النهائي "
    CLAUSE_SEPARATOR = "؛ "
    LIST_SEPARATOR = "، "
    QUALIFIER_WORDS = _QUALIFIER
    rtl = True

    INDICATORS = {k: v[0] for k, v in _INDICATORS.items()}
    # Parts as the seeds list them after "منها، بلغت ...".
    PART_NAMES = {
        "va_industry_construction": "قيمة الصناعة والبناء",
        "va_services": "الخدمات",
        "va_agriculture_forestry_fishery": "القيمة المضافة للزراعة والغابات ومصايد الأسماك",
        "product_taxes": "الضرائب على المنتجات ناقص الإعانات",
    }
    # Masculine heads, so one verb form serves every sector.
    SECTOR_NAMES = {
        "va_industry_construction": "قطاع الصناعة والبناء",
        "va_services": "قطاع الخدمات",
        "va_agriculture_forestry_fishery": "قطاع الزراعة والغابات ومصايد الأسماك",
        "product_taxes": "بند الضرائب على المنتجات ناقص الإعانات",
    }
    UNITS = {
        "billion VND": "مليار دونج",
        "trillion VND": "تريليون دونج",
        "million USD": "مليون دولار أمريكي",
        "billion USD": "مليار دولار أمريكي",
        "enterprises": "مؤسسة",
        "visitors": "زائر",
        "projects": "مشروعًا",
        "index": "",
    }
    DIRECTIVE_STATUS = {
        "in_progress": "قيد التنفيذ",
        "due_soon": "يقترب موعدها",
        "overdue": "متأخرة",
        "done_on_time": "أُنجزت في موعدها",
        "done_late": "أُنجزت متأخرة",
    }
    TITLES = {
        "results": "النتائج",
        "structure": "الهيكل الاقتصادي ومحركات النمو",
        "targets": "الأهداف والنمو المطلوب",
        "difficulties": "الصعوبات والقيود",
        "directives": "مهام الفترة القادمة",
        "recommendations": "التوصيات",
        "indicator_table": "المؤشرات الرئيسية",
        "structure_table": "هيكل القطاعات ومساهماتها في النمو",
        "series_chart_plain": "النمو عن نفس الفترة حسب الربع",
        "series_chart": "النمو مقارنة بالهدف",
        "directive_chart": "المهام حسب الحالة",
        "generated": "أعدّه نظام مرصد من بيانات المرصد.",
        "standing": "الترتيب بين المقاطعات",
        "standing_table": "الترتيب على المستوى الوطني وفي المنطقة",
        "lagging_table": "البلديات والأحياء الأكثر تأخرًا",
    }
    HEADERS = {
        "indicator": "المؤشر",
        "unit": "الوحدة",
        "level": "القيمة",
        "yoy_pct": "التغير عن نفس الفترة (٪)",
        "plan_pct": "٪ من الخطة السنوية",
        "share_pct": "الحصة (٪)",
        "contribution_pp": "المساهمة (نقطة مئوية)",
        "sector": "القطاع",
        "target": "الهدف",
        "achieved": "المحقق حتى الآن",
        "needed": "المطلوب",
        "status": "الحالة",
        "task": "المهمة",
        "lead_unit": "الجهة المسؤولة",
        "deadline": "الموعد النهائي",
        "count": "العدد",
        "period": "الفترة",
        "value": "القيمة",
        "plan_level": "خطة العام",
        "year_before": "نفس الفترة من العام السابق",
        "this_period": "هذه الفترة",
        "done_on_time": "أُنجزت في موعدها",
        "done_late": "أُنجزت متأخرة",
        "within_deadline": "قيد التنفيذ ضمن الموعد",
        "overdue": "متأخرة",
        "number": "م",
        "measure": "المقياس",
        "central_estimate": "تقديرات الحكومة المركزية",
        "central_pct": "٪ من تقديرات الحكومة المركزية",
        "rank": "الترتيب بين المقاطعات",
        "region_rank": "الترتيب في المنطقة",
        "national": "الرقم الوطني",
        "commune": "البلدية / الحي",
        "gap": "الفارق عن المتوسط (نقطة مئوية)",
    }

    MONTHS = _MONTHS
    LANGUAGE_NAMES = {"ar": "بالعربية", "vi": "بالفيتنامية", "en": "بالإنجليزية"}
    REGIONS = {
        "northern_midlands_mountains": "منطقة الهضاب الوسطى والجبال الشمالية",
        "red_river_delta": "منطقة دلتا النهر الأحمر",
        "north_central_coast": "منطقة الشمال الأوسط والساحل الأوسط",
        "central_highlands": "منطقة المرتفعات الوسطى",
        "southeast": "منطقة الجنوب الشرقي",
        "mekong_delta": "منطقة دلتا نهر ميكونغ",
    }
    FORM = {
        "motto_1": "جمهورية فيتنام الاشتراكية",
        "motto_2": "الاستقلال - الحرية - السعادة",
        "number": "الرقم: \u2066{number}/{symbol}\u2069",  # left to right: 125/BC-UBND
        "kind": "تقرير",
        "default_issuer": "اللجنة الشعبية {area}",
        "default_authority": "عن اللجنة الشعبية",
        "default_title": "الرئيس",
        "part_I": "أولًا: النتائج المحققة",
        "part_II": "ثانيًا: القيود والصعوبات وأسبابها",
        "part_III": "ثالثًا: المهام والحلول الرئيسية {period}",
        "next_period": "للفترة القادمة",
        "recipients": "الجهات المرسل إليها:",
        "archive": "يُحفظ في: الأرشيف.",
        "original": "النص الأصلي {language}",
        "as_of": "الأرقام وحالة تنفيذ المهام حتى {date}.",
        "boundary": "الأرقام وفق حدود {area} القائمة منذ {date}، بما فيها {former} السابقة.",
        "and": " و",
        "appendix": "ملحق",
        "appendix_title": "أهم المؤشرات الاجتماعية والاقتصادية، {period}",
        "cause": "السبب: ",
        "follow_up": "تنفيذ المهام المحددة في {period}",
        "conclusions": "استنتاجات رئيس الاجتماع",
        "lagging": "البلديات والأحياء المتأخرة",
        "communes_row": "البلديات والأحياء ({n})",
        "unit": "الجهة",
        "page": "الصفحة",
    }

    def gender(self, code: str) -> str:
        return _INDICATORS.get(code, ("", M))[1]

    # -- periods ---------------------------------------------------------------------------
    def period_name(self, p: periods.Period) -> str:
        kind = p.kind
        if kind is periods.Kind.YEAR:
            return f"عام {p.year}"
        if kind is periods.Kind.QUARTER:
            return f"{_QUARTERS[(p.first - 1) // 3]} من عام {p.year}"
        if kind is periods.Kind.HALF and p.first == 7:
            return f"النصف الثاني من عام {p.year}"
        if kind is periods.Kind.MONTH:
            return f"شهر {_MONTHS[p.first - 1]} {p.year}"
        return f"{_FIRST_MONTHS[p.length]} من عام {p.year}"

    def period_short(self, p: periods.Period) -> str:
        if p.kind is periods.Kind.QUARTER:
            return f"{_QUARTERS[(p.first - 1) // 3]} {p.year}"
        return self.period_name(p)

    def period_phrase(self, p: periods.Period) -> str:
        lead = "خلال" if p.kind in (periods.Kind.YTD, periods.Kind.HALF) and p.first == 1 else "في"
        return f"{lead} {self.period_name(p)}"

    def area_phrase(self, name, level):
        prefix = {
            "province": "مقاطعة",
            "city": "مدينة",
            "commune": "بلدية",
            "ward": "حي",
            "special_zone": "منطقة",
        }
        if level in prefix and not name.startswith(("مقاطعة", "مدينة", "محافظة", "بلدية", "حي", "منطقة")):
            return f"{prefix[level]} {name}"
        return name

    def report_title(self, area: str, p: periods.Period) -> str:
        return f"الوضع الاجتماعي والاقتصادي في {area}، {self.period_name(p)}"

    # -- pieces ----------------------------------------------------------------------------
    def qualified(self, row: IndicatorRow, after_bi: bool = False) -> str:
        amount = self.amount(row.level, row.unit)
        if after_bi:
            return _BI_QUALIFIER.get(row.qualifier, "بـ ") + amount
        return _QUALIFIER.get(row.qualifier, "") + amount

    def change(self, pct: float, full: bool) -> str:
        d = direction(pct)
        if d is Direction.FLAT:
            return "دون تغيير عن نفس الفترة"
        if full:
            word = "بزيادة قدرها" if d is Direction.UP else "بانخفاض قدره"
            return f"{word} {self.pct(pct)} عن نفس الفترة"
        return f"{'بزيادة' if d is Direction.UP else 'بانخفاض'} {self.pct(pct)}"

    def plan(self, row: IndicatorRow, pos: PlanPosition) -> str:
        text = f"أي ما يعادل {self.pct(row.plan_pct)} من الخطة"
        if row.central_pct is not None:
            text = (
                f"أي ما يعادل {self.pct(row.plan_pct)} من التقديرات التي أقرها مجلس الشعب للمقاطعة "
                f"و{self.pct(row.central_pct)} من التقديرات التي حددتها الحكومة المركزية"
            )
        if pos is PlanPosition.EXCEEDED:
            text += "، متجاوزةً بذلك الخطة" if self.gender(row.indicator) == F else "، متجاوزًا بذلك الخطة"
        elif pos is PlanPosition.REACHED:
            text += "، محققةً بذلك الخطة" if self.gender(row.indicator) == F else "، محققًا بذلك الخطة"
        elif pos is PlanPosition.SHORT:
            text += "، دون الخطة المحددة"
        return text

    def verb(self, code: str, masc: str, fem: str) -> str:
        return fem if self.gender(code) == F else masc

    # -- sentences -------------------------------------------------------------------------
    def indicator_sentence(self, row, period, area, plan):
        name = self.indicator(row.indicator)
        if area:
            name += " " + _li(area)
        when = self.period_phrase(period)
        tail: list[str] = []
        if row.level is not None:
            if row.status == "estimate":
                verb = self.verb(row.indicator, "يُقدَّر", "تُقدَّر")
                head = f"{verb} {name} {when} {self.qualified(row, after_bi=True)}"
            else:
                verb = self.verb(row.indicator, "بلغ", "بلغت")
                head = f"{verb} {name} {when} {self.qualified(row)}"
            if row.plan_pct is not None and plan is not None:
                tail.append(self.plan(row, plan))
            if row.yoy_pct is not None:
                tail.append(self.change(row.yoy_pct, full=True))
            body = "، ".join([head, *tail])
        elif row.yoy_pct is not None:
            d = direction(row.yoy_pct)
            if d is Direction.FLAT:
                body = f"{self.verb(row.indicator, 'ظل', 'ظلت')} {name} {when} دون تغيير عن نفس الفترة"
            else:
                verb = (
                    self.verb(row.indicator, "نما", "نمت")
                    if d is Direction.UP
                    else self.verb(row.indicator, "انخفض", "انخفضت")
                )
                body = f"{verb} {name} {when} بنسبة {self.pct(row.yoy_pct)} عن نفس الفترة"
            if row.plan_pct is not None and plan is not None:
                body += "، " + self.plan(row, plan)
        elif row.plan_pct is not None and plan is not None:
            body = (
                f"{self.verb(row.indicator, 'بلغ', 'بلغت')} {name} {when} {self.pct(row.plan_pct)} من الخطة"
            )
        else:
            return ""
        return body + "."

    def parts_sentence(self, parts):
        clauses = []
        for r in parts:
            name = self.part(r.indicator)
            bits = [f"{name} {self.qualified(r)}"] if r.level is not None else [name]
            if r.yoy_pct is not None:
                bits.append(self.change(r.yoy_pct, full=False))
            if len(bits) > 1 or r.level is not None:
                clauses.append("، ".join(bits))
        if not clauses:
            return ""
        return "منها، بلغت " + "؛ و".join(clauses) + "."

    def shares_sentence(self, parent, parts, period, area):
        items = [f"{self.sector(r.indicator)} {self.pct(r.share_pct)}" for r in parts]
        if not items:
            return ""
        return (
            f"من حيث هيكل {self.indicator(parent.indicator)} {self.period_phrase(period)}، شكّل "
            + "، و".join(items)
            + "."
        )

    def contributions_sentence(self, parent, ordered, period, area):
        up = [c for c in ordered if c.pp >= 0]
        down = [c for c in ordered if c.pp < 0]
        parts: list[str] = []
        if up:
            first = up[0]
            text = (
                f"وكان {self.sector(first.row.indicator)} المحرك الرئيسي للنمو {self.period_phrase(period)}، "
                f"إذ ساهم بـ {self.num(first.pp)} نقطة مئوية"
            )
            for c in up[1:]:
                text += f"؛ وساهم {self.sector(c.row.indicator)} بـ {self.num(c.pp)} نقطة مئوية"
            parts.append(text)
        for c in down:
            parts.append(
                f"في حين أدى تراجع {self.sector(c.row.indicator)} إلى خفض النمو بمقدار {self.num(abs(c.pp))} نقطة مئوية"
            )
        if not parts:
            return ""
        return "؛ ".join(parts) + "."

    def _target_value(self, t: TargetRow) -> str:
        amount = self.pct(t.value) if t.measure != "level" else self.amount(t.value, t.unit)
        if t.qualifier == "at_least":
            return f"{amount} على الأقل"
        return _QUALIFIER.get(t.qualifier, "") + amount

    def target_sentence(self, t: TargetRow):
        name = self.indicator(t.indicator)
        if t.basis == "central":
            target = f"تقديرات الحكومة المركزية {_li(name)} لعام {t.period} البالغة {self._target_value(t)}"
        elif t.measure == "yoy_pct":
            target = f"هدف نمو {name} لعام {t.period} البالغ {self._target_value(t)}"
        else:
            target = f"هدف {name} لعام {t.period} البالغ {self._target_value(t)}"
        fem = t.basis == "central"  # تقديرات: a feminine plural
        if t.status == "met":
            return f"{'تحققت' if fem else 'تحقق'} {target}."
        if t.status == "missed":
            return f"{'لم تتحقق' if fem else 'لم يتحقق'} {target}."
        if t.needed is None:
            return f"لا يزال يتعين تحقيق {target}."
        rest = self.period_name(periods.parse(t.remaining_period)) if t.remaining_period else "بقية العام"
        if t.measure == "yoy_pct":
            need = f"نموًا بنسبة {self.pct(t.needed)} في {rest}"
        else:
            need = f"{self.amount(t.needed, t.unit)} إضافية في {rest}"
        verdict = self.verdict_aside(t.status)
        return f"يتطلب تحقيق {target} {need}{verdict}."

    def directives_intro(self, n, period, announced, counts):
        when = f" {_li(self.period_name(period))}" if period else ""
        if announced:
            head = f"حددت اللجنة الشعبية للمقاطعة {_tasks(announced)}{when}، أبرزها ما يلي"
        else:
            head = f"تم تحديد {_tasks(n)}{when}"
        summary = self.status_counts(counts)
        if summary:
            head += f" ({summary})"
        return head + ":"

    def date(self, d):
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"

    def place_date(self, place, d):
        return f"{place}، في {self.date(d)}"

    def issuing_body(self, area, level):
        return self.form("default_issuer", area=_li(area))

    def part_title(self, part, next_period):
        when = _li(self.period_name(next_period)) if next_period else self.form("next_period")
        return self.form(f"part_{part}", period=when)

    def follow_up_sentence(self, as_of, period, totals):
        total = totals.get("total", 0)
        if not total:
            return ""
        parts = [
            f"{_count(totals[k], 'مهمة', 'مهام', 'مهمتان')} {w}"
            for k, w in (
                ("done_on_time", "أُنجزت في موعدها"),
                ("done_late", "أُنجزت بعد موعدها"),
                ("within_deadline", "قيد التنفيذ ضمن الموعد"),
                ("overdue", "تجاوزت موعدها"),
            )
            if totals.get(k)
        ]
        return (
            f"حتى {self.date(as_of)}، ومن أصل {_tasks(total)} أُسندت إلى الجهات {_li(self.period_name(period))}، "
            + "، و".join(parts)
            + "."
        )

    def ordinal(self, n: int) -> str:
        """ "المرتبة الأولى" ... "العاشرة", then "المرتبة 11"."""
        return f"المرتبة {_ORDINALS[n - 1]}" if 1 <= n <= len(_ORDINALS) else f"المرتبة {n}"

    def standing_sentence(self, st, period, area, index):
        name = self.indicator(st.indicator)
        value = self.pct(st.value) if st.measure != "level" else self.num(st.value)
        if index == 0:
            if st.measure == "yoy_pct":
                what = f"{'بانخفاض' if st.value < 0 else 'بنمو'} {name} بنسبة {value}"
            else:
                what = f"ببلوغ {name} {value}"
            among = (
                f"بين المقاطعات والمدن الـ{st.of}"
                if st.of >= st.provinces
                else f"بين المقاطعات والمدن الـ{st.of} التي تتوفر أرقامها {_li(self.period_name(period))}"
            )
            text = f"{what}، احتلت {area} {self.ordinal(st.rank)} {among}"
        else:
            opening, verb = (("وفي", "جاءت"), ("أما في", "فقد جاءت"), ("وكذلك في", "جاءت"))[(index - 1) % 3]
            growth = "نمو " if st.measure == "yoy_pct" else ""
            text = f"{opening} {growth}{name} ({value})، {verb} في {self.ordinal(st.rank)} من أصل {st.of}"
        if st.region and st.region_rank:
            text += (
                f"، و{self.ordinal(st.region_rank)} بين مقاطعات {self.region(st.region)} الـ{st.region_of}"
            )
        if st.national is not None:
            national = self.pct(st.national) if st.measure != "level" else self.num(st.national)
            text += f"؛ وبلغ الرقم على المستوى الوطني {national}"
        return text + "."

    def lagging_sentence(self, lag, period):
        name = self.indicator(lag.indicator)
        measure = "نسبة ما تحقق من الخطة السنوية" if lag.measure == "plan_pct" else "النمو عن نفس الفترة"
        listed = "، و".join(f"{c.name.get('ar')} ({self.pct(c.value)})" for c in lag.communes[:5])
        return (
            f"من بين البلديات والأحياء الـ{lag.count} التي تتوفر أرقامها {_li(self.period_name(period))}، "
            f"كانت الأكثر تأخرًا في {name} ({measure}؛ المتوسط {self.pct(lag.reference)}): {listed}."
        )

    def conclusions_intro(self, n):
        return "وفي ختام الاجتماع، طلب رئيس الاجتماع ما يلي:" if n else ""

    def difficulties_intro(self, n):
        return "ومع ذلك، لا تزال هناك بعض الصعوبات والقيود، منها:" if n else ""

    def recommendations_intro(self, n):
        return "قدّم قادة البلديات والأحياء توصيات تتعلق بما يلي:" if n else ""

    def no_figures(self, period):
        return f"لم تُسجَّل أي أرقام {self.period_phrase(period)}."


LANGUAGE = Arabic()
