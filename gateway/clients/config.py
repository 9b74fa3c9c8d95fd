"""The `clients:` section of the gateway config: trusted proxies, the embargo, the shared-key watch."""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EmbargoConfig(_Strict):
    """AUP I.A.e: requests from these countries are refused (403). Empty (default): nothing is looked up."""

    countries: list[str] = Field(default_factory=list)   # ISO 3166-1 alpha-2 codes, e.g. [CU, IR, KP, SY]
    # The operator's own IP-to-country ranges: a CSV of `first address,last address,country code` lines
    # (DB-IP's "IP to Country Lite" CSV has this shape). None: the offline data of the `iptocc` package.
    database: str | None = None

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        bad = [code for code in value if not re.fullmatch(r"[A-Za-z]{2}", code)]
        if bad:
            raise ValueError(f"not ISO 3166-1 alpha-2 country codes: {bad}")
        return sorted({code.upper() for code in value})


class SharedKeysConfig(_Strict):
    """AUP I.B.a: one key used from more distinct client addresses (or user agents) in a window than allowed."""

    max_addresses: int | None = Field(default=20, ge=1)     # None: addresses not counted
    max_user_agents: int | None = Field(default=None, ge=1)  # None: user agents not counted
    window_s: float = Field(default=3600.0, gt=0)
    action: Literal["flag", "refuse"] = "flag"   # flag: served, named in metrics and the audit record; refuse: 403


class ClientsConfig(_Strict):
    # Proxies (load balancers, ingress) whose X-Forwarded-For is believed: CIDRs or addresses. The client
    # is the right-most address of the header that is not one of them; from any other peer the header
    # is ignored and the peer is the client.
    trusted_proxies: list[str] = Field(default_factory=list)
    embargo: EmbargoConfig = Field(default_factory=EmbargoConfig)
    shared_keys: SharedKeysConfig = Field(default_factory=SharedKeysConfig)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an address or a CIDR") from None
        return value
