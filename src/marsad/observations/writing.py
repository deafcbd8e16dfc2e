"""The one write path of observations: every way a number enters, changes or leaves Marsad.

The entry grid, the API, file import (see :mod:`.bulk`, which applies the same rules to many
rows at once), review acceptance, the admin and the command line all call
:func:`record_observation` or :func:`delete_observation`. Each write

* checks the writer's scope for the final area and the area x period's approval lock;
* validates the value with the catalogue's value rules (:mod:`marsad.core.validation`);
* keeps the value exactly (Decimal) and carries a revision: a write names the revision it was
  based on, and a stale write is refused with the current value (optimistic locking, with a
  compare-and-set update so it holds on SQLite as on PostgreSQL);
* leaves a change record: who, when, old, new, and where it came from.

Refusals are exceptions the callers turn into their own answer (a form message, a 4xx):
:class:`Refused` (bad values, per field), :class:`NotAllowed` (scope), :class:`Locked`
(approved period) and :class:`Conflict` (stale revision, with the current observation).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot
from marsad.audit.models import ChangeRecord
from marsad.core import catalogue as core_catalogue
from marsad.core import measures, periods
from marsad.core.numbers import as_decimal
from marsad.core.validation import Problem, check_observation, expected_unit
from marsad.indicators.models import Indicator

from .models import Approval, Observation

# ``based_on`` values that are not a revision number.
ANY_REVISION = -1  # overwrite whatever is stored: imports, review acceptance, the command line
NEW = 0  # the writer saw no value: refuse if one exists by now

TEXT_LIMITS = {"unit": 40}


@dataclass(frozen=True)
class Provenance:
    """Where a write comes from; the change record's ``source`` is written from it."""

    source: str = Observation.Source.ENTRY  # entry | import | document
    via: str = "grid"  # grid, api, admin, cli, review
    import_file: str = ""
    import_row: int | None = None
    document_id: int | None = None
    span_start: int | None = None
    span_end: int | None = None

    def describe(self) -> str:
        if self.source == Observation.Source.IMPORT:
            where = f"import {self.import_file}"
            return f"{where} row {self.import_row}" if self.import_row else where
        if self.source == Observation.Source.DOCUMENT:
            return f"document {self.document_id} [{self.span_start}:{self.span_end}]"
        return self.via

    @classmethod
    def command_line(cls, **kwargs) -> Provenance:
        """The CLI names the operating-system account when no Marsad user is given."""
        return cls(via=f"cli ({_os_user()})", **kwargs)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


class WriteError(Exception):
    """A write that was not done."""


