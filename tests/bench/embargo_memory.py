"""Resident memory the embargo adds to a server process (README "Deploying"):
`PYTHONPATH=. .venv/bin/python tests/bench/embargo_memory.py`."""

import ipaddress

import gateway.server.app  # noqa: F401  (the server process's imports, measured before the embargo's data)
from gateway.clients.config import EmbargoConfig
from gateway.clients.embargo import Embargo


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


before = rss_mb()
embargo = Embargo(EmbargoConfig(countries=["KP"]), None)   # imports iptocc: its data is in the wheel
for address in ("8.8.8.8", "2001:4860::1"):
    embargo.locate(ipaddress.ip_address(address))
after = rss_mb()
print(f"server process RSS {before:.1f} MB -> {after:.1f} MB with the embargo's data loaded (+{after - before:.1f} MB)")
