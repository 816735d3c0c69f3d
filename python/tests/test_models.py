"""Forecast models written in Python (parley.ForecastModel), evaluate and compare.

A Python model runs inside the engine: in forecast (alone, beside the built-ins, in 'all'),
in evaluate by name, with its parameters checked by its ParamSpecs. evaluate() and compare()
equal the CLI's --json documents.
"""

import math
import os
import re
import subprocess
import sys

import numpy as np
import pytest

import parley

DEU = "tests/data/deu/deu3.tsv"


def deu_path(source_dir):
    return source_dir / DEU


class PyCompromise(parley.ForecastModel):
    """Capability x salience weighted mean, written again in Python (van den Bos 1991)."""

    def name(self):
        return "py-compromise"

    def run(self, table, parameters, seed):
        outcome = []
        for d in range(table.dimension_count()):
            total = weighted = 0.0
            for i in range(table.actor_count()):
                w = table.capability[i] * table.salience[i, d]
                total += w
                weighted += w * table.position[i, d]
            outcome.append(weighted / total if total > 0 else float(np.mean(table.position[:, d])))
        return outcome


class PyMean(parley.ForecastModel):
    """Unweighted mean of every actor's position."""

    def name(self):
        return "py-mean"

    def run(self, table, parameters, seed):
        return {dim: sum(table.position[:, d]) / table.actor_count() for d, dim in enumerate(table.dimensions)}


class Shifted(parley.ForecastModel):
    """The middle of each scale, moved by `shift` points, clipped to the scale."""

    def name(self):
        return "py-shifted"

    def parameter_specs(self):
        return [
            parley.ParamSpec.number("shift", 0.0, parley.ParamRange(-100, 100), "points to move"),
            parley.ParamSpec.boolean("clip", True, "keep on the scale"),
        ]

    def run(self, table, parameters, seed):
        self.seen = dict(parameters)
        x = (table.lower + table.upper) / 2 + parameters["shift"]
        if parameters["clip"]:
            x = np.clip(x, table.lower, table.upper)
        return parley.Forecast(x, stop_reason="static")


@pytest.fixture(scope="module", autouse=True)
def registered():
    for model in (PyCompromise, PyMean, Shifted):
        parley.register_forecast_model(model)


def test_actor_table_views_without_copy(flagship):
    table = parley.to_actor_table(flagship)
    assert table.actors == [a.id for a in flagship.actors]
    assert table.position.shape == (len(table.actors), len(table.dimensions))
    assert not table.position.flags.writeable
    assert np.shares_memory(table.position, table.position)  # a view of the table, not a copy per access
    assert table.position.base is not None
    assert table.position_of(1, 2) == table.position[1, 2]
    assert table.salience_of(1, 2) == table.salience[1, 2]
    assert np.all(table.lower <= table.upper)
    assert len(table.reference_point) == len(table.dimensions)


def test_python_model_alone_in_forecast(flagship):
    result = parley.forecast(flagship, models="py-shifted")
    assert list(result) == ["py-shifted"]
    table = parley.to_actor_table(flagship)
    middle = (table.lower + table.upper) / 2
    assert result["py-shifted"].outcome == dict(zip(table.dimensions, middle))
    assert result["py-shifted"].stop_reason == "static"  # the Forecast returned, as it was
    assert result["py-shifted"].rounds == 0
    d = result["py-shifted"].to_dict()
    assert d["model"] == "py-shifted"
    assert d["description"] == "The middle of each scale, moved by `shift` points, clipped to the scale."
    assert d["details"] == {}


def test_python_model_beside_builtins_and_in_all(flagship):
    result = parley.forecast(flagship, models=["compromise", "py-compromise"])
    assert list(result) == ["compromise", "py-compromise"]
    builtin, python = result["compromise"].outcome, result["py-compromise"].outcome
    assert builtin.keys() == python.keys()
    for issue in builtin:
        assert python[issue] == pytest.approx(builtin[issue], rel=1e-12)
    everything = parley.forecast(flagship, models="all")
    names = list(everything)
    assert names[:6] == ["smp", "eum", "compromise", "median", "nash", "exchange"]
    assert {"py-compromise", "py-mean", "py-shifted"} <= set(names)
    assert everything["py-mean"].error is None


