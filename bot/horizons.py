"""Gathering what the spoiler policy needs to know about a viewer, from memory.

The policy decides; this only collects its inputs: the member's progress, the server's
settings (embargo, spoiler channels), and which episodes were released recently. Nothing here
touches the disk, so autocomplete can ask on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta

from bot.canon.episodes import EpisodeRef
from bot.canon.models import Episode
from bot.community.records import ServerSettings
from bot.spoilers.policy import Audience
from bot.store.community import CommunityRepository

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def released_at(episode: Episode) -> datetime | None:
    """The release moment in UTC. Apple releases on Friday (Thursday evening in the US),
    so midnight UTC on the listed day is at or before every release: an embargo measured
    from it never starts late."""
    if episode.air_date is None:
        return None
    return datetime.combine(episode.air_date, time(0, 0), UTC)


class Horizons:
    def __init__(
        self, community: CommunityRepository, episodes: Sequence[Episode], clock: Clock = utc_now
    ) -> None:
        self.community = community
        self.clock = clock
        self._releases = [(e.ref, at) for e in episodes if (at := released_at(e)) is not None]

    def embargo(self, server: ServerSettings) -> dict[EpisodeRef, datetime]:
        """Episodes inside the server's embargo now, each with when its embargo lifts."""
        now = self.clock()
        length = timedelta(days=server.embargo_days)
        return {
            ref: at + length
            for ref, at in self._releases
            if server.embargo_days and at <= now < at + length
        }

    def audience(
        self,
        *,
        user_id: int | None,
        guild_id: int | None,
        channel_id: int | None,
        parent_id: int | None = None,
    ) -> Audience:
        """The audience for a reply to ``user_id`` in a channel (or thread of ``parent_id``)."""
        horizons = self.community.horizons(user_id) if user_id is not None else frozenset()
        if guild_id is None:
            return Audience(horizons=horizons)
        server = self.community.server_settings(guild_id)
        spoiler_channel = bool({channel_id, parent_id} & server.spoiler_channels)
        return Audience(
            horizons=horizons,
            embargoed=frozenset(self.embargo(server)),
            tag_finales=server.tag_finales,
            spoiler_channel=spoiler_channel,
        )
