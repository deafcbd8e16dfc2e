"""The reading pipeline: the dimensions once over the document, then sentence by sentence.

1. The document: its address (first line), how it writes numbers (:func:`.quantity.separator_habit`),
   its periods and year (:mod:`.timeframes`), the places it names (:mod:`.areas`), when it was
   published, which place and period it is about.
2. Tables printed one cell per line (:mod:`.tables`), then each sentence (:class:`.attach.Reader`).
3. The whole: a figure for a period that had not begun when the text was published is a plan
   (a target); repeats go; areas are taken as they were in each figure's period.
4. Directives, difficulties and recommendations (:mod:`.sections`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from datetime import date

from marsad.core import periods as P
from marsad.core.numbers import to_ascii_digits

from . import sections, tables
from .areas import (
    DATELINE,
    NATION,
    AreaMention,
    area_in_time,
    areas_in_url,
    district_in_url,
    find_areas,
    lookup_area,
)
from .attach import Reader, SentenceState
from .grammar import Grammar
from .model import AreaRef, Extraction, Fact
from .quantity import separator_habit, spell_out
from .text import paragraphs, sentences
from .timeframes import CURRENT, PeriodMention, find_periods, infer_year, url_periods

__all__ = ["read"]

_URL_LINE = re.compile(r"\s*(https?://\S+)\s*(?:\n|$)")


def read(text: str, g: Grammar, area: str | None, year: int | None, url: str | None = None) -> Extraction:
    norm, spelled = spell_out(to_ascii_digits(text), g)
    result = Extraction(language=g.lang)
    result.rules |= spelled
    url_m = _URL_LINE.match(text[:3000])
    if url_m:
        result.source_url = url_m.group(1)
    elif url and url.strip():
        result.source_url = url.strip()  # an archive record's address, outside its text
    habit = separator_habit(norm, g.lang)
    area_mentions = find_areas(text, g)
    mentions, filed = _outside_datelines(find_periods(norm, g), area_mentions)
    aims = _aims(text, g)
    doc_year = infer_year(text, mentions, aims, norm=norm)
    if year is not None and not any(p.year for p in mentions if p.role == CURRENT and p.codable):
        doc_year = year
    doc_area = _document_area(_subjects(text, g, area_mentions), result.source_url, area)
    national = g.find(text, "national_source")
    if doc_area is None and national and not any(m.kind == "province_ref" for m in area_mentions):
        doc_area = NATION  # a national office's figures, no province in sight
        result.rules.add(national[0].name)
    caption_spans = captions(text)
    related = related_links(text, g)
    aside_spans = caption_spans + [(a, b) for a, b, _rule in related]
    doc_period = _document_period(
        [p for p in mentions if not any(a <= p.start < b for a, b in aside_spans)],
        text,
        doc_year,
        result.source_url,
        aims,
        g,
    )
    result.area, result.year = doc_area, doc_year
    published = publication_date(text, result.source_url) or filed
    mentions = _months_ago(mentions, published, doc_period, doc_year)
    reader = Reader(text, norm, g, habit, mentions, area_mentions, doc_year, doc_area, doc_period)
    reader.published = published

    skip_spans = tables.read_tables(reader)
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    state = SentenceState()
    if url_m:
        skip_spans.append(url_m.span(1))  # the address is read for its place and period, not its figures
    reader.title_end = _title_end(text, url_m.end() if url_m else 0)
    skip_spans += caption_spans  # a photo's caption repeats (or rounds) the story's figures
    for a, b, rule in related:
        skip_spans.append((a, b))
        result.rules.add(rule)
    spans = []
    for s, e in sentences(text):
        if s < reader.title_end < e:  # a headline is a sentence of its own, however it ends
            spans += [(s, reader.title_end), (reader.title_end, e)]
        else:
            spans.append((s, e))
    # The skipped spans that can move a sentence's start: those overlapping it (the sentences come
    # in order, so one sweep finds them), tried in their own order as a pass over all would.
    by_start = sorted(range(len(skip_spans)), key=lambda k: skip_spans[k][0])
    pending, active = 0, []
    for s, e in spans:
        while pending < len(by_start) and skip_spans[by_start[pending]][0] < e:
            active.append(by_start[pending])
            pending += 1
        active = [k for k in active if skip_spans[k][1] > s]
        for k in sorted(active):
            a, b = skip_spans[k]
            if a <= s < b:
                s = b  # the sentence goes on after the address or caption line
        if s >= e or not text[s:e].strip():
            continue
        para = bisect_right(para_starts, s) - 1
        if para != state.paragraph:
            _list_heading(text, paras, para, state, g, result)
            state.paragraph = para
            if state.heading_period is not None:
                state.period = state.heading_period  # a line of the list under a heading
            elif state.period is None or state.period.kind != "holiday":
                state.period = None  # a new paragraph speaks of the document's period again
            state.target_block = state.target_block and _short(text, paras, para)
        reader.read_sentence(s, e, state)

    facts, targets = reader.facts, reader.targets
    facts, targets = _plans_are_targets(facts, targets, reader.published)
    facts, targets = _written(facts), _written(targets)
    result.facts = _dedupe(facts)
    result.targets = _dedupe(targets)
    result.reporting_period = _reporting_period(result.facts, doc_period, doc_year)
    _areas_in_time(result)
    sections.read_sections(reader, result)
    result.rules |= reader.fired
    result.rules |= {p.role_rule for p in mentions if p.role_rule}
    result.rules |= {p.rule for p in mentions if p.kind == "date"}  # a date is no period
    if doc_period is not None and doc_period.rule != "url":
        result.rules.add(doc_period.rule)  # the rule that read the period the text is about
    return result


_IMAGE_LINE = re.compile(r"^[^\n]*\.(?:jpe?g|png|webp|gif)\s*$", re.I | re.M)
_CAPTION = re.compile(
    r"(?:Ảnh|Photo|Nguồn ảnh|تصوير|صورة)\s*:\s*[^\n.]{0,40}\.?\s*$|\((?:Photo|Ảnh)[^)]*\)\s*$", re.I | re.M
)


def captions(text: str) -> list[tuple[int, int]]:
    """Spans of photo captions: a line signed "Ảnh: ...", "Photo: ...", "تصوير: ...", or the line
    under an image's file name."""
    out = []
    for m in _CAPTION.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        out.append((line_start, m.end()))
    for m in _IMAGE_LINE.finditer(text):
        nxt = text.find("\n", m.end() + 1)
        out.append((m.start(), nxt if nxt != -1 else len(text)))
    return out


