"""The publishing gate: what may leave the building, through which outputs, in what state, on a given day."""

from gongkai.gate.admission import Admission, Facts, State
from gongkai.gate.admit import (Ahead, Gate, HeldBack, Outcome, Verdict, admit, directory_findings, due_ahead, held_back,
                                hidden_names)
from gongkai.gate.unread import no_item_reason, unread_items, unread_records
from gongkai.publication.channels import CHANNEL_OUTPUTS, WEB_CHANNEL, Output, effective_channels

__all__ = ["CHANNEL_OUTPUTS", "WEB_CHANNEL", "Admission", "Ahead", "Facts", "Gate", "HeldBack", "Outcome", "Output", "State",
           "Verdict", "admit", "directory_findings", "due_ahead", "effective_channels", "held_back", "hidden_names",
           "no_item_reason", "unread_items", "unread_records"]
