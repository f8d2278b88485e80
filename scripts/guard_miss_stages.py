"""At which stage of its pipeline the guard of one commit fails on a labelled corpus.

    .venv/bin/python scripts/guard_miss_stages.py COMMIT CORPUS [COMMIT CORPUS ...] [--show]
    .venv/bin/python scripts/guard_miss_stages.py --opened 8 9 10 11 12 [--show]

COMMIT is any commit of this repository; CORPUS a corpus name of tests/guard_accuracy.py
(tuning..., opened...), read from the CURRENT tree (labels were sometimes corrected after a
set was opened). ``--opened N`` takes, for openedN, the parent of the commit that renamed
holdoutN.toml to openedN.toml: the guard as it stood before it had seen the set. Held-out
corpora are refused; the script never reads a holdout file.

The commit's ``bot`` and ``data`` folders are unpacked (git archive) under
/tmp/guard_miss_stages/<commit> and imported in a child process; the child records the old
guard's reading of each message it gets wrong (names, roles, things, outcomes, what was set
aside, denied or wished, spies on the filters that drop an outcome) and, for a missed
spoiler with some evidence below the threshold, which single discount lifted to 1 (or
distance to "close") would have tagged it. The current tree's guard reads the same messages,
so each miss can be placed against what had to be added to catch it.

Buckets, for a missed spoiler. The target is what the current guard tags it for: each
piece of its evidence at the threshold (a character's before a thing's), its subject and the
words of its outcome; when the current guard misses it too, the first character and the
things the writer's note ("about") names, and any outcome of their rules near them. The
message goes to the furthest stage the old guard reached with any target:
  B1 no subject recognised      no name, role, relation or thing of the target (where the
                                current guard found the subject in the outcome's sentence,
                                there)
  B2 no outcome matched         the subject was found, but no outcome of its rules at the
                                words the current guard matched; the cause is the fate's
                                meaning class (or the note's fate, "[still missed]")
  B3 outcome discounted         both found: set aside (history, namesake), dropped (negation,
                                figure...), not joined (across sentences...), or scored below
                                the threshold (the discount that, lifted alone, tags it)
  B4 other                      the same, for a discount of where the words are (a link)
False alarms (FA) by a coarse cause: the writer's kind and note, and whether the outcome
that fired was a fate word.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "corpus"
UNPACKED = Path(tempfile.gettempdir()) / "guard_miss_stages"
THRESHOLD = 0.6

# Discounts tried one at a time on a missed spoiler with evidence below the threshold:
# the label, and the verdict.py numbers set (in every bot.guard module that imported them)
ABLATIONS: dict[str, dict[str, float]] = {
    "question": {"ASKING": 1.0},
    "non-finale episode/season named": {"OTHER_EPISODE": 1.0},
    "typo reading": {"TYPO": 1.0, "TYPO_IN_CONTEXT": 1.0},
    "inside a link": {"IN_A_LINK": 1.0},
    "weak hint only": {"WEAK": 1.0, "SEASON_NAMED": 1.0},
    "name could be anyone (no show context)": {"ANYONE": 1.0},
    "distance within the sentence": {"MIDDLE": 0.92, "DISTANT": 0.92, "FARTHEST": 10**6},
    "across sentences (pronoun)": {"BACK_REFERENCE": 0.92, "CHAIN": 100},
}
# Methods of the judge's context that drop an outcome when they say so (True), or, for the
# last two, when they say not (False); and the module function for figures of speech.
SPIED_TRUE = {
    "_desired": "wished/desired",
    "_expected": "expectation",
    "_foreign": "another language's small word",
    "_another_works_title": "another work's title",
    "_writers_reaction": "figure of speech (writer's reaction)",
    "_kills_a_thing": "figure of speech (kills a thing)",
}
SPIED_FALSE = {"_has_object": "needs an object", "_literally": "figure unless literal"}
_OTHER_SCRIPTS = (
    ("Japanese", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
    ("Cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("Greek", re.compile(r"[\u0370-\u03ff]")),
)
_OBFUSCATION = re.compile(
    r"[\u200b-\u200f\u2060\u00ad\ufeff]|[\U0001d400-\U0001d7ff]"
    r"|\b(?:\w[ .\-]){3,}\w\b|[a-z]\d[a-z]",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:commander|president|ceo|wife|husband|mother|mom|mum|father|dad|son|daughter|"
    r"director|guy|woman|man|the one|administrator|owner|bartender|pilot|copilot|kid|"
    r"founder|boss)\b|お母さん|の妻|の夫",
    re.IGNORECASE,
)
_MID_SEASON = re.compile(r"\bS\dE(?!10\b)\d+\b|mid-season|mid season", re.IGNORECASE)
_NON_FINALE_CODE = re.compile(r"\b(?:s\de(?!10\b)\d+|\dx(?!10\b)\d\d)\b", re.IGNORECASE)
# Meaning classes that say a fate (a figure of speech uses these; a false alarm on another
# class or a rule's own phrase is an everyday word the rule took as its outcome)
_FATE_CLASSES = frozenset(
    {"death", "alive", "shot", "bomb", "exile", "arrest", "defect", "fake", "rip", "killed"}
)


# --- child: the old (or current) guard's reading ---------------------------------------


def _import_tree(tree: Path) -> None:
    """Import ``bot`` from ``tree``, not from the editable install of this checkout."""
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    sys.path.insert(0, str(tree))
    for name in [n for n in sys.modules if n == "bot" or n.startswith("bot.")]:
        del sys.modules[name]


def _child(tree: Path, corpus: Path, only: set[int] | None, wrong_only: bool) -> None:
    _import_tree(tree)
    import bot.guard as guard_package
    import bot.guard.judge as judge
    from bot.canon.content import load_content
    from bot.guard import compile_rules, inspect
    from bot.guard.layout import layout, sentences
    from bot.settings import DEFAULT_CONTENT_DIR
    from bot.spoilers.policy import PUBLIC, Exposure, exposure

    assert Path(guard_package.__file__).resolve().is_relative_to(tree.resolve())
    verdict_module = sys.modules["bot.guard.verdict"]
    denied = dict(getattr(verdict_module, "DENIED", getattr(verdict_module, "FLIPS", {})))

    bundle = load_content(DEFAULT_CONTENT_DIR)
    active = [r for r in bundle.guard_rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW]
    matcher = compile_rules(active, lexicon=bundle.guard_lexicon)

    captured: dict[str, Any] = {}
    spied: list[tuple[str, int, int, bool]] = []
    original_associate = judge._Context.associate

    def associate(self: Any) -> Any:
        captured["context"] = self
        return original_associate(self)

    judge._Context.associate = associate  # type: ignore[method-assign]

    def spy(name: str, method: Any) -> Any:
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = method(self, *args, **kwargs)
            index = getattr(args[0], "index", -1) if args else -1
            index = index if isinstance(index, int) else -1
            at = next((a for a in args[1:] if isinstance(a, int)), -1)
            if at == -1:
                at = next((getattr(a, "start", -1) for a in args[1:]), -1)
            at = at if isinstance(at, int) else -1
            spied.append((name, index, at, bool(result)))
            return result

        return wrapper

    for name in (*SPIED_TRUE, *SPIED_FALSE):
        method = getattr(judge._Context, name, None)
        if callable(method):
            setattr(judge._Context, name, spy(name, method))
    guard_modules = [m for n, m in sys.modules.items() if n.startswith("bot.guard") and m]
    for module in guard_modules:
        figure = getattr(module, "figure_of_speech", None)
        if callable(figure) and module.__name__ != "bot.guard.figures":

            def spied_figure(s: Any, start: int, end: int, *a: Any, _f: Any = figure) -> Any:
                result = _f(s, start, end, *a)
                spied.append(("figure_of_speech", s.index, start, bool(result)))
                return result

            module.figure_of_speech = spied_figure  # type: ignore[attr-defined]

    def span(s: Any, start: int, end: int) -> tuple[int, int]:
        if not s.words or start >= len(s.words):
            return (-1, -1)
        end = max(min(end, len(s.words)), start + 1)
        return (int(s.words[start].start), int(s.words[end - 1].end))

    def said(s: Any, start: int, end: int) -> str:
        a, b = span(s, start, end)
        return str(s.text[a:b]) if a >= 0 else ""

    def run(text: str) -> tuple[Any, Any, list[tuple[str, int, int, bool]]]:
        captured.clear()
        spied.clear()
        verdict = inspect(text, matcher)
        return verdict, captured.get("context"), list(spied)

    def ablated(text: str, numbers: dict[str, float]) -> list[tuple[str, str | None, float]]:
        saved = []
        for module in guard_modules:
            for name, value in numbers.items():
                if hasattr(module, name):
                    saved.append((module, name, getattr(module, name)))
                    setattr(module, name, type(getattr(module, name))(value))
        try:
            return [(e.rule, e.character, float(e.score)) for e in inspect(text, matcher).evidence]
        finally:
            for module, name, value in saved:
                setattr(module, name, value)

    rules = [
        {
            "key": r.key,
            "persons": sorted(r.persons),
            "things": sorted(r.things),
            "classes": sorted(r.classes),
            "phrases": sorted(r.phrases),
            "season": r.season,
        }
        for r in matcher.rules
    ]
    slotted = {k: [list(p) for p in v] for k, v in getattr(matcher, "_slotted", {}).items()}
    messages = tomllib.loads(corpus.read_text(encoding="utf-8"))["message"]
    out = []
    for i, message in enumerate(messages):
        if only is not None and i not in only:
            continue
        text = str(message["text"])
        verdict, context, spies = run(text)
        flagged = bool(verdict)
        if wrong_only and flagged == bool(message["spoiler"]):
            out.append({"i": i, "flagged": flagged})
            continue
        if context is None:  # nothing said: the reading stops before who and what
            page = layout(text)
            read = matcher.read(page, sentences(page))
        else:
            read = context.read
        people = matcher.people
        reading = []
        for s in read:
            subjects, outcomes, idioms, words = [], [], [], []
            for f in s.found:
                entry = {
                    "category": f.category,
                    "key": f.key,
                    "start": f.start,
                    "end": f.end,
                    "text": said(s, f.start, f.end),
                    "span": span(s, f.start, f.end),
                    "fuzzy": bool(f.fuzzy),
                }
                if f.category == "name":
                    entry["person"] = people[int(f.key)].id
                    subjects.append(entry)
                elif f.category in ("thing", "role", "relation", "initials"):
                    subjects.append(entry)
                elif f.category in ("cue", "weak", "action", "slot"):
                    outcomes.append(entry)
                elif f.category == "idiom":
                    idioms.append(entry)
                elif f.category == "word" and f.key in ("negation", "pronoun", "group"):
                    words.append(entry)

            def cue(c: Any, s: Any = s) -> dict[str, Any]:
                return {
                    "start": c.start,
                    "end": c.end,
                    "cls": c.cls,
                    "phrase": c.phrase,
                    "weak": bool(c.weak),
                    "emoji": bool(getattr(c, "emoji", False)),
                    "elsewhere": bool(getattr(c, "elsewhere", False)),
                    "owner": sorted(c.owner) if getattr(c, "owner", None) is not None else None,
                    "text": said(s, c.start, c.end),
                    "span": span(s, c.start, c.end),
                }

            reading.append(
                {
                    "index": s.index,
                    "text": said(s, 0, len(s.words)),
                    "subjects": subjects,
                    "outcomes": outcomes,
                    "idioms": idioms,
                    "words": words,
                    "mentions": [
                        {
                            "persons": sorted(m.persons),
                            "thing": m.thing,
                            "how": m.how,
                            "common": bool(m.common),
                            "fuzzy": bool(m.fuzzy),
                            "consumed": bool(m.consumed),
                            "start": m.start,
                            "end": m.end,
                            "text": said(s, m.start, m.end),
                            "span": span(s, m.start, m.end),
                        }
                        for m in s.mentions
                    ],
                    "cues": [cue(c) for c in s.cues],
                    "denied": [cue(c) for c in s.denied],
                    "wished": [cue(c) for c in s.wished],
                    "asking": s.asking,
                    "real": bool(s.grammar.get("real")),
                    "aside": list(s.aside),
                    "aside_things": list(s.aside_things),
                }
            )
        record: dict[str, Any] = {
            "i": i,
            "flagged": flagged,
            "score": float(verdict.score),
            "evidence": [
                {
                    "rule": e.rule,
                    "character": e.character,
                    "subject": e.subject,
                    "outcome": e.outcome,
                    "how": e.how,
                    "score": round(float(e.score), 3),
                    "sentences": list(e.sentences),
                }
                for e in verdict.evidence
            ],
            "reading": reading,
            "early": context is None,
            "set_aside": dict(context.set_aside) if context is not None else {},
            "spies": spies,
        }
        if message["spoiler"] and not flagged:
            record["ablations"] = {
                label: ablated(text, numbers) for label, numbers in ABLATIONS.items()
            }
        out.append(record)
    people = [{"id": p.id, "names": list(p.names)} for p in matcher.people]
    json.dump(
        {"rules": rules, "slotted": slotted, "denied": denied, "people": people, "messages": out},
        sys.stdout,
    )


# --- parent: unpack, run, classify ------------------------------------------------------


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def _unpacked(commit: str) -> Path:
    sha = _git("rev-parse", "--verify", commit + "^{commit}")
    tree = UNPACKED / sha
    if not (tree / "bot" / "guard").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", sha, "bot", "data"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def opened_parent(n: int) -> str:
    """The parent of the commit that renamed holdoutN.toml to openedN.toml."""
    log = _git("log", "--format=%H", "--diff-filter=R", "-M", "--name-status", "--", "tests/corpus")
    commit = ""
    for line in log.splitlines():
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
        elif re.fullmatch(
            rf"R\d+\ttests/corpus/holdout{n}\.toml\ttests/corpus/opened{n}\.toml", line
        ):
            return _git("rev-parse", commit + "^")
    raise SystemExit(f"no commit renames holdout{n}.toml to opened{n}.toml")


def _corpus_path(name: str) -> Path:
    if "holdout" in name and name != "old-holdout":
        raise SystemExit("held-out corpora are not read by this script")
    special = {"old": ROOT / "tests" / "guard_corpus.toml"}
    special["old-holdout"] = ROOT / "tests" / "guard_corpus_holdout.toml"
    path = special.get(name, CORPUS_DIR / f"{name}.toml")
    if not path.is_file():
        raise SystemExit(f"no corpus {name}")
    return path


def _run_child(tree: Path, corpus: Path, only: set[int] | None, wrong_only: bool) -> Any:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree), str(corpus)]
    if only is not None:
        command += ["--only", ",".join(map(str, sorted(only))) or "-1"]
    if wrong_only:
        command.append("--wrong-only")
    done = subprocess.run(command, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode:
        raise SystemExit(f"the guard at {tree} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _script(text: str) -> str | None:
    for name, pattern in _OTHER_SCRIPTS:
        if pattern.search(text):
            return name
    return None


def _overlaps(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Guard:
    """One guard's reading of a corpus (the child's answer), with its rules by key."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.rules = {r["key"]: r for r in data["rules"]}
        self.messages = {m["i"]: m for m in data["messages"]}
        # a name that belongs to one person only, case folded (for the writers' notes)
        # (short ones as written: "Ed", not "ed" inside a word)
        owners: dict[str, set[str]] = defaultdict(set)
        for person in data["people"]:
            for name in person["names"]:
                if ":" not in name:
                    owners[name.casefold() if len(name) >= 4 else name].add(person["id"])
        self.unique_names = {n: next(iter(ids)) for n, ids in owners.items() if len(ids) == 1}

    def matches(self, outcome: dict[str, Any], rule: dict[str, Any], negated: bool) -> bool:
        key, category = outcome["key"], outcome["category"]
        if category == "action":
            return bool(key in rule["phrases"])
        if category == "slot":
            slotted = self.data["slotted"].get(key, ())
            return any(phrase in rule["phrases"] for phrase, _ in slotted)
        flipped = self.data["denied"].get(key) if negated else None
        return bool(key in rule["classes"] or flipped in rule["classes"])


