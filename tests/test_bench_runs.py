"""The benchmark script keeps working (a smoke run; its figures are not asserted)."""

from __future__ import annotations

import pytest


@pytest.mark.long
async def test_the_benchmark_prints_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    """``bench.run``'s main at its smoke size, in this process: the bots it measures are
    still ``python -m bench.bot_process`` children (four starts: cold, warm, and one per
    memory load). Run as ``python -m bench.run`` it was one process more, importing
    discord.py, the bot and the stand-in again and loading the content twice (about
    2 s of CPU); its own code past ``main`` is the argument parser."""
    from bench.run import main

    await main("smoke")
    table = capsys.readouterr().out
    rows = [line.split()[:2] for line in table.splitlines() if line.strip()]
    for name in ("noop", "character", "timeline", "search", "autocomplete"):
        assert [name, "1"] in rows, name
        assert [name, "64"] in rows, name
    assert "autocomplete handler in process" in table
    for stage in ("shipped rules", "shipped + 1,000", "read (", "associate + score", "whole guard"):
        assert f"spoiler guard, {stage}" in table, stage
    assert "cold start to READY" in table
    assert "resident memory" in table


async def test_the_scale_benchmark_measures_propagation_and_misses(postgres_url: str) -> None:
    """``bench/scale.py``'s own measurements run (its bot setups are the processes of
    ``test_shards``); the figures are not asserted beyond being possible."""
    from bench.scale import misses, propagation

    spread = await propagation(postgres_url, 3)
    assert len(spread) == 3 and all(0 <= d < 5 for d in spread)
    users, guilds, reload, held = await misses(postgres_url, 3, 20)
    assert len(users) == len(guilds) == 3 and reload > 0
    assert held >= 20
