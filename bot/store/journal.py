"""The spoiler guard's journal in SQLite: one method per step the guard records.

Every write is one transaction, committed before the guard takes the next step on
Discord, so whatever the process dies of, the journal says how far it got. Unlike the
community repository nothing is cached: the journal is read when an entry is worked
on, so the latest text its author wrote is always the one used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

import aiosqlite

from bot.community.journal import (
    Attachment,
    Author,
    Entry,
    Outcome,
    Place,
    ReplyTo,
    State,
)
from bot.store.database import transaction

_OPEN = "(state NOT IN ('done', 'given_up') OR reported = 0 OR repost_stale = 1)"


def _now() -> str:
    return _stamp(datetime.now(UTC))


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _stamp(moment: datetime) -> str:
    """One fixed form, so stored times compare as text in time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _entry(row: aiosqlite.Row) -> Entry:
    reply = None
    if row["reply_to"] is not None:
        reply = ReplyTo(row["reply_to"], row["reply_channel"], row["reply_author"])
    return Entry(
        message_id=row["message_id"],
        place=Place(row["guild_id"], row["channel_id"], row["host_id"]),
        author=Author(row["author_id"], row["author_name"], row["avatar_url"]),
        content=row["content"],
        revision=_time(row["revision"]),
        reason=row["reason"],
        rules=tuple(json.loads(row["rules"])),
        seen_at=_time(row["seen_at"]),
        edited=bool(row["edited"]),
        moderator=bool(row["moderator"]),
        reply_to=reply,
        attachments=tuple(Attachment(**a) for a in json.loads(row["attachments"])),
        state=State(row["state"]),
        outcome=row["outcome"],
        hide_attempts=row["hide_attempts"],
        repost_after=row["repost_after"],
        sent_text=row["sent_text"],
        webhook_id=row["webhook_id"],
        repost_id=row["repost_id"],
        repost_stale=bool(row["repost_stale"]),
        reported=bool(row["reported"]),
    )


