"""A strategy written from scratch in Python, entered in the ANAC 2012 tournament.

    make python
    .venv/bin/python examples/python_strategy_tournament.py [--threads N]

The strategy concedes along a time curve like the field's time-dependent tactics (Faratin,
Sierra and Jennings 1998), but it also watches its opponent: it never offers less than the best
utility the opponent has offered it so far, and it accepts any offer worth at least what it is
about to propose. It is registered by name, so the tournament runs it beside nine C++
strategies on every domain of ANAC 2012, in every role, on all cores. Its scores land in the
results database beside theirs.
"""

import argparse
import pathlib
import tempfile

import parley

HERE = pathlib.Path(__file__).resolve().parent
ANAC_2012 = HERE.parent / "tests" / "data" / "genius" / "anac" / "y2012"


@parley.register_strategy(name="watchful", summary="time-based concession, floored by the opponent's best offer",
                          params={"e": 0.5})
class Watchful(parley.Negotiator):
    def __init__(self, e=0.5):
        self.e = e

    def on_start(self, context):
        self.context = context
        utilities = context.utilities  # numpy view of the own utility of every outcome
        self.order = utilities.argsort()[::-1]  # outcomes, best first
        self.sorted_utilities = utilities[self.order]
        self.best = float(self.sorted_utilities[0])
        self.floor = max(context.reservation_value, 0.0)
        self.opponent_best = 0.0

    def target(self, time):
        aspiration = self.best - (self.best - self.floor) * time ** (1.0 / self.e)
        return max(aspiration, self.opponent_best, self.floor)

    def offer_for(self, target):
        # The outcome with the lowest utility still at or above the target (the least demanding).
        i = int((self.sorted_utilities >= target).sum()) - 1
        return int(self.order[max(i, 0)])

    def propose(self, turn):
        return parley.Reply.propose(self.offer_for(self.target(turn.time)))

    def respond(self, turn):
        offered = self.context.utility(turn.offer)
        self.opponent_best = max(self.opponent_best, offered)
        if offered >= self.target(turn.time):
            return parley.Reply.accept()
        return parley.Reply.propose(self.offer_for(self.target(turn.time)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=0, help="worker threads (0: every core)")
    args = parser.parse_args()
    strategies = ["watchful", "aspiration", "boulware", "linear", "conceder", "hardliner", "tit_for_tat", "micro",
                  "random", "nash"]
    with tempfile.TemporaryDirectory() as folder:
        db = pathlib.Path(folder) / "anac2012.sqlite"
        result = parley.tournament(strategies=strategies, domains=[str(ANAC_2012)], threads=args.threads, db=str(db))
        print(f"{result.runs} negotiations on {len(result.domains)} ANAC 2012 domains")
        print(f"{'rank':>4}  {'strategy':<12} {'utility':>8} {'95% interval':>16} {'agreements':>10}")
        for rank, score in enumerate(result.ranking, 1):
            u = score.utility
            print(f"{rank:>4}  {score.strategy:<12} {u.mean:8.3f}   [{u.low:.3f}, {u.high:.3f}] "
                  f"{score.agreement.mean:10.1%}")
        stored = parley.results(str(db))  # the database, read back as `parley results` reads it
        watchful = [row for row in stored.records() if row["strategy"] == "watchful"]
        print(f"the database holds {len(watchful)} seats played by watchful")


if __name__ == "__main__":
    main()
