"""The guard's review band: messages it is unsure about go to the moderators, not away.

Below the server's threshold, down to the band's floor (``bot/sensitivity.py``), nothing
is deleted: the mod log gets a card with the message's link, what the guard found (the
finale detail behind tags) and two buttons, **Tag it** and **Not a spoiler**, that only
members with Manage Messages may press. The buttons are ``DynamicItem``s whose custom id
carries the channel and message, so they work after a restart with nothing held in
memory. "Tag it" tags the message the way the guard tags above the threshold (the same
code path); each decision is kept as a labelled example the server can export.

Also here: the verdict /spoilercheck and "Check for spoilers" show privately.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Self, TypeVar, cast

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.community.journal import Outcome, State
from bot.community.review import Review, Sensitivity
from bot.errors import UserFacingError
from bot.gate import RESTARTING, turn_away
from bot.guard import Finding, segments
from bot.guild_permissions import LOG_PERMISSIONS, missing
from bot.interactions import parent_id, send_ephemeral
from bot.pipeline.rest import Refused, Transient
from bot.render.compose import compose
from bot.render.guard_review import decision_text, review_card, verdict_card
from bot.replies import send_reply
from bot.sensitivity import outcome, sensitivity
from bot.spoilers.policy import REVEAL
from cogs.spoilers._explain import clues_for
from cogs.spoilers._guard import SpoilerGuard
from cogs.spoilers._incoming import Incoming
from cogs.spoilers._judge import Verdict

log = logging.getLogger(__name__)
C = TypeVar("C", bound=discord.Client)

CHECK_MENU = "Check for spoilers"
# A card post Discord may take if asked again: a 5xx, a dropped connection, a timeout.
UNREACHED = (discord.DiscordServerError, aiohttp.ClientError, OSError, TimeoutError)
ID = r"[0-9]{1,20}"
TEMPLATE = rf"fam:guard-review:(?P<verb>tag|fine):(?P<channel>{ID}):(?P<message>{ID})"
NOT_A_MODERATOR = "Only members with Manage Messages can decide what the spoiler guard asked."
BROKEN = "Sorry, that didn't work (it has been logged). The card stays, so you can try again."
GONE_FROM_RECORD = (
    "That review is no longer on record (undecided ones are kept 30 days), so there is "
    "nothing to decide."
)
IN_HAND = "Someone else is tagging that message right now."
GONE = (
    "That message is gone (deleted or already tagged), so there was nothing to tag. "
    "Your decision is kept as a labelled example."
)
KEPT_AS = " Your decision is kept as a labelled example."


def _progress(state: State, outcome: str | None) -> str:
    """Where the guard's journal says the message is: only what happened, not a hope."""
    if state in (State.REPOSTED, State.NOTIFIED, State.DONE) or outcome == Outcome.TAGGED:
        return "Done: the message was reposted with spoiler tags."
    if state is State.HIDDEN:
        return "It is taken down and its tagged copy is queued; the mod log says when it is up."
    return "It is queued to be taken down and tagged; the mod log says when it is done."


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TEMPLATE):
    """Tag it / Not a spoiler under a review card; the custom id says which message."""

    def __init__(self, verb: str, channel_id: int, message_id: int) -> None:
        tag = verb == "tag"
        super().__init__(
            discord.ui.Button(
                label="Tag it" if tag else "Not a spoiler",
                style=discord.ButtonStyle.danger if tag else discord.ButtonStyle.secondary,
                custom_id=f"fam:guard-review:{verb}:{channel_id}:{message_id}",
            )
        )
        self.verb = verb
        self.channel_id = channel_id
        self.message_id = message_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[C],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls(match["verb"], int(match["channel"]), int(match["message"]))

    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        if isinstance(interaction.client, FamBot):
            interaction.client.track_current_task()
            if interaction.client.draining:
                await turn_away(interaction, RESTARTING)
                return False
        if interaction.guild is None or not interaction.permissions.manage_messages:
            await send_ephemeral(interaction, NOT_A_MODERATOR)
            return False
        return True

    async def callback(self, interaction: discord.Interaction[C]) -> None:
        bot = interaction.client
        desk = bot.get_cog(GuardReview.__cog_name__) if isinstance(bot, FamBot) else None
        if not isinstance(desk, GuardReview):
            await send_ephemeral(interaction, BROKEN)
            return
        try:
            await desk.decide(cast("discord.Interaction[FamBot]", interaction), self)
        except Exception:
            log.exception("A review decision failed")
            await send_ephemeral(interaction, BROKEN)


