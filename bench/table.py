#!/usr/bin/env python3
"""Print Google Benchmark results as a Markdown table against their targets.

Usage:
    parley_bench --benchmark_out=bench.json --benchmark_out_format=json
    python3 bench/table.py bench.json

Rows without a target show "-"; a "peak_rss_mb" counter, when a benchmark records one,
fills the last column.
"""

import json
import re
import sys

# Wall-time targets in milliseconds, keyed by benchmark name with its arguments (without
# "/iterations:N", "/real_time" and the like).
TARGETS_MS = {
    "BM_Tournament_Anac2012/threads:2/db:1": 3000,  # issue 9; shell loop 71 s, NegMAS > 1 h
    # Issue 9 sweep: 1,000 flagship draws in 20 s on 2 cores leaves ~35 ms of one core per
    # draw for compiling and negotiating (forecasts take ~1 ms). 245 ms with full sorts.
    "BM_Staged_Flagship_Redraw_NoAnalysis": 35,
    "BM_Analyze_AMPOvsCity": 500,
    "BM_Analyze_EnergyB": 100,
    "BM_Analyze_Y2014_50issues": 10000,
    "BM_Frontier2_Random_1e7": 1000,  # NegMAS: 47 s, 3.35 GB
    "BM_Frontier2_Opposed_1e7": 1000,
    "BM_IssueMerge2_1e20": 1000,
    "BM_IssueMerge2_Opposed_1e20": 1000,
    "BM_Analyze3_Random_1e6": 100,
    "BM_Analyze4_Opposed_1e6": 500,
    "BM_Frontier3_Random_1e6": 500,
    "BM_Frontier4_Random_1e6": 500,
    "BM_Smp_dummyData_a080": 500,  # KTAB: 56 s
    "BM_Smp_dummyData_a160": 3000,  # KTAB: 20 min 53 s
    "BM_Smp_SOE_Competitive": 100,  # KTAB: 7.3 s
    "BM_Evaluate_DEU_all_models": 5000,  # 353 DEU issues, every model, 10-fold CV rows
    # One SAO negotiation, two Boulware agents, 100 rounds, setup included: ms = 1000 / target
    # negotiations per second (NegMAS here: LaptopC 92/s, CameraB 11/s, CarB 3.5/s, TravelB 0.24/s).
    "BM_Negotiate_LaptopC": 0.01,  # >= 100,000 negotiations/s
    "BM_Negotiate_CameraB": 0.05,  # >= 20,000/s
    "BM_Negotiate_CarB": 0.2,  # >= 5,000/s
    "BM_Negotiate_TravelB": 1.0,  # >= 1,000/s
}

# How a run was repeated or timed is not part of what it measures.
RUN_SETTING = re.compile(r"^(iterations:\d+|repeats:\d+|min_time:.*|real_time|process_time|manual_time)$")

TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def rows(report):
    for run in report.get("benchmarks", []):
        if run.get("run_type") == "aggregate" or "error_message" in run:
            continue
        name = "/".join(part for part in run.get("run_name", run["name"]).split("/") if not RUN_SETTING.match(part))
        time_ms = run["real_time"] * TO_MS[run.get("time_unit", "ns")]
        target = TARGETS_MS.get(name)
        status = "-" if target is None else ("ok" if time_ms <= target else "over")
        rss = run.get("peak_rss_mb")
        yield name, time_ms, target, status, rss


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} BENCHMARK_JSON")
    with open(argv[1], encoding="utf-8") as f:
        report = json.load(f)
    print("| benchmark | time (ms) | target (ms) | status | peak RSS (MB) |")
    print("|---|---:|---:|---|---:|")
    for name, time_ms, target, status, rss in rows(report):
        target_text = "-" if target is None else f"{target:g}"
        rss_text = "-" if rss is None else f"{rss:.0f}"
        print(f"| {name} | {time_ms:.3g} | {target_text} | {status} | {rss_text} |")


if __name__ == "__main__":
    main(sys.argv)
