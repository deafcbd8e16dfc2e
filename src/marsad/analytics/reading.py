"""What the analytics service reads from the database: the area tree, own observations, and the
communes' levels summed per province (models.CommuneLevel, not one row per commune)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Max, Sum

from marsad.areas.models import Area
from marsad.core.analytics.figures import ChildLevel
from marsad.core.analytics.frames import Rule
from marsad.core.measures import STATUS_RANK
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation

from .models import AreaVersion, CommuneLevel

RECORD_FIELDS = ("id", "area", "indicator", "period", "measure", "value", "unit", "status", "qualifier")


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

    @property
    def code_of(self) -> dict[int, str]:
        """Each area's code by its id."""
        found = self.__dict__.get("_code_of")
        if found is None:
            found = self.__dict__["_code_of"] = {n.pk: c for c, n in self.nodes.items()}
        return found

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

    def communes(self, code: str) -> list[str]:
        return [c for c in self.children.get(code, ()) if self.nodes[c].level == Area.Level.COMMUNE]

    def current_provinces(self) -> list[str]:
        return sorted(c for c, n in self.nodes.items() if n.level == Area.Level.PROVINCE and n.current)

    def old_provinces(self) -> list[str]:
        return sorted(c for c, n in self.nodes.items() if n.level == Area.Level.PROVINCE and n.successor)


_TREES: dict[tuple, Tree] = {}


def area_tree() -> Tree:
    """The tree, read once per process while the areas table stays the same (its row count,
    highest id, closed areas and successors: what loading or merging areas changes)."""
    stamp = tuple(
        Area.objects.aggregate(
            n=Count("id"),
            m=Max("id"),
            closed=Count("valid_to"),
            merged=Count("successor"),
            p=Sum("parent_id"),
        ).values()
    )
    tree = _TREES.get(stamp)
    if tree is None:
        _TREES.clear()
        tree = _TREES[stamp] = _read_tree(":".join(map(str, stamp)))
    return tree


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


def catalogue() -> dict[str, Rule]:
    """Each indicator's aggregation rule, as the analytics core reads it."""
    return {
        code: Rule(area_aggregation=area_agg, time_aggregation=time_agg, parent=parent, unit=unit)
        for code, area_agg, time_agg, parent, unit in Indicator.objects.values_list(
            "code", "area_aggregation", "time_aggregation", "parent__code", "unit"
        )
    }


def data_version() -> tuple:
    """Changes with every write the figures read: audited changes (entry, import, review,
    targets) and any observation inserted without one. The three tables' highest ids (each an
    index lookup, through the models' own managers) in one statement: every page asks."""
    from marsad.audit.models import ChangeRecord
    from marsad.targets.models import Target

    parts = [
        qs.order_by("-pk").values("pk")[:1].query.sql_with_params()
        for qs in (ChangeRecord.objects.all(), Observation.objects.all(), Target.objects.all())
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(f"({sql})" for sql, _params in parts),
            [p for _sql, params in parts for p in params],
        )
        return tuple(cursor.fetchone())


def catalogue_stamp(rules: dict[str, Rule]) -> str:
    """A digest of the aggregation rules (a changed rule changes every figure it reads)."""
    return hashlib.blake2b(repr(sorted(rules.items())).encode(), digest_size=8).hexdigest()


def area_versions(tree: Tree, codes: Iterable[str]) -> dict[str, str]:
    """Each area's data version: on PostgreSQL the number the database sets anew whenever an
    observation of the area or of its communes is written (models.AreaVersion; "0": never
    written); on SQLite the one version of the whole database (:func:`data_version`)."""
    codes = [c for c in codes if c in tree.nodes]
    if connection.vendor != "postgresql":
        version = ":".join(map(str, data_version()))
        return dict.fromkeys(codes, version)
    ids = {tree.nodes[c].pk: c for c in codes}
    found = dict(AreaVersion.objects.filter(area_id__in=list(ids)).values_list("area_id", "version"))
    return {code: str(found.get(pk, 0)) for pk, code in ids.items()}


def period_range(codes: Iterable[str]) -> dict[str, str]:
    """The filter of a set of period codes as the range from the least to the greatest: an index
    on (..., period) reads one range, where a list of 54 codes is 54 probes (or a filter over
    every row); the range holds other codes too, which the caller drops."""
    codes = list(codes)
    return {"period__gte": min(codes), "period__lte": max(codes)}


