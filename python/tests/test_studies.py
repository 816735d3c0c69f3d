"""parley.tournament, parley.sweep and parley.results against `parley tournament/sweep/results --json`:
the same documents, the same databases outside `meta`, records that load into pandas, and bad
input refused before any database is created."""

import json
import os
import pathlib
import sqlite3
import subprocess

import numpy
import pandas
import pytest

import parley
from conftest import PARLEY

PARLEY_BINARY = os.path.abspath(PARLEY)  # before any test changes directory

STRATEGIES = ["boulware", "conceder", "micro"]


@pytest.fixture(scope="module")
def domains(source_dir):
    anac = source_dir / "tests" / "data" / "genius" / "anac" / "y2012"
    return [anac / "BarbecueA", anac / "CarA"]


def without_database(document):
    document = dict(document)
    document.pop("database")
    return document


def tables(path):
    """Every table's rows but `meta`'s, in key order."""
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: db.execute(f"SELECT * FROM {name}").fetchall() for name in names if name != "meta"}


@pytest.fixture(scope="module")
def cli_tournament(domains, tmp_path_factory, cli_json):
    db = tmp_path_factory.mktemp("cli") / "tournament.sqlite"
    document = cli_json("tournament", "--strategies", ",".join(STRATEGIES), "--domains", *domains,
                        "--repetitions", 2, "--seed", 7, "--db", db, "--threads", 2)
    return db, document


@pytest.fixture(scope="module")
def py_tournament(domains, tmp_path_factory):
    db = tmp_path_factory.mktemp("py") / "tournament.sqlite"
    return parley.tournament(STRATEGIES, domains, repetitions=2, seed=7, db=db, threads=2)


def test_tournament_equals_the_cli_json(cli_tournament, py_tournament):
    db, document = cli_tournament
    assert without_database(py_tournament.to_dict()) == without_database(document)
    assert py_tournament.to_dict()["database"] == py_tournament.database


def test_tournament_database_equals_the_clis_outside_meta(cli_tournament, py_tournament):
    cli_tables = tables(cli_tournament[0])
    assert set(cli_tables) == {"study", "records", "strategies", "domains", "runs", "actor_results"}
    assert len(cli_tables["runs"]) == 2 * 9 * 2
    assert tables(py_tournament.database) == cli_tables


def test_tournament_result_is_typed(py_tournament, domains):
    r = py_tournament
    assert (r.runs, r.planned_runs) == (36, 36)
    assert r.strategies == STRATEGIES
    assert r.domains == [d.name for d in domains]
    assert (r.seed, r.rounds, r.protocol, r.repetitions) == (7, 100, "sao", 2)
    assert sorted(s.strategy for s in r.ranking) == sorted(STRATEGIES)
    means = [s.utility.mean for s in r.ranking]
    assert means == sorted(means, reverse=True)
    best = r.ranking[0]
    assert best.negotiations == 24  # 2 domains x 2 repetitions x 6 seats (of 9 assignments; self-play twice)
    assert best.utility.low <= best.utility.mean <= best.utility.high
    assert best.utility.n == best.negotiations
    assert r.to_dict()["ranking"][0]["utility"]["mean"] == best.utility.mean


def test_tournament_records_load_into_pandas(py_tournament):
    frame = pandas.DataFrame(py_tournament.records())
    assert len(frame) == 36 * 2  # one row per run and seat
    assert list(frame.columns[:7]) == ["run", "domain", "assignment", "repetition", "seat", "party", "strategy"]
    # The ranking's utility is the mean own discounted utility per strategy.
    by_strategy = frame.groupby("strategy")["discounted"].agg(["mean", "count"])
    for score in py_tournament.ranking:
        assert by_strategy.loc[score.strategy, "count"] == score.negotiations
        assert by_strategy.loc[score.strategy, "mean"] == pytest.approx(score.utility.mean, rel=1e-12)
    assert frame["agreement"].mean() == pytest.approx(
        sum(s.agreement.mean * s.negotiations for s in py_tournament.ranking) / len(frame))
    # The database's typed tables hold the same rows.
    with sqlite3.connect(py_tournament.database) as db:
        rows = db.execute("SELECT run, seat, actor, utility, discounted FROM actor_results ORDER BY run, seat").fetchall()
    assert rows == list(frame[["run", "seat", "party", "utility", "discounted"]].itertuples(index=False, name=None))


