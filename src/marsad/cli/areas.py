"""`marsad areas` (list the nation, provinces and communes, current or closed) and
`marsad bench areas` (how long building the gazetteer and looking names up take).

The listing works on any iterable of area records that have the gazetteer's fields (code,
level, name_vi, name_en, name_ar, parent_code, valid_to, successor_code), so the same code can
list the pure gazetteer or, later, the areas in the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import typer

from marsad.core.dates import format_day
from marsad.core.languages import LANGS, gettext_noop, translator
from marsad.core.numbers import format_number

from .formatting import EASTERN_DIGITS

LEVELS = ("nation", "province", "commune")

# Every user-facing string: msgids of the one gettext catalogue (src/marsad/locale).
TEXT: dict[str, str] = {
    "code": gettext_noop("Code"),
    "name": gettext_noop("Name"),
    "name_vi": gettext_noop("Vietnamese name"),
    "name_en": gettext_noop("English name"),
    "name_ar": gettext_noop("Arabic name"),
    "level": gettext_noop("Administrative level"),
    "parent": gettext_noop("Parent"),
    "valid_to": gettext_noop("Closed on"),
    "successor": gettext_noop("Merged into"),
    "nation": gettext_noop("nation"),
    "province": gettext_noop("province"),
    "commune": gettext_noop("commune"),
    "unknown": gettext_noop(
        "No area is called {name!r} (give a code such as VN-24 or a name such as 'Bac Ninh')"
    ),
    "closed": gettext_noop("{name} ({code}) closed on {day} and merged into {succ} ({succ_code})"),
    "bad_level": gettext_noop("--level must be nation, province or commune"),
    "bad_lang": gettext_noop("--lang must be ar, vi or en"),
    "title": gettext_noop("Areas"),
}


def t(key: str, lang: str, **values: Any) -> str:
    text = translator(lang).gettext(TEXT[key])
    return text.format(**values) if values else text


def _is_current(rec: Any) -> bool:
    return getattr(rec, "valid_to", None) is None


def select_areas(
    records: Iterable[Any],
    *,
    level: str | None = None,
    within: str | None = None,
    include_closed: bool = False,
) -> list[Any]:
    """The records to list, in code order (nation, then provinces, then communes).

    ``within`` is an area code: its descendants are listed (and, with ``include_closed``, the
    closed provinces that merged into it). Without ``level`` or ``within`` only provinces are
    listed; with ``within`` and no ``level``, the level just below it.
    """
    records = list(records)
    by_code = {r.code: r for r in records}
    if within is not None and within not in by_code:
        raise KeyError(within)

    def ancestors(code: str) -> set[str]:
        out, rec = set(), by_code.get(code)
        while rec is not None and rec.parent_code:
            out.add(rec.parent_code)
            rec = by_code.get(rec.parent_code)
        return out

    if level is None:
        if within is None:
            level = "province"
        else:
            below = LEVELS.index(by_code[within].level) + 1
            level = LEVELS[min(below, len(LEVELS) - 1)]
    chosen = []
    for rec in records:
        if rec.level != level or (not include_closed and not _is_current(rec)):
            continue
        if within is not None and not (
            within in ancestors(rec.code) or getattr(rec, "successor_code", None) == within
        ):
            continue
        chosen.append(rec)
    return sorted(chosen, key=lambda r: (LEVELS.index(r.level), not _is_current(r), r.code))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def areas_json(records: Iterable[Any]) -> str:
    """The records as a JSON list (dates in ISO form)."""
    rows = [
        {
            "code": r.code,
            "level": r.level,
            "kind": getattr(r, "kind", "") or "",
            "name_vi": r.name_vi,
            "name_en": r.name_en,
            "name_ar": r.name_ar or "",
            "parent_code": r.parent_code,
            "valid_from": _iso(getattr(r, "valid_from", None)),
            "valid_to": _iso(r.valid_to),
            "successor_code": r.successor_code,
        }
        for r in records
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1)


def count_line(n: int, lang: str, eastern_digits: bool = False) -> str:
    """ "3,321 areas", in the plural form ``lang`` gives ``n`` (Arabic has six)."""
    return translator(lang).ngettext("%(n)s area", "%(n)s areas", n) % {
        "n": format_number(n, lang, eastern_digits, 0)
    }


def areas_table(records: Sequence[Any], lang: str | None = None, eastern_digits: bool = False):
    """A rich table of the records: every name when ``lang`` is None, else that language's."""
    from rich.table import Table

    ui = lang or "en"
    table = Table(title=t("title", ui))
    table.add_column(t("code", ui), no_wrap=True)
    name_cols = ("name",) if lang else ("name_vi", "name_en", "name_ar")
    for col in name_cols:
        table.add_column(t(col, ui))
    for col in ("level", "parent", "valid_to", "successor"):
        table.add_column(t(col, ui), no_wrap=True)
    for r in records:
        if lang:
            names = [{"ar": r.name_ar, "vi": r.name_vi}.get(lang) or r.name_en]
        else:
            names = [r.name_vi, r.name_en, r.name_ar or ""]
        table.add_row(
            r.code,
            *names,
            t(r.level, ui),
            r.parent_code or "",
            format_day(r.valid_to, ui, eastern_digits, style="medium") if r.valid_to else "",
            r.successor_code or "",
        )
    return table


