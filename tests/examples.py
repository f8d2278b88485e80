"""How many examples a property test tries.

The suite tries a quarter of each test's full count (at least 25), enough to reach every
strategy's branches on every run; ``FAMBOT_EXAMPLES=full python3 manage.py test
tests/test_properties.py tests/test_guard_reposts.py`` tries them all (about 40 s).
"""

from __future__ import annotations

import os

FULL = os.environ.get("FAMBOT_EXAMPLES") == "full"


def examples(full: int) -> int:
    return full if FULL else max(25, full // 4)
