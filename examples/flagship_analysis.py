"""The flagship (scenarios/talks-2025.yaml) analysed, forecast and swept, with matplotlib charts.

    make python
    .venv/bin/python examples/flagship_analysis.py [--runs 200] [--out build/examples]

1. analyze: the settlement's Pareto frontier between the two powers at the table, with the
   Nash and Kalai-Smorodinsky points;
2. forecast: every collective-decision model's prediction of the ceasefire and territory issues;
3. sweep: the scenario's uncertain inputs drawn --runs times; how often the settlement holds,
   and the spread of the expected-utility model's forecast of each issue.
Each chart is written as a PNG under --out; the figures are printed too.
"""

import argparse
import pathlib
import tempfile

import matplotlib

matplotlib.use("Agg")  # files only, no window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import parley  # noqa: E402

FLAGSHIP = pathlib.Path(__file__).resolve().parent.parent / "scenarios" / "talks-2025.yaml"


def frontier_chart(talks, out):
    analysis = parley.analyze(talks, stage="settlement")
    us, ru = analysis.parties.index("us"), analysis.parties.index("ru")
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.scatter(analysis.pareto[:, us], analysis.pareto[:, ru], s=4, alpha=0.4, label="Pareto frontier (4 parties)")
    for name, point, marker in (("Nash", analysis.nash, "*"), ("Kalai-Smorodinsky", analysis.kalai_smorodinsky, "D")):
        if point is not None:
            ax.scatter([point[us]], [point[ru]], marker=marker, s=120, label=name)
    ax.axvline(analysis.disagreement[us], color="grey", lw=0.8, ls="--")
    ax.axhline(analysis.disagreement[ru], color="grey", lw=0.8, ls="--")
    ax.set_xlabel("utility of the United States")
    ax.set_ylabel("utility of Russia")
    ax.set_title("Settlement: efficient agreements")
    ax.legend(loc="lower left", fontsize=8)
    fig.savefig(out / "settlement-frontier.png", dpi=120, bbox_inches="tight")
    print(f"settlement: {len(analysis.pareto)} Pareto points; Nash point {np.round(analysis.nash, 3)} "
          f"for {analysis.parties}")


def forecast_chart(talks, out):
    forecasts = parley.forecast(talks)
    issues = ["ceasefire", "territory", "guarantees", "sanctions"]
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.8 / len(forecasts)
    for i, (model, result) in enumerate(forecasts.items()):
        values = [result.outcome.get(issue, np.nan) for issue in issues]
        ax.bar(np.arange(len(issues)) + i * width, values, width, label=model)
    ax.set_xticks(np.arange(len(issues)) + 0.4 - width / 2, issues)
    ax.set_ylabel("forecast position (issue scale)")
    ax.set_title("What each model forecasts")
    ax.legend(fontsize=8, ncol=3)
    fig.savefig(out / "forecasts.png", dpi=120, bbox_inches="tight")
    for model, result in forecasts.items():
        print(f"forecast {model:<10} ceasefire {result.outcome.get('ceasefire', float('nan')):6.1f}  "
              f"territory {result.outcome.get('territory', float('nan')):6.1f}")


def sweep_chart(talks, runs, out):
    with tempfile.TemporaryDirectory() as folder:
        sweep = parley.sweep(talks, runs=runs, db=str(pathlib.Path(folder) / "sweep.sqlite"))
    holds = sweep.column("stage:settlement:holds")
    print(f"sweep of {sweep.runs} draws: the settlement holds in {np.nanmean(holds):.0%} of them")
    issues = ["ceasefire", "territory", "guarantees", "sanctions"]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.boxplot([sweep.column(f"forecast:eum:{issue}") for issue in issues], labels=issues)
    ax.set_ylabel("EUM forecast over the draws")
    ax.set_title(f"Forecast under uncertainty ({sweep.runs} draws); settlement holds in {np.nanmean(holds):.0%}")
    fig.savefig(out / "sweep-eum.png", dpi=120, bbox_inches="tight")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="draws of the sweep (default 200)")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("build/examples"), help="folder for the PNGs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    talks = parley.load(str(FLAGSHIP))
    frontier_chart(talks, args.out)
    forecast_chart(talks, args.out)
    sweep_chart(talks, args.runs, args.out)
    print(f"charts written to {args.out}/: settlement-frontier.png, forecasts.png, sweep-eum.png")


if __name__ == "__main__":
    main()
