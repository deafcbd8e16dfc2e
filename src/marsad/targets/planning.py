"""A planner's work on targets: set, edit, retire, break down into scenarios — in one place.

Every write of a planned value goes through here, from the targets page, the API, an accepted
document, or a ``plan`` row of an import or of the data-entry grid:

- A target is the one home of a planned value. Setting it also writes the ``plan`` observation
  of the same area x indicator x year x measure (and one per scenario period) through the
  observations' write path, so analytics that read plan observations see the target's number.
- A plan value written as data (``status=plan``) is adopted: the write path calls
  :func:`adopt_plans`, which sets the target to that number. A planner who types 11 % as the
  plan sees 11 % as the target: never two numbers that disagree.

Edits and retirements carry the revision the planner saw; a stale one is refused
(:class:`StaleTarget`, HTTP 409) rather than overwriting a colleague's change.
"""

from __future__ import annotations

import math
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.accounts.models import Role
from marsad.core import periods
from marsad.web.formatting import date_text

from .models import Scenario, Target

MEASURES = tuple(Target.Measure.values)
# A plan observation's qualifier and a target's direction say the same thing in two vocabularies.
_DIRECTION_OF_QUALIFIER = {
    "at_least": Target.Direction.AT_LEAST,
    "more_than": Target.Direction.AT_LEAST,
    "less_than": Target.Direction.LESS_THAN,
    "about": Target.Direction.ABOUT,
    "estimate": Target.Direction.ABOUT,
    "exact": Target.Direction.EXACT,
}


class TargetExists(ValidationError):
    """A target is already in force for the same key (``target``): edit that one."""

    def __init__(self, target: Target):
        self.target = target
        super().__init__(
            {
                "indicator": _(
                    "A target is already set for this indicator, year and measure: %(t)s. Edit it."
                )
                % {"t": target.label()}
            }
        )


class StaleTarget(Exception):
    """The target changed since the planner read it (revision ``seen`` < ``current``)."""

    def __init__(self, target: Target, seen: int | None):
        self.target, self.seen = target, seen
        super().__init__(
            _(
                "This target was changed by someone else (revision %(current)s; you edited revision "
                "%(seen)s). Reload it and make your change again."
            )
            % {"current": target.revision, "seen": seen if seen is not None else "—"}
        )


# -- who may plan --------------------------------------------------------------------------
def can_plan(user, area) -> bool:
    """Planners (and administrators) set the targets of the areas they may capture."""
    if user is None:
        return True  # the system itself: imports from the command line, demo loading
    if scopes.is_admin(user):
        return True
    profile = scopes.profile_of(user)
    return bool(profile and profile.role == Role.PLANNER and scopes.can_capture(user, area))


def plannable_areas(user):
    from marsad.areas.models import Area

    if user is None or scopes.is_admin(user):
        return Area.objects.all()
    profile = scopes.profile_of(user)
    if profile is None or profile.role != Role.PLANNER:
        return Area.objects.none()
    return scopes.capturable_areas(user)


def visible_targets(user, *, retired: bool = False):
    manager = Target.all_objects if retired else Target.objects
    qs = manager.select_related("area", "indicator", "document")
    return qs if user is None else qs.restrict(user)


def source_documents(user):
    """Documents a target may cite: those the user's scope reaches (their areas', the nation's)."""
    from marsad.documents.models import Document

    qs = Document.objects.order_by("-date", "-id")
    return qs if user is None else qs.restrict(user)


def _require(user, area) -> None:
    if not can_plan(user, area):
        raise PermissionDenied(_("Only the planners of %(area)s may set its targets.") % {"area": area})


def _actor(user):
    return user if getattr(user, "pk", None) else None


# -- validation ----------------------------------------------------------------------------
def _check(*, area, indicator, year, measure, value, direction, document, user) -> None:
    errors = {}
    if measure not in MEASURES:
        errors["measure"] = _("The measure is one of: %(choices)s.") % {"choices": ", ".join(MEASURES)}
    if direction not in Target.Direction.values:
        errors["qualifier"] = _("The direction is one of: %(choices)s.") % {
            "choices": ", ".join(Target.Direction.values)
        }
    if value is None or not math.isfinite(float(value)):
        errors["value"] = _("Give the target's value as a number.")
    elif measure == "share_pct" and not 0 <= float(value) <= 100:
        errors["value"] = _("A share is between 0 and 100 %%, not %(value)s.") % {"value": value}
    if year is None or not 1990 <= int(year) <= 2100:
        errors["year"] = _("The year %(year)s is not a plan year.") % {"year": year}
    if (
        document is not None
        and user is not None
        and not source_documents(user).filter(pk=document.pk).exists()
    ):
        errors["document"] = _("That document is outside your areas.")
    if errors:
        raise ValidationError(errors)


def _unit(indicator, measure: str, unit: str) -> str:
    if measure in ("yoy_pct", "share_pct"):
        return "%"
    return unit or indicator.unit