def test_python_model_by_name_with_parameters(flagship):
    result = parley.forecast(flagship, models="py-shifted", parameters={"py-shifted": {"shift": "7.5", "clip": "no"}})
    table = parley.to_actor_table(flagship)
    expected = (table.lower + table.upper) / 2 + 7.5
    assert list(result["py-shifted"].outcome.values()) == list(expected)
    assert result["py-shifted"].parameters == {"shift": "7.5", "clip": "no"}
    assert result["py-shifted"].to_dict()["parameters"] == {"shift": "7.5", "clip": "no"}
    model = parley._parley._python_forecast_models()["py-shifted"]
    assert model.seen == {"shift": 7.5, "clip": False}  # typed, validated by the specs


@pytest.mark.parametrize(
    "parameters, words",
    [({"shft": "1"}, ["unknown", "did you mean 'shift'"]), ({"shift": "1000"}, ["shift", "[-100, 100]"]),
     ({"clip": "perhaps"}, ["clip", "true, false"])],
)
def test_bad_parameter_is_a_model_parameter_error(flagship, parameters, words):
    with pytest.raises(parley.Error) as caught:
        parley.forecast(flagship, models="py-shifted", parameters={"py-shifted": parameters})
    assert caught.value.field == "model parameter"
    for word in words:
        assert word in str(caught.value)


class Failing(parley.ForecastModel):
    def name(self):
        return "py-failing"

    def run(self, table, parameters, seed):
        self.raised = LookupError("no such thing")
        raise self.raised


class Harmless(parley.ForecastModel):
    """Left registered in place of a test's broken model: a registered model stays in 'all'."""

    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name

    def run(self, table, parameters, seed):
        return (table.lower + table.upper) / 2


def test_exceptions_in_run_propagate_unchanged(flagship, source_dir):
    model = Failing()
    parley.register_forecast_model(model)
    try:
        with pytest.raises(LookupError) as caught:
            parley.forecast(flagship, models="py-failing")
        assert caught.value is model.raised
        with pytest.raises(LookupError) as caught:
            parley.forecast(flagship, models=["compromise", "py-failing"])
        assert caught.value is model.raised
        with pytest.raises(LookupError) as caught:
            parley.evaluate(deu_path(source_dir), models="py-failing", folds=0)
        assert caught.value is model.raised
    finally:
        parley.register_forecast_model(Harmless("py-failing"))


def test_bad_return_values_say_what_run_must_return(flagship):
    class Wrong(parley.ForecastModel):
        def name(self):
            return "py-wrong"

        def run(self, table, parameters, seed):
            return [1.0]

    class Text(Wrong):
        def run(self, table, parameters, seed):
            return "fifty"

    try:
        parley.register_forecast_model(Wrong)
        with pytest.raises(ValueError, match="1 outcome values for 9 dimensions"):
            parley.forecast(flagship, models="py-wrong")
        parley.register_forecast_model(Text)
        with pytest.raises(TypeError, match="must return a parley.Forecast"):
            parley.forecast(flagship, models="py-wrong")
    finally:
        parley.register_forecast_model(Harmless("py-wrong"))


def test_registering_a_name_again_replaces_the_model(flagship):
    def constant(value):
        class Constant(parley.ForecastModel):
            def name(self):
                return "py-constant"

            def run(self, table, parameters, seed):
                return [value] * table.dimension_count()

        return Constant

    parley.register_forecast_model(constant(1.0))
    assert set(parley.forecast(flagship, models="py-constant")["py-constant"].outcome.values()) == {1.0}
    parley.register_forecast_model(constant(2.0))  # a notebook cell run again
    assert set(parley.forecast(flagship, models="py-constant")["py-constant"].outcome.values()) == {2.0}
    assert list(parley.forecast(flagship, models="all")).count("py-constant") == 1
    # A decorator returns the class; a built-in's name is refused.
    assert parley.register_forecast_model(constant(3.0)) .__name__ == "Constant"

    class Impostor(parley.ForecastModel):
        def name(self):
            return "compromise"

        def run(self, table, parameters, seed):
            return [0.0] * table.dimension_count()

    with pytest.raises(parley.Error) as caught:
        parley.register_forecast_model(Impostor)
    assert caught.value.field == "model"
    assert "already registered" in str(caught.value)
    assert parley.forecast(flagship, models="compromise")["compromise"].description.startswith("Compromise model")