def register(app: typer.Typer, bench: typer.Typer) -> None:
    """Add this module's commands to ``app`` and its benchmarks to ``bench``."""

    @app.command("areas")
    def areas(
        level: str = typer.Option(None, "--level", help="nation, province or commune"),
        within: str = typer.Option(
            None,
            "--in",
            help='List the units inside this area: a name in any language or a code, e.g. "Bac Ninh"',
        ),
        include_closed: bool = typer.Option(
            False, "--all", help="Include the 63 provinces closed on 2025-07-01"
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table"),
        lang: str = typer.Option(None, "--lang", help="ar, vi or en: names and headings in one language"),
        eastern_digits: bool = EASTERN_DIGITS,
    ) -> None:
        """List areas (provinces by default) with their names, parent and 2025 merger."""
        from rich.console import Console

        from marsad.core.gazetteer import load_gazetteer

        ui = lang or "en"
        err = Console(stderr=True)
        if lang is not None and lang not in LANGS:
            err.print(f"[red]{t('bad_lang', 'en')}[/]")
            raise typer.Exit(2)
        if level is not None and level not in LEVELS:
            err.print(f"[red]{t('bad_level', ui)}[/]")
            raise typer.Exit(2)
        gazetteer = load_gazetteer()
        within_code = None
        if within:
            found = gazetteer.find(within)
            if found is None:
                err.print(f"[red]{t('unknown', ui, name=within)}[/]")
                raise typer.Exit(1)
            within_code = found.code
            if not found.is_current and not include_closed:
                succ = gazetteer.successor(found.code)
                err.print(
                    t(
                        "closed",
                        ui,
                        name=found.name(ui),
                        code=found.code,
                        day=format_day(found.valid_to, ui),
                        succ=succ.name(ui),
                        succ_code=succ.code,
                    )
                )
        chosen = select_areas(gazetteer.all(), level=level, within=within_code, include_closed=include_closed)
        if as_json:
            typer.echo(areas_json(chosen))
            return
        console = Console()
        if chosen:
            console.print(areas_table(chosen, lang, eastern_digits))
        console.print(count_line(len(chosen), ui, eastern_digits))

    @bench.command("areas")
    def bench_areas(
        repeat: int = typer.Option(5, "--repeat", min=1, help="Builds of the gazetteer to time"),
    ) -> None:
        """Time building the gazetteer, name look-ups and finding province names in the corpus."""
        import time

        from rich.console import Console
        from rich.table import Table

        from marsad.core.gazetteer import build_gazetteer

        builds = []
        for _ in range(repeat):
            started = time.perf_counter()
            gazetteer = build_gazetteer()
            builds.append(time.perf_counter() - started)
        names = [s for rec in gazetteer.provinces(include_closed=True) for s in gazetteer.surfaces(rec.code)]
        started = time.perf_counter()
        found = sum(gazetteer.find(n) is not None for n in names)
        find_time = time.perf_counter() - started
        text = " ".join(names)
        gazetteer.search("warm up")
        started = time.perf_counter()
        mentions = gazetteer.search(text * 10)
        search_time = time.perf_counter() - started
        sample = "Lãnh đạo phường Bắc Giang, xã Bình Minh và tỉnh Bắc Ninh; مقاطعة دونغ ناي وبينه فوك. " * 200
        levels = ("nation", "province", "commune")
        started = time.perf_counter()
        gazetteer.search("warm up", levels=levels)
        commune_setup = time.perf_counter() - started
        started = time.perf_counter()
        commune_mentions = gazetteer.search(sample, levels=levels)
        commune_time = time.perf_counter() - started
        table = Table(title="marsad bench areas")
        for col in ("what", "runs", "best", "mean"):
            table.add_column(col)
        table.add_row(
            f"build gazetteer ({len(gazetteer):,} areas)",
            str(repeat),
            f"{min(builds) * 1000:.0f} ms",
            f"{sum(builds) / len(builds) * 1000:.0f} ms",
        )
        table.add_row(
            f"find() every province name ({found}/{len(names)} found)",
            str(len(names)),
            "",
            f"{find_time / len(names) * 1e6:.1f} µs",
        )
        table.add_row(
            f"search() {len(text) * 10:,} chars ({len(mentions):,} mentions)",
            "1",
            f"{search_time * 1000:.1f} ms",
            f"{len(text) * 10 / search_time / 1e6:.2f} M chars/s",
        )
        table.add_row(
            f"search() with communes, {len(sample):,} chars ({len(commune_mentions):,} mentions)",
            "1",
            f"{commune_time * 1000:.1f} ms (+{commune_setup * 1000:.0f} ms set-up)",
            f"{len(sample) / commune_time / 1e6:.2f} M chars/s",
        )
        Console().print(table)