# -- targets -------------------------------------------------------------------------------
@transaction.atomic
def set_target(
    *,
    area,
    indicator,
    year: int,
    measure: str,
    value: float,
    direction: str = Target.Direction.AT_LEAST,
    unit: str = "",
    document=None,
    article: str = "",
    note: str = "",
    span: tuple[int | None, int | None] = (None, None),
    user=None,
    source: str = "",
    basis: str = Target.Basis.PLAN,
) -> Target:
    """Set a new target; refused when one is already in force for the same key (edit that).

    ``basis`` "central": the estimate the central government assigned (a budget's second
    estimate, a level), kept beside the area's plan and carried by no plan observation."""
    _require(user, area)
    if basis not in Target.Basis.values:
        raise ValidationError(
            {"basis": _("The basis is one of: %(choices)s.") % {"choices": ", ".join(Target.Basis.values)}}
        )
    if basis == Target.Basis.CENTRAL and measure != Target.Measure.LEVEL:
        raise ValidationError({"basis": _("An estimate of the central government is a level, not a rate.")})
    _check(
        area=area,
        indicator=indicator,
        year=year,
        measure=measure,
        value=value,
        direction=direction,
        document=document,
        user=user,
    )
    existing = Target.objects.filter(
        area=area, indicator=indicator, year=year, measure=measure, basis=basis
    ).first()
    if existing is not None:
        raise TargetExists(existing)
    target = Target(
        area=area,
        indicator=indicator,
        year=int(year),
        measure=measure,
        value=float(value),
        unit=_unit(indicator, measure, unit),
        qualifier=direction,
        document=document,
        article=(article or "").strip(),
        note=(note or "").strip(),
        span_start=span[0],
        span_end=span[1],
        basis=basis,
    )
    target.save(changed_by=_actor(user), source=source or "target set")
    _write_plan(target, user=user)
    return target


