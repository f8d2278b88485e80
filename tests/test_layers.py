"""The layers the README draws are the layers in the imports.

Every module under ``bot/`` and ``cogs/`` belongs to one layer, and imports only from
the layers its own may use (``TYPE_CHECKING`` imports included: a type is a dependency
too). A new module outside the table below fails the test until it is given a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FOUNDATION = "foundation"  # text rules, settings, the spoiler policy, episode codes
RECORDS = "records"  # typed canon and community records
SEAM = "seam"  # the community store's interface and the in-memory copy both backends keep
CONTENT = "content"  # reading the canon files
LOOKUP = "lookup"  # the in-memory name index behind autocomplete
GUARD = "guard"  # the spoiler guard's text work
PIPELINE = "pipeline"  # the guard's requests to Discord: one attempt, budgets, lanes
RENDER = "render"  # pure renderers and the composer
STORE = "store"  # SQLite and PostgreSQL: the only SQL
BOT = "bot"  # the bot, its tree, arguments, replies and views
COGS = "cogs"  # slash commands and listeners

# Module (or package) -> layer; the longest matching name wins.
LAYER_OF = {
    "bot": FOUNDATION,  # the package itself: its version
    "bot.text": FOUNDATION,
    "bot.settings": FOUNDATION,
    "bot.spoilers": FOUNDATION,
    "bot.guild_permissions": FOUNDATION,
    "bot.canon.episodes": FOUNDATION,
    "bot.canon.models": RECORDS,
    "bot.community": RECORDS,
    "bot.community.store": SEAM,
    "bot.community.state": SEAM,
    "bot.canon": CONTENT,  # the canon package: reading the files, unless listed otherwise
    "bot.canon.content": CONTENT,
    "bot.canon.fields": CONTENT,
    "bot.canon.guard_rules": CONTENT,
    "bot.canon.catalog": LOOKUP,
    "bot.guard": GUARD,
    "bot.pipeline": PIPELINE,
    # What the guard knows, as a plain record built by the content loader and kept by the
    # store: a canon record like the others (it imports nothing of ours).
    "bot.guard.lexicon": RECORDS,
    "bot.render": RENDER,
    "bot.store": STORE,
    "bot.__main__": BOT,
    "bot.app": BOT,
    "bot.arguments": BOT,
    "bot.errors": BOT,
    "bot.feedback": BOT,
    "bot.report_export": BOT,
    "bot.horizons": BOT,
    "bot.interactions": BOT,
    "bot.listeners": BOT,
    "bot.logs": BOT,
    "bot.check": BOT,
    "bot.gate": BOT,
    "bot.limits": BOT,
    "bot.replies": BOT,
    "bot.tree": BOT,
    "bot.views": BOT,
    "bot.sensitivity": BOT,  # the guard's sensitivity levels and review band (issue 9)
    "cogs": COGS,
}

MAY_IMPORT = {
    FOUNDATION: {FOUNDATION},
    RECORDS: {FOUNDATION, RECORDS},
    CONTENT: {FOUNDATION, RECORDS, CONTENT},
    LOOKUP: {FOUNDATION, RECORDS, LOOKUP},
    GUARD: {FOUNDATION, RECORDS, GUARD},
    PIPELINE: {FOUNDATION, RECORDS, PIPELINE},
    RENDER: {FOUNDATION, RECORDS, RENDER},
    SEAM: {FOUNDATION, RECORDS, SEAM},
    STORE: {FOUNDATION, RECORDS, CONTENT, SEAM, STORE},
    BOT: {FOUNDATION, RECORDS, CONTENT, LOOKUP, GUARD, PIPELINE, RENDER, SEAM, STORE, BOT},
    COGS: {FOUNDATION, RECORDS, CONTENT, LOOKUP, GUARD, PIPELINE, RENDER, SEAM, STORE, BOT, COGS},
}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        name = ".".join(parts[:size])
        if name in LAYER_OF and (size > 1 or name == module or name == "cogs"):
            return LAYER_OF[name]
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_imports(path: Path) -> set[str]:
    """The ``bot`` and ``cogs`` modules a file imports, wherever in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name.split(".")[0] in ("bot", "cogs")}


def sources() -> list[Path]:
    return sorted(p for folder in ("bot", "cogs") for p in (ROOT / folder).rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    unplaced = [module_name(p) for p in sources() if layer_of(module_name(p)) is None]
    assert unplaced == [], "give these a layer in LAYER_OF"


def test_imports_point_down_the_layers() -> None:
    wrong = []
    for path in sources():
        importer = module_name(path)
        layer = layer_of(importer)
        assert layer is not None
        for imported in sorted(project_imports(path)):
            target = layer_of(imported)
            if target not in MAY_IMPORT[layer]:
                wrong.append(f"{importer} ({layer}) imports {imported} ({target})")
    assert wrong == []


def test_the_check_sees_a_wrong_import() -> None:
    """The rule table is not vacuous: the imports the layers exist to prevent are refused."""
    for importer, imported in [
        ("bot.render.people", "bot.store.canon"),
        ("bot.render.people", "cogs.characters"),
        ("bot.store.canon", "bot.canon.catalog"),
        ("bot.store.canon", "bot.render.cards"),
        ("bot.guard.matcher", "bot.canon.catalog"),
        ("bot.guard.matcher", "bot.store"),
        ("bot.app", "cogs.meta"),
        ("bot.spoilers.policy", "bot.canon.models"),
        ("bot.render.progress", "bot.community.store"),  # renderers take records, not stores
        ("bot.community.state", "bot.store.community"),  # the seam knows no backend
        ("bot.community.records", "bot.community.state"),
        ("bot.store.postgres.community", "bot.horizons"),
    ]:
        layer = layer_of(importer)
        assert layer is not None
        assert layer_of(imported) not in MAY_IMPORT[layer], (importer, imported)
