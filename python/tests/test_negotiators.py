"""Strategies written in Python: under every protocol, in staged negotiations, behind channels,
registered by name with parameters, deterministic, with errors that reach the caller; and
negotiate(..., trace=True)."""

import concurrent.futures
import json
import random

import numpy as np
import pytest

import parley

LAPTOP = "tests/data/genius/anac/y2012/LaptopC"

# One stage, three parties (two for alternating), over two issues.
SCENARIO = """
name: Protocols
issues:
  x: {{labels: {{0: none, 100: full}}}}
  y: {{}}
actors:
  a:
    reservation: 0.1
    stances: {{x: {{position: 100}}, y: {{position: 0, salience: 0.5}}}}
  b:
    reservation: 0.1
    stances: {{x: {{position: 0}}, y: {{position: 100}}}}
{third}
stages:
  only:
    issues: [x, y]
    protocol: {protocol}
    deadline: 40
"""
THIRD = """  c:
    reservation: 0.1
    stances: {x: {position: 50}, y: {position: 50, salience: 2}}"""

# What the protocols emit (parley::EventKind): the trace's records of the talks themselves.
TABLE_KINDS = {kind.name for kind in parley.EventKind}


def scenario_for(tmp_path, protocol):
    path = tmp_path / f"{protocol}.yaml"
    path.write_text(SCENARIO.format(protocol=protocol, third="" if protocol == "alternating" else THIRD))
    return parley.load(str(path))


class TimeBased(parley.Negotiator):
    """Concedes early (t^0.25) from its best outcome to its reservation value; counts its calls."""

    calls = 0

    def on_start(self, context):
        super().on_start(context)
        self.high = context.max_utility
        self.low = context.reservation_value

    def target(self, turn):
        return self.high - (self.high - self.low) * turn.time ** 0.25

    def propose(self, turn):
        type(self).calls += 1
        offer = self.context.at_least(self.target(turn), turn)
        return parley.Reply.reject() if offer is None else parley.Reply.propose(offer)

    def respond(self, turn):
        type(self).calls += 1
        if self.context.utility(turn.offer) >= self.target(turn):
            return parley.Reply.accept()
        return parley.Reply.reject() if turn.kind == parley.TurnKind.vote else self.propose(turn)


class Recorder(TimeBased):
    """TimeBased that keeps what it was told: its context's facts, turns and events."""

    made = []

    def on_start(self, context):
        super().on_start(context)
        Recorder.made.append(self)
        self.protocol, self.party, self.seed = context.protocol, context.self, context.seed
        self.events, self.turns, self.ended = [], [], []

    def act(self, turn):
        self.turns.append(turn)
        return super().act(turn)

    def observe(self, event):
        self.events.append((event.kind.name, event.sender, event.round, event.time))

    def on_end(self, agreement):
        self.ended.append(agreement)


def observed_in_trace(trace, stage, actor, parties):
    """What the trace says `actor` observed of a stage's talks, as Recorder records it."""
    return [(r["kind"], parties.index(r["sender"]) if r["sender"] else -1, r["round"], r["time"])
            for r in trace if r["stage"] == stage and r["kind"] in TABLE_KINDS and actor in r["observers"]]


# ---- the vocabulary -------------------------------------------------------------------------


def test_replies_and_kinds_mirror_the_cpp_names():
    assert parley.Reply.accept() is parley.Reply.accept()  # shared, immutable
    assert parley.Reply.accept().kind == parley.ReplyKind.accept
    offer = parley.Reply.propose(3)
    assert offer.kind == parley.ReplyKind.offer and offer.outcome == 3 and offer.reopen == -1
    assert parley.Reply.propose(np.int64(3)) == offer
    assert parley.Reply.reject().outcome is None and parley.Reply.end().kind == parley.ReplyKind.end
    assert parley.Reply.propose(-5).outcome is None  # outside every space: counts as reject
    assert [k.name for k in parley.TurnKind] == ["propose", "respond", "vote"]
    assert parley.EventKind.agreed_in_principle == 6


