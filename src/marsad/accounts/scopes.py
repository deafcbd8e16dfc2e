"""Area scopes: the one place that decides which rows a user may read or change.

NetBox's ``restrict()`` pattern. Every model whose rows belong to an area says how to reach that
area, and every read and write goes through this module:

    Observation.objects.restrict(user)                 # the rows the user may read (VIEW)
    Target.objects.filter(year=2025).restrict(user, CHANGE)   # ... may change
    scopes.restrict(queryset, user, action)            # the same for any queryset
    scopes.require(user, obj, CHANGE)                  # before a write: the FINAL object
    scopes.permits(user, obj, action) -> bool          # the same as a test (templates, buttons)
    scopes.areas(user, action)                         # the areas themselves (form choices)

A model takes part by using a :class:`ScopedQuerySet` (``objects = ScopedQuerySet.as_manager()``,
or a queryset class derived from it) and by naming the path to its area::

    SCOPE_AREA = "area"                  # or "organisation__area"; "" for Area itself

A model whose rule is more than "its area is in scope" (documents without an area, a commune
officer's own unit) defines both halves of the rule, side by side:

    @classmethod
    def scope_filter(cls, scope, action) -> Q: ...     # the rule in SQL, for querysets
    def scope_allows(self, scope, action) -> bool: ... # the same rule on one (unsaved) object

Scopes (DHIS2-style): ``view_areas`` and ``capture_areas`` on the user's profile, each taken with
every unit below the areas named (a province covers its communes and the closed provinces merged
into it; the nation covers everything). Reading is allowed in both, changing only in the capture
areas, and never for the viewer role. Administrators (role or superuser) reach everything; an
anonymous user nothing. Role rules that are not about areas (which roles may upload documents or
direct) stay with their domain and are checked on top of this.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext as _

VIEW = "view"
CHANGE = "change"
ACTIONS = (VIEW, CHANGE)


class Scope:
    """What one user reaches, worked out once per request (areas as a subquery and as ids)."""

    def __init__(self, user):
        from .models import Profile, Role

        self.user = user
        self.authenticated = bool(getattr(user, "is_authenticated", False))
        self.user_id = user.pk if self.authenticated else None
        self.profile = None
        if self.authenticated:
            try:
                self.profile = user.profile
            except Profile.DoesNotExist:
                self.profile = None
        self.role = self.profile.role if self.profile else None
        self.admin = self.authenticated and (
            bool(getattr(user, "is_superuser", False)) or self.role == Role.ADMINISTRATOR
        )
        self.organisation_id = self.profile.organisation_id if self.profile else None
        self._named: dict[str, list[tuple[int, str]]] | None = None
        self._ids: dict[str, frozenset[int] | None] = {}

    # -- the areas named on the profile, and everything below them --------------------------
    def _named_areas(self, action: str) -> list[tuple[int, str]]:
        """(id, level) of the areas the profile names for ``action``: both lists in one
        statement, asked once (every page asks, and the levels say whether the nation is one)."""
        from .models import Role

        if self._named is None:
            capture: list[tuple[int, str]] = []
            view: list[tuple[int, str]] = []
            if self.profile is not None:
                with connection.cursor() as cursor:
                    cursor.execute(_named_areas_sql(), [self.profile.pk, self.profile.pk])
                    for pk, level, named_for in cursor.fetchall():
                        (capture if named_for == CHANGE else view).append((pk, level))
            self._named = {VIEW: capture + view, CHANGE: capture if self.role != Role.VIEWER else []}
        return self._named[action]

    def _named_ids(self, action: str) -> list[int]:
        return [pk for pk, _level in self._named_areas(action)]

    def _everything(self, action: str) -> bool:
        from marsad.areas.models import Area

        return self.admin or any(level == Area.Level.NATION for _pk, level in self._named_areas(action))

    def areas(self, action: str = VIEW):
        """The areas the user may read (VIEW) or enter data for (CHANGE), as a queryset."""
        from marsad.areas.models import Area

        _check_action(action)
        if not self.authenticated:
            return Area.objects.none()
        if self._everything(action):
            return Area.objects.all()
        ids = self._named_ids(action)
        if not ids:
            return Area.objects.none()
        return Area.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids) | Q(successor_id__in=ids))

    def area_ids(self, action: str = VIEW) -> frozenset[int] | None:
        """The same areas as a set of ids; None means every area."""
        _check_action(action)
        if action not in self._ids:
            if self.authenticated and self._everything(action):
                self._ids[action] = None
            else:
                self._ids[action] = frozenset(self.areas(action).values_list("pk", flat=True))
        return self._ids[action]

    def allows(self, area, action: str = VIEW) -> bool:
        """Whether an area (an Area, its id, or None for "no area") is in the scope."""
        if area is None or not self.authenticated:
            return self.admin
        ids = self.area_ids(action)
        return ids is None or (area if isinstance(area, int) else area.pk) in ids

    def fingerprint(self) -> str:
        """What decides every rule of this module for this user, as text: equal fingerprints
        reach the same rows. A cache key of anything read through the scope carries it, so a
        changed role, unit or list of areas is a new key (not a stale entry)."""
        if not self.authenticated:
            return "anonymous"
        if self.admin:
            return "admin"
        view = ",".join(map(str, self._named_ids(VIEW)))
        change = ",".join(map(str, self._named_ids(CHANGE)))
        return f"{self.role}:{self.organisation_id}:{view}:{change}"

    def q(self, path: str, action: str = VIEW) -> Q:
        """The filter "the area at ``path`` is in scope" (``path`` "" means the row is an area)."""
        if self.authenticated and self._everything(action):
            return Q()
        return Q(**{f"{path or 'pk'}__in": self.areas(action)})

    def among(self, ids, action: str = VIEW) -> list[int]:
        """Those of the area ids ``ids`` in the scope (sorted)."""
        reach = self.area_ids(action) if self.authenticated else frozenset()
        return sorted(i for i in ids if reach is None or i in reach)


_NAMED_SQL: dict[str, str] = {}


def _named_areas_sql() -> str:
    """(id, level, CHANGE or VIEW) of the areas a profile names, both lists in one statement,
    written once per database vendor from the models' tables: every page asks, and the ORM's
    compiling the union cost a sixth of a cached page's CPU. Parameter: the profile's id, twice."""
    if connection.vendor not in _NAMED_SQL:
        from marsad.areas.models import Area

        from .models import Profile

        q = connection.ops.quote_name
        area, pk, level = (
            q(Area._meta.db_table),
            q(Area._meta.pk.column),
            q(Area._meta.get_field("level").column),
        )
        parts = []
        for name, named_for in (("capture_areas", CHANGE), ("view_areas", VIEW)):
            m2m = Profile._meta.get_field(name)
            table = q(m2m.remote_field.through._meta.db_table)
            parts.append(
                f"SELECT a.{pk}, a.{level}, '{named_for}' FROM {area} a INNER JOIN {table} t "
                f"ON t.{q(m2m.m2m_reverse_name())} = a.{pk} WHERE t.{q(m2m.m2m_column_name())} = %s"
            )
        _NAMED_SQL[connection.vendor] = " UNION ALL ".join(parts) + " ORDER BY 3, 1"
    return _NAMED_SQL[connection.vendor]


def _check_action(action: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown scope action {action!r} (one of {', '.join(ACTIONS)})")


def scope_of(user) -> Scope:
    """The user's scope, computed once per user object (a request's user lives one request)."""
    if user is None:
        raise ValueError("a scope needs a user (AnonymousUser for nobody)")
    scope = getattr(user, "_marsad_scope", None)
    if scope is None:
        scope = Scope(user)
        try:
            user._marsad_scope = scope
        except AttributeError:  # pragma: no cover - a user object that takes no attributes
            pass
    return scope


def forget(user) -> None:
    """Drop the cached scope (after the user's profile or areas changed in this request)."""
    if hasattr(user, "_marsad_scope"):
        del user._marsad_scope


def area_path(model) -> str:
    try:
        return model.SCOPE_AREA
    except AttributeError:
        raise TypeError(
            f"{model.__name__} has no area scope: give it SCOPE_AREA or scope_filter/scope_allows"
        ) from None


def restrict(qs: models.QuerySet, user, action: str = VIEW, areas=None) -> models.QuerySet:
    """``qs`` limited to the rows ``user`` may read (VIEW) or change (CHANGE).

    ``areas``: the ids of the areas asked for (a province and its communes), when the rows are
    to be limited to them too. For a model whose area is all its rule, both limits are then one
    list of ids: the areas asked for that are in scope. PostgreSQL estimates one list well, and
    two (or a list and the scope's subquery) as far fewer rows than they hold, which sends it
    through the wrong index (an API query read 20,000 rows to return 600)."""
    _check_action(action)
    scope = scope_of(user)
    model = qs.model
    rule = getattr(model, "scope_filter", None)
    if areas is not None:
        path = area_path(model) if rule is None else getattr(model, "SCOPE_AREA", "")
        where = f"{path or 'pk'}__in"
        if scope.admin or rule is not None:
            qs = qs.filter(**{where: sorted(areas)})
        else:
            return qs.filter(**{where: scope.among(areas, action)})
    if scope.admin:
        return qs
    if not scope.authenticated:
        return qs.none()
    q = rule(scope, action) if rule is not None else scope.q(area_path(model), action)
    return qs.filter(q)


def _area_at(obj, path: str):
    """Follow ``path`` ("organisation__area") from an object; "" is the object itself."""
    if not path:
        return obj
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    # The id is enough (and avoids a query) when the last hop is a foreign key.
    area_id = getattr(obj, f"{last}_id", None)
    return area_id if area_id is not None else getattr(obj, last, None)


def permits(user, obj, action: str = VIEW) -> bool:
    """Whether ``user`` may read (VIEW) or change (CHANGE) ``obj`` as it is now (saved or not)."""
    _check_action(action)
    scope = scope_of(user)
    if scope.admin:
        return True
    if not scope.authenticated:
        return False
    rule = getattr(obj, "scope_allows", None)
    if rule is not None:
        return bool(rule(scope, action))
    return scope.allows(_area_at(obj, area_path(type(obj))), action)


def require(user, obj, action: str = CHANGE, message: str | None = None) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` on ``obj``.

    Call it on the object as it will be written (after corrections are applied), so that a
    change of area cannot carry a row out of the user's scope.
    """
    if permits(user, obj, action):
        return
    if message is None:
        area = _describe_area(obj)
        if action == VIEW:
            message = _("You may not view data of %(area)s.") % {"area": area}
        else:
            message = _("You may not enter or change data for %(area)s.") % {"area": area}
    raise PermissionDenied(message)


def _describe_area(obj) -> str:
    area = getattr(obj, "scope_area", None)
    area = area() if callable(area) else _area_at(obj, getattr(type(obj), "SCOPE_AREA", ""))
    if isinstance(area, int):
        from marsad.areas.models import Area

        area = Area.objects.filter(pk=area).first()
    return str(area) if area is not None else _("this area")


class ScopedQuerySet(models.QuerySet):
    """A queryset with ``.restrict(user, action)``."""

    def restrict(self, user, action: str = VIEW, areas=None):
        return restrict(self, user, action, areas)


# -- the user and their areas (thin names over the scope, for templates and pages) ----------
def profile_of(user):
    return scope_of(user).profile if user is not None else None


def is_admin(user) -> bool:
    return user is not None and scope_of(user).admin


def areas(user, action: str = VIEW):
    """The areas themselves: form choices, pickers."""
    return scope_of(user).areas(action)


def viewable_areas(user):
    return areas(user, VIEW)


def capturable_areas(user):
    return areas(user, CHANGE)


def can_view(user, area) -> bool:
    return scope_of(user).allows(area, VIEW)


def can_capture(user, area) -> bool:
    return scope_of(user).allows(area, CHANGE)
