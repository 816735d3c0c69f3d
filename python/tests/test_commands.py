"""forecast, analyze and negotiate equal the CLI's --json documents for the same command."""

import numpy as np

import parley


def test_forecast_equals_the_cli(flagship, flagship_path, cli_json):
    results = parley.forecast(flagship)
    document = cli_json("forecast", flagship_path)
    assert list(results) == [entry["model"] for entry in document["models"]]
    for entry in document["models"]:
        result = results[entry["model"]]
        assert result.to_dict() == entry
        assert result.outcome == entry["outcome"]
        assert result.error is None


def test_forecast_runs_the_models_named(flagship, flagship_path, cli_json):
    results = parley.forecast(flagship, models=["eum", "median"], seed=3, parameters={"eum": {"rounds": "5"}})
    assert list(results) == ["eum", "median"]
    document = cli_json("forecast", flagship_path, "--model", "eum,median", "--seed", 3, "--param", "eum.rounds=5")
    assert [r.to_dict() for r in results.values()] == document["models"]
    assert results["eum"].rounds == document["models"][0]["rounds"] and results["eum"].rounds <= 5
    assert list(parley.forecast(flagship, models="nash")) == ["nash"]


def test_analyze_frontier_equals_the_cli(flagship, flagship_path, cli_json):
    analysis = parley.analyze(flagship, stage="truce")
    document = cli_json("analyze", flagship_path, "--stage", "truce")
    assert analysis.to_dict() == document
    # The win-set is part of both: ua ratifies the truce from outside the us-ru channel.
    assert [p["role"] for p in document["win_set"]["parties"]] == ["table", "table", "ratifier"]
    assert analysis.parties == document["parties"]
    assert analysis.pareto.dtype == np.float64
    assert analysis.pareto.shape == (len(document["pareto"]), len(document["parties"]))
    np.testing.assert_array_equal(analysis.pareto, [point["utilities"] for point in document["pareto"]])
    assert analysis.pareto_outcomes == [point["outcome"] for point in document["pareto"]]
    np.testing.assert_array_equal(analysis.nash, document["nash"]["utilities"])
    np.testing.assert_array_equal(analysis.kalai_smorodinsky, document["kalai_smorodinsky"]["utilities"])
    np.testing.assert_array_equal(analysis.disagreement, document["disagreement"])


def test_analyze_defaults_to_the_first_stage(flagship):
    assert parley.analyze(flagship).stage == flagship.stages[0].id


def test_negotiate_equals_the_cli(flagship, flagship_path, cli_json):
    result = parley.negotiate(flagship, seed=7)
    document = cli_json("negotiate", flagship_path, "--seed", 7)
    assert result.to_dict() == document
    assert result.actors == [a.id for a in flagship.actors]
    np.testing.assert_array_equal(result.overall, [document["overall"][actor] for actor in result.actors])
    assert [s.status for s in result.stages] == [stage["status"] for stage in document["stages"]]
    for stage in result.stages:
        assert set(stage.utilities) <= set(result.actors)


def test_negotiate_takes_strategies_as_the_cli_does(flagship, flagship_path, cli_json):
    result = parley.negotiate(flagship, strategies={"us": "conceder", "*": "linear"}, stage="truce", rounds=20)
    document = cli_json("negotiate", flagship_path, "--strategy", "us=conceder", "--strategy", "*=linear",
                        "--stage", "truce", "--rounds", 20)
    assert result.to_dict() == document
    assert len(result.stages) == 1 and result.stages[0].stage == "truce"
