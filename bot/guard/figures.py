"""Figures of speech told by how a fate word is used, not by a list of phrases: a fate
word that is a noun of film-making ("that Sea Dragon shot"), one whose subject is a
performance ("her one-liners absolutely murder", "the acting kills"), and one that
sends someone out of the writer's own world ("exiled himself from my good books"), and
one whose object is no person: an argument, a scene, a song, everyone else ("murdering
every engineer's argument", "buries everyone else in every scene": `figure_object`)."""

from __future__ import annotations

from bot.guard.reading import _NONE, _apart, _Sentence

# What may stand between a subject and its verb without changing who does it
_LINKING = frozenset({"is", "was", "are", "were", "just", "so", "really", "always", "still"})
# A noun of film-making: "that Sea Dragon shot blew me away"
_CAMERA = frozenset({"shot", "shots"})
_ARTICLES = frozenset({"the", "that", "this", "those", "these", "a", "an", "every", "each"})
# Words after which "shot" is the verb, not the noun: "shot down", "shot by Ed"
_VERB_AFTER = frozenset({"down", "up", "out", "at", "by", "from", "into", "dead", "and", "in"})
_VERB_AFTER |= {"on", "him", "her", "them", "it", "twice", "point", "through"}
# Out of the writer's own world: "from my good books", "off our watchlist"
_OUT_OF = frozenset({"from", "off", "out"})
_WRITERS = frozenset({"my", "our"})
_SELF = frozenset({"himself", "herself", "themselves", "him", "her", "them", "of"})
_LEADS_OUT = _SELF | _OUT_OF


def _adverb(word: str) -> bool:
    """An English adverb of manner or degree, by its ending ("absolutely", "truly")."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha()


def figure_of_speech(s: _Sentence, start: int, end: int) -> bool:
    """Whether the fate word(s) at ``start``..``end`` are a figure by their construction
    (each look is made only when its word is there: most fate words are none of these)."""
    words = s.words
    if words[start].text in _CAMERA and _camera_noun(s, start, end):
        return True
    if "performance" in s.grammar and _performance_does(s, start, end):
        return True
    if "figure_object" in s.grammar and _done_to_a_figure_object(s, end):
        return True
    return end < len(words) and words[end].text in _LEADS_OUT and _out_of_writers_world(s, end)


def _camera_noun(s: _Sentence, start: int, end: int) -> bool:
    """ "that Sea Dragon shot was gorgeous": "shot" after a thing of ours that follows an
    article, with no verb's particle or object after it, is a shot of the film."""
    words = s.words
    if end - start != 1 or end >= len(words) or words[start].text not in _CAMERA:
        return False
    # "shots" is a noun whatever follows; "shot" is the verb before a particle or object
    verb_after = words[start].text == "shot" and words[end].text in _VERB_AFTER
    if verb_after or _apart(s, start, end):
        return False
    for m in s.mentions:
        if m.end == start and m.thing and not m.persons:
            return m.start == 0 or (
                words[m.start - 1].text in _ARTICLES and not _apart(s, m.start - 1, m.start)
            )
    return False


def _performance_does(s: _Sentence, start: int, end: int) -> bool:
    """ "Molly's one-liners absolutely murder", "the acting in that scene kills": a fate
    verb whose subject is a performance (vocabulary `performance`), with no one of ours
    for its object, is praise."""
    performance = s.grammar.get("performance", _NONE)
    if not performance:
        return False
    words = s.words
    k = start - 1
    while k >= 0 and (words[k].text in _LINKING or _adverb(words[k].text)):
        k -= 1
    if k < 0 or k not in performance or _apart(s, k, start):
        return False
    after = end + (end < len(words) and words[end].text in _ARTICLES)
    return not any(m.start == after and (m.persons or m.thing) for m in s.mentions)


def _out_of_writers_world(s: _Sentence, end: int) -> bool:
    """ "exiled himself from my good books", "kicked off our watchlist": sent out of
    something of the writer's, not out of the story."""
    words = s.words
    k = end
    if k < len(words) and words[k].text in _SELF:
        k += 1
    if k < len(words) and words[k].text == "out":
        k += 1
        if k < len(words) and words[k].text == "of":
            k += 1
        return k < len(words) and words[k].text in _WRITERS and not _apart(s, end - 1, k)
    return (
        k + 1 < len(words)
        and words[k].text in _OUT_OF
        and words[k + 1].text in _WRITERS
        and not _apart(s, end - 1, k + 1)
    )


# How many words may stand between a fate verb and the head of its object: determiners,
# a possessive name ("every engineer's argument") and its "s"
_OBJECT_REACH = 5


def _done_to_a_figure_object(s: _Sentence, end: int) -> bool:
    """ "margo murdering every engineer's argument", "Wrenn Schmidt buries everyone else",
    "Karen mata cada argumento": a fate verb whose object is an argument, a scene, a song,
    the rest of the cast (`figure_object`, every language) is praise or hyperbole, not a
    fate. Between the verb and the object's head only determiners (`determiner`) and
    possessive names may stand: not a name of ours ("kills Molly in the scene"), a
    pronoun or a preposition ("dies in the reactor scene"); a single word right after
    the fate word is the head of a compound ("the torture scene"), not its object."""
    objects = s.grammar["figure_object"]
    determiners = s.grammar.get("determiner", _NONE)
    owners = s.grammar.get("owner", _NONE)
    words = s.words
    k = end
    while k < len(words) and k - end <= _OBJECT_REACH and not _apart(s, k - 1, k):
        if k in objects:
            # right after the fate word, one word is a compound's head: "the torture
            # scene", "Deke's death scene"; a phrase is an object: "buries everyone else"
            return k > end or k + 1 in objects
        if k in determiners or k in owners:
            k += 1
            continue
        if k + 1 in owners:  # a possessive the vocabulary does not know: "every engineer's"
            k += 2
            continue
        # a name or role owning the object: "every engineer's argument", "Ed's argument"
        owned = next((m.end for m in s.mentions if m.start == k and m.end in owners), None)
        if owned is None:
            return False
        k = owned
    return False
