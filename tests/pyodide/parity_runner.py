"""Runs inside both runtimes (CPython here, Pyodide under Node): the same code, the same output.

``run_all`` evaluates every scenario and returns one JSON text with, per scenario, the result,
its HTML and CSV, or the problems of an invalid one. The two texts are compared byte for byte.
"""

import json

import calculators
from calculators import report


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
        answers.append({"name": case["name"], "result": result,
                        "html": report.render_html(result), "csv": report.to_csv(result)})
    return json.dumps(answers, sort_keys=True, ensure_ascii=False, allow_nan=False, indent=1)
