"""The other process in the propagation benchmark (``bench/scale.py``).

    python -m bench.watcher URL COUNT

Opens the community store on PostgreSQL as a bot process would, prints ``ready``, then
for each of COUNT writes made elsewhere (members 900, 901, ...) prints the monotonic
time at which this process first serves it from memory.
"""

from __future__ import annotations

import asyncio
import sys
import time

from bot.store.postgres.community import PostgresCommunity


async def watch(url: str, count: int) -> None:
    store = await PostgresCommunity.open(url, wait_seconds=10)
    try:
        print("ready", flush=True)
        for n in range(count):
            while store.progress(900 + n) is None:  # noqa: ASYNC110 - reads as replies do
                await asyncio.sleep(0.0002)
            print(time.monotonic(), flush=True)
    finally:
        await store.close()


if __name__ == "__main__":
    asyncio.run(watch(sys.argv[1], int(sys.argv[2])))
