"""Template helpers for the frame: the main menu, the user's role, numbers per locale."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.core.analytics.targets import VERDICT_LABELS
from marsad.web.formatting import day_text, moment_text, number_text, percent_text

register = template.Library()


@register.filter
def verdict_words(status: str | None) -> str:
    """A target's verdict in the reader's words (the one wording, beside ``VERDICTS``)."""
    return _(VERDICT_LABELS.get(status or "unknown", VERDICT_LABELS["unknown"]))


def _menu(user) -> list[tuple[str, str]]:
    """(url name, label) of the pages this user may open; pages not installed yet are skipped."""
    from marsad.accounts.scopes import is_admin, profile_of

    profile = profile_of(user)
    role = profile.role if profile else None
    items = [
        ("web:dashboard", _("Dashboard")),
        ("web:explorer", _("Indicator explorer")),
    ]
    if is_admin(user) or role in {"planner", "department", "commune"}:
        items += [("observations:entry", _("Data entry")), ("observations:import", _("Import"))]
    items += [
        ("documents:list", _("Documents")),
        ("targets:list", _("Targets")),
        ("directives:board", _("Directives")),
        ("directives:recommendations", _("Recommendations")),
        ("reports:index", _("Reports")),
        ("web:changes", _("Change log")),
    ]
    if is_admin(user) and user.is_staff:
        items.append(("admin:index", _("Administration")))
    return items


@register.simple_tag
def main_menu(request):
    current = request.path
    links = []
    for name, label in _menu(request.user):
        url = _menu_url(name)
        if url is None:
            continue
        active = url == current or (url != "/" and current.startswith(url))
        links.append((url, " active" if active else "", label))
    items = format_html_join("", '<li><a class="nav-link{1}" href="{0}">{2}</a></li>', links)
    return format_html("<ul>{}</ul>", items)


_MENU_URLS: dict[tuple, str | None] = {}


def _menu_url(name: str) -> str | None:
    """A menu page's URL (None: not installed), reversed once per URLconf and prefix: every page
    shows the menu, and reversing its dozen names was a tenth of a cached page's CPU."""
    key = (name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    if key not in _MENU_URLS:
        try:
            _MENU_URLS[key] = reverse(name)
        except NoReverseMatch:
            _MENU_URLS[key] = None
    return _MENU_URLS[key]


@register.simple_tag
def user_role(user):
    from marsad.accounts.scopes import is_admin, profile_of

    profile = profile_of(user)
    if profile is not None:
        return profile.get_role_display()
    return _("administrator") if is_admin(user) else _("viewer")


def _eastern(context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return bool(profile and profile.eastern_digits)


@register.simple_tag(takes_context=True)
def num(context, value, decimals=None):
    """A number as the current language writes it (Eastern digits if the user asked)."""
    return number_text(value, get_language(), _eastern(context), decimals)


@register.simple_tag(takes_context=True)
def pct(context, value, decimals=1):
    return percent_text(value, get_language(), _eastern(context), decimals)


@register.filter(is_safe=True)
def bdi(value, direction=""):
    """``value`` isolated from the text around it, so right-to-left text cannot reorder it.

    The one way pages isolate a token: ``{{ name|bdi }}`` takes the direction of the name's
    first letter (Latin or Arabic names); ``{{ code|bdi:"ltr" }}`` for what is always written
    left to right (codes, periods as codes, file names, numbers with units). Plain text (CLI,
    e-mail, DOCX) uses marsad.core.languages.isolate instead.
    """
    if value is None or value == "":
        return ""
    if direction not in ("", "ltr", "rtl"):
        raise template.TemplateSyntaxError(f'bdi takes "ltr", "rtl" or nothing, not {direction!r}')
    if direction:
        return format_html('<bdi dir="{}">{}</bdi>', direction, value)
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def period(code, style="long"):
    """A period code in words in the page's language ("2025Q2" -> "Q2 2025", "quý II/2025")."""
    from marsad.core.periods import PeriodError, words

    if not code:
        return ""
    code = str(code)  # a year may come as a number
    from marsad.web.formatting import reader_wants_eastern

    lang = (get_language() or "ar")[:2]
    try:
        return words(code, lang, short=style == "short", eastern_digits=reader_wants_eastern())
    except PeriodError:
        return code


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def label(word):
    """A status, measure, qualifier or unit in the page's language (unknown words unchanged)."""
    from marsad.web.words import word as words_of

    return words_of(word)


@register.simple_tag(takes_context=True)
def day(context, value, style="long"):
    """A date (or the local date of a datetime) as the page's language writes it (Babel)."""
    return day_text(value, get_language(), _eastern_ar(context), style)


@register.simple_tag(takes_context=True)
def moment(context, value):
    """A date and time in the page's language (local time zone)."""
    return moment_text(value, get_language(), _eastern_ar(context))


def _eastern_ar(context) -> bool:
    return _eastern(context) and (get_language() or "")[:2] == "ar"


@register.simple_tag(takes_context=True)
def change_lines(context, record):
    """The fields a change record changed: their names as words, old and new values formatted."""
    from marsad.web.changes import change_lines as lines

    return lines(record, get_language(), _eastern_ar(context))


@register.simple_tag(takes_context=True)
def change_source(context, record):
    """Where a change came from, in the page's words."""
    from marsad.web.changes import source_words

    return source_words(record.source, get_language(), _eastern_ar(context))


@register.filter
def written(text, lang=""):
    """Text as somebody wrote it (a directive, a report, an answer), marked with its language
    (``lang``, or guessed from its letters) and isolated, so that a page in another language
    neither reorders it nor takes it for an untranslated part of its own text."""
    from marsad.core.extract.text import detect_language

    if text is None or text == "":
        return ""
    text = str(text)
    lang = lang or detect_language(text) or (get_language() or "ar")[:2]
    return format_html('<bdi dir="auto" lang="{}">{}</bdi>', lang, text)


@register.filter
def text_of(obj, length=0):
    """A directive's (difficulty's, recommendation's) text in the page's language when it has
    been translated, else as written, marked with the language it is in; cut at ``length``."""
    from django.template.defaultfilters import truncatechars

    if obj is None:
        return ""
    lang = (get_language() or "ar")[:2]
    translated = getattr(obj, f"text_{lang}", "")
    shown = translated or getattr(obj, "text", "")
    if length:
        shown = truncatechars(shown, int(length))
    return written(shown, lang if translated else getattr(obj, "language", "") or "")


@register.simple_tag
def period_examples():
    """A few ways to write a period in the page's language, for help texts."""
    from marsad.web.pickers import period_examples as examples

    return examples()


@register.filter
def periods(codes):
    """Period codes in the page's words, listed as the language lists them."""
    from django.utils.translation import pgettext

    return pgettext("list separator", ", ").join(period(code) for code in codes or ())
