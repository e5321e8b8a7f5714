"""Run the calculators' command line: ``python -m calculators --help``."""

import sys

from .cli import main

sys.exit(main())
