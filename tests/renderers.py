"""Every public renderer, fed the real content: the one list the leak audit
(``test_spoiler_surfaces``) and the property tests (``test_properties``) both walk.

A renderer is registered with ``@samples(renderer)`` over a function that yields
``Sample``s for it from a ``Canon`` snapshot. ``test_spoiler_surfaces`` fails for any
public function in ``bot/render`` that returns a ``Reply`` or a ``Card`` and is not
registered here, so a new renderer cannot go unaudited.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.canon.content import ContentBundle
from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.canon.models import (
    Actor,
    CanonCounts,
    Character,
    Episode,
    Fact,
    SearchHit,
    Season,
    Series,
    TimelineEvent,
)
from bot.community.journal import Author, Entry, Outcome, Place
from bot.community.records import MistakeReport, ServerSettings
from bot.feedback import find_subject
from bot.render.cards import Card, Reply
from bot.render.episodes import episode_card, season_cards
from bot.render.feedback import Cited, report_log_card, sources_cards
from bot.render.guard import (
    Reason,
    could_not_act_card,
    delayed_card,
    log_card,
    paused_card,
    permission_card,
    tagged_card,
    unreadable_card,
)
from bot.render.info import CommandHelp, about_card, help_card
from bot.render.people import actor_card, character_card
from bot.render.progress import Watched, progress_card
from bot.render.reveal import revealed_card
from bot.render.search import search_cards
from bot.render.spoilers import GuardState, done_card, status_card
from bot.render.timeline import timeline_cards
from bot.spoilers.markup import spoiler
from bot.spoilers.policy import Detail
from bot.store import Store
from tests.spoiler_audit import story_details, words

Renderer = Callable[..., Reply | Card]


@dataclass(frozen=True)
class Canon:
    """What renderers are given, read once through the real store."""

    characters: tuple[Character, ...]
    actors: tuple[Actor, ...]
    episodes: tuple[Episode, ...]
    seasons: tuple[Season, ...]
    events: tuple[TimelineEvent, ...]
    finale_facts: Mapping[EpisodeRef, tuple[Fact, ...]]
    searches: tuple[tuple[str, tuple[SearchHit, ...]], ...]  # a query, what it found
    counts: CanonCounts
    details: tuple[Detail, ...]  # every piece of story text in the content
    series: tuple[Series, ...] = ()
    # What the Sources button lists for each lookup: (subject, title, sources)
    cited: tuple[tuple[str, str, tuple[Cited, ...]], ...] = ()
    commands: tuple[CommandHelp, ...] = ()  # /help's lines, from the real command tree

    def episode(self, ref: EpisodeRef | None) -> Episode | None:
        return next((e for e in self.episodes if e.ref == ref), None)

    def series_of(self, code: str) -> Series:
        return next(s for s in self.series if s.code == code)


async def read_canon(store: Store, bundle: ContentBundle) -> Canon:
    canon = store.canon
    characters = [await canon.character(c.id) for c in bundle.characters]
    actor_ids = sorted({role.actor_id for c in bundle.characters for role in c.roles})
    actors = [await canon.actor(actor_id) for actor_id in actor_ids]
    seasons = [await canon.season(s.ref) for s in bundle.seasons]
    episodes = await canon.episodes()
    details = story_details(bundle)
    searches = []
    for detail in details:
        if detail.reveal.finale_detail:  # what a member might type looking for a finale
            query = " ".join(words(detail.text)[:4])
            searches.append((query, await canon.search(query)))
    return Canon(
        characters=tuple(c for c in characters if c is not None),
        actors=tuple(a for a in actors if a is not None),
        episodes=episodes,
        seasons=tuple(s for s in seasons if s is not None),
        events=await canon.events(),
        finale_facts={e.ref: await canon.finale_facts(e.ref) for e in episodes if e.is_finale},
        searches=tuple(searches),
        counts=await canon.counts(),
        details=tuple(details),
        series=await canon.series(),
        cited=tuple(await _cited(store, bundle)),
    )


async def _cited(store: Store, bundle: ContentBundle) -> list[tuple[str, str, tuple[Cited, ...]]]:
    """What Sources lists under every lookup reply the content allows."""
    subjects = [f"character:{c.id}" for c in bundle.characters]
    subjects += sorted({f"actor:{r.actor_id}" for c in bundle.characters for r in c.roles})
    subjects += [f"episode:{e.ref.key}" for e in bundle.episodes]
    subjects += [f"season:{s.ref.key}" for s in bundle.seasons]
    subjects += [f"timeline:{s.code}:::" for s in bundle.series]
    found = []
    for subject in subjects:
        named = await find_subject(store.canon, subject)
        assert named is not None, subject
        reveals = await store.canon.source_reveals(named.sources)
        sources = await store.canon.sources(named.sources)
        cited = tuple(Cited(s, reveals.get(s.id)) for s in sources)
        found.append((subject, named.about, cited))
    return found


@dataclass(frozen=True)
class Sample:
    """One call of a renderer. ``typed``: what the member typed, which the reply echoes
    back (words they typed are not news to them)."""

    name: str
    make: Callable[[], Reply | Card]
    typed: str = ""
    renderer: Renderer | None = field(default=None, compare=False)

    def reply(self) -> Reply:
        made = self.make()
        return made if isinstance(made, Reply) else Reply((made,))


REGISTRY: dict[Renderer, Callable[[Canon], Iterator[Sample]]] = {}


def samples(
    renderer: Renderer,
) -> Callable[[Callable[[Canon], Iterator[Sample]]], Callable[[Canon], Iterator[Sample]]]:
    def register(make: Callable[[Canon], Iterator[Sample]]) -> Callable[[Canon], Iterator[Sample]]:
        REGISTRY[renderer] = make
        return make

    return register


def every_sample(canon: Canon) -> list[Sample]:
    found: list[Sample] = []
    for renderer, make in REGISTRY.items():
        found += [Sample(s.name, s.make, s.typed, renderer) for s in make(canon)]
    return found


def _call(renderer: Renderer, *args: Any, **kwargs: Any) -> Callable[[], Reply | Card]:
    return functools.partial(renderer, *args, **kwargs)


# --- the show's content ------------------------------------------------------------


@samples(character_card)
def _characters(canon: Canon) -> Iterator[Sample]:
    for c in canon.characters:
        first = canon.episode(c.first_appearance)
        series = canon.series_of(c.series)
        yield Sample(f"character {c.id}", _call(character_card, c, first, series))


@samples(actor_card)
def _actors(canon: Canon) -> Iterator[Sample]:
    for actor in canon.actors:
        yield Sample(f"actor {actor.id}", _call(actor_card, actor, canon.series))


@samples(episode_card)
def _episodes(canon: Canon) -> Iterator[Sample]:
    for e in canon.episodes:
        outcomes = canon.finale_facts.get(e.ref, ())
        series = canon.series_of(e.ref.series)
        yield Sample(f"episode {e.ref.code}", _call(episode_card, e, outcomes, series))


@samples(season_cards)
def _seasons(canon: Canon) -> Iterator[Sample]:
    for s in canon.seasons:
        episodes = [e for e in canon.episodes if e.ref.season_ref == s.ref]
        series = canon.series_of(s.series)
        yield Sample(f"season {s.ref.label}", _call(season_cards, s, episodes, series))


@samples(timeline_cards)
def _timelines(canon: Canon) -> Iterator[Sample]:
    for series in canon.series:
        events = [e for e in canon.events if e.detail.reveal.episode.series == series.code]
        yield Sample(f"timeline {series.name}", _call(timeline_cards, events, "all years"))
    for season in sorted({e.detail.reveal.season for e in canon.events}):
        events = [e for e in canon.events if e.detail.reveal.season == season]
        yield Sample(f"timeline {season.label}", _call(timeline_cards, events, "season"))
    for year in sorted({e.year for e in canon.events}):
        events = [e for e in canon.events if e.year == year]
        # The title repeats the years the member asked for ("Timeline · 2012").
        yield Sample(f"timeline {year}", _call(timeline_cards, events, str(year)), typed=str(year))


@samples(search_cards)
def _searches(canon: Canon) -> Iterator[Sample]:
    for query, hits in canon.searches:
        yield Sample(f"search {query!r}", _call(search_cards, query, hits, []), typed=query)
    yield Sample("search, nothing", _call(search_cards, "zzqq", (), ["Gordon Stevens"]))


@samples(sources_cards)
def _sources(canon: Canon) -> Iterator[Sample]:
    for subject, about, cited in canon.cited:
        yield Sample(f"sources {subject}", _call(sources_cards, about, cited))


@samples(report_log_card)
def _report_logs(canon: Canon) -> Iterator[Sample]:
    """A member's report quoting a finale detail: their words, behind a tag."""
    when = datetime(2026, 11, 30, tzinfo=UTC)
    for detail in [d for d in canon.details if d.reveal.finale_detail][:20]:
        text = f"Wrong! {detail.text} see https://example.com/x <@1> @everyone"
        report = MistakeReport(1, 2, 3, 4, 5, "character:gordo-stevens", text, text, when, False)
        make = _call(report_log_card, report, "Character Gordon Stevens", None)
        yield Sample(f"report {detail.text[:20]!r}", make, typed=text)