class Refused(WriteError):
    """Values that break a rule; ``problems`` name the fields."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))


class NotAllowed(WriteError):
    def __init__(self, area: Area):
        self.area = area
        super().__init__(f"may not enter data for {area.code}")


class Locked(WriteError):
    def __init__(self, approval: Approval):
        self.approval = approval
        super().__init__(f"{approval.area_id} {approval.period} is approved")


class Conflict(WriteError):
    """The stored value changed since the writer read it. ``current`` is None when it was deleted."""

    def __init__(self, current: Observation | None, based_on: int):
        self.current, self.based_on = current, based_on
        super().__init__(
            f"based on revision {based_on}, stored revision {current.revision if current else '-'}"
        )


@dataclass
class Written:
    observation: Observation
    action: str  # created | updated | unchanged
    warnings: list[dict] = field(default_factory=list)


# -- checks shared with the bulk path --------------------------------------------------------
def check_scope(writer, area: Area) -> None:
    """The writer may change values of the FINAL area (accounts.scopes, the one scope rule).

    ``writer`` None is the system itself (command line, demo loading): no scope applies.
    """
    if writer is not None and not scopes.permits(writer, Observation(area=area), scopes.CHANGE):
        raise NotAllowed(area)


def adopt_plan(writer, observations, provenance: Provenance) -> None:
    """A plan value is a target (one concept): the targets app sets what these plan values stand for."""
    plans = [o for o in observations if o.status == "plan"]
    if plans:
        from marsad.targets.planning import adopt_plans

        adopt_plans(plans, user=writer, source=provenance.describe())


def lock_of(area_id: int, period: str) -> Approval | None:
    return (
        Approval.objects.filter(area_id=area_id, period=period, unlocked_at__isnull=True)
        .select_related("approved_by", "area")
        .first()
    )


def check_lock(area: Area, period: str) -> None:
    approval = lock_of(area.pk, period)
    if approval is not None:
        raise Locked(approval)


def text_problems(**texts: str) -> list[Problem]:
    """NUL characters (PostgreSQL refuses them) and over-long text, named by field."""
    out = []
    for name, text in texts.items():
        if "\x00" in (text or ""):
            out.append(Problem(name, "nul_character"))
        elif name in TEXT_LIMITS and len(text or "") > TEXT_LIMITS[name]:
            out.append(Problem(name, "too_long", {"max": TEXT_LIMITS[name]}))
    return out


def _indicator_rule(indicator: Indicator):
    rule = core_catalogue.load_catalogue().get(indicator.code)
    if rule is not None:
        return rule
    # An indicator added in the admin but not in the catalogue file: its unit is all we know.
    return core_catalogue.Indicator(indicator.code, "", "", "", indicator.unit, "sum", "flow")


def _resolve(area, indicator) -> tuple[Area, Indicator, list[Problem]]:
    problems = []
    if not isinstance(area, Area):
        code = str(area or "").strip().upper()
        area = Area.objects.filter(code=code).first() if code and "\x00" not in code else None
        if area is None:
            problems.append(Problem("area", "unknown_area", {"area": code}))
    if not isinstance(indicator, Indicator):
        code = str(indicator or "").strip()
        indicator = Indicator.objects.filter(code=code).first() if code and "\x00" not in code else None
        if indicator is None:
            problems.append(Problem("indicator", "unknown_indicator", {"indicator": code}))
    return area, indicator, problems


def _period_code(period) -> tuple[str, list[Problem]]:
    try:
        return periods.parse(str(period or "").strip()).code, []
    except periods.PeriodError:
        return str(period), [Problem("period", "bad_period", {"period": str(period)})]


def validate(
    area, indicator, period, measure: str, status: str, value, unit: str, qualifier: str
) -> tuple[Area, Indicator, str, Decimal, str]:
    """Resolve and check one write; raise :class:`Refused` naming every bad field."""
    area, indicator, problems = _resolve(area, indicator)
    period, period_problems = _period_code(period)
    problems += period_problems + text_problems(unit=unit)
    try:
        number = as_decimal(value)
    except TypeError:
        problems.append(Problem("value", "not_a_number"))
        number = None
    if indicator is not None and number is not None and not period_problems:
        unit = (unit or "").strip() or (
            expected_unit(measure, indicator.unit) if measure in measures.MEASURES else ""
        )
        rule = _indicator_rule(indicator)
        problems += check_observation(rule, period, measure, status, number, unit, qualifier)
    if problems:
        raise Refused(problems)
    return area, indicator, period, number, unit


# -- one value ---------------------------------------------------------------------------------
def record_observation(
    writer,
    *,
    area,
    indicator,
    period,
    value,
    measure: str = "level",
    status: str = "official",
    unit: str = "",
    qualifier: str = "exact",
    based_on: int = ANY_REVISION,
    provenance: Provenance,
) -> Written:
    """Create or revise one observation; return what was done.

    ``based_on`` is the revision the writer saw (:data:`NEW` when the cell was empty, or
    :data:`ANY_REVISION` to overwrite); a mismatch raises :class:`Conflict`.
    """
    area, indicator, period, number, unit = validate(
        area, indicator, period, measure, status, value, unit, qualifier
    )
    check_scope(writer, area)
    key = dict(area=area, indicator=indicator, period=period, measure=measure, status=status)
    fields = {
        "value": number,
        "unit": unit,
        "qualifier": qualifier,
        "source": provenance.source,
        "entered_by": writer,
        "import_file": provenance.import_file[:255],
        "import_row": provenance.import_row,
        "document_id": provenance.document_id,
        "span_start": provenance.span_start,
        "span_end": provenance.span_end,
    }
    for attempt in range(2):
        with transaction.atomic():
            check_lock(area, period)
            current = Observation.objects.select_for_update().filter(**key).first()
            if current is None:
                if based_on not in (NEW, ANY_REVISION):
                    raise Conflict(None, based_on)
                obs = Observation(**key, **fields, revision=1)
                try:
                    with transaction.atomic():
                        # Audited.save leaves the change record (who, source) with the row.
                        obs.save(force_insert=True, changed_by=writer, source=provenance.describe())
                except IntegrityError:
                    # A concurrent first write of the same key won the race.
                    if based_on == ANY_REVISION and attempt == 0:
                        continue
                    raise Conflict(Observation.objects.filter(**key).first(), based_on) from None
                adopt_plan(writer, [obs], provenance)
                return Written(obs, "created")
            written = _revise(writer, current, fields, based_on, provenance)
            if written.action == "updated":
                adopt_plan(writer, [written.observation], provenance)
            return written
    raise AssertionError("unreachable")  # pragma: no cover


def _same(obs: Observation, fields: dict) -> bool:
    return (obs.value, obs.unit, obs.qualifier) == (fields["value"], fields["unit"], fields["qualifier"])


def _revise(writer, current: Observation, fields: dict, based_on: int, provenance: Provenance) -> Written:
    if based_on not in (ANY_REVISION, current.revision):
        raise Conflict(current, based_on)
    if _same(current, fields):
        return Written(current, "unchanged")
    before = snapshot(current, Observation.AUDITED_FIELDS)
    now = timezone.now()
    # Compare-and-set: the row must still be at the revision read above.
    done = Observation.objects.filter(pk=current.pk, revision=current.revision).update(
        **fields, revision=F("revision") + 1, updated_at=now
    )
    if not done:
        raise Conflict(Observation.objects.filter(pk=current.pk).first(), based_on)
    obs = Observation.objects.get(pk=current.pk)
    record_changes(
        [(obs, ChangeRecord.Action.UPDATE, before, snapshot(obs, Observation.AUDITED_FIELDS))],
        user=writer,
        source=provenance.describe(),
    )
    return Written(obs, "updated")


def delete_observation(
    writer, obs: Observation, *, based_on: int = ANY_REVISION, provenance: Provenance
) -> None:
    """Delete one value, audited; its change records stay, so its history is still reachable."""
    check_scope(writer, obs.area)
    with transaction.atomic():
        check_lock(obs.area, obs.period)
        current = Observation.objects.select_for_update().filter(pk=obs.pk).first()
        if current is None:
            raise Conflict(None, based_on)
        if based_on not in (ANY_REVISION, current.revision):
            raise Conflict(current, based_on)
        before = snapshot(current, Observation.AUDITED_FIELDS)
        if not Observation.objects.filter(pk=current.pk, revision=current.revision).delete()[0]:
            raise Conflict(Observation.objects.filter(pk=current.pk).first(), based_on)
        record_changes(
            [(current, ChangeRecord.Action.DELETE, before, None)], user=writer, source=provenance.describe()
        )


def delete_observations(writer, queryset, *, provenance: Provenance) -> int:
    """Delete many values (admin bulk delete), each with its change record; all or nothing."""
    with transaction.atomic():
        rows = list(queryset.select_related("area").select_for_update())
        for obs in rows:
            check_scope(writer, obs.area)
        for area_id, period in {(o.area_id, o.period) for o in rows}:
            approval = lock_of(area_id, period)
            if approval is not None:
                raise Locked(approval)
        changes = [
            (o, ChangeRecord.Action.DELETE, snapshot(o, Observation.AUDITED_FIELDS), None) for o in rows
        ]
        Observation.objects.filter(pk__in=[o.pk for o in rows]).delete()
        record_changes(changes, user=writer, source=provenance.describe())
    return len(rows)
