"""parley: model, forecast and simulate multi-party negotiations (the C++ engine, from Python).

    import parley
    talks = parley.load("scenarios/talks-2025.yaml")
    parley.forecast(talks)["eum"].outcome          # {issue id: value}
    parley.analyze(talks, stage="truce").pareto    # numpy array, points x parties
    parley.negotiate(talks, seed=7).overall        # numpy array, per actor

The names mirror the C++ API (parley::load_scenario's `load`, Scenario, Issue, Actor, Stage)
and the CLI's commands; every result has to_dict(), equal to the command's --json output.
Errors are parley.Error, and parley.InputError for a file (with .file, .line, .column).
See docs/python.md.
"""

from ._parley import (
    Actor,
    Analysis,
    Error,
    ForecastResult,
    InputError,
    Issue,
    NegotiationResult,
    Scenario,
    Stage,
    StageResult,
    Stance,
    TraceRecord,
    analyze,
    forecast,
    load,
    negotiate,
)

from .models import *  # noqa: E402,F401,F403  (forecast models in Python, evaluate)
from .negotiators import *  # noqa: E402,F401,F403  (strategies in Python)
from .studies import *  # noqa: E402,F401,F403  (tournament, sweep, compare, results)
from .scenario import *  # noqa: E402,F401,F403  (scenario parts built in Python, import_scenario)
from . import models as _models, negotiators as _negotiators, scenario as _scenario, studies as _studies

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Error",
    "ForecastResult",
    "InputError",
    "Issue",
    "NegotiationResult",
    "Scenario",
    "Stage",
    "StageResult",
    "Stance",
    "TraceRecord",
    "analyze",
    "forecast",
    "load",
    "negotiate",
    *_models.__all__,
    *_negotiators.__all__,
    *_studies.__all__,
    *_scenario.__all__,
]
