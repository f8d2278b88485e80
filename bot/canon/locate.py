"""Where in data/canon an entry lives, for maintainers turning a report into a change."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.canon.content import series_folders
from bot.canon.episodes import EpisodeRef, SeasonRef


def _folders(root: Path) -> dict[str, Path]:
    """Series code -> its folder."""
    found: dict[str, Path] = {}
    for folder in series_folders(root):
        try:
            code = tomllib.loads((folder / "series.toml").read_text()).get("code")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(code, str):
            found[code] = folder
    return found


def _text(path: Path) -> str:
    """A file's text for a search; one the bot cannot read or decode is found in nowhere
    (the maintainer's report listing must not stop on it: the bot's own check names it)."""
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def _shown(root: Path, path: Path) -> str:
    prefix = "/".join(part for part in (root.parent.name, root.name) if part)
    return f"{prefix}/{path.relative_to(root).as_posix()}"


def locate(root: Path, subject: str, actor_name: str | None = None) -> str | None:
    """The file (and entry) a subject's data is in, e.g.
    "data/canon/star-city/episodes/season-1.toml, episode 3"; None when not found."""
    kind, _, rest = subject.partition(":")
    folders = _folders(root)
    if kind in ("episode", "season") and rest.isdigit():
        if kind == "episode":
            ref = EpisodeRef.from_key(int(rest))
            folder = folders.get(ref.series)
            path = folder / "episodes" / f"season-{ref.season}.toml" if folder else None
            where = f"episode {ref.number}"
        else:
            season = SeasonRef.from_key(int(rest))
            folder = folders.get(season.series)
            path = folder / "seasons.toml" if folder else None
            where = f"season {season.number}"
        return f"{_shown(root, path)}, {where}" if path and path.is_file() else None
    if kind == "timeline":
        folder = folders.get(rest.split(":")[0])
        path = folder / "timeline.toml" if folder else None
        return _shown(root, path) if path and path.is_file() else None
    if kind == "character":
        wanted = re.compile(rf'^id = "{re.escape(rest)}"$', re.M)
    elif kind == "actor" and actor_name:
        wanted = re.compile(rf'^actor = "{re.escape(actor_name)}"$', re.M)
    else:
        return None
    places = [
        _shown(root, path)
        for folder in folders.values()
        for path in sorted((folder / "characters").glob("*.toml"))
        if wanted.search(_text(path))
    ]
    return ", ".join(places) or None
