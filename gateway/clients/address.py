"""The client's address: the TCP peer, or, behind trusted proxies, the address they forwarded.

`X-Forwarded-For` is a list each proxy appends its own peer to, so only its right end can be trusted:
walking from the right, every hop that is a trusted proxy is skipped, and the first that is not is
the client. Anything further left was written by the client itself and is never read. From a peer
that is not a trusted proxy the header is ignored whole: anyone can send one.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable, Sequence

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=4096)   # a pure function of the text, asked on every request for the same few peers
def parse_address(text: str | None) -> Address | None:
    if not text:
        return None
    text = text.strip()
    if text.startswith("[") and "]" in text:          # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:                         # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class ClientAddress:
    def __init__(self, trusted_proxies: Iterable[str]) -> None:
        self._trusted: tuple[Network, ...] = tuple(ipaddress.ip_network(n, strict=False) for n in trusted_proxies)

    def _is_trusted(self, address: Address) -> bool:
        return any(address.version == network.version and address in network for network in self._trusted)

    def of(self, peer: str | None, forwarded_for: Sequence[str]) -> Address | None:
        """The client's address, from the peer and the request's X-Forwarded-For headers (in order)."""
        address = parse_address(peer)
        if address is None or not self._trusted or not self._is_trusted(address):
            return address
        hops = [hop for header in forwarded_for for hop in header.split(",")]
        for hop in reversed(hops):
            forwarded = parse_address(hop)
            if forwarded is None:
                return address   # a hop that is not an address: nothing left of it can be believed
            address = forwarded
            if not self._is_trusted(address):
                return address
        return address   # every hop a trusted proxy: the left-most one
