"""Everyday single words that a finale rule takes as its action, for a reviewer of the rules.

    .venv/bin/python scripts/guard_everyday_actions.py [--rule ID]

For every finale rule of the shipped content (data/canon/for-all-mankind/guard.toml and
the rules made for each character fate), prints its actions that are one English word,
and the one-word English entries of the "@classes" it names (data/canon/guard/en.toml),
that are everyday words (the guard's own list, ``bot/guard/data/common_words.txt.gz``)
and are not fate words (the classes that say a death, an arrest, a defection...). "alone"
was one ("Ellen drinks her coffee alone" read as her staying on the Moon): each word
listed wants everyday sentences with the rule's subject checked against the guard, and,
when they are flagged, the bare word replaced by the phrases the finale is told in.
"""

from __future__ import annotations

import argparse

from bot.canon.content import load_content
from bot.guard.lexicon import common_words, split_language
from bot.guard.normalise import tokens
from bot.settings import DEFAULT_CONTENT_DIR

# Classes whose words say a fate (death, arrest, defection...): listing them would only
# repeat the fate vocabulary (scripts/guard_word_collisions.py reviews that).
FATE_CLASSES = frozenset(
    {
        "death",
        "alive",
        "shot",
        "bomb",
        "shootdown",
        "confirmed_dead",
        "exile",
        "arrest",
        "defect",
        "fake",
        "moscow",
        "spying",
        "home",
        "freed",
        "torture",
        "rescue",
        "return",
    }
)


def fate_words(cues: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(
        split_language(p)[1].removeprefix("=")
        for cls in FATE_CLASSES
        for p in cues.get(cls, ())
        if split_language(p)[0] == "en"
    )


def everyday_actions() -> dict[str, list[tuple[str, str]]]:
    """Rule id -> (word, where it comes from: "action" or "@class") of its everyday words."""
    bundle = load_content(DEFAULT_CONTENT_DIR)
    lexicon = bundle.guard_lexicon
    everyday = {w for w, languages in common_words().items() if "en" in languages}
    fate = fate_words(lexicon.cues) | fate_words(lexicon.weak_cues)

    def single(phrase: str) -> str | None:
        language, text = split_language(phrase)
        text = text.removeprefix("=")
        words = tokens(text)
        if language != "en" or len(words) != 1:
            return None
        word = words[0].text
        return word if word in everyday and text not in fate else None

    found: dict[str, list[tuple[str, str]]] = {}
    for rule in bundle.guard_rules:
        if not rule.reveal.finale_detail:
            continue
        listed: list[tuple[str, str]] = []
        for action in rule.actions:
            if action.startswith("@"):
                cls = action[1:]
                if cls in FATE_CLASSES:
                    continue
                for table in (lexicon.cues, lexicon.weak_cues):
                    for phrase in table.get(cls, ()):
                        if (word := single(phrase)) is not None:
                            listed.append((word, action))
            elif (word := single(action)) is not None:
                listed.append((word, "action"))
        if listed:
            found[rule.id] = list(dict.fromkeys(listed))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rule", help="only this rule id")
    arguments = parser.parse_args()
    for rule_id, words in everyday_actions().items():
        if arguments.rule in (None, rule_id):
            shown = ", ".join(w if where == "action" else f"{w} ({where})" for w, where in words)
            print(f"{rule_id}: {shown}")


if __name__ == "__main__":
    main()
