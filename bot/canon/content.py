"""Reading the human-edited canon files under ``data/canon`` into checked records.

Each series is a folder (``data/canon/<slug>/`` with ``series.toml``, its seasons,
episodes, characters, timeline and guard rules); beside the folders, ``sources.toml``
holds the sources they share and ``guard/`` the spoiler guard's vocabulary, one file per
language. A new series is a new folder: nothing here names one.

Pure: reads files, returns a ``ContentBundle`` or raises ``ContentError`` naming
the file, the entry and what is wrong. The store decides what to do with it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.canon.episodes import (
    CODE_LETTERS,
    EPISODE_MAX,
    SEASON_MAX,
    EpisodeRef,
    SeasonRef,
    is_series_code,
)
from bot.canon.fields import ContentError, Entry, decode_utf8, parse_episode, read_bytes
from bot.canon.guard_rules import (
    GuardRules,
    fate_key,
    guard_lexicon,
    read_guard_rules,
    read_vocabulary,
)
from bot.canon.models import (
    Character,
    Episode,
    Fact,
    FactKind,
    GuardRule,
    KnownAs,
    Role,
    Season,
    SeasonStatus,
    Series,
    Source,
    TimelineEvent,
)
from bot.guard.lexicon import Lexicon
from bot.spoilers.policy import Detail, Reveal

SERIES_FILES = ("series.toml", "sources.toml", "seasons.toml", "timeline.toml", "guard.toml")
SERIES_FOLDERS = ("episodes", "characters")
GUARD_FOLDER = "guard"  # beside the series folders: the guard's vocabulary, per language
URL_UNSAFE = re.compile(r"[\s<>|`]")  # would end a link, a spoiler tag or a code span early
SYNOPSIS_MAX = 700
FACT_MAX = 400
NAME_MAX = 80  # leaves room for labels within Discord's 100-character choice limit


@dataclass(frozen=True)
class ContentBundle:
    fingerprint: str
    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    seasons: tuple[Season, ...]  # aired and announced
    episodes: tuple[Episode, ...]
    characters: tuple[Character, ...]
    events: tuple[TimelineEvent, ...]
    finale_facts: tuple[Fact, ...]
    guard_rules: tuple[GuardRule, ...] = ()
    guard_idioms: tuple[str, ...] = ()
    guard_lexicon: Lexicon = field(default_factory=Lexicon)


def content_files(root: Path) -> list[Path]:
    """Every ``.toml`` file under ``root``; a folder that cannot be listed is an error
    (skipping it would load the content without its files)."""

    def refuse(error: OSError) -> None:
        where = error.filename or root
        raise ContentError(where, "folder", f"cannot be listed ({error.strerror or error})")

    found: list[Path] = []
    for folder, _, names in os.walk(root, onerror=refuse, followlinks=True):
        found.extend(Path(folder, name) for name in names if name.endswith(".toml"))
    return sorted(p for p in found if p.is_file())


def fingerprint(root: Path) -> str:
    """A hash of every content file's name and bytes: unchanged files, same value."""
    digest = hashlib.sha256()
    for path in content_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(read_bytes(path))
        digest.update(b"\0")
    return digest.hexdigest()


def _read_toml(path: Path) -> dict[str, object]:
    text = decode_utf8(path, read_bytes(path))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "file", f"not valid TOML ({error})") from None


