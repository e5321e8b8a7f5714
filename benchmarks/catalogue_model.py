"""Where a catalogue's time goes in Python (CPython here; the browser runs the same code in
Pyodide, measured by catalogue_plan.py).

    .venv/bin/python benchmarks/catalogue_model.py [--runs N] [--products N]

The catalogue is catalogue_plan.py's: 5,000 products in six categories, tab separated. Rows, each
the median of the runs, all measured in one run of this script:
- **Plan**: ``bridge.Session.catalogue``, what the page's worker calls: read the file, check
  every row, evaluate every product in every mode, try every set of modes, render the HTML and
  the CSV.
- **Evaluate, itemised (the reference)**: every product in every mode with ``evaluate_mode``,
  the calculator's itemised result (how the planner evaluated products before the lean path).
- **Evaluate, lean**: the same products with ``product_figures`` on each category's
  ``mode_constants`` (what the planner does now), and its ratio to the reference.
The JSON goes to benchmarks/results/catalogue_model.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from calculators.bridge import Session  # noqa: E402
from calculators.catalogue_csv import read_table  # noqa: E402
from calculators.model import evaluate_mode, mode_constants, product_figures  # noqa: E402
from catalogue_plan import catalogue_text  # noqa: E402

from calculators import inputs, params  # noqa: E402
from generator.bundle import build_bundle  # noqa: E402
from generator.load import load_data  # noqa: E402

SETTINGS = {"labour_rate_cny_per_hour": 30.0, "fx_cny_per_usd": 7.1}


def scenarios(bundle: dict, text: str) -> list[dict]:
    """Each product of the catalogue as the model's checked scenario."""
    table = read_table(text)
    index = {entry["id"]: entry for entry in params.parameter_index(bundle)}
    categories = [category["id"] for category in bundle["categories"]]
    checked = []
    for _, cells in table.rows:
        row = dict(zip(table.header, cells, strict=True))
        scenario = {name: float(row[name]) for name in table.header
                    if name not in ("product", "category")}
        checked.append(inputs.validate_scenario(
            {**scenario, **SETTINGS, "category": row["category"]}, categories,
            bundle["default_category"], index))
    return checked


def itemised(bundle: dict, products: list[dict]) -> list:
    out = []
    for s in products:
        rate = params.resolve(bundle["capital_cost_rate"], s["category"], s["overrides"])
        out.append([evaluate_mode(mode, bundle["tasks"], s, rate) for mode in bundle["modes"]])
    return out


def lean(bundle: dict, products: list[dict]) -> list:
    constants: dict[str, list] = {}
    out = []
    for s in products:
        category = s["category"]
        if category not in constants:
            rate = params.resolve(bundle["capital_cost_rate"], category, {})
            constants[category] = [mode_constants(mode, bundle["tasks"], category, {}, rate)
                                   for mode in bundle["modes"]]
        out.append([product_figures(c, s) for c in constants[category]])
    return out


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timings per row (median)")
    parser.add_argument("--products", type=int, default=5000, help="products in the catalogue")
    args = parser.parse_args()
    bundle = build_bundle(load_data(ROOT / "data"))
    session = Session(json.dumps(bundle))
    text = catalogue_text(args.products)
    products = scenarios(bundle, text)
    answer = json.loads(session.catalogue(text, json.dumps(SETTINGS)))
    assert answer["ok"] and answer["products"] == args.products, answer.get("problems")
    # The two evaluations agree (test_calc_product_figures proves it for any scenario).
    for full, figures in zip(itemised(bundle, products[:50]), lean(bundle, products[:50]),
                             strict=True):
        assert [m["profit_after_effort"] for m in full] == \
            [f.profit_after_effort for f in figures]
    rows: dict[str, list[float]] = {"plan": [], "itemised": [], "lean": []}
    for _ in range(args.runs):  # interleaved, so a burst of load hits every row alike
        rows["plan"].append(timed(lambda: session.catalogue(text, json.dumps(SETTINGS))))
        rows["itemised"].append(timed(lambda: itemised(bundle, products)))
        rows["lean"].append(timed(lambda: lean(bundle, products)))
    medians = {name: statistics.median(times) for name, times in rows.items()}
    print(f"{args.products:,} products, CPython {sys.version.split()[0]}, median of {args.runs}")
    print(f"Plan (read, check, evaluate, plan, render HTML and CSV): {medians['plan']:.0f} ms")
    print(f"Evaluate every product in every mode, itemised (reference): "
          f"{medians['itemised']:.0f} ms")
    print(f"Evaluate every product in every mode, lean: {medians['lean']:.0f} ms "
          f"({medians['lean'] / medians['itemised']:.2f}x the reference)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "catalogue_model.json").write_text(json.dumps(
        {"products": args.products, "runs_ms": rows, "median_ms": medians}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
