"""The spoiler guard: members' messages that spoil get reposted with spoiler tags.

When a server turns it on, each new or edited message outside spoiler and exempt
channels is checked against the rules the spoiler policy says apply there (finale
details, recently released episodes, the server's own terms). A match is reposted
through a channel webhook under the author's name and avatar, the text unchanged but
for the added tags, files re-uploaded as spoilers, then the original is deleted. The
bot checks its permissions first and reports a gap once instead of collecting 403s.
"""

from __future__ import annotations

import io
import logging
import re
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.app import FamBot
from bot.guard import Finding, Matcher, compile_rules, inspect, tag_finding
from bot.guild_permissions import GUARD_PERMISSIONS, LOG_PERMISSIONS, missing, permission_names
from bot.interactions import parent_id
from bot.listeners import tracked_listener
from bot.render.cards import Card
from bot.render.compose import compose
from bot.render.guard import Reason, log_card, notice_text, permission_card, trouble_card
from bot.spoilers.markup import escape
from bot.spoilers.policy import PUBLIC, Exposure, exposure

if TYPE_CHECKING:
    from cogs.spoilers._review import GuardReview

log = logging.getLogger(__name__)

WEBHOOK_NAME = "fambot spoiler guard"
MAXIMUM_WEBHOOKS = 30007  # Discord's error code: the channel has 15 webhooks already
_RESERVED_NAMES = re.compile(r"discord|clyde", re.IGNORECASE)
NOTICE_SECONDS = 20.0
MESSAGE_MAX = 2000
MATCHERS_KEPT = 32

Postable = discord.TextChannel | discord.Thread


