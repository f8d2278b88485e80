"""Cards for /progress (always private)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.canon.episodes import EpisodeRef
from bot.canon.models import Episode, Series
from bot.render.cards import Card, Colour, Line, Reply, line

HOW_IT_WORKS = (
    "Replies you trigger leave out anything from later episodes and say how much they "
    "held back; a Reveal button shows it to you privately."
)
NOTHING_SET = (
    "Replies treat you like everyone else: finale details are tagged, nothing "
    "is held back. Use `/progress set` to set your horizon."
)


@dataclass(frozen=True)
class Watched:
    """How far a member has watched one series; ``episode`` None: caught up, unless
    ``missing`` is set: the episode they saved, which the canon no longer lists (its data
    changed), and ``move_to``, the last listed episode before it, if any."""

    series: Series
    episode: Episode | None
    missing: EpisodeRef | None = None
    move_to: EpisodeRef | None = None


def _watched_line(watched: Watched) -> Line:
    show = f"*{watched.series.name}*"
    if watched.missing is not None:
        # Said plainly, because replies still hold back everything after it.
        gone = watched.missing.code
        move = (
            f"Press **Move to {watched.move_to.code}** to set it to the last episode before "
            "it, or use "
            if watched.move_to
            else "Use "
        )
        return line(
            f"{show}: you set your progress to {gone}, which is no longer in the bot's "
            "episode list (its data changed). Replies you trigger still hold back "
            f"everything after {gone}. {move}`/progress set` to choose another."
        )
    if watched.episode is None:
        return line(f"{show}: caught up, nothing is held back (finale details stay tagged).")
    return line(f"{show}: you have seen up to **{watched.episode.heading.text}**.")


def progress_card(
    watched: Sequence[Watched], *, action: Literal["saved", "shown", "cleared"]
) -> Reply:
    """``watched``: the progress to show, one per series (after the change, if any)."""
    titles = {"saved": "Progress saved", "shown": "Your progress", "cleared": "Progress cleared"}
    title = titles[action] if watched or action == "cleared" else "No progress set"
    lines = [_watched_line(w) for w in watched]
    if any(w.episode is not None or w.missing is not None for w in watched):
        lines.append(line(HOW_IT_WORKS))
    if not watched:
        lines.append(line(NOTHING_SET))
    card = Card(title=title, lines=tuple(lines), colour=Colour.INFO)
    return Reply((card,), ephemeral=True)
