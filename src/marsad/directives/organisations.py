"""The units that act, created from the areas: idempotent and in bulk.

Per current province: its People's Committee, its Party Committee and a standard list of
provincial departments and agencies (the 2025 structure). Per current commune/ward/special
zone: its People's Committee. Plus the Government at the nation.

Codes: ``GOV`` ; ``VN-24-PC`` , ``VN-24-PARTY`` , ``VN-24-FIN`` (department key) ;
``VN-24-07420-PC`` for a commune's People's Committee.
"""

from __future__ import annotations

import re

from django.db import transaction

from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot

from .models import Organisation

# (key, Vietnamese, English, Arabic). The Vietnamese name is followed by the province's name.
DEPARTMENTS: tuple[tuple[str, str, str, str], ...] = (
    ("OFFICE", "Văn phòng Ủy ban nhân dân", "Office of the People's Committee", "مكتب اللجنة الشعبية"),
    ("FIN", "Sở Tài chính", "Department of Finance", "إدارة المالية"),
    ("MOIT", "Sở Công Thương", "Department of Industry and Trade", "إدارة الصناعة والتجارة"),
    (
        "AGRI",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        "إدارة الزراعة والبيئة",
    ),
    ("CONS", "Sở Xây dựng", "Department of Construction", "إدارة البناء"),
    ("HOME", "Sở Nội vụ", "Department of Home Affairs", "إدارة الشؤون الداخلية"),
    ("SCI", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "إدارة العلوم والتكنولوجيا"),
    ("EDU", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "إدارة التعليم والتدريب"),
    ("HEALTH", "Sở Y tế", "Department of Health", "إدارة الصحة"),
    (
        "CULT",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "إدارة الثقافة والرياضة والسياحة",
    ),
    ("JUST", "Sở Tư pháp", "Department of Justice", "إدارة العدل"),
    (
        "ETHNIC",
        "Sở Dân tộc và Tôn giáo",
        "Department of Ethnic and Religious Affairs",
        "إدارة شؤون الأقليات العرقية والأديان",
    ),
    ("FOREIGN", "Sở Ngoại vụ", "Department of Foreign Affairs", "إدارة الشؤون الخارجية"),
    ("INSPECT", "Thanh tra", "Provincial Inspectorate", "هيئة التفتيش"),
    ("STAT", "Thống kê", "Statistics Office", "مكتب الإحصاء"),
    ("POLICE", "Công an", "Police", "الشرطة"),
    ("MILITARY", "Bộ Chỉ huy Quân sự", "Military Command", "القيادة العسكرية"),
)

GOVERNMENT_CODE = "GOV"


def peoples_committee_code(area: Area) -> str:
    return f"{area.code}-PC"


def party_committee_code(area: Area) -> str:
    return f"{area.code}-PARTY"


def department_code(area: Area, key: str) -> str:
    return f"{area.code}-{key}"


def _vi_place(area: Area) -> str:
    """'tỉnh Bắc Ninh', 'thành phố Hà Nội', 'phường Kinh Bắc' from the area's Vietnamese name."""
    name = area.name_vi.strip()
    lowered = name.lower()
    for prefix in ("tỉnh ", "thành phố ", "xã ", "phường ", "đặc khu ", "thị trấn "):
        if lowered.startswith(prefix):
            return prefix + name[len(prefix) :]
    kind = (area.kind or "").lower()
    word = {
        "city": "thành phố",
        "province": "tỉnh",
        "ward": "phường",
        "commune": "xã",
        "special zone": "đặc khu",
        "special_zone": "đặc khu",
    }.get(kind)
    if word is None:
        word = "tỉnh" if area.level == Area.Level.PROVINCE else "xã"
    return f"{word} {name}"


def _en_place(area: Area) -> str:
    return area.name_en


_LATIN = re.compile(r"[A-Za-z]")

AR_KIND = {
    "ward": "حي",
    "commune": "بلدية",
    "special zone": "المنطقة الخاصة",
    "special_zone": "المنطقة الخاصة",
}
EN_KIND_SUFFIXES = (" Ward", " Commune", " Special Zone", " Special zone")


def _ar_place(area: Area) -> str:
    """The Arabic name, or for units without one (most communes) an Arabic kind + Latin name."""
    if area.name_ar:
        return area.name_ar
    name = area.name_en
    word = AR_KIND.get((area.kind or "").lower())
    if word:
        for suffix in EN_KIND_SUFFIXES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        return f"{word} {name}"
    return name


