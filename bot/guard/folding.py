"""Folding one character, or one word, into comparable text: steps 1-5 of normalise.py
(invisible characters removed, NFKC and case folding, accents dropped, styled letters read
as their Latin letter, mixed-script words mapped to their Latin skeleton with the TR39
confusables data, leetspeak folded). Moved out of normalise.py, which cuts the folded
text into words and reads them (spelled-out letters, drawn-out letters, CamelCase,
contractions, corrections)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g"})
_LEET_SYMBOLS = str.maketrans({"@": "a", "$": "s", "|": "l", "!": "i"})
_LEET_CYRILLIC = str.maketrans({"0": "о", "3": "з", "4": "ч", "6": "б", "@": "а"})
_CYRILLIC_LEET = re.compile(r"(?<=[\u0400-\u04ff])(?:[0346@](?=[\u0400-\u04ff])|0$)")
_NOT_LEET = re.compile(
    r"(?:s\d+(?:e\d+|f)?|e\d+|ep\d+|t\d+|s\d+x\d+|\d+x\d+|\d+(?:st|nd|rd|th|s|k|m)?"
    r"|(?:eps|epi|episode|episodio|folge|capitulo)\d{1,2})"
)
_LATIN, _GREEK, _CYRILLIC = 1, 2, 4
_LOOKALIKE = 8  # Armenian, Cherokee: scripts with letters drawn like Latin ones ("Ꮶaren")
# Latin letters with a stroke or a ligature, which no Unicode decomposition takes apart
_STROKED = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ƀ": "b"})
_REGIONAL = {chr(0x1F1E6 + k): chr(ord("a") + k) for k in range(26)}
# Symbols "upside-down text" uses for a capital turned half a turn, read as the turned
# small letter they stand for (normalise.py turns the word back): "⅁" is a turned G
_TURNED_SYMBOLS = {"⅁": "ƃ", "∀": "ɐ", "⅄": "ʎ", "∩": "n", "˥": "l"}
# Turned letters ("ɐ", "ǝ", "ɹ", Lisu "ꓷ" for a turned D) and the letter each is when
# turned back; only a word with one of these is read as turned
TURNED = dict(zip("ɐǝɹʇɥɯʎʞᴉɟƃʍʌɔɾꓷꓘꓤꓕꓭⅎ", "aerthmykifgwvcjdkrtbf", strict=True))
# how a turned letter may be written: itself, its capital ("Ǝ"), a symbol ("⅁")
TURNED_WRITTEN = "".join(sorted({*TURNED, *(c.upper() for c in TURNED), *_TURNED_SYMBOLS}))
# and the plain letters that change when turned
TURNED_PLAIN = str.maketrans(dict(zip("pdbqnumw", "dpqbunwm", strict=True)) | TURNED)


def _script(char: str) -> int:
    code = ord(char)
    if code < 0x250:
        return _LATIN if char.isalpha() else 0
    if 0x370 <= code < 0x400:
        return _GREEK
    if 0x400 <= code < 0x530:
        return _CYRILLIC
    if 0x530 <= code < 0x590 or 0x13A0 <= code < 0x1400 or 0xAB70 <= code < 0xABC0:
        return _LOOKALIKE
    return 0


@cache
def _skeletons() -> dict[str, str]:
    """Greek, Cyrillic, Armenian and Cherokee letters that look like a Latin letter,
    lower-cased: the TR39 confusables table as shipped by confusable_homoglyphs, read
    once."""
    from confusable_homoglyphs.confusables import (  # type: ignore[import-untyped]
        confusables_data,
    )

    def latin(char: str) -> str | None:
        for glyph in confusables_data.get(char, ()):
            target = str(glyph["c"])
            if len(target) == 1 and target.isascii() and target.isalpha():
                return target.lower()
        return None

    table: dict[str, str] = {}
    lookalike = [*range(0x530, 0x590), *range(0x13A0, 0x1400), *range(0xAB70, 0xABC0)]
    for code in [*range(0x370, 0x400), *range(0x400, 0x530), *lookalike]:
        char = chr(code)
        if not char.isalpha():
            continue
        mapped = latin(char) or latin(char.upper())
        if mapped:
            table[char.lower()] = mapped
            table[char.casefold()] = mapped  # Cherokee folds to its capitals
    return table


def _overlay(char: str) -> bool:
    """A combining mark drawn over or under Latin, Greek or Cyrillic letters (accents,
    strike-through "D̶a̶n̶", underline): never part of a word. Japanese voicing marks are
    elsewhere (U+3099) and stay."""
    return (
        "\u0300" <= char <= "\u036f"
        or "\u1ab0" <= char <= "\u1aff"
        or "\u1dc0" <= char <= "\u1dff"
        or "\u20d0" <= char <= "\u20ff"
        or "\ufe20" <= char <= "\ufe2f"
    )


_STYLED_HEADS = (
    "LATIN LETTER SMALL CAPITAL ",
    "LATIN SMALL CAPITAL LETTER ",
    "NEGATIVE SQUARED LATIN CAPITAL LETTER ",  # 🅶
    "NEGATIVE CIRCLED LATIN CAPITAL LETTER ",  # 🅖
    "PARENTHESIZED LATIN CAPITAL LETTER ",  # 🄖 (NFKC would make "(G)")
    "PARENTHESIZED LATIN SMALL LETTER ",  # ⒢
)


def _letter_like(char: str) -> str | None:
    """The Latin letter a styled letter NFKC leaves alone (or breaks up) stands for:
    small capitals ("ᴍᴀʀɢᴏ"), enclosed letters ("🅶🅾🆁🅳🅾"), by their Unicode names."""
    name = unicodedata.name(char, "")
    for head in _STYLED_HEADS:
        if name.startswith(head):
            letter = name[len(head) :]
            if len(letter) == 1:
                return letter.lower()
    return None


@cache
def _fold(char: str) -> str:
    """One original character as comparable text ("" when it is invisible)."""
    category = unicodedata.category(char)
    if category == "Cf" or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
        return ""
    if _overlay(char):
        return ""
    if "\U0001f1e6" <= char <= "\U0001f1ff":
        return char  # regional indicators: a flag in pairs, a letter alone (see fold_text)
    styled = _letter_like(char) or _TURNED_SYMBOLS.get(char)
    if styled is not None:
        return styled
    folded = unicodedata.normalize("NFKC", char).casefold()
    if not folded.isascii():  # a superscript small capital: "ᶦ" is "ɪ", an "i"
        folded = "".join(_letter_like(c) or c for c in folded)
    out: list[str] = []
    for piece in unicodedata.normalize("NFD", folded):
        if unicodedata.combining(piece) and out and ord(out[-1]) < 0x530:
            continue  # an accent on a Latin, Greek or Cyrillic letter
        out.append(piece)
    return unicodedata.normalize("NFC", "".join(out)).translate(_STROKED)


def fold_text(text: str) -> tuple[str, list[int] | None]:
    """The text folded (steps 1-3), and for each folded character its original offset
    (None: the same offsets, as for plain ASCII)."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    origin: list[int] = []
    run_end = run_length = 0  # the regional-indicator run being read (one pass each)
    for position, char in enumerate(text):
        if char < "\x80":  # most characters even here: one each, never a regional letter
            chars.append(char.lower())
            origin.append(position)
            continue
        folded = _fold(char)
        if folded in _REGIONAL and position >= run_end:
            run_end = position
            while run_end < len(text) and text[run_end] in _REGIONAL:
                run_end += 1
            run_length = run_end - position
        if folded in _REGIONAL and run_length != 2:
            # a lone regional indicator is a letter ("🇲 🇦 🇷"), and so is each of a run
            # longer than a flag: Discord shows "🇬🇴🇷🇩🇴" as the letters GORDO
            folded = _REGIONAL[folded]
        for piece in folded:
            chars.append(piece)
            origin.append(position)
    return "".join(chars), origin


