"""The spoiler policy: the only code that decides what is a spoiler for an audience.

Everything a reply shows that is a fact about the story arrives as a ``Detail``:
its text plus the ``Reveal`` (the episode that first shows it). Renderers cannot
read a detail's text for a title or label: they hand details to the composer,
which asks ``exposure`` how to place each one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot.canon.episodes import EpisodeRef


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

    @property
    def season(self) -> int:
        return self.episode.season

    @property
    def finale_detail(self) -> bool:
        return self.finale or bool(self.carries)

    @property
    def finale_seasons(self) -> tuple[int, ...]:
        """The seasons whose finale this fact gives away."""
        seasons = {ref.season for ref in self.carries}
        if self.finale:
            seasons.add(self.episode.season)
        return tuple(sorted(seasons))


@dataclass(frozen=True)
class Detail:
    """A piece of story text and the point at which it is revealed."""

    text: str
    reveal: Reveal


class Exposure(enum.Enum):
    SHOW = "show"  # plain text is fine
    TAG = "tag"  # only inside ||spoiler tags||, on a surface that renders them


@dataclass(frozen=True)
class Audience:
    """Who will see a reply. Public replies are seen by the whole channel."""

    public: bool = True


PUBLIC = Audience(public=True)


def exposure(reveal: Reveal, audience: Audience) -> Exposure:
    """Decide how a fact revealed at ``reveal`` may be shown to ``audience``.

    Finale details are always tagged: private replies too, because people share
    screens and a reply someone asked for is still read by whoever is looking.
    """
    if reveal.finale_detail:
        return Exposure.TAG
    return Exposure.SHOW
