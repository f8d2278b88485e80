"""What the spoiler guard says: to the author, to the mod log, and for /spoilercheck.

None of it repeats the spoiler it acted on: reasons name seasons and episode codes,
rule ids go behind tags, and member text is escaped before it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.canon.episodes import EpisodeRef, SeasonRef, seasons_text
from bot.render.cards import Card, Colour, Field, Line, Reply, line
from bot.spoilers.markup import escape, spoiler


@dataclass(frozen=True)
class Reason:
    """Why a message was tagged, in spoiler-free terms."""

    finale_seasons: tuple[SeasonRef, ...] = ()
    recent: tuple[EpisodeRef, ...] = ()
    server_terms: bool = False
    moderator: bool = False

    def __str__(self) -> str:
        parts = []
        if self.finale_seasons:
            parts.append(f"{seasons_text(self.finale_seasons)} finale details")
        if self.recent:
            parts.append("details from " + ", ".join(r.code for r in self.recent) + " (new)")
        if self.server_terms:
            parts.append("words this server treats as spoilers")
        if self.moderator:
            parts.append("a moderator's request")
        return " and ".join(parts) or "spoilers"


def notice_text(author: str, reason: Reason) -> str:
    """The short note to the author in the channel (deleted after a few seconds)."""
    return (
        f"{escape(author)}, I put part of your message behind spoiler tags ({reason}). "
        "Please wrap those in `||spoiler tags||` here."
    )


def log_card(
    author_id: int,
    channel_id: int,
    reason: Reason,
    keys: Sequence[str],
    repost_url: str | None,
    edited: bool,
) -> Card:
    fields = [
        Field("Author", (line(f"<@{author_id}>"),), inline=True),
        Field("Channel", (line(f"<#{channel_id}>"),), inline=True),
        Field("Why", (line(str(reason)),)),
        # Rule ids name characters and episodes: they stay behind tags too.
        Field("Rules", (line(spoiler(", ".join(sorted(keys))) if keys else "none"),)),
    ]
    if repost_url:
        fields.append(Field("Reposted", (line(f"[Jump to the tagged message]({repost_url})"),)))
    return Card(
        title="Spoiler tagged after an edit" if edited else "Spoiler tagged",
        lines=(line("The message was deleted and reposted with spoiler tags."),),
        fields=tuple(fields),
        colour=Colour.SEARCH,
    )


def permission_card(channel_id: int, missing: str) -> Card:
    return Card(
        title="Spoiler guard cannot act",
        lines=(
            line(
                f"In <#{channel_id}> the bot lacks: {missing}. It will not try again there "
                "until the permission is granted; `/spoilers status` lists every gap."
            ),
        ),
        colour=Colour.SEARCH,
    )


def trouble_card(channel_id: int, problem: str) -> Card:
    """A message the guard would have tagged but could not; it was left as it is."""
    return Card(
        title="Spoiler guard left a message alone",
        lines=(line(f"A message in <#{channel_id}> needs spoiler tags, but {problem}."),),
        colour=Colour.SEARCH,
    )


def check_card(pieces: Sequence[tuple[str, bool]], reason: Reason | None) -> Reply:
    """/spoilercheck: the draft with the sentences the guard would hide behind tags."""
    if reason is None:
        return Reply(
            (
                Card(
                    title="Spoiler check",
                    lines=(line("Nothing in this draft would be tagged here."),),
                    colour=Colour.TIMELINE,
                ),
            ),
            ephemeral=True,
        )
    preview: Line = tuple(spoiler(text) if hidden else escape(text) for text, hidden in pieces)
    card = Card(
        title="Spoiler check",
        lines=(line(f"This draft has {reason}. The guard would tag it like this:"), preview),
        footer="Only you can see this · wrap those parts in ||tags|| before posting",
        colour=Colour.SEARCH,
    )
    return Reply((card,), ephemeral=True)