# ---- every protocol -------------------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["sao", "alternating", "mediated", "issue_by_issue"])
def test_python_strategy_plays_cpp_ones_under_every_protocol(tmp_path, protocol):
    scenario = scenario_for(tmp_path, protocol)
    Recorder.made.clear()
    result = parley.negotiate(scenario, seed=3, strategies={"a": Recorder, "b": "conceder"}, trace=True)
    [me] = Recorder.made
    assert me.protocol == protocol and me.party == 0 and len(me.ended) == 1
    assert me.turns, "the Python strategy was asked to act"
    assert result.stages[0].status == "agreement"
    assert me.ended[0] is not None
    document = result.to_dict()
    parties = document["stages"][0]["parties"]
    # It saw exactly what a C++ negotiator in its seat is entitled to (mediated: not the others' votes).
    assert me.events == observed_in_trace(document["trace"], "only", "a", parties)
    if protocol == "mediated":  # the others' votes went to the (neutral) mediator only
        assert any(r["kind"] in ("accept", "reject") and r["sender"] != "a" and "a" not in r["observers"]
                   for r in document["trace"])
    if protocol in ("sao", "alternating"):  # its offers are in the trace
        assert any(r["kind"] == "offer" and r["sender"] == "a" for r in document["trace"])


def test_kept_turns_do_not_change(tmp_path):
    Recorder.made.clear()
    parley.negotiate(scenario_for(tmp_path, "issue_by_issue"), seed=1, strategies={"a": Recorder})
    turns = Recorder.made[0].turns
    assert len(turns) > 3
    assert [t.moves for t in turns] == sorted({t.moves for t in turns})  # each as it was
    assert all(isinstance(t.agreed, tuple) and len(t.agreed) == 2 for t in turns)


# ---- staged negotiations and channels ---------------------------------------------------------


def test_python_strategies_in_the_flagships_stages_see_only_their_channel(flagship):
    Recorder.made.clear()
    result = parley.negotiate(flagship, seed=5, strategies={"us": Recorder, "ru": Recorder, "ua": Recorder, "eu": Recorder},
                              trace=True)
    document = result.to_dict()
    made = iter(Recorder.made)
    seen = 0
    for stage in document["stages"]:
        parties = stage["parties"]
        for party, actor in enumerate(parties):  # at the table, in party order
            me = next(made)
            assert (me.protocol, me.party) == ("sao", party)
            assert me.events == observed_in_trace(document["trace"], stage["id"], actor, parties)
            seen += len(me.events)
        for vote in stage.get("ratification", []):  # outside the closed channel: one turn, nothing observed
            if vote["actor"] in ("ua", "eu"):
                me = next(made)
                assert me.protocol == "ratification" and me.events == []
                assert [t.kind for t in me.turns] == [parley.TurnKind.respond] and me.turns[0].time == 1
    assert next(made, None) is None
    assert seen > 0
    # Outsiders observe nothing said at the us-ru table.
    assert not any(r["kind"] in TABLE_KINDS and {"ua", "eu"} & set(r["observers"]) for r in document["trace"])


def test_context_is_private_and_ends_with_the_negotiation():
    laptop = parley.load(LAPTOP)
    Recorder.made.clear()
    kept = {}

    class Keeper(Recorder):
        def on_start(self, context):
            super().on_start(context)
            kept["context"] = context
            view = context.utilities
            kept["view"] = (view.flags.owndata, view.flags.writeable, view.shape)
            kept["utilities"] = np.array(view)
            kept["check"] = [context.utility(o) for o in range(context.outcome_count)]
            kept["decoded"] = [context.encode(context.decode(o)) for o in range(context.outcome_count)]
            kept["radices"] = context.radices
            kept["values"] = context.value(context.outcome_count - 1, 0)

    parley.negotiate(laptop, seed=2, strategies={"laptop-c-prof1": Keeper})
    assert kept["view"] == (False, False, (27,))  # a view, read-only, no copy
    np.testing.assert_array_equal(kept["utilities"], kept["check"])
    assert kept["decoded"] == list(range(27)) and kept["radices"] == (3, 3, 3) and kept["values"] == 2
    with pytest.raises(RuntimeError, match="ended"):
        kept["context"].utility(0)


