"""The canon repository: every SQL statement about the show's content lives here."""

from __future__ import annotations

import asyncio
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

import aiosqlite

from bot.canon.content import ContentBundle
from bot.canon.episodes import EpisodeRef, SeasonRef, series_number
from bot.canon.models import (
    Actor,
    CanonCounts,
    Character,
    CharacterName,
    Episode,
    Fact,
    FactKind,
    GuardRule,
    Role,
    SearchHit,
    Season,
    SeasonStatus,
    Series,
    SeriesCounts,
    Source,
    TimelineEvent,
)
from bot.guard.lexicon import Lexicon
from bot.spoilers.policy import Detail, Label, Reveal
from bot.store import canon_schema
from bot.store.canon_writer import replace_canon, table_counts


@dataclass(frozen=True)
class CatalogRows:
    """What the in-memory autocomplete index is built from."""

    characters: list[CharacterName]
    actors: list[tuple[str, str]]  # id, name
    episodes: list[Episode]
    series: tuple[Series, ...]


def _ids(raw: str) -> tuple[Any, ...]:
    return tuple(json.loads(raw))


def _reveal(episode_key: int, is_finale: int, carries: str = "[]") -> Reveal:
    carried = tuple(EpisodeRef.from_key(key) for key in json.loads(carries))
    return Reveal(EpisodeRef.from_key(episode_key), bool(is_finale), carried)


def _fts_query(text: str) -> str | None:
    """Turn what a member typed into a safe FTS5 query: every word, as a prefix."""
    words = re.findall(r"\w+", text.casefold())
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words[:12])


P = ParamSpec("P")
T = TypeVar("T")
MEMO_SIZE = 4096  # canon records are a few hundred; the rest is recent searches


def _retrieve_error(reading: asyncio.Future[Any]) -> None:
    if not reading.cancelled():
        reading.exception()


