"""Reminders: due-soon and overdue notices through Django's e-mail framework.

``marsad remind`` runs this once a day (cron or any scheduler). Each unit with tasks due soon or
overdue gets one message, sent to the unit's address and to its members' addresses, written in
each recipient's language (Arabic, Vietnamese or English). Statuses seen to change are recorded
first, so the status history moves even on days nobody reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from marsad.core import steering
from marsad.core.dates import format_day
from marsad.core.languages import LANGS, isolate, translator
from marsad.core.numbers import format_number, format_percent

from .models import Assignment, Organisation
from .tracking import refresh_statuses


@dataclass
class Notice:
    unit: Organisation
    overdue: list[Assignment] = field(default_factory=list)
    due_soon: list[Assignment] = field(default_factory=list)
    recipients: dict[str, str] = field(default_factory=dict)  # address -> language


def _recipients(unit: Organisation) -> dict[str, str]:
    out: dict[str, str] = {}
    if unit.email:
        out[unit.email] = "ar"
    for profile in unit.members.select_related("user"):
        email = profile.user.email
        if email and profile.user.is_active:
            out[email] = profile.language or "ar"
    return out


def collect(today: date | None = None) -> list[Notice]:
    """The notices due today: one per unit holding overdue or due-soon open tasks."""
    today = today or timezone.localdate()
    qs = (
        Assignment.objects.with_status(today)
        .filter(live_status__in=(steering.Status.OVERDUE.value, steering.Status.DUE_SOON.value))
        .filter(directive__closed_on__isnull=True)
        .select_related("directive", "organisation")
        .order_by("organisation__code", "deadline", "id")
    )
    notices: dict[int, Notice] = {}
    for a in qs:
        notice = notices.setdefault(a.organisation_id, Notice(a.organisation))
        (notice.overdue if a.live_status == "overdue" else notice.due_soon).append(a)
    out = list(notices.values())
    members = defaultdict(dict)
    for notice in out:
        members[notice.unit.pk] = _recipients(notice.unit)
        notice.recipients = members[notice.unit.pk]
    return out


def render(notice: Notice, lang: str, today: date) -> tuple[str, str]:
    """The e-mail to ``notice``'s unit in ``lang``: words from the one gettext catalogue, numbers
    and dates in the language's style, names and codes isolated for right-to-left text."""
    lang = lang if lang in LANGS else "en"
    tr = translator(lang)

    def n(value: int) -> str:
        return format_number(value, lang, max_decimals=0)

    unit = notice.unit.name(lang)
    subject = tr.gettext("Marsad: %(overdue)s overdue and %(soon)s due-soon tasks — %(unit)s") % {
        "overdue": n(len(notice.overdue)),
        "soon": n(len(notice.due_soon)),
        "unit": isolate(unit),
    }
    headings = {
        "overdue": tr.gettext("Overdue tasks (%(n)s):"),
        "due_soon": tr.gettext("Tasks due soon (%(n)s):"),
    }
    lines = [unit, ""]
    for key, items in (("overdue", notice.overdue), ("due_soon", notice.due_soon)):
        if not items:
            continue
        lines.append(headings[key] % {"n": n(len(items))})
        for a in items:
            days = (a.deadline - today).days
            when = (
                tr.ngettext("%(n)s day late", "%(n)s days late", -days) % {"n": n(-days)}
                if days < 0
                else tr.ngettext("%(n)s day left", "%(n)s days left", days) % {"n": n(days)}
            )
            lines.append(
                tr.gettext("- %(task)s — deadline %(deadline)s (%(when)s; %(done)s done)")
                % {
                    "task": isolate(a.directive.display_text(lang)[:160]),
                    "deadline": isolate(format_day(a.deadline, lang)),
                    "when": when,
                    "done": isolate(format_percent(a.percent_done, lang, decimals=0)),
                }
            )
        lines.append("")
    return subject, "\n".join(lines).rstrip() + "\n"


def send_reminders(today: date | None = None, *, dry_run: bool = False) -> dict:
    """Send today's notices (or only list them with ``dry_run``); return what was done."""
    today = today or timezone.localdate()
    changed = 0 if dry_run else refresh_statuses(today)
    notices = collect(today)
    messages = []
    for notice in notices:
        by_lang: dict[str, list[str]] = defaultdict(list)
        for address, lang in notice.recipients.items():
            by_lang[lang].append(address)
        for lang, addresses in sorted(by_lang.items()):
            subject, body = render(notice, lang, today)
            messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, sorted(addresses)))
    sent = 0
    if messages and not dry_run:
        with get_connection() as connection:
            sent = connection.send_messages(messages) or 0
    return {
        "today": today.isoformat(),
        "status_changes": changed,
        "units": len(notices),
        "units_without_address": sum(1 for n in notices if not n.recipients),
        "overdue": sum(len(n.overdue) for n in notices),
        "due_soon": sum(len(n.due_soon) for n in notices),
        "messages": len(messages),
        "sent": sent,
        "preview": [(m.to, m.subject) for m in messages] if dry_run else [],
    }
