"""Reading a message as Discord would: what is visible, what is hidden, on which surface."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.canon.content import ContentBundle
from bot.spoilers.policy import Detail


def spoiler_regions(markdown: str) -> list[tuple[bool, str]]:
    """Split Discord markdown into (hidden, text) runs, honouring backslash escapes.

    A model of how Discord reads ``||``: a backslash makes the next character literal,
    and each unescaped ``||`` toggles the spoiler state.
    """
    runs: list[tuple[bool, str]] = []
    hidden, text, i = False, "", 0
    while i < len(markdown):
        ch = markdown[i]
        if ch == "\\" and i + 1 < len(markdown):
            text += markdown[i + 1]
            i += 2
            continue
        if markdown.startswith("||", i):
            runs.append((hidden, text))
            hidden, text = not hidden, ""
            i += 2
            continue
        text += ch
        i += 1
    runs.append((hidden, text))
    return [(h, t) for h, t in runs if t]


WORD = re.compile(r"[a-z0-9]+")
YEAR = re.compile(r"(19|20)\d\d")
NGRAM = 5


def visible(markdown: str) -> str:
    """The text Discord shows without a click: spoiler regions removed, escapes resolved."""
    return " ".join(text for hidden, text in spoiler_regions(markdown) if not hidden)


def hidden(markdown: str) -> str:
    return " ".join(text for is_hidden, text in spoiler_regions(markdown) if is_hidden)


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def ngrams(text: str, n: int = NGRAM) -> set[tuple[str, ...]]:
    """The text's word n-grams; a text shorter than n words is one short gram."""
    tokens = words(text)
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def runs(text: str, longest: int = NGRAM) -> set[tuple[str, ...]]:
    """Every contiguous run of 1 to ``longest`` words: what a secret gram could match."""
    tokens = words(text)
    return {
        tuple(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)
    }


def secret_grams(tagged: list[str], open_text: list[str]) -> set[tuple[str, ...]]:
    """Grams of tagged texts that no spoiler-free text contains anywhere."""
    allowed: set[tuple[str, ...]] = set()
    for text in open_text:
        allowed |= runs(text)
    found: set[tuple[str, ...]] = set()
    for text in tagged:
        found |= ngrams(text)
    # A lone common word ("child") is not a detail; a lone year can be (a time jump).
    return {g for g in found - allowed if len(g) > 1 or YEAR.fullmatch(g[0])}


@dataclass
class Surfaces:
    """A message payload split into surfaces that can hide spoilers and those that cannot."""

    taggable: list[str]  # content, embed descriptions, field values
    plain: list[str]  # titles, field names, footers, authors, labels, choices

    @classmethod
    def of_message(cls, data: dict[str, Any]) -> Surfaces:
        taggable = [str(data.get("content") or "")]
        plain: list[str] = []
        for embed in data.get("embeds") or []:
            taggable.append(str(embed.get("description") or ""))
            plain.append(str(embed.get("title") or ""))
            plain.append(str((embed.get("footer") or {}).get("text") or ""))
            plain.append(str((embed.get("author") or {}).get("name") or ""))
            for field in embed.get("fields") or []:
                plain.append(str(field.get("name") or ""))
                taggable.append(str(field.get("value") or ""))
        for row in data.get("components") or []:
            for item in row.get("components") or []:
                plain.append(str(item.get("label") or ""))
                plain.append(str(item.get("placeholder") or ""))
                for option in item.get("options") or []:
                    plain.extend(str(option.get(k) or "") for k in ("label", "description"))
        for choice in data.get("choices") or []:
            plain.append(str(choice.get("name") or ""))
        return cls(taggable, plain)

    def leaks(self, secrets: Iterable[tuple[str, ...]]) -> list[str]:
        """Every place a secret n-gram can be read without clicking a spoiler tag."""
        secret_set = set(secrets)
        found = []
        for surface in self.plain:
            for gram in runs(surface) & secret_set:
                found.append(f"plain surface {surface!r} shows {' '.join(gram)!r}")
        for surface in self.taggable:
            for gram in runs(visible(surface)) & secret_set:
                found.append(f"untagged text {surface[:80]!r} shows {' '.join(gram)!r}")
        return found


def story_details(bundle: ContentBundle) -> list[Detail]:
    """Every piece of story text in the content, with where it is revealed."""
    found: list[Detail] = []
    for season in bundle.seasons:
        found += [season.setting, *([season.premise] if season.premise else [])]
    for episode in bundle.episodes:
        found += [d for d in (episode.synopsis, episode.setting) if d]
    for character in bundle.characters:
        found += [d for d in (character.summary, character.occupation, character.affiliation) if d]
        found += [fact.detail for fact in character.facts]
    found += [event.detail for event in bundle.events]
    found += [fact.detail for fact in bundle.finale_facts]
    return found
