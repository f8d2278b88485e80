"""The guard's vocabulary compiled from its lexicon: every name, role, outcome, word of
the language and idiom added to one ``Vocabulary`` (bot/guard/matcher.py), each with what
it stands for, so that a message is read against all of them in one walk."""

from __future__ import annotations

from bot.guard.lexicon import Lexicon
from bot.guard.matcher import WORD_BY_WORD, Vocabulary


def compile_vocabulary(lexicon: Lexicon) -> Vocabulary:
    vocabulary = Vocabulary()
    for index, person in enumerate(lexicon.people):
        for name in person.names:
            vocabulary.add(name, ("name", str(index)), exact=True)
        for role_index, role in enumerate(person.roles):
            for slot, alternatives in enumerate(role.words):
                for word in alternatives.split("|"):
                    vocabulary.add(word, ("role", f"{index}:{role_index}:{slot}"))
    for category, table in (("cue", lexicon.cues), ("weak", lexicon.weak_cues)):
        for key, phrases in table.items():
            for phrase in phrases:
                vocabulary.add(phrase, (category, key))
    for key, phrases in lexicon.words.items():
        if key.startswith("function_") or key in WORD_BY_WORD:
            continue  # matched exactly, word by word, by the judge
        for phrase in phrases:
            vocabulary.add(phrase, ("word", key))
    for key, phrases in lexicon.relations.items():
        for phrase in phrases:
            vocabulary.add(phrase, ("relation", key))
    for phrase in lexicon.idioms:
        # idioms are exact: "bombed that" (flopped) is not "the car bomb that..."
        vocabulary.add(phrase, ("idiom", phrase), exact=True)
    return vocabulary
