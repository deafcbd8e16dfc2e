"""Analytics: observations in, the figures a review meeting talks about out.

Everything here is pure (no Django): plain records or Polars frames in, Polars frames or plain
dicts out. The observation frame schema is defined once in :mod:`.frames`.

- :mod:`.derive`        derived measures (growth, levels, quarters <-> year to date, plan, shares,
                         contributions, residuals), each traceable to its inputs
- :mod:`.growth_needed` growth the rest of the year needs to hit a target; scenarios
- :mod:`.consistency`   every disagreement between observations
- :mod:`.rollup`        rollups over the area tree and over time (DuckDB engine)
- :mod:`.ranking`       areas ranked on a measure; communes that lag
- :mod:`.table`         the derived table of one area and period
- :mod:`.synthetic`     a seeded synthetic national data set, and :mod:`.bench` timing it
"""