def _deconfuse(word: str) -> str:
    if word.isascii():
        return word
    scripts = 0
    for char in word:
        scripts |= _script(char)
    if scripts & (_GREEK | _CYRILLIC | _LOOKALIKE) and (
        scripts & _LATIN or scripts != _CYRILLIC  # Greek or Armenian letters: not Russian
    ):
        table = _skeletons()
        return "".join(table.get(c, c) for c in word)
    if scripts == _CYRILLIC and len(word) > 2 and not _RUSSIAN.fullmatch(word):
        # Cyrillic letters no Russian word has ("ԁіеѕ"), every one drawn like a Latin
        # letter: the Latin word in disguise
        table = _skeletons()
        if all(c in table for c in word):
            return "".join(table[c] for c in word)
    return word


_RUSSIAN = re.compile("[а-яё]+")


# A code's shape with two digits or more that all stand for letters ("s34" is "sea" in
# "th3 s34 dr4g0n"): kept as the code, read as the word as well (no season has two digits)
_CODE_OR_LEET = re.compile(r"[se][0134579]{2,}")


def _unleet(word: str) -> tuple[str, tuple[str, ...]]:
    if word.isalpha():
        return word, ()
    if _NOT_LEET.fullmatch(word):
        if _CODE_OR_LEET.fullmatch(word):
            readings = (word.translate(_LEET), word.replace("1", "l").translate(_LEET))
            return word, tuple(dict.fromkeys(readings))
        return word, ()
    letters = sum(c.isalpha() for c in word)
    if letters == 0 and not any(c in "@$|!" for c in word):
        return word, ()  # a number
    if letters == 0 and len(word) < 3:
        return word, ()
    if any("\u0400" <= c <= "\u04ff" for c in word):  # Russian: "п0гибла", "у6ит"
        # digits between letters only, or a last "0": "сезон3" is season 3
        return _CYRILLIC_LEET.sub(lambda m: m.group().translate(_LEET_CYRILLIC), word), ()
    base = word.translate(_LEET_SYMBOLS)
    main = base.translate(_LEET)
    other = base.replace("1", "l").translate(_LEET)
    return main, (other,) if other != main else ()


# English contractions written without their apostrophe, and where it would be ("dont"
