"""Fee and effort model for AliExpress's three selling modes (standard library only).

Runs unchanged in CPython and in Pyodide; never reads files or the network.
"""

from .api import RESULT_FORMAT, RESULT_VERSION, default_scenario, evaluate
from .errors import InvalidInput, InvalidParameters, Problem
from .export import EXPORT_FORMAT, EXPORT_VERSION, export_csv, export_json, export_record
from .formulas import FORMULAS, Formula
from .inputs import INPUTS, SCENARIO_FORMAT, SCENARIO_VERSION, InputField
from .model import MODEL_VERSION
from .params import PARAMETERS_FORMAT, PARAMETERS_VERSION, parameter_index
from .reading import UnreadableJson, parse_json

__version__ = "1.0.0"

__all__ = [
    "EXPORT_FORMAT", "EXPORT_VERSION", "FORMULAS", "INPUTS", "MODEL_VERSION",
    "PARAMETERS_FORMAT", "PARAMETERS_VERSION", "RESULT_FORMAT", "RESULT_VERSION",
    "SCENARIO_FORMAT", "SCENARIO_VERSION", "Formula", "InputField", "InvalidInput",
    "InvalidParameters", "Problem", "UnreadableJson", "default_scenario", "evaluate",
    "export_csv", "export_json", "export_record", "parameter_index", "parse_json",
]
