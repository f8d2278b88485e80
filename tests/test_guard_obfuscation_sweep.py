"""A systematic sweep of ways trolls disguise words, against finale sentences, and innocent
look-alikes of the risky ones.

Each word-level technique is applied to the name, to the fate word, and to both, in four
finale sentences ("Gordo dies on the moon", "Karen dies in the JSC bombing", "Margo fakes
her death", "Danny is exiled to the lander"): 12 messages per technique. Techniques that
disguise a whole sentence (hashtags, CamelCase, upside-down text, a bidi override) are
applied to each sentence once: 4 messages each. A technique counts as caught when every
one of its messages is flagged. Written before changing anything; the transforms here are
the ones text-styling sites and troll habits use, not taken from any corpus.

Before (2998ce8's guard) -> after, caught / applied:

    circled, parenthesised, fullwidth, small capitals, subscript, zalgo, strikethrough
    and underline (combining), dots, dashes, underscores, slashes, stretched vowels, tag
    characters, variation selectors, one letter per line: 12/12 each -> 12/12
    camelCase, hashtag, hashtag name+fate: 4/4 each -> 4/4
    superscript 10/12 -> 12/12           regional indicators 5/12 -> 12/12
    upside-down word 5/12 -> 12/12       upside-down sentence 0/4 -> 4/4
    emoji between letters 5/12 -> 12/12  doubled letters ("Daaannnnyyyy") 10/12 -> 12/12
    every letter twice 7/12 -> 12/12     mixed scripts (no Latin letter left) 7/12 -> 12/12
    bidi override (RLO) 5/12 -> 12/12    bidi override sentence 0/4 -> 4/4
    markdown bold 5/12 -> 12/12          markdown italic 5/12 -> 12/12
    markdown underline 5/12 -> 12/12     markdown strikethrough 5/12 -> 12/12
    struck extra letter 5/12 -> 12/12
    left out: vowels dropped 6/12 -> 6/12, markdown underscores 5/12 -> 5/12,
    LRO reversed 5/12 -> 5/12 (caught by the plain word beside the disguised one)
    all: 299/404 -> 384/404; techniques not left out 283/368 -> 368/368

Look-alikes flagged: 0/40 -> 0/40 (eight of them written with the fixes: flags in a
row, a turned compliment, IPA, a drawn-out name, letters doubled in an everyday word...).

Techniques left out (a human does not read the word through them either), in
``_LEFT_OUT`` with the reason: only their innocence is checked (nothing here asserts they
are caught).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.finale_matcher import spoils

# (sentence, name, fate word)
SENTENCES = [
    ("Gordo dies on the moon", "Gordo", "dies"),
    ("Karen dies in the JSC bombing", "Karen", "dies"),
    ("Margo fakes her death", "Margo", "fakes"),
    ("Danny is exiled to the lander", "Danny", "exiled"),
]

_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _alphabet(lower: str, upper: str | None = None) -> Callable[[str], str]:
    table = dict(zip(_LOWER, lower, strict=True))
    if upper is not None:
        table |= dict(zip(_LOWER.upper(), upper, strict=True))
    return lambda word: "".join(table.get(c, table.get(c.lower(), c)) for c in word)


def _codepoints(lower: int, upper: int | None) -> Callable[[str], str]:
    return _alphabet(
        "".join(chr(lower + k) for k in range(26)),
        None if upper is None else "".join(chr(upper + k) for k in range(26)),
    )


def _between(separator: str) -> Callable[[str], str]:
    return lambda word: separator.join(word)


def _after_each(mark: str) -> Callable[[str], str]:
    return lambda word: "".join(c + mark for c in word)


_ZALGO = "\u0301\u0316\u0334\u0358\u0324\u036b\u0317\u0350\u0325"


def _zalgo(word: str) -> str:
    return "".join(c + _ZALGO[k % 7 : k % 7 + 3] for k, c in enumerate(word))


# the usual "upside-down text" table: each letter turned half a turn, the word reversed
_FLIP = _alphabet("ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz", "∀ꓭƆꓷƎℲ⅁HIſꓘ˥WNOԀΌꓤSꓕ∩ΛMX⅄Z")


def _upside_down(text: str) -> str:
    return _FLIP(text)[::-1]


def _stretch(word: str) -> str:
    """Vowels drawn out: "Goooordooo", "diiiiies"."""
    return "".join(c * 4 if c.lower() in "aeiouy" else c for c in word)


def _doubled(word: str) -> str:
    """Letters drawn out, as the brief writes them: "Gorrrdoooo", "diiiies"."""
    out = []
    for k, c in enumerate(word):
        out.append(c * (3 if k % 2 else 1) if k < len(word) - 1 else c * 4)
    return "".join(out)


def _every_letter_twice(word: str) -> str:
    return "".join(c * 2 for c in word)


def _no_vowels(word: str) -> str:
    return word[0] + "".join(c for c in word[1:] if c.lower() not in "aeiou")


# Latin letters swapped for Cyrillic, Greek and Armenian look-alikes
_MIXED = {"a": "а", "e": "е", "o": "ο", "i": "і", "n": "ո", "r": "г", "s": "ѕ", "d": "ԁ"}
_MIXED |= {"x": "х", "y": "у", "k": "κ", "G": "Ԍ", "M": "Μ", "K": "Κ", "D": "Ꭰ"}


def _mixed(word: str) -> str:
    return "".join(_MIXED.get(c, c) for c in word)


def _tags(word: str) -> str:
    """A Unicode tag character (invisible) after each letter."""
    return "".join(c + chr(0xE0000 + ord(c.lower())) for c in word)


def _rlo(word: str) -> str:
    """Written backwards inside a right-to-left override: shown the right way round."""
    return "\u202e" + word[::-1] + "\u202c"


def _markdown(opening: str, closing: str | None = None) -> Callable[[str], str]:
    """Emphasis around the middle of the word: "G**or**do"."""
    closing = opening if closing is None else closing
    return lambda word: word[0] + opening + word[1:-1] + closing + word[-1]


def _struck_extra(word: str) -> str:
    """A letter added and struck out: "G~~x~~ordo" shows a struck x in Gordo."""
    return word[0] + "~~x~~" + word[1:]


def _regional(word: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c.lower()) - ord("a")) for c in word)


WORD_TECHNIQUES: dict[str, Callable[[str], str]] = {
    "circled": _codepoints(0x24D0, 0x24B6),
    "parenthesised": _codepoints(0x249C, 0x1F110),
    "fullwidth": _codepoints(0xFF41, 0xFF21),
    "small capitals": _alphabet("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ"),
    "superscript": _alphabet("ᵃᵇᶜᵈᵉᶠᵍʰᶦʲᵏˡᵐⁿᵒᵖᑫʳˢᵗᵘᵛʷˣʸᶻ"),
    # no subscript for most letters: generators keep those plain
    "subscript": _alphabet("ₐbcdₑfgₕᵢⱼₖₗₘₙₒₚqᵣₛₜᵤᵥwₓyz"),
    "regional indicators": _regional,
    "upside-down word": _upside_down,
    "zalgo": _zalgo,
    "strikethrough": _after_each("\u0336"),
    "underline": _after_each("\u0332"),
    "dots": _between("."),
    "dashes": _between("-"),
    "underscores": _between("_"),
    "slashes": _between("/"),
    "emoji between": _between("🚀"),
    "doubled letters": _doubled,
    "every letter twice": _every_letter_twice,
    "stretched vowels": _stretch,
    "vowels dropped": _no_vowels,
    "mixed scripts": _mixed,
    "tag characters": _tags,
    "variation selectors": _after_each("\ufe0f"),
    "bidi override": _rlo,
    "LRO reversed": lambda w: "\u202d" + w[::-1] + "\u202c",
    "one letter per line": lambda w: "\n" + "\n".join(w) + "\n",
    "markdown bold": _markdown("**"),
    "markdown italic": _markdown("*"),
    "markdown underscores": _markdown("_"),
    "markdown underline": _markdown("__"),
    "markdown strikethrough": _markdown("~~"),
    "struck extra letter": _struck_extra,
}


def _camel(sentence: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in sentence.split())


SENTENCE_TECHNIQUES: dict[str, Callable[[str], str]] = {
    "camelCase": _camel,
    "hashtag": lambda s: "#" + _camel(s),
    "hashtag name+fate": lambda s: (
        "#" + _camel(" ".join(s.split()[:2])) + s[len(" ".join(s.split()[:2])) :]
    ),
    "upside-down sentence": _upside_down,
    "bidi override sentence": _rlo,
}

# Techniques a human moderator would not read through either: checked for innocence only.
_LEFT_OUT: dict[str, str] = {
    "vowels dropped": "'Grd ds', 'Krn ds': a human guesses, but the same skeletons are "
    "everyday abbreviations ('ds', 'grd', 'mrg'); no reading of them keeps chat innocent",
    "markdown underscores": "Discord shows a single underscore inside a word as written "
    "('G_or_do' is not italic), and read as a joiner it would glue snake_case "
    "('karen_dies', caught today as two words) into one",
    "LRO reversed": "a left-to-right override on Latin letters changes nothing: the "
    "reader sees 'odroG', backwards, as written",
}


def _disguise(sentence: str, name: str, fate: str, how: Callable[[str], str], where: str) -> str:
    if where in ("name", "both"):
        sentence = sentence.replace(name, how(name), 1)
    if where in ("fate", "both"):
        sentence = sentence.replace(fate, how(fate), 1)
    return sentence


def messages(technique: str) -> list[str]:
    """Every message the sweep writes for one technique."""
    if technique in SENTENCE_TECHNIQUES:
        return [SENTENCE_TECHNIQUES[technique](s) for s, _, _ in SENTENCES]
    how = WORD_TECHNIQUES[technique]
    return [
        _disguise(s, name, fate, how, where)
        for s, name, fate in SENTENCES
        for where in ("name", "fate", "both")
    ]


TECHNIQUES = [*WORD_TECHNIQUES, *SENTENCE_TECHNIQUES]
_CASES = [
    pytest.param(text, id=f"{technique}-{k}")
    for technique in TECHNIQUES
    if technique not in _LEFT_OUT
    for k, text in enumerate(messages(technique))
]


def test_the_plain_sentences_are_spoilers() -> None:
    assert all(spoils(s) for s, _, _ in SENTENCES)


@pytest.mark.parametrize("text", _CASES)
def test_a_disguised_spoiler_is_caught(text: str) -> None:
    assert spoils(text)


# Innocent messages written with the risky techniques: emphasis, abbreviations, acronyms,
# hashtags, stretched words, dotted initials, styled and disguised names in harmless talk.
LOOKALIKES = [
    "that episode was sooooo good",
    "noooo not the finale already, I need more Gordo",
    "Gordo is the beeeeest",
    "omg Karen is sooo extra lol",
    "Margo's hair in s2 is siiiick",
    "Mooooon landing scenes 🚀🚀🚀 so pretty",
    "tbh idk, NASA and JSC stuff is confusing",
    "OMG OMG OMG Danny in s3 ep 2 LMAO",
    "the N.A.S.A. scenes with Gordo were great",
    "U.S.S.R. vs U.S.A. on the moon, what a premise",
    "#GordoForever",
    "#ForAllMankind season 4 when",
    "#KarenAppreciationPost she runs the Outpost like a boss",
    "#TeamMargo #TeamSergei",
    "ⓖⓞⓡⓓⓞ is my favourite",
    "G**or**do is the best character",
    "**Gordo** and __Karen__ in the Outpost, *chef's kiss*",
    "the ~~worst~~ best episode, Danny in s2",
    "ǝɯosǝʍɐ sᴉ opɹo⅁",
    "\u202etseb eht si nerak\u202c",
    "G.o.r.d.o. rocks",
    "🇬🇴🇷🇩🇴 🇷🇴🇨🇰🇸",
    "🇺🇸 vs 🇷🇺 in the space race, Margo in charge",
    "I 🚀 love 🚀 this 🚀 show",
    "d-o-n-e with this week, Danny is so annoying lol",
    "Grd job on the s2 finale, writers",
    "GoooOOOO Gordo, best moonwalk scene",
    "K\u0336a\u0336r\u0336e\u0336n\u0336 runs the Outpost",
    "my_favourite_character = Gordo",
    "Danny\nis\nso\nannoying",
    "ᴍᴀʀɢᴏ ɪꜱ ᴀ ɢᴇɴɪᴜꜱ",
    "ᵍᵒʳᵈᵒ ᵐᵒᵒⁿ ᵗᵉᵃᵐ",
    "🇺🇸🇷🇺 space race vibes, Margo vs Sergei",
    "ʇsǝq ǝɥʇ sᴉ uǝɹɐꓘ",  # turned: "Karen is the best"
    "Gordo says /ɹɛd/ like a Texan",  # IPA: turned letters in ordinary use
    "Daaaanny is sooo annoying in s2",
    "the bookkeeper at NASA looks like Karen",
    "Karen*s* bar is the Outpost",
    "5*3 = 15, Gordo can do the math",
    "ԁаո's memes 🚀🚀🚀",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_look_alike_is_not_flagged(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("technique", sorted(_LEFT_OUT))
def test_a_technique_left_out_flags_nothing_innocent(technique: str) -> None:
    how = WORD_TECHNIQUES[technique]
    assert not spoils(f"{how('Gordo')} is my favourite, {how('Karen')} too")


def caught() -> dict[str, tuple[int, int]]:
    """Per technique: messages flagged, messages written (for the figures above)."""
    return {t: (sum(spoils(m) for m in messages(t)), len(messages(t))) for t in TECHNIQUES}


if __name__ == "__main__":
    for technique, (hits, total) in caught().items():
        print(f"{technique:24} {hits:2}/{total}")
    print("look-alikes flagged:", [m for m in LOOKALIKES if spoils(m)])