def related_links(text: str, g: Grammar) -> list[tuple[int, int, str]]:
    """(start, end, rule) of each box of links to other stories: a line that only says so ("Tin
    liên quan", "Related news", "أخبار ذات صلة") and the headlines under it, up to the first line
    that reads as the story's text again (a box can stand in the middle of a page). The figures
    in those headlines are the other stories'."""
    out: list[tuple[int, int, str]] = []
    for m in g.find(text, "related"):
        line_start = text.rfind("\n", 0, m.start) + 1
        if out and line_start < out[-1][1]:
            continue  # a word of a box already skipped
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end == -1 else line_end
        rest = text[m.end : line_end]
        if text[line_start : m.start].strip():
            continue
        if rest.strip(" \t:：-–") and not (
            # "Xem thêm: Hải Phòng đặt mục tiêu hút 3 tỷ USD FDI", "Related: ...": the link on the word's line
            rest.lstrip(" \t").startswith((":", "：")) and _reads_as_headline(rest.lstrip(" \t:："))
        ):
            continue
        end = line_end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt == -1 else nxt
            line = text[end + 1 : nxt]
            if line.strip() and not _reads_as_headline(line):
                break
            end = nxt
        out.append((line_start, end, m.name))
    return out


def _reads_as_headline(line: str) -> bool:
    """A line that is a headline, not the story's text: short, with no full stop at its end."""
    line = line.strip()
    return 8 <= len(line) <= 160 and not line.endswith(_SENTENCE_ENDS)


_SENTENCE_ENDS = (".", "。", "!", "?", "؟")


def _title_end(text: str, start: int) -> int:
    """The end of the page's title: its first line when that reads as a headline (short, no
    full stop), else ``start``."""
    m = re.match(r"\s*([^\n]+)\n", text[start : start + 400])
    if m and _reads_as_headline(m.group(1)):
        return start + m.end(1)
    return start