class _Shown(discord.ui.Button[discord.ui.View]):
    """A review button as sent: the registered ``ReviewButton`` answers its presses, so
    the view is never stored (nothing to lose at a restart, nothing to time out)."""

    def is_dispatchable(self) -> bool:
        return False


def review_buttons(channel_id: int, message_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for verb in ("tag", "fine"):
        item = ReviewButton(verb, channel_id, message_id).item
        view.add_item(_Shown(label=item.label, style=item.style, custom_id=item.custom_id))
    return view


class GuardReview(commands.Cog):
    def __init__(self, bot: FamBot, guard: SpoilerGuard) -> None:
        self.bot = bot
        self.guard = guard
        self._tagging: set[int] = set()  # messages a moderator's Tag it is working on
        self._posting: set[int] = set()  # messages whose review card is being posted
        self.menu = app_commands.ContextMenu(
            name=CHECK_MENU,
            callback=self.check_message,
            extras={"help": "What the spoiler guard makes of a message (only you see)"},
        )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ReviewButton)
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)
        self.bot.remove_dynamic_items(ReviewButton)

    # --- the server's sensitivity -----------------------------------------------------

    def sensitivity(self, guild_id: int | None) -> Sensitivity:
        return sensitivity(self.bot.store.review.threshold(guild_id) if guild_id else None)

    # --- asking the moderators ----------------------------------------------------------

    def _log_channel(self, guild: discord.Guild) -> discord.TextChannel | None:
        server = self.bot.store.community.server_settings(guild.id)
        channel = guild.get_channel(server.log_channel_id or 0)
        if not isinstance(channel, discord.TextChannel) or missing(channel, LOG_PERMISSIONS):
            return None
        return channel

    async def ask(self, incoming: Incoming, verdict: Verdict) -> None:
        """A message in the review band (the guard's intake calls this): a card in the mod
        log, once per message (an edit that stays in the band updates the text kept for
        the example, or posts the card if the mod log refused it before)."""
        guild = self.bot.get_guild(incoming.guild_id)
        finding = verdict.finding
        log_channel = self._log_channel(guild) if guild is not None else None
        if log_channel is None or finding is None:
            return  # nobody to ask; the message is left as it is (status says so)
        chosen = self.sensitivity(incoming.guild_id)
        rules = tuple(sorted({e.rule for e in finding.evidence}))
        review = Review(
            message_id=incoming.message_id,
            guild_id=incoming.guild_id,
            channel_id=incoming.channel_id,
            author_id=incoming.author_id,
            content=incoming.content,
            score=finding.score,
            threshold=chosen.threshold,
            rules=rules,
            seen_at=datetime.now(UTC).replace(microsecond=0),
        )
        message_id, content = incoming.message_id, incoming.content
        jump_url = (
            f"https://discord.com/channels/{incoming.guild_id}/{incoming.channel_id}/{message_id}"
        )
        if message_id in self._posting:  # the same message seen twice at once (catch-up)
            await self.bot.store.review.revise(message_id, content, finding.score, rules)
            return
        self._posting.add(message_id)
        later = False
        try:
            later = await self._ask(log_channel, incoming, review, finding, jump_url)
        finally:
            if not later:  # else the retry holds it until the card is up
                self._posting.discard(message_id)

    async def _ask(
        self,
        log_channel: discord.TextChannel,
        incoming: Incoming,
        review: Review,
        finding: Finding,
        jump_url: str,
    ) -> bool:
        """Post the card; True when Discord failed and a retry in the background owns
        the message until the card is up."""
        store = self.bot.store.review
        message_id, content = incoming.message_id, incoming.content
        if not await store.open_review(review):
            await store.revise(message_id, content, finding.score, review.rules)
            known = await store.get(message_id)
            if known is None or known.label is not None or known.log_message_id is not None:
                return False  # asked already (or decided): one card per message
            review = known  # its card never reached the mod log: try again now
        chosen = self.sensitivity(incoming.guild_id)
        shown = replace(finding, threshold=chosen.review_from)
        clues = await clues_for(self.bot.store.canon, shown)
        composed = compose(review_card(review, jump_url, clues, chosen), REVEAL)
        # One nonce for every attempt, which Discord enforces (discord.py sends
        # enforce_nonce with it): a retry after a lost answer gets the card already made.
        nonce = secrets.randbits(63)

        async def post() -> discord.Message:
            return await log_channel.send(
                content=composed.content,
                embed=composed.embed,
                view=review_buttons(incoming.channel_id, message_id),
                allowed_mentions=discord.AllowedMentions.none(),
                silent=True,
                nonce=nonce,
            )

        try:
            card = await post()
        except UNREACHED as error:
            # discord.py retries a 500, 502 or 504 itself, not a 503 or a dropped
            # connection: try until Discord takes it, so the moderators get the card now,
            # not at the message's next edit (the guard's reports own the retry: counted
            # as busy, cancelled at shutdown, when the next edit tries again).
            log.info("Could not post a review card to the mod log (%s); trying again", error)
            self.guard.engine.reports.spawn(self._post_later(message_id, post))
            return True
        except discord.HTTPException as error:
            log.info("Could not post a review card to the mod log: HTTP %s", error.status)
            return False  # kept undecided without a card: the message's next edit tries again
        await store.card_posted(message_id, card.id)
        return False

    async def _post_later(
        self, message_id: int, post: Callable[[], Awaitable[discord.Message]]
    ) -> None:
        """Post the card the first try failed to, as the guard's reports post theirs
        (``Reports.until_taken``: its backoff, busy while it runs, cancelled at shutdown);
        discord.py's errors are sorted into the guard's own two kinds for it."""

        async def attempt() -> bool:
            try:
                card = await post()
            except UNREACHED as error:
                raise Transient(getattr(error, "status", 0), message=str(error)) from error
            except discord.HTTPException as error:
                raise Refused(error.status, error.code, error.text) from error
            await self.bot.store.review.card_posted(message_id, card.id)
            return True

        try:
            await self.guard.engine.reports.until_taken("review card", attempt, failed=1)
        finally:
            self._posting.discard(message_id)

    # --- the moderators' decision ---------------------------------------------------------

    async def decide(self, interaction: discord.Interaction[FamBot], button: ReviewButton) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        store = self.bot.store.review
        review = await store.get(button.message_id)
        if review is None or review.guild_id != interaction.guild_id:
            await interaction.followup.send(GONE_FROM_RECORD, ephemeral=True)
            return
        if review.label is not None:
            await self._close_card(interaction, review)
            await interaction.followup.send(
                "Already decided: " + decision_text(review),
                ephemeral=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )
            return
        if button.verb == "fine":
            decided = await store.decide(review.message_id, "fine", interaction.user.id)
            answer = "Noted: not a spoiler. It is kept as a labelled example."
        elif review.message_id in self._tagging:
            await interaction.followup.send(IN_HAND, ephemeral=True)
            return
        else:
            self._tagging.add(review.message_id)
            try:
                decided, answer = await self._tag(review, interaction.user.id)
            finally:
                self._tagging.discard(review.message_id)
        if decided is None:
            fresh = await store.get(review.message_id)
            if fresh is not None and fresh.label is not None:  # another moderator, just now
                answer = "Already decided: " + decision_text(fresh)
        else:
            await self._close_card(interaction, decided)
        await interaction.followup.send(
            answer, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    async def _tag(self, review: Review, moderator_id: int) -> tuple[Review | None, str]:
        """Tag the message the way the guard does above the threshold: journalled, taken
        down, reposted tagged (the engine's own path). The decision is kept once the
        guard has it in hand (or the message is gone); a refusal before that leaves the
        review open, so a moderator can try again."""
        store = self.bot.store.review
        guild = self.bot.get_guild(review.guild_id)
        channel = guild.get_channel_or_thread(review.channel_id) if guild else None
        if not isinstance(channel, discord.abc.Messageable):
            return None, "I can't see that message's channel any more, so I can't tag it."
        try:
            message = await channel.fetch_message(review.message_id)
        except discord.NotFound:
            decided = await store.decide(review.message_id, "spoiler", moderator_id)
            return decided, GONE
        except discord.Forbidden:
            return None, (
                "Discord won't let me read that channel's messages (View Channel, Read "
                "Message History), so nothing changed. The card stays: try again once I can."
            )
        except discord.HTTPException as error:
            return None, (
                f"Discord didn't answer properly (HTTP {error.status}), so nothing changed. "
                "The card stays: try again in a moment."
            )
        except (aiohttp.ClientError, OSError, TimeoutError):
            return None, (
                "I couldn't reach Discord (the connection dropped), so nothing changed. "
                "The card stays: try again in a moment."
            )
        incoming = Incoming.of_message(message)
        engine = self.guard.engine
        entry = await engine.consider(incoming, edited=False, moderator=True) if incoming else None
        final = await engine.outcome(entry.message_id) if entry is not None else None
        if final is None:
            return None, "I couldn't take that message in hand (is the bot shutting down?)."
        if final.state is State.GIVEN_UP and final.outcome == Outcome.WITHDRAWN:
            decided = await store.decide(review.message_id, "spoiler", moderator_id)
            return decided, GONE
        if final.state is State.GIVEN_UP:
            return None, (
                f"I couldn't tag it: {final.outcome}. The card stays so you can try again; "
                "`/spoilers status` and the mod log say more."
            )
        decided = await store.decide(
            review.message_id, "spoiler", moderator_id, content=message.content
        )
        return decided, _progress(final.state, final.outcome) + KEPT_AS

    async def settle(self, message_id: int, moderator_id: int, content: str) -> None:
        """A moderator tagged the message another way ("Spoiler-tag this message") while
        its review was open: that is their decision, and its card stops asking."""
        decided = await self.bot.store.review.decide(
            message_id, "spoiler", moderator_id, content=content
        )
        if decided is None or decided.log_message_id is None:
            return  # never asked about, or decided already
        guild = self.bot.get_guild(decided.guild_id)
        log_channel = self._log_channel(guild) if guild is not None else None
        if log_channel is None:
            return  # the decision is kept; the card (if any) is out of reach
        try:
            card = await log_channel.fetch_message(decided.log_message_id)
        except discord.HTTPException as error:  # moved mod log, deleted card, bad day
            log.info("Could not find a review card to close: HTTP %s", error.status)
            return
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            log.info("Could not find a review card to close: %s", type(error).__name__)
            return
        await self._edit_card(card, decided)

    async def _close_card(self, interaction: discord.Interaction[FamBot], review: Review) -> None:
        if interaction.message is not None:
            await self._edit_card(interaction.message, review)

    async def _edit_card(self, card: discord.Message, review: Review) -> None:
        """The card says who decided what; its buttons go."""
        if not card.embeds:
            return
        embed = card.embeds[0]
        if any(field.name == "Decision" for field in embed.fields):
            return
        embed.add_field(name="Decision", value=decision_text(review), inline=False)
        try:
            await card.edit(embed=embed, view=None, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:  # the decision is kept either way
            log.info("Could not update a review card: HTTP %s", error.status)
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            log.info("Could not update a review card: %s", type(error).__name__)

    # --- what the guard would do ------------------------------------------------------------

    async def check_reply(self, interaction: discord.Interaction[FamBot], text: str) -> None:
        """The verdict, score and explanation for ``text`` in this channel, privately."""
        matcher = await self.guard.judge.matcher_for(
            interaction.guild_id, interaction.channel_id, parent_id(interaction.channel)
        )
        chosen = self.sensitivity(interaction.guild_id)
        judge = self.guard.judge
        finding = replace(await judge.inspect(text, matcher), threshold=chosen.threshold)
        verdict = "tag" if finding else outcome(finding.score, chosen)
        if verdict == "tag" and not finding:
            verdict = "review"  # sure of something it found no sentence for: ask
        if verdict == "fine":
            reply = verdict_card("fine", finding.score, chosen, [], [])
        else:
            shown = finding if finding else replace(finding, threshold=chosen.review_from)
            reason = await judge.reason_for(shown)
            clues = await clues_for(self.bot.store.canon, shown)
            runs = await judge.read(text, segments, shown, ordered=False)
            reply = verdict_card(verdict, finding.score, chosen, runs, clues, str(reason))
        await send_reply(interaction, reply)

    async def check_message(
        self, interaction: discord.Interaction[FamBot], message: discord.Message
    ) -> None:
        if not message.content.strip():
            raise UserFacingError("That message has no text to check.")
        await self.check_reply(interaction, message.content)
