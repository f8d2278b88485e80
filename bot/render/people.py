"""Cards for /character and /actor."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import Actor, Character, Episode, Role, Series
from bot.render.cards import Card, Colour, Field, Line, Reply, line
from bot.render.episodes import from_series
from bot.render.formatting import seasons_label, sources_footer
from bot.spoilers.policy import Detail
from bot.text import normalise

NOT_RECORDED = "Not recorded in our sources yet"


def _role_line(role: Role, *, show_actor: bool, series: Series | None = None) -> Line:
    who = role.actor_name if show_actor else role.character_name
    credit = f" ({role.credit})" if role.credit else ""
    seasons = seasons_label(role.seasons)
    if series is not None and not series.is_default:
        seasons = f"{series.name}, {seasons}"
    # When a fate ends the role, its last season tells how: shown only as the fate is.
    shown: str | Detail = Detail(seasons, role.ended_by) if role.ended_by else seasons
    return line(f"**{who}**{credit} — ", shown)


def _nicknames(character: Character) -> list[str]:
    """Aliases worth showing: not just a part of the full name ("Karen" for Karen Baldwin)."""
    name_words = set(normalise(character.name).split())
    return [a for a in character.aliases if not set(normalise(a).split()) <= name_words]


def _first_seen(character: Character, episode: Episode | None) -> Detail | str:
    if episode is None or character.introduced is None:
        return NOT_RECORDED
    return Detail(episode.heading.text, character.introduced)


def character_card(character: Character, first_episode: Episode | None, series: Series) -> Reply:
    lines: list[Line] = []
    if not series.is_default:
        lines.append(line(f"A character in *{series.name}*."))
    if character.summary:
        lines.append(line(character.summary))
    else:
        lines.append(line(f"No biography recorded yet. {NOT_RECORDED}."))
    nicknames = _nicknames(character)
    if nicknames:
        lines.append(line("Also known as: " + ", ".join(nicknames)))
    fields = [
        Field(
            "Played by",
            tuple(_role_line(r, show_actor=True) for r in character.roles)
            or (line("No actor recorded in our sources"),),
        ),
        Field("Occupation", (line(character.occupation or NOT_RECORDED),), inline=True),
        Field("Affiliation", (line(character.affiliation or NOT_RECORDED),), inline=True),
        Field(
            "First appearance",
            (line(_first_seen(character, first_episode)),),
            inline=True,
        ),
    ]
    if character.facts:
        fields.append(
            Field(
                "Story so far",
                tuple(line(f"{f.detail.reveal.episode.code}: ", f.detail) for f in character.facts),
            )
        )
    card = Card(
        title=character.name + from_series(series),
        lines=tuple(lines),
        fields=tuple(fields),
        footer=sources_footer(character.sources),
        colour=Colour.CHARACTER,
    )
    return Reply((card,), subject=f"character:{character.id}")


def actor_card(actor: Actor, series: Sequence[Series]) -> Reply:
    """``series``: every series, for naming the shows the roles are in."""
    by_code = {s.code: s for s in series}
    count = len(actor.roles)
    shows = [by_code[c].name for c in dict.fromkeys(r.series for r in actor.roles) if c in by_code]
    where = " and ".join(f"*{name}*" for name in shows) or "the shows"
    roles = tuple(
        _role_line(r, show_actor=False, series=by_code.get(r.series)) for r in actor.roles
    )
    card = Card(
        title=actor.name,
        lines=(line(f"Plays {count} role{'s' if count != 1 else ''} in {where}."),),
        fields=(Field("Roles", roles),),
        footer=sources_footer(sorted({s for r in actor.roles for s in r.sources})),
        colour=Colour.ACTOR,
    )
    return Reply((card,), subject=f"actor:{actor.id}")
