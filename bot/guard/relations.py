"""Who a sentence points at without a name: roles ("the Outpost owner") and relations
("Ed's wife") read for the season the message talks about, the people an apposition or an
owner names, and the characters a pronoun may point back at (its antecedents)."""

from __future__ import annotations

from collections import defaultdict

from bot.guard.itself import _ARTICLES
from bot.guard.lexicon import common_words, plain
from bot.guard.matcher import Found
from bot.guard.reading import _AND, _NONE, _apart, _gender, _Mention, _Sentence
from bot.guard.who import _Who

_RELATIVE = frozenset({"who", "that", "whom"})  # "the kid (that) Gordo raised"
# "Of" before a relation's owner in the guard's languages: "the wife of Ed", "la femme
# d'Ed", "die Frau von Ed", "a esposa do Ed"
_OF = frozenset({"of", "de", "d", "del", "do", "da", "di", "della", "von", "vom", "du"})
# A word before a relation that says which of its people is meant
_GENDERED = {"woman": "she", "lady": "she", "girl": "she", "man": "he", "guy": "he"}
_GENDERED |= {"dude": "he", "boy": "he"}


# "Tracy's second husband": which of a relation's people, in the order they became so
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_ORDINALS |= {"new": -1, "newer": -1, "latest": -1, "current": -1}
_PARTNERS = frozenset({"partner", "wife", "husband"})  # who may share a baby


