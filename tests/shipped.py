"""The shipped content, read once per test process.

Some twenty test modules and fixtures read it, and each read parsed every file again
(~0.2 s of CPU). A ``ContentBundle`` is frozen and holds tuples, and no test changes
one: a test that needs different content writes its own folder and loads that.
"""

from __future__ import annotations

from functools import cache

from bot.canon.content import ContentBundle, load_content
from bot.settings import DEFAULT_CONTENT_DIR


@cache
def shipped_content() -> ContentBundle:
    return load_content(DEFAULT_CONTENT_DIR)
