"""The spoiler guard's text work: read a message as Discord shows it, decide how sure we
are that it spoils a finale (and why), and hide what spoils.

Pure functions; the Discord side (reading messages, reposting, the mod log) is in
``cogs/spoilers/``. Which rules apply where is the spoiler policy's call.

    matcher = compile_rules(active_rules, server_terms, lexicon)
    verdict = inspect(text, matcher)          # Verdict: score, evidence, sentences
    if verdict:                                # score >= threshold: tag it
        tagged = tag_finding(verdict)          # None: use the safe form (a spoiler file)
    elif verdict.in_review_band:               # REVIEW_BAND <= score < threshold
        ...                                    # ask the moderators, delete nothing

How it reads, what it catches and what it cannot: docs/spoiler-guard.md.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from bot.canon.models import GuardRule
from bot.guard.judge import Matcher
from bot.guard.layout import layout, sentences
from bot.guard.lexicon import Lexicon
from bot.guard.rewrite import placeable, tag, wraps
from bot.guard.verdict import DEFAULT_THRESHOLD, REVIEW_BAND, Evidence, Verdict

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_BAND",
    "Evidence",
    "Finding",
    "Lexicon",
    "Matcher",
    "Verdict",
    "compile_rules",
    "everything",
    "inspect",
    "segments",
    "tag_finding",
]

Finding = Verdict  # the name the cogs know

# Compiled matchers kept for the whole process: a bot needs one per audience and set of
# server terms, and a restart, a reload of unchanged content or a second bot in the same
# process (the tests start hundreds) asks for the same ones again.
COMPILED_KEPT = 16
_compiled: OrderedDict[tuple[object, ...], Matcher] = OrderedDict()
_compiled_lock = threading.Lock()


def compile_rules(
    rules: Iterable[GuardRule],
    terms: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Matcher:
    """Compile the rules that apply (plus a server's own terms) with what the guard knows
    (the lexicon that ships with the canon content).

    Equal inputs give back the same matcher (compiling takes 60-250 ms): after it is
    built a matcher changes only by remembering how it read each word, which depends on
    the word alone, so sharing one never changes a verdict.
    """
    rules = tuple(rules)
    terms = tuple(terms)
    # The lexicon's repr keeps its tables' order too, so equal keys mean identical inputs
    # (and it costs about 3 ms, against the compile's tens).
    key = (rules, terms, repr(lexicon), threshold)
    with _compiled_lock:
        matcher = _compiled.get(key)
        if matcher is not None:
            _compiled.move_to_end(key)
            return matcher
    matcher = Matcher(rules, terms, lexicon, threshold)
    with _compiled_lock:
        matcher = _compiled.setdefault(key, matcher)
        _compiled.move_to_end(key)
        while len(_compiled) > COMPILED_KEPT:
            _compiled.popitem(last=False)
    return matcher


def inspect(text: str, matcher: Matcher, *, about_show: bool = False) -> Verdict:
    """The guard's verdict on ``text`` read as a member sees it. ``about_show``: the
    channel is about the show (its topic, say), so a name that could be anyone's counts."""
    return matcher.inspect(text, about_show=about_show)


def tag_finding(finding: Verdict) -> str | None:
    """The message with its spoiling sentences tagged, or None when tags cannot be added
    so that Discord hides every one of them (the caller then uses the safe form)."""
    return tag(finding.page, finding.sentences)


def everything(text: str) -> Verdict:
    """A verdict covering the whole message (a moderator's "tag this" request)."""
    page = layout(text)
    spans = tuple(sentences(page))
    return Verdict(page, spans, 1.0, (), forced=spans)


def segments(finding: Verdict) -> list[tuple[str, bool]]:
    """The text cut into (piece, hidden) runs for a preview: what the guard would tag,
    and what the author already tagged (without its markers), are both hidden."""
    page = finding.page
    if finding.sentences and not placeable(page, finding.sentences):
        return [(page.text, True)]  # the safe form: the whole message hidden
    hidden = [(s, e, True) for s, e in wraps(page, finding.sentences)]
    hidden += [(s, e, False) for s, e in page.hidden]
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for start, end, added in sorted(hidden):
        if start < cursor:
            continue
        if start > cursor:
            runs.append((page.text[cursor:start], False))
        piece = page.text[start:end] if added else page.text[start + 2 : end - 2]
        runs.append((piece, True))
        cursor = end
    if cursor < len(page.text):
        runs.append((page.text[cursor:], False))
    return runs