class JournalRepository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    # --- reading -----------------------------------------------------------------

    async def _one(self, sql: str, params: Sequence[object]) -> Entry | None:
        async with self._conn.execute(sql, params) as cursor:
            row = await cursor.fetchone()
        return _entry(row) if row else None

    async def get(self, message_id: int) -> Entry | None:
        return await self._one(
            "SELECT * FROM community_guard_journal WHERE message_id = ?", (message_id,)
        )

    async def get_many(self, message_ids: Sequence[int]) -> list[Entry]:
        """The entries for these messages (those the journal holds), in id order."""
        found: list[Entry] = []
        for start in range(0, len(message_ids), 500):
            chunk = list(message_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT * FROM community_guard_journal WHERE message_id IN ({marks})"
            async with self._conn.execute(sql + " ORDER BY message_id", chunk) as cursor:
                found += [_entry(row) async for row in cursor]
        return found

    async def by_repost(self, repost_id: int) -> Entry | None:
        """The entry a tagged copy was posted for."""
        return await self._one(
            "SELECT * FROM community_guard_journal WHERE repost_id = ?", (repost_id,)
        )

    async def known(self, message_ids: Iterable[int]) -> set[int]:
        """Which of these messages the journal already holds."""
        wanted = list(message_ids)
        found: set[int] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT message_id FROM community_guard_journal WHERE message_id IN ({marks})"
            async with self._conn.execute(sql, chunk) as cursor:
                found.update([row[0] async for row in cursor])
        return found

    async def unfinished(self) -> list[Entry]:
        """Every entry with work left on Discord, oldest first (start-up resumes them)."""
        async with self._conn.execute(
            f"SELECT * FROM community_guard_journal WHERE {_OPEN} ORDER BY message_id"
        ) as cursor:
            return [_entry(row) async for row in cursor]

    async def count(self, guild_id: int, since: datetime, state: State | None = None) -> int:
        sql = "SELECT count(*) FROM community_guard_journal WHERE guild_id = ? AND seen_at >= ?"
        params: list[object] = [guild_id, _stamp(since)]
        if state is not None:
            sql += " AND state = ?"
            params.append(state.value)
        async with self._conn.execute(sql, params) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def files(self, message_id: int) -> list[tuple[str, bytes]]:
        async with self._conn.execute(
            "SELECT filename, data FROM community_guard_file WHERE message_id = ?"
            " ORDER BY position",
            (message_id,),
        ) as cursor:
            return [(row[0], bytes(row[1])) async for row in cursor]

    # --- the steps -------------------------------------------------------------

    async def add(self, entry: Entry) -> bool:
        """Journal a message the guard is about to act on; False if it already is."""
        reply = entry.reply_to
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                """INSERT OR IGNORE INTO community_guard_journal
                   (message_id, guild_id, channel_id, host_id, author_id, author_name,
                    avatar_url, content, revision, reply_to, reply_channel, reply_author,
                    attachments, reason, rules, edited, moderator, state, seen_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    entry.message_id,
                    entry.place.guild_id,
                    entry.place.channel_id,
                    entry.place.host_id,
                    entry.author.id,
                    entry.author.name,
                    entry.author.avatar_url,
                    entry.content,
                    _stamp(entry.revision),
                    reply.message_id if reply else None,
                    reply.channel_id if reply else None,
                    reply.author_name if reply else None,
                    json.dumps([a.__dict__ for a in entry.attachments]),
                    entry.reason,
                    json.dumps(list(entry.rules)),
                    int(entry.edited),
                    int(entry.moderator),
                    entry.state.value,
                    _stamp(entry.seen_at),
                    _now(),
                ),
            )
        return cursor.rowcount > 0

    async def keep_files(self, message_id: int, files: Sequence[tuple[str, bytes]]) -> None:
        """The attachments' bytes, kept until the repost carries them."""
        async with transaction(self._conn) as conn:
            await conn.execute(
                "DELETE FROM community_guard_file WHERE message_id = ?", (message_id,)
            )
            await conn.executemany(
                "INSERT INTO community_guard_file VALUES (?, ?, ?, ?)",
                [(message_id, n, name, data) for n, (name, data) in enumerate(files)],
            )

    async def revise(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        """The author edited the message: keep the newer text (an older edit delivered
        late is ignored). Returns the entry as it now stands, or None if this edit was
        not newer. A repost already up is marked to be edited to match."""
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                """UPDATE community_guard_journal
                   SET content = ?, revision = ?, reason = ?, rules = ?,
                       repost_stale = CASE WHEN repost_id IS NULL THEN 0 ELSE 1 END,
                       updated_at = ?
                   WHERE message_id = ? AND revision < ?""",
                (
                    content,
                    _stamp(revision),
                    reason,
                    json.dumps(list(rules)),
                    _now(),
                    message_id,
                    _stamp(revision),
                ),
            )
        if cursor.rowcount == 0:
            return None
        return await self.get(message_id)

    async def reopen(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                """UPDATE community_guard_journal
                   SET content = ?, revision = ?, reason = ?, rules = ?, state = 'seen',
                       outcome = NULL, reported = 0, edited = 1, updated_at = ?
                   WHERE message_id = ? AND revision < ? AND state = 'given_up'
                     AND outcome = ? AND hide_attempts = 0 AND repost_id IS NULL""",
                (
                    content,
                    _stamp(revision),
                    reason,
                    json.dumps(list(rules)),
                    _now(),
                    message_id,
                    _stamp(revision),
                    Outcome.UNREADABLE.value,
                ),
            )
        if cursor.rowcount == 0:
            return None
        return await self.get(message_id)

    async def note_hide_attempt(self, message_ids: Sequence[int]) -> None:
        """About to delete these originals: after this, a "no such message" answer may
        mean the guard's own earlier attempt succeeded."""
        await self._update(message_ids, "hide_attempts = hide_attempts + 1", state=(State.SEEN,))

    async def mark_hidden(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "state = 'hidden'", state=(State.SEEN,))

    async def note_repost_attempt(
        self, message_id: int, after: int, sent_text: str, webhook_id: int
    ) -> None:
        """About to post the tagged copy: if the answer is lost, the copy (if Discord
        made it) has an id above ``after`` and exactly ``sent_text``."""
        async with transaction(self._conn) as conn:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET repost_after = coalesce(repost_after, ?), sent_text = ?,
                       webhook_id = ?, updated_at = ?
                   WHERE message_id = ?""",
                (after, sent_text, webhook_id, _now(), message_id),
            )

    async def mark_reposted(
        self, message_id: int, repost_id: int, webhook_id: int, sent_text: str
    ) -> None:
        """The tagged copy is up: its files are no longer needed here."""
        async with transaction(self._conn) as conn:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET state = 'reposted', repost_id = ?, webhook_id = ?, sent_text = ?,
                       outcome = ?, repost_stale = 0, updated_at = ?
                   WHERE message_id = ? AND state IN ('seen', 'hidden')""",
                (repost_id, webhook_id, sent_text, Outcome.TAGGED.value, _now(), message_id),
            )
            await conn.execute(
                "DELETE FROM community_guard_file WHERE message_id = ?", (message_id,)
            )

    async def mark_repost_current(self, message_id: int, sent_text: str, stale: bool) -> None:
        """The repost now shows ``sent_text`` (``stale``: a newer edit is still due)."""
        async with transaction(self._conn) as conn:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET sent_text = ?, repost_stale = ?, updated_at = ? WHERE message_id = ?""",
                (sent_text, int(stale), _now(), message_id),
            )

    async def forget_repost(self, message_id: int) -> None:
        """The repost was deleted (by its author, or a moderator): nothing left to edit."""
        async with transaction(self._conn) as conn:
            await conn.execute(
                """UPDATE community_guard_journal SET repost_stale = 0, updated_at = ?
                   WHERE message_id = ?""",
                (_now(), message_id),
            )

    async def mark_notified(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "state = 'notified'", state=(State.REPOSTED,))

    async def mark_done(self, message_ids: Sequence[int]) -> None:
        """The mod log has them: nothing left to do."""
        await self._update(
            message_ids, "state = 'done', reported = 1", state=(State.REPOSTED, State.NOTIFIED)
        )

    async def mark_reported(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "reported = 1")

    async def finish(self, message_id: int, outcome: Outcome, *, taken_down: bool = False) -> None:
        """Nothing to do after all (withdrawn by its author, or edited clean): done, and
        nothing for the mod log. ``taken_down``: also when already hidden (the channel
        itself was deleted, so there is nowhere to repost)."""
        states = "('seen', 'hidden')" if taken_down else "('seen')"
        async with transaction(self._conn) as conn:
            await conn.execute(
                f"""UPDATE community_guard_journal
                    SET state = 'done', outcome = ?, reported = 1, updated_at = ?
                    WHERE message_id = ? AND state IN {states}""",
                (outcome.value, _now(), message_id),
            )
            await conn.execute(
                "DELETE FROM community_guard_file WHERE message_id = ?", (message_id,)
            )

    async def give_up(self, message_ids: Sequence[int], outcome: Outcome) -> None:
        """The guard could not act: the original is still up (only entries not yet
        hidden can be given up). The mod log is still to be told."""
        async with transaction(self._conn) as conn:
            for message_id in message_ids:
                await conn.execute(
                    """UPDATE community_guard_journal
                       SET state = 'given_up', outcome = ?, updated_at = ?
                       WHERE message_id = ? AND state = 'seen'""",
                    (outcome.value, _now(), message_id),
                )
                await conn.execute(
                    "DELETE FROM community_guard_file WHERE message_id = ?", (message_id,)
                )

    async def _update(
        self, message_ids: Sequence[int], assignment: str, state: Sequence[State] = ()
    ) -> None:
        if not message_ids:
            return
        sql = f"UPDATE community_guard_journal SET {assignment}, updated_at = ?"
        sql += " WHERE message_id = ?"
        if state:
            sql += " AND state IN (" + ",".join(f"'{s.value}'" for s in state) + ")"
        now = _now()
        async with transaction(self._conn) as conn:
            await conn.executemany(sql, [(now, m) for m in message_ids])

    async def prune(self, before: datetime) -> int:
        """Delete finished entries last touched before ``before``; return how many."""
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                f"DELETE FROM community_guard_journal WHERE NOT {_OPEN} AND updated_at < ?",
                (_stamp(before),),
            )
        return cursor.rowcount

    # --- where catch-up starts ---------------------------------------------------

    async def marks(self) -> dict[int, int]:
        """Channel id -> the newest message the guard saw there."""
        async with self._conn.execute(
            "SELECT channel_id, message_id FROM community_guard_mark"
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def save_marks(self, marks: Mapping[int, tuple[int, int]]) -> None:
        """``channel id -> (guild id, message id)``; a mark only moves forward."""
        if not marks:
            return
        async with transaction(self._conn) as conn:
            await conn.executemany(
                """INSERT INTO community_guard_mark VALUES (?, ?, ?)
                   ON CONFLICT (channel_id) DO UPDATE
                   SET message_id = max(message_id, excluded.message_id)""",
                [(c, g, m) for c, (g, m) in marks.items()],
            )

    async def guard_since(self) -> dict[int, int]:
        """Guild id -> the snowflake of the moment the guard was last turned on there."""
        async with self._conn.execute(
            "SELECT guild_id, message_id FROM community_guard_since"
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def note_guard_on(self, guild_id: int, snowflake: int) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute(
                """INSERT INTO community_guard_since VALUES (?, ?)
                   ON CONFLICT (guild_id) DO UPDATE SET message_id = excluded.message_id""",
                (guild_id, snowflake),
            )

    # --- notices waiting to be deleted ---------------------------------------------

    async def add_notice(self, message_id: int, channel_id: int, delete_at: datetime) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute(
                "INSERT OR REPLACE INTO community_guard_notice VALUES (?, ?, ?)",
                (message_id, channel_id, _stamp(delete_at)),
            )

    async def notices(self) -> list[tuple[int, int, datetime]]:
        """(message id, channel id, when due) of every notice still up, soonest first."""
        async with self._conn.execute(
            "SELECT message_id, channel_id, delete_at FROM community_guard_notice"
            " ORDER BY delete_at"
        ) as cursor:
            return [(row[0], row[1], _time(row[2])) async for row in cursor]

    async def drop_notice(self, message_id: int) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute(
                "DELETE FROM community_guard_notice WHERE message_id = ?", (message_id,)
            )