def _list_heading(text: str, paras, para: int, state: SentenceState, g: Grammar, result: Extraction) -> None:
    """A heading line that names a period and opens a list ("Một số chỉ tiêu chủ yếu 9 tháng năm
    2024:", "Key figures of the year:"; rules of kind ``list_heading``) gives that period to the
    short lines under it, up to the first line that is no item of a list."""
    prev = state.paragraph
    if 0 <= prev < len(paras) and prev == para - 1:
        a, b = paras[prev]
        if state.period is not None and state.period.codable and b - a <= 120:
            for rule, pattern in g.regexes("list_heading"):
                m = pattern.search(text, a, b)
                if m is not None and not text[m.end() : b].strip():
                    state.heading_period = state.period
                    result.rules.add(rule.name)
                    return
    if state.heading_period is not None and not _list_item(text, paras, para):
        state.heading_period = None


def _list_item(text: str, paras, i: int) -> bool:
    """A line of a list: short, and a bullet or no sentence ending in a full stop."""
    if not _short(text, paras, i):
        return False
    line = text[paras[i][0] : paras[i][1]].strip()
    return bool(re.match(r"(?:[-–•+*]|\d{1,2}[.)])\s", line)) or not line.endswith((".", "!", "?", "。"))


def _short(text: str, paras, i: int) -> bool:
    """A short paragraph (a line of a list) lets a list of targets go on."""
    if i < 0 or i >= len(paras):
        return False
    s, e = paras[i]
    return e - s <= 200


# -- the document --------------------------------------------------------------------------------
def _subjects(text: str, g: Grammar, mentions: list[AreaMention]) -> list[AreaMention]:
    """The mentions that can be what the text is about: not the country a province is ranked in
    or compared with ("the highest in the country", "đứng thứ 5 cả nước")."""
    cues = [c.end for c in g.find(text, "comparative", "rank")]
    if not cues:
        return mentions
    out = []
    for m in mentions:
        i = bisect_right(cues, m.start) - 1
        if m.kind == "nation" and i >= 0 and m.start - cues[i] <= 40:
            continue
        out.append(m)
    return out


def _document_area(mentions: list[AreaMention], url: str | None, hint: str | None) -> AreaRef | None:
    """The place the text is about: one named in its address's path (a province, else a district
    named with its unit word, "huyen-tuan-giao"), else the province it names most (a round-up
    naming many once is national), else its site's province, else the hint."""
    in_path, in_host = areas_in_url(url)
    provinces = [p for p in in_path if p != NATION]
    if provinces:
        return provinces[0]
    district = district_in_url(url)
    if district is not None:
        return district
    counts = Counter(m.area for m in mentions if m.area is not None and m.area != NATION)
    nation = sum(1 for m in mentions if m.area == NATION)
    # "the province", "toàn tỉnh": a provincial story, whatever the country's mentions
    provincial = sum(1 for m in mentions if m.kind == "province_ref") >= 2
    if counts:
        (best, n), *rest = counts.most_common()
        if n >= 2 or not rest:
            if nation > n and not (provincial and not rest):
                return NATION
            return best
        if rest and n == 1:
            return NATION  # a round-up of provinces
    if in_host:
        return in_host[0]
    if hint:
        hinted = lookup_area(hint)
        if hinted is not None:
            return hinted
    if nation or NATION in in_path:
        return NATION
    return None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _aims(text: str, g: Grammar) -> list[int]:
    """Where target words are, but those of a target named as the yardstick a result beat
    ("نما ... في عام 2024، متجاوزا الهدف البالغ 6-6.5%", "exceeding the target of"): that
    sentence reports the year's result."""
    beaten = [c.end for c in g.find(text, "exceed")]
    return [m.start for m in g.find(text, "target") if not any(0 <= m.start - b <= 3 for b in beaten)]


def _in_target_sentence(text: str, p: PeriodMention, aims: list[int]) -> bool:
    """Whether a target word ("targets", "phấn đấu") is in the sentence of ``p``."""
    i = bisect_right(aims, p.start)
    before = aims[i - 1] if i > 0 else None
    after = aims[i] if i < len(aims) else None
    if before is not None and not _SENTENCE_END.search(text, before, p.start):
        return True
    return after is not None and not _SENTENCE_END.search(text, p.end, after)