@samples(revealed_card)
def _reveals(canon: Canon) -> Iterator[Sample]:
    for c in canon.characters:
        if c.facts:
            held = [f.detail for f in c.facts]
            yield Sample(f"reveal {c.id}", _call(revealed_card, held))


@samples(progress_card)
def _progress(canon: Canon) -> Iterator[Sample]:
    for e in canon.episodes:
        watched = [Watched(canon.series_of(e.ref.series), e)]
        yield Sample(f"progress {e.ref.code}", _call(progress_card, watched, action="saved"))
    everything = [Watched(s, None) for s in canon.series]
    yield Sample("progress caught up", _call(progress_card, everything, action="shown"))
    yield Sample("progress cleared", _call(progress_card, [], action="cleared"))
    # Progress saved at an episode the canon no longer lists (the data changed).
    last = canon.episodes[-1].ref
    gone = EpisodeRef(last.season, last.number + 1, last.series)
    show = canon.series_of(last.series)
    lost = [Watched(show, None, missing=gone, move_to=last)]
    yield Sample("progress lost", _call(progress_card, lost, action="shown"))
    others = [Watched(s, None) for s in canon.series if s != show]
    stranded = [Watched(show, None, missing=gone), *others]
    yield Sample("progress lost, nothing before", _call(progress_card, stranded, action="shown"))


