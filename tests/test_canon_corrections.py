"""The canon corrections of 2026-11-30 (issue 8) stay corrected.

Each test pins one correction from the audit: what a member is told, and from which
episode. The sources behind each are listed in data/canon/README.md ("Audit answers").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.canon.content import ContentBundle
from bot.canon.episodes import EpisodeRef
from bot.canon.models import Character, FactKind
from bot.guard import compile_rules, inspect
from bot.spoilers.policy import PUBLIC, Audience, Detail, Exposure, exposure
from tests.standin.harness import Exchange, Harness

S3E7, S3E8, S3E9, S3E10 = (EpisodeRef(3, n) for n in (7, 8, 9, 10))
README = Path(__file__).resolve().parents[1] / "data" / "canon" / "README.md"


def _who(bundle: ContentBundle, character_id: str) -> Character:
    return next(c for c in bundle.characters if c.id == character_id)


def _every_detail(bundle: ContentBundle) -> list[Detail]:
    details = [e.synopsis for e in bundle.episodes if e.synopsis]
    details += [e.detail for e in bundle.events]
    details += [f.detail for f in bundle.finale_facts]
    for character in bundle.characters:  # named, so a fact is read as being about them
        own = [d for d in (character.summary, character.occupation) if d]
        own += [f.detail for f in character.facts]
        details += [Detail(f"{character.name}: {d.text}", d.reveal) for d in own]
    return details


def _reveals(character: Character, kind: FactKind | None = None) -> list[EpisodeRef]:
    return [f.detail.reveal.episode for f in character.facts if kind in (None, f.kind)]


# --- Corrado and Castillo: S3E7 ends on the landslide; S3E8 confirms the deaths ----------

LANDSLIDE_DEAD = re.compile(r"\b(nick|isabel|corrado|castillo)\b.*\b(dead|die|dies|died|killed)\b")


def test_landslide_deaths_are_revealed_in_s3e8(bundle: ContentBundle) -> None:
    for character_id in ("corrado", "castillo"):
        deaths = _reveals(_who(bundle, character_id), FactKind.DEATH)
        assert deaths == [S3E8], character_id


def test_a_member_at_s3e7_is_not_told_they_died(bundle: ContentBundle) -> None:
    at_s3e7 = Audience(horizons=frozenset({S3E7}))
    withheld = Exposure.WITHHOLD
    shown = [d for d in _every_detail(bundle) if exposure(d.reveal, at_s3e7) is not withheld]
    told = [d.text for d in shown if LANDSLIDE_DEAD.search(d.text.casefold())]
    assert told == []
    at_s3e8 = Audience(horizons=frozenset({S3E8}))
    later = [d for d in _every_detail(bundle) if exposure(d.reveal, at_s3e8) is Exposure.SHOW]
    assert any(LANDSLIDE_DEAD.search(d.text.casefold()) for d in later)


def _text(reply: Exchange) -> str:
    parts = [reply.content]
    for embed in reply.embeds:
        parts += [embed.get("title", ""), embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


async def test_character_lookup_at_s3e7_holds_the_death_back(harness: Harness) -> None:
    await harness.subcommand("progress set", {"episode": "S3E7"})
    before = await harness.command("character", {"name": "Nick Corrado"})
    assert "Killed" not in _text(before) and "landslide" not in _text(before)
    assert "held back" in before.content
    await harness.subcommand("progress set", {"episode": "S3E8"})
    after = await harness.command("character", {"name": "Nick Corrado"})
    assert "Killed in the landslide" in _text(after)


# --- Ellen comes out at a press conference in S3E9; only her visit to Pam is a finale detail


def test_ellen_comes_out_in_s3e9_not_in_the_finale(bundle: ContentBundle) -> None:
    coming_out = [e for e in bundle.events if "comes out" in e.detail.text]
    assert [e.detail.reveal.episode for e in coming_out] == [S3E9]
    assert not coming_out[0].detail.reveal.finale_detail
    s3e9 = next(e for e in bundle.episodes if e.ref == S3E9)
    assert s3e9.synopsis is not None and "gay" in s3e9.synopsis.text
    assert "press" in s3e9.synopsis.text
    ellen = _who(bundle, "ellen-wilson")
    assert S3E9 in _reveals(ellen)


def test_the_finale_detail_is_the_visit_to_pam(bundle: ContentBundle) -> None:
    finale = [f for f in bundle.finale_facts if f.detail.reveal.episode == S3E10]
    about_ellen = [f for f in finale if "Ellen" in f.detail.text]
    assert [f.key for f in about_ellen] == ["s3-ellen-visits-pam"]
    assert "Pam" in about_ellen[0].detail.text
    episode = next(e for e in bundle.episodes if e.ref == S3E10)
    assert episode.synopsis is not None and "comes out" not in episode.synopsis.text


def test_the_guard_lets_the_s3e9_news_through(bundle: ContentBundle) -> None:
    """Talking about Ellen's press conference spoils no finale; her visit to Pam does."""
    active = [r for r in bundle.guard_rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW]
    matcher = compile_rules(active, lexicon=bundle.guard_lexicon)
    assert not inspect("Ellen coming out at that press conference was huge", matcher)
    assert inspect("Ellen goes to see Pam after it all", matcher)


# --- Margo alone in Moscow; Sergei's season-3 arc ----------------------------------------


def test_margo_is_alone_in_moscow(bundle: ContentBundle) -> None:
    for detail in _every_detail(bundle):
        assert "moscow with sergei" not in detail.text.casefold(), detail.text
    fakes = next(f for f in bundle.finale_facts if f.key == "s3-margo-fakes-death")
    assert "alone" in fakes.detail.text and "West" in fakes.detail.text


