"""Arabic names of the communes: one rule, stored as data, overridable by hand."""

from __future__ import annotations

import json
import re

import pytest

from marsad.core import gazetteer
from marsad.core.transliteration import commune_name, vi_to_ar

ARABIC_ONLY = re.compile(r"^[\u0600-\u06ff0-9 \-]+$")


@pytest.mark.parametrize(
    ("vi", "ar"),
    [
        ("Bắc Giang", "باك جيانج"),
        ("Bắc Ninh", "باك نينه"),
        ("Quang Ninh", "كوانج نينه"),
        ("Điện Biên", "ديان بيان"),
        ("Cần Thơ", "كان ثو"),
        ("An Giang", "آن جيانج"),
        ("Nguyễn Phích", "نجوين فيك"),
        ("Hà Giang 1", "ها جيانج 1"),
        ("Văn Miếu - Quốc Tử Giám", "فان مياو - كوك تو جيام"),
        ("Ea H'Leo", "إيا هليو"),
    ],
)
def test_vietnamese_names_in_arabic_letters(vi, ar):
    assert vi_to_ar(vi) == ar


def test_the_unit_type_is_translated():
    assert commune_name("Bắc Giang", "ward") == "حي باك جيانج"
    assert commune_name("Vụ Bổn", "commune") == "بلدية فو بون"
    assert commune_name("Phú Quốc", "special_zone") == "منطقة خاصة فو كوك"


def test_the_rule_agrees_with_the_press_on_most_provinces():
    """The hand-made province names (the press's spellings) are the check on the rule."""
    names = json.loads(gazetteer._NAMES_FILE.read_text(encoding="utf-8"))
    g = gazetteer.load_gazetteer()
    pairs = [
        (g.get(c).name_vi, v["ar"]) for c, v in names.items() if v.get("ar") and g.get(c).level == "province"
    ]
    same = sum(vi_to_ar(vi) == ar for vi, ar in pairs)
    assert len(pairs) > 90 and same / len(pairs) >= 0.8, (same, len(pairs))


def test_every_commune_has_an_arabic_and_an_english_name():
    communes = [r for r in gazetteer.load_gazetteer().all() if r.level == "commune"]
    assert len(communes) == 3321
    not_arabic = [r.code for r in communes if not ARABIC_ONLY.match(r.name_ar)]
    assert not not_arabic, not_arabic[:10]
    assert all(r.name_en.endswith((" Ward", " Commune", " Special Zone")) for r in communes)


def test_the_stored_names_are_the_rule_s(monkeypatch):
    """commune_names_ar.json is what scripts/commune_names_ar.py writes: re-run it after a rule change."""
    stored = json.loads(gazetteer._COMMUNES_AR_FILE.read_text(encoding="utf-8"))
    kind_vi = {kind: vi for vi, kind in gazetteer._WARD_KINDS.items()}
    g = gazetteer.build_gazetteer()
    for code, name in stored.items():
        rec = g.get(code)
        assert name == commune_name(rec.name_vi.removeprefix(kind_vi[rec.kind]).strip(), rec.kind), code


def test_a_name_made_by_hand_wins(monkeypatch):
    names = json.loads(gazetteer._NAMES_FILE.read_text(encoding="utf-8"))
    code = "VN-24-07210"
    names[code] = {"ar": "حي اسم مختار", "en": "Chosen Name Ward"}
    rec = gazetteer.build_gazetteer(names=names).get(code)
    assert (rec.name_ar, rec.name_en) == ("حي اسم مختار", "Chosen Name Ward")