# --- the bot and the server ----------------------------------------------------------


@samples(help_card)
def _help(canon: Canon) -> Iterator[Sample]:
    yield Sample("help", _call(help_card, canon.commands, canon.series))


@samples(about_card)
def _about(canon: Canon) -> Iterator[Sample]:
    loaded = datetime(2026, 11, 24, tzinfo=UTC)
    yield Sample("about", _call(about_card, canon.counts, "0123456789abcdef", loaded))
    yield Sample("about, never loaded", _call(about_card, canon.counts, "none", None))


@samples(status_card)
def _status(canon: Canon) -> Iterator[Sample]:
    quiet = GuardState(reading_messages=True, missing={})
    yield Sample("status, defaults", _call(status_card, ServerSettings(1), {}, quiet))
    busy = ServerSettings(
        1,
        embargo_days=14,
        tag_finales=False,
        guard_enabled=True,
        log_channel_id=3,
        spoiler_channels=frozenset({4}),
        exempt_channels=frozenset({5}),
        exempt_roles=frozenset({6}),
        terms=("boots on Mars",),
    )
    embargo = {e.ref: datetime(2026, 12, 1, tzinfo=UTC) for e in canon.episodes[-2:]}
    gaps = GuardState(
        reading_messages=False,
        missing={4: ["manage_messages"]},
        tagged_this_week=9,
        given_up_this_week=2,
        still_up=3,
        awaiting_copy=4,
        invalid_requests=1200,
        paused=True,
        not_covered=("Thread and forum post titles: shown as plain text.",),
    )
    yield Sample("status, everything set", _call(status_card, busy, embargo, gaps))


