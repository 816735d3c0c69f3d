"""How the chance that the flagship's settlement is ratified depends on the ratifiers.

    make python
    .venv/bin/python examples/two_level_ratification.py [--runs 400] [--out build/examples]

The flagship's variant `ratifiers-unknown` leaves only Ukraine's and the EU's reservation values
uncertain (uniform over a range). The sweep draws them --runs times and negotiates each draw
twice: with the default Boulware negotiators, who bargain as if ratification did not exist,
and with ratification-aware ones (docs/negotiation-protocols.md, "Two-level games"). It prints
how often the settlement holds and is vetoed, then the share ratified per band of Ukraine's
reservation value, and draws that curve (ratification.png under --out).
"""

import argparse
import pathlib
import tempfile

import matplotlib

matplotlib.use("Agg")  # files only, no window
import matplotlib.pyplot as plt  # noqa: E402

import parley  # noqa: E402

FLAGSHIP = pathlib.Path(__file__).resolve().parent.parent / "scenarios" / "talks-2025.yaml"
NEGOTIATORS = {
    "naive": {},  # boulware at the table: ratification ignored
    "aware": {"us": "ratification_aware", "ru": "ratification_aware"},
}
BANDS = [(0.20, 0.30), (0.30, 0.35), (0.35, 0.40), (0.40, 0.50)]


def share(rows, key):
    return sum(1 for r in rows if r[key]) / len(rows) if rows else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=400)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("build/examples"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    talks = parley.load(str(FLAGSHIP), variant="ratifiers-unknown")
    records = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, strategies in NEGOTIATORS.items():
            result = parley.sweep(talks, runs=args.runs, models="none", strategies=strategies,
                                  db=str(pathlib.Path(scratch) / f"{name}.sqlite"))
            records[name] = result.records()

    print(f"{'negotiators':<12}{'holds':>7}{'vetoed':>8}   settlement over {args.runs} draws")
    for name, rows in records.items():
        print(f"{name:<12}{share(rows, 'stage:settlement:holds'):>7.0%}"
              f"{share(rows, 'stage:settlement:vetoed'):>8.0%}")

    print("\nshare of draws whose settlement holds, by Ukraine's reservation value")
    print(f"{'band':<12}" + "".join(f"{name:>8}" for name in records))
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, rows in records.items():
        held = []
        for low, high in BANDS:
            band = [r for r in rows if low <= r["input:ua.reservation"] < high]
            held.append(share(band, "stage:settlement:holds"))
        ax.plot([(low + high) / 2 for low, high in BANDS], held, marker="o", label=name)
        records[name] = held
    for b, (low, high) in enumerate(BANDS):
        print(f"{low:.2f}-{high:.2f}   " + "".join(f"{held[b]:>8.0%}" for held in records.values()))
    ax.set_xlabel("Ukraine's reservation value")
    ax.set_ylabel("share of draws: settlement ratified")
    ax.set_ylim(-0.05, 1.05)
    ax.set_title("Two-level game: who knows what the ratifiers accept")
    ax.legend()
    fig.savefig(args.out / "ratification.png", dpi=120, bbox_inches="tight")
    print(f"\nwrote {args.out / 'ratification.png'}")


if __name__ == "__main__":
    main()
