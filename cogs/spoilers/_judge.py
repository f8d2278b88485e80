"""Whether a text spoils where it was posted, and how it reads tagged: the one place the
guard's Discord side calls the text work in ``bot/guard`` (which rules apply where is
the spoiler policy's call).

Off the event loop: reading a message costs about 150 µs, but a hostile 4,000-character
one 30-90 ms, and compiling rules (a server's terms changed) 60-250 ms; on the loop
that would hold up heartbeats and every command. So compiling, and reading any text of
``READ_INLINE_UNDER`` characters or more, run on one thread of the bot's own
(``off_loop``); shorter texts (nearly every message: the slowest hostile 200-character
text costs about 2.5 ms) are read inline, unless a read is still waiting on that thread.
One thread, first in first out, so texts are read and acted on in the order they
arrived, as when everything was read inline (reposts follow the members' order: a short
message must not overtake a long one before it). Threads add no speed under the GIL.
What waits there is bounded (``QUEUE_CHARS``, ``crowded``): past it, the guard defers long
live messages to a read back from Discord's history instead of queueing them.
``bot/guard`` may be called from any thread (bot/guard/matcher.py says how).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from bot.app import FamBot
from bot.canon.models import GuardRule
from bot.community.review import Sensitivity
from bot.guard import Finding, Matcher, compile_rules, everything, inspect, tag_finding
from bot.render.guard import Reason
from bot.sensitivity import outcome, sensitivity
from bot.spoilers.policy import Audience, Exposure, exposure

MATCHERS_KEPT = 32
# Texts this long or longer are read off the event loop (see above). The thread hop costs
# 28-54 µs of CPU, up to 30 % of an ordinary message's read; 99.3 % of the corpora's
# messages are shorter.
READ_INLINE_UNDER = 200
# At most this many characters of members' messages wait on the reader thread (about
# 12 of Discord's longest messages: 0.4-1.1 s of hostile reading); a long live message
# arriving past it is left in Discord's history and read back in order
# (cogs/spoilers/_catch_up.py): the wait, and what it holds, stay bounded in a flood.
QUEUE_CHARS = 50_000
# A channel whose history the bot may not read cannot be deferred: its long live messages
# still wait on the reader thread, but only while fewer than this many characters wait in
# all; past it one is left unread (logged by id) and its channel owed a read back for when
# the bot may read there (cogs/spoilers/_catch_up.py, ``left_unread``).
HELD_CHARS = 2 * QUEUE_CHARS

T = TypeVar("T")


@dataclass(frozen=True)
class Verdict:
    spoils: bool
    tagged: str | None  # the text with tags added; None when tags cannot be added safely
    rules: tuple[str, ...]  # the rule keys that matched (they name things: tags only)
    reason: Reason
    links: bool  # it has links, whose previews cannot be hidden
    # Issue 9: the guard's reading at this server's sensitivity, and whether it falls in
    # the review band (ask the moderators, delete nothing).
    finding: Finding | None = None
    review: bool = False


class Judge:
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot
        self._matchers: OrderedDict[tuple[Any, ...], Matcher] = OrderedDict()
        self._compiling = asyncio.Lock()
        # Derived from one set of rules (the store shares one tuple until a reload):
        # which apply for an audience, and the rules by id. Asked for every message.
        self._rules: tuple[GuardRule, ...] | None = None
        self._active: dict[Audience, tuple[GuardRule, ...]] = {}
        self._by_id: dict[str, GuardRule] = {}
        self._reader: ThreadPoolExecutor | None = None  # made on first use
        self._closed = False
        self._waiting = 0  # works sent to the reader thread and not back yet
        # Characters of members' messages being judged (from the verdict's first step:
        # counted before it can wait, so no burst passes ``crowded`` unseen).
        self._waiting_chars = 0

    @property
    def crowded(self) -> bool:
        """Whether members' messages being judged (most waiting on the reader thread)
        reach ``QUEUE_CHARS``."""
        return self._waiting_chars >= QUEUE_CHARS

    @property
    def full(self) -> bool:
        """Whether what is being judged reaches ``HELD_CHARS``: nothing more may wait."""
        return self._waiting_chars >= HELD_CHARS

    async def _current(self) -> tuple[GuardRule, ...]:
        rules = await self.bot.store.canon.guard_rules()
        if rules is not self._rules:
            self._rules, self._active = rules, {}
            self._by_id = {r.id: r for r in rules}
        return rules

    async def matcher_for(
        self, guild_id: int | None, channel_id: int | None, parent_id: int | None = None
    ) -> Matcher:
        """The compiled rules that apply in a channel, as the spoiler policy decides:
        those whose details it would tag (or hold back) for anyone reading there."""
        audience = self.bot.horizons.audience(
            user_id=None, guild_id=guild_id, channel_id=channel_id, parent_id=parent_id
        )
        rules = await self._current()
        active = self._active.get(audience)
        if active is None:
            if len(self._active) > MATCHERS_KEPT:
                self._active.clear()
            active = self._active[audience] = tuple(
                r for r in rules if exposure(r.reveal, audience) is not Exposure.SHOW
            )
        terms = self.bot.store.community.server_settings(guild_id).terms if guild_id else ()
        key = (tuple(r.id for r in active), terms)
        matcher = self._matchers.get(key)
        if matcher is None:
            # One compiles, the rest wait for it: a burst of messages arriving together
            # would otherwise compile the same rules once each (60 ms apiece).
            async with self._compiling:
                matcher = self._matchers.get(key)
                if matcher is None:
                    lexicon = await self.bot.store.canon.guard_lexicon()
                    compiled = await self.off_loop(compile_rules, active, terms, lexicon)
                    matcher = self._matchers[key] = compiled
                    while len(self._matchers) > MATCHERS_KEPT:
                        self._matchers.popitem(last=False)
        self._matchers.move_to_end(key)
        return matcher

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` on the reader thread (first in, first out)."""
        if self._reader is None:
            if self._closed:  # the bot is stopping: no thread is started again
                return work(*args)
            self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guard-reader")
        self._waiting += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._reader, work, *args)
        finally:
            self._waiting -= 1

    def close(self) -> None:
        """The bot is stopping: the reader thread ends once what it was given is read
        (a process exits only when its threads have)."""
        self._closed = True
        if self._reader is not None:
            self._reader.shutdown(wait=False)
            self._reader = None

    async def read(self, text: str, work: Callable[..., T], *args: Any, ordered: bool = True) -> T:
        """``work(*args)``, the guard's text work on ``text``: inline when the text is
        short and (``ordered``: a member's message) nothing waits on the reader thread,
        else there, behind what waits (the order kept)."""
        if len(text) < READ_INLINE_UNDER and not (ordered and self._waiting):
            return work(*args)
        return await self.off_loop(work, *args)

    async def inspect(self, text: str, matcher: Matcher) -> Finding:
        """A draft's finding (/spoilercheck): no member's message waits for it."""
        return await self.read(text, inspect, text, matcher, ordered=False)

    async def verdict(
        self,
        guild_id: int | None,
        channel_id: int | None,
        parent_id: int | None,
        text: str,
        *,
        moderator: bool = False,
    ) -> Verdict:
        """What the guard makes of ``text`` there; a moderator's request tags it all when
        no rule matches (their judgement)."""
        self._waiting_chars += len(text)
        try:
            return await self._verdict(guild_id, channel_id, parent_id, text, moderator)
        finally:
            self._waiting_chars -= len(text)

    async def _verdict(
        self,
        guild_id: int | None,
        channel_id: int | None,
        parent_id: int | None,
        text: str,
        moderator: bool,
    ) -> Verdict:
        matcher = await self.matcher_for(guild_id, channel_id, parent_id)
        chosen = sensitivity(self.bot.store.review.threshold(guild_id) if guild_id else None)
        finding, review, tagged = await self.read(text, _reading, text, matcher, chosen, moderator)
        return Verdict(
            spoils=bool(finding),
            tagged=tagged,
            rules=tuple(sorted(finding.keys)),
            reason=await self.reason_for(finding, moderator=moderator),
            links=bool(finding.page.links),
            finding=finding,
            review=review and not moderator,
        )

    async def reason_for(self, finding: Finding, *, moderator: bool = False) -> Reason:
        await self._current()
        matched = [self._by_id[k] for k in finding.keys if k in self._by_id]
        return Reason(
            finale_seasons=tuple(sorted({s for r in matched for s in r.reveal.finale_seasons})),
            recent=tuple(sorted({r.reveal.episode for r in matched if not r.reveal.finale_detail})),
            server_terms=any(k.startswith("term:") for k in finding.keys),
            moderator=moderator,
        )


def _reading(
    text: str, matcher: Matcher, chosen: Sensitivity, moderator: bool
) -> tuple[Finding, bool, str | None]:
    """The text work of a verdict (any thread): the finding, whether it falls in the
    review band, and the text tagged."""
    # Issue 9: read at the server's threshold; a moderator's request hides what the
    # guard was unsure about, or (nothing found) the whole message.
    finding = replace(inspect(text, matcher), threshold=chosen.threshold)
    review = not finding and outcome(finding.score, chosen) == "review"
    if moderator and not finding:
        finding = replace(finding, threshold=chosen.review_from)
    if moderator and not finding and text.strip():
        finding = everything(text)
    return finding, review, tag_finding(finding) if finding else text
