"""Reading the spoiler guard's data: each series' ``data/canon/<series>/guard.toml`` (the
rules, checked against that series' facts) and ``data/canon/guard/*.toml`` (the
vocabulary, one file per language, shared by every series).

Every fate gets a rule from the character and the meaning classes for its kind of fate;
every finale detail must be covered by at least one written rule. The vocabulary and the
characters' names and roles (of every series) become the guard's ``Lexicon``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.canon.fields import ContentError, Entry, decode_utf8, read_bytes
from bot.canon.kinship import implied_relations
from bot.canon.models import Character, Episode, Fact, FactKind, GuardRule
from bot.guard.lexicon import LANGUAGES, OPEN_ENDED, Lexicon, Person, Role
from bot.spoilers.policy import Reveal

# The grammar lists a language file may give (see en.toml; the guard's stages in bot/guard/,
# who.py to together.py, read them).
GRAMMAR = frozenset(
    {
        "negation",
        "first_person",
        "first_object",
        "hedge",
        "she",
        "it",
        "wish",
        "expecting",
        "expected_modal",
        "laughter",
        "literal",
        "he",
        "feminine",
        "masculine",
        "pronoun",
        "group",
        "counted_among",
        "owner",
        "copula",
        "confirming",
        "namesake_owner",
        "namesake_noun",
        "namesake_place",
        "namesake_of",
        "original_of",
        "place_owner",
        "exit_verb",
        "show_version",
        "show_place",
        "common_noun",
        "absent_from",
        "real",
        "show",
        "show_talk",
        "asking",
        "asking_unmarked",
        "presuming",
        "only",
        "ours",
        "makers",
        "wondering",
        "unnegated",
        "not_until",
        "cleft_what",
        "saying",
        "given",
        "answer_aside",
        "unnamed_people",
        "who_prompt",
        "answer_yes",
        "answer_no",
        "leading",
        "asked_fate",
        "wants_it",
        "relating",
        "dying_of",
        "no_spoilers",
        "asked_who",
        "absent",
        "needs_object",
        "passive",
        "crossed",
        "desire",
        "self_noun",
        "contracted_is",
        "body_part",
        "to_death",
        "writers_people",
        "performance",
        "figure_object",
        "describing",
        "fond_address",
        "unlike",
        "partnered",
        "possessive",
        "determiner",
        "only_literal",
        "literally",
        "death_joke",
        "correcting",
        "departing",
        "departing_when",
        "departing_between",
        "counting",
        "reaction",
        "departing_together",
        "job_as",
        "rank_title",
        "by_time",
        "first_seen_3",
        "reaching_end",
        "season_noun",
        "homecoming",
        "dedicating",
        "laughing_fate",
        "faint_fate",
        "misspelt_death",
        "contrasting",
        "comparing",
        "judging",
        "supposing",
        "supposing_subject",
        "unreal",
        "unreal_past",
        "imagining",
        "ousting",
        "object_pronoun",
        "object_marker",
        "former",
        "other_title",
        "pet_after",
        "particle",
        "crowd",
        "they",
    }
)
LANGUAGE_KEYS = {"language", "function_words", "idioms", "cues", "weak_cues", "words"}
LANGUAGE_KEYS |= {"relations", "names", "roles"}
# A name opening with an article is a title: its words are not a first name and a
# surname ("The" would otherwise name Star City's Chief Designer in every message).
TITLE_ARTICLES = frozenset({"the", "a", "an"})


def character_names(character: Character, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """Every name a member might use: full name, first name, surname, aliases, spellings
    in other scripts, and the actors' names ("Michael Dorman's character dies")."""
    parts = character.name.split()
    names = [character.name, *character.aliases, *extra]
    if parts[0].casefold() in TITLE_ARTICLES:
        parts = []  # a title ("The Chief Designer"), not a first name and a surname
    if parts and len(parts[0]) >= 3:
        names.append(parts[0])
    if len(parts) > 1 and len(parts[-1]) >= 4:
        names.append(parts[-1])  # the surname ("Cobb", "Stevens"): shared names are sorted
    names += [role.actor_name for role in character.roles]
    return tuple(dict.fromkeys(names))


def _code(fact: Fact) -> str:
    return fact.detail.reveal.episode.code.replace(" ", "-")


def fate_key(fact: Fact) -> str:
    return f"fate:{fact.subject_id}:{fact.detail.reveal.episode.code}"


def _load(path: Path, label: str) -> dict[str, Any]:
    # Read and decoded as every other content file is, so a problem reads the same.
    text = decode_utf8(label, read_bytes(path))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(label, "file", f"not valid TOML ({error})") from None