@transaction.atomic
def edit_target(target: Target, *, revision: int | None, user=None, source: str = "", **changes) -> Target:
    """Change a target's value, direction, unit, source or note; a stale revision is refused."""
    _require(user, target.area)
    current = Target.all_objects.select_for_update().get(pk=target.pk)
    if current.is_retired:
        raise ValidationError(
            _("This target was retired on %(day)s.") % {"day": date_text(current.retired_on)}
        )
    if revision is None or revision != current.revision:
        raise StaleTarget(current, revision)
    allowed = {"value", "qualifier", "unit", "document", "article", "note"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(_("These cannot be changed: %(f)s.") % {"f": ", ".join(sorted(unknown))})
    for name, value in changes.items():
        setattr(current, name, value.strip() if isinstance(value, str) and name != "qualifier" else value)
    _check(
        area=current.area,
        indicator=current.indicator,
        year=current.year,
        measure=current.measure,
        value=current.value,
        direction=current.qualifier,
        document=current.document if "document" in changes else None,
        user=user,
    )
    current.value = float(current.value)
    current.unit = _unit(current.indicator, current.measure, current.unit)
    current.revision += 1
    current.save(changed_by=_actor(user), source=source or "target edited")
    _write_plan(current, user=user)
    return current


@transaction.atomic
def retire_target(
    target: Target, *, revision: int | None, reason: str, user=None, on: date | None = None
) -> Target:
    """Retire a target (superseded, cancelled): it stops counting, its history stays."""
    _require(user, target.area)
    current = Target.all_objects.select_for_update().get(pk=target.pk)
    if current.is_retired:
        raise ValidationError(
            _("This target was retired on %(day)s.") % {"day": date_text(current.retired_on)}
        )
    if revision is None or revision != current.revision:
        raise StaleTarget(current, revision)
    if not (reason or "").strip():
        raise ValidationError({"retired_reason": _("Say why the target is retired.")})
    current.retired_on = on or timezone.localdate()
    current.retired_reason = reason.strip()
    current.retired_by = _actor(user)
    current.revision += 1
    current.save(changed_by=_actor(user), source="target retired")
    _remove_plans(current, user=user)
    return current


# -- scenarios -----------------------------------------------------------------------------
def _scenario_period(target: Target, code: str) -> str:
    try:
        p = periods.parse((code or "").strip())
    except periods.PeriodError:
        raise ValidationError({"period": periods.error_message(code, get_language())}) from None
    if p.year != target.year or p.length >= 12:
        raise ValidationError(
            {
                "period": _("A scenario is for a quarter or months of %(year)s, not %(p)s.")
                % {"year": target.year, "p": p.code}
            }
        )
    if not (p.length == 3 or p.is_year_to_date):
        raise ValidationError(
            {
                "period": _(
                    "A scenario is for a quarter or a span from January (e.g. %(year)sS1), not %(p)s."
                )
                % {"year": target.year, "p": p.code}
            }
        )
    return p.code


@transaction.atomic
def set_scenario(target: Target, *, period: str, value: float, note: str = "", user=None) -> Scenario:
    """Set (or change) the target's scenario for a quarter or a span from January."""
    _require(user, target.area)
    if target.is_retired:
        raise ValidationError(
            _("This target was retired on %(day)s.") % {"day": date_text(target.retired_on)}
        )
    code = _scenario_period(target, period)
    if value is None or not math.isfinite(float(value)):
        raise ValidationError({"value": _("Give the scenario's value as a number.")})
    scenario = Scenario.objects.filter(target=target, period=code).first() or Scenario(
        target=target, period=code
    )
    scenario.value, scenario.note = float(value), (note or "").strip()
    scenario.save(changed_by=_actor(user), source=f"scenario of target {target.pk}")
    _write_plan(target, user=user, only=[scenario])
    return scenario


@transaction.atomic
def remove_scenario(scenario: Scenario, *, user=None) -> None:
    _require(user, scenario.target.area)
    _remove_plans(scenario.target, user=user, periods_=[scenario.period])
    scenario.delete(changed_by=_actor(user), source=f"scenario of target {scenario.target_id} removed")


# -- the plan observations derived from targets --------------------------------------------
def _plan_rows(target: Target, only=None) -> list[tuple[str, float]]:
    if only is not None:
        return [(s.period, s.value) for s in only]
    return [(str(target.year), target.value)] + [(s.period, s.value) for s in target.scenarios.all()]


def _provenance(target: Target):
    from marsad.observations.models import Observation
    from marsad.observations.writing import Provenance

    if target.document_id:
        return Provenance(
            source=Observation.Source.DOCUMENT,
            via="targets",
            document_id=target.document_id,
            span_start=target.span_start,
            span_end=target.span_end,
        )
    return Provenance(source=Observation.Source.ENTRY, via="targets")


def _write_plan(target: Target, *, user=None, only=None) -> None:
    """Write the plan observations that carry this target's numbers, through the one write path
    (the area's own plan only: the central government's estimate has no plan observation)."""
    from marsad.observations.writing import ANY_REVISION, record_observation

    if not target.is_plan:
        return

    for period, value in _plan_rows(target, only):
        record_observation(
            _actor(user),
            area=target.area,
            indicator=target.indicator,
            period=period,
            value=value,
            measure=target.measure,
            status="plan",
            unit=target.unit,
            qualifier=target.qualifier,
            based_on=ANY_REVISION,  # the target is the home of the number: its plan row follows it
            provenance=_provenance(target),
        )


def _remove_plans(target: Target, *, user=None, periods_=None) -> None:
    from marsad.observations.models import Observation
    from marsad.observations.writing import delete_observation

    if not target.is_plan:
        return
    wanted = periods_ if periods_ is not None else [p for p, _v in _plan_rows(target)]
    for obs in Observation.objects.filter(
        area=target.area, indicator=target.indicator, measure=target.measure, status="plan", period__in=wanted
    ):
        delete_observation(_actor(user), obs, provenance=_provenance(target))


def adopt_plans(observations, *, user=None, source: str = "") -> int:
    """Set the targets a batch of plan values just written as data stand for; return how many.

    The write path calls this after writing observations with status ``plan`` (import, entry,
    accepted documents). A year's plan in level, growth or share sets the target of that year;
    a quarter's or a span's plan becomes a scenario of the year's target when there is one.
    The observations themselves are not written again: they keep what the data said (a re-import
    of the same file changes nothing), and carry the same number as the target.
    """
    changed = 0
    for obs in observations:
        if obs.status != "plan" or obs.measure not in MEASURES:
            continue
        if not can_plan(user, obs.area):
            raise PermissionDenied(
                _("A plan value is a target: only the planners of %(area)s may set it.") % {"area": obs.area}
            )
        try:
            p = periods.parse(obs.period)
        except periods.PeriodError:
            continue
        key = dict(
            area=obs.area, indicator=obs.indicator, year=p.year, measure=obs.measure, basis=Target.Basis.PLAN
        )
        value = float(obs.value)  # observations keep exact decimals; targets compare as floats
        target = Target.objects.filter(**key).first()
        why = source or f"plan value {obs.period}"
        if p.code == str(p.year):
            direction = _DIRECTION_OF_QUALIFIER.get(obs.qualifier, Target.Direction.EXACT)
            if target is None:
                target = Target(
                    **key, unit=_unit(obs.indicator, obs.measure, obs.unit), document=obs.document
                )
                target.value, target.qualifier = value, direction
                if obs.qualifier == "exact":
                    # The tabular "exact" says the number is exact, not which way the plan points;
                    # plans are to be reached, so "at least" — said on the target, for the planner to check.
                    target.qualifier = Target.Direction.AT_LEAST
                    target.note = _("Direction not stated with the plan value; taken as “at least”.")
                target.save(changed_by=_actor(user), source=why)
                changed += 1
            else:
                if obs.qualifier == "exact":
                    direction = target.qualifier  # "exact" is the tabular default: no direction stated
                if (target.value, target.qualifier) != (value, direction):
                    target.value, target.qualifier = value, direction
                    target.revision += 1
                    target.save(changed_by=_actor(user), source=why)
                    changed += 1
        elif target is not None:
            scenario = Scenario.objects.filter(target=target, period=p.code).first()
            if scenario is None or scenario.value != value:
                scenario = scenario or Scenario(target=target, period=p.code)
                scenario.value = value
                scenario.save(changed_by=_actor(user), source=why)
                changed += 1
    return changed