def _slug(name: str) -> str:
    """ "Coral Peña" -> "coral-pena": stable ids from names."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class _Reader:
    """Accumulates records across files and checks references between them.

    Files are read series by series: ``series`` is the code of the one being read, and
    episode codes in its files ("S1E8") name its own episodes.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.series = ""
        self.sources: dict[str, Source] = {}
        self.all_series: dict[str, Series] = {}
        self.seasons: dict[SeasonRef, Season] = {}
        self.episodes: dict[EpisodeRef, Episode] = {}
        self.characters: dict[str, Character] = {}
        self.events: list[TimelineEvent] = []
        self.finale_facts: list[Fact] = []
        self._names: dict[str, str] = {}  # lowercased name or alias -> character id, per series

    def rel(self, path: Path) -> str:
        """The path as a contributor knows it, e.g. ``data/canon/star-city/timeline.toml``."""
        prefix = "/".join(part for part in (self.root.parent.name, self.root.name) if part)
        return f"{prefix}/{path.relative_to(self.root).as_posix()}"

    # --- shared checks -------------------------------------------------------

    def source_ids(self, entry: Entry) -> tuple[str, ...]:
        ids = entry.texts("sources", required=True)
        for source_id in ids:
            if source_id not in self.sources:
                entry.fail(f"source {source_id!r} is not listed in sources.toml")
        return ids

    def carries(self, entry: Entry, shown_in: EpisodeRef) -> tuple[EpisodeRef, ...]:
        """Earlier finales whose outcome this entry's text restates (key ``carries``)."""
        found: list[EpisodeRef] = []
        for code in entry.texts("carries"):
            ref = parse_episode(code, self.series)
            episode = self.episodes.get(ref) if ref else None
            if ref is None or episode is None or not episode.is_finale:
                entry.fail(f"'carries' must list season finales like 'S3E10', not {code!r}")
            if ref.season >= shown_in.season:
                entry.fail(f"'carries' names {ref.code}, which is not before {shown_in.code}")
            found.append(ref)
        return tuple(sorted(found))

    def reveal(self, entry: Entry, key: str) -> Reveal:
        ref = entry.episode(key, self.series)
        episode = self.episodes.get(ref)
        if episode is None:
            entry.fail(f"{key!r} names {ref.code}, which is not in the episode files")
        reveal = Reveal(ref, episode.is_finale, self.carries(entry, ref))
        if entry.flag("finale_detail") != reveal.finale_detail:
            why = (
                f"{ref.code} is a season finale"
                if episode.is_finale
                else "it restates an earlier finale ('carries')"
                if reveal.carries
                else f"{ref.code} is not a season finale and nothing is in 'carries'"
            )
            entry.fail(f"'finale_detail' must be {str(reveal.finale_detail).lower()}: {why}")
        return reveal

    # --- files ---------------------------------------------------------------

    def read_sources(self, path: Path) -> None:
        data = _read_toml(path)
        for index, table in enumerate(_list(data, "source", path), 1):
            entry = Entry(self.rel(path), f"source #{index}", table, {"id", "title", "url"})
            source_id = entry.text("id", max_len=20)
            if source_id in self.sources:
                entry.fail(f"duplicate source id {source_id!r}")
            url = entry.text("url")
            if not url.startswith(("https://", "http://")):
                entry.fail("'url' must start with http:// or https://")
            if URL_UNSAFE.search(url):
                entry.fail("'url' must not contain spaces, <, >, | or `")
            self.sources[source_id] = Source(source_id, entry.text("title", max_len=300), url)

    def read_series(self, folder: Path) -> Series:
        path = folder / "series.toml"
        data = _read_toml(path)
        entry = Entry(self.rel(path), "series", data, {"name", "code", "default", "sources"})
        entry.label = f"series {folder.name!r}"
        code = data.get("code")
        if not isinstance(code, str) or not is_series_code(code):
            entry.fail(f"'code' must be up to {CODE_LETTERS} capital letters A-Z ('' for none)")
        if _slug(folder.name) != folder.name:
            entry.fail("the folder name must be lowercase words joined by hyphens")
        name = entry.text("name", max_len=NAME_MAX)
        for other in self.all_series.values():
            if other.code == code:
                entry.fail(f"code {code!r} is already used by {other.slug!r}")
            if other.name.casefold() == name.casefold():
                entry.fail(f"name {name!r} is already used by {other.slug!r}")
        series = Series(code, folder.name, name, entry.flag("default"), self.source_ids(entry))
        self.all_series[code] = series
        return series

    def read_seasons(self, path: Path) -> None:
        data = _read_toml(path)
        aired = {"number", "years", "year_start", "year_end", "premiere", "finale", "episodes"}
        aired |= {"premise", "carries", "sources", "status", "final"}
        announced = {"number", "status", "final", "sources"}
        for index, table in enumerate(_list(data, "season", path), 1):
            entry = Entry(self.rel(path), f"season #{index}", table, aired)
            number = entry.integer("number", low=1, high=SEASON_MAX)
            ref = SeasonRef(self.series, number)
            entry.label = f"season {number}"
            if ref in self.seasons:
                entry.fail("duplicate season number")
            status = entry.optional_text("status", max_len=20) or SeasonStatus.AIRED.value
            final = entry.flag("final") if entry.has("final") else False
            if status == SeasonStatus.ANNOUNCED.value:
                # Announced: its number, that it is the last if so, and the sources.
                # Nothing else is known until a date is verified.
                Entry(entry.path, entry.label, table, announced)
                self.seasons[ref] = Season(
                    ref=ref,
                    setting=None,
                    year_start=None,
                    year_end=None,
                    premiere=None,
                    finale=None,
                    premise=None,
                    sources=self.source_ids(entry),
                    status=SeasonStatus.ANNOUNCED,
                    final=final,
                )
                continue
            if status != SeasonStatus.AIRED.value:
                entry.fail(f"'status' must be 'aired' or 'announced', not {status!r}")
            start = entry.integer("year_start", low=1900, high=2100)
            end = entry.integer("year_end", low=start, high=2100) if entry.has("year_end") else None
            premiere, finale = entry.day("premiere"), entry.day("finale")
            if finale < premiere:
                entry.fail("'finale' is before 'premiere'")
            premise_text = entry.optional_text("premise", max_len=SYNOPSIS_MAX)
            carried = []
            for code in entry.texts("carries"):  # checked to be finales once episodes are read
                carried_ref = parse_episode(code, self.series)
                if carried_ref is None or carried_ref.season >= number:
                    entry.fail(f"'carries' must list earlier season finales, not {code!r}")
                carried.append(carried_ref)
            opening = Reveal(ref.episode(1), False, tuple(sorted(carried)))
            self.seasons[ref] = Season(
                ref=ref,
                setting=Detail(entry.text("years", max_len=60), opening),
                year_start=start,
                year_end=end,
                premiere=premiere,
                finale=finale,
                premise=Detail(premise_text, opening) if premise_text else None,
                sources=self.source_ids(entry),
                episode_count=entry.integer("episodes", low=1, high=EPISODE_MAX)
                if entry.has("episodes")
                else None,
                final=final,
            )

    def read_episodes(self, path: Path) -> None:
        data = _read_toml(path)
        head = Entry(self.rel(path), "file", data, {"season", "episode"})
        season_ref = SeasonRef(self.series, head.integer("season", low=1, high=SEASON_MAX))
        season = self.seasons.get(season_ref)
        if season is None or season.status is not SeasonStatus.AIRED:
            head.fail(f"season {season_ref.number} is not an aired season in seasons.toml")
        keys = {"number", "title", "air_date", "air_date_note", "years", "finale", "synopsis"}
        keys |= {"carries", "sources"}
        for index, table in enumerate(head.tables("episode"), 1):
            entry = Entry(self.rel(path), f"episode #{index}", table, keys | {"finale_detail"})
            number = entry.integer("number", low=1, high=season.episode_count or EPISODE_MAX)
            ref = season_ref.episode(number)
            entry.label = f"episode {ref.code}"
            if ref in self.episodes:
                entry.fail("duplicate episode")
            is_finale = entry.flag("finale")
            if entry.has("air_date") == entry.has("air_date_note"):
                entry.fail("give exactly one of 'air_date' or 'air_date_note' (why it is unknown)")
            synopsis = entry.optional_text("synopsis", max_len=SYNOPSIS_MAX)
            reveal = Reveal(ref, is_finale, self.carries(entry, ref))
            self.episodes[ref] = Episode(
                ref=ref,
                title=entry.optional_text("title", max_len=NAME_MAX),
                air_date=entry.day("air_date") if entry.has("air_date") else None,
                air_date_note=entry.optional_text("air_date_note", max_len=120),
                years=entry.integers("years", low=1900, high=2100),
                is_finale=is_finale,
                synopsis=Detail(synopsis, reveal) if synopsis else None,
                sources=self.source_ids(entry),
            )
            for n, detail_table in enumerate(entry.tables("finale_detail"), 1):
                sub = Entry(
                    self.rel(path),
                    f"{ref.code} finale_detail #{n}",
                    detail_table,
                    {"id", "text", "sources"},
                )
                if not is_finale:
                    sub.fail(f"{ref.code} is not a finale, so it cannot have finale details")
                key = sub.text("id", max_len=60)
                if key in {fact.key for fact in self.finale_facts}:
                    sub.fail(f"duplicate finale detail id {key!r}")
                self.finale_facts.append(
                    Fact(
                        FactKind.FINALE,
                        None,
                        Detail(sub.text("text", max_len=FACT_MAX), Reveal(ref, True)),
                        self.source_ids(sub),
                        key,
                    )
                )

    def read_characters(self, path: Path) -> None:
        data = _read_toml(path)
        keys = {"id", "name", "aliases", "occupation", "affiliation", "first_appearance"}
        keys |= {"known_from", "summary", "carries", "sources", "role", "fact", "fate", "known_as"}
        for index, table in enumerate(_list(data, "character", path), 1):
            named = table.get("id") if isinstance(table, dict) else None
            label = f"character {named!r}" if isinstance(named, str) else f"character #{index}"
            entry = Entry(self.rel(path), label, table, keys)
            character_id = entry.text("id", max_len=40)
            entry.label = f"character {character_id!r}"
            if character_id in self.characters:
                entry.fail("duplicate character id")
            if _slug(character_id) != character_id:
                entry.fail("'id' must be lowercase words joined by hyphens")
            name = entry.text("name", max_len=NAME_MAX)
            aliases = entry.texts("aliases")
            # Names are unique within a series: Star City's Irina is not For All Mankind's.
            for key in (name, *aliases):
                owner = self._names.get(key.casefold())
                if owner is not None and owner != character_id:
                    entry.fail(f"name or alias {key!r} is already used by {owner!r}")
                if len(key) > NAME_MAX:
                    entry.fail(f"alias {key!r} is longer than {NAME_MAX} characters")
                self._names[key.casefold()] = character_id
            first = entry.optional_episode("first_appearance", self.series)
            known_from = entry.optional_episode("known_from", self.series)
            if first is not None and known_from is not None:
                entry.fail("give 'known_from' only when 'first_appearance' is unknown")
            shown = first or known_from
            if shown is not None and shown not in self.episodes:
                entry.fail(f"{shown.code} is not in the episode files")
            intro = (
                Reveal(shown, self.episodes[shown].is_finale, self.carries(entry, shown))
                if shown
                else None
            )
            if intro is None and entry.has("carries"):
                entry.fail("'carries' needs 'first_appearance' or 'known_from'")

            def introduced(
                key: str, max_len: int, entry: Entry = entry, intro: Reveal | None = intro
            ) -> Detail | None:
                text = entry.optional_text(key, max_len=max_len)
                if text is None:
                    return None
                if intro is None:
                    entry.fail(f"{key!r} needs 'first_appearance' or 'known_from'")
                assert intro is not None
                return Detail(text, intro)

            character = Character(
                id=character_id,
                name=name,
                series=self.series,
                aliases=aliases,
                occupation=introduced("occupation", NAME_MAX),
                affiliation=introduced("affiliation", NAME_MAX),
                first_appearance=first,
                known_from=known_from,
                summary=introduced("summary", SYNOPSIS_MAX),
                sources=self.source_ids(entry),
            )
            roles = tuple(self._roles(path, entry, character))
            facts = sorted(
                self._facts(path, entry, character_id),
                key=lambda fact: fact.detail.reveal.episode,
            )
            roles = tuple(_ended(role, facts) for role in roles)
            known_as = tuple(self._known_as(path, entry))
            self.characters[character_id] = replace(
                character, roles=roles, facts=tuple(facts), known_as=known_as
            )

    def _known_as(self, path: Path, entry: Entry) -> Iterable[KnownAs]:
        for n, table in enumerate(entry.tables("known_as"), 1):
            sub = Entry(
                self.rel(path),
                f"{entry.label} known_as #{n}",
                table,
                {"words", "of", "from", "until", "sources"},
            )
            first = sub.episode("from", self.series)
            until = sub.optional_episode("until", self.series)
            for ref in (first, until):
                if ref is not None and ref not in self.episodes:
                    sub.fail(f"{ref.code} is not in the episode files")
            if until is not None and until < first:
                sub.fail("'until' comes before 'from'")
            yield KnownAs(
                words=sub.texts("words", required=True),
                of=sub.optional_text("of", max_len=40),
                first=first,
                until=until,
                sources=self.source_ids(sub),
            )

    def _roles(self, path: Path, entry: Entry, character: Character) -> Iterable[Role]:
        seasons = sorted(ref.number for ref in self.seasons if ref.series == self.series)
        seen: set[tuple[str, str | None]] = set()
        for n, table in enumerate(entry.tables("role"), 1):
            sub = Entry(
                self.rel(path),
                f"{entry.label} role #{n}",
                table,
                {"actor", "credit", "seasons", "sources"},
            )
            actor = sub.text("actor", max_len=NAME_MAX)
            credit = sub.optional_text("credit", max_len=40)
            if (actor, credit) in seen:
                sub.fail(f"{actor!r} is listed twice for this character")
            seen.add((actor, credit))
            high = seasons[-1] if seasons else 1
            yield Role(
                character_id=character.id,
                character_name=character.name,
                series=self.series,
                actor_id=_slug(actor),
                actor_name=actor,
                credit=credit,
                seasons=sub.integers("seasons", low=1, high=high, required=True),
                sources=self.source_ids(sub),
            )

    def _facts(self, path: Path, entry: Entry, character_id: str) -> Iterable[Fact]:
        for key in ("fact", "fate"):
            for n, table in enumerate(entry.tables(key), 1):
                allowed = {"text", "revealed_in", "finale_detail", "carries", "sources"}
                if key == "fate":
                    allowed.add("kind")
                sub = Entry(self.rel(path), f"{entry.label} {key} #{n}", table, allowed)
                kind = FactKind.STORY
                if key == "fate":
                    raw = sub.text("kind", max_len=20)
                    try:
                        kind = FactKind(raw)
                    except ValueError:
                        fates = [k.value for k in FactKind if k.is_fate]
                        sub.fail(f"'kind' must be one of {', '.join(fates)}, not {raw!r}")
                    if not kind.is_fate:
                        sub.fail(f"{raw!r} is not a fate")
                detail = Detail(sub.text("text", max_len=FACT_MAX), self.reveal(sub, "revealed_in"))
                fact = Fact(kind, character_id, detail, self.source_ids(sub))
                yield replace(fact, key=fate_key(fact)) if kind.is_fate else fact

    def read_timeline(self, path: Path) -> None:
        data = _read_toml(path)
        keys = {"year", "text", "first_shown", "finale_detail", "carries", "divergence"}
        keys.add("sources")
        events: list[TimelineEvent] = []
        for index, table in enumerate(_list(data, "event", path), 1):
            entry = Entry(self.rel(path), f"event #{index}", table, keys)
            year = entry.integer("year", low=1900, high=2100)
            text = entry.text("text", max_len=FACT_MAX)
            entry.label = f"event #{index} ({year})"
            events.append(
                TimelineEvent(
                    year=year,
                    detail=Detail(text, self.reveal(entry, "first_shown")),
                    divergence=entry.flag("divergence"),
                    sources=self.source_ids(entry),
                )
            )
        # Errors name entries by number, never by text: the text may be a finale detail.
        seen: dict[str, int] = {}
        for index, event in enumerate(events, 1):
            earlier = seen.setdefault(event.detail.text.casefold(), index)
            if earlier != index:
                raise ContentError(
                    self.rel(path), f"event #{index}", f"repeats event #{earlier} word for word"
                )
        self.events.extend(events)


