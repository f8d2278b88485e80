"""Reading ``data/canon/guard.toml``: the spoiler guard's rules, checked against the facts.

Every fate gets a rule from the character's names and the words for its kind of fate;
every finale detail must be covered by at least one written rule.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.canon.fields import ContentError, Entry
from bot.canon.models import Character, Fact, FactKind, GuardRule
from bot.spoilers.policy import Reveal


def character_names(character: Character, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """Every name a member might use: full name, first name, aliases, spellings in other
    scripts, and the actors' names ("Michael Dorman's character dies")."""
    first = character.name.split()[0]
    names = [character.name, *character.aliases, *extra]
    if len(first) >= 3:
        names.append(first)
    names += [role.actor_name for role in character.roles]
    return tuple(dict.fromkeys(names))


def _code(fact: Fact) -> str:
    return fact.detail.reveal.episode.code.replace(" ", "-")


def fate_key(fact: Fact) -> str:
    return f"fate:{fact.subject_id}:{fact.detail.reveal.episode.code}"


def read_guard_rules(
    path: Path,
    label: str,
    characters: Mapping[str, Character],
    finale_facts: Sequence[Fact],
) -> tuple[tuple[GuardRule, ...], tuple[str, ...]]:
    """The rules, and the idioms the guard never counts."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(label, "file", f"cannot be read as TOML ({error})") from None
    head = Entry(label, "file", data, {"fate_words", "names", "ignore", "rule"})
    words = Entry(label, "fate_words", data.get("fate_words", {}), {k.value for k in FactKind})
    spelled = Entry(label, "names", data.get("names", {}), set(characters))
    variants = {cid: spelled.texts(cid) for cid in characters if spelled.has(cid)}
    rules: list[GuardRule] = []
    for character in characters.values():
        for fact in character.facts:
            if not fact.kind.is_fate:
                continue
            actions = words.texts(fact.kind.value, required=True)
            rules.append(
                GuardRule(
                    id=f"fate-{character.id}-{_code(fact)}".lower(),
                    reveal=fact.detail.reveal,
                    subjects=character_names(character, variants.get(character.id, ())),
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
        subjects: list[str] = []
        for subject in entry.texts("subjects", required=True):
            if subject.startswith("@"):
                named = characters.get(subject[1:])
                if named is None:
                    entry.fail(f"{subject!r} is not a character id")
                subjects.extend(character_names(named, variants.get(named.id, ())))
            else:
                subjects.append(subject)
        reveal = max(details[c].detail.reveal for c in covers)
        rules.append(
            GuardRule(
                id=rule_id,
                reveal=Reveal(reveal.episode, reveal.finale, reveal.carries),
                subjects=tuple(dict.fromkeys(subjects)),
                actions=entry.texts("actions"),
                covers=covers,
            )
        )
    uncovered = sorted(set(details) - covered)
    if uncovered:
        raise ContentError(label, "rules", f"no rule covers the finale detail {uncovered[0]!r}")
    return tuple(rules), head.texts("ignore")
