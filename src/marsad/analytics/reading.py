"""What the analytics service reads from the database: the area tree, own observations, and the
communes' levels summed per province (models.CommuneLevel, not one row per commune).

The reads a cold national rollup makes on every call (the tree's stamp with the areas'
versions, the rules, own observations, the communes' sums) are SQL written here once, run on a
raw cursor and read as tuples: the ORM compiled each anew (about a millisecond apiece, as much
as the database took to run them) and built its rows through converters; a list is one array
parameter on PostgreSQL (``= ANY(%s)``: one text whatever its length).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import connection

from marsad.areas.models import Area
from marsad.core.analytics.figures import ChildLevel
from marsad.core.analytics.frames import Catalogue, Rule
from marsad.core.measures import STATUS_RANK
from marsad.observations.models import Observation


@dataclass
class Node:
    pk: int
    code: str
    level: str
    parent: str | None
    successor: str | None
    name_vi: str
    current: bool


@dataclass
class Tree:
    """The area tree of the database: parents, successors, and each merged province's namesake."""

    nodes: dict[str, Node]
    stamp: str = ""  # what the tree was read under (see area_tree)
    children: dict[str, list[str]] = field(default_factory=dict)
    predecessors: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def code_of(self) -> dict[int, str]:
        """Each area's code by its id."""
        return {n.pk: c for c, n in self.nodes.items()}

    @cached_property
    def commune_count(self) -> Counter[str]:
        """How many communes each area has (what a sum of its communes expects)."""
        return Counter(
            n.parent for n in self.nodes.values() if n.level == Area.Level.COMMUNE and not n.successor
        )

    def namesake(self, code: str) -> str | None:
        """The old province of the same name a current province continues (old Khanh Hoa)."""
        node = self.nodes[code]
        for old in self.predecessors.get(code, ()):
            if self.nodes[old].name_vi == node.name_vi:
                return old
        return None

    def merged_into(self, code: str) -> list[str]:
        """The old provinces merged into ``code`` other than its namesake (Ninh Thuan)."""
        same = self.namesake(code)
        return [old for old in self.predecessors.get(code, ()) if old != same]

    def current_provinces(self) -> list[str]:
        return list(self._current_provinces)

    def old_provinces(self) -> list[str]:
        return sorted(c for c, n in self.nodes.items() if n.level == Area.Level.PROVINCE and n.successor)

    def provinces(self) -> tuple[str, ...]:
        """Every province, today's and those merged in 2025 (what the nation's figures read)."""
        return self._provinces

    # Found once per tree (a tree is read once per process while the areas stay the same): every
    # national call asked for them again, a walk over the 3,400 areas each time.
    @cached_property
    def _current_provinces(self) -> tuple[str, ...]:
        return tuple(c for c in self._provinces if self.nodes[c].current)

    @cached_property
    def _provinces(self) -> tuple[str, ...]:
        return tuple(sorted(c for c, n in self.nodes.items() if n.level == Area.Level.PROVINCE))


_TREES: dict[tuple, Tree] = {}
# The tree's stamp: its version, which the database sets anew on every write of the areas table
# (migration 0005: triggers on both databases).
_STAMP = "version FROM analytics_treeversion"
# An area's data version (models.AreaVersion, PostgreSQL): set anew by the database whenever an
# observation of the area or of one of its communes is written.
_VERSIONS = "FROM analytics_areaversion WHERE area_id = ANY(%s)"


