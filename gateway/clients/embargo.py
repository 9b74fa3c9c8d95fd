"""AUP I.A.e: no service to embargoed locations. The client's country, from its address, decides.

Addresses that are not global (loopback, private, link-local, shared and reserved ranges) are never
embargoed: they say nothing of where the client is, and an internal client would otherwise depend on
the proxy chain's configuration. A global address whose country the data does not know is served,
and counted, so that an operator sees how much traffic the embargo cannot place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gateway.clients.address import Address
from gateway.clients.config import EmbargoConfig
from gateway.clients.countries import Lookup, RangeFile, packaged

CLAUSE = "AUP I.A.e"


@dataclass(frozen=True)
class Location:
    country: str | None
    embargoed: bool = False
    unknown: bool = False     # a global address the data has no country for (served)


NOT_LOOKED_UP = Location(country=None)


class Embargo:
    def __init__(self, config: EmbargoConfig, base: Path | None) -> None:
        self.countries = frozenset(config.countries)
        self._lookup: Lookup | None = None
        if self.countries:   # the data is loaded only when an embargo is configured
            if config.database:
                path = Path(config.database)
                self._lookup = RangeFile(path if path.is_absolute() or base is None else base / path)
            else:
                self._lookup = packaged()

    def locate(self, address: Address | None) -> Location:
        if self._lookup is None or address is None or not address.is_global:
            return NOT_LOOKED_UP
        country = self._lookup(address)
        if country is None:
            return Location(country=None, unknown=True)
        return Location(country=country, embargoed=country in self.countries)
