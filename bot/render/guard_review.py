"""What the guard's review band shows: the sensitivity, the mod-log card that asks the
moderators about a message, and /spoilercheck's verdict.

Titles, field names, footers and button labels are fixed, spoiler-free words. What the
guard found (the character, the member's words, the finale detail) goes only in
description lines and field values: member text escaped inside ``||tags||``, the canon
fact as a ``Detail`` the composer places as the spoiler policy says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import discord

from bot.community.review import Review, Sensitivity
from bot.render.cards import Card, Colour, Field, Line, Reply, line
from bot.spoilers.markup import escape, spoiler
from bot.spoilers.policy import Detail

QUOTED_MAX = 700  # the member's text, as quoted in a mod-log card
CLUES_SHOWN = 3

LEVEL_WORDS = {
    "strict": "Strict: tags hints and names that could be anyone too; more false alarms.",
    "balanced": "Balanced (the default): tags plain statements; asks you about hints.",
    "relaxed": "Relaxed: tags only clear, close statements; fewer false alarms, more misses.",
}


@dataclass(frozen=True)
class Clue:
    """One piece of the guard's evidence, ready to show (see ``cogs/spoilers/_explain``)."""

    score: float
    how: str  # how subject and outcome were connected: "same sentence", "pronoun"...
    character: str | None  # the character's name, when the subject is a character
    subject: str  # the member's words that named them
    outcome: str  # the member's words that said what happened ("" for a subject alone)
    fact: Detail | None  # the finale detail (or recent episode's detail) it would give away
    term: bool = False  # a word this server added (``subject`` is the term)


def _number(value: float) -> str:
    return f"{value:.2f}"


def _clue_line(clue: Clue) -> Line:
    if clue.term:
        return line(f"{_number(clue.score)} · a word this server added: ", spoiler(clue.subject))
    words = f"“{clue.subject}”" + (f" … “{clue.outcome}”" if clue.outcome else "")
    who = f"{clue.character}: {words}" if clue.character else words
    return line(
        f"{_number(clue.score)} · ",
        spoiler(who),
        f" ({escape(clue.how)})",
        " · the detail: " if clue.fact else None,
        clue.fact,
    )


def _clues_field(clues: Sequence[Clue]) -> Field:
    shown = tuple(_clue_line(c) for c in clues[:CLUES_SHOWN])
    if len(clues) > CLUES_SHOWN:
        shown += (line(f"… and {len(clues) - CLUES_SHOWN} weaker ones."),)
    return Field("What it found (score · who and which words · the detail)", shown)


def _band_words(chosen: Sensitivity) -> str:
    return (
        f"tags at {_number(chosen.threshold)} or more; asks the moderators from "
        f"{_number(chosen.review_from)} up to {_number(chosen.threshold)}; lets the rest be"
    )


def sensitivity_lines(chosen: Sensitivity, has_log: bool) -> tuple[Line, ...]:
    """The sensitivity in plain words, for /spoilers guard sensitivity and status."""
    name = LEVEL_WORDS.get(chosen.level or "", f"Custom: {_number(chosen.threshold)}.")
    lines = [
        line(f"**{name}**"),
        line(f"The guard scores each message from 0 to 1 and {_band_words(chosen)}."),
        line(
            "Messages it is unsure about are never deleted: the mod log gets a card with "
            "**Tag it** and **Not a spoiler** buttons, and each decision is kept as an "
            "example (`/spoilers guard examples`)."
        ),
    ]
    if not has_log:
        lines.append(
            line(
                "⚠️ No mod log is set (`/spoilers guard log`), so nobody is asked: "
                "messages it is unsure about are left as they are."
            )
        )
    return tuple(lines)


def sensitivity_card(chosen: Sensitivity, has_log: bool) -> Reply:
    """The answer to /spoilers guard sensitivity."""
    card = Card(
        title="Spoiler guard sensitivity",
        lines=sensitivity_lines(chosen, has_log),
        footer="strict 0.45 · balanced 0.60 · relaxed 0.75, or any number from 0.30 to 0.95",
        colour=Colour.INFO,
    )
    return Reply((card,), ephemeral=True)


def with_sensitivity(
    reply: Reply, chosen: Sensitivity, has_log: bool, counts: tuple[int, int] = (0, 0)
) -> Reply:
    """/spoilers status with the sensitivity added to its first page; ``counts``: the
    reviews waiting for a moderator, and the labelled examples kept."""
    pages = list(reply.pages) if isinstance(reply.pages, Sequence) else []
    if not pages:
        return reply
    words = LEVEL_WORDS.get(chosen.level or "", f"Custom: {_number(chosen.threshold)}.")
    field = Field(
        "Guard sensitivity",
        (
            line(words),
            line(f"It {_band_words(chosen)}" + ("." if has_log else " (no mod log: nobody).")),
            line(f"Waiting for a moderator: {counts[0]} · labelled examples: {counts[1]}"),
        ),
    )
    pages[0] = replace(pages[0], fields=(*pages[0].fields, field))
    return replace(reply, pages=tuple(pages))


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > QUOTED_MAX:
        flat = flat[: QUOTED_MAX - 1] + "…"
    return spoiler(flat) if flat else "(no text)"