def area_tree() -> Tree:
    """The tree, read once per process while the areas table stays the same (its version)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_STAMP}")
        return _tree_of(tuple(cursor.fetchone()))


def _tree_of(stamp: tuple) -> Tree:
    tree = _TREES.get(stamp)
    if tree is None:
        _TREES.clear()
        tree = _TREES[stamp] = _read_tree(":".join(map(str, stamp)))
    return tree


def tree_and_versions(codes_of: Callable[[Tree], Iterable[str]]) -> tuple[Tree, dict[str, str]]:
    """The tree and the data versions of the areas ``codes_of(tree)`` names (:func:`area_versions`)
    in one statement on PostgreSQL while the tree is the one this process read last (every
    request of a server after its first); else the two reads one after the other."""
    tree, _rules, versions = tree_rules_and_versions(codes_of)
    return tree, versions


def tree_rules_and_versions(
    codes_of: Callable[[Tree], Iterable[str]],
) -> tuple[Tree, Catalogue, dict[str, str]]:
    """:func:`tree_and_versions` and the rules (:func:`catalogue`): on PostgreSQL, while the
    tree is the one this process read last, the two statements in one round trip."""
    if connection.vendor != "postgresql" or len(_TREES) != 1:
        tree = area_tree()
        return tree, catalogue(), area_versions(tree, codes_of(tree))
    (last,) = _TREES.values()
    codes = [c for c in codes_of(last) if c in last.nodes]
    ids = {last.nodes[c].pk: c for c in codes}
    rows, rules = read_together(
        Read(  # the tree's version (as area -1), then each area's written
            f"SELECT -1, {_STAMP} UNION ALL SELECT area_id, version {_VERSIONS}", [list(ids)], list
        ),
        _catalogue_read(),
    )
    stamp = next(tuple(r[1:]) for r in rows if r[0] == -1)
    tree = _tree_of(stamp)
    if tree is not last:  # the areas changed: their versions again, on the new tree
        return tree, rules, area_versions(tree, codes_of(tree))
    found = {r[0]: r[1] for r in rows if r[0] != -1}
    return tree, rules, {code: str(found.get(pk, 0)) for pk, code in ids.items()}


@dataclass(frozen=True)
class Read:
    """One statement and what makes its rows the value wanted (:func:`read_together`)."""

    sql: str
    params: list
    finish: Callable[[list[tuple]], Any]


def read_together(*reads: Read | None) -> list[Any]:
    """Each read's value (None for a None read), the statements sent in one round trip to the
    database on PostgreSQL (psycopg's pipeline mode: the server runs them one after the other,
    the client waits once) and one after the other elsewhere. On a busy server a round trip
    costs more than the statements of a national rollup take to run (2-5 ms at load 5)."""
    todo = [r for r in reads if r is not None]
    if connection.vendor != "postgresql" or len(todo) < 2:
        found = {id(r): r.finish(_rows(r.sql, r.params)) for r in todo}
    else:
        connection.ensure_connection()
        cursors = [connection.cursor() for _ in todo]
        try:
            with connection.connection.pipeline():
                for cursor, r in zip(cursors, todo, strict=True):
                    cursor.execute(r.sql, r.params)
            rows = [c.fetchall() for c in cursors]
        finally:
            for c in cursors:
                c.close()
        found = {id(r): r.finish(got) for r, got in zip(todo, rows, strict=True)}
    return [None if r is None else found[id(r)] for r in reads]


def _read_tree(stamp: str) -> Tree:
    nodes = {}
    rows = Area.objects.values_list(
        "pk", "code", "level", "parent__code", "successor__code", "name_vi", "valid_to"
    )
    for pk, code, level, parent, successor, name_vi, valid_to in rows:
        nodes[code] = Node(pk, code, level, parent, successor, name_vi, valid_to is None)
    children: dict[str, list[str]] = defaultdict(list)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for n in nodes.values():
        if n.successor:
            predecessors[n.successor].append(n.code)
        elif n.parent:
            children[n.parent].append(n.code)
    return Tree(
        nodes,
        stamp,
        {k: sorted(v) for k, v in children.items()},
        {k: sorted(v) for k, v in predecessors.items()},
    )


_CATALOGUES: dict[tuple, Catalogue] = {}


def catalogue() -> Catalogue:
    """Each indicator's aggregation rule, as the analytics core reads it: one object per process
    for the same rows, so what the core reads of the rules (``Catalogue.read``) and their stamp
    are read once; a caller must not change them."""
    (rules,) = read_together(_catalogue_read())
    return rules


def _catalogue_read() -> Read:
    return Read(
        "SELECT i.code, i.area_aggregation, i.time_aggregation, p.code, i.unit "
        "FROM indicators_indicator i LEFT JOIN indicators_indicator p ON p.id = i.parent_id "
        "ORDER BY i.code",
        [],
        _catalogue_of,
    )


def _catalogue_of(found: list[tuple]) -> Catalogue:
    rows = tuple(map(tuple, found))
    rules = _CATALOGUES.get(rows)
    if rules is None:
        _CATALOGUES.clear()
        rules = _CATALOGUES[rows] = Catalogue(
            (code, Rule(area_aggregation=area_agg, time_aggregation=time_agg, parent=parent, unit=unit))
            for code, area_agg, time_agg, parent, unit in rows
        )
    return rules


def data_version() -> tuple:
    """Changes with every write the figures read: audited changes (entry, import, review,
    targets, areas) and any observation inserted without one. The three tables' highest ids
    (each an index lookup, through the models' own managers) in one statement: every page asks,
    so the statement is written once per database vendor (the ORM's compiling it cost more CPU
    than the database's answering it)."""
    statement = _VERSION_SQL.get(connection.vendor)
    if statement is None:
        from marsad.audit.models import ChangeRecord
        from marsad.targets.models import Target

        parts = [
            qs.order_by("-pk").values("pk")[:1].query.sql_with_params()
            for qs in (ChangeRecord.objects.all(), Observation.objects.all(), Target.objects.all())
        ]
        statement = _VERSION_SQL[connection.vendor] = (
            "SELECT " + ", ".join(f"({sql})" for sql, _params in parts),
            tuple(p for _sql, params in parts for p in params),
        )
    with connection.cursor() as cursor:
        cursor.execute(statement[0], statement[1])
        return tuple(cursor.fetchone())


_VERSION_SQL: dict[str, tuple[str, tuple]] = {}  # vendor -> data_version's statement and parameters


def area_versions(tree: Tree, codes: Iterable[str]) -> dict[str, str]:
    """Each area's data version: on PostgreSQL the number the database sets anew whenever an
    observation of the area or of its communes is written (models.AreaVersion; "0": never
    written); on SQLite the one version of the whole database (:func:`data_version`)."""
    codes = [c for c in codes if c in tree.nodes]
    if connection.vendor != "postgresql":
        version = ":".join(map(str, data_version()))
        return dict.fromkeys(codes, version)
    ids = {tree.nodes[c].pk: c for c in codes}
    found = dict(_rows(f"SELECT area_id, version {_VERSIONS}", [list(ids)]))
    return {code: str(found.get(pk, 0)) for pk, code in ids.items()}


def _member(column: str, values: Iterable) -> tuple[str, list]:
    """``column`` is one of ``values``: one array parameter on PostgreSQL, a list on SQLite."""
    values = list(values)
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def own_records(
    codes: Iterable[str],
    period_codes: Iterable[str],
    indicators: Iterable[str] | None = None,
    tree: Tree | None = None,
) -> dict[str, list[dict]]:
    """The observations of these areas for these periods, by area code (ids as text).

    The periods are read as the range of their codes (most of the time of a national rollup's
    read was 54 probes per area; see ``PeriodQuerySet.in_periods``) and the codes asked kept;
    the areas are found by their ids in the tree (no join to the areas table); values are read
    as floats (stored exact, as decimals; the analytics core uses floats)."""
    (found,) = read_together(own_read(codes, period_codes, indicators, tree or area_tree()))
    return found or {}


def own_read(
    codes: Iterable[str], period_codes: Iterable[str], indicators: Iterable[str] | None, tree: Tree
) -> Read | None:
    """:func:`own_records` as a :class:`Read` (None: nothing to read)."""
    wanted = set(period_codes)
    codes = list(codes)
    if not wanted or not codes:
        return None
    areas, params = _member("o.area_id", [tree.nodes[c].pk for c in codes if c in tree.nodes])
    where = [areas, "o.period BETWEEN %s AND %s"]
    params += [min(wanted), max(wanted)]
    if indicators is not None:
        clause, more = _member("i.code", indicators)
        where.append(clause)
        params += more
    code_of = tree.code_of

    def finish(rows: list[tuple]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for pk, area_id, indicator, period, measure, value, unit, status, qualifier in rows:
            if period in wanted:
                area = code_of[area_id]
                out[area].append(
                    {
                        "id": str(pk),
                        "area": area,
                        "indicator": indicator,
                        "period": period,
                        "measure": measure,
                        "value": float(value),
                        "unit": unit,
                        "status": status,
                        "qualifier": qualifier,
                    }
                )
        return out

    return Read(
        "SELECT o.id, o.area_id, i.code, o.period, o.measure, CAST(o.value AS DOUBLE PRECISION), "
        "o.unit, o.status, o.qualifier "
        "FROM observations_observation o JOIN indicators_indicator i ON i.id = o.indicator_id "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY o.indicator_id, o.area_id, o.period, o.measure",  # the model's order
        params,
        finish,
    )


def commune_sums(
    parents: Iterable[str],
    period_codes: Iterable[str],
    tree: Tree,
    rules: dict[str, Rule],
    indicators: Iterable[str] | None = None,
) -> dict[str, list[ChildLevel]]:
    """Each parent's communes' levels summed (or averaged) per indicator and period, by the
    database. One actual value per commune and key: when a key has values of two statuses in the
    same communes, those keys are summed again from their rows with the most final status."""
    (found,) = read_together(sums_read(parents, period_codes, tree, rules, indicators))
    return found or {}


def sums_read(
    parents: Iterable[str],
    period_codes: Iterable[str],
    tree: Tree,
    rules: dict[str, Rule],
    indicators: Iterable[str] | None = None,
) -> Read | None:
    """:func:`commune_sums` as a :class:`Read` (None: nothing to read)."""
    parents = list(parents)
    additive = [c for c, r in rules.items() if r.over_areas]
    wanted = additive if indicators is None else [c for c in indicators if c in additive]
    period_codes = list(period_codes)
    if not parents or not wanted or not period_codes:
        return None
    # The communes' sums by province, indicator, period and status (models.CommuneLevel: kept
    # current on write on PostgreSQL, a view of the same GROUP BY on SQLite): a province's 99
    # communes x 24 months are 24 rows. The provinces by their ids in the tree, the indicators
    # by a join, the periods as the range of their codes (one range of the key's index per
    # province, where a list of codes was a filter over every row of the indicator).
    parent_ids = {tree.nodes[c].pk: c for c in parents if c in tree.nodes}
    asked = set(period_codes)
    provinces, params = _member("s.parent_id", parent_ids)
    codes, more = _member("i.code", wanted)
    sql = (
        "SELECT s.parent_id, i.code, s.period, s.status, CAST(s.total AS DOUBLE PRECISION), s.n, s.unit "
        "FROM analytics_communelevel s JOIN indicators_indicator i ON i.id = s.indicator_id "
        f"WHERE {provinces} AND {codes} AND s.period BETWEEN %s AND %s"
    )
    return Read(
        sql,
        [*params, *more, min(asked), max(asked)],
        lambda rows: _sums_of(rows, parent_ids, asked, period_codes, wanted, tree, rules),
    )


def _sums_of(rows, parent_ids, asked, period_codes, wanted, tree, rules) -> dict[str, list[ChildLevel]]:
    """The rows of :func:`sums_read` as each parent's :class:`ChildLevel` list."""
    # each key's first row, and the keys with rows of two statuses (summed again below)
    first: dict[tuple[str, str, str, bool], tuple[str, float, int, str]] = {}
    mixed: dict[tuple[str, str, str, bool], None] = {}
    for parent_id, indicator, period, status, total, n, unit in rows:
        if period in asked:
            key = (parent_ids[parent_id], indicator, period, status == "plan")
            if key in first:
                mixed[key] = None
            else:
                first[key] = (status, total, n, unit)
    exact = _best_status_sums(list(parent_ids), period_codes, wanted, list(mixed)) if mixed else {}
    out: dict[str, list[ChildLevel]] = defaultdict(list)
    communes = tree.commune_count
    average = {c for c in wanted if rules[c].area_aggregation == "average"}
    for key, (status, total, n, unit) in first.items():
        parent, indicator, period, plan = key
        if key in exact:
            total, n, status = exact[key]
        total = float(total) if total is not None else None  # a sum of exact decimals
        if indicator in average:
            total = total / n if n else total
        out[parent].append(  # positional: a national rollup reads a thousand of them
            ChildLevel(
                indicator,
                period,
                total,
                n,
                communes[parent],
                "communes",
                (),
                "exact",
                plan,
                unit or rules[indicator].unit,
            )
        )
    return out


def commune_indicators(
    parents: Iterable[str], period_codes: Iterable[str], tree: Tree
) -> dict[str, set[str]]:
    """The indicators each parent's communes have a sum of in the range of these periods (a
    period between the first and the last code: a few more than asked, never fewer)."""
    parent_ids = {tree.nodes[c].pk: c for c in parents if c in tree.nodes}
    period_codes = list(period_codes)
    if not parent_ids or not period_codes:
        return {}
    provinces, params = _member("s.parent_id", parent_ids)
    rows = _rows(
        "SELECT DISTINCT s.parent_id, i.code "
        "FROM analytics_communelevel s JOIN indicators_indicator i ON i.id = s.indicator_id "
        f"WHERE {provinces} AND s.period BETWEEN %s AND %s",
        [*params, min(period_codes), max(period_codes)],
    )
    out: dict[str, set[str]] = defaultdict(set)
    for parent_id, indicator in rows:
        out[parent_ids[parent_id]].add(indicator)
    return out


def _best_status_sums(parent_ids: list[int], period_codes: list[str], indicators: list[str], keys) -> dict:
    """The keys whose communes have several statuses: sum the most final value of each commune."""
    qs = Observation.objects.filter(
        area__parent_id__in=parent_ids,
        area__level=Area.Level.COMMUNE,
        measure="level",
        indicator__code__in=indicators,
    ).in_periods(period_codes)
    out = {}
    for parent, indicator, period, plan in keys:
        rows = qs.filter(area__parent__code=parent, indicator__code=indicator, period=period)
        rows = rows.filter(status="plan") if plan else rows.exclude(status="plan")
        best: dict[int, tuple[int, float]] = {}
        for area_id, status, value in rows.values_list("area_id", "status", "value"):
            rank = STATUS_RANK.get(status, 0)
            if area_id not in best or rank > best[area_id][0]:
                best[area_id] = (rank, float(value))
        out[(parent, indicator, period, plan)] = (
            sum(v for _r, v in best.values()),
            len(best),
            "plan" if plan else "estimate",
        )
    return out