def _memoized(
    method: Callable[Concatenate[CanonRepository, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[CanonRepository, P], Coroutine[Any, Any, T]]:
    """Remember a read until the next reload: canon content only changes by reloading.

    Results are immutable records (frozen dataclasses, tuples), so sharing them is safe.
    """

    async def remembered(repo: CanonRepository, /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        if key in repo._memo:
            repo._memo.move_to_end(key)
            return repo._memo[key]  # type: ignore[no-any-return]
        # Callers arriving while the first read is under way share it: a burst of
        # messages for the spoiler guard would otherwise read the same rows once each.
        generation = repo._generation
        reading = repo._reading.get(key)
        if reading is None:
            reading = repo._reading[key] = asyncio.ensure_future(method(repo, *args, **kwargs))
            # If every caller was cancelled (a shutdown), the shared read may still fail
            # once the database closes: its error is nobody's to report.
            reading.add_done_callback(_retrieve_error)
        try:
            value: T = await asyncio.shield(reading)
        finally:
            if reading.done() and repo._reading.get(key) is reading:
                del repo._reading[key]
        if generation != repo._generation:  # content reloaded meanwhile: not remembered
            return value
        repo._memo[key] = value
        if len(repo._memo) > MEMO_SIZE:
            repo._memo.popitem(last=False)
        return value

    remembered.__doc__ = method.__doc__
    return remembered


class CanonRepository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._memo: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._reading: dict[tuple[Any, ...], asyncio.Future[Any]] = {}
        self._generation = 0  # bumped by each reload

    # --- loading -------------------------------------------------------------

    @_memoized
    async def fingerprint(self) -> str | None:
        """The content version loaded; None when none is, or when the tables were built
        by another version of ``canon_schema`` (a reload then rebuilds them)."""
        async with self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'canon_meta'"
        ) as cursor:
            row = await cursor.fetchone()
        if not row or not row[0]:
            return None
        async with self._conn.execute(
            "SELECT key, value FROM canon_meta WHERE key IN ('fingerprint', 'schema')"
        ) as cursor:
            meta = {str(key): str(value) async for key, value in cursor}
        if meta.get("schema") != canon_schema.SCHEMA_VERSION:
            return None
        return meta.get("fingerprint")

    @_memoized
    async def loaded_at(self) -> datetime | None:
        async with self._conn.execute(
            "SELECT value FROM canon_meta WHERE key = 'loaded_at'"
        ) as cursor:
            row = await cursor.fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    async def incompleteness(self) -> str | None:
        """Why the stored canon is not known to be whole, or None when every table
        holds the rows its last reload wrote (and the search index is not empty)."""
        async with self._conn.execute("SELECT key, value FROM canon_meta") as cursor:
            meta = {str(row[0]): str(row[1]) async for row in cursor}
        if "fingerprint" not in meta:
            return "no canon has been loaded"
        if "counts" not in meta:
            return "it was loaded without row counts (an older fambot)"
        expected: dict[str, int] = json.loads(meta["counts"])
        actual = await table_counts(self._conn)
        # Every table there is now, not only those the counts name: a table added by a
        # later migration and never filled is as incomplete as one that lost rows.
        for table in sorted(expected.keys() | actual.keys()):
            if table not in expected:
                return f"{table} was not counted when the canon was loaded"
            if actual.get(table) != expected[table]:
                return f"{table} has {actual.get(table)} rows, not {expected[table]}"
        if actual["canon_search"] == 0:
            return "the search index is empty"
        return None

    async def replace_all(self, bundle: ContentBundle) -> None:
        """Swap in new canon content in one transaction; community tables are untouched."""
        await replace_canon(self._conn, bundle)
        self._memo.clear()
        self._reading.clear()
        self._generation += 1

    # --- reading -------------------------------------------------------------

    async def _all(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[aiosqlite.Row]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    @staticmethod
    def _season(row: aiosqlite.Row) -> Season:
        ref = SeasonRef.from_key(row["number"])
        first = _reveal(ref.episode(1).key, False, row["carries"])
        return Season(
            ref=ref,
            setting=Detail(row["years_label"], first) if row["years_label"] else None,
            year_start=row["year_start"],
            year_end=row["year_end"],
            premiere=date.fromisoformat(row["premiere"]) if row["premiere"] else None,
            finale=date.fromisoformat(row["finale"]) if row["finale"] else None,
            premise=Detail(row["premise"], first) if row["premise"] else None,
            sources=_ids(row["sources"]),
            episode_count=row["episode_count"],
            status=SeasonStatus(row["status"]),
            final=bool(row["final"]),
        )

    @staticmethod
    def _episode(row: aiosqlite.Row) -> Episode:
        reveal = _reveal(row["id"], row["is_finale"], row["carries"])
        return Episode(
            ref=reveal.episode,
            title=row["title"],
            air_date=date.fromisoformat(row["air_date"]) if row["air_date"] else None,
            air_date_note=row["air_date_note"],
            years=_ids(row["years"]),
            is_finale=bool(row["is_finale"]),
            synopsis=Detail(row["synopsis"], reveal) if row["synopsis"] else None,
            sources=_ids(row["sources"]),
        )

    @staticmethod
    def _fact(row: aiosqlite.Row) -> Fact:
        return Fact(
            kind=FactKind(row["kind"]),
            subject_id=row["subject_id"],
            detail=Detail(
                row["text"], _reveal(row["episode_id"], row["is_finale"], row["carries"])
            ),
            sources=_ids(row["sources"]),
            key=row["key"],
        )

    @staticmethod
    def _role(row: aiosqlite.Row) -> Role:
        return Role(
            character_id=row["character_id"],
            character_name=row["character_name"],
            series=row["character_series"],
            actor_id=row["actor_id"],
            actor_name=row["actor_name"],
            credit=row["credit"],
            seasons=_ids(row["seasons"]),
            sources=_ids(row["sources"]),
            ended_by=_reveal(row["ended_by"], row["ended_by_finale"], row["ended_by_carries"])
            if row["ended_by"]
            else None,
        )

    _ROLE_SELECT = """
        SELECT r.*, c.name AS character_name, c.series AS character_series,
               a.name AS actor_name
        FROM canon_role r
        JOIN canon_character c ON c.id = r.character_id
        JOIN canon_actor a ON a.id = r.actor_id
    """

    @_memoized
    async def series(self) -> tuple[Series, ...]:
        """Every series, the default first."""
        rows = await self._all("SELECT * FROM canon_series ORDER BY position")
        return tuple(
            Series(r["code"], r["slug"], r["name"], bool(r["is_default"]), _ids(r["sources"]))
            for r in rows
        )

    @_memoized
    async def season(self, ref: SeasonRef) -> Season | None:
        rows = await self._all("SELECT * FROM canon_season WHERE number = ?", (ref.key,))
        return self._season(rows[0]) if rows else None

    @_memoized
    async def seasons(self, series: str) -> tuple[Season, ...]:
        """A series' seasons, aired and announced, in order."""
        block = series_number(series)
        rows = await self._all(
            "SELECT * FROM canon_season WHERE number / 100 = ? ORDER BY number", (block,)
        )
        return tuple(self._season(row) for row in rows)

    @_memoized
    async def episodes(self, season: SeasonRef | None = None) -> tuple[Episode, ...]:
        if season is None:
            rows = await self._all("SELECT * FROM canon_episode ORDER BY id")
        else:
            rows = await self._all(
                "SELECT * FROM canon_episode WHERE season = ? ORDER BY id", (season.key,)
            )
        return tuple(self._episode(row) for row in rows)

    @_memoized
    async def episode(self, ref: EpisodeRef) -> Episode | None:
        rows = await self._all("SELECT * FROM canon_episode WHERE id = ?", (ref.key,))
        return self._episode(rows[0]) if rows else None

    @_memoized
    async def finale_facts(self, ref: EpisodeRef) -> tuple[Fact, ...]:
        rows = await self._all(
            "SELECT * FROM canon_fact WHERE episode_id = ? AND kind = 'finale' ORDER BY id",
            (ref.key,),
        )
        return tuple(self._fact(row) for row in rows)

    @_memoized
    async def character(self, character_id: str) -> Character | None:
        rows = await self._all(
            """SELECT c.*, coalesce(c.first_episode, c.known_from) AS intro_episode,
                      e.is_finale AS intro_is_finale
               FROM canon_character c
               LEFT JOIN canon_episode e ON e.id = coalesce(c.first_episode, c.known_from)
               WHERE c.id = ?""",
            (character_id,),
        )
        if not rows:
            return None
        row = rows[0]
        intro = (
            _reveal(row["intro_episode"], row["intro_is_finale"], row["carries"])
            if row["intro_episode"]
            else None
        )

        def introduced(value: str | None) -> Detail | None:
            return Detail(value, intro) if value and intro else None

        roles = await self._all(
            self._ROLE_SELECT + " WHERE r.character_id = ? ORDER BY r.position", (character_id,)
        )
        facts = await self._all(
            "SELECT * FROM canon_fact WHERE subject_id = ? ORDER BY episode_id, id",
            (character_id,),
        )
        return Character(
            id=row["id"],
            name=row["name"],
            series=row["series"],
            aliases=_ids(row["aliases"]),
            occupation=introduced(row["occupation"]),
            affiliation=introduced(row["affiliation"]),
            first_appearance=EpisodeRef.from_key(row["first_episode"])
            if row["first_episode"]
            else None,
            known_from=EpisodeRef.from_key(row["known_from"]) if row["known_from"] else None,
            summary=introduced(row["summary"]),
            sources=_ids(row["sources"]),
            roles=tuple(self._role(r) for r in roles),
            facts=tuple(self._fact(f) for f in facts),
        )

    @_memoized
    async def actor(self, actor_id: str) -> Actor | None:
        rows = await self._all("SELECT * FROM canon_actor WHERE id = ?", (actor_id,))
        if not rows:
            return None
        roles = await self._all(
            self._ROLE_SELECT + " WHERE r.actor_id = ? ORDER BY r.position", (actor_id,)
        )
        return Actor(rows[0]["id"], rows[0]["name"], tuple(self._role(r) for r in roles))

    @_memoized
    async def events(
        self,
        *,
        year_from: int | None = None,
        year_to: int | None = None,
        season: SeasonRef | None = None,
        series: str | None = None,
    ) -> tuple[TimelineEvent, ...]:
        """Events in the years given, first shown in ``season``, or in ``series``."""
        rows = await self._all(
            """SELECT * FROM canon_event
               WHERE (:year_from IS NULL OR year >= :year_from)
                 AND (:year_to IS NULL OR year <= :year_to)
                 AND (:season IS NULL OR episode_id / 100 = :season)
                 AND (:series IS NULL OR episode_id / 10000 = :series)
               ORDER BY year, episode_id, id""",
            {
                "year_from": year_from,
                "year_to": year_to,
                "season": season.key if season else None,
                "series": series_number(series) if series is not None else None,
            },
        )
        return tuple(
            TimelineEvent(
                year=row["year"],
                detail=Detail(
                    row["text"], _reveal(row["episode_id"], row["is_finale"], row["carries"])
                ),
                divergence=bool(row["divergence"]),
                sources=_ids(row["sources"]),
            )
            for row in rows
        )

    @_memoized
    async def search(self, text: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Full-text search, best matches first; names weigh more than story text."""
        query = _fts_query(text)
        if query is None:
            return ()
        rows = await self._all(
            """SELECT s.kind, s.ref, s.name,
                      f.text AS fact_text, f.episode_id AS fact_episode,
                      f.is_finale AS fact_finale, f.carries AS fact_carries,
                      v.text AS event_text, v.episode_id AS event_episode,
                      v.is_finale AS event_finale, v.carries AS event_carries,
                      v.year AS event_year
               FROM canon_search s
               LEFT JOIN canon_fact f ON s.kind = 'fact' AND f.id = s.ref
               LEFT JOIN canon_event v ON s.kind = 'event' AND v.id = s.ref
               WHERE canon_search MATCH ?
               ORDER BY bm25(canon_search, 0.0, 0.0, 10.0, 1.0)  -- kind, ref, name, body
               LIMIT ?""",
            (query, limit),
        )
        return tuple([await self._hit(row) for row in rows])

    async def _hit(self, row: aiosqlite.Row) -> SearchHit:
        kind, ref = row["kind"], str(row["ref"])
        if kind == "fact":
            reveal = _reveal(row["fact_episode"], row["fact_finale"], row["fact_carries"])
            label = f"Story note · {reveal.episode.code}"
            return SearchHit(kind, ref, label, Detail(row["fact_text"], reveal))
        if kind == "event":
            reveal = _reveal(row["event_episode"], row["event_finale"], row["event_carries"])
            label = f"Timeline · shown in {reveal.episode.code}"
            text = f"{row['event_year']} · {row['event_text']}"
            return SearchHit(kind, ref, label, Detail(text, reveal))
        if kind == "episode":
            episode = await self.episode(EpisodeRef.from_key(int(ref)))
            assert episode is not None
            heading = episode.heading
            title = Label(
                f"Episode · {heading.text}", heading.reveal, f"Episode · {heading.neutral}"
            )
            return SearchHit(kind, ref, title, episode.synopsis)
        character = await self.character(ref)
        assert character is not None
        label = f"Character · {character.name}{await self._series_suffix(character.series)}"
        if character.introduced is None:
            return SearchHit(kind, ref, label, character.summary)
        met = Label(label, character.introduced, "Character · not met yet")
        return SearchHit(kind, ref, met, character.summary)

    async def _series_suffix(self, code: str) -> str:
        """ " · Star City" after a name from a series other than the default."""
        named = {s.code: s for s in await self.series()}.get(code)
        return "" if named is None or named.is_default else f" · {named.name}"

    @_memoized
    async def guard_rules(self) -> tuple[GuardRule, ...]:
        rows = await self._all("SELECT * FROM canon_guard_rule ORDER BY episode_id, id")
        return tuple(
            GuardRule(
                id=row["id"],
                reveal=_reveal(row["episode_id"], row["is_finale"], row["carries"]),
                subjects=_ids(row["subjects"]),
                actions=_ids(row["actions"]),
                covers=_ids(row["covers"]),
            )
            for row in rows
        )

    @_memoized
    async def guard_idioms(self) -> tuple[str, ...]:
        rows = await self._all("SELECT phrase FROM canon_guard_idiom ORDER BY phrase")
        return tuple(str(row["phrase"]) for row in rows)

    @_memoized
    async def guard_lexicon(self) -> Lexicon:
        """What the spoiler guard knows: vocabulary, names, roles (empty before a load)."""
        rows = await self._all("SELECT data FROM canon_guard_lexicon WHERE id = 1")
        return Lexicon.from_json(str(rows[0]["data"])) if rows else Lexicon()

    @_memoized
    async def counts(self) -> CanonCounts:
        rows = await self._all(
            """SELECT
                 (SELECT count(*) FROM canon_season WHERE status = 'aired') AS seasons,
                 (SELECT count(*) FROM canon_episode) AS episodes,
                 (SELECT count(*) FROM canon_character) AS characters,
                 (SELECT count(*) FROM canon_actor) AS actors,
                 (SELECT count(*) FROM canon_event) AS events,
                 (SELECT count(*) FROM canon_fact WHERE kind != 'finale') AS facts,
                 (SELECT count(*) FROM canon_fact WHERE is_finale = 1 OR carries != '[]')
                     AS finale_details,
                 (SELECT count(*) FROM canon_source) AS sources"""
        )
        totals = {key: int(rows[0][key]) for key in rows[0].keys()}  # noqa: SIM118 - Row
        per_series = []
        for series in await self.series():
            block = series_number(series.code)
            found = await self._all(
                """SELECT
                     (SELECT count(*) FROM canon_season
                        WHERE number / 100 = :b AND status = 'aired') AS seasons,
                     (SELECT count(*) FROM canon_episode WHERE id / 10000 = :b) AS episodes,
                     (SELECT count(*) FROM canon_character WHERE series = :code) AS characters,
                     (SELECT count(*) FROM canon_event WHERE episode_id / 10000 = :b) AS events""",
                {"b": block, "code": series.code},
            )
            announced = tuple(
                s for s in await self.seasons(series.code) if s.status is SeasonStatus.ANNOUNCED
            )
            numbers = {key: int(found[0][key]) for key in found[0].keys()}  # noqa: SIM118 - Row
            per_series.append(SeriesCounts(series, announced=announced, **numbers))
        return CanonCounts(**totals, per_series=tuple(per_series))

    async def source_reveals(self, ids: tuple[str, ...]) -> dict[str, Reveal]:
        """Where the story material citing each source is revealed, all citations taken
        together (``Reveal.latest_of``): a source's title can name anything the text it
        backs says. Sources only series-level entries cite are missing: they are public."""
        every = await self._source_reveals()
        return {source: every[source] for source in ids if source in every}

    @_memoized
    async def _source_reveals(self) -> dict[str, Reveal]:
        rows = await self._all(
            """SELECT j.value AS source, e.id AS episode, e.is_finale, e.carries
                 FROM canon_episode e, json_each(e.sources) j
               UNION ALL
               SELECT j.value, f.episode_id, f.is_finale, f.carries
                 FROM canon_fact f, json_each(f.sources) j
               UNION ALL
               SELECT j.value, v.episode_id, v.is_finale, v.carries
                 FROM canon_event v, json_each(v.sources) j
               UNION ALL
               SELECT j.value, s.number * 100 + 1, 0, s.carries
                 FROM canon_season s, json_each(s.sources) j WHERE s.status = 'aired'
               UNION ALL
               SELECT j.value, coalesce(c.first_episode, c.known_from), e.is_finale, c.carries
                 FROM canon_character c, json_each(c.sources) j
                 JOIN canon_episode e ON e.id = coalesce(c.first_episode, c.known_from)
               UNION ALL
               SELECT j.value, coalesce(r.ended_by, c.first_episode, c.known_from),
                      CASE WHEN r.ended_by IS NULL THEN e.is_finale ELSE r.ended_by_finale END,
                      CASE WHEN r.ended_by IS NULL THEN c.carries ELSE r.ended_by_carries END
                 FROM canon_role r JOIN canon_character c ON c.id = r.character_id,
                      json_each(r.sources) j
                 JOIN canon_episode e ON e.id = coalesce(c.first_episode, c.known_from)"""
        )
        found: dict[str, list[Reveal]] = {}
        for row in rows:
            if row["episode"] is not None:
                reveal = _reveal(row["episode"], row["is_finale"], row["carries"])
                found.setdefault(row["source"], []).append(reveal)
        return {source: Reveal.latest_of(reveals) for source, reveals in found.items()}

    @_memoized
    async def sources(self, ids: tuple[str, ...]) -> tuple[Source, ...]:
        """The sources with these ids, in the order given (unknown ids left out)."""
        rows = await self._all(
            "SELECT * FROM canon_source WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        found = {r["id"]: Source(r["id"], r["title"], r["url"]) for r in rows}
        return tuple(found[i] for i in ids if i in found)

    async def catalog_rows(self) -> CatalogRows:
        characters = await self._all(
            """SELECT c.id, c.name, c.aliases, c.carries, c.series,
                      coalesce(c.first_episode, c.known_from) AS intro, e.is_finale
               FROM canon_character c
               LEFT JOIN canon_episode e ON e.id = coalesce(c.first_episode, c.known_from)
               ORDER BY c.sort_order"""
        )
        actors = await self._all("SELECT id, name FROM canon_actor ORDER BY name")
        return CatalogRows(
            characters=[
                CharacterName(
                    r["id"],
                    r["name"],
                    _ids(r["aliases"]),
                    _reveal(r["intro"], r["is_finale"], r["carries"]) if r["intro"] else None,
                    r["series"],
                )
                for r in characters
            ],
            actors=[(r["id"], r["name"]) for r in actors],
            episodes=list(await self.episodes()),
            series=await self.series(),
        )