def _document_period(
    mentions: list[PeriodMention],
    text: str,
    year: int | None,
    url: str | None,
    aims: list[int] = (),
    g: Grammar | None = None,
) -> PeriodMention | None:
    """The period the text mostly reports on (its address and title count more)."""
    votes: Counter[str] = Counter()
    first: dict[str, PeriodMention] = {}
    for kind, n, y in url_periods(url):
        p = PeriodMention(0, 0, kind, n, y, CURRENT, None, "url")
        code = p.resolve(year)
        if code:
            votes[code] += 3
            first.setdefault(code, p)
    title_end = text.find("\n", 200) if len(text) > 200 else len(text)
    reported = [p for p in mentions if p.role == CURRENT and p.codable]
    # "The province has set a target of 10% growth for the whole year": the period a target is
    # for is not the one the text reports on (unless the text sets targets only).
    results = [p for p in reported if not _in_target_sentence(text, p, aims)]
    for p in results or reported:
        code = p.resolve(year)
        if not code:
            continue
        votes[code] += 3 if p.start < title_end else 1
        first.setdefault(code, p)
    if not votes:
        return None
    # A monthly report gives the month and the months to date: the span to date is the period.
    for code, p in list(first.items()):
        if p.kind == "month" and p.n and p.n > 1:
            span_code = replace(p, kind="ytd").resolve(year) if p.n < 12 else None
            if span_code and span_code in votes:
                votes[span_code] += votes.pop(code)
    joined = _quarter_and_span(reported, text, year, g) if g is not None else None
    if joined is not None and joined[0] in votes and joined[1] in votes:
        # "للربع الثالث والأشهر التسعة الأولى", "quý III và 9 tháng": a report on a quarter and
        # the months to its end; the figures it gives no period of are the span's.
        votes[joined[1]] += votes.pop(joined[0])
        first[joined[1]] = replace(first[joined[1]], rule=joined[2])
    best = max(votes.values())
    tied = [(code, p) for code, p in first.items() if votes[code] == best]
    # "Quý III và 9 tháng": a quarter tied with the months to its end gives way to the span.
    spans = [(code, p) for code, p in tied if p.kind == "ytd"]
    code, p = (spans or tied)[0]
    return replace(p, year=int(code[:4]), relative=None)


def _quarter_and_span(
    mentions: list[PeriodMention], text: str, year: int | None, g: Grammar
) -> tuple[str, str, str] | None:
    """(the quarter's code, the span's code, the rule) when the text names a quarter and the
    months to its end together ("the third quarter and the first nine months")."""
    rules = g.of("period_and")
    if not rules:
        return None
    joiner, _ = g.word_table("period_and")
    between = re.compile(rf"[\s,،]*(?:{joiner})?\s*", re.I)
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (
            a.kind == "quarter"
            and b.kind == "ytd"
            and a.n is not None
            and b.n == 3 * a.n
            and b.n < 12
            and b.start - a.end <= 12
            and between.fullmatch(text, a.end, b.start)
        ):
            quarter, span = a.resolve(year), b.resolve(year)
            if quarter and span and quarter[:4] == span[:4]:
                return quarter, span, rules[0].name
    return None


def _months_ago(
    mentions: list[PeriodMention], published: date | None, doc: PeriodMention | None, year: int | None
) -> list[PeriodMention]:
    """ "in the past month" (kind ``last_month``) is the month before the text was published; with
    no date, the last month of the span the text reports on (a report on the first eight months
    is written in the ninth). Left uncodable when neither is known."""
    if not any(p.kind == "last_month" for p in mentions):
        return mentions
    ref: tuple[int, int] | None = None
    if published is not None:
        ref = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
    elif doc is not None and doc.kind in ("ytd", "month") and doc.n and doc.year_in(year):
        ref = (doc.year_in(year), doc.n)
    if ref is None:
        return mentions
    return [
        replace(p, kind="month", n=ref[1], year=ref[0], relative=None) if p.kind == "last_month" else p
        for p in mentions
    ]


def _reporting_period(facts: list[Fact], doc_period: PeriodMention | None, year: int | None) -> str | None:
    counts = Counter(f.period for f in facts if f.period)
    if counts:
        return counts.most_common(1)[0][0]
    if doc_period is not None:
        return doc_period.resolve(year)
    return str(year) if year else None


