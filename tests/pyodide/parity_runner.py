"""Runs inside both runtimes (CPython here, Pyodide under Node): the same code, the same output.

``run_all`` evaluates every scenario and returns one JSON text with, per scenario, the result,
its HTML and its CSV and JSON exports (in English and in Chinese), or the problems of an invalid
one; then plans the catalogues of ``CATALOGUES`` (a GB18030 file with tabs, and 300 products
with bad rows among them, in English and in Chinese). The two texts are compared byte for byte.
"""

import json

import calculators
from calculators import catalogue, catalogue_report, report

HEADER = "商品\t类目\t零售价\t成本\t重量\t月销量\t退货率\n"


def _products(count: int) -> str:
    """``count`` products with varied numbers (no randomness: both runtimes read the same)."""
    categories = ("consumer_electronics", "home_garden", "apparel")
    lines = [f"商品{i}\t{categories[i % 3]}\t{1 + (i * 37) % 120}\t{(i * 53) % 400}\t"
             f"{0.05 + (i % 17) / 10}\t{(i * 91) % 1500}\t{(i % 7) / 100}\n"
             for i in range(count)]
    lines[5] = "坏行\tapparel\tabc\t10\t0.3\t100\t0\n"
    return HEADER + "".join(lines)


CATALOGUES = (
    ("catalogue: gb18030, tabs", _products(12).encode("gb18030"), {}, "en"),
    ("catalogue: 300 products, labour 120", _products(300).encode("utf-8"),
     {"labour_rate_cny_per_hour": 120}, "en"),
    ("catalogue: 300 products, in Chinese", _products(300).encode("utf-8"), {}, "zh"),
)


def run_all(scenarios_text: str, bundle_text: str) -> str:
    bundle = json.loads(bundle_text)
    answers = []
    for case in json.loads(scenarios_text):
        try:
            result = calculators.evaluate(case["scenario"], bundle)
        except calculators.InvalidInput as error:
            answers.append({"name": case["name"],
                            "problems": [problem.as_dict() for problem in error.problems]})
            continue
        chinese = calculators.evaluate(case["scenario"], bundle, "zh")
        answers.append({"name": case["name"], "result": result,
                        "html": report.render_html(result),
                        "csv": calculators.export_csv(result, bundle),
                        "json": calculators.export_json(result, bundle),
                        "csv_zh": calculators.export_csv(chinese, bundle, "zh"),
                        "json_zh": calculators.export_json(chinese, bundle, "zh")})
    for name, data, settings, language in CATALOGUES:
        plan = catalogue.plan_file(data, bundle, settings, language)
        answers.append({"name": name, "plan": plan,
                        "html": catalogue_report.render_plan_html(plan, language),
                        "csv": catalogue_report.plan_csv(plan, language)})
    return json.dumps(answers, sort_keys=True, ensure_ascii=False, allow_nan=False, indent=1)