def test_results_reads_a_tournament_back(cli_tournament, cli_json):
    db, _ = cli_tournament
    stored = parley.results(db)
    assert isinstance(stored, parley.TournamentResult)
    assert stored.to_dict() == cli_json("results", db)
    assert stored.database == str(db)


def test_tournament_without_db_uses_the_clis_default_path(domains, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["--strategies", "boulware,micro", "--domains", str(domains[0])]
    done = subprocess.run([PARLEY_BINARY, "tournament", *args, "--json"], capture_output=True, text=True, check=True)
    cli_path = json.loads(done.stdout)["database"]
    assert cli_path.startswith("results/tournament-")
    result = parley.tournament("boulware,micro", domains[0])  # one str: split as --strategies is
    assert result.database == cli_path  # the same study finds the same file (and resumes it)
    assert result.to_dict() == json.loads(done.stdout)
    assert sorted(p.name for p in (tmp_path / "results").iterdir() if p.suffix == ".sqlite") == [cli_path[8:]]


def test_unknown_strategy_raises_with_the_field_and_leaves_no_database(domains, tmp_path):
    db = tmp_path / "x.sqlite"
    with pytest.raises(parley.Error) as raised:
        parley.tournament(["boulware", "boulwar"], domains, db=db)
    assert raised.value.field == "strategy"
    assert raised.value.kind == "unknown_name"
    assert "did you mean 'boulware'" in str(raised.value)
    assert not db.exists()


def test_missing_domain_raises_an_input_error_at_the_path_and_leaves_no_database(domains, tmp_path):
    db = tmp_path / "x.sqlite"
    missing = domains[0].parent / "NoSuchDomain"
    with pytest.raises(parley.InputError) as raised:
        parley.tournament(STRATEGIES, [domains[0], missing], db=db)
    assert raised.value.file == str(missing)
    assert "no such file" in str(raised.value)
    assert not db.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(parley.InputError, match="no domain here"):
        parley.tournament(STRATEGIES, empty, db=db)
    assert not db.exists()


# ---- sweeps -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_sweep(flagship_path, tmp_path_factory, cli_json):
    db = tmp_path_factory.mktemp("cli") / "sweep.sqlite"
    document = cli_json("sweep", flagship_path, "--runs", 6, "--models", "smp,eum", "--seed", 3,
                        "--strategy", "ua=conceder", "--db", db, "--threads", 2)
    return db, document


@pytest.fixture(scope="module")
def py_sweep(flagship_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("py") / "sweep.sqlite"
    return parley.sweep(flagship_path, runs=6, models="smp,eum", seed=3, strategies={"ua": "conceder"}, db=db,
                        threads=2)


def test_sweep_equals_the_cli_json_and_database(cli_sweep, py_sweep):
    db, document = cli_sweep
    assert without_database(py_sweep.to_dict()) == without_database(document)
    assert tables(py_sweep.database) == tables(db)


def test_sweep_of_a_loaded_scenario_equals_the_sweep_of_its_file(flagship, py_sweep, tmp_path):
    again = parley.sweep(flagship, runs=6, models=["smp", "eum"], seed=3, strategies={"ua": "conceder"},
                         db=tmp_path / "s.sqlite")
    assert without_database(again.to_dict()) == without_database(py_sweep.to_dict())
    assert tables(again.database) == tables(py_sweep.database)


def test_sweep_arrays_and_records(py_sweep):
    s = py_sweep
    assert (s.runs, s.planned_runs, s.seed, s.models, s.negotiate) == (6, 6, 3, ["smp", "eum"], True)
    assert s.values.shape == (6, len(s.columns))
    assert s.values.dtype == numpy.float64
    assert list(s.run_numbers) == list(range(6))
    column = "forecast:smp:territory"
    numpy.testing.assert_array_equal(s.column(column), s.values[:, s.columns.index(column)])
    # The summary's median is the median of the column (Hyndman & Fan 7, numpy's default).
    summary = next(f for f in s.to_dict()["forecasts"] if f["model"] == "smp" and f["issue"] == "territory")
    assert summary["median"] == pytest.approx(numpy.median(s.column(column)), rel=1e-12)
    frame = pandas.DataFrame(s.records())
    assert list(frame.columns) == ["run", *s.columns]
    assert len(frame) == 6
    assert frame["stage:truce:holds"].dtype == bool
    truce = next(stage for stage in s.to_dict()["stages"] if stage["stage"] == "truce")
    assert frame["stage:truce:holds"].mean() == pytest.approx(truce["agreement"])
    strategy_inputs = [c for c in s.columns if c.endswith(".strategy")]
    assert strategy_inputs and all(isinstance(v, str) for v in frame[strategy_inputs[0]])
    with pytest.raises(parley.Error, match="did you mean 'forecast:smp:territory'"):
        s.column("forecast:smp:territori")


def test_results_reads_a_sweep_back(cli_sweep, cli_json):
    db, _ = cli_sweep
    stored = parley.results(db)
    assert isinstance(stored, parley.SweepResult)
    assert stored.to_dict() == cli_json("results", db)


def test_sweep_bad_input(flagship_path, source_dir, tmp_path):
    db = tmp_path / "x.sqlite"
    with pytest.raises(parley.InputError, match="no model 'smpp'.*did you mean 'smp'"):
        parley.sweep(flagship_path, runs=5, models="smpp", db=db)
    with pytest.raises(parley.InputError, match="0 runs"):
        parley.sweep(flagship_path, runs=0, db=db)
    with pytest.raises(parley.Error, match="no actor 'uaa'") as raised:
        parley.sweep(flagship_path, runs=5, strategies={"uaa": "conceder"}, db=db)
    assert raised.value.field == "strategy"
    plain = source_dir / "tests" / "data" / "genius" / "anac" / "y2012" / "CarA"
    with pytest.raises(parley.InputError, match="no `uncertainty:` section"):
        parley.sweep(plain, runs=5, db=db)
    assert not db.exists()
    with pytest.raises(parley.Error) as missing:
        parley.results(tmp_path / "none.sqlite")
    assert missing.value.kind == "io"


class UtilityReader(parley.Negotiator):
    """Reads its utilities as a numpy array in on_start, as most Python strategies do; a Python
    tournament on worker threads once deadlocked on the first such array (docs/python.md)."""

    def on_start(self, context):
        self.table = context.utilities
        self.order = self.table.argsort()[::-1]
        self.rank = 0

    def propose(self, turn):
        self.rank = min(self.rank + 1, len(self.order) - 1)
        return parley.Reply.propose(int(self.order[self.rank // 4]))

    def respond(self, turn):
        if self.table[turn.offer] >= self.table[self.order[self.rank // 4]]:
            return parley.Reply.accept()
        return self.propose(turn)


def test_python_strategies_play_on_worker_threads_with_the_same_results(domains, tmp_path):
    parley.register_strategy(UtilityReader, name="utility_reader")
    runs = {threads: parley.tournament(["utility_reader", "boulware"], domains, repetitions=2, seed=3,
                                       db=tmp_path / f"t{threads}.sqlite", threads=threads)
            for threads in (1, 2)}
    assert without_database(runs[1].to_dict()) == without_database(runs[2].to_dict())
    assert tables(tmp_path / "t1.sqlite") == tables(tmp_path / "t2.sqlite")
    sweeps = {threads: parley.sweep(str(pathlib.Path(__file__).resolve().parents[2] / "scenarios" / "talks-2025.yaml"),
                                    runs=6, models="none", strategies={"us": "utility_reader"}, threads=threads,
                                    db=tmp_path / f"s{threads}.sqlite")
              for threads in (1, 2)}
    assert pandas.DataFrame(sweeps[1].records()).equals(pandas.DataFrame(sweeps[2].records()))  # NaN == NaN
