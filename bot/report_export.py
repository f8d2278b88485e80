"""``python -m bot reports``: members' mistake reports, for maintainers.

Grouped by what they are about, each group naming the file and entry to edit, so a
maintainer can check the claim against a source and open a data pull request.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from bot.canon.locate import locate
from bot.community.records import MistakeReport
from bot.feedback import find_subject
from bot.store import Store

# Control characters (terminal escape sequences among them) never reach the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _quoted(text: str) -> str:
    rows = _safe(text).splitlines() or [""]
    return "\n".join(f"  > {row}" if row else "  >" for row in rows)


def _entry(report: MistakeReport) -> str:
    when = report.created_at.strftime("%Y-%m-%d %H:%M UTC")
    where = f"server {report.guild_id}" if report.guild_id else "a direct message"
    logged = "in the server's mod log" if report.logged else "not in a mod log"
    lines = [f"- #{report.id} · {when} · member {report.reporter_id} · {where} · {logged}"]
    lines.append(_quoted(report.text))
    if report.source:
        lines.append(f"  Their source: {_safe(report.source)}")
    return "\n".join(lines)


async def export(store: Store, content_dir: Path, since: datetime | None = None) -> str:
    """Every report (after ``since``) as Markdown, newest subjects last."""
    reports = await store.community.reports(since)
    heading = f"# Mistake reports: {len(reports)}"
    if since is not None:
        heading += f" since {since.date().isoformat()}"
    if not reports:
        return heading + "\n\nNothing reported.\n"
    grouped: dict[str, list[MistakeReport]] = defaultdict(list)
    for report in reports:
        grouped[report.subject].append(report)
    parts = [heading, "Check each claim against a source before changing data/canon."]
    for subject, found in grouped.items():
        named = await find_subject(store.canon, subject)
        actor = None
        if subject.startswith("actor:"):
            record = await store.canon.actor(subject.partition(":")[2])
            actor = record.name if record else None
        title = named.name if named else f"{subject} (no longer in the data)"
        place = locate(content_dir, subject, actor) or "not found in data/canon"
        parts.append(f"## {title}\n`{subject}` · {place}")
        parts += [_entry(report) for report in found]
    return "\n\n".join(parts) + "\n"
