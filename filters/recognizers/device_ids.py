"""Identifiers of a person's devices and wallets: MAC addresses and cryptocurrency addresses.

A MAC address names one network card, so one laptop or phone and its owner; a wallet address names
whoever holds its key. Bitcoin's addresses carry their own check (Base58Check, bech32: python-stdnum);
an Ethereum address has none unless written in mixed case, so the recognizer wants a context word.
"""

from __future__ import annotations

import re

from stdnum import bitcoin

from filters.recognizers.base import Site, Validator, Verdict

HEX_PAIRS = re.compile(r"[0-9A-Fa-f]{2}")


def mac_address(value: str, site: Site) -> Verdict:
    """Six bytes, not the all-zero or broadcast address, not one byte repeated (a placeholder)."""
    pairs = HEX_PAIRS.findall(value.replace(".", ""))
    if len(pairs) != 6:
        return False
    if len({p.lower() for p in pairs}) == 1:
        return False
    # twelve decimal digits in dashed pairs are as often a date-time or a code as a MAC
    return any(c.isalpha() for c in value) or ":" in value


def bitcoin_address(value: str, site: Site) -> Verdict:
    """A Base58Check (1…, 3…) or bech32 (bc1…) address whose checksum holds."""
    try:
        return bool(bitcoin.is_valid(value))
    except Exception:  # python-stdnum refusing a malformed value is a "no"
        return False


def ethereum_address(value: str, site: Site) -> Verdict:
    """0x and 40 hex digits, not a run of one digit (0x000…0, a burn or placeholder address)."""
    body = value[2:]
    return len(body) == 40 and len(set(body.lower())) > 4


VALIDATORS: dict[str, Validator] = {"mac_address": mac_address, "bitcoin_address": bitcoin_address,
                                    "ethereum_address": ethereum_address}
