#!/usr/bin/env python3
"""Side-by-side: parley's `aspiration` strategy against NegMAS's AspirationNegotiator.

For every GENIUS domain folder (default: the 72 ANAC 2012 domains), this script

  1. runs `parley negotiate DIR --strategy '*=aspiration[:negmas=0.8.9]' --json --trace F`
     (both parties the same strategy, SAO, the domain's deadline);
  2. rebuilds, in Python, the utility parley uses for every outcome (weight / sum of weights
     times evaluation / largest evaluation, summed issue by issue in parley's order) and
     checks it bit for bit against every utility in parley's trace; where it does not match
     (e.g. parley's GENIUS import changed), the domain is reported and skipped;
  3. feeds exactly those utilities to NegMAS (a MappingUtilityFunction per party, its
     reservation value, no discount: parley's aspiration ignores discounting, as NegMAS's
     does) and runs AspirationNegotiator vs AspirationNegotiator in NegMAS's SAOMechanism
     with n_steps = parley's deadline and no time limit;
  4. also loads the domain with NegMAS's own GENIUS loader and reports the largest
     difference between its utilities and parley's on a sample of outcomes;
  5. prints one table row per domain and version: agreement, round, both utilities, and
     whether parley and NegMAS match (same agreement and round, utilities within 1e-6).

NegMAS is not installed: give its source tree (`src/` of a checkout of tag v0.15.7, and the
package root of tag v0.8.9). It runs under Debian's python3 with Debian's python3-numpy,
-scipy, -pandas, -networkx, -matplotlib, -attr, -click, -cloudpickle, -colorlog, -dill,
-inflect, -psutil, -rich, -typer, -yaml, -typing-extensions, -tabulate; modules NegMAS imports
but never uses here (stringcase, py4j, pyarrow, plotly, ...) are stubbed inside this script's
own process, never in NegMAS.

Usage:
  /usr/bin/python3 scripts/negmas-compare.py --parley build/parley \\
      --negmas /tmp/negmas/src [--negmas-089 /tmp/negmas089] \\
      [--domains ../shared/reference/genius/anac/y2012] [--only CameraB] [--markdown FILE]

This is evidence, not a test: CI has no NegMAS.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TOLERANCE = 1e-6


# --- GENIUS files, read the way parley reads them -------------------------------------------


def read_domain(folder):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".xml"))
    domain_file = next(f for f in files if "domain" in f.lower())
    profiles = [f for f in files if f != domain_file]
    root = ET.parse(os.path.join(folder, domain_file)).getroot()
    issues = []  # (index, name, [values]) in document order
    for issue in root.iter("issue"):
        values = [item.get("value") for item in issue.findall("item")]  # not similarity items
        issues.append((int(issue.get("index")), issue.get("name"), values))
    return domain_file, profiles, issues


def read_profile(path, issues):
    root = ET.parse(path).getroot()
    weights = {int(w.get("index")): float(w.get("value")) for w in root.iter("weight")}
    evaluations = {}
    for issue in root.iter("issue"):
        index = int(issue.get("index"))
        ev = {}
        for item in issue.findall("item"):  # a value listed twice: the later evaluation
            ev[item.get("value")] = float(item.get("evaluation"))
        evaluations[index] = ev
    rv = 0.0
    for node in root.iter("reservation"):
        rv = float(node.get("value"))
        break
    return weights, evaluations, rv


def parley_tables(weights, evaluations, issues, raw=False):
    """Per issue, the term parley adds: (weight / total weight) * (evaluation / largest), or
    with raw=True GENIUS's weight * (evaluation / largest) (the sum then capped at 1)."""
    total = 0.0
    for index, _, _ in issues:
        total += weights[index]
    if raw:
        total = 1.0
    tables = []
    for index, _, values in issues:
        ev = evaluations[index]
        largest = max(ev[v] for v in values)
        scaled = [ev[v] / largest if largest >= 1e-5 else 0.0 for v in values]
        w = weights[index] / total
        tables.append([0.0 if w == 0 else w * s for s in scaled])
    return tables


