"""The buttons under every lookup reply: Sources, and Report a mistake.

Anyone who can see a reply may press them (unlike page turning, which is the invoker's):
what follows is private to whoever pressed. They are ``DynamicItem``s whose custom id
carries what the reply is about ("character:ed-baldwin"), so they keep working on old
replies, after a restart, with no state held. The report form is answered the same
way: its custom id says what it is about, and its submission is handled by a listener
(``cogs/feedback.py``), not by a form object that a restart would lose.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Self, TypeVar, cast

import discord

from bot.app import FamBot
from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.gate import RESTARTING, turn_away
from bot.guild_permissions import LOG_PERMISSIONS, missing
from bot.interactions import send_ephemeral
from bot.render.compose import compose
from bot.render.episodes import from_series
from bot.render.feedback import (
    REPORT_MAX,
    REPORT_SOURCE_MAX,
    Cited,
    report_log_card,
    sources_cards,
)
from bot.spoilers.policy import PUBLIC
from bot.store.canon import CanonRepository
from bot.views import answer

log = logging.getLogger(__name__)
C = TypeVar("C", bound=discord.Client)

SUBJECT = r"(?P<subject>[A-Za-z0-9:_-]{1,80})"
REPORT_FORM = "fam:report-form:"
REPORT_FORM_ID = re.compile(rf"{re.escape(REPORT_FORM)}{SUBJECT}")  # a form's whole id
REPORTS_PER_WINDOW = 3
REPORT_WINDOW = timedelta(hours=1)
REPORT_MIN = 10
BROKEN = "Sorry, that button stopped working. Run the command again."


# --- what a reply is about -----------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    about: str  # a title for the Sources reply: a name or a code, never an episode title
    name: str  # spoiler-free, for the mod log and maintainers: "Episode SC S1E3"
    sources: tuple[str, ...]  # what the reply cites, in order


def _unique(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group))


async def find_subject(canon: CanonRepository, subject: str) -> Subject | None:
    """What ``subject`` names, or None when the data no longer has it."""
    kind, _, rest = subject.partition(":")
    series = {s.code: s for s in await canon.series()}
    if kind == "character":
        who = await canon.character(rest)
        if who is None or who.series not in series:
            return None
        name = who.name + from_series(series[who.series])
        cited = _unique(
            who.sources, *(r.sources for r in who.roles), *(f.sources for f in who.facts)
        )
        return Subject(f"Sources · {name}", f"Character {name}", cited)
    if kind == "actor":
        actor = await canon.actor(rest)
        if actor is None:
            return None
        cited = _unique(*(r.sources for r in actor.roles))
        return Subject(f"Sources · {actor.name}", f"Actor {actor.name}", cited)
    if kind in ("episode", "season") and rest.isdigit():
        return await _numbered(canon, kind, int(rest), series)
    if kind == "timeline":
        return await _timeline(canon, rest, series)
    return None


async def _numbered(
    canon: CanonRepository, kind: str, key: int, series: dict[str, Any]
) -> Subject | None:
    if kind == "episode":
        episode = await canon.episode(EpisodeRef.from_key(key))
        if episode is None or episode.ref.series not in series:
            return None
        outcomes = await canon.finale_facts(episode.ref) if episode.is_finale else ()
        name = f"Episode {episode.ref.code}{from_series(series[episode.ref.series])}"
        cited = _unique(episode.sources, *(f.sources for f in outcomes))
        return Subject(f"Sources · {name}", name, cited)
    season = await canon.season(SeasonRef.from_key(key))
    if season is None or season.series not in series:
        return None
    name = f"Season {season.number}{from_series(series[season.series])}"
    episodes = await canon.episodes(season.ref)
    return Subject(
        f"Sources · {name}", name, _unique(season.sources, *(e.sources for e in episodes))
    )


async def _timeline(canon: CanonRepository, rest: str, series: dict[str, Any]) -> Subject | None:
    parts = rest.split(":")
    if len(parts) != 4 or parts[0] not in series or not all(p.isdigit() for p in parts[1:] if p):
        return None
    code, low, high, season = parts
    events = await canon.events(
        year_from=int(low) if low else None,
        year_to=int(high) if high else None,
        season=SeasonRef(code, int(season)) if season else None,
        series=code,
    )
    name = f"Timeline{from_series(series[code])}"
    return Subject(f"Sources · {name}", name, _unique(*(e.sources for e in events)))


# --- Sources ---------------------------------------------------------------------------


async def show_sources(interaction: discord.Interaction[FamBot], subject: str) -> None:
    canon = interaction.client.store.canon
    found = await find_subject(canon, subject)
    if found is None:
        await send_ephemeral(interaction, "That answer's entry is no longer in my data.")
        return
    sources = await canon.sources(found.sources)
    reveals = await canon.source_reveals(found.sources)
    cited = [Cited(source, reveals.get(source.id)) for source in sources]
    await answer(interaction, sources_cards(found.about, cited))


class _Tracked(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"^$"):
    """A button anyone may press; its press is tracked work, and a failure is answered."""

    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        if isinstance(interaction.client, FamBot):
            interaction.client.track_current_task()
            if interaction.client.draining:
                await turn_away(interaction, RESTARTING)
                return False
        return True

    async def callback(self, interaction: discord.Interaction[C]) -> None:
        # The library types items for any client; the bot is checked, not assumed.
        if not isinstance(interaction.client, FamBot):
            return
        try:
            await self.pressed(cast("discord.Interaction[FamBot]", interaction))
        except Exception:
            log.exception("%s failed", type(self).__name__)
            await send_ephemeral(interaction, BROKEN)

    async def pressed(self, interaction: discord.Interaction[FamBot]) -> None:
        raise NotImplementedError


class SourcesButton(_Tracked, template=rf"fam:sources:{SUBJECT}"):
    def __init__(self, subject: str) -> None:
        button = discord.ui.Button[discord.ui.View](
            label="Sources", style=discord.ButtonStyle.secondary, custom_id=f"fam:sources:{subject}"
        )
        super().__init__(button)
        self.subject = subject

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[C],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls(match["subject"])

    async def pressed(self, interaction: discord.Interaction[FamBot]) -> None:
        await show_sources(interaction, self.subject)


# --- Report a mistake ------------------------------------------------------------------


class ReportButton(_Tracked, template=rf"fam:report:{SUBJECT}"):
    def __init__(self, subject: str) -> None:
        button = discord.ui.Button[discord.ui.View](
            label="Report a mistake",
            style=discord.ButtonStyle.secondary,
            custom_id=f"fam:report:{subject}",
        )
        super().__init__(button)
        self.subject = subject

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[C],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls(match["subject"])

    async def pressed(self, interaction: discord.Interaction[FamBot]) -> None:
        if await _over_the_limit(interaction.client, interaction.user.id):
            await send_ephemeral(interaction, RATE_LIMITED)
            return
        await interaction.response.send_modal(report_form(self.subject))


class _Answered(discord.ui.Button[discord.ui.View]):
    """A button a reply's view shows but its ``DynamicItem`` answers (registered once at
    start-up). Not dispatchable, so the view never claims its presses (nor checks the
    presser is the invoker), and never unregisters the DynamicItem when the view times
    out, as the library does for any DynamicItem instance a removed view held."""

    def is_dispatchable(self) -> bool:
        return False


def lookup_buttons(subject: str) -> list[discord.ui.Item[Any]]:
    """Sources and Report a mistake, for the view under a reply about ``subject``."""
    return [
        _Answered(label=item.item.label, style=item.item.style, custom_id=item.custom_id)
        for item in (SourcesButton(subject), ReportButton(subject))
    ]


RATE_LIMITED = (
    f"You have sent {REPORTS_PER_WINDOW} reports in the last hour, the most I take: "
    "please wait a while before sending another. Thank you for them!"
)


async def _over_the_limit(bot: FamBot, user_id: int) -> bool:
    since = datetime.now(UTC) - REPORT_WINDOW
    return await bot.store.community.reports_sent_since(user_id, since) >= REPORTS_PER_WINDOW


def report_form(subject: str) -> discord.ui.Modal:
    """The short form. It is stopped before it is sent, so the library keeps no copy:
    its submission is read from the interaction (``take_report``), restart or not."""
    form = discord.ui.Modal(title="Report a mistake", custom_id=f"{REPORT_FORM}{subject}")
    form.add_item(
        discord.ui.TextInput(
            label="What is wrong?",
            style=discord.TextStyle.paragraph,
            placeholder="What the answer says, and what it should say",
            custom_id="text",
            min_length=REPORT_MIN,
            max_length=REPORT_MAX,
        )
    )
    form.add_item(
        discord.ui.TextInput(
            label="Where did you see it? (optional)",
            placeholder="An episode, or the name of a page",
            custom_id="source",
            required=False,
            max_length=REPORT_SOURCE_MAX,
        )
    )
    form.stop()
    return form


def _submitted(data: Any) -> dict[str, str]:
    """The values of a form submission: text inputs in action rows or in labels."""
    found: dict[str, str] = {}

    def walk(components: Any) -> None:
        for component in components or []:
            if not isinstance(component, dict):
                continue
            if "components" in component:
                walk(component["components"])
            elif "component" in component:
                walk([component["component"]])
            elif isinstance(component.get("custom_id"), str):
                found[component["custom_id"]] = str(component.get("value") or "")

    walk(data.get("components") if isinstance(data, dict) else None)
    return found


class Logged(Enum):
    POSTED = "posted"
    NO_LOG = "no mod log set"
    CANNOT = "cannot post there"
    FAILED = "Discord refused"


async def take_report(interaction: discord.Interaction[FamBot], subject: str) -> None:
    """A submitted form: check it, store it, tell the mod log, and tell the member what
    happened, truthfully. Bad input is refused with nothing stored."""
    values = _submitted(interaction.data)
    text = values.get("text", "").strip()
    source = values.get("source", "").strip() or None
    refusal = _refusal(text, source)
    if refusal is not None:
        await send_ephemeral(interaction, refusal)
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    bot = interaction.client
    message = interaction.message
    report_id = await bot.store.community.file_report(
        reporter_id=interaction.user.id,
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id,
        message_id=message.id if message else None,
        subject=subject,
        text=text,
        source=source,
        limit=REPORTS_PER_WINDOW,
        window=REPORT_WINDOW,
    )
    if report_id is None:
        await send_ephemeral(interaction, RATE_LIMITED)
        return
    logged = await _to_mod_log(interaction, report_id, subject)
    if logged is Logged.POSTED:
        try:
            await bot.store.community.mark_report_logged(report_id)
        except sqlite3.Error as error:  # the report is saved and posted: say so regardless
            log.warning("Report %s is in the mod log but not marked so: %s", report_id, error)
    await send_ephemeral(interaction, thanks(logged))


def _refusal(text: str, source: str | None) -> str | None:
    if len(text) < REPORT_MIN:
        return (
            "Your report was empty or too short, so nothing was saved. Press **Report a "
            f"mistake** again and say what is wrong in at least {REPORT_MIN} characters."
        )
    if len(text) > REPORT_MAX or (source is not None and len(source) > REPORT_SOURCE_MAX):
        return (
            f"Your report is longer than I take ({REPORT_MAX} characters, and "
            f"{REPORT_SOURCE_MAX} for where you saw it), so nothing was saved. Please "
            "shorten it and send it again."
        )
    return None


def thanks(logged: Logged) -> str:
    saved = "Thank you: your report is saved for the bot's maintainers."
    if logged is Logged.POSTED:
        return f"{saved} This server's moderators can see it in their mod log too."
    if logged is Logged.NO_LOG:
        return f"{saved} This server has no mod log set, so only the maintainers will see it."
    return (
        f"{saved} I could not post it to this server's mod log ({logged.value}), so only the "
        "maintainers will see it."
    )


async def _to_mod_log(
    interaction: discord.Interaction[FamBot], report_id: int, subject: str
) -> Logged:
    guild = interaction.guild
    if guild is None:
        return Logged.NO_LOG
    bot = interaction.client
    server = bot.store.community.server_settings(guild.id)
    if server.log_channel_id is None:
        return Logged.NO_LOG
    channel = guild.get_channel(server.log_channel_id)
    if not isinstance(channel, discord.TextChannel) or missing(channel, LOG_PERMISSIONS):
        return Logged.CANNOT
    report = next(r for r in await bot.store.community.reports() if r.id == report_id)
    found = await find_subject(bot.store.canon, subject)
    message = interaction.message
    jump = message.jump_url if message is not None and message.guild is not None else None
    card = report_log_card(report, found.name if found else subject, jump)
    try:
        await channel.send(
            embed=compose(card, PUBLIC).embed,
            allowed_mentions=discord.AllowedMentions.none(),
            silent=True,
        )
    except discord.HTTPException as error:
        log.warning("Could not post report %s to the mod log: HTTP %s", report_id, error.status)
        return Logged.FAILED
    return Logged.POSTED