def _cue_matches(cue: dict[str, Any], rule: dict[str, Any]) -> bool:
    if cue["phrase"] is not None:
        return bool(cue["phrase"] in rule["phrases"])
    return bool(cue["cls"] in rule["classes"])


def _tagging(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in record.get("evidence", ()) if e["score"] >= THRESHOLD]


def _evidence_outcome(record: dict[str, Any], e: dict[str, Any]) -> dict[str, Any] | None:
    """The cue (or, failing one, the raw outcome) a piece of evidence said, with its span."""
    for r in record["reading"]:
        if r["index"] not in e["sentences"]:
            continue
        # a meaning class before a rule's own phrase ("buries": death, not "buried")
        said = sorted(r["cues"], key=lambda c: c["cls"] is None) + r["outcomes"]
        for c in said:
            if e["outcome"] and (c["text"] == e["outcome"] or e["outcome"] in c["text"]):
                return dict(c, sentence=r["index"])
    return None


def _about_targets(message: dict[str, Any], old: _Guard) -> tuple[set[str], set[str], set[str]]:
    """When the current guard misses too: the first character the writer's note on the
    message names ("S3 finale: Molly killed by JSC car bomb"), the things it names, and
    their rules of the season it names."""
    about = str(message.get("about", ""))
    folded = about.casefold()
    where: dict[str, int] = {}
    for name, who in old.unique_names.items():
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded if name.islower() else about)
        if found and (who not in where or found.start() < where[who]):
            where[who] = found.start()
    persons = {min(where, key=lambda who: where[who])} if where else set()
    season = re.search(r"\bS(\d) finale", about, re.IGNORECASE)
    rules = {
        key
        for key, r in old.rules.items()
        if (
            set(r["persons"]) & persons
            or any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", folded) for t in r["things"])
        )
        and (season is None or r["season"] in (None, int(season.group(1))))
    }
    things = {
        t
        for key in rules
        for t in old.rules[key]["things"]
        if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", folded)
    }
    if not rules:
        rules = set(old.rules)
        persons = {p for r in old.rules.values() for p in r["persons"]}
        things = {t for r in old.rules.values() for t in r["things"]}
    return persons, things, rules