class SpoilerGuard(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot
        self._matchers: OrderedDict[tuple[Any, ...], Matcher] = OrderedDict()
        self._webhooks: dict[int, discord.Webhook] = {}
        self.review: GuardReview | None = None  # the review band (issue 9), set in setup

    # --- events ------------------------------------------------------------------

    @tracked_listener
    async def on_message(self, message: discord.Message) -> None:
        await self.check(message, edited=False)

    @tracked_listener
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        if "content" in payload.data:  # embeds unfurling also arrive as edits
            await self.check(payload.message, edited=True)

    @tracked_listener
    async def on_guild_channel_update(
        self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel
    ) -> None:
        await self._permissions_may_have_changed(after.guild)

    @tracked_listener
    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        await self._permissions_may_have_changed(after.guild)

    @tracked_listener
    async def on_guild_role_delete(self, role: discord.Role) -> None:
        await self._permissions_may_have_changed(role.guild)

    @tracked_listener
    async def on_guild_role_create(self, role: discord.Role) -> None:
        await self._permissions_may_have_changed(role.guild)

    @tracked_listener
    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if self.bot.user is not None and after.id == self.bot.user.id:  # the bot's own roles
            await self._permissions_may_have_changed(after.guild)

    async def _permissions_may_have_changed(self, guild: discord.Guild) -> None:
        """Forget remembered gaps: the next message checks afresh (once)."""
        await self.bot.store.community.clear_permission_gaps(guild.id)
        self._webhooks = {k: v for k, v in self._webhooks.items() if guild.get_channel(k) is None}

    # --- deciding ----------------------------------------------------------------

    def _guarded(self, message: discord.Message) -> Postable | None:
        """The channel to act in, or None when this message is not the guard's business."""
        if message.guild is None or message.author.bot or message.webhook_id is not None:
            return None
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return None
        channel = message.channel
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            return None
        server = self.bot.store.community.server_settings(message.guild.id)
        if not server.guard_enabled:
            return None
        places = {channel.id, parent_id(channel)}
        if places & (server.exempt_channels | server.spoiler_channels):
            return None
        roles = {role.id for role in getattr(message.author, "roles", ())}
        if roles & server.exempt_roles:
            return None
        return channel

    async def matcher_for(
        self, guild_id: int | None, channel_id: int | None, parent_id: int | None = None
    ) -> Matcher:
        """The compiled rules that apply in a channel, as the spoiler policy decides:
        those whose details it would tag (or hold back) for anyone reading there."""
        audience = self.bot.horizons.audience(
            user_id=None, guild_id=guild_id, channel_id=channel_id, parent_id=parent_id
        )
        rules = await self.bot.store.canon.guard_rules()
        active = tuple(r for r in rules if exposure(r.reveal, audience) is not Exposure.SHOW)
        terms = self.bot.store.community.server_settings(guild_id).terms if guild_id else ()
        key = (tuple(r.id for r in active), terms)
        matcher = self._matchers.get(key)
        if matcher is None:
            lexicon = await self.bot.store.canon.guard_lexicon()
            matcher = self._matchers[key] = compile_rules(active, terms, lexicon)
            while len(self._matchers) > MATCHERS_KEPT:
                self._matchers.popitem(last=False)
        self._matchers.move_to_end(key)
        return matcher

    async def check(self, message: discord.Message, *, edited: bool) -> None:
        channel = self._guarded(message)
        if channel is None or not message.content:
            return
        assert message.guild is not None
        matcher = await self.matcher_for(message.guild.id, channel.id, parent_id(channel))
        finding = inspect(message.content, matcher)
        # --- issue 9 hook: the server's sensitivity, and the review band below it ---
        if self.review is not None:
            finding = self.review.at_threshold(finding, message.guild.id)
            if not finding and self.review.in_band(finding, message.guild.id):
                await self.review.ask(message, channel, finding)
                return
        if finding:
            reason = await self.reason_for(finding)
            await self.act(message, channel, finding, reason, edited=edited)

    async def reason_for(self, finding: Finding, *, moderator: bool = False) -> Reason:
        rules = {r.id: r for r in await self.bot.store.canon.guard_rules()}
        matched = [rules[k] for k in finding.keys if k in rules]
        return Reason(
            finale_seasons=tuple(sorted({s for r in matched for s in r.reveal.finale_seasons})),
            recent=tuple(sorted({r.reveal.episode for r in matched if not r.reveal.finale_detail})),
            server_terms=any(k.startswith("term:") for k in finding.keys),
            moderator=moderator,
        )

    # --- acting ------------------------------------------------------------------

    async def act(
        self,
        message: discord.Message,
        channel: Postable,
        finding: Finding,
        reason: Reason,
        *,
        edited: bool,
    ) -> bool:
        """Repost ``message`` with the finding's sentences tagged, then delete it."""
        guild = message.guild
        assert guild is not None
        community = self.bot.store.community
        gaps = missing(channel, GUARD_PERMISSIONS)
        refused = [
            g
            for g in community.permission_gaps(guild.id)
            if g.channel_id == channel.id and g.from_discord
        ]
        if gaps or refused:
            # What Discord refused stays refused until channels or roles change (or a
            # restart), even if the cache looks fine: never retry into a run of 403s.
            await self._report_gap(guild, channel.id, gaps, from_discord=False)
            return False
        await community.clear_permission_gaps(guild.id, channel.id)  # all there now
        if sum(a.size for a in message.attachments) > guild.filesize_limit:
            await self._log(guild, trouble_card(channel.id, "its files are too large to re-upload"))
            return False
        try:
            repost = await self._repost_with_webhook(message, channel, finding)
        except discord.Forbidden:
            await self._report_gap(guild, channel.id, ["manage_webhooks"], from_discord=True)
            return False
        except GuardCannotPost as problem:
            await self._report_gap(guild, channel.id, [problem.gap], from_discord=True)
            return False
        except discord.HTTPException as error:
            log.warning("Spoiler guard could not repost: HTTP %s", error.status)
            await self._log(guild, trouble_card(channel.id, f"Discord answered {error.status}"))
            return False
        try:
            await message.delete()
        except discord.NotFound:
            pass  # the author deleted it first; the tagged copy stands
        except discord.HTTPException:
            await self._report_gap(guild, channel.id, ["manage_messages"], from_discord=True)
        await self._notify(message, channel, reason)
        await community.record_guard_action(
            guild_id=guild.id,
            channel_id=channel.id,
            author_id=message.author.id,
            message_id=message.id,
            repost_id=repost.id,
            reason=f"{reason} [{', '.join(sorted(finding.keys))}]",
        )
        card = log_card(
            message.author.id, channel.id, reason, sorted(finding.keys), repost.jump_url, edited
        )
        await self._log(guild, card)
        return True

    async def _repost_with_webhook(
        self, message: discord.Message, channel: Postable, finding: Finding
    ) -> discord.WebhookMessage:
        """Repost through the channel's webhook; if a moderator deleted it, make another."""
        for attempt in (1, 2):
            webhook = await self._webhook(channel)
            try:
                return await self._repost(message, channel, webhook, finding)
            except discord.NotFound:
                self._webhooks.pop(webhook.channel_id or 0, None)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _webhook(self, channel: Postable) -> discord.Webhook:
        """The guard's webhook in the channel (a thread's parent), made on first use."""
        host = channel.parent if isinstance(channel, discord.Thread) else channel
        if not isinstance(host, discord.TextChannel):
            raise GuardCannotPost("unsupported_channel")  # forum posts and the like
        cached = self._webhooks.get(host.id)
        if cached is not None:
            return cached
        for existing in await host.webhooks():
            if existing.name == WEBHOOK_NAME and existing.token:
                self._webhooks[host.id] = existing
                return existing
        try:
            created = await host.create_webhook(name=WEBHOOK_NAME, reason="spoiler guard reposts")
        except discord.HTTPException as error:
            if error.code == MAXIMUM_WEBHOOKS:
                raise GuardCannotPost("webhook_limit") from None
            raise
        self._webhooks[host.id] = created
        return created

    async def _repost(
        self,
        message: discord.Message,
        channel: Postable,
        webhook: discord.Webhook,
        finding: Finding,
    ) -> discord.WebhookMessage:
        tagged = tag_finding(finding)
        files = [await a.to_file(spoiler=True) for a in message.attachments]
        if tagged is None or len(tagged) > MESSAGE_MAX:
            # Tags could not be added safely, or pushed it over the limit: the whole
            # message goes into a spoiler file instead, nothing lost.
            upload = io.BytesIO(message.content.encode())
            files.append(discord.File(upload, filename="message.txt", spoiler=True))
            text = "(This message could not be tagged in place; it is in the attached file.)"
        else:
            text = tagged
        kwargs: dict[str, Any] = {
            "content": text,
            "username": webhook_name(message.author.display_name),
            "avatar_url": message.author.display_avatar.url,
            "files": files,
            "embeds": _reply_context(message),
            "allowed_mentions": discord.AllowedMentions.none(),
            # A link preview cannot be hidden: a spoiling message loses its previews.
            "suppress_embeds": bool(finding.page.links),
            "silent": True,
            "wait": True,
        }
        if isinstance(channel, discord.Thread):
            kwargs["thread"] = channel
        sent: discord.WebhookMessage = await webhook.send(**kwargs)
        return sent

    async def _notify(self, message: discord.Message, channel: Postable, reason: Reason) -> None:
        try:
            await channel.send(
                notice_text(message.author.display_name, reason),
                delete_after=NOTICE_SECONDS,
                silent=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.HTTPException as error:
            log.info("Could not post the spoiler notice: HTTP %s", error.status)

    async def _log(self, guild: discord.Guild, card: Card) -> None:
        server = self.bot.store.community.server_settings(guild.id)
        channel = guild.get_channel(server.log_channel_id or 0)
        if not isinstance(channel, discord.TextChannel) or missing(channel, LOG_PERMISSIONS):
            return
        composed = compose(card, PUBLIC)
        try:
            await channel.send(
                embed=composed.embed, allowed_mentions=discord.AllowedMentions.none(), silent=True
            )
        except discord.HTTPException as error:
            log.info("Could not write to the mod log: HTTP %s", error.status)

    async def _report_gap(
        self, guild: discord.Guild, channel_id: int, gaps: list[str], *, from_discord: bool
    ) -> None:
        """Remember missing permissions; report only the ones not reported before."""
        new = await self.bot.store.community.note_permission_gaps(
            guild.id, channel_id, gaps, from_discord=from_discord
        )
        if new:
            log.warning("Spoiler guard lacks %s in channel %s", permission_names(new), channel_id)
            await self._log(guild, permission_card(channel_id, permission_names(new)))


class GuardCannotPost(Exception):
    """The guard cannot repost in a channel; ``gap`` says why (see guild_permissions)."""

    def __init__(self, gap: str) -> None:
        super().__init__(gap)
        self.gap = gap


def webhook_name(display_name: str) -> str:
    """The author's name as a webhook may carry it: Discord refuses some words in
    webhook names, and longer than 80 characters."""
    cleaned = _RESERVED_NAMES.sub(lambda m: m.group(0)[0] + "\u2024" + m.group(0)[1:], display_name)
    return cleaned[:80] or "member"


def _reply_context(message: discord.Message) -> list[discord.Embed]:
    """Webhooks cannot reply, so a repost of a reply says what it answered."""
    reference = message.reference
    if reference is None or reference.message_id is None or message.guild is None:
        return []
    replied = reference.resolved
    who = replied.author.display_name if isinstance(replied, discord.Message) else "a message"
    jump = (
        f"https://discord.com/channels/{message.guild.id}/"
        f"{reference.channel_id}/{reference.message_id}"
    )
    return [discord.Embed(description=f"↪ Replying to [{escape(who)}]({jump})")]