def read_vocabulary(
    folder: Path, label: str, characters: Mapping[str, Character]
) -> tuple[Lexicon, dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The language files, merged; the extra spellings of names they give; and the words
    of every language for each word of the characters' roles (``[roles]``: "director" ->
    "fr:directrice", "de:direktorin"...)."""
    cues: dict[str, list[str]] = {}
    weak: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    relations: dict[str, list[str]] = {}
    idioms: list[str] = []
    spelled: dict[str, list[str]] = {}
    role_words: dict[str, list[str]] = {}
    paths = sorted(folder.glob("*.toml"))
    if not any(p.name == "en.toml" for p in paths):
        raise ContentError(label, "folder", "needs en.toml, which defines the meaning classes")
    paths.sort(key=lambda p: p.name != "en.toml")  # English first: it names the classes
    for path in paths:
        where = f"{label}/{path.name}"
        entry = Entry(where, "file", _load(path, where), LANGUAGE_KEYS)
        language = entry.text("language", max_len=8)
        if language != path.stem:
            entry.fail(f"'language' is {language!r} but the file is {path.name}")
        if language not in LANGUAGES:
            entry.fail(f"the guard reads no language {language!r} (bot/guard/lexicon.py)")

        def marked(phrases: Sequence[str], language: str = language) -> list[str]:
            # The language's code on every phrase but English ones ("es:muere")
            return [p if language == "en" else f"{language}:{p}" for p in phrases]

        words[f"function_{language}"] = marked(entry.texts("function_words"))
        idioms += marked(entry.texts("idioms"))
        for key, into in (("cues", cues), ("weak_cues", weak)):
            table = Entry(where, key, entry.table(key), set(cues) if cues else None)
            for cls in table.keys():  # noqa: SIM118 - Entry is not a dict
                into.setdefault(cls, []).extend(marked(table.texts(cls)))
        grammar = Entry(where, "words", entry.table("words"), set(GRAMMAR))
        for key in grammar.keys():  # noqa: SIM118
            words.setdefault(key, []).extend(marked(grammar.texts(key)))
        related = Entry(where, "relations", entry.table("relations"), None)
        for key in related.keys():  # noqa: SIM118
            relations.setdefault(key, []).extend(marked(related.texts(key)))
        names = Entry(where, "names", entry.table("names"), set(characters))
        for cid in names.keys():  # noqa: SIM118
            spelled.setdefault(cid, []).extend(marked(names.texts(cid)))
        roles = Entry(where, "roles", entry.table("roles"), None)
        for word in roles.keys():  # noqa: SIM118
            role_words.setdefault(word, []).extend(marked(roles.texts(word)))
    lexicon = Lexicon(
        cues={k: tuple(v) for k, v in cues.items()},
        weak_cues={k: tuple(v) for k, v in weak.items()},
        words={k: tuple(v) for k, v in words.items()},
        relations={k: tuple(v) for k, v in relations.items()},
        idioms=tuple(dict.fromkeys(idioms)),
    )
    return (
        lexicon,
        {k: tuple(v) for k, v in spelled.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in role_words.items()},
    )


# What a relation is seen from the other side, by the gender of whoever it names there:
# Ed is Karen's husband, so Karen is Ed's wife; Gordo is Danny's father, so Danny is his son.
_INVERSE = {
    "husband": ("wife", "husband"),
    "wife": ("wife", "husband"),
    "widow": ("wife", "husband"),
    "father": ("daughter", "son"),
    "mother": ("daughter", "son"),
    "son": ("mother", "father"),
    "daughter": ("mother", "father"),
    "brother": ("sister", "brother"),
    "sister": ("sister", "brother"),
    "friend": ("friend", "friend"),
    "partner": ("partner", "partner"),
    "lover": ("lover", "lover"),
    "mentor": ("protege", "protege"),
    "protege": ("mentor", "mentor"),
    "counterpart": ("counterpart", "counterpart"),
    "crewmate": ("crewmate", "crewmate"),
}
_FEMININE = frozenset({"wife", "widow", "mother", "daughter", "sister"})
_MASCULINE = frozenset({"husband", "father", "son", "brother"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_HE = frozenset({"he", "him", "his", "himself"})


def _gender(character: Character) -> str | None:
    """ "she" or "he": from the relations a character is known by (wife, son...), else
    from the pronouns of their summary and facts, when those clearly agree."""
    said = {w for k in character.known_as if k.of for word in k.words for w in word.split("|")}
    if said & _FEMININE and not said & _MASCULINE:
        return "she"
    if said & _MASCULINE and not said & _FEMININE:
        return "he"
    texts = [character.summary.text] if character.summary else []
    texts += [fact.detail.text for fact in character.facts]
    words = " ".join(texts).casefold().replace(",", " ").replace(".", " ").split()
    she = sum(w in _SHE for w in words)
    he = sum(w in _HE for w in words)
    if she >= 2 and she > 2 * he:
        return "she"
    if he >= 2 and he > 2 * she:
        return "he"
    return None


# A spouse's relation word tells the other's gender when nothing else does: Molly is
# Wayne's wife, so Wayne is a "he"; Deke is Marge's husband, so Marge is a "she".
_SPOUSE_OF = {"wife": "he", "widow": "he", "husband": "she"}


def _spouses_gender(characters: Mapping[str, Character], genders: dict[str, str | None]) -> None:
    for character in characters.values():
        for known in character.known_as:
            if known.of is None or genders.get(known.of) is not None:
                continue
            said = {w for word in known.words for w in word.split("|")}
            guesses = {_SPOUSE_OF[w] for w in said if w in _SPOUSE_OF}
            if len(guesses) == 1:
                genders[known.of] = guesses.pop()


def _inverse(
    character: Character,
    characters: Mapping[str, Character],
    genders: Mapping[str, str | None],
) -> list[Role]:
    """The relations others are known by that point at this character, seen from here:
    Karen is "Ed's wife" because Ed is known as her husband."""
    mine = {k.of for k in character.known_as if k.of}
    found: list[Role] = []
    for other in characters.values():
        if other.id == character.id or other.id in mine:
            continue
        for known in other.known_as:
            if known.of != character.id:
                continue
            for word in (w for words in known.words for w in words.split("|")):
                inverse = _INVERSE.get(word)
                if inverse is None:
                    continue
                she, he = inverse
                gender = genders.get(character.id)
                said = she if gender == "she" else he if gender == "he" else f"{she}|{he}"
                found.append(
                    Role(
                        words=(said,),
                        of=other.id,
                        first=known.first.season,
                        last=known.until.season if known.until else OPEN_ENDED,
                    )
                )
                break
    return found


def _people(
    characters: Mapping[str, Character],
    spelled: Mapping[str, tuple[str, ...]],
    real: set[str],
    relations: Mapping[str, tuple[str, ...]],
    label: str,
    role_words: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[Person, ...]:
    relation_names = {part for key in relations for part in key.split("+")}
    genders = {cid: _gender(character) for cid, character in characters.items()}
    _spouses_gender(characters, genders)
    stated: dict[str, list[Role]] = {}
    for character in characters.values():
        roles = []
        for known in character.known_as:
            where = f"character {character.id!r} known_as"
            if known.of is not None:
                if known.of not in characters:
                    raise ContentError(label, where, f"{known.of!r} is not a character id")
                unknown = [p for w in known.words for p in w.split("|") if p not in relation_names]
                if unknown:
                    raise ContentError(
                        label, where, f"{unknown[0]!r} is no relation in data/canon/guard"
                    )
            roles.append(
                Role(
                    words=known.words if known.of else _translated(known.words, role_words),
                    of=known.of,
                    first=known.first.season,
                    last=known.until.season if known.until else OPEN_ENDED,
                )
            )
        roles += _inverse(character, characters, genders)
        stated[character.id] = roles
    deaths = {
        c.id: f.detail.reveal.episode.season
        for c in characters.values()
        for f in c.facts
        if f.kind is FactKind.DEATH
    }
    for cid, implied in implied_relations(stated, genders, deaths).items():
        stated[cid] += implied
    people = []
    for character in characters.values():
        roles = [
            r
            for r in stated[character.id]
            if r.of is None or all(p in relation_names for w in r.words for p in w.split("|"))
        ]
        people.append(
            Person(
                id=character.id,
                names=character_names(character, spelled.get(character.id, ())),
                real=character.id in real,
                roles=tuple(roles),
                gender=genders[character.id],
            )
        )
    return tuple(people)


def _translated(
    words: tuple[str, ...], role_words: Mapping[str, tuple[str, ...]] | None
) -> tuple[str, ...]:
    """A role's words with their words in every language (``[roles]`` of the language
    files): "jsc" + "director|head" is also "jsc" + "fr:directrice|de:leiterin|..."."""
    if not role_words:
        return words
    slots = []
    for slot in words:
        alternatives = slot.split("|")
        more = [t for a in alternatives for t in role_words.get(a, ())]
        slots.append("|".join(dict.fromkeys(alternatives + more)))
    return tuple(slots)


@dataclass(frozen=True)
class GuardRules:
    """One series' guard.toml, read."""

    rules: tuple[GuardRule, ...]
    idioms: tuple[str, ...]  # phrases the guard never counts (``ignore``)
    real: frozenset[str]  # ids of the characters who portray real people


