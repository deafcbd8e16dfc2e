"""Analytics: observations in, the figures a review meeting talks about out.

Everything here is pure (no Django): plain records or Polars frames in, Polars frames or plain
dicts out. The observation frame schema is defined once in :mod:`.frames`.

- :mod:`.derive`        derived measures (growth, levels, quarters <-> year to date, plan, shares,
                         contributions, residuals), each traceable to its inputs
- :mod:`.growth_needed` growth the rest of the year needs to hit a target; scenarios
- :mod:`.consistency`   every disagreement between observations
- :mod:`.rollup`        rollups over the area tree and over time (DuckDB engine)
- :mod:`.ranking`       areas ranked on a measure; communes that lag
- :mod:`.figures`       the figures of one area and period: precedence of routes, disagreements,
                         both boundary bases (what every page, report and the API show)
- :mod:`.synthetic`     a seeded synthetic national data set, and :mod:`.bench` timing it
"""

from .consistency import check_consistency
from .derive import derive
from .frames import observation_frame
from .growth_needed import growth_needed, growth_needed_for, scenario, scenarios_for
from .ranking import lagging, rank
from .rollup import AreaTree, ObservationStore, rollup

__all__ = [
    "AreaTree",
    "ObservationStore",
    "check_consistency",
    "derive",
    "growth_needed",
    "growth_needed_for",
    "lagging",
    "observation_frame",
    "rank",
    "rollup",
    "scenario",
    "scenarios_for",
]