_STAGES = (
    "B1 no subject recognised",
    "B2 no outcome matched",
    "B3 outcome discounted or set aside",
    "B4 other (layout, link, normalisation)",
)
# How the current guard joined subject and outcome when the subject is in the outcome's
# sentence (its span can be compared with the old reading's subjects)
_SUBJECT_HERE = frozenset(
    {"same sentence", "role", "relation", "initials", "thing", "show version", "namesake"}
)


def _subject_span(record: dict[str, Any], e: dict[str, Any]) -> list[int] | None:
    if e["how"] not in _SUBJECT_HERE:
        return None
    for r in record["reading"]:
        if r["index"] in e["sentences"]:
            for m in r["mentions"]:
                if m["text"] == e["subject"]:
                    return list(m["span"])
    return None


def classify(
    message: dict[str, Any],
    record: dict[str, Any],
    current: dict[str, Any],
    old: _Guard,
    now: _Guard,
) -> dict[str, Any]:
    """The furthest stage the old guard reached with any subject-and-outcome the current
    guard tags the message for (a character's before a thing's), and why it stopped."""
    if not message["spoiler"]:
        return _false_alarm(message, record, current)
    tagging = _tagging(current)
    characters = [e for e in tagging if e["character"]]
    targets: list[dict[str, Any]] = []
    for e in characters or tagging:
        rule = now.rules[e["rule"]]
        said = _evidence_outcome(current, e)
        cue = said or {}
        targets.append(
            {
                "persons": {e["character"]} if e["character"] else set(),
                "things": set() if e["character"] else set(rule["things"]),
                "rules": {e["rule"]},
                "outcome": said,
                "subject_span": _subject_span(current, e),
                "fate": f"{e['rule']} [{cue.get('cls') or 'phrase'}] '{e['outcome']}' ({e['how']})",
                # a rule's own phrase: the rule's meaning class, if it has one
                "fate_class": cue.get("cls") or next(iter(sorted(rule["classes"])), e["rule"]),
                "evidence": e,
            }
        )
    if not targets:
        persons, things, rules = _about_targets(message, old)
        targets.append(
            {
                "persons": persons,
                "things": things,
                "rules": rules,
                "outcome": None,
                "subject_span": None,
                "fate": "still missed: " + str(message.get("about", "")),
                "fate_class": _fate_in_note(str(message.get("about", ""))) + " [still missed]",
                "evidence": None,
            }
        )
    results = [_stage(message, record, current, old, t) for t in targets]
    best = max(results, key=lambda r: _STAGES.index(r["bucket"]))
    best["now"] = bool(current.get("flagged"))
    return best


