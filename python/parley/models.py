"""Forecast models written in Python, their registration, evaluate and compare.

    class Centre(parley.ForecastModel):
        "The middle of each scale."
        def name(self):
            return "centre"
        def run(self, table, parameters, seed):
            return (table.lower + table.upper) / 2

    parley.register_forecast_model(Centre)
    parley.forecast(talks, models=["centre", "eum"])
    parley.evaluate("tests/data/deu/deu3.tsv", models=["centre", "compromise"], folds=0)

See docs/python.md, "Forecast models in Python".
"""

from ._parley import (
    ActorTable,
    Evaluation,
    Forecast,
    ModelScore,
    ParamRange,
    ParamSpec,
    ParamType,
    VariantComparison,
    compare,
    evaluate,
    register_forecast_model,
    to_actor_table,
)

__all__ = [
    "ActorTable",
    "Evaluation",
    "Forecast",
    "ForecastModel",
    "ModelScore",
    "ParamRange",
    "ParamSpec",
    "ParamType",
    "VariantComparison",
    "compare",
    "evaluate",
    "register_forecast_model",
    "to_actor_table",
]


class ForecastModel:
    """A forecast model written in Python: the C++ parley::ForecastModel (forecast/model.hpp).

    Override name() and run(); description(), parameter_specs() and work_estimate() have
    defaults. Register an instance (or the class) with parley.register_forecast_model(); the
    engine then runs it wherever it runs a built-in model: parley.forecast(models=[...] or
    'all') and parley.evaluate(models=[...]), with parameters checked against its specs.

    Calls come from the engine, possibly from worker threads (each call holds the GIL).
    Exceptions raised in run() reach the caller of forecast() or evaluate() unchanged.
    """

    def name(self):
        """The name the model is registered and asked for under, e.g. "centre"."""
        raise NotImplementedError("a ForecastModel must define name()")

    def description(self):
        """One line, with its source. Default: the first line of the class's docstring."""
        doc = type(self).__doc__ or ""
        return doc.strip().splitlines()[0] if doc.strip() else self.name()

    def parameter_specs(self):
        """Every parameter run() accepts, as a list of parley.ParamSpec (default: none)."""
        return []

    def run(self, table, parameters, seed):
        """Forecast `table` (a parley.ActorTable).

        parameters: {name: value} of every spec, validated and typed (float, int, bool, str,
        list of int), defaults filled in. seed: an int; the same seed must give the same result.
        Returns a parley.Forecast, a sequence of one value per dimension (table.dimensions), or
        a dict {dimension id: value}, each on the dimension's own scale.
        """
        raise NotImplementedError("a ForecastModel must define run(table, parameters, seed)")

    def work_estimate(self, table, parameters):
        """An upper estimate of run()'s inner steps (about 10**8 a second), read before run() so a
        table too large is refused at once (max_work). Default 0: linear in the table."""
        return 0

    def __repr__(self):
        return f"<{type(self).__name__} forecast model {self.name()!r}>"
