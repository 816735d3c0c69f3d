"""Tournaments, sweeps and stored results: `parley tournament`, `parley sweep` and `parley results`.

    result = parley.tournament(["boulware", "conceder", "micro"], "tests/data/genius/anac/y2012",
                               db="anac.sqlite")
    result.ranking[0].utility.mean            # the winner's mean discounted utility
    pandas.DataFrame(result.records())        # one row per run and seat
    parley.results("anac.sqlite").to_dict()   # == `parley results anac.sqlite --json`

They run the CLI's own code into the same SQLite results database (docs/results.md), so the
database equals the CLI's outside `meta` and to_dict() equals the command's --json document.
See docs/python.md, "Tournaments, sweeps and comparisons".
"""

from ._parley import Estimate, StrategyScore, SweepResult, TournamentResult, results, sweep, tournament

__all__ = ["Estimate", "StrategyScore", "SweepResult", "TournamentResult", "results", "sweep", "tournament"]