def _stage(
    message: dict[str, Any],
    record: dict[str, Any],
    current: dict[str, Any],
    old: _Guard,
    target: dict[str, Any],
) -> dict[str, Any]:
    persons, things, keys = target["persons"], target["things"], target["rules"]
    result: dict[str, Any] = {"fate": target["fate"]}
    target_rules = [old.rules[k] for k in keys if k in old.rules] or [
        r for r in old.rules.values() if set(r["persons"]) & persons or set(r["things"]) & things
    ]
    reading = record["reading"]
    here = target["subject_span"]

    def of_target(x: dict[str, Any]) -> bool:
        if x.get("consumed"):
            return False
        if "persons" in x:
            hit = bool(set(x["persons"]) & persons or x["thing"] in things)
        else:
            hit = x.get("person") in persons or (x["category"] == "thing" and x["key"] in things)
        return hit and (here is None or _overlaps(x["span"], here))

    named_raw = [(r["index"], x) for r in reading for x in r["subjects"] if of_target(x)]
    named = [(r["index"], x) for r in reading for x in r["mentions"] if of_target(x)]
    if not named_raw and not named:
        result["bucket"] = _STAGES[0]
        result["cause"] = _unrecognised(str(message["text"]), target["evidence"])
        return result
    outcome = target["outcome"]

    def negated(r: dict[str, Any], o: dict[str, Any]) -> bool:
        return any(0 <= o["start"] - w["start"] <= 4 for w in r["words"] if w["key"] == "negation")

    def wanted(span: list[int]) -> bool:
        return outcome is None or _overlaps(span, outcome["span"])

    matched_raw = [
        (r["index"], o)
        for r in reading
        for o in r["outcomes"]
        if wanted(o["span"]) and any(old.matches(o, rule, negated(r, o)) for rule in target_rules)
    ]
    matched_cues = [
        (r["index"], c)
        for r in reading
        for c in r["cues"]
        if wanted(c["span"]) and any(_cue_matches(c, rule) for rule in target_rules)
    ]
    if outcome is None:
        # the current guard misses it too, so which words say the fate is not known: an
        # outcome counts only in a sentence naming the subject or pointing back at it
        near = {i for i, _ in named_raw + named} | {
            r["index"] for r in reading if any(w["key"] != "negation" for w in r["words"])
        }
        matched_raw = [(i, o) for i, o in matched_raw if i in near]
        matched_cues = [(i, c) for i, c in matched_cues if i in near]
    elif not matched_raw and not matched_cues:
        figures = [x for r in reading for x in r["idioms"] if _overlaps(x["span"], outcome["span"])]
        if figures:
            result["bucket"] = _STAGES[2]
            result["cause"] = "figure of speech (idiom)"
            return result
    if not matched_raw and not matched_cues:
        result["bucket"] = _STAGES[1]
        result["cause"] = target["fate_class"]
        result["plain_name_same_sentence"] = _plain_name_beside(record, target)
        return result
    result["bucket"] = _STAGES[2]
    about_target = [
        e for e in record["evidence"] if e["rule"] in keys or (e["character"] or "") in persons
    ]
    if about_target:
        result["cause"] = _discount(record, keys, persons)
        if result["cause"] == "inside a link":  # shown, but its words read as an address
            result["bucket"] = _STAGES[3]
        return result
    named = [
        (i, x) for r in reading for i, x in ((r["index"], m) for m in r["mentions"]) if of_target(x)
    ]
    if not named:
        historic = any(record["set_aside"].get(p) for p in persons) or any(
            set(r["aside"]) & persons
            or set(r["aside_things"]) & things
            # "the real Tracy Stevens": set aside by "real", though nobody real bears it
            or (r["real"] and any(x.get("person") in persons for x in r["subjects"]))
            for r in reading
        )
        result["cause"] = (
            "set aside: real history" if historic else "set aside: namesake/someone else"
        )
        return result
    if not matched_cues:
        result["cause"] = _dropped(record, matched_raw)
        return result
    cue_sentences = {i for i, _ in matched_cues}
    if not {i for i, _ in named} & cue_sentences:
        elsewhere = [e for e in record["evidence"] if set(e["sentences"]) & cue_sentences]
        result["cause"] = (
            "across sentences: said of another character"
            if elsewhere
            else "across sentences: nothing points back"
        )
        return result
    together = [c for i, c in matched_cues if i in {j for j, _ in named}]
    if all(c["owner"] is not None and not set(c["owner"]) & persons for c in together):
        result["cause"] = "together: outcome read as someone else's"
    elif all(c["emoji"] for c in together):
        result["cause"] = "together: emoji not beside the name"
    else:
        result["cause"] = "together: same sentence, not joined (clause, relative, order)"
    return result


