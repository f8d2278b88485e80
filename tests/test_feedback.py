"""Sources and Report a mistake, end to end: the buttons under lookup replies.

Anyone who can see a reply may press them and only they see what follows; a report is
stored as community data whatever happens to the mod-log post, and the member is told
what did happen.
"""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.app import FamBot
from bot.feedback import REPORTS_PER_WINDOW
from bot.report_export import export
from tests.spoiler_audit import hidden, visible
from tests.standin import payloads
from tests.standin.harness import MODAL, Exchange, Harness
from tests.standin.payloads import ALICE, BOB, CAROL, MOD_LOG_ID, ChannelOption
from tests.standin.rest import APPLICATION_ID, Message, message_payload

LINK = re.compile(r"\[([^\]]*(?:\\\][^\]]*)*)\]\(<(https?://[^>]+)>\)")
GOOD = {"text": "The actor for this role is wrong: the S1E3 credits say otherwise.", "source": ""}


def _followups(exchange: Exchange) -> list[dict[str, Any]]:
    """Messages sent after a deferred answer (the interaction's own webhook)."""
    own = f"/webhooks/{APPLICATION_ID}/"
    return [r.json for r in exchange.requests if r.method == "POST" and r.path.startswith(own)]


def _answer(exchange: Exchange) -> str:
    """What the member was finally told: the callback's text, or the follow-up's."""
    later = _followups(exchange)
    return str(later[-1].get("content") or "") if later else exchange.content


async def _pages(harness: Harness, first: Exchange, member: payloads.Member) -> str:
    """Every page's description of a paged private reply, turning pages as ``member``."""
    texts = [first.embeds[0]["description"]]
    page = first
    while "Next ▶" in page.button_ids() and len(texts) < 20:
        page = await harness.press(first, "Next ▶", member=member)
        if page.embeds[0]["description"] == texts[-1]:
            break
        texts.append(page.embeds[0]["description"])
    return "\n".join(texts)


async def _reports(bot: FamBot) -> list[Any]:
    return await bot.store.community.reports()


async def test_lookup_replies_offer_sources_and_report_to_everyone(harness: Harness) -> None:
    reply = await harness.command("character", {"name": "Gordo"})
    assert {"Sources", "Report a mistake"} <= set(reply.button_ids())
    sources = await harness.press(reply, "Sources", member=BOB)  # not the one who asked
    assert sources.ephemeral
    embed = sources.embeds[0]
    assert embed["title"] == "Sources · Gordon Stevens"
    links = LINK.findall(embed["description"])
    assert links, embed["description"]
    assert all(url.startswith("http") for _, url in links)
    # Every link is in the no-preview form, and each line names its id.
    assert embed["description"].count("](<") == embed["description"].count("](")
    assert re.search(r"^`s\d+` ", embed["description"], re.M)
    # Titles backing finale details ("... finale recap") are behind tags, with a warning.
    assert "||" in embed["description"]
    assert sources.content.startswith("⚠️ Spoiler warning")
    finale_titles = [t for t in re.findall(r"\[([^\]]+)\]", hidden(embed["description"]))]
    assert finale_titles
    assert not [t for t in finale_titles if t in visible(embed["description"])]


async def test_sources_follow_the_pressers_progress(harness: Harness) -> None:
    """A title can tell the story ("How did Danny Stevens die?"): it is shown as the text
    it backs would be, for whoever pressed."""
    reply = await harness.command("character", {"name": "Danny Stevens"})  # Alice: no progress
    await harness.subcommand("progress set", {"episode": "S2E4"}, member=BOB)
    everything = await harness.press(reply, "Sources", member=ALICE)
    early = await harness.press(reply, "Sources", member=BOB)
    title = "How did Danny Stevens die?"
    seen = await _pages(harness, everything, ALICE)
    assert title in hidden(seen) and title not in visible(seen)  # backs a finale detail
    assert "held back" in early.content and "(S2E4)" in early.content
    kept = await _pages(harness, early, BOB)
    assert title not in kept
    assert len(LINK.findall(kept)) < len(LINK.findall(seen))