def read_guard_rules(
    path: Path,
    label: str,
    characters: Mapping[str, Character],
    finale_facts: Sequence[Fact],
    classes: set[str],
) -> GuardRules:
    """One series' rules, checked against its characters, its finale details and the
    meaning classes of the vocabulary (``read_vocabulary``)."""
    data = _load(path, label)
    head = Entry(label, "file", data, {"fate_cues", "ignore", "rule", "real_people"})

    def check_actions(entry: Entry, actions: Sequence[str]) -> None:
        for action in actions:
            if action.startswith("@") and action[1:] not in classes:
                entry.fail(f"{action!r} is no meaning class of data/canon/guard/en.toml")

    def person(entry: Entry, reference: str) -> str:
        if reference[1:] not in characters:
            entry.fail(f"{reference!r} is not a character id")
        return reference

    cue_table = Entry(label, "fate_cues", data.get("fate_cues", {}), {k.value for k in FactKind})
    real = {person(head, r)[1:] for r in head.texts("real_people")}
    rules: list[GuardRule] = []
    for character in characters.values():
        for fact in character.facts:
            if not fact.kind.is_fate:
                continue
            actions = cue_table.texts(fact.kind.value, required=True)
            check_actions(cue_table, actions)
            rules.append(
                GuardRule(
                    id=f"fate-{character.id}-{_code(fact)}".lower(),
                    reveal=fact.detail.reveal,
                    subjects=(f"@{character.id}",),
                    actions=actions,
                    covers=(fate_key(fact),),
                )
            )
    details = {fact.key: fact for fact in finale_facts if fact.key}
    covered: set[str] = set()
    seen: set[str] = set()
    for index, table in enumerate(head.tables("rule"), 1):
        entry = Entry(label, f"rule #{index}", table, {"id", "covers", "subjects", "actions"})
        rule_id = entry.text("id", max_len=60)
        entry.label = f"rule {rule_id!r}"
        if rule_id in seen:
            entry.fail("duplicate rule id")
        seen.add(rule_id)
        covers = entry.texts("covers", required=True)
        unknown = [c for c in covers if c not in details]
        if unknown:
            entry.fail(f"covers {unknown[0]!r}, which is no finale detail's id")
        covered.update(covers)
        subjects = [
            person(entry, s) if s.startswith("@") else s
            for s in entry.texts("subjects", required=True)
        ]
        actions = entry.texts("actions")
        check_actions(entry, actions)
        reveal = max(details[c].detail.reveal for c in covers)
        rules.append(
            GuardRule(
                id=rule_id,
                reveal=Reveal(reveal.episode, reveal.finale, reveal.carries),
                subjects=tuple(dict.fromkeys(subjects)),
                actions=actions,
                covers=covers,
            )
        )
    uncovered = sorted(set(details) - covered)
    if uncovered:
        raise ContentError(label, "rules", f"no rule covers the finale detail {uncovered[0]!r}")
    return GuardRules(tuple(rules), head.texts("ignore"), frozenset(real))