def _ended(role: Role, facts: Iterable[Fact]) -> Role:
    """Mark a role with the fate that ends it: the last fate shown in its last season."""
    last = role.seasons[-1]
    fates = [
        f.detail.reveal for f in facts if f.kind.is_fate and f.detail.reveal.episode.season == last
    ]
    return replace(role, ended_by=max(fates)) if fates else role


def _list(data: dict[str, object], key: str, path: Path) -> list[object]:
    value = data.get(key, [])
    extra = sorted(set(data) - {key})
    if extra:
        raise ContentError(path, "file", f"unknown top-level key {extra[0]!r}")
    if not isinstance(value, list):
        raise ContentError(path, "file", f"{key!r} must be a list of tables ([[{key}]])")
    return value


def series_folders(root: Path) -> list[Path]:
    """Every series folder under ``root`` (a folder holding ``series.toml``), by name."""
    return sorted(p.parent for p in root.glob("*/series.toml"))


def _read_series_folder(reader: _Reader, folder: Path) -> None:
    """One series' files, after the shared sources (its guard rules come later, once the
    guard's vocabulary and every series' characters are known)."""
    reader.read_seasons(folder / "seasons.toml")
    for path in sorted((folder / "episodes").glob("*.toml")):
        reader.read_episodes(path)
    for path in sorted((folder / "characters").glob("*.toml")):
        reader.read_characters(path)
    if (folder / "timeline.toml").is_file():
        reader.read_timeline(folder / "timeline.toml")
    for season in reader.seasons.values():
        if season.series != reader.series or season.setting is None:
            continue
        for ref in season.setting.reveal.carries:
            if ref not in reader.episodes or not reader.episodes[ref].is_finale:
                raise ContentError(
                    reader.rel(folder / "seasons.toml"), f"season {season.number}", "bad 'carries'"
                )