def all_utilities(tables):
    """Utilities in mixed-radix order (first issue most significant), summed as parley does."""
    out = [0.0]
    for table in tables:
        out = [base + t for base in out for t in table]
    return out


# --- parley ---------------------------------------------------------------------------------


def run_parley(parley, folder, strategy):
    with tempfile.TemporaryDirectory() as tmp:
        trace_path = os.path.join(tmp, "trace.jsonl")
        out = subprocess.run(
            [parley, "negotiate", folder, "--strategy", "*=" + strategy, "--json", "--trace", trace_path],
            check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
        with open(trace_path) as f:
            trace = [json.loads(line) for line in f]
    stage = result["stages"][0]
    parties = stage["parties"]
    offers = [e for e in trace if e["kind"] in ("offer", "accept", "agreement") and e["outcome"]]
    first_time = next(e["time"] for e in trace if e["kind"] == "offer")
    rounds = round(1 / first_time) - 1
    agreement = None
    agreement_round = None
    for e in trace:
        if e["kind"] == "agreement":
            agreement = e["outcome"]
            agreement_round = e["round"]
    utilities = [stage["utilities"][p]["utility"] for p in parties]
    return {"parties": parties, "issue_ids": stage["agenda"]["issues"], "rounds": rounds, "agreement": agreement, "round": agreement_round,
            "utilities": utilities, "events": offers, "status": stage["status"]}


def index_of(outcome, issues, ids):
    """Mixed-radix index of a trace outcome; parley's issue ids are in the domain's order."""
    index = 0
    for (_, _, values), issue_id in zip(issues, ids):
        index = index * len(values) + values.index(outcome[issue_id])
    return index


# --- NegMAS (a child process per version: the two versions cannot share one interpreter) ----

SHIM = r'''
import sys, types, importlib.abc, importlib.machinery
STUBS = {"stringcase", "py4j", "pyarrow", "gif", "kaleido", "plotly", "pebble", "click_config_file",
         "sklearn", "hypothesis", "PyQt5"}
class _Dummy:
    def __init__(self, *a, **k): pass
    def __call__(self, *a, **k): return _Dummy()
    def __getattr__(self, n): return _Dummy()
    def __mro_entries__(self, bases): return (object,)
class _StubModule(types.ModuleType):
    __path__ = []
    __version__ = "0.0"
    def __getattr__(self, name):
        if name.startswith("__"): raise AttributeError(name)
        return _Dummy()
class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in STUBS:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None
    def create_module(self, spec): return _StubModule(spec.name)
    def exec_module(self, module): pass
sys.meta_path.insert(0, _Finder())
import warnings
warnings.filterwarnings("ignore")
'''

WORKER_015 = r'''
import json, sys, itertools
from negmas.outcomes import make_issue, make_os
from negmas.preferences import MappingUtilityFunction
from negmas.sao import SAOMechanism
from negmas.gb.negotiators.timebased import AspirationNegotiator
job = json.load(open(sys.argv[1]))
issues = [make_issue(values=values, name=name) for name, values in job["issues"]]
space = make_os(issues)
outcomes = list(itertools.product(*[values for _, values in job["issues"]]))
m = SAOMechanism(outcome_space=space, n_steps=job["rounds"], time_limit=float("inf"))
ufuns = []
for k, party in enumerate(job["parties"]):
    u = MappingUtilityFunction(dict(zip(outcomes, party["utilities"])), outcome_space=space,
                               reserved_value=party["rv"])
    ufuns.append(u)
    m.add(AspirationNegotiator(name=f"p{k}"), preferences=u)
m.run()
agreement = m.agreement
trace = m.extended_trace
out = {"agreement": None if agreement is None else outcomes.index(tuple(agreement)),
       "step": m.state.step, "last_trace_step": trace[-1][0] if trace else None,
       "timedout": bool(m.state.timedout), "broken": bool(m.state.broken),
       "trace_tail": [[t[0], t[1], outcomes.index(tuple(t[2])) if t[2] is not None else None] for t in trace[-3:]]}
# The loader check: NegMAS's own GENIUS reading of the same folder.
if job.get("folder"):
    try:
        from negmas.inout import Scenario
        sc = Scenario.from_genius_folder(job["folder"], ignore_discount=True)
        names = [i.name for i in sc.outcome_space.issues]
        order = [names.index(name) for name, _ in job["issues"]]
        rng = __import__("random").Random(1)
        sample = rng.sample(range(len(outcomes)), min(200, len(outcomes)))
        raw_diff = scaled_diff = 0.0
        for k, party in enumerate(job["parties"]):
            uf = sc.ufuns[k]
            # GENIUS divides each evaluation by the issue's largest; NegMAS's loader keeps
            # them raw. Rebuild GENIUS's form from the loader's own weights and values.
            issue_list = list(sc.outcome_space.issues)
            largest = [max(float(f(v)) for v in issue.all) for f, issue in zip(uf.values, issue_list)]
            total = sum(uf.weights)
            for i in sample:
                o = [None] * len(order)
                for pos, src in enumerate(order):
                    o[src] = outcomes[i][pos]
                raw_diff = max(raw_diff, abs(float(uf(tuple(o))) - party["utilities"][i]))
                raw = sum(w * float(f(v)) / m for w, f, v, m in zip(uf.weights, uf.values, o, largest))
                # parley's utilities: weights divided by their sum, or raw with GENIUS's cap.
                scaled_diff = max(scaled_diff, min(abs(raw / total - party["utilities"][i]),
                                                   abs(min(1.0, raw) - party["utilities"][i])))
        worst = scaled_diff
        out["loader_raw_diff"] = raw_diff
        out["loader_diff"] = worst
    except Exception as e:  # the check is informative only
        out["loader_diff"] = "failed: " + type(e).__name__ + ": " + str(e)[:80]
json.dump(out, sys.stdout)
'''

WORKER_089 = r'''
import json, sys, itertools
from negmas.outcomes import Issue
from negmas.utilities import MappingUtilityFunction
from negmas.sao import SAOMechanism, AspirationNegotiator
job = json.load(open(sys.argv[1]))
issues = [Issue(values=values, name=name) for name, values in job["issues"]]
outcomes = list(itertools.product(*[values for _, values in job["issues"]]))
m = SAOMechanism(issues=issues, n_steps=job["rounds"], time_limit=None)
for k, party in enumerate(job["parties"]):
    mapping = dict(zip(outcomes, party["utilities"]))
    u = MappingUtilityFunction(lambda o, mapping=mapping: mapping[tuple(o)], reserved_value=party["rv"])
    m.add(AspirationNegotiator(name=f"p{k}"), ufun=u)
m.run()
agreement = m.agreement
out = {"agreement": None if agreement is None else outcomes.index(tuple(agreement)),
       "step": m.state.step, "timedout": bool(m.state.timedout), "broken": bool(m.state.broken)}
json.dump(out, sys.stdout)
'''


def run_negmas(source, worker, job):
    with tempfile.TemporaryDirectory() as tmp:
        job_path = os.path.join(tmp, "job.json")
        with open(job_path, "w") as f:
            json.dump(job, f)
        code = SHIM + worker
        env = dict(os.environ, PYTHONPATH=source, MPLBACKEND="Agg", PYTHONHASHSEED="0")
        done = subprocess.run([sys.executable, "-c", code, job_path], capture_output=True, text=True, env=env,
                              cwd=tmp)
        if done.returncode != 0:
            return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
        return json.loads(done.stdout)


# --- comparison -----------------------------------------------------------------------------


def describe(index, utilities):
    if index is None:
        return "-", "-", "-"
    return str(index), "%.6f" % utilities[0][index], "%.6f" % utilities[1][index]


def compare_domain(args, folder):
    name = os.path.basename(folder.rstrip("/"))
    _, profile_files, issues = read_domain(folder)
    profiles = [read_profile(os.path.join(folder, f), issues) for f in profile_files]
    # parley's GENIUS import: weights divided by their sum, or (an option, or later the
    # default) GENIUS's raw weights with the utility capped at 1. Each run is checked against
    # whichever reproduces its trace bit for bit.
    candidates = {
        "normalised weights": [all_utilities(parley_tables(w, ev, issues)) for w, ev, _ in profiles],
        "raw weights, cap 1": [[min(1.0, x) for x in all_utilities(parley_tables(w, ev, issues, raw=True))]
                               for w, ev, _ in profiles],
    }
    rows = []
    for label, strategy, source, worker in (("0.15", "aspiration", args.negmas, WORKER_015),
                                            ("0.8.9", "aspiration:negmas=0.8.9", args.negmas_089, WORKER_089)):
        if source is None:
            continue
        p = run_parley(args.parley, folder, strategy)
        # Same utilities as parley, bit for bit, on every outcome its trace shows.
        for tables in candidates.values():
            mismatch = 0
            for e in p["events"]:
                i = index_of(e["outcome"], issues, p["issue_ids"])
                for k, party in enumerate(p["parties"]):
                    if e["utilities"].get(party) is not None and e["utilities"][party] != tables[k][i]:
                        mismatch += 1
            if not mismatch:
                break
        row = {"domain": name, "version": label, "outcomes": len(tables[0]), "rounds": p["rounds"]}
        p_index = None if p["agreement"] is None else index_of(p["agreement"], issues, p["issue_ids"])
        row["parley"] = (p_index, p["round"])
        if mismatch:
            row["note"] = "utilities differ from parley's trace at %d points: not compared" % mismatch
            rows.append(row)
            continue
        job = {"issues": [[n, v] for _, n, v in issues], "rounds": p["rounds"],
               "parties": [{"utilities": tables[k], "rv": profiles[k][2]} for k in range(2)],
               "folder": os.path.abspath(folder) if label == "0.15" else None}
        n = run_negmas(source, worker, job)
        if "error" in n:
            row["note"] = "NegMAS failed: " + n["error"]
            rows.append(row)
            continue
        # NegMAS's step when the agreement is reached is the round index parley reports.
        n_round = None if n["agreement"] is None else n["step"] - 1 if label == "0.8.9" else n["step"] - 1
        row["negmas"] = (n["agreement"], n_round)
        row["loader_diff"] = n.get("loader_diff")
        same = p_index == n["agreement"] and p["round"] == n_round
        if not same and p_index is not None and n["agreement"] is not None and p["round"] == n_round:
            same = all(abs(tables[k][p_index] - tables[k][n["agreement"]]) <= TOLERANCE for k in range(2))
        row["match"] = same
        row["tables"] = tables
        rows.append(row)
    return rows


def loader_text(row):
    d = row.get("loader_diff")
    if d is None:
        return ""
    return "%.1e" % d if isinstance(d, float) else d.replace("|", "/")


def format_rows(rows):
    lines = ["| domain | NegMAS | outcomes | deadline | parley: agreement, round, u1, u2 | NegMAS: agreement, "
             "round, u1, u2 | match | NegMAS loader Δ |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "note" in r:
            lines.append("| %s | %s | %d | %d | | | %s |" % (r["domain"], r["version"], r["outcomes"], r["rounds"],
                                                           r["note"]))
            continue
        t = r["tables"]
        pa, pr = r["parley"]
        na, nr = r["negmas"]
        lines.append("| %s | %s | %d | %d | %s, %s, %s, %s | %s, %s, %s, %s | %s | %s |" % (
            r["domain"], r["version"], r["outcomes"], r["rounds"], describe(pa, t)[0], "-" if pr is None else pr,
            describe(pa, t)[1], describe(pa, t)[2], describe(na, t)[0], "-" if nr is None else nr,
            describe(na, t)[1], describe(na, t)[2], "yes" if r["match"] else "**no**", loader_text(r)))
    return lines


HEADER = """# parley's `aspiration` against NegMAS's AspirationNegotiator (ANAC 2012)

Generated by `scripts/negmas-compare.py` (rerun it to regenerate this file):

    /usr/bin/python3 scripts/negmas-compare.py --parley build/parley \\
        --negmas NEGMAS_0_15/src --negmas-089 NEGMAS_0_8_9 --markdown docs/negmas-comparison.md

NegMAS sources: {v015} (`--negmas`) and {v089} (`--negmas-089`), from the tags of
github.com/yasserfarouk/negmas (`git archive v0.15.7 src`, `git archive v0.8.9 negmas`), run
with Debian 12's python3 and numpy {numpy}. Each row: both parties play the same strategy
(parley `aspiration` = NegMAS 0.15 definitions against NegMAS 0.15.7; parley
`aspiration:negmas=0.8.9` against NegMAS 0.8.9), SAO, the domain's deadline in rounds, on
utilities fed to NegMAS exactly as parley computes them (checked bit for bit against every
utility in parley's trace). Agreement = outcome index (mixed radix, first issue most
significant), round = 0-based round of the agreement, u1, u2 = the profiles' utilities
(no discount). A match is the same agreement and round, utilities within 1e-6. "-" is no
agreement (timeout) on both sides. NegMAS loader Δ: NegMAS's own GENIUS loader
(`Scenario.from_genius_folder`) on 200 sampled outcomes, its evaluations divided by each
issue's largest as GENIUS does (the loader keeps them raw), against parley's utilities
(weights as parley's import takes them: raw with the cap at 1, or divided by their sum); it
fails on the Fitness domains, whose issue indices do not start at 0 or 1 as it expects.

"""


def source_version(source):
    for path, key in ((os.path.join(source, "..", "pyproject.toml"), "version = "),
                      (os.path.join(source, "setup.py"), "version=")):
        if os.path.exists(path):
            with open(path) as f:
                for line in f:
                    if line.strip().startswith(key):
                        return "NegMAS " + line.split("=", 1)[1].split("#")[0].strip().strip('",')
    return "NegMAS (unknown version) at " + source


def numpy_version():
    done = subprocess.run([sys.executable, "-c", "import numpy; print(numpy.__version__)"], capture_output=True,
                          text=True)
    return done.stdout.strip() or "unknown"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parley", default=os.path.join(here, "..", "build", "parley"))
    parser.add_argument("--negmas", required=True, help="NegMAS 0.15.x source: the directory holding negmas/")
    parser.add_argument("--negmas-089", help="NegMAS 0.8.9 source: the directory holding negmas/")
    parser.add_argument("--domains", default=os.path.join(here, "..", "..", "shared", "reference", "genius", "anac",
                                                          "y2012"))
    parser.add_argument("--only", action="append", help="run only this domain (repeatable)")
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args()
    folders = sorted(os.path.join(args.domains, d) for d in os.listdir(args.domains)
                     if os.path.isdir(os.path.join(args.domains, d)))
    if args.only:
        folders = [f for f in folders if os.path.basename(f) in args.only]
    rows = []
    for folder in folders:
        for row in compare_domain(args, folder):
            rows.append(row)
            print(format_rows([row])[-1], flush=True)
    lines = format_rows(rows)
    summary = []
    for version in ("0.15", "0.8.9"):
        some = [r for r in rows if r["version"] == version]
        if some:
            summary.append("NegMAS %s: %d of %d domains match (same agreement and round, utilities within %g)" % (
                version, sum(1 for r in some if r.get("match")), len(some), TOLERANCE))
    # The old definitions against the current NegMAS: what the default was before.
    by_domain = {}
    for r in rows:
        by_domain.setdefault(r["domain"], {})[r["version"]] = r
    pairs = [v for v in by_domain.values() if "negmas" in v.get("0.15", {}) and "parley" in v.get("0.8.9", {})]
    if pairs:
        summary.append("parley negmas=0.8.9 against NegMAS 0.15.7 (the previous default against today's NegMAS): "
                       "same agreement and round on %d of %d domains" % (
                           sum(1 for v in pairs if v["0.8.9"]["parley"] == v["0.15"]["negmas"]), len(pairs)))
    loader = [r["loader_diff"] for r in rows if isinstance(r.get("loader_diff"), float)]
    if loader:
        summary.append("NegMAS's own GENIUS loader vs parley's utilities: largest difference %.3g over %d domains" % (
            max(loader), len(loader)))
    for line in summary:
        print(line)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(HEADER.format(v015=source_version(args.negmas),
                                  v089=source_version(args.negmas_089) if args.negmas_089 else "not run",
                                  numpy=numpy_version()))
            f.write("\n".join(summary) + "\n\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
