"""The client's address through trusted proxies, and its country from the packaged data or an operator's file."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from gateway.clients.address import ClientAddress
from gateway.clients.config import ClientsConfig, EmbargoConfig
from gateway.clients.embargo import Embargo
from gateway.config import ConfigError
from gateway.server.checks import check_files

PROXIES = ClientAddress(["10.0.0.0/8", "2001:db8:1::/48"])


@pytest.mark.parametrize(("peer", "header", "client"), [
    ("10.1.1.1", ["203.0.113.9"], "203.0.113.9"),                       # one trusted proxy
    ("10.1.1.1", ["198.51.100.7, 203.0.113.9, 10.2.2.2"], "203.0.113.9"),  # the right-most untrusted hop
    ("10.1.1.1", ["198.51.100.7", "203.0.113.9"], "203.0.113.9"),        # several headers read as one list
    ("203.0.113.50", ["198.51.100.7"], "203.0.113.50"),                  # an untrusted peer: header ignored
    ("10.1.1.1", ["not-an-address, 203.0.113.9"], "203.0.113.9"),         # garbage left of the client: not read
    ("10.1.1.1", ["203.0.113.9, garbage"], "10.1.1.1"),                  # garbage at the right: the peer
    ("10.1.1.1", ["10.3.3.3, 10.2.2.2"], "10.3.3.3"),                    # every hop trusted: the left-most
    ("2001:db8:1::5", ["[2001:db8:2::9]:4711"], "2001:db8:2::9"),        # IPv6, with a port
    ("::ffff:10.1.1.1", ["203.0.113.9:8080"], "203.0.113.9"),            # a v4-mapped peer
    ("10.1.1.1", [], "10.1.1.1"),
])
def test_the_client_is_the_right_most_hop_no_trusted_proxy_wrote(peer: str, header: list[str], client: str) -> None:
    assert PROXIES.of(peer, header) == ipaddress.ip_address(client)


def test_without_trusted_proxies_the_header_is_never_read() -> None:
    assert ClientAddress([]).of("127.0.0.1", ["175.45.176.1"]) == ipaddress.ip_address("127.0.0.1")


def test_an_operators_range_file_places_addresses(tmp_path: Path) -> None:
    ranges = tmp_path / "ranges.csv"
    ranges.write_text("start,end,country\n1.0.0.0,1.0.0.255,au\n5.5.0.0,5.5.255.255,KP\n2a00::,2a00::ffff,CU\n")
    embargo = Embargo(EmbargoConfig(countries=["KP", "CU"], database=ranges.name), tmp_path)
    assert embargo.locate(ipaddress.ip_address("5.5.1.2")).embargoed
    assert embargo.locate(ipaddress.ip_address("2a00::12")).country == "CU"
    assert not embargo.locate(ipaddress.ip_address("1.0.0.7")).embargoed
    assert embargo.locate(ipaddress.ip_address("9.9.9.9")).unknown
    assert embargo.locate(ipaddress.ip_address("192.168.5.5")).country is None   # private: never looked up


def test_the_packaged_data_places_addresses_and_loopback_is_never_embargoed() -> None:
    embargo = Embargo(EmbargoConfig(countries=["kp"]), None)
    assert embargo.countries == {"KP"}
    assert embargo.locate(ipaddress.ip_address("175.45.176.1")).embargoed
    assert not embargo.locate(ipaddress.ip_address("8.8.8.8")).embargoed
    assert not embargo.locate(ipaddress.ip_address("127.0.0.1")).embargoed


def test_bad_settings_are_refused_with_the_field_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not an address or a CIDR"):
        ClientsConfig(trusted_proxies=["10.0.0.0/33"])
    with pytest.raises(ValueError, match="alpha-2"):
        EmbargoConfig(countries=["North Korea"])
    (tmp_path / "bad.csv").write_text("1.0.0.9,1.0.0.1,AU\n")
    path = tmp_path / "gateway.yaml"
    path.write_text("providers: [{name: m, kind: mock}]\nmodels: [{match: '*', provider: m}]\n"
                    f"keys: [{{sha256: '{'0' * 64}', tenant: t, user: u@t.example}}]\n"
                    "clients: {embargo: {countries: [KP], database: bad.csv}}\n")
    with pytest.raises(ConfigError, match="clients.embargo.database"):
        check_files(str(path))