def guard_lexicon(
    vocabulary: Lexicon,
    spelled: Mapping[str, tuple[str, ...]],
    characters: Mapping[str, Character],
    real: set[str],
    idioms: Iterable[str],
    label: str,
    episodes: Iterable[Episode] = (),
    role_words: Mapping[str, tuple[str, ...]] | None = None,
) -> Lexicon:
    """What the guard knows: the vocabulary, every series' characters (names, spellings,
    roles and relations), the idioms of every series' rules and the episodes' titles."""
    people = _people(characters, spelled, real, vocabulary.relations, label, role_words)
    titles: dict[str, set[str]] = {}
    years: list[int] = []
    for episode in episodes:
        years.extend(episode.years)
        if episode.title:
            ref = episode.ref
            key = f"{ref.season}:{ref.number}:{int(episode.is_finale)}"
            titles.setdefault(episode.title, set()).add(key)
    return Lexicon(
        people=people,
        cues=vocabulary.cues,
        weak_cues=vocabulary.weak_cues,
        words=vocabulary.words,
        relations=vocabulary.relations,
        idioms=tuple(dict.fromkeys((*vocabulary.idioms, *idioms))),
        # a title two series share places nothing
        episodes={t: keys.pop() for t, keys in sorted(titles.items()) if len(keys) == 1},
        last_year=max(years, default=None),
    )
