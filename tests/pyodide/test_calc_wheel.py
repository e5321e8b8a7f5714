"""The calculators package builds into a pure-Python wheel holding only the package."""

import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_is_pure_python_and_holds_only_the_package(calculators_wheel):
    assert calculators_wheel.name == "aliexpress_modes_calculators-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(calculators_wheel) as wheel:
        names = sorted(wheel.namelist())
        metadata = wheel.read("aliexpress_modes_calculators-1.0.0.dist-info/METADATA").decode()
    sources = sorted(
        f"calculators/{path.name}"
        for path in (ROOT / "calculators" / "src" / "calculators").glob("*.py")
    )
    dist_info = [name for name in names if name.startswith("aliexpress_modes_calculators-1.0.0"
                                                           ".dist-info/")]
    assert sorted(set(names) - set(dist_info)) == sources
    assert sorted(dist_info) == [
        "aliexpress_modes_calculators-1.0.0.dist-info/METADATA",
        "aliexpress_modes_calculators-1.0.0.dist-info/RECORD",
        "aliexpress_modes_calculators-1.0.0.dist-info/WHEEL",
    ]
    assert "Requires-Python: >=3.12" in metadata
    assert "Requires-Dist" not in metadata  # standard library only
