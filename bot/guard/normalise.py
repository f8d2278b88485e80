"""Turning what a reader sees into comparable words, the way the reader reads them.

Order matters, and is the one Unicode recommends:

1. Invisible characters (format characters such as zero-width spaces, soft hyphens,
   word joiners, bidi marks; variation selectors) are *removed*: "Ka<ZWSP>ren" is "Karen".
2. NFKC, then case folding: mathematical bold, fullwidth and other styled letters become
   plain letters before they are lower-cased ("𝐆𝐨𝐫𝐝𝐨" -> "gordo").
3. Accents are dropped from Latin, Greek and Cyrillic letters ("Moscú" -> "moscu"); other
   scripts keep their marks (Japanese voicing marks change the word).
4. A word that mixes scripts (Latin with Cyrillic or Greek look-alikes: "Мargо") is mapped
   to its Latin skeleton with the Unicode TR39 confusables data shipped by
   ``confusable_homoglyphs``; a word wholly in Cyrillic stays Russian ("Гордо"). Greek-only
   words are skeletonised too (no Greek vocabulary is claimed).
5. Leetspeak inside a word that mixes letters with digits or ``@ $ | !`` is folded
   ("G0rd0" -> "gordo"; "1" may be "i" or "l", both are kept); episode codes ("s3e10")
   and plain numbers are left alone.
6. Letters spelled out one by one ("K a r e n", "m.a.r.g.o", "G-o-r-d-o", "カ レ ン", or
   one per line) are joined into a word; digits inside a Russian word are its look-alike letters
   ("п0гибла"). Styled letters NFKC keeps (small capitals "ᴍᴀʀɢᴏ", enclosed letters
   "🅶🅾🆁🅳🅾" and "🄶", a lone regional indicator "🇲") are read as their Latin letter;
   combining marks drawn over letters (strike-through, underline) are dropped like
   accents.
7. Letters drawn out ("diiies", "noooo", "Gordooo") are read with the run as one letter,
   or as two ("killlled" is "killed"); a word of one or two letters so drawn out is a
   cry ("noooo" is not "no"). Letters spaced by a dot, a dash, a bullet... are joined
   (step 6).
8. Words run together in CamelCase ("GordoAndTracyDie", "#RIPKaren") are cut where the
   case says a word starts, into pieces of two letters or more; English contractions
   written without the apostrophe ("doesnt", "wont", "shes") are cut as if it were there
   ("doesn" + "t"), so every list that knows "doesn't" knows them.

9. Letters doubled throughout ("GGoorrddoo") are read once; a run of regional
   indicators ("🇬🇴🇷🇩🇴") is letters (folding.py); Discord emphasis inside a word
   ("G**or**do") is left out before this (layout.py, ``visible``); words written
   backwards in a right-to-left override, and upside-down text ("uooɯ ǝɥʇ uo sǝᴉp
   opɹo⅁"), are read turned back, in the order they are read.

Emoji stay as one-character tokens, so a vocabulary can give them meaning (💀 = dies).
Offsets always point back into the original text, for tagging.

Steps 1-5 (one character or one word at a time) are in folding.py, moved out of this
file; the rest, which reads the words, is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise, product

from rapidfuzz.distance import OSA

from bot.guard.folding import TURNED, TURNED_PLAIN, TURNED_WRITTEN, _deconfuse, _unleet, fold_text

_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN = re.compile(
    rf"[{_CJK}]+"  # Japanese and Chinese: one run, matched inside (no word breaks)
    rf"|[^\W_{_CJK}]+(?:[@$|!]+[^\W_{_CJK}]+)*"  # words, leetspeak symbols inside them
    r"|[\U0001F1E6-\U0001F1FF]{2}"  # a flag
    r"|[\u2190-\u2BFF\U0001F000-\U0001FAFF]"  # symbols and emoji (as _EMOJI below)
)
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:[@$|!]+[a-z0-9]+)*")
_SPELLING_GAPS: tuple[str, ...] = (" ", ".", "-", "/", "_", "·", "*", "~", "+", "•", "∙")
_SPELLING_GAPS += ("⋅", "‧", ":", "=", "^", "\n")


@dataclass(slots=True)
class Token:
    text: str  # the main reading
    start: int  # offsets into the original text
    end: int
    alternatives: tuple[str, ...] = ()  # other readings (leetspeak "1" as "l")
    spaced: bool = False  # one-letter-at-a-time spelling, joined
    cjk: bool = False  # Japanese or Chinese run: matched inside, not by whole words
    link: bool = False  # inside a link address (set by the reader)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, *self.alternatives)


_IS_CJK = re.compile(f"[{_CJK}]")


# is French too: data/canon/guard/en.toml lists it as a negation, weighed by language)
_NOT = (
    "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wouldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "aint", "mustnt", "neednt",
)  # fmt: skip
_CONTRACTIONS = {w: len(w) - 1 for w in _NOT} | {
    "wont": 3,
    "shes": 3,
    "hes": 2,
    "theyre": 4,
    "theyve": 4,
    "theyll": 4,
}


# A capital inside a word, in ASCII: "aB", or "ABcd" ("RIPKaren"). Written to start at
# the capital, which lets the regex engine skip ahead to capitals (four times quicker on
# a sentence than "[a-z][A-Z]|[A-Z]{2}[a-z]{2}", which finds the same places).
_CAMEL = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?=[A-Z][a-z]{2}))")


def _case_cuts(upper: list[bool], lower: list[bool]) -> list[int]:
    """Where a CamelCase word starts a new word ("GordoAnd": 5; "RIPKaren": 3), keeping
    every piece two letters or more; [] when it does not."""
    size = len(upper)
    cuts = []
    last = 0
    for k in range(2, size - 1):
        starts = upper[k] and (
            lower[k - 1] or (upper[k - 1] and k + 2 <= size - 1 and lower[k + 1] and lower[k + 2])
        )
        if starts and k - last >= 2:
            cuts.append(k)
            last = k
    if cuts and size - cuts[-1] < 2:
        cuts.pop()
    return cuts


def _cut(token: Token, cuts: list[int], ends: list[int] | None = None) -> list[Token]:
    """``token`` cut at these places of its text (``ends``: each character's original
    end offset, when the text is not one character per original character)."""
    pieces = []
    bounds = [0, *cuts, len(token.text)]
    for a, b in pairwise(bounds):
        start = token.start + a if ends is None else (token.start if a == 0 else ends[a - 1])
        end = token.start + b if ends is None else ends[b - 1]
        pieces.append(Token(token.text[a:b], start, end))
    return pieces


def tokens(text: str, shift: int = 0) -> list[Token]:
    """The words of ``text`` (what a reader sees), normalised, with offsets into it
    (plus ``shift``, for a piece of a longer text)."""
    folded, origin = fold_text(text)
    found: list[Token] = []
    add = found.append
    if origin is None:  # plain ASCII: a simpler pattern finds the same words
        camel = _CAMEL.search(text) is not None
        for match in _ASCII_TOKEN.finditer(folded):
            word = match.group()
            begin, finish = match.span()
            if word.isalpha():
                if word in _CONTRACTIONS:
                    token = Token(word, begin + shift, finish + shift)
                    found.extend(_cut(token, [_CONTRACTIONS[word]]))
                    continue
                if camel:
                    original = text[begin:finish]
                    if not original.islower() and not original.isupper():
                        cuts = _case_cuts(
                            [c.isupper() for c in original], [c.islower() for c in original]
                        )
                        if cuts:
                            found.extend(_cut(Token(word, begin + shift, finish + shift), cuts))
                            continue
                add(Token(word, begin + shift, finish + shift))
            else:
                main, others = _unleet(word)
                add(Token(main, begin + shift, finish + shift, others))
        if _STRETCHED.search(text):
            found = _drawn_out(text, _halved(text, found))
        return _corrected(text, _join_spelled(text, found, shift), shift)
    for match in _TOKEN.finditer(folded):
        word = match.group()
        if origin is None:
            start, end = match.start() + shift, match.end() + shift
            if word.isalpha() and word.isascii():
                add(Token(word, start, end))  # the common case, kept quick
                continue
        else:
            start, end = origin[match.start()] + shift, origin[match.end() - 1] + 1 + shift
        original = text[origin[match.start()] : origin[match.end() - 1] + 1]
        if (
            len(word) > 3
            and not original.islower()
            and not original.isupper()
            and word.isalpha()
            and not _IS_CJK.match(word)
        ):
            originals = [text[origin[k]] for k in range(match.start(), match.end())]
            upper = [c.isupper() for c in originals]
            cuts = _case_cuts(upper, [c.islower() for c in originals]) if any(upper) else []
            if cuts:
                ends = [origin[k] + 1 + shift for k in range(match.start(), match.end())]
                found.extend(_cut(Token(_deconfuse(word), start, end), cuts, ends))
                continue
        if word.isascii():
            if word.isalpha():
                if word in _CONTRACTIONS:
                    found.extend(_cut(Token(word, start, end), [_CONTRACTIONS[word]]))
                    continue
                add(Token(word, start, end))
                continue
        elif _IS_CJK.match(word):
            found.append(Token(word, start, end, cjk=True))
            continue
        word = _deconfuse(word)
        main, others = _unleet(word)
        found.append(Token(main, start, end, others))
    if _STRETCHED.search(text):
        found = _drawn_out(text, _halved(text, found))
    found = _join_spelled(text, _emoji_gaps(found), shift)
    if "\u202e" in text or _TURNED_TEXT.search(text):
        found = _mirrored(text, found, shift)
    return _corrected(text, found, shift)


_CORRECTION_REACH = 8  # words back a correction may reach
# A name corrected, written with its capital, may reach a name as far back as this
# ("Marge fakes her death ... and runs off to Moscow... *Margo, sorry, autocorrect")
_NAME_CORRECTION_REACH = 30


def _capitalised(text: str, token: Token, shift: int) -> bool:
    first = text[token.start - shift : token.start - shift + 1]
    return first.isupper() and not text[token.start - shift : token.end - shift].isupper()


def _corrected(text: str, found: list[Token], shift: int) -> list[Token]:
    """A word the writer corrects ("dyes... I mean dies", "dyes *dies", "dyed (died*)",
    or a last word in capitals: "dyed. ugh. DIED") is read as its correction, and the
    correction and its "I mean" are left out: the correction replaces the nearest
    earlier word close to it in spelling."""
    last = found[-1] if found else None
    shouted = last is not None and text[last.start - shift : last.end - shift].isupper()
    if "*" not in text and "mean" not in text.lower() and not shouted:
        return found
    drop: set[int] = set()
    for k, token in enumerate(found):
        marker = 0
        if k >= 2 and found[k - 2].text == "i" and found[k - 1].text in ("mean", "meant"):
            marker = 2
        elif not (
            text[token.end - shift : token.end - shift + 1] == "*"
            or text[token.start - shift - 1 : token.start - shift] == "*"
            or (shouted and token is last)  # "dyed on the moon. stupid phone. DIED"
        ):
            continue
        word = token.text
        if len(word) < 3 or not word.isalpha():
            continue
        named = _capitalised(text, token, shift)
        reach = _NAME_CORRECTION_REACH if named else _CORRECTION_REACH
        for j in range(k - marker - 1, max(-1, k - marker - 1 - reach), -1):
            earlier = found[j]
            if (
                j not in drop
                and (k - marker - j <= _CORRECTION_REACH or _capitalised(text, earlier, shift))
                and earlier.text != word
                and earlier.text[:1] == word[:1]
                and len(earlier.text) >= 3
                and OSA.distance(earlier.text, word) <= (1 if len(word) <= 4 else 2)
            ):
                # the spelling the writer took back is gone: "Marge, I mean Margo" is
                # Margo alone, not either of them
                alternatives = tuple(f for f in earlier.forms if f not in (word, earlier.text))
                found[j] = Token(word, earlier.start, earlier.end, alternatives)
                drop.update(range(k - marker, k + 1))
                break
    return [t for k, t in enumerate(found) if k not in drop] if drop else found


_DRAWN_OUT = re.compile(r"([^\W\d_])\1\1+")  # a letter three times or more
# the quick test first, for letters drawn out or doubled ("diiies", "GGoorrddoo")
_STRETCHED = re.compile(r"(.)\1(?:\1|([^\W\d_])\2([^\W\d_])\3)")


_DRAWN_RUNS = 3  # runs read one or two letters each, every way (beyond: all alike)


def _drawn_out(text: str, found: list[Token]) -> list[Token]:
    """ "diiiies" read as "dies" (and "diies"), "killlled" as "kiled" and "killed"; with
    a few runs, each as one letter or two ("Daaannnnyyyy": "dany", "danny"...)."""
    if not _DRAWN_OUT.search(text):
        return found
    for token in found:
        if token.cjk or not _DRAWN_OUT.search(token.text):
            continue
        once = _DRAWN_OUT.sub(r"\1", token.text)
        twice = _DRAWN_OUT.sub(r"\1\1", token.text)
        if len(once) <= 2:  # a cry, not the word: "noooo Karen dies" is no "no"
            once = twice
        pieces = _DRAWN_OUT.split(token.text)  # text, letter, text, letter... text
        texts, letters = pieces[::2], pieces[1::2]
        mixed = (
            [
                texts[0]
                + "".join(
                    c * n + rest for c, n, rest in zip(letters, counts, texts[1:], strict=True)
                )
                for counts in product((1, 2), repeat=len(letters))
            ]
            if 1 < len(letters) <= _DRAWN_RUNS  # before product: 2**runs readings
            else []
        )
        others = [f for f in (twice, *mixed, *token.alternatives) if f != once]
        token.text, token.alternatives = once, tuple(dict.fromkeys(others))
    return found


# a letter written twice three times in a row ("GGoorrddoo")
_PAIRED = re.compile(r"([^\W\d_])\1([^\W\d_])\2([^\W\d_])\3")


def _halved(text: str, found: list[Token]) -> list[Token]:
    """ "GGoorrddoo ddiieess": a word with every letter written twice is read with each
    once (six letters or more, so "oops", "llama" and "bookkeeper" stay)."""
    if not _PAIRED.search(text):
        return found
    for token in found:
        word = token.text
        if len(word) >= 6 and not len(word) % 2 and word[::2] == word[1::2] and not token.cjk:
            token.text = word[::2]
    return found


def _join_spelled(text: str, found: list[Token], shift: int = 0) -> list[Token]:
    """ "K a r e n", "m.a.r.g.o" and "G-o-r-d-o" become one word each (three letters or
    more; two, once the message has spelled one so). The first gap in a run (a space, a
    dot, a dash, a slash...) is its separator; anything else ends it."""
    singles = 0
    for token in found:
        singles = singles + 1 if len(token.text) == 1 else 0
        if singles == 3:
            break
    else:
        return found  # no three one-letter words in a row: nothing spelled out
    # Once a message spells in letters, two-letter words are spelled too ("l e t  g o")
    shortest = 2
    out: list[Token] = []
    run: list[Token] = []
    separator = ""

    def flush() -> None:
        if len(run) >= shortest:
            word = "".join(t.text for t in run)
            cut = _CONTRACTIONS.get(word)
            if cut is None:
                others: tuple[str, ...] = ()
                if not word.isalpha():  # spaced leetspeak: "G 0 R D 0", "T R 4 C Y"
                    word, others = _unleet(word)
                out.append(
                    Token(word, run[0].start, run[-1].end, others, spaced=True, cjk=run[0].cjk)
                )
            else:  # "d o e s n t": "doesn" + "t", as the apostrophe would cut it
                out.append(Token(word[:cut], run[0].start, run[cut - 1].end, spaced=True))
                out.append(Token(word[cut:], run[cut].start, run[-1].end, spaced=True))
        else:
            out.extend(run)
        run.clear()

    for token in found:
        single = len(token.text) == 1 and token.text.isalnum()
        if single and run and token.cjk != run[-1].cjk:
            flush()  # "カ レ ン" is joined, and "K a r e n", but not one with the other
        if single and run:
            gap = text[run[-1].end - shift : token.start - shift]
            if len(run) == 1 and (gap in _SPELLING_GAPS or _EMOJI.fullmatch(gap)):
                separator = gap
            if gap == separator or _bridged(gap, separator):
                run.append(token)
                continue
        flush()
        if single:
            run.append(token)
        else:
            out.append(token)
    flush()
    return out


_EMOJI = re.compile(r"[\u2190-\u2BFF\U0001F000-\U0001FAFF]\ufe0f?")


def _emoji_gaps(found: list[Token]) -> list[Token]:
    """An emoji between two single letters, touching both ("G🚀o🚀r🚀d🚀o"), is a
    separator: left out, so the letters can be joined."""
    gaps = [
        k
        for k in range(1, len(found) - 1)
        if found[k - 1].end == found[k].start
        and found[k].end == found[k + 1].start
        and len(found[k - 1].text) == 1
        and len(found[k + 1].text) == 1
        and found[k - 1].text.isalnum()
        and found[k + 1].text.isalnum()
        and _EMOJI.fullmatch(found[k].text)
    ]
    if len(gaps) < 2:
        return found
    drop = set(gaps)
    return [t for k, t in enumerate(found) if k not in drop]


# Where a turned or reversed run of words stops: a sentence's end
_BREAK = re.compile(r"[.!?\n]")
_TURNED_SET = frozenset(TURNED)
_TURNED_TEXT = re.compile(f"[{re.escape(TURNED_WRITTEN)}]")
_TURNED_REACH = 4  # a turned word, and up to three plain ones, then a turned one


def _mirrored(text: str, found: list[Token], shift: int) -> list[Token]:
    """Words the reader reads the other way: written backwards inside a right-to-left
    override (U+202E, shown the right way round), or "upside-down text" ("uooɯ ǝɥʇ uo
    sǝᴉp opɹo⅁": each letter turned half a turn, the words in reverse order). Each is
    read turned back, and a run of them in the order it is read."""
    runs: list[tuple[int, int, bool]] = []
    if "\u202e" in text:
        at = 0
        while (begin := text.find("\u202e", at)) != -1:
            ends = [text.find(c, begin) for c in "\u202c\n"]
            end = min((e for e in ends if e != -1), default=len(text))
            inside = [k for k, t in enumerate(found) if begin <= t.start - shift < end]
            # each sentence turned on its own: tokens never cross a sentence's end
            while inside:
                last = 0
                while last + 1 < len(inside) and not _BREAK.search(
                    text[found[inside[last]].end - shift : found[inside[last + 1]].start - shift]
                ):
                    last += 1
                runs.append((inside[0], inside[last], False))
                inside = inside[last + 1 :]
            at = end
    turned = (
        [k for k, t in enumerate(found) if not _TURNED_SET.isdisjoint(t.text)]
        if _TURNED_TEXT.search(text)
        else ()
    )
    if turned:
        first = last = turned[0]
        for k in turned[1:]:
            between = text[found[last].end - shift : found[k].start - shift]
            if (
                k - last <= _TURNED_REACH
                and not _BREAK.search(between)
                and all(found[j].text.isalpha() for j in range(last + 1, k))
            ):
                last = k
            else:
                runs.append((first, last, True))
                first = last = k
        runs.append((first, last, True))
    for first, last, flip in runs:
        for token in found[first : last + 1]:
            forms = [f[::-1].translate(TURNED_PLAIN) if flip else f[::-1] for f in token.forms]
            token.text, token.alternatives = forms[0], tuple(forms[1:])
        found[first : last + 1] = found[first : last + 1][::-1]
    return found


def _bridged(gap: str, separator: str) -> bool:
    """A spelled word's apostrophe between its separators ("d.o.n.'.t", "c-a-n-'-t"):
    still one word, which the contraction cut then splits as written."""
    if not separator or gap.count("'") + gap.count("\u2019") != 1:
        return False
    return gap.replace("\u2019", "'").replace("'", "") in ("", separator, separator * 2)