async def test_sources_and_report_outlive_the_page_buttons(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.views.PAGE_TIMEOUT_SECONDS", 0.5)
    first = await harness.command("season", {"number": 2})
    assert {"Next ▶", "Sources", "Report a mistake"} <= set(first.button_ids())
    edits = await harness.stand_in.wait_for("PATCH", "/messages/@original")  # on expiry
    buttons = [b for row in edits[-1].json["components"] for b in row["components"]]
    state = {b["label"]: b.get("disabled", False) for b in buttons}
    assert state["Next ▶"] and not state["Sources"] and not state["Report a mistake"]
    pressed = await harness.press(first, "Sources", member=CAROL)
    assert pressed.ephemeral and pressed.embeds[0]["title"] == "Sources · Season 2"


async def test_buttons_on_a_reply_from_before_a_restart_still_work(harness: Harness) -> None:
    """The buttons are found by their custom id alone: no view object needs to exist."""
    custom_id = "fam:sources:actor:joel-kinnaman"  # as a reply from before the restart had it
    button = {"type": 2, "style": 2, "label": "Sources"}
    components = [{"type": 1, "components": [{**button, "custom_id": custom_id}]}]
    body = {"content": "", "components": components}
    old = Message(90001, payloads.CHANNEL_ID, message_payload(90001, payloads.CHANNEL_ID, body))
    harness.stand_in.messages[old.id] = old
    pressed = await harness.send(payloads.button(old, custom_id, member=BOB))
    assert pressed.ephemeral
    assert pressed.embeds[0]["title"] == "Sources · Joel Kinnaman"


async def test_a_report_is_stored_and_the_member_thanked(harness: Harness, bot: FamBot) -> None:
    reply = await harness.command("episode", {"episode": "SC S1E3"})
    form = await harness.press(reply, "Report a mistake", member=BOB)
    assert form.type == MODAL
    assert form.data["title"] == "Report a mistake"
    answered = await harness.submit(form, {**GOOD, "source": "Apple TV listing"}, reply, BOB)
    assert answered.ephemeral
    assert "saved for the bot's maintainers" in _answer(answered)
    assert "no mod log set" in _answer(answered)
    [report] = await _reports(bot)
    assert (report.reporter_id, report.subject) == (BOB.id, "episode:4970103")
    assert report.text == GOOD["text"] and report.source == "Apple TV listing"
    assert report.message_id == reply.message.id and not report.logged


async def test_the_mod_log_gets_the_report_defused(harness: Harness, bot: FamBot) -> None:
    await harness.subcommand("spoilers guard log", {"channel": ChannelOption(MOD_LOG_ID)})
    reply = await harness.command("character", {"name": "Gordo"})
    form = await harness.press(reply, "Report a mistake", member=BOB)
    nasty = "Gordo ||dies|| @everyone <@1> see https://evil.example/x and [this](https://a.b)"
    answered = await harness.submit(form, {"text": nasty, "source": ""}, reply, BOB)
    assert "mod log too" in _answer(answered)
    [posted] = harness.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")
    body = posted.json
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    assert embed["title"] == "Mistake reported"
    text = embed["description"]
    assert "dies" not in visible(text) and "Gordo" not in visible(text)  # behind the tag
    assert "https://" not in text  # no link Discord would render
    assert "\\[this\\](" in text  # brackets escaped: no masked link
    assert "<@1>" not in text and "@everyone" not in text.replace("\\@", "")
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["About"] == "Character Gordon Stevens"
    assert fields["From"] == f"<@{BOB.id}>"
    [report] = await _reports(bot)
    assert report.logged and report.text == nasty  # stored as written


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ({"text": "   ", "source": ""}, "empty or too short"),
        ({"text": "wrong", "source": ""}, "empty or too short"),
        ({"text": "x" * 1001, "source": ""}, "longer than I take"),
        ({**GOOD, "source": "y" * 201}, "longer than I take"),
    ],
)
async def test_bad_reports_are_refused_and_nothing_stored(
    harness: Harness, bot: FamBot, values: dict[str, str], why: str
) -> None:
    reply = await harness.command("actor", {"name": "Joel Kinnaman"})
    form = await harness.press(reply, "Report a mistake", member=BOB)
    answered = await harness.submit(form, values, reply, BOB)
    assert answered.ephemeral
    assert why in answered.content
    assert await _reports(bot) == []


