"""Everyday words the spoiler guard reads as fate words, for a reviewer of the vocabulary.

    .venv/bin/python scripts/guard_word_collisions.py [--class death]

Reads every everyday word of the six Latin-script languages (the guard's own list,
``bot/guard/data/common_words.txt.gz``) alone through the shipped vocabulary and prints,
per meaning class, the words it takes for that class although no vocabulary entry is
that word. Most are the class's own word forms ("survived", "arrests"); the rest share a
stem with a fate word by accident ("mora" and Italian "moriranno", "parte" and "parto"):
mark that fate word "=word" in data/canon/guard/*.toml so it is matched only as written.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from bot.canon.content import load_content
from bot.guard import compile_rules
from bot.guard.lexicon import common_words, plain
from bot.guard.normalise import tokens
from bot.settings import DEFAULT_CONTENT_DIR


def collisions() -> dict[tuple[str, str], list[str]]:
    """(class, language of the vocabulary entry) -> everyday words read as that class."""
    bundle = load_content(DEFAULT_CONTENT_DIR)
    vocabulary = compile_rules(bundle.guard_rules, lexicon=bundle.guard_lexicon).vocabulary
    known = {  # the words of the entries themselves
        t.text
        for table in (bundle.guard_lexicon.cues, bundle.guard_lexicon.weak_cues)
        for phrases in table.values()
        for phrase in plain(phrases)
        for t in tokens(phrase)
    }
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word in sorted(common_words()):
        words = tokens(word)
        if len(words) != 1 or words[0].text in known:
            continue
        for f in vocabulary.find(words):
            if f.category in ("cue", "weak"):
                found[(f.key, f.language)].append(word)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--class", dest="cls", help="only this meaning class (death, arrest...)")
    arguments = parser.parse_args()
    for (cls, language), words in sorted(collisions().items()):
        if arguments.cls in (None, cls):
            print(f"{cls} ({language}, {len(words)}): {', '.join(sorted(set(words)))}")


if __name__ == "__main__":
    main()