def test_python_model_in_evaluate_matches_the_builtin_it_rewrites(source_dir):
    e = parley.evaluate(deu_path(source_dir), models=["compromise", "py-compromise", "mean", "py-mean"], folds=0)
    rows = {s.name: s for s in e.scores}
    for builtin, python in (("compromise", "py-compromise"), ("mean", "py-mean")):
        assert rows[python].n == rows[builtin].n == 353
        assert rows[python].mae == pytest.approx(rows[builtin].mae, rel=1e-12)
        assert rows[python].median_ae == pytest.approx(rows[builtin].median_ae, rel=1e-12)
        assert (rows[python].hit5, rows[python].hit10) == (rows[builtin].hit5, rows[builtin].hit10)
        np.testing.assert_allclose(rows[python].case_errors, rows[builtin].case_errors, rtol=1e-12, atol=1e-12)
    assert rows["compromise"].mae == pytest.approx(23.09, abs=0.005)  # the DEU reference figure
    # A clearly different model gives clearly different figures.
    assert abs(rows["py-mean"].mae - rows["py-compromise"].mae) > 0.5
    assert rows["py-compromise"].description.startswith("Capability x salience weighted mean")
    # With folds, the same 80% intervals (a registered model gets the dynamic models' draws:
    # asking for that many makes the built-in draw as many).
    folded = parley.evaluate(deu_path(source_dir), models=["compromise", "py-compromise"], folds=5, interval_draws=6)
    builtin, python = folded.scores
    assert python.coverage80 == pytest.approx(builtin.coverage80, rel=1e-12)
    assert python.width80 == pytest.approx(builtin.width80, rel=1e-12)
    assert python.interval_draws == builtin.interval_draws == 6


def test_evaluate_equals_the_cli_json(source_dir, cli_json):
    data = deu_path(source_dir)
    e = parley.evaluate(data, models=["compromise", "median", "actor:com"], folds=0)
    assert e.to_dict() == cli_json("evaluate", data, "--models", "compromise,median,actor:com", "--folds", "0")
    folded = parley.evaluate(data, models="compromise,compromise-cv".split(","), folds=4, seed=7, interval_draws=10,
                             capability="equal")
    assert folded.to_dict() == cli_json("evaluate", data, "--models", "compromise,compromise-cv", "--folds", "4",
                                        "--seed", "7", "--interval-draws", "10", "--capability", "equal")
    assert folded.score("compromise").coverage80 is not None
    assert folded.capability == "equal"


def test_evaluate_errors_as_array_and_records(source_dir):
    e = parley.evaluate(deu_path(source_dir), models=["compromise", "median"], folds=0)
    assert e.cases == 353 and len(e.case_ids) == 353
    assert e.errors.shape == (2, 353)
    np.testing.assert_array_equal(e.errors[1], e.score("median").case_errors)
    assert np.nanmean(e.errors[0]) == pytest.approx(e.score("compromise").mae)
    records = e.records()
    assert len(records) == 2 * 353
    assert records[0] == {"model": "compromise", "case": e.case_ids[0], "case_index": 0, "error": e.errors[0, 0]}
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(records)
    assert frame.groupby("model")["error"].mean()["median"] == pytest.approx(e.score("median").mae)


def test_evaluate_bad_arguments_name_the_field(source_dir):
    with pytest.raises(parley.Error) as caught:
        parley.evaluate(deu_path(source_dir), models="compromize")
    assert caught.value.field == "evaluation row"
    assert "did you mean 'compromise'" in str(caught.value)
    with pytest.raises(parley.Error) as caught:
        parley.evaluate(deu_path(source_dir), capability="gdp")
    assert caught.value.field == "capability"
    with pytest.raises(parley.InputError):
        parley.evaluate(source_dir / "tests/data/scenarios/minimal.yaml")


