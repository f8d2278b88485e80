"""The cogs' modules executed once per test process, for every bot the harness starts.

discord.py's ``load_extension`` executes an extension's module afresh (and so every
submodule it imports that is not in ``sys.modules``), and a bot's ``close`` unloads its
extensions, which removes them and their submodules from ``sys.modules``. A process of
the real bot does that once; the suite starts some 400 bots in-process, and executing
the cogs' 28 modules again was two fifths of each start's CPU. So while the harness
logs a bot in (``setup_hook`` loads the extensions), an import hook hands the library the
modules the first bot executed instead of executing them again. Each bot still runs
every extension's ``setup`` on its own, making its own cogs, commands and listeners:
only the modules are shared. They hold only constants and classes (``cogs/``' modules
keep no state of their own); a test that patches one (``tests.guarding.live``) has
pytest's ``monkeypatch`` put it back when the test ends.

Loading an extension any other way (``bot.reload_extension`` in a test, the ``canon``
fixture's tree) executes it as the library does.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from types import MethodType, ModuleType

from discord.ext import commands


class _Executed(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """An import hook for extensions already executed: the module is the one from before."""

    def __init__(self) -> None:
        self.modules: dict[str, ModuleType] = {}  # extension -> its module
        self.specs: dict[str, importlib.machinery.ModuleSpec] = {}  # as first executed
        self.submodules: dict[str, dict[str, ModuleType]] = {}  # extension -> name -> module

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        first = self.specs[fullname]
        return importlib.machinery.ModuleSpec(
            fullname,
            self,
            origin=first.origin,
            is_package=first.submodule_search_locations is not None,
        )

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.modules[spec.name]

    def exec_module(self, module: ModuleType) -> None:
        # Nothing to execute. The spec goes back to the source file's, so that a later
        # reload_extension finds and executes the file as the library would; and the
        # submodules go back into sys.modules, where the bot's own imports would be.
        name = module.__name__
        module.__spec__ = self.specs[name]
        sys.modules.update(self.submodules[name])

    def remember(self, bot: commands.Bot) -> None:
        """Keep the modules of the extensions ``bot`` loaded, if not kept already."""
        for name, module in bot.extensions.items():
            if name in self.modules or module.__spec__ is None:
                continue
            self.modules[name] = module
            self.specs[name] = module.__spec__
            prefix = name + "."
            self.submodules[name] = {
                key: value for key, value in sys.modules.items() if key.startswith(prefix)
            }


_EXECUTED = _Executed()


@contextmanager
def reused(bot: commands.Bot) -> Iterator[None]:
    """Within, ``bot`` loads the extensions a bot loaded before from the same modules;
    after, the extensions it executed itself are kept for the next."""
    sys.meta_path.insert(0, _EXECUTED)
    try:
        yield
    finally:
        sys.meta_path.remove(_EXECUTED)
    _EXECUTED.remember(bot)


async def _finalise(bot: commands.Bot, lib: ModuleType, key: str) -> None:
    """``commands.Bot._call_module_finalizers`` (discord.py 2.7), with one pass over
    ``sys.modules`` where the library makes one function call per module: the same
    teardown, the same extension forgotten, the same modules removed. A test process has
    some 2,000 modules and a bot nine extensions, so the library's loop was ~10 ms of CPU
    per bot closed, over ~400 bots a run."""
    try:
        teardown = getattr(lib, "teardown")  # noqa: B009 - as the library asks for it
    except AttributeError:
        pass
    else:
        with suppress(Exception):
            await teardown(bot)
    finally:
        bot._BotBase__extensions.pop(key, None)  # type: ignore[attr-defined]
        sys.modules.pop(key, None)
        name = lib.__name__
        prefix = name + "."
        for module in [m for m in sys.modules if m == name or m.startswith(prefix)]:
            del sys.modules[module]


def finalised_quickly(bot: commands.Bot) -> None:
    """Unloading ``bot``'s extensions (its ``close``) goes through ``_finalise``."""
    bot._call_module_finalizers = MethodType(_finalise, bot)  # type: ignore[method-assign]
