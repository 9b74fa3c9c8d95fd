"""An address's country, offline: the `iptocc` package's data (the Regional Internet Registries'
allocations, in the wheel) or a CSV of ranges the operator provides. Loaded only when an embargo is
configured: nothing is imported or read otherwise."""

from __future__ import annotations

import bisect
import csv
import ipaddress
from collections.abc import Callable
from pathlib import Path

from gateway.clients.address import Address

Lookup = Callable[[Address], str | None]


def packaged() -> Lookup:
    from iptocc import country_code

    def lookup(address: Address) -> str | None:
        found = country_code(str(address))
        return found.upper() if isinstance(found, str) and found else None
    return lookup


class RangeFile:
    """`first,last,country` lines (addresses, v4 or v6; a header line or blank country is skipped)."""

    def __init__(self, path: Path) -> None:
        ranges: dict[int, list[tuple[int, int, str]]] = {4: [], 6: []}
        with path.open(newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.reader(handle), 1):
                if len(row) < 3 or not row[2].strip():
                    continue
                try:
                    first, last = ipaddress.ip_address(row[0].strip()), ipaddress.ip_address(row[1].strip())
                except ValueError:
                    if number == 1:
                        continue   # a header
                    raise ValueError(f"{path}: line {number}: not an address range") from None
                if first.version != last.version or int(last) < int(first):
                    raise ValueError(f"{path}: line {number}: not an address range")
                ranges[first.version].append((int(first), int(last), row[2].strip().upper()))
        self._starts: dict[int, list[int]] = {}
        self._ranges = ranges
        for version, items in ranges.items():
            items.sort()
            self._starts[version] = [first for first, _, _ in items]

    def __call__(self, address: Address) -> str | None:
        items, value = self._ranges[address.version], int(address)
        index = bisect.bisect_right(self._starts[address.version], value) - 1
        if index >= 0 and items[index][1] >= value:
            return items[index][2]
        return None