def units_for_province(area: Area) -> list[Organisation]:
    vi, en, ar = _vi_place(area), _en_place(area), _ar_place(area)
    units = [
        Organisation(
            code=peoples_committee_code(area),
            kind=Organisation.Kind.PEOPLES_COMMITTEE,
            area=area,
            name_vi=f"Ủy ban nhân dân {vi}",
            name_en=f"People's Committee of {en}",
            name_ar=f"اللجنة الشعبية في {ar}",
        ),
        Organisation(
            code=party_committee_code(area),
            kind=Organisation.Kind.PARTY_COMMITTEE,
            area=area,
            name_vi=f"Tỉnh ủy {area.name_vi}"
            if not vi.startswith("thành phố")
            else f"Thành ủy {area.name_vi}",
            name_en=f"Party Committee of {en}",
            name_ar=f"لجنة الحزب في {ar}",
        ),
    ]
    for key, name_vi, name_en, name_ar in DEPARTMENTS:
        units.append(
            Organisation(
                code=department_code(area, key),
                kind=Organisation.Kind.DEPARTMENT,
                area=area,
                name_vi=f"{name_vi} {vi}",
                name_en=f"{name_en}, {en}",
                name_ar=f"{name_ar} في {ar}",
            )
        )
    return units


def unit_for_commune(area: Area) -> Organisation:
    vi = _vi_place(area)
    return Organisation(
        code=peoples_committee_code(area),
        kind=Organisation.Kind.PEOPLES_COMMITTEE,
        area=area,
        name_vi=f"Ủy ban nhân dân {vi}",
        name_en=f"People's Committee of {_en_place(area)}",
        name_ar=f"اللجنة الشعبية في {_ar_place(area)}",
    )


def government(nation: Area) -> Organisation:
    return Organisation(
        code=GOVERNMENT_CODE,
        kind=Organisation.Kind.GOVERNMENT,
        area=nation,
        name_vi="Chính phủ",
        name_en="Government",
        name_ar="الحكومة",
    )


@transaction.atomic
def create_organisations() -> dict[str, int]:
    """Create every missing unit for the current areas; return how many were created and exist."""
    areas = Area.objects.current().filter(
        level__in=(Area.Level.NATION, Area.Level.PROVINCE, Area.Level.COMMUNE)
    )
    wanted: list[Organisation] = []
    for area in areas.iterator(chunk_size=2000):
        if area.level == Area.Level.NATION:
            wanted.append(government(area))
        elif area.level == Area.Level.PROVINCE:
            wanted.extend(units_for_province(area))
        else:
            wanted.append(unit_for_commune(area))
    existing = dict(Organisation.objects.values_list("code", "name_ar"))
    missing = [o for o in wanted if o.code not in existing]
    Organisation.objects.bulk_create(missing, batch_size=1000)
    # Arabic names made before the communes had Arabic names carry Latin letters ("حي Bac Giang"):
    # give them the Arabic name now; names edited by hand (in Arabic letters) are left alone.
    latin = {code for code, name in existing.items() if _LATIN.search(name or "")}
    renamed = [o for o in wanted if o.code in latin and not _LATIN.search(o.name_ar)]
    if renamed:
        pks = dict(Organisation.objects.filter(code__in=[o.code for o in renamed]).values_list("code", "pk"))
        for o in renamed:
            o.pk = pks[o.code]
        stored = Organisation.objects.filter(pk__in=pks.values())
        before = {o.pk: snapshot(o, Organisation.AUDITED_FIELDS) for o in stored}
        Organisation.objects.bulk_update(renamed, ["name_ar"], batch_size=1000)
        # Recorded like any rename: the pages that keep a unit's name cached see the new one.
        record_changes(
            [(o, "update", before[o.pk], {**before[o.pk], "name_ar": o.name_ar}) for o in renamed],
            source="create_organisations",
        )
    return {"created": len(missing), "renamed": len(renamed), "total": Organisation.objects.count()}


def find_unit(text: str) -> Organisation:
    """A unit by code or by a name in any language (exact, then contained, case-insensitive)."""
    from django.db.models import Q

    text = (text or "").strip()
    unit = Organisation.objects.filter(code__iexact=text).first()
    if unit:
        return unit
    exact = Q(name_en__iexact=text) | Q(name_vi__iexact=text) | Q(name_ar=text)
    unit = Organisation.objects.filter(exact).first()
    if unit:
        return unit
    partial = Organisation.objects.filter(
        Q(name_en__icontains=text) | Q(name_vi__icontains=text) | Q(name_ar__contains=text)
    )
    found = list(partial[:2])
    if len(found) == 1:
        return found[0]
    hint = "several units match" if found else "no unit matches"
    raise Organisation.DoesNotExist(f"{hint} {text!r}; give a code such as VN-24-PC or VN-24-FIN")


# The name `marsad init` looks for.
load_organisations = create_organisations
