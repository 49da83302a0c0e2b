"""export stage: write events in the formats analysts' tools read.

:func:`write_acled_csv` writes ACLED's CSV column set (``sitroom extract --format acled-csv``).
"""

from __future__ import annotations

from .acled import ACLED_COLUMNS, COLUMNS, write_acled_csv

__all__ = ["ACLED_COLUMNS", "COLUMNS", "write_acled_csv"]
