"""What the console's shared spend adds to each request: `SpendLedger.record`, the finish hook that adds a
finished request to this process's pending sums (the store is written by a task every second, off the
request path), beside the console's existing traffic hook.

    PYTHONPATH=. .venv/bin/python tests/bench/bench_spend_record.py
"""

from __future__ import annotations

import timeit

from gateway.console.traffic import TrafficCounters
from gateway.limits.counters import MemoryCounters
from gateway.limits.spend import SpendLedger
from gateway.observability.exchange import Exchange


def main() -> None:
    ledger, traffic = SpendLedger(MemoryCounters()), TrafficCounters()
    exchange = Exchange(request_id="r", route="openai.chat", tenant="acme", user="jane@acme.example",
                        key_id="acme-ci", input_tokens=120, output_tokens=40, spend_micro_usd=700, status=200)
    n = 200_000
    for name, call in (("SpendLedger.record", lambda: ledger.record(exchange)),
                       ("TrafficCounters.record (the console's traffic hook)", lambda: traffic.record(exchange))):
        best = min(timeit.repeat(call, number=n, repeat=5))
        print(f"{name}: {best / n * 1e6:.2f} µs a request")


if __name__ == "__main__":
    main()
