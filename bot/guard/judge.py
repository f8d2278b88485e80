"""Deciding whether a message spoils, how sure the guard is, and why.

A message spoils when it connects a *subject* (a character however pointed at, or a
thing such as "the Sea Dragon") with an *outcome* a finale reveals, close enough to be
one statement, in text a reader can see. The stages:

- **who**: names (with typos, other scripts), roles and relations ("Ed's wife", "the
  Outpost owner", read for the season the message talks about), pronouns and "both of
  them" pointing back at characters named earlier in the message. A name that could be
  anyone's ("Karen") counts in full only when the message is about the show; "my aunt
  Karen", "Karen from HR", "Ed Sheeran" and "the real Deke Slayton" are someone else.
- **what**: meaning classes in every language (death, arrest, exile...), negation
  flipping death and survival ("doesn't survive" is a death, "isn't dead" is alive; "would
  never defect" is nothing), figures of speech cancelled ("killed it", "I'm dead", "that
  cliffhanger killed me"), emoji counting only right beside a name.
- **together**: subject and outcome in the same sentence (closer is surer), or the
  outcome in a later sentence that points back with a pronoun.
- **how sure**: a score in [0, 1]; a bare yes/no question ("does Gordo die?"; in the
  other languages a question mark is enough: "Karen morre?") asks and scores low; a
  name that could be anyone, without show context, scores lower (tagged only when the
  statement is plain and close; otherwise the review band).

Each stage is a layer of the one context class, in this order: itself.py, who.py and
relations.py (who), cancelled.py and what.py (what), asking.py, scoring.py and
answers.py (how sure), backrefs.py and together.py (together); reading.py holds what
they share, verdict.py the verdict and its numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bot.canon.models import GuardRule
from bot.guard.bereaved import _LEFT_BY
from bot.guard.initials import SHORTHAND, first_letters
from bot.guard.layout import Layout, Span, layout, sentences, unmarked, visible
from bot.guard.lexicon import Lexicon, common_words, plain, split_language
from bot.guard.matcher import Found, Vocabulary
from bot.guard.normalise import Token, tokens
from bot.guard.reading import (
    _AND,
    _NO_FOUND,
    _NONE,
    _POINTING,
    BEFORE_EPISODE,
    PLACED_IN,
    _apart,
    _clause_break,
    _Cue,
    _episodes,
    _Mention,
    _names_finale,
    _Rule,
    _Sentence,
    corrected_to_finale,
)
from bot.guard.together import _Together
from bot.guard.verdict import DEFAULT_THRESHOLD, EPISODE_REACH, Evidence, Verdict
from bot.guard.vocabulary import compile_vocabulary

_SUBJECTS = frozenset({"name", "thing", "role", "relation", "initials"})
_OUTCOMES = frozenset({"cue", "weak", "action", "slot"})
# a sentence of a negation or a "no" alone may repeat an outcome before it (ellipsis.py)
_ELLIPTIC = frozenset({"negation", "answer_no"})
# The writer as an object ("gave me actual chills"): a word of the real world after it is
# the writer's reaction heightened, not history
_WRITER_OBJECT = frozenset({"me", "us"})
# After "I mean" (`correcting`), what a figure is corrected to, if it is the show's event
# ("no i mean the car bomb"), and how many words may come first ("the actual")
_CORRECTED_TO = frozenset({"thing", "cue", "action"})
_CORRECTION_REACH = 2


class Matcher:
    """Rules and knowledge compiled once; ``inspect`` reads messages with them."""

    def __init__(
        self,
        rules: Iterable[GuardRule],
        terms: Sequence[str] = (),
        lexicon: Lexicon | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.lexicon = lexicon or Lexicon()
        self.threshold = threshold
        self.vocabulary: Vocabulary = compile_vocabulary(self.lexicon)
        self.people = self.lexicon.people
        common = common_words()
        # Single-word names that are everyday words, with the languages they are common in
        self._common_names = [
            {n.casefold(): common[n.casefold()] for n in plain(p.names) if n.casefold() in common}
            for p in self.people
        ]
        self._all_names = {
            w.casefold() for p in self.people for n in plain(p.names) for w in n.split()
        }
        # ... and every word of them as the message's words are read ("VanSanten" reads
        # "van" "santen", "Peña" reads "pena")
        self._name_words = self._all_names | {
            t.text for p in self.people for n in plain(p.names) for t in tokens(n)
        }
        self._functions = {
            k[len("function_") :]: frozenset(plain(v))
            for k, v in self.lexicon.words.items()
            if k.startswith("function_")
        }
        # Determiners, read word by word and only before an object of a figure
        self._determiners = frozenset(
            t.text for w in plain(self.lexicon.words.get("determiner", ())) for t in tokens(w)
        )
        # Ousting verbs as written (together.py): "despide" (Dev fires him), not the plural
        # "despiden" a typo away (they fire Dev)
        self._ousting = frozenset(plain(self.lexicon.words.get("ousting", ())))
        # Ships and crews first seen in a season ("first_seen_3": Sojourner, Kuznetsov):
        # a rule of an earlier finale that needs no outcome ("boots on Mars") said with
        # them is that later season's scene (together.py's _later_event)
        self._first_seen: dict[str, int] = {}
        for key, listed in self.lexicon.words.items():
            if key.startswith("first_seen_") and key[len("first_seen_") :].isdigit():
                for word in plain(listed):
                    self._first_seen[word.casefold()] = int(key[len("first_seen_") :])
        # Who is a "she" or a "he", as far as their relations say (wife, son...)
        feminine = set(plain(self.lexicon.words.get("feminine", ())))
        masculine = set(plain(self.lexicon.words.get("masculine", ())))
        self._genders: dict[str, str] = {}
        for person in self.people:
            said = {w for r in person.roles if r.of for word in r.words for w in word.split("|")}
            if person.gender is not None:
                self._genders[person.id] = person.gender
            elif said & feminine and not said & masculine:
                self._genders[person.id] = "she"
            elif said & masculine and not said & feminine:
                self._genders[person.id] = "he"
        # Initials ("KB & MC kia"): first and last name's first letters, for everyone
        # with both; shared initials point at all who share them ("KB": Karen, Kelly)
        initials: dict[str, set[str]] = defaultdict(set)
        small = {w for words in self._functions.values() for w in words}
        for person in self.people:
            parts = [w for w in person.names[0].casefold().split() if w[:1].isalpha()]
            if len(parts) >= 2 and parts[0][0].isascii() and parts[-1][0].isascii():
                pair = parts[0][0] + parts[-1][0]
                if pair not in small and pair not in self._all_names:
                    initials[pair].add(person.id)
        self._initials = {k: frozenset(v) for k, v in initials.items()}
        for pair in self._initials:
            self.vocabulary.add(pair, ("initials", pair), exact=True)
        self._language_of: dict[str, list[str]] = defaultdict(list)
        for language, function_words in self._functions.items():
            for word in function_words:
                self._language_of[word].append(language)
        # Grammar words whose language must be weighed (_Context._grammar_counts): an
        # English one that is another language's small word; another language's one
        # that is an everyday English word
        self._gate_english = frozenset(
            w for w, languages in self._language_of.items() if set(languages) - {"en"}
        )
        english = self._functions.get("en", frozenset())
        self._gate_other = (
            frozenset(w for w, languages in common.items() if "en" in languages) | english
        )
        self.rules: list[_Rule] = []
        self._by_person: dict[str, list[int]] = defaultdict(list)
        self._by_thing: dict[str, list[int]] = defaultdict(list)
        for rule in rules:
            self._add(rule.id, rule.subjects, rule.actions, rule.reveal.episode.season)
        for term in terms:
            self._add(f"term:{term}", (term,), ())
        self._subject_only = any(not r.classes and not r.phrases for r in self.rules)
        # Single initials in shorthand about a finale ("s3f: K+M ☠"): bot/guard/initials.py
        finales: dict[str, set[int]] = defaultdict(set)
        for r in self.rules:
            if r.season is not None:
                for who in r.persons:
                    finales[who].add(r.season)
        self._first_letters = first_letters(
            ((p.id, p.names[0]) for p in self.people if p.names), finales
        )
        self._slotted = self._slot_phrases()
        # Family names in the plural ("the Baldwins", "the Stevenses"): everyone so named
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            full = person.names[0].casefold().split()
            if len(full) >= 2 and full[-1].isalpha():
                surnames[full[-1]].add(person.id)
        self._families = {
            plural: frozenset(ids)
            for name, ids in surnames.items()
            if len(ids) >= 2
            for plural in (name + "s", name + "es")
        }
        # Each character's finale scenes: the things their rules are about, by season
        self._scenes: dict[str, list[tuple[int | None, frozenset[str]]]] = defaultdict(list)
        for r in self.rules:
            if r.things:
                for who in r.persons:
                    self._scenes[who].append((r.season, r.things))
        # Episode titles ("Triage", "The Grey"), but not one that is also a thing, a
        # place or a name of the show ("Goldilocks", "Polaris", "Happy Valley")
        known = {t.casefold() for t in self._by_thing} | self._all_names
        known |= {w.casefold() for w in plain(self.lexicon.words.get("show", ()))}
        for title, key in self.lexicon.episodes.items():
            if title.casefold() not in known:
                self.vocabulary.add(title, ("episode", key), exact=True)
        self._role_keys: dict[str, tuple[int, int, int]] = {}  # "3:1:0" -> (3, 1, 0)
        # Names with a possessive "s" and no apostrophe ("Eds Frau", "Sams wife"), and the
        # Japanese spellings of names and relations ("ケリーのお母さん"): relations.py
        bare: dict[str, set[str]] = defaultdict(set)
        japanese: dict[frozenset[str], list[str]] = defaultdict(list)
        for person in self.people:
            for language, name in map(split_language, person.names):
                if language == "ja":
                    japanese[frozenset({person.id})].append(name.casefold())
                elif " " not in name and name.isalpha() and name.isascii():
                    bare[name.casefold() + "s"].add(person.id)
        self._bare_possessives = {
            w: frozenset(ids) for w, ids in bare.items() if w not in self._all_names
        }
        self._japanese_names = {k: tuple(v) for k, v in japanese.items()}
        self._japanese_relations = {
            key: tuple(p for language, p in map(split_language, phrases) if language == "ja")
            for key, phrases in self.lexicon.relations.items()
        }
        self.vocabulary.prepare()  # now, not on the first message's first typo

    def _slot_phrases(self) -> dict[str, list[tuple[str, str]]]:
        """Rule phrases that end with a character's name ("visits pam", "tells margo"),
        by the words before the name: a member may name that character another way
        ("goes to see her", "shows up at her old girlfriend's house")."""
        names: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            full = person.names[0].casefold().split()
            for name in plain(person.names):
                if len(full) < 2 or name.casefold() != full[-1]:  # not "ride" in "their ride"
                    names[name.casefold()].add(person.id)
        small = {w for words in self._functions.values() for w in words}
        slotted: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for rule in self.rules:
            for phrase in rule.phrases:
                words = phrase.split()
                who = names.get(words[-1], set()) if len(words) >= 2 else set()
                if len(who) != 1 or all(w in small for w in words[:-1]):
                    continue  # "for aleida": "for her" could be for anyone
                prefix = " ".join(words[:-1])
                slotted[prefix].append((phrase, next(iter(who))))
        for prefix in slotted:
            self.vocabulary.add(prefix, ("slot", prefix))
        return dict(slotted)

    def _add(
        self,
        key: str,
        subjects: Sequence[str],
        actions: Sequence[str],
        season: int | None = None,
    ) -> None:
        persons = frozenset(s[1:] for s in subjects if s.startswith("@"))
        things = frozenset(s for s in subjects if not s.startswith("@"))
        classes = frozenset(a[1:] for a in actions if a.startswith("@"))
        phrases = frozenset(a for a in actions if not a.startswith("@"))
        index = len(self.rules)
        self.rules.append(_Rule(key, persons, things, classes, phrases, season))
        for person in persons:
            self._by_person[person].append(index)
        for thing in things:
            self.vocabulary.add(thing, ("thing", thing))
            self._by_thing[thing].append(index)
        for phrase in phrases:
            self.vocabulary.add(phrase, ("action", phrase))
            # the thing the phrase's "it" stands for, said in its place: "keep it at
            # mars" is also "keep Goldilocks at Mars", "pull it off", "pull the heist off"
            words = phrase.split()
            if things and "it" in words[1:]:
                at = words.index("it", 1)
                for thing in things:
                    for named in (thing, f"the {thing}"):
                        variant = " ".join((*words[:at], named, *words[at + 1 :]))
                        self.vocabulary.add(variant, ("action", phrase))

    # --- reading -------------------------------------------------------------------

    def read(
        self, page: Layout, spans: Sequence[Span], *, markers_shown: bool = True
    ) -> list[_Sentence]:
        """Each sentence's words and what they name. The message is normalised in one
        go (sentences end at punctuation or line breaks, never inside a word).
        ``markers_shown=False``: a message read conservatively, with every markup
        character left out (``layout.unmarked``)."""
        if not spans:
            return []
        first, last = spans[0][0], spans[-1][1]
        if markers_shown:
            shown, origin = visible(page, (first, last))
        else:
            shown, origin = unmarked(page, (first, last))
        if origin is None:
            every = tokens(shown, first)
        else:  # markers left out: back to the original's offsets
            every = tokens(shown)
            for token in every:
                token.start, token.end = origin[token.start], origin[token.end - 1] + 1
        if page.links and not page.unparsed:  # conservatively, no word is only an address
            starts = [a for a, _ in page.links]  # in order, apart
            for token in every:
                at = bisect_right(starts, token.start) - 1
                token.link = at >= 0 and token.start < page.links[at][1]
        read = []
        at = 0
        count = len(every)
        find = self.vocabulary.find
        for index, (_, end) in enumerate(spans):
            until = at
            while until < count and every[until].start < end:
                until += 1
            words = every[at:until]
            at = until
            read.append(_Sentence(index, words, find(words, page.text), page.text))
        return read

    def inspect(self, text: str, *, about_show: bool = False) -> Verdict:
        page = layout(text)
        spans = sentences(page)
        verdict = self._judge(page, spans, self.read(page, spans), about_show)
        if not page.unparsed:
            return verdict
        # More markup than the guard follows: read every marker as shown (above) and as
        # left out ("Gor**do" reads "Gordo"), and keep what either finds (either way no
        # tag is placed in it: the safe form).
        other = self._judge(page, spans, self.read(page, spans, markers_shown=False), about_show)
        best: dict[tuple[str, str | None, tuple[int, ...]], Evidence] = {}
        for e in verdict.evidence + other.evidence:
            key = (e.rule, e.character, e.sentences)
            if key not in best or best[key].score < e.score:
                best[key] = e
        evidence = sorted(best.values(), key=lambda e: -e.score)
        score = max(verdict.score, other.score)
        return Verdict(page, tuple(spans), score, tuple(evidence), self.threshold)

    def _judge(
        self, page: Layout, spans: list[Span], read: list[_Sentence], about_show: bool
    ) -> Verdict:
        text = page.text
        categories = {f.category for s in read for f in s.found}
        # single initials may be there: "s3f: M fakes it" (bot/guard/initials.py)
        shorthand = SHORTHAND.search(text) is not None
        if shorthand and not categories & _SUBJECTS and categories & _OUTCOMES:
            categories.add("initials")
        # Nobody and nothing a rule is about, or nothing said of them: no spoiler (a rule
        # without outcomes has a "thing" subject, which is enough on its own). A negation
        # may say something by itself: "Deke doesn't.", "no more Molly".
        nothing_said = not categories & _SUBJECTS or not (
            categories & _OUTCOMES
            or any(
                f.key in ("negation", "absent", "misspelt_death")
                # "right before he goes": leaving, after a word of time
                or (
                    f.key == "departing"
                    and any(g.key in ("departing_when", "departing_together") for g in s.found)
                )
                for s in read
                for f in s.found
                if f.category == "word"
            )
            # "Marge becomes a widow": a death said by a relation (bereaved.py)
            or any(f.key in _LEFT_BY for s in read for f in s.found if f.category == "relation")
        )
        if nothing_said and not ("thing" in categories and self._subject_only):
            return Verdict(page, tuple(spans), 0.0, (), self.threshold)
        context = _Context(self, read, about_show, () if page.unparsed else page.links)
        context.shorthand = shorthand
        for sentence in read:
            context.recognise(sentence)
        context.place_by_trailing_episode()
        evidence = context.associate()
        evidence.sort(key=lambda e: -e.score)
        best = evidence[0].score if evidence else 0.0
        return Verdict(page, tuple(spans), round(best, 3), tuple(evidence), self.threshold)


class _Context(_Together):
    """One message being judged: what it is about, who it has named so far."""

    def __init__(
        self, matcher: Matcher, read: list[_Sentence], about_show: bool, links: Sequence[Span]
    ) -> None:
        self.m = matcher
        self.read = read
        self._about_show = about_show
        self.links = links  # the message's link addresses
        self.set_aside: dict[str, bool] = {}  # characters whose names meant someone else
        self.others_named: set[str] = set()  # the words that named them ("gordon")
        self._seasons_at: dict[int, list[tuple[int, int]]] = {}  # per sentence: (where, season)
        self._listed: dict[int, dict[int, _Mention]] = {}  # per sentence: start -> character
        # per sentence: the words naming a subject, and how many mentions they are from
        self._named: dict[int, tuple[int, set[int]]] = {}

    def recognise(self, s: _Sentence) -> None:
        by: dict[str, list[Found]] = {}
        for f in s.found:
            by.setdefault(f.category, []).append(f)
        elliptic = s.index and any(f.key in _ELLIPTIC for f in by.get("word", _NO_FOUND))
        # a death spelt as another word ("trasy dye on teh moon"): what.py _misspelt_deaths
        misspelt = any(f.key == "misspelt_death" for f in by.get("word", _NO_FOUND))
        if not (by.keys() & _SUBJECTS or by.keys() & _OUTCOMES or elliptic or misspelt):
            # nothing here a rule could use; a pronoun keeps a chain going, though
            for f in by.get("word", _NO_FOUND):
                if f.key in _POINTING:
                    s.grammar.setdefault(f.key, set()).add(f.start)
            return
        s.by = by
        s.starts = {f.start for f in s.found}
        idiom: set[int] = set()
        for f in by.get("idiom", _NO_FOUND):
            # not across punctuation: "margo: arrested. development: none" is no idiom
            if any(_apart(s, k, k + 1) for k in range(f.start, f.end - 1)):
                continue
            # a longer literal phrase from the same place wins: "dying to stop the
            # meltdown" is a death, though "dying to" alone is eagerness
            if any(c.start == f.start and c.end > f.end for c in by.get("cue", _NO_FOUND)):
                continue
            if self._placed_in_show(s, by, f.end):
                continue  # "dead on the moon", "fired on the Sea Dragon": not "dead on"
            if _dated(s, by, f.end):
                continue  # "gone by the end of s3": a time the story reaches, not "gone by"
            idiom.update(range(f.start, f.end))
        if idiom and self._meant_literally():
            idiom.clear()  # "goes out with a bang. and I mean an actual bang"
        grammar = s.grammar
        if idiom:  # where the figures are: a fragment after may echo one (backrefs.py)
            grammar["idiom"] = idiom
        gate_english, gate_other = self.m._gate_english, self.m._gate_other
        words = s.words
        found_words = by.get("word", _NO_FOUND)
        for f in found_words:
            if f.end - f.start == 1:
                # only words another language could claim are weighed ("i", "me", "die")
                word = words[f.start].text
                gate = gate_english if f.language == "en" else gate_other
                if (
                    word in gate
                    and not self._grammar_counts(s, f)
                    and not (
                        f.key == "namesake_owner" and _vouched(found_words, f, words, gate_other)
                    )
                ):
                    continue
                grammar.setdefault(f.key, set()).add(f.start)
            else:
                grammar.setdefault(f.key, set()).update(range(f.start, f.end))
        if "real" in grammar and "first_object" in grammar:
            # "boots on Mars in 1995 gave me actual chills": a word of the real world right
            # after the writer as an object ("me", "us") heightens the writer's reaction and
            # says nothing of history
            grammar["real"] = {
                k
                for k in grammar["real"]
                if not (k - 1 in grammar["first_object"] and words[k - 1].text in _WRITER_OBJECT)
            }
            if not grammar["real"]:
                del grammar["real"]
        # "murdering every engineer's argument"; "se o Gordo não tivesse morrido" (the
        # subject a supposition names, after its article: supposing.py)
        if "figure_object" in grammar or "supposing_subject" in grammar:
            determiners = self.m._determiners
            grammar["determiner"] = {k for k, w in enumerate(words) if w.text in determiners}
        self._people(s)
        self._roles(s)
        self._cues(s, idiom)
        titles = self._titles(s) if "episode" in by else {}
        if any(c.weak for c in s.cues):  # only hints care whether a finale is named
            s.finale = _names_finale(s.words) or any(titles.values())
        if s.cues and (s.mentions or s.index):  # a later sentence may point back
            s.markers = markers = _episodes(s.words)
            if titles:
                # "the end of Triage", "the very last moments of Triage", "the final
                # scene of Triage": the end of that episode, not a finale
                markers = [
                    (k, finale)
                    for k, finale in markers
                    if not (finale and _end_of_title(s, k, titles))
                ]
                s.markers = markers = markers + list(titles.items())
            if any(not finale for _, finale in markers):
                denied = _denied_placements(s, markers)
                if denied:  # "margo's arrest isn't in Brazil (ep9), it's the last episode"
                    markers = [(k, finale) for k, finale in markers if k not in denied]
                # what is said goes with the nearest episode named in its clause: "Sylvie
                # dies in ep 4, but the car bomb that takes Karen is the s3 finale"
                for cue in s.cues:
                    near = [
                        (distance, finale)
                        for k, finale in markers
                        if (distance := min(abs(cue.start - k), abs(cue.end - 1 - k)))
                        <= EPISODE_REACH
                        and (
                            not _clause_break(s, min(k, cue.start), max(k, cue.start))
                            or _apposed(s, k, cue, markers)
                        )
                    ]
                    cue.elsewhere = bool(near) and not min(near)[1]

    def place_by_trailing_episode(self) -> None:
        """An episode the message ends on, when no other place names one, places what
        the whole message says: "... made it a condition. margo u sly thing (s3e5)",
        "... right before the news ruins it. e7-e8 of s3". A non-finale one there puts
        every outcome said without an episode of its own beside it in that episode."""
        if not self.read:
            return
        last = self.read[-1].words
        end = last[-4:]  # most messages end on no episode: a look at the end first
        # by its number ("s3e5", "ep 7"), not a word ("Brutal opener.")
        tag = [
            k for k, _ in _episodes(end) if any(c.isdigit() for t in end[k : k + 2] for c in t.text)
        ]
        if not tag or any(finale for _, finale in _episodes(last)):
            return
        if any(_episodes(s.words) for s in self.read[:-1]):
            return
        for s in self.read:
            if not s.markers:
                for cue in s.cues:
                    cue.elsewhere = True

    def _titles(self, s: _Sentence) -> dict[int, bool]:
        """The episodes named by title, where each starts and whether it is a finale."""
        return {f.start: f.key.endswith(":1") for f in s.of("episode") if self._a_title(s, f)}

    @staticmethod
    def _placed_in_show(s: _Sentence, by: dict[str, list[Found]], end: int) -> bool:
        """Whether a figure ending in "on" goes on to a place or a thing of the show, so
        it was meant as it stands: "dead on the moon", "fired on the Sea Dragon" (but
        "dead on, Ed", "dead on the money")."""
        words = s.words
        if end >= len(words) or words[end - 1].text != "on" or _apart(s, end - 1, end):
            return False
        at = end + 1 if words[end].text == "the" else end
        return any(
            f.start == at and (f.category in ("thing", "name") or f.key == "show")
            for category in ("thing", "name", "word")
            for f in by.get(category, _NO_FOUND)
        )

    def _meant_literally(self) -> bool:
        """Whether the writer says, anywhere in the message, that a figure is meant as it
        stands ("not figuratively", "I mean an actual bang"), or corrects it to the event of
        the show it stood for ("went out with a bang. no i mean the car bomb")."""
        for r in self.read:
            correcting = [f.end for f in r.found if f.category == "word" and f.key == "correcting"]
            for f in r.found:
                if f.category == "word" and f.key == "literal":
                    return True
                if correcting and f.category in _CORRECTED_TO:
                    at = f.start
                    if any(end <= at <= end + _CORRECTION_REACH for end in correcting):
                        return True
        return False


# Between a negation and the "in" of the episode it denies ("isn't in ep 9", "not in Brazil")
_DENIED_REACH = 3


def _dated(s: _Sentence, by: dict[str, list[Found]], end: int) -> bool:
    """Whether a figure ending in "by" (`by_time`) goes on to an episode, a season or a
    finale of the show, so it was meant as it stands: "gone by the end of s3" (not "days
    gone by")."""
    if not any(f.key == "by_time" and f.end == end for f in by.get("word", _NO_FOUND)):
        return False
    return any(
        end <= k <= end + 3 and not _clause_break(s, end - 1, k) for k, _ in _episodes(s.words)
    )


def _denied_placements(s: _Sentence, markers: list[tuple[int, bool]]) -> set[int]:
    """The non-finale episodes a sentence names only to deny that something happens in
    them, corrected to a finale just after: "margo's arrest isn't in Brazil (ep9), it's
    the very last episode", "not in ep 9 but in the finale". Such an episode is not where
    the outcome is placed. The episode's code in brackets just after it is denied too."""
    negations = s.grammar.get("negation", _NONE)
    if not negations or all(not finale for _, finale in markers):
        return set()
    words = s.words
    denied: set[int] = set()
    for k, finale in sorted(markers):
        if finale:
            continue
        if any(d < k <= d + 3 for d in denied) and "(" in s.text[words[k - 1].end : words[k].start]:
            denied.add(k)  # its code in brackets: "not in Brazil (ep9)"
            continue
        j = k - 1
        while j > 0 and words[j].text in BEFORE_EPISODE:
            j -= 1
        if (
            j >= 0
            and words[j].text in PLACED_IN
            and any(j - _DENIED_REACH <= n < j for n in negations)
            and not _clause_break(s, max(0, j - _DENIED_REACH), j)
            and corrected_to_finale(s, k)
        ):
            denied.add(k)
    return denied


def _vouched(
    found: Iterable[Found], f: Found, words: Sequence[Token], everyday: frozenset[str]
) -> bool:
    """Whether another language's grammar word that English also writes ("mi", "ma",
    "mia") is vouched for by the word after it, a word of that language's vocabulary no
    English word spells, or a phrase of it ("mi tía Karen", "ma tante Karen", "mia zia
    Karen", "ma grand-mère Karen"): the pair is that language, however short the message."""
    if f.language == "en":
        return False
    return any(
        g.start == f.end
        and g.language == f.language
        and (g.end > g.start + 1 or words[g.start].text not in everyday)
        for g in found
    )


def _apposed(s: _Sentence, k: int, cue: _Cue, markers: list[tuple[int, bool]]) -> bool:
    """Whether an outcome is told in an apposition to the episode at ``k``: "That 2x09
    cliffhanger, cosmonauts storming Jamestown, left me ...", the episode and at most one
    word after it ("cliffhanger", "ending"), a comma, the outcome and a comma closing it.
    A clause that names its own episode is no apposition: "Harry is gone in 1x09, but Deke
    dies in the finale, on the Moon"."""
    if cue.start <= k:
        return False
    opened = next((j for j in range(k, min(k + 2, cue.start)) if _apart(s, j, j + 1)), None)
    if opened is None or any(_apart(s, j, j + 1) for j in range(opened + 1, cue.end - 1)):
        return False
    last = len(s.words) - 1
    closed = next(
        (j for j in range(cue.end - 1, min(cue.end + 3, last)) if _apart(s, j, j + 1)), None
    )
    return closed is not None and not any(opened < m <= closed for m, _ in markers)


_END_PART_REACH = 3  # words from a finale word to the "of" before a title ("last moments of")


def _end_of_title(s: _Sentence, k: int, titles: dict[int, bool]) -> bool:
    """Whether the finale word at ``k`` ("end", "last", "final") is the end of the episode
    titled after it: "the end of Triage", "the very last moments of 'Triage'", "the final
    scene of Triage" (a few words, no punctuation or "and", then "of" and the title)."""
    words = s.words
    for j in range(k + 1, min(k + 1 + _END_PART_REACH, len(words) - 1)):
        if words[j].text == "of":
            return j + 1 in titles
        if _apart(s, j - 1, j) or _apart(s, j, j + 1) or words[j].text in _AND:
            return False
    return False
