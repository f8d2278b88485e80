"""Cards for /progress (always private)."""

from __future__ import annotations

from bot.canon.episodes import EpisodeRef
from bot.canon.models import Episode
from bot.render.cards import Card, Colour, Reply, line

HOW_IT_WORKS = (
    "Replies you trigger leave out anything from later episodes and say how much they "
    "held back; a Reveal button shows it to you privately."
)


def progress_card(episode: Episode | None, *, caught_up: bool, saved: bool) -> Reply:
    if episode is not None:
        title = "Progress saved" if saved else "Your progress"
        text = f"You have seen up to **{episode.heading.text}**. {HOW_IT_WORKS}"
    elif caught_up:
        title = "Progress saved" if saved else "Your progress"
        text = "You are caught up: nothing is held back (finale details stay tagged)."
    else:
        title = "Progress cleared" if saved else "No progress set"
        text = (
            "Replies treat you like everyone else: finale details are tagged, nothing "
            "is held back. Use `/progress set` to set your horizon."
        )
    return Reply((Card(title=title, lines=(line(text),), colour=Colour.INFO),), ephemeral=True)


def lost_progress_card(stored: EpisodeRef, nearest: EpisodeRef | None) -> Reply:
    """Progress saved at an episode the canon no longer lists (the data changed): said
    plainly, because replies still hold back everything after it."""
    move = (
        f"Press **Move to {nearest.code}** to set it to the last episode before it, or "
        if nearest
        else "Use "
    )
    text = (
        f"You set your progress to {stored.code}, which is no longer in the bot's episode "
        "list (its data changed). Replies you trigger still hold back everything after "
        f"{stored.code}. {move}`/progress set` to choose another."
    )
    return Reply(
        (Card(title="Your progress", lines=(line(text),), colour=Colour.INFO),), ephemeral=True
    )