def test_compare_equals_the_cli_json(flagship_path, cli_json):
    c = parley.compare(flagship_path, variants=["base", "open-format"], strategies={"*": "linear"}, seed=4)
    assert c.to_dict() == cli_json("compare", flagship_path, "--variants", "base,open-format", "--strategy", "*=linear",
                                   "--seed", "4")
    assert c.variants == ["base", "open-format"]
    every = parley.compare(str(flagship_path))
    assert every.to_dict() == cli_json("compare", flagship_path)
    assert every.variants[0] == "base" and len(every.variants) > 2


def test_compare_a_scenario_object_as_its_file(flagship, flagship_path):
    from_object = parley.compare(flagship, variants="open-format", seed=2)
    from_file = parley.compare(flagship_path, variants="open-format", seed=2)
    assert from_object.to_dict() == from_file.to_dict()


def test_compare_records_load_into_pandas(flagship_path):
    c = parley.compare(flagship_path, variants=["base", "open-format"])
    records = c.records()
    assert len(records) == 2 * len(c.actors)
    first = records[0]
    assert (first["variant"], first["actor"]) == ("base", c.actors[0])
    assert first["overall"] == c.overall[0, 0]
    stages = [s["id"] for s in c.to_dict()["variants"][0]["stages"]]
    for stage in stages:
        assert f"utility.{stage}" in first and f"status.{stage}" in first
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(records)
    assert frame.shape[0] == 2 * len(c.actors)
    pivot = frame.pivot(index="actor", columns="variant", values="overall")
    assert pivot.loc[c.actors[1], "open-format"] == c.overall[1, 1] or math.isnan(c.overall[1, 1])


def test_compare_bad_arguments_name_the_field(flagship_path):
    with pytest.raises(parley.Error) as caught:
        parley.compare(flagship_path, variants=["base", "open-formt"])
    assert caught.value.field == "variants"
    assert "did you mean 'open-format'" in str(caught.value)
    with pytest.raises(parley.Error) as caught:
        parley.compare(flagship_path, strategies={"xx": "linear"})
    assert caught.value.field == "strategy"


def test_the_docs_example_runs_and_prints_what_it_says(source_dir):
    docs = (source_dir / "docs" / "python.md").read_text()
    section = docs[docs.index("\n## Forecast models in Python\n"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    done = subprocess.run([sys.executable, "-c", code], cwd=source_dir, capture_output=True, text=True,
                          env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr
    promised = [line.split("# ")[1] for line in code.splitlines() if line.startswith("print(")]
    assert done.stdout.splitlines() == promised


def test_python_model_from_several_threads_at_once(flagship):
    # forecast releases the GIL around the engine; the model takes it back for each call.
    from concurrent.futures import ThreadPoolExecutor

    expected = parley.forecast(flagship, models="py-compromise")["py-compromise"].outcome
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: parley.forecast(flagship, models="py-compromise"), range(16)))
    assert all(r["py-compromise"].outcome == expected for r in results)


def test_dynamic_python_model_reports_its_rounds(flagship):
    class Drift(parley.ForecastModel):
        """Every actor moves halfway to the mean, once."""

        def name(self):
            return "py-drift"

        def run(self, table, parameters, seed):
            start = table.position
            moved = (start + start.mean(axis=0)) / 2
            return parley.Forecast(moved.mean(axis=0), rounds=[start.ravel(), moved.ravel()], stop_reason="one round")

    parley.register_forecast_model(Drift)
    result = parley.forecast(flagship, models="py-drift")["py-drift"]
    assert result.rounds == 1 and result.stop_reason == "one round"
    d = result.to_dict()
    assert d["rounds"] == 1 and d["stop_reason"] == "one round"
    table = parley.to_actor_table(flagship)
    assert len(d["positions"]) == 2
    assert np.allclose(np.array(d["positions"][0], dtype=float).ravel(), table.position.ravel())