def own_records(
    codes: Iterable[str],
    period_codes: Iterable[str],
    indicators: Iterable[str] | None = None,
    tree: Tree | None = None,
) -> dict[str, list[dict]]:
    """The observations of these areas for these periods, by area code (ids as text).

    The periods are read as the range of their codes (:func:`period_range`; most of the time
    of a national rollup's read was 54 probes per area) and the codes asked kept; the areas are
    found by their ids in the tree (no join to the areas table). All rows are fetched at once:
    they are all kept anyway."""
    wanted = set(period_codes)
    codes = list(codes)
    if not wanted or not codes:
        return {}
    tree = tree or area_tree()
    qs = Observation.objects.filter(
        area_id__in=[tree.nodes[c].pk for c in codes if c in tree.nodes], **period_range(wanted)
    )
    if indicators is not None:
        qs = qs.filter(indicator__code__in=list(indicators))
    out: dict[str, list[dict]] = defaultdict(list)
    code_of = tree.code_of
    fields = ("id", "area_id", "indicator__code", "period", "measure", "value", "unit", "status", "qualifier")
    for row in qs.values_list(*fields):
        if row[3] not in wanted:
            continue
        rec = dict(zip(RECORD_FIELDS, row, strict=True))
        rec["id"] = str(rec["id"])
        rec["area"] = code_of[rec["area"]]
        rec["value"] = float(rec["value"])  # stored exact (Decimal); the analytics core uses floats
        out[rec["area"]].append(rec)
    return out


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
    parents = list(parents)
    additive = [c for c, r in rules.items() if r.area_aggregation in ("sum", "average")]
    wanted = additive if indicators is None else [c for c in indicators if c in additive]
    if not parents or not wanted:
        return {}
    # The communes' sums by province, indicator, period and status (models.CommuneLevel: kept
    # current on write on PostgreSQL, a view of the same GROUP BY on SQLite): a province's 99
    # communes x 24 months are 24 rows. The provinces by their ids in the tree, the indicators
    # by a join, the periods as the range of their codes (one range of the key's index per
    # province, where a list of codes was a filter over every row of the indicator).
    parent_ids = {tree.nodes[c].pk: c for c in parents if c in tree.nodes}
    period_codes = list(period_codes)
    asked = set(period_codes)
    sums = CommuneLevel.objects.filter(
        parent_id__in=list(parent_ids), indicator__code__in=wanted, **period_range(asked)
    )
    groups: dict[tuple[str, str, str, bool], list[tuple[str, float, int, str]]] = defaultdict(list)
    for parent_id, indicator, period, status, total, n, unit in sums.values_list(
        "parent_id", "indicator__code", "period", "status", "total", "n", "unit"
    ):
        if period in asked:
            groups[(parent_ids[parent_id], indicator, period, status == "plan")].append(
                (status, total, n, unit)
            )
    qs = Observation.objects.filter(  # the rows themselves, for keys of several statuses
        area__parent_id__in=list(parent_ids),
        area__level=Area.Level.COMMUNE,
        measure="level",
        period__in=period_codes,
        indicator__code__in=wanted,
    )
    mixed = [k for k, v in groups.items() if len(v) > 1]
    exact = _best_status_sums(qs, mixed) if mixed else {}
    out: dict[str, list[ChildLevel]] = defaultdict(list)
    communes = {code: len(tree.communes(code)) for code in parent_ids.values()}
    for key, found in groups.items():
        parent, indicator, period, plan = key
        if key in exact:
            total, n, status = exact[key]
        else:
            status, total, n, _unit = found[0]
        expected = communes[parent]
        total = float(total) if total is not None else None  # Sum of exact decimals
        if rules[indicator].area_aggregation == "average":
            total = total / n if n else total
        out[parent].append(
            ChildLevel(
                indicator=indicator,
                period=period,
                value=total,
                count=n,
                expected=expected,
                kind="communes",
                plan=plan,
                unit=found[0][3] or rules[indicator].unit,
            )
        )
    return out


def _best_status_sums(qs, keys) -> dict:
    """The keys whose communes have several statuses: sum the most final value of each commune."""
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
