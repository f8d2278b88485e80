"""The guard's evidence in words a moderator can check: which character, which of the
member's words, and which canon detail it would give away (``Clue``s for the renderers).
The detail comes from the canon data the rule covers, as a ``Detail``, so the composer
tags it as the spoiler policy says."""

from __future__ import annotations

from bot.canon.episodes import EpisodeRef
from bot.guard import Finding
from bot.render.guard_review import Clue
from bot.spoilers.policy import Detail
from bot.store.canon import CanonRepository

CLUES_MAX = 10


async def clues_for(canon: CanonRepository, finding: Finding) -> list[Clue]:
    """The finding's evidence, best first, one clue per rule and wording."""
    rules = {r.id: r for r in await canon.guard_rules()}
    clues: list[Clue] = []
    seen: set[tuple[str, str, str]] = set()
    for evidence in finding.evidence:
        key = (evidence.rule, evidence.subject.casefold(), evidence.outcome.casefold())
        if key in seen:
            continue
        seen.add(key)
        if evidence.rule.startswith("term:"):
            term = evidence.rule.removeprefix("term:")
            clues.append(Clue(evidence.score, evidence.how, None, term, "", None, term=True))
        else:
            character = await canon.character(evidence.character) if evidence.character else None
            rule = rules.get(evidence.rule)
            fact = await _fact(canon, rule.covers, rule.reveal.episode) if rule else None
            clues.append(
                Clue(
                    score=evidence.score,
                    how=evidence.how,
                    character=character.name if character else None,
                    subject=evidence.subject,
                    outcome=evidence.outcome,
                    fact=fact,
                )
            )
        if len(clues) == CLUES_MAX:
            break
    return clues


async def _fact(
    canon: CanonRepository, covers: tuple[str, ...], episode: EpisodeRef
) -> Detail | None:
    """The first canon detail a rule covers: a character's fate ("fate:<id>:<code>") or
    a finale detail (by its id, among the finale's outcomes)."""
    for key in covers:
        if key.startswith("fate:"):
            _, character_id, _ = key.split(":", 2)
            character = await canon.character(character_id)
            for fact in character.facts if character else ():
                if fact.key == key:
                    return fact.detail
        else:
            for fact in await canon.finale_facts(episode):
                if fact.key == key:
                    return fact.detail
    return None
