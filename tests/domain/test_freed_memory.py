"""Memory a visit freed goes back to the system: a heap with a few live blocks among the freed
ones keeps every page until the kiosk hands the free ones back, as it does after each visit."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.freed_memory import give_back_freed_memory

MIB = 1024 * 1024


def resident() -> int:
    """This process's resident memory, in bytes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def test_freed_pages_among_live_blocks_go_back_to_the_system() -> None:
    give_back_freed_memory()
    before = resident()
    blocks = [bytearray(4000) for _ in range(25_000)]  # ~100 MiB of the C library's heap
    kept = blocks[::50]  # a live block every 200 kB: the heap cannot shrink by itself
    del blocks
    held = resident() - before
    assert held > 60 * MIB, "freed memory stays with the process until given back"
    assert give_back_freed_memory()
    assert resident() - before < held - 50 * MIB, "most of it went back"
    assert len(kept) == 500
