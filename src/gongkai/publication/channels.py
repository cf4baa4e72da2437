"""Which outputs a record reaches: the 公开渠道 it names (within its item's), mapped to what gongkai writes."""

from __future__ import annotations

import functools

from enum import Enum

from gongkai.model import Item, Record
from gongkai.model.vocab import BOARD

WEB_CHANNEL = "政府网站"


class Output(str, Enum):
    """What gongkai writes for people outside the bureau, by the channel that carries it."""

    WEB = "政府网站"  # pages, lists, feed, sitemap, open data, search, the portal export
    WECHAT = "两微一端"  # the WeChat article
    PRINT = "公示栏和查阅点"  # print sheets and 电子屏 slides for 公示栏, 公开查阅点, 便民服务站
    ARCHIVES = "两馆移交"  # the handover to the 档案馆 and 图书馆: every admitted 主动公开 record


# The channels of the standard directory that gongkai produces something for; the others (政府公报, 广播电视 …)
# are carried by other people and leave no trace in gongkai's outputs.
CHANNEL_OUTPUTS: dict[str, Output] = {
    WEB_CHANNEL: Output.WEB,
    "两微一端": Output.WECHAT,
    BOARD: Output.PRINT,
    "公开查阅点": Output.PRINT,
    "便民服务站": Output.PRINT,
}


def effective_channels(record: Record, item: Item | None) -> tuple[str, ...]:
    """The channels a record is published through: its own, kept to those its item lists.

    A record without channels takes its item's; a record without an item goes to the website only. A channel the
    item does not list is dropped (the reviewed directory is the commitment) and validate warns about it (GK410).
    """
    own = tuple(record.channels)
    if item is None:
        return own or (WEB_CHANNEL,)
    return _within(own, tuple(item.channels))


@functools.lru_cache(maxsize=1024)  # a handful of distinct pairs among 100,000 records
def _within(own: tuple[str, ...], listed: tuple[str, ...]) -> tuple[str, ...]:
    """The record's own channels that its item lists; the item's when the record names none."""
    return tuple(c for c in own if c in listed) if own else listed


@functools.lru_cache(maxsize=256)  # a handful of distinct channel lists among 100,000 records
def outputs_of(channels: tuple[str, ...]) -> frozenset[Output]:
    """The outputs the channels reach, and always the 两馆 handover."""
    return frozenset({CHANNEL_OUTPUTS[c] for c in channels if c in CHANNEL_OUTPUTS} | {Output.ARCHIVES})
