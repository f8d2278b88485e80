"""The spoiler guard's journal in PostgreSQL: the SQLite journal's steps, shared by every
process, each resuming only its own shards' servers.

Every write is one transaction, committed before the guard takes the next step on
Discord. Nothing is cached: an entry is read when it is worked on.

Which process acts is decided here, atomically. ``add`` is the claim: an insert that
does nothing when the message is already journalled, so when two processes receive one
message (two sessions on a shard while a process restarts; catch-up reading back over
what a live session handled) exactly one gets True. The entry names its process
(``claimed_by``); a process is present while its listening connection holds a session
advisory lock, which PostgreSQL releases the moment the process dies, however it dies.
``claim_unfinished`` hands over only entries whose process is gone (or its own), in
one UPDATE, so two processes resuming at once never both take one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import asyncpg

from bot.community.journal import Attachment, Author, Entry, Outcome, Place, ReplyTo, State
from bot.community.store import StorageUnavailable
from bot.settings import Shards
from bot.store.postgres.database import where
from bot.store.postgres.listener import PRESENCE_CLASS

if TYPE_CHECKING:
    from bot.store.postgres.database import Connection

log = logging.getLogger(__name__)

T = TypeVar("T")
WRITE_ATTEMPTS = 3
RETRY_SECONDS = 0.2
_TRANSIENT = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.InterfaceError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
)

_OPEN = "(state NOT IN ('done', 'given_up') OR NOT reported OR repost_stale)"

# The processes present now: each holds a session advisory lock (PRESENCE_CLASS, its id).
_LIVE = """SELECT objid::bigint FROM pg_locks
           WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = {cls}::oid
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"""


def _entry(row: Any) -> Entry:
    reply = None
    if row["reply_to"] is not None:
        reply = ReplyTo(row["reply_to"], row["reply_channel"], row["reply_author"])
    return Entry(
        message_id=row["message_id"],
        place=Place(row["guild_id"], row["channel_id"], row["host_id"]),
        author=Author(row["author_id"], row["author_name"], row["avatar_url"]),
        content=row["content"],
        revision=row["revision"].astimezone(UTC),
        reason=row["reason"],
        rules=tuple(json.loads(row["rules"])),
        seen_at=row["seen_at"].astimezone(UTC),
        edited=row["edited"],
        moderator=row["moderator"],
        reply_to=reply,
        attachments=tuple(Attachment(**a) for a in json.loads(row["attachments"])),
        state=State(row["state"]),
        outcome=row["outcome"],
        hide_attempts=row["hide_attempts"],
        repost_after=row["repost_after"],
        sent_text=row["sent_text"],
        webhook_id=row["webhook_id"],
        repost_id=row["repost_id"],
        repost_stale=row["repost_stale"],
        reported=row["reported"],
    )


class PostgresJournal:
    """``GuardJournal`` on PostgreSQL. ``worker``: this process's presence id (its
    listener holds the lock); ``shards`` None: this process serves every server."""

    def __init__(self, url: str, pool: asyncpg.Pool, worker: int, shards: Shards | None) -> None:
        self._url = url
        self._pool = pool
        self.worker = worker
        self._shards = shards

    def _mine(self, first: int) -> tuple[str, list[object]]:
        """A condition on ``guild_id`` (parameters numbered from ``first``) for this
        process's servers."""
        if self._shards is None or self._shards.every_one:
            return "TRUE", []
        sql = f"(guild_id >> 22) % ${first} = ANY(${first + 1}::int[])"
        return sql, [self._shards.count, list(self._shards.ids)]

    async def _run(self, work: Callable[[Connection], Awaitable[T]], *, write: bool = True) -> T:
        """``work`` in one transaction, retried when the connection failed (each step
        is idempotent; ``add`` tells its own retried insert apart by its token)."""
        attempts = WRITE_ATTEMPTS if write else 1
        for attempt in range(1, attempts + 1):
            try:
                async with self._pool.acquire() as conn, conn.transaction():
                    return await work(conn)
            except _TRANSIENT as error:
                if attempt == attempts:
                    raise StorageUnavailable(where(self._url)) from error
                log.info("PostgreSQL journal write failed (%s); retrying", type(error).__name__)
                await asyncio.sleep(RETRY_SECONDS * attempt)
        raise AssertionError("unreachable")

    async def _fetch(self, sql: str, *args: object, write: bool = False) -> list[Any]:
        async def work(conn: Connection) -> list[Any]:
            return list(await conn.fetch(sql, *args))

        return await self._run(work, write=write)

    async def _execute(self, sql: str, *args: object) -> str:
        async def work(conn: Connection) -> str:
            return str(await conn.execute(sql, *args))

        return await self._run(work)

    # --- reading -----------------------------------------------------------------

    async def get(self, message_id: int) -> Entry | None:
        rows = await self._fetch(
            "SELECT * FROM community_guard_journal WHERE message_id = $1", message_id
        )
        return _entry(rows[0]) if rows else None

    async def get_many(self, message_ids: Sequence[int]) -> list[Entry]:
        rows = await self._fetch(
            "SELECT * FROM community_guard_journal WHERE message_id = ANY($1::bigint[])"
            " ORDER BY message_id",
            list(message_ids),
        )
        return [_entry(r) for r in rows]

    async def by_repost(self, repost_id: int) -> Entry | None:
        rows = await self._fetch(
            "SELECT * FROM community_guard_journal WHERE repost_id = $1", repost_id
        )
        return _entry(rows[0]) if rows else None

    async def known(self, message_ids: Iterable[int]) -> set[int]:
        rows = await self._fetch(
            "SELECT message_id FROM community_guard_journal WHERE message_id = ANY($1::bigint[])",
            list(message_ids),
        )
        return {int(r[0]) for r in rows}

    async def unfinished(self) -> list[Entry]:
        """This process's servers' entries with work left, oldest first, whoever is
        working them (for /spoilers status; nothing is claimed)."""
        mine, args = self._mine(1)
        rows = await self._fetch(
            f"SELECT * FROM community_guard_journal WHERE {_OPEN} AND {mine} ORDER BY message_id",
            *args,
        )
        return [_entry(r) for r in rows]

    async def claim_unfinished(self) -> list[Entry]:
        """Those of them this process is to work: its own, and those of processes that
        are gone, claimed for it in one UPDATE (two processes claiming at once never
        both get one: the second sees the first's claim, and the first is alive)."""
        return await self._claim(own=True)

    async def adopt_orphans(self) -> list[Entry]:
        """Only those left by processes that are gone (a process stopped while another
        ran its shards), claimed as above: none of them is in this process's hands."""
        return await self._claim(own=False)

    async def _claim(self, *, own: bool) -> list[Entry]:
        mine, args = self._mine(4)
        live = _LIVE.format(cls="$2")
        rows = await self._fetch(
            f"""UPDATE community_guard_journal SET claimed_by = $1
                WHERE {_OPEN} AND {mine}
                  AND ((claimed_by = $1 AND $3::boolean)
                       OR (claimed_by <> $1 AND claimed_by::bigint NOT IN ({live})))
                RETURNING *""",
            self.worker,
            PRESENCE_CLASS,
            own,
            *args,
            write=True,
        )
        return sorted((_entry(r) for r in rows), key=lambda e: e.message_id)

    async def count(self, guild_id: int, since: datetime, state: State | None = None) -> int:
        rows = await self._fetch(
            "SELECT count(*) FROM community_guard_journal WHERE guild_id = $1"
            " AND seen_at >= $2 AND ($3::text IS NULL OR state = $3::text)",
            guild_id,
            since,
            state.value if state else None,
        )
        return int(rows[0][0])

    async def files(self, message_id: int) -> list[tuple[str, bytes]]:
        rows = await self._fetch(
            "SELECT filename, data FROM community_guard_file WHERE message_id = $1"
            " ORDER BY position",
            message_id,
        )
        return [(str(r[0]), bytes(r[1])) for r in rows]

    # --- the steps -------------------------------------------------------------

    async def add(self, entry: Entry) -> bool:
        reply = entry.reply_to
        token = secrets.randbits(63)  # a retry of this very insert is still this caller's
        rows = await self._fetch(
            """INSERT INTO community_guard_journal AS j
               (message_id, guild_id, channel_id, host_id, author_id, author_name,
                avatar_url, content, revision, reply_to, reply_channel, reply_author,
                attachments, reason, rules, edited, moderator, state, seen_at, updated_at,
                claimed_by, claim_token)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                       $16, $17, $18, $19, now(), $20, $21)
               ON CONFLICT (message_id) DO UPDATE SET claim_token = j.claim_token
               WHERE j.claim_token = $21
               RETURNING 1""",
            entry.message_id,
            entry.place.guild_id,
            entry.place.channel_id,
            entry.place.host_id,
            entry.author.id,
            entry.author.name,
            entry.author.avatar_url,
            entry.content,
            entry.revision,
            reply.message_id if reply else None,
            reply.channel_id if reply else None,
            reply.author_name if reply else None,
            json.dumps([a.__dict__ for a in entry.attachments]),
            entry.reason,
            json.dumps(list(entry.rules)),
            entry.edited,
            entry.moderator,
            entry.state.value,
            entry.seen_at,
            self.worker,
            token,
            write=True,
        )
        return bool(rows)

    async def keep_files(self, message_id: int, files: Sequence[tuple[str, bytes]]) -> None:
        async def work(conn: Connection) -> None:
            await conn.execute("DELETE FROM community_guard_file WHERE message_id = $1", message_id)
            await conn.executemany(
                "INSERT INTO community_guard_file VALUES ($1, $2, $3, $4)",
                [(message_id, n, name, data) for n, (name, data) in enumerate(files)],
            )

        await self._run(work)

    async def revise(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        rows = await self._fetch(
            """UPDATE community_guard_journal
               SET content = $1, revision = $2, reason = $3, rules = $4,
                   repost_stale = repost_id IS NOT NULL, updated_at = now()
               WHERE message_id = $5 AND revision < $2 RETURNING *""",
            content,
            revision,
            reason,
            json.dumps(list(rules)),
            message_id,
            write=True,
        )
        return _entry(rows[0]) if rows else None

    async def reopen(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        rows = await self._fetch(
            """UPDATE community_guard_journal
               SET content = $1, revision = $2, reason = $3, rules = $4, state = 'seen',
                   outcome = NULL, reported = false, edited = true, claimed_by = $6,
                   updated_at = now()
               WHERE message_id = $5 AND revision < $2 AND state = 'given_up'
                 AND outcome = $7 AND hide_attempts = 0 AND repost_id IS NULL
               RETURNING *""",
            content,
            revision,
            reason,
            json.dumps(list(rules)),
            message_id,
            self.worker,
            Outcome.UNREADABLE.value,
            write=True,
        )
        return _entry(rows[0]) if rows else None

    async def note_hide_attempt(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "hide_attempts = hide_attempts + 1", (State.SEEN,))

    async def mark_hidden(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "state = 'hidden'", (State.SEEN,))

    async def note_repost_attempt(
        self, message_id: int, after: int, sent_text: str, webhook_id: int
    ) -> None:
        await self._execute(
            """UPDATE community_guard_journal
               SET repost_after = coalesce(repost_after, $1), sent_text = $2,
                   webhook_id = $3, updated_at = now()
               WHERE message_id = $4""",
            after,
            sent_text,
            webhook_id,
            message_id,
        )

    async def mark_reposted(
        self, message_id: int, repost_id: int, webhook_id: int, sent_text: str
    ) -> None:
        async def work(conn: Connection) -> None:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET state = 'reposted', repost_id = $1, webhook_id = $2, sent_text = $3,
                       outcome = $4, repost_stale = false, updated_at = now()
                   WHERE message_id = $5 AND state IN ('seen', 'hidden')""",
                repost_id,
                webhook_id,
                sent_text,
                Outcome.TAGGED.value,
                message_id,
            )
            await conn.execute("DELETE FROM community_guard_file WHERE message_id = $1", message_id)

        await self._run(work)

    async def mark_repost_current(self, message_id: int, sent_text: str, stale: bool) -> None:
        await self._execute(
            """UPDATE community_guard_journal
               SET sent_text = $1, repost_stale = $2, updated_at = now() WHERE message_id = $3""",
            sent_text,
            stale,
            message_id,
        )

    async def forget_repost(self, message_id: int) -> None:
        await self._execute(
            "UPDATE community_guard_journal SET repost_stale = false, updated_at = now()"
            " WHERE message_id = $1",
            message_id,
        )

    async def mark_notified(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "state = 'notified'", (State.REPOSTED,))

    async def mark_done(self, message_ids: Sequence[int]) -> None:
        await self._update(
            message_ids, "state = 'done', reported = true", (State.REPOSTED, State.NOTIFIED)
        )

    async def mark_reported(self, message_ids: Sequence[int]) -> None:
        await self._update(message_ids, "reported = true")

    async def finish(self, message_id: int, outcome: Outcome, *, taken_down: bool = False) -> None:
        states = ["seen", "hidden"] if taken_down else ["seen"]

        async def work(conn: Connection) -> None:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET state = 'done', outcome = $1, reported = true, updated_at = now()
                   WHERE message_id = $2 AND state = ANY($3::text[])""",
                outcome.value,
                message_id,
                states,
            )
            await conn.execute("DELETE FROM community_guard_file WHERE message_id = $1", message_id)

        await self._run(work)

    async def give_up(self, message_ids: Sequence[int], outcome: Outcome) -> None:
        if not message_ids:
            return

        async def work(conn: Connection) -> None:
            await conn.execute(
                """UPDATE community_guard_journal
                   SET state = 'given_up', outcome = $1, updated_at = now()
                   WHERE message_id = ANY($2::bigint[]) AND state = 'seen'""",
                outcome.value,
                list(message_ids),
            )
            await conn.execute(
                "DELETE FROM community_guard_file WHERE message_id = ANY($1::bigint[])",
                list(message_ids),
            )

        await self._run(work)

    async def _update(
        self, message_ids: Sequence[int], assignment: str, state: Sequence[State] = ()
    ) -> None:
        if not message_ids:
            return
        await self._execute(
            f"UPDATE community_guard_journal SET {assignment}, updated_at = now()"
            " WHERE message_id = ANY($1::bigint[])"
            " AND (cardinality($2::text[]) = 0 OR state = ANY($2::text[]))",
            list(message_ids),
            [s.value for s in state],
        )

    async def prune(self, before: datetime) -> int:
        status = await self._execute(
            f"DELETE FROM community_guard_journal WHERE NOT {_OPEN} AND updated_at < $1", before
        )
        return int(status.rsplit(" ", 1)[-1])

    # --- where catch-up starts ---------------------------------------------------

    async def marks(self) -> dict[int, int]:
        mine, args = self._mine(1)
        rows = await self._fetch(
            f"SELECT channel_id, message_id FROM community_guard_mark WHERE {mine}", *args
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def save_marks(self, marks: Mapping[int, tuple[int, int]]) -> None:
        if not marks:
            return

        async def work(conn: Connection) -> None:
            await conn.executemany(
                """INSERT INTO community_guard_mark AS m VALUES ($1, $2, $3)
                   ON CONFLICT (channel_id) DO UPDATE
                   SET message_id = greatest(m.message_id, excluded.message_id)""",
                [(c, g, m) for c, (g, m) in sorted(marks.items())],  # one lock order
            )

        await self._run(work)

    async def guard_since(self) -> dict[int, int]:
        mine, args = self._mine(1)
        rows = await self._fetch(
            f"SELECT guild_id, message_id FROM community_guard_since WHERE {mine}", *args
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def note_guard_on(self, guild_id: int, snowflake: int) -> None:
        await self._execute(
            """INSERT INTO community_guard_since VALUES ($1, $2)
               ON CONFLICT (guild_id) DO UPDATE SET message_id = excluded.message_id""",
            guild_id,
            snowflake,
        )

    # --- notices waiting to be deleted ---------------------------------------------

    async def add_notice(self, message_id: int, channel_id: int, delete_at: datetime) -> None:
        await self._execute(
            """INSERT INTO community_guard_notice VALUES ($1, $2, $3)
               ON CONFLICT (message_id) DO UPDATE
               SET channel_id = excluded.channel_id, delete_at = excluded.delete_at""",
            message_id,
            channel_id,
            delete_at,
        )

    async def notices(self) -> list[tuple[int, int, datetime]]:
        rows = await self._fetch(
            "SELECT message_id, channel_id, delete_at FROM community_guard_notice"
            " ORDER BY delete_at"
        )
        return [(int(r[0]), int(r[1]), r[2].astimezone(UTC)) for r in rows]

    async def drop_notice(self, message_id: int) -> None:
        await self._execute("DELETE FROM community_guard_notice WHERE message_id = $1", message_id)
