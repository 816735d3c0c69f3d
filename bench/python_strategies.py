#!/usr/bin/env python3
"""How fast a strategy written in Python negotiates inside parley (issue 11, section 3).

    PYTHONPATH=build/python /usr/bin/python3 bench/python_strategies.py [--seconds S]

SAO on the GENIUS domain LaptopC (ANAC 2012, 27 outcomes, 100 rounds), one
parley.negotiate() call per negotiation (compiling, negotiating and analysing the domain),
each against the C++ `boulware`:

  linear (Python)    the time-based `linear` strategy of src/negotiate/time_based.cpp
                     (negmas=0.8.9) reimplemented in Python; it gives the same results as
                     the C++ `linear` (checked below), so the two rows differ only in where
                     the strategy runs;
  hardliner (Python) offers its best outcome and never accepts (boulware gives in late): a
                     trivial body, so its extra time over the C++ `hardliner` is the cost of
                     crossing into Python, divided by the Python calls counted (every act(),
                     plus on_start and on_end);
  + observe          the same, also overriding observe() (the adapter skips observe() for a
                     class that does not override it).

Target: >= 2,000 negotiations/s with the Python strategy (NegMAS: 92/s on LaptopC with two
Python agents). Figures vary with the machine and its load; run it on an idle one.
"""

import argparse
import bisect
import os
import pathlib
import time

import parley

ROOT = pathlib.Path(__file__).resolve().parents[1]
LAPTOP = ROOT / "tests" / "data" / "genius" / "anac" / "y2012" / "LaptopC"
TARGET = 2000
NEGMAS = 92


class Calls:
    count = 0


class Linear(parley.Negotiator):
    """`linear` (negmas=0.8.9) in Python: target (1 - t)(u_max - u_min) + u_min."""

    def on_start(self, context):
        Calls.count += 1
        u = list(context.utilities)
        self.u = u
        self.rv = rv = context.reservation_value
        self.order = sorted(range(len(u)), key=lambda o: (-u[o], o))  # ranks: best first, ties by index
        self.negated = [-u[o] for o in self.order]
        last = self.rank_at_least(rv)
        self.u_max, self.u_min = (rv, rv) if last < 0 else (u[self.order[0]], max(u[self.order[last]], rv))

    def rank_at_least(self, target):
        return bisect.bisect_right(self.negated, -target) - 1

    def act(self, turn):
        Calls.count += 1
        target = (1.0 - turn.time) * (self.u_max - self.u_min) + self.u_min
        rv = self.rv
        if turn.kind == parley.TurnKind.respond:
            offered = self.u[turn.offer]
            if offered >= rv and offered >= target and offered > rv:
                return parley.Reply.accept()
            if target < rv:
                return parley.Reply.end()
        if self.u_max < rv or target < rv:
            return parley.Reply.reject()
        offer = self.order[max(self.rank_at_least(target), 0)]
        return parley.Reply.reject() if self.u[offer] < rv else parley.Reply.propose(offer)

    def on_end(self, agreement):
        Calls.count += 1


class Hardliner(parley.Negotiator):
    """Offers its best outcome, accepts nothing."""

    def on_start(self, context):
        Calls.count += 1
        self.offer = parley.Reply.propose(context.best)

    def propose(self, turn):
        Calls.count += 1
        return self.offer

    def respond(self, turn):
        Calls.count += 1
        return self.offer

    def on_end(self, agreement):
        Calls.count += 1


class ObservingHardliner(Hardliner):
    def observe(self, event):
        Calls.count += 1


def rate(scenario, strategy, seconds):
    """Negotiations per second and Python calls per negotiation, over about `seconds`."""
    strategies = {scenario.actors[0].id: strategy, "*": "boulware"}
    parley.negotiate(scenario, strategies=strategies)  # registers a class, warms the caches
    Calls.count = 0
    count, start = 0, time.perf_counter()
    while True:
        parley.negotiate(scenario, seed=count, strategies=strategies)
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed, Calls.count / count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per row (default 3)")
    seconds = parser.parse_args().seconds
    laptop = parley.load(str(LAPTOP))
    a = laptop.actors[0].id
    for seed in range(20):  # the Python `linear` is the C++ one
        python = parley.negotiate(laptop, seed=seed, strategies={a: Linear, "*": "boulware"}).to_dict()["stages"]
        builtin = parley.negotiate(laptop, seed=seed, strategies={a: "linear", "*": "boulware"}).to_dict()["stages"]
        for p, b in zip(python, builtin):
            assert (p["agreement"], p["rounds"], p["utilities"]) == (b["agreement"], b["rounds"], b["utilities"]), seed

    rows = []
    linear_py, linear_calls = rate(laptop, Linear, seconds)
    linear_cpp, _ = rate(laptop, "linear", seconds)
    hard_py, hard_calls = rate(laptop, Hardliner, seconds)
    hard_cpp, _ = rate(laptop, "hardliner", seconds)
    observing_py, observing_calls = rate(laptop, ObservingHardliner, seconds)

    def per_call(python, cpp, calls):
        return (1 / python - 1 / cpp) / calls * 1e6

    rows.append(("linear (Python) vs boulware", linear_py, linear_calls, per_call(linear_py, linear_cpp, linear_calls)))
    rows.append(("linear (C++) vs boulware", linear_cpp, 0, None))
    rows.append(("hardliner (Python) vs boulware", hard_py, hard_calls, per_call(hard_py, hard_cpp, hard_calls)))
    rows.append(("hardliner + observe (Python) vs boulware", observing_py, observing_calls,
                 per_call(observing_py, hard_cpp, observing_calls)))
    rows.append(("hardliner (C++) vs boulware", hard_cpp, 0, None))

    print(f"SAO on LaptopC, one parley.negotiate() per negotiation, {os.cpu_count()} CPUs, {seconds:g} s per row\n")
    print("| pairing | negotiations/s | Python calls / negotiation | µs per Python call over C++ |")
    print("|---|---:|---:|---:|")
    for name, per_second, calls, micros in rows:
        print(f"| {name} | {per_second:,.0f} | {calls:.0f} | {'-' if micros is None else f'{micros:.2f}'} |")
    verdict = "meets" if linear_py >= TARGET else "MISSES"
    print(f"\nPython strategy: {linear_py:,.0f} negotiations/s, {verdict} the target of {TARGET:,}/s "
          f"(NegMAS, two Python agents: {NEGMAS}/s).")


if __name__ == "__main__":
    main()
