"""Ending a test process without tearing its interpreter down.

A process that has run part of the suite holds hundreds of modules and a heap of
objects; at exit the interpreter clears every module and frees every object one by one
(a forked child also copies each page it touches in doing so, since it shares them with
its parent). That was ~0.5-1 s of CPU per process at the end of each run, spent
after the last result was known: four pytest workers, each on the critical path of the
run's last second, the warm starter and its children (``tests/warm_bot.py``).

``leave`` does what an exit must and then ends the process where it is: it waits for the
threads an exit waits for, runs every ``atexit`` handler (pytest's and pgserver's
clean-ups, ``logging.shutdown`` that flushes and closes the log handlers, ``weakref``
finalizers), flushes standard output and error, and calls ``os._exit`` with the code the
process would have exited with. What it skips is only the freeing of memory the
operating system takes back anyway.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn


def leave(code: int) -> NoReturn:
    """Exit now with ``code`` after the threads, the ``atexit`` handlers and a flush."""
    for thread in threading.enumerate():  # as the interpreter's exit would, before atexit
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # each handler once, last registered first; errors printed
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            with contextlib.suppress(Exception):  # a closed or broken stream: nothing to save
                stream.flush()
    os._exit(code)


def status_of(stop: SystemExit) -> int:
    """The exit status the interpreter gives an uncaught ``SystemExit`` (printing a
    message it carries, as the interpreter does)."""
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)
    return 1


def _at_interpreter_exit() -> None:
    atexit.unregister(_at_interpreter_exit)  # so that ``leave`` runs each other one once
    leave(0)


def when_the_interpreter_exits() -> None:
    """Replace this process's interpreter teardown with ``leave(0)``: called in a pytest
    worker once its session is over and every result sent (pytest-xdist reads the
    results from the messages, never from a worker's exit code, which is 0 either way).

    Registered last, so it runs first of the ``atexit`` handlers, after the interpreter
    has joined the non-daemon threads; ``leave`` then runs the others in order."""
    atexit.register(_at_interpreter_exit)
