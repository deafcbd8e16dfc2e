"""The indicators' rules as the analytics core reads them (frames.Catalogue)."""

from __future__ import annotations

import pickle

from marsad.core.analytics.derive import FactBase
from marsad.core.analytics.frames import Catalogue, Rule, catalogue_read

from .conftest import RULES


def test_a_catalogue_is_read_once_for_every_fact_base_over_it():
    rules = Catalogue(RULES)
    read = rules.read
    assert FactBase(rules)._read is read and FactBase(rules)._read is read
    assert catalogue_read(rules) is read
    assert read.wholes["va_services"] == "grdp" and read.wholes["grdp"] == "grdp"
    assert "budget_revenue" in read.flows and "cpi" not in read.flows


def test_a_plain_mapping_is_read_as_the_same_rules():
    plain = catalogue_read(RULES)
    assert plain is not catalogue_read(RULES)  # no memo keyed by a plain dict's identity
    assert (plain.wholes, plain.flows) == (Catalogue(RULES).read.wholes, Catalogue(RULES).read.flows)


def test_the_stamp_follows_the_rules():
    assert Catalogue(RULES).stamp == Catalogue(dict(RULES)).stamp
    changed = {**RULES, "cpi": Rule("average", "rate", None, "%")}
    assert Catalogue(changed).stamp != Catalogue(RULES).stamp


def test_a_catalogue_pickles_as_its_rules_alone():
    rules = Catalogue(RULES)
    rules.read  # noqa: B018 (read, then pickled: the reading stays behind)
    back = pickle.loads(pickle.dumps(rules))
    assert type(back) is dict and back == RULES
