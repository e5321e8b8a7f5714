"""What the calculators tests share: paths and the hand-written fixture bundle."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_BUNDLE = ROOT / "tests" / "fixtures" / "parameters-v2.json"
BUNDLE = json.loads(FIXTURE_BUNDLE.read_text("utf-8"))