async def test_reports_are_rate_limited_per_member(harness: Harness, bot: FamBot) -> None:
    reply = await harness.command("season", {"number": 1, "series": "star-city"})
    forms = [await harness.press(reply, "Report a mistake", member=BOB) for _ in range(4)]
    for form in forms[:REPORTS_PER_WINDOW]:
        assert "saved" in _answer(await harness.submit(form, GOOD, reply, BOB))
    late = await harness.submit(forms[REPORTS_PER_WINDOW], GOOD, reply, BOB)  # opened earlier
    assert "reports in the last hour" in _answer(late)
    again = await harness.press(reply, "Report a mistake", member=BOB)
    assert again.type != MODAL and "reports in the last hour" in again.content
    other = await harness.press(reply, "Report a mistake", member=CAROL)  # per member
    assert other.type == MODAL
    assert len(await _reports(bot)) == REPORTS_PER_WINDOW


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (503, {"message": "Service Unavailable", "code": 0}),
        (403, {"message": "Missing Permissions", "code": 50013}),
    ],
)
async def test_a_failed_mod_log_post_keeps_the_report_and_says_so(
    harness: Harness, bot: FamBot, status: int, body: dict[str, Any]
) -> None:
    await harness.subcommand("spoilers guard log", {"channel": ChannelOption(MOD_LOG_ID)})
    reply = await harness.command("character", {"name": "Gordo"})
    form = await harness.press(reply, "Report a mistake", member=BOB)
    harness.stand_in.fail_next(
        lambda r: r.method == "POST" and r.path.endswith(f"/channels/{MOD_LOG_ID}/messages"),
        status,
        body,
    )
    answered = await harness.submit(form, GOOD, reply, BOB)
    told = _answer(answered)
    assert "saved for the bot's maintainers" in told
    assert "could not post it to this server's mod log" in told
    [report] = await _reports(bot)
    assert report.text == GOOD["text"] and not report.logged


async def test_maintainers_get_reports_to_act_on(
    harness: Harness, bot: FamBot, db_path: Path, content_dir: Path
) -> None:
    """``python -m bot reports`` prints every report under what it is about, with the
    file and entry to edit; the member's words are quoted as written."""
    star_city = await harness.command("episode", {"episode": "SC S1E3"})
    form = await harness.press(star_city, "Report a mistake", member=BOB)
    await harness.submit(form, {**GOOD, "source": "Apple's listing"}, star_city, BOB)
    gordo = await harness.command("character", {"name": "Gordo"})
    form = await harness.press(gordo, "Report a mistake", member=CAROL)
    await harness.submit(
        form, {"text": "First line of it.\nSecond line.\x1b[2J", "source": ""}, gordo, CAROL
    )
    printed = await export(bot.store, content_dir)
    assert printed.startswith("# Mistake reports: 2")
    assert "## Episode SC S1E3 · Star City" in printed
    assert "data/canon/star-city/episodes/season-1.toml, episode 3" in printed
    assert "## Character Gordon Stevens" in printed
    assert "data/canon/for-all-mankind/characters/introduced-in-season-1.toml" in printed
    assert f"  > {GOOD['text']}" in printed and "Their source: Apple's listing" in printed
    assert "  > First line of it.\n  > Second line.\ufffd[2J" in printed  # no escapes
    assert f"member {BOB.id}" in printed and "not in a mod log" in printed
    later = await export(bot.store, content_dir, datetime.now(UTC) + timedelta(days=1))
    assert "Mistake reports: 0" in later and "Nothing reported." in later


def test_the_reports_command_needs_no_token(
    db_path: Path,
    content_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("FAMBOT_DATABASE", str(db_path))
    monkeypatch.setenv("FAMBOT_CONTENT_DIR", str(content_dir))
    assert main(["reports", "--since", "2026-01-01"]) == 0
    assert "# Mistake reports: 0 since 2026-01-01" in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:  # argparse says what is wrong, then exits
        main(["reports", "--since", "yesterday"])
    assert refused.value.code == 2
    assert "is not a day like" in capsys.readouterr().err


def test_the_reports_command_runs_beside_a_bot_holding_the_write_lock(
    db_path: Path,
    content_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """It only reads: a write the running bot has open (a canon reload, say) neither
    stops it nor is touched by it."""
    monkeypatch.setenv("FAMBOT_DATABASE", str(db_path))
    monkeypatch.setenv("FAMBOT_CONTENT_DIR", str(content_dir))
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("DELETE FROM community_permission_gap")
        started = time.monotonic()
        assert main(["reports"]) == 0
        assert time.monotonic() - started < 3  # not waiting out the 5 s busy timeout
        assert "# Mistake reports: 0" in capsys.readouterr().out
        holder.execute("COMMIT")
    finally:
        holder.close()


def test_the_reports_command_refuses_a_missing_database_in_one_line(
    tmp_path: Path,
    content_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    monkeypatch.setenv("FAMBOT_DATABASE", str(missing))
    monkeypatch.setenv("FAMBOT_CONTENT_DIR", str(content_dir))
    assert main(["reports"]) == 1
    err = capsys.readouterr().err
    assert "does not exist yet" in err and "Traceback" not in err
    assert not missing.exists()  # a tool that reads creates nothing