# ---- a built-in strategy reimplemented in Python ----------------------------------------------


class PyAspiration(parley.Negotiator):
    """src/negotiate/time_based.cpp's aspiration family under negmas=0.8.9 (linear, boulware,
    conceder), in Python: the target a(t)·(u_max − u_min) + u_min on the rational range."""

    def __init__(self, e=1.0):
        self.e = e

    def on_start(self, context):
        u = np.array(context.utilities)
        self.u = u
        self.rv = rv = context.reservation_value
        order = np.lexsort((np.arange(len(u)), -u))  # ranks: utility descending, ties by index
        self.order, self.negated = order, -u[order]
        last = self.rank_at_least(rv)
        self.u_max, self.u_min = (rv, rv) if last < 0 else (u.max(), max(u[order[last]], rv))

    def rank_at_least(self, target):
        return int(np.searchsorted(self.negated, -target, side="right")) - 1

    def target(self, t):
        if self.e == 4.0:
            t2 = t * t
            p = t2 * t2
        else:
            p = t ** self.e
        return (1.0 - p) * (self.u_max - self.u_min) + self.u_min

    def act(self, turn):
        target, rv = self.target(turn.time), self.rv
        if turn.kind == parley.TurnKind.respond:
            offered = self.u[turn.offer]
            if offered >= rv and offered >= target and offered > rv:
                return parley.Reply.accept()
            if target < rv:
                return parley.Reply.end()
        if self.u_max < rv or target < rv:
            return parley.Reply.reject()
        rank = self.rank_at_least(target)
        offer = int(self.order[max(rank, 0)])
        return parley.Reply.reject() if self.u[offer] < rv else parley.Reply.propose(offer)


def without_strategy_names(document):
    text = json.dumps(document)
    for name in ("pyaspiration:e=4", "PyAspiration", "boulware", "linear"):
        text = text.replace(f'"{name}"', '"S"')
    return json.loads(text)


@pytest.mark.parametrize("path,seeds", [("scenarios/talks-2025.yaml", (0,)), (LAPTOP, (0, 9))])
def test_python_linear_equals_the_builtin(path, seeds, source_dir):
    scenario = parley.load(str(source_dir / path))
    for seed in seeds:
        builtin = parley.negotiate(scenario, seed=seed, strategies={"*": "linear"}, trace=True).to_dict()
        python = parley.negotiate(scenario, seed=seed, strategies={"*": PyAspiration}, trace=True).to_dict()
        assert len(python["trace"]) > 10
        assert without_strategy_names(python) == without_strategy_names(builtin)


# ---- registration -------------------------------------------------------------------------


def test_registered_by_name_with_parameters(flagship, tmp_path):
    parley.register_strategy(PyAspiration, "pyaspiration", summary="aspiration in Python",
                             params={"e": {"type": "number", "default": 1.0, "range": (0, 1e6), "low_open": True,
                                           "doc": "concession exponent"}})
    assert "pyaspiration" in parley.strategy_names()
    python = parley.negotiate(flagship, seed=4, strategies={"us": "pyaspiration:e=4", "*": "pyaspiration:e=4"}, trace=True)
    builtin = parley.negotiate(flagship, seed=4, strategies={"us": "boulware", "*": "boulware"}, trace=True)
    assert without_strategy_names(python.to_dict()) == without_strategy_names(builtin.to_dict())
    assert python.to_dict()["strategies"]["us"] == "pyaspiration:e=4"
    # In a scenario file's actor `strategy:`, too.
    laptop = tmp_path / "laptop.yaml"
    laptop.write_text(SCENARIO.format(protocol="sao", third="").replace("    reservation: 0.1\n    stances: {x: {position: 100}",
                                                                          "    strategy: 'pyaspiration:e=4'\n    reservation: 0.1\n    stances: {x: {position: 100}", 1))
    from_file = parley.negotiate(parley.load(str(laptop)), seed=1, trace=True).to_dict()
    assert from_file["strategies"]["a"] == "pyaspiration:e=4"


