"""Where and while a record may be published: its channels, its 公示 period, withdrawal. Shared by the gate and rules."""

from gongkai.publication.channels import CHANNEL_OUTPUTS, WEB_CHANNEL, Output, effective_channels, outputs_of
from gongkai.publication.periods import is_notice, lists_people, minimum_for, notice_end, safe_notice_end

__all__ = ["CHANNEL_OUTPUTS", "WEB_CHANNEL", "Output", "effective_channels", "is_notice", "lists_people",
           "minimum_for", "notice_end", "outputs_of", "safe_notice_end"]
