"""Cards for the buttons under lookup replies: Sources, and what a mistake report becomes
in the server's mod log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.canon.models import Source
from bot.community.records import MistakeReport
from bot.render.cards import Card, Colour, Field, Line, Link, Listing, Reply, line
from bot.spoilers.markup import escape, spoiler, unlinked
from bot.spoilers.policy import Detail, Reveal

SOURCES_PER_PAGE = 12
REPORT_MAX = 1000  # what a member may write; the modal says so too
REPORT_SOURCE_MAX = 200


@dataclass(frozen=True)
class Cited:
    """A source, and where the story text it backs is revealed (None: nothing of the
    story, e.g. a season's announcement). A title can name what happens ("How did Danny
    die?"), so it is shown as that story text would be: tagged, or held back."""

    source: Source
    reveal: Reveal | None


def _cited_line(cited: Cited) -> Line:
    title = Detail(cited.source.title, cited.reveal) if cited.reveal else cited.source.title
    return line(f"`{cited.source.id}` ", Link(title, cited.source.url))


def sources_cards(about: str, cited: Sequence[Cited]) -> Reply:
    """The sources a reply rests on, each with its title and link (only the presser
    sees this). Links carry no preview. A listing: pages are cut after progress has held
    titles back, so none comes out empty."""
    count = len(cited)
    return Reply(
        Listing(
            title=about,
            items=cited,
            line_of=_cited_line,
            per_page=SOURCES_PER_PAGE,
            footer=f"{count} source{'s' if count != 1 else ''} · only you can see this",
            colour=Colour.INFO,
            empty="No sources are recorded for this.",
        ),
        ephemeral=True,
    )


def report_log_card(report: MistakeReport, about: str, jump_url: str | None) -> Card:
    """A report as the mod log shows it. The member's words stay behind a spoiler tag
    (they may discuss the story), escaped, and with no links or mentions that work."""
    fields = [
        Field("About", (line(escape(about)),), inline=True),
        Field("From", (line(f"<@{report.reporter_id}>"),), inline=True),
    ]
    if report.source:
        fields.append(Field("Their source", (line(spoiler(unlinked(report.source))),)))
    if jump_url:
        fields.append(Field("Reply", (line(f"[The reply it is about]({jump_url})"),)))
    return Card(
        title="Mistake reported",
        lines=(
            line(
                "A member reported a mistake; their words are behind the tag (they may "
                "discuss the story):"
            ),
            line(spoiler(unlinked(report.text))),
        ),
        fields=tuple(fields),
        footer=f"Report #{report.id} · maintainers: python -m bot reports",
        colour=Colour.SEARCH,
    )