def review_card(review: Review, jump_url: str, clues: Sequence[Clue], chosen: Sensitivity) -> Card:
    """The mod-log card asking the moderators about a message (nothing was deleted)."""
    return Card(
        title="Spoiler guard is unsure",
        lines=(
            line(
                f"A message by <@{review.author_id}> in <#{review.channel_id}> may spoil. "
                "Nothing was deleted: decide with the buttons below."
            ),
            line(f"[Jump to the message]({jump_url})"),
        ),
        fields=(
            Field(
                "Score",
                (line(f"{_number(review.score)} (this server {_band_words(chosen)})"),),
            ),
            _clues_field(clues),
            Field("The message (hidden)", (line(_quoted(review.content)),)),
        ),
        footer="Only members with Manage Messages can decide",
        colour=Colour.SEARCH,
    )


def decision_text(review: Review, note: str | None = None) -> str:
    """What the review card says once decided: who decided what, and when."""
    assert review.decided_at is not None
    what = "tagged it as a spoiler" if review.spoiler else "marked it as not a spoiler"
    text = f"<@{review.decided_by}> {what} ({discord.utils.format_dt(review.decided_at, 'f')})."
    return f"{text} {note}" if note else text


Verdict = Literal["tag", "review", "fine"]  # as bot.sensitivity.Outcome


def verdict_card(
    verdict: Verdict,
    score: float,
    chosen: Sensitivity,
    pieces: Sequence[tuple[str, bool]],
    clues: Sequence[Clue],
    reason: str = "spoilers",
) -> Reply:
    """/spoilercheck and "Check for spoilers": what the guard would do with the text in
    this server, its score against the server's sensitivity, and why. ``reason`` is
    spoiler-free ("season 3 finale details")."""
    heading = {
        "tag": f"The guard **would tag** this here ({reason}).",
        "review": (
            f"The guard **would ask the moderators** about this here ({reason}): it is "
            "unsure, so nothing would be deleted."
        ),
        "fine": "Nothing in this draft would be tagged or sent to the moderators here.",
    }[verdict]
    lines: list[Line] = [
        line(heading),
        line(f"Score {_number(score)}: this server {_band_words(chosen)}."),
    ]
    if verdict != "fine" and any(hidden for _, hidden in pieces):
        preview: Line = tuple(spoiler(t) if hidden else escape(t) for t, hidden in pieces)
        lines += [line("Tagged, it would read:"), preview]
    fields = (_clues_field(clues),) if clues else ()
    card = Card(
        title="Spoiler check",
        lines=tuple(lines),
        fields=fields,
        footer="Only you can see this · wrap spoilers in ||tags|| before posting",
        colour=Colour.TIMELINE if verdict == "fine" else Colour.SEARCH,
    )
    return Reply((card,), ephemeral=True)


def examples_note(count: int, kept: int) -> str:
    """The message beside the exported examples file (spoiler-free)."""
    if count == 0:
        return "No labelled examples yet: they come from Tag it / Not a spoiler in the mod log."
    return (
        f"{count} labelled examples, newest first (this server keeps the latest {kept}). "
        "The file is in the shape of the guard's test corpus (tests/corpus): text and label."
    )


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants
    escaped and JSON leaves alone."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def example_entry(review: Review) -> str:
    """One labelled example, as an entry of the guard's corpus files (tests/corpus)."""
    assert review.decided_at is not None
    return "\n".join(
        (
            "[[message]]",
            'kind = "server-review"',
            f"text = {_toml_string(review.content)}",
            f"spoiler = {'true' if review.spoiler else 'false'}",
            f"score = {review.score:.3f}",
            f"labelled_at = {_toml_string(review.decided_at.isoformat())}",
            f"labelled_by = {_toml_string(str(review.decided_by))}",
            "",
        )
    )


def examples_header(guild_id: int, count: int, made: str) -> str:
    return (
        f"# The spoiler guard's labelled examples from server {guild_id}: {count} messages\n"
        "# the guard was unsure about, each decided by a moderator (Tag it: spoiler = true;\n"
        f"# Not a spoiler: spoiler = false). Exported {made}. Same shape as tests/corpus.\n\n"
    )
