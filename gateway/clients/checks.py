"""What the gateway checks about the client before anything else is read: built from `clients:`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gateway.clients.address import ClientAddress
from gateway.clients.config import ClientsConfig
from gateway.clients.embargo import Embargo
from gateway.clients.shared_keys import SharedKeyWatch


@dataclass(frozen=True)
class ClientChecks:
    address: ClientAddress
    embargo: Embargo
    shared_keys: SharedKeyWatch


def client_checks(config: ClientsConfig, base: Path | None) -> ClientChecks:
    return ClientChecks(address=ClientAddress(config.trusted_proxies), embargo=Embargo(config.embargo, base),
                        shared_keys=SharedKeyWatch(config.shared_keys))