@samples(done_card)
def _done(canon: Canon) -> Iterator[Sample]:
    yield Sample("done", _call(done_card, "Embargo off."))
    # A server's extra terms are spoilers by design: listed tagged, as /spoilers terms does.
    finales = [d for d in canon.details if d.reveal.finale_detail][:5]
    terms = [" ".join(words(d.text)[:3]) for d in finales]
    text = f"Extra terms ({len(terms)}), hidden:\n" + "\n".join(spoiler(t) for t in terms)
    yield Sample("done, terms", _call(done_card, text), typed=" ".join(terms))  # theirs


# --- what the spoiler guard says -------------------------------------------------------


def _reasons(canon: Canon) -> Iterator[tuple[str, Reason]]:
    yield "finale", Reason(finale_seasons=(SeasonRef("", 2), SeasonRef("", 3), SeasonRef("SC", 1)))
    yield "recent", Reason(recent=tuple(e.ref for e in canon.episodes[-2:]))
    yield "terms and moderator", Reason(server_terms=True, moderator=True)


@samples(log_card)
def _logs(canon: Canon) -> Iterator[Sample]:
    for name, reason in _reasons(canon):
        keys = ["fate:gordo-stevens:S2E10", "term:boots on mars"]
        url = "https://discord.com/channels/1/2/3"
        yield Sample(f"log {name}", _call(log_card, 1, 2, reason, keys, url, False))
        yield Sample(f"log {name}, edited", _call(log_card, 1, 2, reason, [], None, True))


@samples(permission_card)
def _permissions(canon: Canon) -> Iterator[Sample]:
    yield Sample("permission gap", _call(permission_card, 2, "Manage Messages, Attach Files"))


def _entries(count: int, **changes: Any) -> list[Entry]:
    made = datetime(2026, 11, 24, tzinfo=UTC)
    return [
        Entry(
            message_id=1000 + n,
            place=Place(1, 2, 2),
            author=Author(10 + n % 3, "Bob", "https://cdn.example/a.png"),
            content="(the member's text is never shown in the mod log)",
            revision=made,
            reason=str(Reason(finale_seasons=(SeasonRef("", 2), SeasonRef("", 3)))),
            rules=("fate:gordo-stevens:S2E10", "term:boots on mars"),
            seen_at=made,
            repost_id=5000 + n,
            **changes,
        )
        for n in range(count)
    ]


@samples(tagged_card)
def _tagged(canon: Canon) -> Iterator[Sample]:
    yield Sample("tagged, one", _call(tagged_card, 2, _entries(1)))
    yield Sample("tagged, a burst", _call(tagged_card, 2, _entries(45, edited=True)))


@samples(could_not_act_card)
def _could_not_act(canon: Canon) -> Iterator[Sample]:
    for outcome in Outcome:
        entries = _entries(3, outcome=outcome.value)
        yield Sample(f"could not act, {outcome.name}", _call(could_not_act_card, 2, entries))


@samples(unreadable_card)
def _unreadable(canon: Canon) -> Iterator[Sample]:
    for count in (1, 3, 25):
        entries = [
            dataclasses.replace(e, repost_id=None)
            for e in _entries(count, outcome=Outcome.UNREADABLE.value)
        ]
        yield Sample(f"could not read, {count}", _call(unreadable_card, 2, entries))


@samples(delayed_card)
def _delayed(canon: Canon) -> Iterator[Sample]:
    yield Sample("delayed", _call(delayed_card, 2, 12))


@samples(paused_card)
def _paused(canon: Canon) -> Iterator[Sample]:
    yield Sample("paused", _call(paused_card, 1000))


from tests import renderers_review  # noqa: E402, F401  (registers issue 9's renderers)