class _Related(_Who):
    """Recognising people by role or relation, and what pronouns point back at."""

    def _roles(self, s: _Sentence) -> None:
        if "role" not in s.by and "relation" not in s.by:
            return
        slots: dict[tuple[int, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        parsed = self.m._role_keys
        for f in s.of("role"):
            person, role, slot = parsed.get(f.key) or parsed.setdefault(
                f.key,
                tuple(map(int, f.key.split(":"))),  # type: ignore[arg-type]
            )
            slots[(person, role)][slot].append(f.start)
        for (person, role_index), found in slots.items():
            known = self.m.people[person].roles[role_index]
            if known.of is not None:
                continue
            # "Helios was huge in s3, but its founder ...": the place named before
            positions = self._its_place(s, person, role_index, found, len(known.words))
            if not positions:
                positions = [min(p) for p in found.values()]
                if len(found) < len(known.words) or max(positions) - min(positions) > 6:
                    continue
            start = min(positions)
            if "first_object" in s.grammar and self._writers(s, start):
                continue  # "my old boss at JSC": the writer's
            if not self._in_season(known.first, known.last) and not (
                self._former(s, start) and self._held_by(known.first)
            ):
                continue  # "the former JSC director" in season 4: held before it
            if _apart(s, min(positions), max(positions)):
                continue  # "Karen (the character, not my boss) dies at JSC": not a role
            if self._elsewhere(s, max(positions) + 1):
                continue  # "the bar owner in my town": someone in the writer's world
            if _described(s, min(positions)) - 1 in s.grammar.get("job_as", _NONE):
                continue  # "her new job as a bar owner": a kind of job, nobody in particular
            if _done_by_mine(s, min(positions)):
                continue  # "I tend bar on weekends", "my roommate tends bar": the writer's
            if self._said_of_a_name(s, min(positions), self.m.people[person].id):
                continue  # "Sally Ride was the first American woman in space": hers
            if self._partnered(s, max(positions) + 1, self.m.people[person].id):
                continue  # "the guy who co-ran polaris with karen": her partner
            end = max(positions) + 1  # to the end of its last words ("got there first")
            for f in s.of("role"):
                if (
                    f.start in positions
                    and f.end > end
                    and parsed[f.key][:2] == (person, role_index)
                ):
                    end = f.end
            if self._real_role(s, person, min(positions), end):
                continue  # "in real life the head of the astronaut office died in 1993"
            s.mentions.append(
                _Mention(
                    min(positions),
                    end,
                    frozenset({self.m.people[person].id}),
                    how="role",
                    since=known.first,
                )
            )
        for f in s.of("relation"):
            self._relation(s, f)

    def _real_role(self, s: _Sentence, person: int, start: int, end: int) -> bool:
        """Whether a real person's role is said of history, as the name would be: a `real`
        word in the sentence, outside the role's own words ("in real life the guy who ran
        the astronaut office died in 1993"), nothing of the show's own (no show word, no
        character of its own named), and no outcome only the show has ("in real life the
        chief astronaut died on the moon??" is the show's)."""
        if not self.m.people[person].real:
            return False
        grammar = s.grammar
        # "the real-life astronaut" is a role of the show's own: its `real` word is next
        # to what it describes ("in real life the head of the astronaut office" is not)
        if not any(not max(start, end - 3) <= k < end for k in grammar.get("real", _NONE)):
            return False
        if any(not start <= k < end for k in grammar.get("show", _NONE)):
            return False
        if any(not self.m.people[int(x.key)].real for x in s.of("name")):
            return False
        return not self._show_only(s, Found("role", "", start, end))

    def _its_place(
        self, s: _Sentence, person: int, role: int, found: dict[int, list[int]], size: int
    ) -> list[int]:
        """The positions of "its" and the role word after it when the role's other words
        (its place: "Apollo 24", "Helios") were said before, in this sentence or the two
        before, and not as the writer's own ("my company Helios"): "Apollo 24 is cursed,
        and its commander ...". Empty when not so."""
        owners = s.grammar.get("place_owner", _NONE)
        if not owners:
            return []
        for slot, starts in found.items():
            for at in starts:
                if at - 1 not in owners:
                    continue
                others = [k for k in range(size) if k != slot]
                if all(self._said_before(s, f"{person}:{role}:{k}", at - 1) for k in others):
                    return [at - 1, at]
        return []

    def _said_before(self, s: _Sentence, key: str, before: int) -> bool:
        """Whether a role's words (``key``) were said before word ``before`` of this
        sentence or in the two sentences before, and not as the writer's own."""
        for earlier in (*self.read[max(0, s.index - 2) : s.index], s):
            mine = earlier.grammar.get("namesake_owner", _NONE)
            for f in earlier.found:
                if f.key != key or f.category != "role" or (earlier is s and f.start >= before):
                    continue
                if not ({f.start - 1, f.start - 2} & mine or self._elsewhere(earlier, f.end)):
                    return True
        return False

    def _said_of_a_name(self, s: _Sentence, at: int, person: str) -> bool:
        """Whether the role starting at ``at`` is what a name just before is said to be
        ("Sally Ride was the first American woman in space", "Tom Stafford, the Apollo 10
        commander,"): the role is then that name's, not the character's it is in the show
        (unless that name is the character's own: "Molly, the first American woman...")."""
        k = at - 1
        if k >= 0 and s.words[k].text in _ARTICLES:
            k -= 1
        if k < 0:
            return False
        if k >= 1 and k in s.grammar.get("copula", _NONE) and not _apart(s, k - 1, at):
            end = k  # "Sally Ride was the ..."
        elif _apart(s, k, k + 1) and s.text[s.words[k].end : s.words[k + 1].start].strip() == ",":
            end = k + 1  # an apposition: "Sally Ride, the first American woman in space,"
        else:
            return False
        named = [m for m in s.mentions if m.end == end and m.persons and m.how == "name"]
        if named:
            return any(person not in m.persons for m in named)
        return end in s.others or self._proper_noun(s, end - 1)  # "Gene Cernan was ..."

    def _partnered(self, s: _Sentence, end: int, person: str) -> bool:
        """Whether the role ending before word ``end`` is shared with the very person it
        names, named just after it: "ran polaris with karen" is Karen's partner."""
        partnered = s.grammar.get("partnered", _NONE)
        return bool(partnered) and any(
            k in partnered and any(person in m.persons for m in s.mentions if m.start == k + 1)
            for k in range(end, min(end + 2, len(s.words)))
        )

    def _in_season(self, first: int, last: int) -> bool:
        return not self.seasons or any(first <= n <= last for n in self.seasons)

    def _held_by(self, first: int) -> bool:
        """Whether a role first held in season ``first`` was held by a season named."""
        return any(first <= n for n in self.seasons)

    @staticmethod
    def _former(s: _Sentence, start: int) -> bool:
        """Whether a word just before the role at ``start`` says it was held before
        (`former`: "the former JSC director", "the ex NASA director", "who used to run")."""
        former = s.grammar.get("former", _NONE)
        return bool(former) and any(
            k in former and not _apart(s, k, start) for k in range(max(0, start - 3), start)
        )

    @staticmethod
    def _writers(s: _Sentence, start: int) -> bool:
        """Whether the role at ``start`` is the writer's own: "my" just before it, or
        before a word that describes it ("my old boss at JSC", "my former flight
        director")."""
        mine = s.grammar.get("first_object", _NONE)
        if not mine:
            return False
        if start - 1 in mine:
            return True
        describing = s.grammar.get("describing", _NONE) | s.grammar.get("former", _NONE)
        return start - 2 in mine and start - 1 in describing

    def _relation(self, s: _Sentence, f: Found) -> None:
        """ "Ed's wife", "his ex-wife", "Gordo and Tracy's younger kid", "Sergei's
        Houston counterpart": up to two words may describe the relation."""
        wanted = set(f.key.split("+"))
        owners: list[_Mention] = []
        k = f.start - 1
        possessive = s.grammar.get("owner", _NONE)
        pronouns = s.grammar.get("pronoun", _NONE) | s.grammar.get("group", _NONE)
        named = {j for m in s.mentions if m.persons for j in range(m.start, m.end)}
        while (
            k >= 0
            and k > f.start - 3
            and k not in possessive
            and k not in pronouns
            and k not in named
            and not _apart(s, k, f.start)
        ):
            k -= 1
        if k >= 0 and k in s.grammar.get("owner", ()):
            owners = [m for m in s.mentions if m.end == k and m.persons]
            # "Gordo and Tracy's": both own
            if (
                owners
                and owners[0].start >= 2
                and s.words[owners[0].start - 1].text in ("and", "&")
            ):
                # (a name, not a relation of its own: "Kelly's mom and Danny's mom")
                owners += [
                    m
                    for m in s.mentions
                    if m.end == owners[0].start - 1 and m.persons and m.how != "relation"
                ]
        elif k >= 0 and k in pronouns:
            # "his wife"; "their parents": all of them own it
            plural = k not in s.grammar.get("pronoun", _NONE)
            previous = self._antecedents(
                s.index, before=f.start, plural=plural, gender=None if plural else _gender(s, k)
            )
            owners = [_Mention(0, 0, previous)] if previous else []
        elif f.start and s.words[f.start - 1].text in self.m._families:
            # "the Baldwins' daughter": every Baldwin owns it
            family = self.m._families[s.words[f.start - 1].text]
            owners = [m for m in s.mentions if m.end == f.start and m.persons]
            for m in owners:
                m.consumed = True
            owners = [_Mention(f.start - 1, f.start, family)]
        elif k >= 0 and k in named and s.words[k].text.endswith("s"):
            # "Dannys mom", "Eds best friend": the possessive without its apostrophe
            owners = [m for m in s.mentions if m.end == k + 1 and m.persons]
        elif f.start and (bare := self._bare_owner(s, f.start - 1)):
            # "Eds Frau", "Sams wife": a name too short (or too everyday) to be read as a
            # typo of itself, with the "s" of German and English possessives
            owners = [_Mention(f.start - 1, f.start, bare)]
        elif f.language == "ja":
            owners = self._japanese_owners(s, f)  # "ケリーのお母さん", "エドの妻"
        after = not owners
        if after:
            owners = self._owners_after(s, f)
        ids: set[str] = set()
        since: dict[str, int] = {}  # when each became so: "her second husband"
        for owner in owners:
            owner.consumed = True
            for person in self.m.people:
                for known in person.roles:
                    if (
                        known.of in owner.persons
                        and wanted & {p for w in known.words for p in w.split("|")}
                        and self._in_season(known.first, known.last)
                    ):
                        ids.add(person.id)
                        since[person.id] = min(known.first, since.get(person.id, known.first))
        if "baby" in wanted:  # a baby's birth is its mother's story, known child or not
            ids |= self._mothers(owners)
        if len(ids) > 1 and f.start and s.words[f.start - 1].text in _ORDINALS:
            ids = _nth(since, _ORDINALS[s.words[f.start - 1].text])
        if ids and f.start:
            # "the woman who raised Danny": Tracy, not Gordo
            gender = _GENDERED.get(s.words[f.start - 1].text)
            if gender is not None:
                ids = {p for p in ids if self.m._genders.get(p) in (None, gender)}
        if (
            ids
            and not after
            and f.language != "ja"  # no capitals: "ケリーのお母さん、シーズン3" names nobody
            and f.end < len(s.words)
            and not _apart(s, f.end - 1, f.end)
        ):
            ids = self._apposition(s, f.end, ids)
        if ids:
            s.mentions.append(_Mention(f.start, f.end, frozenset(ids), how="relation"))

    def _bare_owner(self, s: _Sentence, k: int) -> frozenset[str]:
        """Whose name the word at ``k`` is with a possessive "s" and no apostrophe ("Eds",
        "Sams"): written with its capital when the word is an everyday one ("eds")."""
        word = s.words[k]
        ids = self.m._bare_possessives.get(word.text)
        if not ids or _apart(s, k, k + 1):
            return frozenset()
        if word.text in common_words() and not s.text[word.start].isupper():
            return frozenset()
        return ids

    def _japanese_owners(self, s: _Sentence, f: Found) -> list[_Mention]:
        """A Japanese relation's owner: the name before "の" in the same run of text
        ("ケリーのお母さん" is Kelly's mother; "母のケリー" is Kelly, not hers)."""
        text = s.words[f.start].text
        phrases = self.m._japanese_relations.get(f.key, ())
        at = min((i for p in phrases if (i := text.find(p)) >= 0), default=-1)
        if at <= 0 or (text[at - 1 : at] != "の" and text[max(0, at - 2) : at] != "のお"):
            return []
        before = text[: text.rfind("の", 0, at)]
        owners = []
        for m in s.mentions:
            if m.persons and m.how == "name" and m.start <= f.start < m.end:
                spellings = self.m._japanese_names.get(m.persons, ())
                if any(before.endswith(n) for n in spellings):
                    owners.append(m)
        return owners

    def _mothers(self, owners: list[_Mention]) -> set[str]:
        """Whose story "X's baby" is besides the child's own: the one carrying it, X
        herself or X's partner ("Alexei's baby is born on the Phoenix": Kelly's)."""
        parents = {p for owner in owners for p in owner.persons}
        for person in self.m.people:
            for known in person.roles:
                if known.of in parents and _PARTNERS & {
                    p for w in known.words for p in w.split("|")
                }:
                    parents.add(person.id)
        return {p for p in parents if self.m._genders.get(p) == "she"}

    def _apposition(self, s: _Sentence, at: int, ids: set[str]) -> set[str]:
        """ "Tracy's husband Sam", "Ed's friend Bob": a name just after a relation says
        which of its people is meant (none of ours, when it names none of them)."""
        word = s.words[at].text
        if not word[:1].isalpha() or s.text[s.words[at].start : s.words[at].start + 1].islower():
            return ids  # "Gordo's wife dies", "Ed's wife 💀": not a name
        named = {
            p.id
            for p in self.m.people
            if p.id in ids and any(word in n.casefold().split() for n in plain(p.names))
        }
        if named or self._proper_noun(s, at) or at in s.starts:
            return named
        return ids

    def _owners_after(self, s: _Sentence, f: Found) -> list[_Mention]:
        """Whose relation it is, named after it: "the person who taught Aleida" (a
        relation said by its verb), "the kid Gordo and Tracy raised" (a relation noun, the
        names, and a verb that makes it theirs: had, raised, married...)."""
        words = s.words
        at = f.end
        of = at + 1 < len(words) and words[at].text in _OF and not _apart(s, at - 1, at + 1)
        if of:  # "the father of Danny and Jimmy", "la esposa de Ed", "la moglie di Ed"
            at += 1
        elif f.language == "ru" and at < len(words) and not _apart(s, at - 1, at):
            of = True  # the owner in the genitive, straight after: "жена Эда"
        elif words[f.start].text not in _RELATIVE:
            if at < len(words) and words[at].text in _RELATIVE:
                at += 1
            if at not in s.starts:
                return []
        if of:
            # a rank or title before the owner's name: "la esposa del comandante Baldwin",
            # "жена командира Болдуина" (`rank_title`)
            titles = s.grammar.get("rank_title", _NONE)
            while at in titles and at + 1 < len(words) and not _apart(s, at, at + 1):
                at += 1
        owners: list[_Mention] = []
        while True:
            owner = [m for m in s.mentions if m.start == at and m.persons and m.how == "name"]
            if not owner:
                break
            owners.append(owner[0])
            at = owner[0].end
            if at + 1 < len(words) and words[at].text in _AND and not _apart(s, at - 1, at + 1):
                at += 1
                continue
            break
        if not owners or of or words[f.start].text in _RELATIVE:
            return owners
        return owners if at in s.grammar.get("relating", _NONE) else []

    def _antecedents(
        self,
        index: int,
        before: int | None = None,
        *,
        plural: bool = True,
        gender: str | None = None,
    ) -> frozenset[str]:
        """Characters a pronoun may point at: those named in this sentence before it, or
        in the nearest earlier sentence that names any (three back at most). "They",
        "both", "neither" point at all of them; "he", "she" at the one named first there
        (the sentence's subject, usually: "Sam was in s2 with Tracy. He dies..."), or the
        first one who can be a "she" or a "he", as their relations tell."""

        def fits(m: _Mention) -> bool:
            return gender is None or any(
                self.m._genders.get(p) in (None, gender) for p in m.persons
            )

        here = self.read[index]
        # a relation named here is an object ("he loses his son and his ex-wife": the
        # second "his" is still the subject's)
        named = [
            m
            for m in here.mentions
            if m.persons and (before is None or m.end <= before) and m.how != "relation"
        ]
        alone: frozenset[str] = frozenset()  # one person, for a "they" about one
        for k in range(index, max(-1, index - 4), -1):
            if k != index:
                named = [m for m in self.read[k].mentions if m.persons]
            if plural and named:
                group = frozenset(p for m in named for p in m.persons)
                if len(group) > 1:
                    return group
                # "Gordo and Tracy go up. Ed watches. Neither of them comes home.": a
                # sentence naming one person alone stands between them and the group
                alone = alone or group
                continue
            fitting = [m for m in named if fits(m)]
            if fitting:
                chosen = fitting[-1] if k == index else fitting[0]
                return chosen.persons
        return alone


def _nth(since: dict[str, int], n: int) -> set[str]:
    """The relation's ``n``-th person by when each became so (all of them when the data
    cannot tell them apart, or has fewer)."""
    order = sorted(set(since.values()))
    if not -len(order) <= n < len(order) or len(order) < len(since):
        return set(since)
    return {p for p, first in since.items() if first == order[n]}


def _done_by_mine(s: _Sentence, start: int) -> bool:
    """Whether the role at ``start`` is said of the writer or the writer's own, named just
    before it (`first_person`, or `writers_people` after `first_object`): "I tend bar on
    weekends", "my roommate tends bar", a role said as what they do, nobody of ours."""
    if not start or _apart(s, start - 1, start):
        return False
    grammar = s.grammar
    if start - 1 in grammar.get("first_person", _NONE):
        return True
    return start - 1 in grammar.get("writers_people", _NONE) and start - 2 in grammar.get(
        "first_object", _NONE
    )


def _described(s: _Sentence, start: int) -> int:
    """Where the words that only describe the role at ``start`` begin (`describing`,
    `former`: "an old bartender friend", "a former poet"), or ``start``."""
    describing = s.grammar.get("describing", _NONE) | s.grammar.get("former", _NONE)
    k = start
    while k and k - 1 in describing and start - k < 2 and not _apart(s, k - 1, k):
        k -= 1
    return k