_NUMERIC_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)"
_PUBLISHED = [
    # the archive's record line " date 2023-10" or " date 2024-02-15"
    (re.compile(r"^\s*date\s+((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?", re.M), "ymd"),
    # "Đăng ngày 10 - 04 - 2023", "Ngày đăng: 03/09/2025", "Posted on 12/01/2024", "Cập nhật: ..."
    (
        re.compile(
            r"(?:Đăng\s+ngày|Ngày\s+đăng|Cập\s+nhật|Posted(?:\s+on)?|Published(?:\s+on)?|Updated|تاريخ\s+النشر|نشر\s+في)\s*:?\s*"
            + _NUMERIC_DATE,
            re.I,
        ),
        "dmy",
    ),
    # a line that is only a date (a page's date line): "Thứ sáu, 31/10/2025", "03/09/2025"
    (re.compile(r"^[^\S\n]*(?:[^\W\d]+[^\S\n]*){0,3},?[^\S\n]*" + _NUMERIC_DATE + r"[^\S\n]*$", re.M), "dmy"),
]


def publication_date(text: str, url: str | None = None) -> date | None:
    """When the text was published, from an explicit date line at its head (the latest of
    them: a site's display date comes after the story's), None when there is none. A date inside
    a sentence ("from January 1 to March 20, 2023") is what the text is about, not when."""
    head = to_ascii_digits(text[:800])
    found: list[date] = []
    for pattern, order in _PUBLISHED:
        for m in pattern.finditer(head):
            try:
                if order == "ymd":
                    y, mo = int(m.group(1)), int(m.group(2))
                    d = int(m.group(3)) if m.group(3) else _month_end(y, mo)
                else:
                    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                found.append(date(y, mo, d))
            except (ValueError, TypeError):
                continue
    return max(found) if found else None


def _outside_datelines(
    mentions: list[PeriodMention], areas: list[AreaMention]
) -> tuple[list[PeriodMention], date | None]:
    """The period mentions outside the datelines ("هانوي 6 يناير 2025 (شينخوا)"), and the date
    a dateline gives: when the story was filed, not a period it is about."""
    spans = [(a.start, a.end) for a in areas if a.kind == DATELINE]
    if not spans:
        return mentions, None
    kept, filed = [], None
    for p in mentions:
        if not any(a <= p.start < b for a, b in spans):
            kept.append(p)
        elif filed is None and p.kind == "month" and p.year and p.n:
            filed = date(p.year, p.n, 1)
    return kept, filed


def _month_end(y: int, m: int) -> int:
    return P.month(y, m).end.day


_UNWRITTEN_PERIOD = ("period:unwritten", "period:report_span")


def _plans_are_targets(facts: list[Fact], targets: list[Fact], published: date | None):
    """A figure for a period that had not begun when the text was published is planned; one
    for a period not yet over is a plan unless the text estimates it ("ước", "expected")."""
    if published is None:
        return facts, targets
    kept = []
    for f in facts:
        try:
            period = P.parse(f.period) if f.period else None
        except P.PeriodError:
            period = None
        unwritten = any(r in _UNWRITTEN_PERIOD for r in f.rules)
        if (
            period is not None and unwritten and period.kind == "year"
            and period.start <= published < period.end and published.month > 1
        ):  # fmt: skip
            # "thu ngân sách đạt 8.200 tỷ đồng" in October, no period written: the year so far.
            code = P.year_to_date(period.start.year, published.month - 1).code
            kept.append(replace(f, period=code, rules=f.rules + ("published_to_date",)))
            continue
        if period is not None and (
            period.start > published
            or (
                period.end > published
                and f.qualifier not in ("estimate", "about")
                and not _closing_report(period, published)
            )
        ):
            qual = "exact" if f.qualifier == "estimate" else f.qualifier
            rules = f.rules + ("published_before_period",)
            if f.low is not None:  # "trong khoảng 11,11 - 13,1%": a lower and an upper bound
                targets.append(replace(f, value=f.low, qualifier="at_least", rules=rules, low=None))
                targets.append(replace(f, qualifier="less_than", rules=rules, low=None))
            else:
                targets.append(replace(f, qualifier=qual, rules=rules))
        else:
            kept.append(f)
    return kept, targets


def _closing_report(period: P.Period, published: date) -> bool:
    """A report published in the last month of a longer span (a People's Council's December
    session on the year, "Cập nhật: 10/12/2024") gives the span's results, estimated or not: its
    figures without a plan word are no plans."""
    return (period.end - period.start).days > 62 and (period.end - published).days <= 31


MAX_VALUE = 1e18  # no report writes a figure this large in its unit: a run of digits is no number


