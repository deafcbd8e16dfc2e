"""What the command line's tables write, in their reader's language: numbers and percents by the
one formatter per locale (marsad.core.numbers, with ٫ ٬ ٪ and ٠-٩ for a reader of Eastern
Arabic digits), periods in words, days in the one style per language, the vocabularies' codes as
words from the one catalogue. No Django: the same words the pages show, from the same .po files.

Eastern digits are a preference: ``--eastern-digits`` on a command, or MARSAD_EASTERN_DIGITS=1
in the environment for every command (they apply to Arabic only).
"""

from __future__ import annotations

from dataclasses import dataclass

import typer

from marsad.core import measures, periods
from marsad.core.dates import format_day
from marsad.core.languages import RTL, check, translator
from marsad.core.numbers import format_number, format_percent

EASTERN_DIGITS = typer.Option(
    False,
    "--eastern-digits",
    envvar="MARSAD_EASTERN_DIGITS",
    help="Arabic tables in Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩, ٫ ٬ ٪); or set MARSAD_EASTERN_DIGITS=1.",
)


@dataclass(frozen=True)
class Reader:
    """The language of a table and whether its reader writes Eastern Arabic digits."""

    lang: str
    eastern: bool = False

    def __post_init__(self):
        check(self.lang)

    @property
    def separator(self) -> str:
        return "، " if self.lang in RTL else ", "

    def number(self, value, decimals: int | None = None, *, signed: bool = False) -> str:
        if value is None:
            return "—"
        text = format_number(value, self.lang, self.eastern, decimals)
        return f"+{text}" if signed and value > 0 else text

    def percent(self, value, decimals: int | None = 1, *, signed: bool = False) -> str:
        if value is None:
            return "—"
        text = format_percent(value, self.lang, self.eastern, decimals)
        return f"+{text}" if signed and value > 0 else text

    def period(self, code, *, short: bool = True) -> str:
        try:
            return periods.words(code, self.lang, short=short, eastern_digits=self.eastern)
        except periods.PeriodError:
            return str(code)

    def day(self, value, style: str = "long") -> str:
        return format_day(value, self.lang, self.eastern, style) if value else "—"

    def unit(self, code) -> str:
        """A measure, status, qualifier or unit code as a word ("billion VND" -> «مليار دونغ»)."""
        if not code:
            return ""
        msgid = measures.WORDS.get(str(code))
        return str(code) if msgid is None else translator(self.lang).gettext(msgid)
