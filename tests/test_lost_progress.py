"""Progress saved at an episode the canon no longer lists is shown honestly, with an
offer to move it (issue 11, defect 7)."""

from __future__ import annotations

from bot.app import FamBot
from bot.canon.episodes import EpisodeRef
from bot.community.records import Progress
from tests.standin import payloads
from tests.standin.harness import Harness

MEMBER = payloads.Member(740000000000000001, "timetraveller", payloads.MEMBER_PERMISSIONS)
GONE = EpisodeRef(4, 11)  # season 4 has ten episodes: as if an episode left the data


async def test_progress_at_a_vanished_episode_is_shown_and_can_be_moved(
    harness: Harness, bot: FamBot
) -> None:
    assert await bot.store.canon.episode(GONE) is None
    await bot.store.community.set_progress(MEMBER.id, "", GONE)

    shown = await harness.subcommand("progress show", member=MEMBER)
    text = shown.embeds[0]["description"]
    assert shown.ephemeral
    assert "No progress set" not in str(shown.embeds)
    assert "S4E11, which is no longer in the bot's episode list" in text
    assert "still hold back everything after S4E11" in text
    assert list(shown.button_ids()) == ["Move to S4E10"]

    stranger = await harness.press(shown, "Move to S4E10", member=payloads.BOB)
    assert stranger.ephemeral and "Only the person" in stranger.content
    moved = await harness.press(shown, "Move to S4E10", member=MEMBER)
    assert moved.embeds[0]["title"] == "Progress saved"
    progress = bot.store.community.progress(MEMBER.id)
    assert progress is not None and progress.episode == EpisodeRef(4, 10)


async def test_a_vanished_first_episode_offers_no_move(harness: Harness, bot: FamBot) -> None:
    await bot.store.community.set_progress(MEMBER.id, "", EpisodeRef(1, 0))
    shown = await harness.subcommand("progress show", member=MEMBER)
    assert "S1E0" in shown.embeds[0]["description"]
    assert shown.button_ids() == {}


async def test_each_show_is_shown_and_moved_on_its_own(harness: Harness, bot: FamBot) -> None:
    """Progress is per show: a vanished Star City episode moves within Star City, and
    For All Mankind's progress is shown beside it untouched."""
    gone = EpisodeRef(1, 29, "SC")
    assert await bot.store.canon.episode(gone) is None
    last = [e.ref for e in await bot.store.canon.episodes() if e.ref.series == "SC"][-1]
    await bot.store.community.set_progress(MEMBER.id, "SC", gone)
    await bot.store.community.set_progress(MEMBER.id, "", EpisodeRef(2, 3))

    shown = await harness.subcommand("progress show", member=MEMBER)
    text = shown.embeds[0]["description"]
    assert "SC S1E29, which is no longer in the bot's episode list" in text
    assert "*For All Mankind*: you have seen up to" in text
    assert list(shown.button_ids()) == [f"Move to {last.code}"]
    await harness.press(shown, f"Move to {last.code}", member=MEMBER)
    assert bot.store.community.progress(MEMBER.id, "SC") == Progress("SC", last)
    assert bot.store.community.progress(MEMBER.id) == Progress("", EpisodeRef(2, 3))
