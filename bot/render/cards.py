"""What renderers produce: cards made of spoiler-free strings and story ``Detail``s.

A card's title, field names and footer are plain (``str``, or a ``Label`` that the
policy may swap for a neutral one): the type checker refuses a ``Detail`` there.
Story text can only sit in description lines and field values, where the composer
decides, through the spoiler policy, how to show it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from bot.spoilers.policy import Detail, Label

T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """A link with its text: a source's title (which can name what happens, so it may be
    a ``Detail``) and its address, checked when the content loads to hold no character
    that could end the link or a spoiler tag."""

    text: str | Detail
    url: str


# str: spoiler-free text the renderer wrote (names, codes, dates, labels)
Segment = str | Detail | Link
Plain = str | Label  # for surfaces that cannot hide text: a Label may be swapped for a neutral one
Line = tuple[Segment, ...]


class Colour:
    CHARACTER = 0x2B6CB0
    ACTOR = 0x6B46C1
    EPISODE = 0xC05621
    SEASON = 0xB7791F
    TIMELINE = 0x2F855A
    SEARCH = 0x4A5568
    INFO = 0x1A365D


@dataclass(frozen=True)
class Field:
    name: Plain
    lines: tuple[Line, ...]
    inline: bool = False


@dataclass(frozen=True)
class Card:
    title: Plain
    lines: tuple[Line, ...] = ()
    fields: tuple[Field, ...] = ()
    footer: str | None = None
    colour: int = Colour.INFO


class Pages(Sequence[Card]):
    """Pages built when shown, from records the store already shares.

    A multi-page reply lives for minutes in its page buttons; holding every page's
    finished card would cost kilobytes per reply, a builder costs a few bytes.
    """

    def __init__(self, count: int, build: Callable[[int], Card]) -> None:
        self._count = count
        self._build = build

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Card]: ...

    def __getitem__(self, index: int | slice) -> Card | Sequence[Card]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return self._build(index % self._count)


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A long list (the timeline) to be cut into pages after the policy has held back
    what the viewer should not see, so no page comes out empty."""

    title: str
    items: Sequence[T]
    line_of: Callable[[T], Line]
    per_page: int
    footer: str | None = None
    colour: int = Colour.INFO
    empty: str = "Nothing to show."


@dataclass(frozen=True)
class Reply:
    """One or more pages; more than one page is sent with page buttons.

    ``subject`` names what a lookup is about ("character:ed-baldwin", "episode:310"):
    such replies offer Sources and Report a mistake buttons that find it again.
    """

    pages: Sequence[Card] | Listing[Any]
    ephemeral: bool = False
    subject: str | None = None


def line(*segments: Segment | None) -> Line:
    """A line from segments, skipping missing ones."""
    return tuple(s for s in segments if s is not None)
