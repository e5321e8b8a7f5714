"""Messages the build prints without failing `mkdocs build --strict`.

MkDocs' strict mode counts every warning on its own logger. Stale figures are worth a warning a
contributor sees, but not a failed build, so they go to this logger of ours, which prints in
MkDocs' format and does not pass its records on to MkDocs' handlers.
"""

from __future__ import annotations

import logging

NOTICES = logging.getLogger("aliexpress_modes.notices")
NOTICES.propagate = False
NOTICES.setLevel(logging.INFO)
if not NOTICES.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    NOTICES.addHandler(_handler)
