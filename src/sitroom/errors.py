"""The error catalogue: one base class, one subclass per stage, coded messages."""

from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose."""

    code = "E000"


class IngestError(SitroomError):
    """An input could not be read as a report (empty, binary, too large, not English…)."""

    code = "E100"


class ModelError(SitroomError):
    """A language model or embedding resource is missing."""

    code = "E200"


class GazetteerError(SitroomError):
    """The gazetteer is missing, corrupt, or an import file is malformed."""

    code = "E300"


class StoreError(SitroomError):
    """The database could not be read or written."""

    code = "E400"


class EvalError(SitroomError):
    """An evaluation dataset is malformed."""

    code = "E500"
