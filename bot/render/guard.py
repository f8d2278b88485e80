"""What the spoiler guard says: to the author and to the mod log (/spoilercheck and the
review band: ``guard_review.py``).

None of it repeats the spoiler it acted on: reasons name seasons and episode codes,
rule ids go behind tags, and member text is escaped before it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.canon.episodes import EpisodeRef, SeasonRef, seasons_text
from bot.community.journal import Entry
from bot.render.cards import Card, Colour, Field, line
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


LISTED = 20  # entries named one by one in a mod-log card; the rest are counted


def notice_text(author: str, reason: Reason | str, count: int = 1) -> str:
    """The short note to the author in the channel (deleted after a few seconds): one
    per author and channel every few minutes, counting what came since."""
    what = "part of your message" if count == 1 else f"parts of {count} of your messages"
    return (
        f"{escape(author)}, I put {what} behind spoiler tags ({reason}). "
        "Please wrap those in `||spoiler tags||` here."
    )


def log_card(
    author_id: int,
    channel_id: int,
    reason: Reason | str,
    keys: Sequence[str],
    repost_url: str | None,
    edited: bool,
) -> Card:
    """One message tagged: the mod log's card when the channel is quiet."""
    fields = [
        Field("Author", (line(f"<@{author_id}>"),), inline=True),
        Field("Channel", (line(f"<#{channel_id}>"),), inline=True),
        Field("Why", (line(str(reason)),)),
        # Rule ids name characters and episodes: they stay behind tags too.
        Field("Rules", (line(_rules(keys)),)),
    ]
    if repost_url:
        fields.append(Field("Reposted", (line(f"[Jump to the tagged message]({repost_url})"),)))
    return Card(
        title="Spoiler tagged after an edit" if edited else "Spoiler tagged",
        lines=(line("The message was deleted and reposted with spoiler tags."),),
        fields=tuple(fields),
        colour=Colour.SEARCH,
    )


def tagged_card(channel_id: int, entries: Sequence[Entry]) -> Card:
    """The mod log's card for a channel's tagged messages: one alone as ``log_card``
    shows it, or a burst summed up in one card (one per channel per minute)."""
    if len(entries) == 1:
        e = entries[0]
        return log_card(e.author.id, channel_id, e.reason, e.rules, e.repost_url, e.edited)
    lines = [
        line(
            f"{len(entries)} messages in <#{channel_id}> were deleted and reposted with "
            "spoiler tags:"
        )
    ]
    lines += [
        line(
            f"<@{e.author.id}> · [tagged copy]({e.repost_url}) · {e.reason}"
            + (" · after an edit" if e.edited else "")
        )
        for e in entries[:LISTED]
    ]
    if len(entries) > LISTED:
        lines.append(line(f"… and {len(entries) - LISTED} more."))
    rules = sorted({k for e in entries for k in e.rules})
    return Card(
        title=f"Spoilers tagged: {len(entries)} messages",
        lines=tuple(lines),
        fields=(Field("Rules", (line(_rules(rules)),)),),
        colour=Colour.SEARCH,
    )


def could_not_act_card(channel_id: int, entries: Sequence[Entry]) -> Card:
    """Messages the guard would have tagged but could not: still up as posted."""
    lines = [
        line(
            f"{'A message' if len(entries) == 1 else f'{len(entries)} messages'} in "
            f"<#{channel_id}> need spoiler tags but are still up as posted. Once the cause "
            "is fixed, a moderator can use *Apps → Spoiler-tag this message* on each."
        )
    ]
    lines += [
        line(f"[message]({e.jump_url}) by <@{e.author.id}>: {e.outcome or 'not tagged'}")
        for e in entries[:LISTED]
    ]
    if len(entries) > LISTED:
        lines.append(line(f"… and {len(entries) - LISTED} more."))
    return Card(title="Spoiler guard could not act", lines=tuple(lines), colour=Colour.SEARCH)


def unreadable_card(channel_id: int, entries: Sequence[Entry]) -> Card:
    """Messages the guard failed to read (an error in the guard): still up as posted.
    Only links: not the text, nor who wrote it."""
    one = len(entries) == 1
    what = "a message" if one else f"{len(entries)} messages"
    lines = [
        line(
            f"{what.capitalize()} in <#{channel_id}> could not be read by the spoiler guard "
            f"(an error in the guard; the bot's log names {'it' if one else 'them'} by id) and "
            f"{'is' if one else 'are'} still up as posted. Please look: if "
            f"{'it spoils' if one else 'one spoils'}, use *Apps → Spoiler-tag this message*."
        )
    ]
    lines += [line(f"[message]({e.repost_url or e.jump_url})") for e in entries[:LISTED]]
    if len(entries) > LISTED:
        lines.append(line(f"… and {len(entries) - LISTED} more."))
    return Card(
        title=f"Spoiler guard could not read {what}", lines=tuple(lines), colour=Colour.SEARCH
    )


def delayed_card(channel_id: int, count: int) -> Card:
    """Messages taken down whose tagged copies Discord has not accepted yet."""
    what = "A message" if count == 1 else f"{count} messages"
    return Card(
        title="Spoiler guard: reposts delayed",
        lines=(
            line(
                f"{what} in <#{channel_id}> were taken down for spoilers, but Discord has not "
                "accepted the tagged copies yet. Their text is kept in the guard's journal "
                "and they are reposted, in order, as soon as Discord answers."
            ),
        ),
        colour=Colour.SEARCH,
    )


def paused_card(invalid: int) -> Card:
    return Card(
        title="Spoiler guard paused",
        lines=(
            line(
                f"Discord refused {invalid} of the bot's requests in the last ten minutes "
                "(it blocks a bot for a while at 10,000). The guard stopped acting and resumes "
                "by itself once that count falls; spoilers posted meanwhile stay up, and "
                "`/spoilers status` shows the count."
            ),
        ),
        colour=Colour.SEARCH,
    )


def permission_card(channel_id: int, missing: str) -> Card:
    return Card(
        title="Spoiler guard cannot act",
        lines=(
            line(
                f"In <#{channel_id}> the bot lacks: {missing}. Spoilers there stay up until it "
                "is granted; the bot checks again whenever roles or channels change, and after "
                "a while in any case. `/spoilers status` lists every gap."
            ),
        ),
        colour=Colour.SEARCH,
    )


def _rules(keys: Sequence[str]) -> str:
    return spoiler(", ".join(sorted(keys))[:900]) if keys else "none"
