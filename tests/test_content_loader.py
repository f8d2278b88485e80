"""The content loader refuses malformed files with the file, the entry and the problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.canon.content import fingerprint, load_content
from bot.canon.fields import ContentError


@pytest.fixture
def content_copy(tmp_path: Path, content_dir: Path) -> Path:
    target = tmp_path / "data" / "canon"
    shutil.copytree(content_dir, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def test_shipped_content_loads(content_dir: Path) -> None:
    bundle = load_content(content_dir)
    assert bundle.fingerprint == fingerprint(content_dir)


def test_fingerprint_changes_with_any_byte(content_copy: Path) -> None:
    before = fingerprint(content_copy)
    path = content_copy / "for-all-mankind" / "timeline.toml"
    path.write_text(path.read_text() + "\n")
    assert fingerprint(content_copy) != before


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "problem"),
    [
        (
            "for-all-mankind/episodes/season-3.toml",
            "number = 10\n",
            "number = 9\n",
            "episode S3E9",
            "duplicate episode",
        ),
        (
            "for-all-mankind/episodes/season-1.toml",
            "air_date = 2019-11-01",
            'air_date = "November"',
            "episode S1E1",
            "'air_date' must be a date",
        ),
        (
            "for-all-mankind/timeline.toml",
            'first_shown = "S1E1"',
            'first_shown = "S9E1"',
            "event #1",
            "'first_shown' names S9E1, which is not in the episode files",
        ),
        (
            "for-all-mankind/timeline.toml",
            'first_shown = "S1E1"',
            'first_shown = "SC S1E1"',  # codes in a series' folder name its own episodes
            "event #1",
            "'first_shown' must be an episode code",
        ),
        (
            "for-all-mankind/timeline.toml",
            'first_shown = "S1E1"\nfinale_detail = false',
            'first_shown = "S1E10"\nfinale_detail = false',
            "event #1",
            "'finale_detail' must be true: S1E10 is a season finale",
        ),
        (
            "for-all-mankind/characters/introduced-in-season-1.toml",
            'id = "ed-baldwin"',
            'id = "gordo-stevens"',
            "character 'gordo-stevens'",
            "duplicate character id",
        ),
        (
            "for-all-mankind/characters/introduced-in-season-1.toml",
            'aliases = ["Ed"',
            'aliases = ["Gordo"',
            "character 'gordo-stevens'",
            "already used by 'ed-baldwin'",
        ),
        (
            "for-all-mankind/characters/introduced-in-season-1.toml",
            'id = "ed-baldwin"',
            'id = "ed-baldwin"\nnickname = "Eddie"',
            "character 'ed-baldwin'",
            "unknown key 'nickname'",
        ),
        (
            "for-all-mankind/seasons.toml",
            'sources = ["s1"',
            'sources = ["nowhere"',
            "season 1",
            "source 'nowhere' is not listed",
        ),
        (
            "for-all-mankind/guard.toml",
            'death = ["@death"',
            'death = ["@dying"',
            "fate_cues",
            "'@dying' is no meaning class",
        ),
        (
            "guard/ru.toml",
            "[names]\n",
            '[names]\nnobody-at-all = ["Никто"]\n',
            "names",
            "unknown key 'nobody-at-all'",
        ),
    ],
)
def test_malformed_entries_are_named(
    content_copy: Path, file: str, old: str, new: str, entry: str, problem: str
) -> None:
    _edit(content_copy / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    error = caught.value
    assert error.path == f"data/canon/{file}"
    assert entry in error.entry
    assert problem in error.problem


def test_invalid_toml_names_the_file(content_copy: Path) -> None:
    (content_copy / "for-all-mankind" / "timeline.toml").write_text("[[event]\nyear = ")
    with pytest.raises(
        ContentError, match=re.escape("data/canon/for-all-mankind/timeline.toml: file: not valid")
    ):
        load_content(content_copy)


def test_a_stray_file_is_refused(content_copy: Path) -> None:
    (content_copy / "notes.toml").write_text("")
    with pytest.raises(ContentError, match="not in a folder the loader reads"):
        load_content(content_copy)


def test_the_guard_vocabulary_is_shared_by_every_show(content_copy: Path) -> None:
    """data/canon/guard/ sits beside the show folders: its spellings may name any show's
    characters, and the guard knows every show's characters (by name, not by title
    words: "The Chief Designer" gives no name "The")."""
    _edit(content_copy / "guard" / "ru.toml", "[names]\n", '[names]\nsc-irina = ["Ирина"]\n')
    people = {p.id: p for p in load_content(content_copy).guard_lexicon.people}
    assert "ed-baldwin" in people
    assert "ru:Ирина" in people["sc-irina"].names  # Russian: read with Russian endings
    assert people["sc-chief-designer"].names == (
        "The Chief Designer",
        "Chief Designer",
        "Rhys Ifans",
    )


def test_guard_rules_need_the_shared_vocabulary(content_copy: Path) -> None:
    (content_copy / "guard" / "en.toml").unlink()
    with pytest.raises(ContentError, match=re.escape("data/canon/guard: folder: needs en.toml")):
        load_content(content_copy)


def test_errors_never_quote_story_text(content_copy: Path) -> None:
    """An error may be logged; it must not carry a finale detail."""
    path = content_copy / "for-all-mankind" / "timeline.toml"
    text = path.read_text()
    first = text.index("[[event]]")
    second = text.index("[[event]]", first + 1)
    path.write_text(text + "\n" + text[first:second])  # the first event, repeated
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "repeats event #1" in str(caught.value)
    assert "Leonov" not in str(caught.value)
