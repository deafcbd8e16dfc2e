"""The document form around a report's text, as Decree 30/2020/NĐ-CP lays out an administrative
report, in the report's language: letterhead (body above the issuer, issuing body, number and
symbol) beside the national motto, place and date, the document's kind and title, and at the end
the distribution list beside the signature block.

Plain data for the renderers: each of HTML, PDF and DOCX draws the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.core import periods
from marsad.core.narration.data import ReportData, Text, default_as_of
from marsad.core.narration.narrate import language


@dataclass(frozen=True, slots=True)
class Letterhead:
    parent_body: str  # may be empty: a People's Committee has no body above it on the letterhead
    issuing_body: str
    number: str
    motto: tuple[str, str]
    place_date: str
    kind: str
    title: str
    as_of_note: str


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    recipients_label: str
    recipients: tuple[str, ...]
    authority: str
    title: str
    name: str


def _text(value: Text | None, lang: str) -> str:
    return value.get(lang).strip() if value is not None else ""


def _same_language(value: Text | None, lang: str) -> str:
    """A setting in the report's language only: a letterhead does not mix languages."""
    return (value.texts.get(lang) or "").strip() if value is not None else ""


def letterhead(data: ReportData, lang: str) -> Letterhead:
    L = language(lang)
    form = data.form
    period = periods.parse(data.period)
    as_of = data.as_of or default_as_of(period)
    area = L.area_phrase(data.area_name(lang), data.area_level)
    place = _same_language(form.place, lang) or data.area_name(lang)
    return Letterhead(
        parent_body=_same_language(form.parent_body, lang),
        issuing_body=_same_language(form.issuing_body, lang) or L.issuing_body(area, data.area_level),
        number=L.number_line(form.number, form.symbol),
        motto=(L.form("motto_1"), L.form("motto_2")),
        place_date=L.place_date(place, as_of),
        kind=L.form("kind"),
        title=L.report_title(area, period),
        as_of_note=" ".join(filter(None, (L.form("as_of", date=L.date(as_of)), boundary_note(data, lang)))),
    )


def boundary_note(data: ReportData, lang: str) -> str:
    """What the figures cover when the province did not yet exist for the whole period: a
    province merged on 1 July 2025 reporting a period that began before is on today's boundaries
    ("Figures are on the boundaries of Khanh Hoa province since 1 July 2025, including the
    former Ninh Thuan province."). Empty otherwise; the name alone then says it."""
    from marsad.core.gazetteer import fold, load_gazetteer

    gazetteer = load_gazetteer()
    rec = gazetteer.get(data.area_code or "")
    period = periods.parse(data.period)
    if rec is None or rec.level != "province" or rec.valid_from is None or period.start >= rec.valid_from:
        return ""
    others = [p for p in gazetteer.predecessors(rec.code) if fold(p.name_en) != fold(rec.name_en)]
    if not others:
        return ""
    L = language(lang)
    return L.form(
        "boundary",
        area=L.area_phrase(data.area_name(lang), data.area_level),
        date=L.date(rec.valid_from),
        former=L.list_of([L.area_phrase(p.name(lang), "province") for p in others]),
    )


def signature_block(data: ReportData, lang: str) -> SignatureBlock:
    L = language(lang)
    form = data.form
    given = _same_language(form.recipients, lang)
    recipients = tuple(line.strip() for line in given.splitlines() if line.strip())
    return SignatureBlock(
        recipients_label=L.form("recipients"),
        recipients=(*recipients, L.form("archive")),
        authority=_same_language(form.signer_authority, lang) or L.form("default_authority"),
        title=_same_language(form.signer_title, lang) or L.form("default_title"),
        # A person's name is written as they write it: the Arabic form when there is one.
        name=_text(form.signer_name, lang),
    )
