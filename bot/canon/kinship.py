"""Relations the canon implies from the ones it states, for the spoiler guard: fans name
people by them ("Alex's grandma", "Jimmy's stepdad", "Karen's widower") although no
character file lists them. A parent's parent is a grandparent; a parent's spouse who is
no parent of the child is a step-parent; a spouse of someone whose death the canon
records is their widow or widower from that season on. Each is known from both sides.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.guard.lexicon import OPEN_ENDED, Role

_PARENT = frozenset({"father", "mother"})
_CHILD = frozenset({"son", "daughter"})
_SPOUSE = frozenset({"husband", "wife", "widow"})


def _said(role: Role) -> set[str]:
    return {p for w in role.words for p in w.split("|")}


def _word(gender: str | None, she: str, he: str) -> str:
    return she if gender == "she" else he if gender == "he" else f"{she}|{he}"


def implied_relations(
    roles: Mapping[str, list[Role]],
    genders: Mapping[str, str | None],
    deaths: Mapping[str, int],
) -> dict[str, list[Role]]:
    """The relations ``roles`` (each character's stated relations and their inverses)
    imply, by character id. ``deaths``: the season in which each character's death is
    revealed."""
    parents: dict[str, dict[str, int]] = {}  # child -> parent -> from season
    spouses: dict[str, dict[str, tuple[int, int]]] = {}  # -> spouse -> seasons
    for person, known in roles.items():
        for role in known:
            if role.of is None:
                continue
            said = _said(role)
            if said & _PARENT:
                parents.setdefault(role.of, {})[person] = role.first
            if said & _CHILD:
                parents.setdefault(person, {})[role.of] = role.first
            if said & _SPOUSE:
                spouses.setdefault(person, {})[role.of] = (role.first, role.last)
    found: dict[str, list[Role]] = {}

    def add(who: str, word: str, of: str, first: int, last: int = OPEN_ENDED) -> None:
        role = Role(words=(word,), of=of, first=first, last=last)
        if role not in found.setdefault(who, []):
            found[who].append(role)

    for child, theirs in parents.items():
        for parent, since in theirs.items():
            for grand, also in parents.get(parent, {}).items():
                first = max(since, also)
                add(grand, _word(genders.get(grand), "grandmother", "grandfather"), child, first)
                add(child, _word(genders.get(child), "granddaughter", "grandson"), grand, first)
            for step, (married, parted) in spouses.get(parent, {}).items():
                if step in theirs or step == child:
                    continue
                first = max(since, married)
                parent_word = _word(genders.get(step), "stepmother", "stepfather")
                add(step, parent_word, child, first, parted)
                child_word = _word(genders.get(child), "stepdaughter", "stepson")
                add(child, child_word, step, first, parted)
    for person, married_to in spouses.items():
        for spouse, (married, _parted) in married_to.items():
            died = deaths.get(spouse)
            if died is not None and died >= married:
                add(person, "widow", spouse, died)
    return found