def test_sergei_is_freed_sent_back_and_let_go(bundle: ContentBundle) -> None:
    sergei = _who(bundle, "sergei-nikulov")
    reveals = _reveals(sergei)
    assert {EpisodeRef(3, 5), S3E7, S3E10, EpisodeRef(4, 8)} <= set(reveals)
    let_go = [f for f in sergei.facts if f.kind is FactKind.DEPARTURE]
    assert [f.detail.reveal.episode for f in let_go] == [S3E10]
    assert let_go[0].detail.reveal.finale_detail
    sent_back = next(f for f in sergei.facts if f.detail.reveal.episode == S3E7)
    assert "Moscow" in sent_back.detail.text and not sent_back.detail.reveal.finale_detail
    iowa = next(f for f in sergei.facts if f.detail.reveal.episode == EpisodeRef(4, 8))
    assert "Iowa" in iowa.detail.text and iowa.detail.reveal.carries == (S3E10,)


# --- Cast ---------------------------------------------------------------------------------

CAST = [
    ("danny-stevens", "Mason Thames", (1,)),
    ("danny-stevens", "Jason David", (1,)),
    ("danny-stevens", "Casey W. Johnson", (2, 3, 4)),
    ("jimmy-stevens", "David Chandler", (2, 3)),
    ("rolan-baranov", "Alexander Sokovikov", (2, 3)),
    ("bill-strausser", "Noah Harpster", (1, 2, 3)),
    ("corrado", "Daniel David Stewart", (2, 3)),
    ("mayakovsky", "Goran Ivanovski", (3, 4)),
    ("pam-horton", "Meghan Leathers", (1, 2, 3)),
]


@pytest.mark.parametrize(("character_id", "actor", "seasons"), CAST)
def test_cast_seasons(
    bundle: ContentBundle, character_id: str, actor: str, seasons: tuple[int, ...]
) -> None:
    roles = {(r.actor_name, r.seasons) for r in _who(bundle, character_id).roles}
    assert (actor, seasons) in roles


def test_first_appearances(bundle: ContentBundle) -> None:
    for character_id in ("bill-strausser", "marge-slayton", "sedgewick", "pam-horton"):
        assert _who(bundle, character_id).first_appearance == EpisodeRef(1, 1), character_id
    assert _who(bundle, "sedgewick").name == "Frank Sedgewick"
    corrado = _who(bundle, "corrado")
    assert corrado.introduced is not None and corrado.introduced.episode.season == 2
    danny = _who(bundle, "danny-stevens")
    assert danny.introduced is not None and danny.introduced.episode.season == 1


# --- Missing entries ----------------------------------------------------------------------


def test_pam_horton_is_present_for_the_finale_detail_that_names_her(
    bundle: ContentBundle,
) -> None:
    names = {n.casefold() for c in bundle.characters for n in (c.name, *c.aliases)}
    for fact in bundle.finale_facts:
        if re.search(r"\bPam\b", fact.detail.text):
            assert "pam" in names
    pam = _who(bundle, "pam-horton")
    assert pam.name == "Pam Horton"


def test_sam_cleveland_dies_in_the_polaris_disaster(bundle: ContentBundle) -> None:
    sam = _who(bundle, "sam-cleveland")
    deaths = [f for f in sam.facts if f.kind is FactKind.DEATH]
    assert [f.detail.reveal.episode for f in deaths] == [EpisodeRef(3, 1)]
    assert not deaths[0].detail.reveal.finale_detail
    assert "Polaris" in deaths[0].detail.text


def test_costa_ronin_gets_no_invented_character(bundle: ContentBundle) -> None:
    assert all(r.actor_name != "Costa Ronin" for c in bundle.characters for r in c.roles)
    assert "Costa Ronin" in README.read_text()


# --- Reveal episodes that were set too late -----------------------------------------------


def test_the_apollo_24_crew_is_named_in_s1e6(bundle: ContentBundle) -> None:
    s1e6 = EpisodeRef(1, 6)
    for character_id in ("ellen-wilson", "harry-liu", "deke-slayton"):
        crew = [f for f in _who(bundle, character_id).facts if "Apollo 24" in f.detail.text]
        assert min(f.detail.reveal.episode for f in crew) == s1e6, character_id
    harry = _who(bundle, "harry-liu")
    assert harry.introduced is not None and harry.introduced.episode == s1e6


# --- Audit items ---------------------------------------------------------------------------


def test_audit_items_are_fixed(bundle: ContentBundle) -> None:
    texts = [d.text for d in _every_detail(bundle)]
    assert not [t for t in texts if "Hedricks" in t]
    assert any("Irene Hendricks" in t for t in texts)
    assert not [t for t in texts if re.search("flight dynamics|retired athlete", t, re.I)]
    bill = _who(bundle, "bill-strausser")
    season_three = [f.detail.text for f in bill.facts if f.detail.reveal.episode.season == 3]
    assert season_three and all("Helios" in t for t in season_three)
    ilya = _who(bundle, "ilya-brezhnev")
    assert ilya.name == "Ilya"  # the surname is disputed: both spellings only find him
    assert {"Ilya Brezhnev", "Ilya Breshov"} <= set(ilya.aliases)


def test_readme_answers_every_audit_item() -> None:
    answers = README.read_text().split("## Audit answers", 1)[1]
    for item in ("Hendricks", "Ilya", "Strausser", "Sam Cleveland", "flight dynamics"):
        assert item in answers, item
