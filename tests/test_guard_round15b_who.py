"""Round 15b, who is meant: a character named by what she does or did, from the canon's
``known_as`` entries (not code), over phrasings and languages, and innocent look-alikes.

- Pam by her work: "the poet" (her book of poetry, S2E5; `poet` in every language file's
  `[roles]`: "la poétesse", "la poeta") and "the one who tends bar at the Outpost" fill
  the visit Ellen pays her in the S3 finale ("goes to see pam"), as "the old Outpost
  bartender" did; not a poet or a bartender of the writer's world, nor the visit of 3x08.
- A role after "is a", "was a" (`job_as` in en.toml) is a kind of job and names nobody:
  "my sister is a poet and she went to see the s3 finale" (as "her job as a bar owner").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

PAM_BY_HER_WORK = [
    "The president goes to see the poet who used to tend bar at the Outpost in the s3 finale.",
    "In the s3 finale Ellen finally goes to see the poet.",
    "the president, freshly out, visits the poet in the last episode of season three",
    "Ellen goes to see the poet from the Outpost at the end of s3 and they finally reconcile",
    "3x10: Ellen shows up at the poet's house. I cried",
    "Dans le final de la saison 3, la présidente rend visite à la poétesse.",
    "En el final de la temporada 3 la presidenta va a ver a la poeta.",
]

PAM_BY_HER_WORK_INNOCENT = [
    "The poet Ellen quotes in 3x10 is Emily Dickinson.",
    "I tend bar on weekends, and the s3 finale made me cry at work.",
    "The president goes to see the poet in 3x08, but it gets cut short by Mars.",
    "my sister is a poet and she went to see the s3 finale with me",
    "the guy who tends bar at my local outpost pub hasn't seen season 3 yet",
    "my sister is a bartender and she went to see the s3 finale with me",
    "my sister is a poet and she went to see the s3 finale with me",
    "a poet once said the moon is a harsh mistress, anyway season 1 rules",
]


@pytest.mark.parametrize("text", PAM_BY_HER_WORK)
def test_pam_named_by_her_work(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", PAM_BY_HER_WORK_INNOCENT)
def test_a_poet_or_bartender_of_no_finale_is_untagged(text: str) -> None:
    assert not spoils(text)
