"""Text normalisation shared by name lookup and the spoiler guard: one rule for both."""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=4096)  # names and typed queries repeat; keystrokes are hot
def normalise(text: str) -> str:
    """Casefold, drop accents and punctuation: "Peña" and "pena" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def clean_term(text: str) -> str:
    """A server's guard term as stored and shown: composed, single-spaced, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())