def _read_series_guard(
    reader: _Reader, folder: Path, series: str, classes: set[str]
) -> GuardRules | None:
    """One series' guard rules (None: it has no guard.toml, so nothing to guard)."""
    characters = {c.id: c for c in reader.characters.values() if c.series == series}
    details = [f for f in reader.finale_facts if f.detail.reveal.episode.series == series]
    guard = folder / "guard.toml"
    if not guard.is_file():
        if details or any(f.kind.is_fate for c in characters.values() for f in c.facts):
            raise ContentError(reader.rel(guard), "file", "fates and finale details need rules")
        return None
    return read_guard_rules(guard, reader.rel(guard), characters, details, classes)


def _check_whole(reader: _Reader, rules: list[GuardRule], label: str) -> None:
    defaults = [s for s in reader.all_series.values() if s.is_default]
    if len(defaults) != 1:
        raise ContentError(label, "series", "exactly one series must have 'default = true'")
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ContentError(label, f"rule {rule.id!r}", "duplicate rule id across series")
        seen.add(rule.id)


def load_content(root: Path) -> ContentBundle:
    """Read and check every canon file under ``root``."""
    if not (root / "sources.toml").is_file():
        raise ContentError(root, "folder", "no sources.toml: is FAMBOT_CONTENT_DIR right?")
    folders = series_folders(root)
    if not folders:
        raise ContentError(root, "folder", "no series folder (one holding series.toml)")
    reader = _Reader(root)
    reader.read_sources(root / "sources.toml")
    for folder in folders:
        if (folder / "sources.toml").is_file():
            reader.read_sources(folder / "sources.toml")
    series_of: dict[Path, str] = {}
    for folder in folders:
        series = reader.read_series(folder)
        reader.series = series_of[folder] = series.code
        reader._names = {}
        _read_series_folder(reader, folder)
    # The guard's vocabulary is one for every series: languages are not a show's.
    vocabulary_folder = root / GUARD_FOLDER
    guarded = any((folder / "guard.toml").is_file() for folder in folders)
    vocabulary, spelled, role_words = (
        read_vocabulary(vocabulary_folder, reader.rel(vocabulary_folder), reader.characters)
        if guarded or vocabulary_folder.is_dir()
        else (Lexicon(), {}, {})
    )
    rules: list[GuardRule] = []
    idioms: list[str] = []
    real: set[str] = set()
    for folder in folders:
        found = _read_series_guard(reader, folder, series_of[folder], set(vocabulary.cues))
        if found is not None:
            rules += found.rules
            idioms += found.idioms
            real |= found.real
    _check_whole(reader, rules, reader.rel(root / "sources.toml"))
    lexicon = guard_lexicon(
        vocabulary,
        spelled,
        reader.characters,
        real,
        idioms,
        reader.rel(vocabulary_folder),
        reader.episodes.values(),
        role_words,
    )
    known = {path.resolve() for path in content_files(root)}
    read = {(root / "sources.toml").resolve()}
    read |= {p.resolve() for p in vocabulary_folder.glob("*.toml")}
    for folder in folders:
        read |= {(folder / name).resolve() for name in SERIES_FILES}
        for sub in SERIES_FOLDERS:
            read |= {p.resolve() for p in (folder / sub).glob("*.toml")}
    stray = sorted(known - read)
    if stray:
        raise ContentError(reader.rel(stray[0]), "file", "is not in a folder the loader reads")
    ordered = sorted(reader.all_series.values(), key=lambda s: (not s.is_default, s.slug))
    return ContentBundle(
        fingerprint=fingerprint(root),
        sources=tuple(reader.sources.values()),
        series=tuple(ordered),
        seasons=tuple(sorted(reader.seasons.values(), key=lambda s: s.ref.key)),
        episodes=tuple(sorted(reader.episodes.values(), key=lambda e: e.ref)),
        characters=tuple(sorted(reader.characters.values(), key=lambda c: c.name.casefold())),
        events=tuple(sorted(reader.events, key=lambda e: (e.year, e.detail.reveal.episode))),
        finale_facts=tuple(reader.finale_facts),
        guard_rules=tuple(rules),
        guard_idioms=tuple(dict.fromkeys(idioms)),
        guard_lexicon=lexicon,
    )