_NOTE_FATES = (
    ("death", r"\bdies?\b|\bdied\b|killed|death|\bdie\b"),
    ("pushed_out", r"pushed out|fired"),
    ("exile", r"exile"),
    ("birth", r"birth"),
    ("heist", r"heist"),
    ("gun", r"\bgun\b"),
    ("handshake (defies orders)", r"handshake"),
    ("stays on the Moon", r"\bstays?\b"),
    ("spares the cosmonaut", r"spares"),
    ("fake", r"fakes"),
    ("shootdown", r"shoots down"),
)


def _fate_in_note(about: str) -> str:
    for fate, pattern in _NOTE_FATES:
        if re.search(pattern, about, re.IGNORECASE):
            return fate
    return "?"


def _unrecognised(text: str, e: dict[str, Any] | None) -> str:
    if e is not None:
        how, subject = e["how"], e["subject"]
        script = _script(subject)
        where = f" in {script}" if script else ""
        if how in ("role", "relation"):
            return "role/relation" + where
        if how == "initials":
            return "initials/abbreviation"
        if how == "thing":
            return "thing/event named another way" + where
        if how in ("show version", "namesake"):
            return "show's version named by a turn of phrase"
        if script:
            return f"name in {script}"
        if _OBFUSCATION.search(subject):
            return "obfuscation"
        if how in ("pronoun", "topic", "answer"):
            return "back-reference to an unrecognised name"
        return "name form (spelling, possessive, nickname)"
    script = _script(text)
    if script:
        return f"other script ({script}) [still missed]"
    if _ROLE_WORDS.search(text):
        return "role/relation [still missed]"
    return "other [still missed]"


