"""code stage: ACLED/PLOVER event types, actors, inter and interaction codes, notes.

Public API: :class:`EventCoder` (build once per process; its model loads on first use),
:func:`code_events` (fills each Event in place), :func:`make_event_coder`
(registered as ``sitroom.event_coder.v1``). See ``docs/coding.md``.
"""

from __future__ import annotations

from .coder import Coding, EventCoder, code_events, make_event_coder

__all__ = ["Coding", "EventCoder", "code_events", "make_event_coder"]
