"""examples/*.py run as a user runs them, and say what they claim.

The tournament example runs on 2 worker threads: it deadlocked there when the first numpy
array was made on a worker thread (docs/python.md, "Threads and the GIL").
"""

import os
import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def run(script, *args):
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True,
                          timeout=240, env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_python_strategy_enters_the_anac_2012_tournament_beside_the_cpp_ones():
    out = run("python_strategy_tournament.py", "--threads", "2")
    assert "7200 negotiations" in out
    ranking = [line.split()[1] for line in out.splitlines() if line.strip()[:1].isdigit() and "negotiations" not in line]
    assert len(ranking) == 10 and "watchful" in ranking and "boulware" in ranking
    # Every seat watchful played: per domain 9 opponents x 2 roles, plus its 2 seats in self-play,
    # so 20 seats on each of the 72 domains.
    assert "the database holds 1440 seats played by watchful" in out


def test_flagship_analysis_writes_its_charts(tmp_path):
    out = run("flagship_analysis.py", "--runs", "20", "--out", str(tmp_path))
    for chart in ("settlement-frontier.png", "forecasts.png", "sweep-eum.png"):
        assert (tmp_path / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Pareto points" in out and "sweep of 20 draws" in out


def test_two_level_sweep_shows_ratification_against_the_ratifiers_reservations(tmp_path):
    out = run("two_level_ratification.py", "--runs", "60", "--out", str(tmp_path))
    assert (tmp_path / "ratification.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shares = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("naive", "aware"))}
    # Naive negotiators' settlement is vetoed or blocked in every draw; aware ones' is never vetoed.
    assert shares["naive"][1] == "0%", out
    assert shares["aware"][2] == "0%", out