def _plain_name_beside(record: dict[str, Any], target: dict[str, Any]) -> str:
    """Whether the old guard read the fated character by plain name (not a role, relation,
    pronoun or typo) in the sentence of the outcome words the current guard matched."""
    said = target["outcome"]
    if said is None:
        plainly = any(
            m["how"] == "name" and set(m["persons"]) & target["persons"] and not m["fuzzy"]
            for r in record["reading"]
            for m in r["mentions"]
        ) or any(
            x["category"] == "name" and x["person"] in target["persons"] and not x["fuzzy"]
            for r in record["reading"]
            if not r["mentions"]
            for x in r["subjects"]
        )
        return "unknown (still missed; %s)" % ("named plainly" if plainly else "not named plainly")
    if not target["persons"]:
        return "no (a thing, not a character)"
    for r in record["reading"]:
        if r["index"] != said["sentence"]:
            continue
        for m in r["mentions"]:
            if (
                m["how"] == "name"
                and set(m["persons"]) & target["persons"]
                and not m["fuzzy"]
                and not m["consumed"]
            ):
                return "yes"
        if not r["mentions"]:  # a reading that stopped before who: the names it found
            for x in r["subjects"]:
                if x["category"] == "name" and x["person"] in target["persons"] and not x["fuzzy"]:
                    return "yes"
    return "no"


