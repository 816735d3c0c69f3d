#!/usr/bin/env python3
"""What calling the C++ engine from Python costs on a tournament of C++ strategies.

Runs the same tournament (by default the ANAC 2012 domains, tests/data/genius/anac/y2012,
with ten built-in strategies: 7,200 negotiations, as issue 9's closing note) through
`parley.tournament` and through the `parley` binary, on the same thread count, each into a
fresh database, alternating, and prints the best wall-clock time of each with the overhead
of the Python call. Target (issue 11): at most 5%.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_tournament.py --threads 2

The CLI's time is the whole process (start, load, run, write, read back, print --json);
Python's is the call (load, run, write, read back into a TournamentResult) in a process that
has already imported parley. Both read the domains from disk each time.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parents[1]
TEN = "aspiration,boulware,linear,conceder,hardliner,tit_for_tat,micro,random,nash,rubinstein"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=str(SOURCE / "build" / "parley"), help="the CLI binary (build/parley)")
    parser.add_argument("--domains", default=str(SOURCE / "tests" / "data" / "genius" / "anac" / "y2012"))
    parser.add_argument("--strategies", default=TEN, help="comma-separated specs (default: ten built-in ones)")
    parser.add_argument("--threads", type=int, default=2, help="worker threads, the same for both (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best counts (default 3)")
    args = parser.parse_args()

    try:
        import parley
    except ImportError:
        sys.path.insert(0, str(SOURCE / "build" / "python"))
        import parley

    times = {"CLI (parley tournament)": [], "Python (parley.tournament)": []}
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as folder:
        for i in range(args.repeat):
            db = pathlib.Path(folder) / f"cli-{i}.sqlite"
            start = time.perf_counter()
            subprocess.run([args.parley, "tournament", "--strategies", args.strategies, "--domains", args.domains,
                            "--threads", str(args.threads), "--db", str(db), "--quiet", "--json"],
                           check=True, stdout=subprocess.DEVNULL)
            times["CLI (parley tournament)"].append(time.perf_counter() - start)

            db = pathlib.Path(folder) / f"python-{i}.sqlite"
            start = time.perf_counter()
            result = parley.tournament(args.strategies, args.domains, threads=args.threads, db=db)
            times["Python (parley.tournament)"].append(time.perf_counter() - start)
        runs = result.runs

    cli = min(times["CLI (parley tournament)"])
    print(f"{runs} negotiations, {len(result.strategies)} strategies on {len(result.domains)} domains, "
          f"{args.threads} threads, best of {args.repeat}")
    print(f"{'':28} {'best s':>8} {'runs/s':>9} {'overhead':>9}   all runs (s)")
    for name, values in times.items():
        best = min(values)
        overhead = "" if name.startswith("CLI") else f"{100 * (best - cli) / cli:+.1f}%"
        print(f"{name:28} {best:8.3f} {runs / best:9.0f} {overhead:>9}   "
              + " ".join(f"{v:.3f}" for v in values))


if __name__ == "__main__":
    main()