def test_bad_parameters_are_parley_errors(flagship):
    parley.register_strategy(PyAspiration, "pyaspiration",
                             params={"e": {"type": "number", "default": 1.0, "range": (0, 1e6), "low_open": True,
                                           "doc": "concession exponent"}})
    with pytest.raises(parley.Error) as bad:
        parley.negotiate(flagship, strategies={"us": "pyaspiration:e=-1"})
    assert bad.value.field == "strategy" and "'e'" in str(bad.value)
    with pytest.raises(parley.Error) as unknown:
        parley.negotiate(flagship, strategies={"us": "pyaspiration:f=1"})
    assert unknown.value.field == "strategy" and unknown.value.kind == "unknown_name"
    with pytest.raises(parley.Error) as taken:
        parley.register_strategy(PyAspiration, "boulware")
    assert taken.value.field == "strategy"
    with pytest.raises(parley.Error) as changed:
        parley.register_strategy(PyAspiration, "pyaspiration", params={"e": 2.0})
    assert "other parameters" in str(changed.value)
    with pytest.raises(parley.Error) as instance:
        parley.negotiate(flagship, strategies={"us": PyAspiration()})
    assert instance.value.field == "strategy"
    with pytest.raises(parley.Error):
        parley.register_strategy(PyAspiration, "bad_default", params={"e": {"type": "number", "default": 5, "range": (0, 1)}})


def test_registering_again_replaces_the_class():
    laptop = parley.load(LAPTOP)

    class First(TimeBased):
        pass

    class Second(TimeBased):
        def propose(self, turn):
            raise LookupError("second")

    parley.register_strategy(First, "replaceable")
    parley.negotiate(laptop, strategies={"laptop-c-prof1": "replaceable"})
    parley.register_strategy(Second, "replaceable")
    with pytest.raises(LookupError, match="second"):
        parley.negotiate(laptop, strategies={"laptop-c-prof1": "replaceable"})


def test_a_class_passed_directly_is_registered_by_its_name():
    laptop = parley.load(LAPTOP)

    def define():
        class Clash(TimeBased):
            pass

        return Clash

    first, again = define(), define()  # the same class defined twice (a cell run again)
    parley.negotiate(laptop, strategies={"laptop-c-prof1": first})
    parley.negotiate(laptop, strategies={"laptop-c-prof1": again})
    assert "Clash" in parley.strategy_names()

    class Clash(TimeBased):  # another class of the same name
        pass

    with pytest.raises(parley.Error, match="another name") as clash:
        parley.negotiate(laptop, strategies={"laptop-c-prof1": Clash})
    assert clash.value.field == "strategy"


def test_parameters_reach_the_constructor_typed():
    got = {}

    class Typed(TimeBased):
        def __init__(self, n, flag, mode, label):
            got.update(n=n, flag=flag, mode=mode, label=label)

    parley.register_strategy(Typed, "typed", params={"n": 3, "flag": False, "label": "x",
                                                     "mode": {"type": "choice", "choices": ["a", "b"], "default": "a"}})
    parley.negotiate(parley.load(LAPTOP), strategies={"laptop-c-prof1": "typed:n=7,flag=yes,mode=b"})
    assert got == {"n": 7, "flag": True, "mode": "b", "label": "x"}


# ---- errors -------------------------------------------------------------------------------