def _discount(record: dict[str, Any], keys: set[str], persons: set[str]) -> str:
    def best(evidence: list[Any]) -> float:
        return max(
            (score for rule, who, score in evidence if rule in keys or who in persons),
            default=0.0,
        )

    before = best([(e["rule"], e["character"], e["score"]) for e in record["evidence"]])
    ablations = {label: best(evidence) for label, evidence in record["ablations"].items()}
    lifted = [label for label, score in ablations.items() if score >= THRESHOLD]
    if lifted:
        return " + ".join(lifted)
    raised = [label for label, score in ablations.items() if score > before + 1e-9]
    return "several discounts: " + (", ".join(raised) or "none alone")


def _dropped(record: dict[str, Any], matched: list[tuple[int, dict[str, Any]]]) -> str:
    reasons = []
    for index, o in matched:
        r = next(r for r in record["reading"] if r["index"] == index)
        span = range(o["start"], o["end"])
        if any(c["start"] == o["start"] for c in r["denied"]):
            reasons.append("negation")
        elif any(c["start"] == o["start"] for c in r["wished"]):
            reasons.append("wished/expected (hypothetical)")
        elif any(
            i["start"] in span or o["start"] in range(i["start"], i["end"]) for i in r["idioms"]
        ):
            reasons.append("figure of speech (idiom)")
        else:
            said = [
                name
                for name, at_sentence, at, result in record["spies"]
                if at_sentence == index
                and at in span
                and (result if name not in SPIED_FALSE else not result)
            ]
            if o["category"] == "slot":
                reasons.append("rule phrase whose character is named another way")
            elif "figure_of_speech" in said:
                reasons.append("figure of speech")
            elif said:
                reasons.append(SPIED_TRUE.get(said[0]) or SPIED_FALSE.get(said[0], said[0]))
            else:
                reasons.append("what-stage filter (other)")
    return Counter(reasons).most_common(1)[0][0]


def _false_alarm(
    message: dict[str, Any], record: dict[str, Any], current: dict[str, Any]
) -> dict[str, Any]:
    """Why a false alarm, from the writer's kind and note and what the outcome was: someone
    else named; a non-finale event; real history; a fate word as a figure; an everyday
    word that a finale rule takes for its outcome."""
    kind = str(message.get("kind", ""))
    placed = _MID_SEASON.search(str(message.get("about", ""))) or _NON_FINALE_CODE.search(
        str(message["text"])
    )
    top = record["evidence"][0] if record["evidence"] else None
    cue = _evidence_outcome(record, top) if top else None
    fate_word = bool(cue and cue.get("cls") in _FATE_CLASSES)
    if kind in ("namesake", "other-show"):
        cause = "someone else (namesake, actor, other work)"
    elif fate_word and kind == "figurative":
        cause = "figure of speech (fate word)"
    elif placed or kind == "non-finale":
        cause = "non-finale event or everyday sense matched a finale rule"
    elif kind == "history":
        cause = "real history read as the show"
    elif kind == "figurative":
        cause = "figure of speech (fate word)"
    else:
        cause = "non-finale event or everyday sense matched a finale rule"
    return {"bucket": "FA false alarm", "cause": cause, "now": not current.get("flagged")}