def _written(items: list[Fact]) -> list[Fact]:
    """The figures a report can have written: finite, and within :data:`MAX_VALUE` ("9" repeated
    400 times is no figure; as a float it would be ``inf``, which JSON cannot carry)."""
    return [
        f
        for f in items
        if all(v is None or abs(v) <= MAX_VALUE for v in (f.value, f.low))  # False for inf and NaN
    ]


def _dedupe(items: list[Fact]) -> list[Fact]:
    """One fact per (indicator, area, period, measure, value); a rounded repeat of a precise
    figure ("gần 12%" in a caption, 11,67% in the body) goes too."""
    written = {(f.indicator, f.measure, f.value, f.area.name if f.area else None)
               for f in items if "period:default" not in f.rules}  # fmt: skip
    # A headline's figure without its period repeats the body's with one.
    items = [f for f in items if "period:default" not in f.rules
             or (f.indicator, f.measure, f.value, f.area.name if f.area else None) not in written]  # fmt: skip
    seen: set[tuple] = set()
    keep: set[int] = set()
    # The body's wording wins over the headline's repeat of it ("cán đích 10,5%" / "9,5 - 10,5%").
    for f in sorted(items, key=lambda f: "headline" in f.rules):
        key = (f.indicator, f.area.name if f.area else None, f.period, f.measure, f.value)
        if key in seen:
            continue
        seen.add(key)
        keep.add(id(f))
    kept = [f for f in items if id(f) in keep]
    exact: dict[tuple, list[float]] = {}
    body: dict[tuple, list[float]] = {}
    for f in kept:
        key = (f.indicator, f.area.name if f.area else None, f.period, f.measure)
        if "headline" not in f.rules:
            body.setdefault(key, []).append(_base(f.value, f.unit))
            if f.qualifier in ("exact", "estimate"):
                exact.setdefault(key, []).append(_base(f.value, f.unit))
    out = []
    for f in kept:
        key = (f.indicator, f.area.name if f.area else None, f.period, f.measure)
        # A headline rounds what the body states, however the body qualifies it ("hơn 5 triệu"
        # over "5,2 triệu", "gần 4 triệu" over "khoảng 3,9 triệu").
        against = body.get(key, []) if "headline" in f.rules else exact.get(key, [])
        if any(_rounds(f, v) for v in against):
            continue  # "gần 12%", "hơn 45%" in a headline beside the body's 11,67% or 45,3%
        out.append(f)
    return out


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}


def _base(value: float, unit: str | None) -> float:
    """A value in its unit's base ("20 trillion VND" and "20,450 billion VND" compare)."""
    v = float(value)
    for word in (unit or "").split():
        v *= _SCALES.get(word, 1.0)
    return v


def _rounds(f: Fact, precise: float) -> bool:
    """``f`` (about / more than / less than a round number, or a headline's round number)
    states ``precise`` (in base units) rounded: "gần 12%" for 11.67%, a headline's "more than
    5 million visitors" for the body's 5.2 million, "about 6.5%" never for 6.82%."""
    v = _base(f.value, f.unit)
    headline = "headline" in f.rules
    if v == precise or (f.qualifier not in ("about", "more_than", "less_than") and not headline):
        return False
    near = 1.0 if f.unit == "%" else 0.1 * abs(v)  # a point of a percentage, a tenth of an amount
    if f.qualifier == "more_than":
        return precise > v and precise - v <= near
    if f.qualifier == "less_than":
        return precise < v and v - precise <= near
    # "about" or a headline's bare figure: the precise value rounded to the figure's last digit
    step = _last_digit(float(f.value)) * (v / float(f.value) if float(f.value) else 1.0)
    return abs(precise - v) <= step / 2 + 1e-9 * max(1.0, abs(v))


def _last_digit(value: float) -> float:
    """The place of a figure's last written digit: 1 for 12, 0.1 for 6.5, 10 for 250."""
    if value != round(value):
        text = f"{value:.6f}".rstrip("0")
        return 10.0 ** -(len(text.split(".")[1]))
    n, step = abs(int(value)), 1.0
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step


def _areas_in_time(result: Extraction) -> None:
    when = result.reporting_period or (str(result.year) if result.year else None)
    result.area = area_in_time(result.area, when)
    result.facts = [replace(f, area=area_in_time(f.area, f.period)) for f in result.facts]
    # A target belongs to the area that set it, as it was when the document was written.
    result.targets = [replace(t, area=area_in_time(t.area, when or t.period)) for t in result.targets]