class Boom(Exception):
    pass


@pytest.mark.parametrize("where", ["__init__", "on_start", "propose", "respond", "observe", "on_end"])
def test_exceptions_reach_the_caller_unchanged(where):
    raised = Boom(where)

    class Failing(TimeBased):
        def __init__(self):
            if where == "__init__":
                raise raised

        def on_start(self, context):
            super().on_start(context)
            if where == "on_start":
                raise raised

        def propose(self, turn):
            if where == "propose":
                raise raised
            return super().propose(turn)

        def respond(self, turn):
            if where == "respond":
                raise raised
            return super().respond(turn)

        def observe(self, event):
            if where == "observe":
                raise raised

        def on_end(self, agreement):
            if where == "on_end":
                raise raised

    with pytest.raises(Boom) as caught:
        parley.negotiate(parley.load(LAPTOP), strategies={"*": Failing})
    assert caught.value is raised


def test_a_reply_that_is_not_a_reply_is_a_type_error_and_an_invalid_one_a_pass():
    laptop = parley.load(LAPTOP)

    class Wrong(TimeBased):
        def propose(self, turn):
            return 3

    with pytest.raises(TypeError, match="not a parley.Reply"):
        parley.negotiate(laptop, strategies={"laptop-c-prof1": Wrong})

    class Outside(TimeBased):
        def propose(self, turn):
            return parley.Reply.propose(10**6)

    document = parley.negotiate(laptop, strategies={"laptop-c-prof1": Outside}, trace=True).to_dict()
    mine = [r["kind"] for r in document["trace"] if r["sender"] == "laptop-c-prof1"]
    assert mine and "offer" not in mine and "no_offer" in mine


# ---- determinism --------------------------------------------------------------------------


class Dice(parley.Negotiator):
    """Random rational offers and acceptances, every draw from the negotiator's own seed."""

    def on_start(self, context):
        self.context = context
        self.random = random.Random(context.seed)
        self.rational = np.flatnonzero(context.utilities >= context.reservation_value)

    def propose(self, turn):
        return parley.Reply.propose(self.rational[self.random.randrange(len(self.rational))])

    def respond(self, turn):
        if self.context.utility(turn.offer) >= self.context.reservation_value and self.random.random() < 0.2:
            return parley.Reply.accept()
        return self.propose(turn)


def test_same_seed_same_result_on_any_thread(flagship):
    def run(seed):
        return parley.negotiate(flagship, seed=seed, strategies={"*": Dice}, stage="truce", trace=True).to_dict()

    seeds = list(range(8))
    alone = [run(seed) for seed in seeds]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(run, seeds))
    assert threaded == alone
    assert len({json.dumps(d["trace"]) for d in alone}) == len(seeds)  # the seed matters


# ---- the trace ----------------------------------------------------------------------------


def test_trace_equals_the_clis(flagship, flagship_path, cli_json, tmp_path):
    result = parley.negotiate(flagship, seed=7, strategies={"us": "conceder"}, trace=True)
    trace_file = tmp_path / "trace.jsonl"
    document = cli_json("negotiate", flagship_path, "--seed", 7, "--strategy", "us=conceder", "--trace", trace_file)
    lines = [json.loads(line) for line in trace_file.read_text().splitlines()]
    mine = result.to_dict()
    assert mine.pop("trace") == lines
    assert mine == document
    assert [r.to_dict() for r in result.trace] == lines
    first = result.trace[1]
    assert (first.seq, first.stage, first.kind, first.sender, first.observers) == (
        1, lines[1]["stage"], lines[1]["kind"], lines[1]["sender"], lines[1]["observers"])
    assert first.outcome == lines[1]["outcome"] and first.channel == "us-ru"
    plain = parley.negotiate(flagship, seed=7, strategies={"us": "conceder"})
    assert plain.trace is None and "trace" not in plain.to_dict() and plain.to_dict() == document
