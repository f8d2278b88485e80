"""The spoiler policy: the only code that decides what is a spoiler for an audience.

Everything a reply shows that is a fact about the story arrives as a ``Detail``:
its text plus the ``Reveal`` (the episode that first shows it). Renderers cannot
read a detail's text for a title or label: they hand details to the composer,
which asks ``exposure`` how to place each one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from bot.canon.episodes import EpisodeRef, SeasonRef


@dataclass(frozen=True, order=True)
class Reveal:
    """Where the story first shows a fact, and which season finales it gives away.

    A fact first shown in a finale is a finale detail. So is a later fact that
    restates an earlier finale's outcome (a season 4 line saying where Margo went
    after the season 3 finale): ``carries`` names those finales.
    """

    episode: EpisodeRef
    finale: bool  # first shown in a season finale
    carries: tuple[EpisodeRef, ...] = ()  # earlier finales whose outcome the text restates

    @classmethod
    def latest_of(cls, reveals: Iterable[Reveal]) -> Reveal:
        """One reveal standing for several (the texts one source backs): at the latest
        episode, carrying every finale the others show or carry. Episodes of another
        series than the latest's are carried too, so any one of them can hold it back."""
        found = list(reveals)
        latest = max(found, key=lambda r: (r.episode.key, r.finale))
        carried: set[EpisodeRef] = set()
        for reveal in found:
            carried.update(reveal.carries)
            if reveal.finale or reveal.episode.series != latest.episode.series:
                carried.add(reveal.episode)
        carried.discard(latest.episode)
        return cls(latest.episode, latest.finale, tuple(sorted(carried)))

    @property
    def season(self) -> SeasonRef:
        return self.episode.season_ref

    @property
    def finale_detail(self) -> bool:
        return self.finale or bool(self.carries)

    @property
    def finale_seasons(self) -> tuple[SeasonRef, ...]:
        """The seasons whose finale this fact gives away."""
        seasons = {ref.season_ref for ref in self.carries}
        if self.finale:
            seasons.add(self.episode.season_ref)
        return tuple(sorted(seasons))


@dataclass(frozen=True)
class Detail:
    """A piece of story text and the point at which it is revealed."""

    text: str
    reveal: Reveal


@dataclass(frozen=True)
class Label:
    """Text for a surface that cannot hide anything (a title, a field name, a choice).

    An episode title is public, but not for someone who has not reached the episode:
    they see ``neutral`` instead (e.g. "S4 E10 (finale)").
    """

    text: str
    reveal: Reveal
    neutral: str


class Exposure(enum.Enum):
    SHOW = "show"  # plain text is fine
    TAG = "tag"  # only inside ||spoiler tags||, on a surface that renders them
    WITHHOLD = "withhold"  # past the viewer's progress: left out, and counted


@dataclass(frozen=True)
class Audience:
    """Who a reply is for, and what the server has asked for.

    horizons: the last episode the viewer has seen of each series (their /progress);
        a series is missing when they have not said, or are caught up.
    embargoed: episodes still inside the server's embargo after release.
    tag_finales: the server keeps finale details tagged (the default).
    spoiler_channel: a channel the server set aside for spoilers: no tags needed.
    explicit: the viewer pressed Reveal: everything shown, all of it tagged.
    """

    horizons: frozenset[EpisodeRef] = frozenset()
    embargoed: frozenset[EpisodeRef] = frozenset()
    tag_finales: bool = True
    spoiler_channel: bool = False
    explicit: bool = False

    def horizon(self, series: str) -> EpisodeRef | None:
        """The last episode of ``series`` the viewer has seen, if they said."""
        return next((ref for ref in self.horizons if ref.series == series), None)


PUBLIC = Audience()
REVEAL = Audience(explicit=True)


def _past(ref: EpisodeRef, audience: Audience) -> bool:
    horizon = audience.horizon(ref.series)
    return horizon is not None and ref > horizon


def _beyond(reveal: Reveal, audience: Audience) -> bool:
    return _past(reveal.episode, audience) or any(_past(ref, audience) for ref in reveal.carries)


def _embargoed(reveal: Reveal, audience: Audience) -> bool:
    return reveal.episode in audience.embargoed or any(
        ref in audience.embargoed for ref in reveal.carries
    )


def exposure(reveal: Reveal, audience: Audience) -> Exposure:
    """Decide how a fact revealed at ``reveal`` may be shown to ``audience``.

    Progress can only take content away: a detail past the viewer's horizon is
    withheld even in a spoiler channel, because the viewer asked not to see it.
    Finale details are tagged in private replies too, because people share screens.
    """
    if audience.explicit:
        return Exposure.TAG
    if _beyond(reveal, audience):
        return Exposure.WITHHOLD
    if audience.spoiler_channel:
        return Exposure.SHOW
    if reveal.finale_detail and audience.tag_finales:
        return Exposure.TAG
    if _embargoed(reveal, audience):
        return Exposure.TAG
    return Exposure.SHOW


def may_withhold(audience: Audience) -> bool:
    """Whether anything at all can be held back from this audience (saves a scan)."""
    return bool(audience.horizons) and not audience.explicit


def label_text(label: Label, audience: Audience) -> str:
    """What a plain surface may say: the label, or its neutral form past the horizon."""
    return label.neutral if _beyond(label.reveal, audience) else label.text


def is_suggestible(reveal: Reveal | None, audience: Audience) -> bool:
    """Whether a name first shown at ``reveal`` may be suggested by autocomplete."""
    return reveal is None or not _beyond(reveal, audience)