def analyse(commit: str, corpus_name: str) -> list[dict[str, Any]]:
    corpus = _corpus_path(corpus_name)
    messages = tomllib.loads(corpus.read_text(encoding="utf-8"))["message"]
    old = _Guard(_run_child(_unpacked(commit), corpus, None, True))
    wrong = {i for i, m in old.messages.items() if "reading" in m}
    now = _Guard(_run_child(ROOT, corpus, wrong, False))
    rows = []
    for i in sorted(wrong):
        record, message = old.messages[i], messages[i]
        row = classify(message, record, now.messages[i], old, now)
        row.update(
            corpus=corpus_name,
            i=i,
            kind=message.get("kind"),
            text=message["text"],
            about=message.get("about", ""),
            old_score=record["score"],
            old_top=record["evidence"][:1],
            now_top=now.messages[i]["evidence"][:1],
        )
        rows.append(row)
    return rows


def table(rows: list[dict[str, Any]], title: str) -> str:
    """Counts by bucket and cause, one column per corpus (and all of them pooled), with
    how many the current guard gets right."""
    corpora = list(dict.fromkeys(r["corpus"] for r in rows))
    columns = [*corpora, "pooled"] if len(corpora) > 1 else corpora
    short = [c.replace("opened", "o") for c in columns]
    missed = sum(r["bucket"] != "FA false alarm" for r in rows)
    lines = [
        f"== {title}: {len(rows)} wrong ({missed} missed, {len(rows) - missed} false alarms)",
        f"{'bucket / cause':62}" + "".join(f"{c:>7}" for c in short) + "  now right",
    ]
    by: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by[r["bucket"]][r["cause"]].append(r)

    def counts(group: list[dict[str, Any]]) -> str:
        cells = [sum(r["corpus"] == c for r in group) for c in corpora]
        if len(corpora) > 1:
            cells.append(len(group))
        return "".join(f"{n:7}" for n in cells) + f"  {sum(bool(r['now']) for r in group):5}"

    for bucket in sorted(by):
        every = [r for group in by[bucket].values() for r in group]
        lines.append(f"{bucket:62}" + counts(every))
        for cause, group in sorted(by[bucket].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"  {cause[:58]:60}" + counts(group))
    b2 = [r for r in rows if r["bucket"].startswith("B2")]
    if b2:
        plain = Counter(r["plain_name_same_sentence"] for r in b2)
        lines.append(
            "B2, fated character named by plain name in the unmatched outcome's sentence: "
            + "; ".join(f"{k}: {v}" for k, v in sorted(plain.items()))
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pairs", nargs="*", help="COMMIT CORPUS [COMMIT CORPUS ...]")
    parser.add_argument("--opened", nargs="*", type=int, default=[])
    parser.add_argument("--show", action="store_true", help="list each wrong message")
    parser.add_argument("--json", help="write the rows to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--wrong-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        only = {int(x) for x in arguments.only.split(",")} if arguments.only else None
        _child(Path(arguments.child[0]), Path(arguments.child[1]), only, arguments.wrong_only)
        return
    if len(arguments.pairs) % 2:
        parser.error("give COMMIT CORPUS pairs")
    jobs = list(zip(arguments.pairs[::2], arguments.pairs[1::2], strict=True))
    jobs += [(opened_parent(n), f"opened{n}") for n in arguments.opened]
    if not jobs:
        parser.error("nothing to analyse")
    every = []
    for commit, name in jobs:
        rows = analyse(commit, name)
        every += rows
        if len(jobs) == 1:
            print(table(rows, f"{name} at {commit[:9]}"))
        if arguments.show:
            for r in rows:
                print(
                    f"  [{r['corpus']}:{r['i']}] {r['bucket'][:2]} {r['cause']} | now={r['now']} "
                    f"old={r['old_score']} | {r['text'][:160]!r}"
                )
                print(f"      fate: {r.get('fate', '')} | old top: {r['old_top']}")
    if len(jobs) > 1:
        print(table(every, ", ".join(f"{n} at {c[:9]}" for c, n in jobs)))
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(every, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
