"""The server's own steps for the 20th turn of a conversation against its new message sent alone, in one
process: what each step costs per request, the earlier turns' analyses all cached.

    .venv/bin/python tests/bench/bench_turn_steps.py [--turns 20] [--repeat 300] [--baseline DIR]

Builds the conversation as `tests.bench.load.turns` does (each user turn ~900 characters with an email
address, the mock's short answer after it), screens its first turns once (their analyses then cached, as
in a conversation), then times, CPU time (`time.process_time`) per request as the median of `--repeat`
runs, the steps the server takes on a chat completion: the body parsed (`parse_body`), read by the adapter
(`OpenAIChat.parse` with `cover`), screened (`Screener.screen`: cache lookups, the decision, rendering), the
audit's notes (`Exchange.note_verdict`), the forwarded body written (`write` and `jsoncodec.dumps`). The
new message is new at every run (a new address), so its analysis is not cached: that analysis, which both
sides pay alike, runs in this process here (`workers: 0`), and is printed on its own line. With
`--baseline DIR` the same steps run in two child processes, one importing this tree and one the source
tree DIR, taking turns of 20 requests each, so that the machine's load falls on both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(os.environ.get("TURN_STEPS_ROOT") or Path(__file__).resolve().parents[2])
sys.path.insert(0, str(ROOT))

from filters.policy.model import load_policy  # noqa: E402
from filters.policy.verdict import RequestContext  # noqa: E402
from gateway.adapters.coverage import cover  # noqa: E402
from gateway.adapters.openai_chat import OpenAIChat  # noqa: E402
from gateway.analysis.pool import AnalysisItem, AnalysisService  # noqa: E402
from gateway.analysis.screener import Screener, analyzer_spec, provider_traits  # noqa: E402
from gateway.config import parse_config  # noqa: E402
from gateway.jsoncodec import dumps  # noqa: E402
from gateway.observability.exchange import Exchange  # noqa: E402
from gateway.server.body import parse_body  # noqa: E402
from tests.bench.load.clients import conversation_turn  # noqa: E402
from tests.serving import base_config  # noqa: E402


def history(turns: int, salt: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for turn in range(1, turns):
        out.append(conversation_turn(turn, salt))
        out.append({"role": "assistant", "content": f"Region {turn} revenue is in the weekly table."})
    return out


class Steps:
    """The gateway's objects for one tree, and the step times of the requests run so far."""

    async def start(self, turns: int) -> None:
        config = parse_config(base_config("http://127.0.0.1:9"))
        policy = load_policy(config.policy_path())
        self.service = AnalysisService(analyzer_spec(config, policy), workers=0, cache_entries=100_000, timeout_s=60)
        self.screener = Screener(config, self.service, policy)
        await self.service.start()
        self.tenant = config.keys[0].tenant
        provider = next(p for p in config.providers if p.name == config.models[0].deployment_list()[0].provider)
        self.context = RequestContext(tenant=self.tenant, feature="assistant", provider=provider_traits(provider),
                                      mode=config.tenant(self.tenant).mode, stores_state=True)
        self.adapter = OpenAIChat()
        self.turns = turns
        self.earlier = history(turns, "s")
        self.roles = set(self.screener.policy_for(self.tenant).use_rules.roles)
        self.times: dict[str, dict[str, list[float]]] = {"turn": {}, "alone": {}}
        self.sent = 0
        await self.one("turn", self.earlier)   # the earlier turns analysed once, as the conversation did
        self.times = {"turn": {}, "alone": {}}

    async def one(self, kind: str, messages: list[dict[str, Any]]) -> None:
        raw = dumps({"model": "gpt-4o", "messages": messages})
        times, adapter, service, tenant = self.times[kind], self.adapter, self.service, self.tenant

        def timed(name: str, work: Callable[[], Any]) -> Any:
            began = time.process_time()
            out = work()
            times.setdefault(name, []).append((time.process_time() - began) * 1000)
            return out

        body = timed("parse_body", lambda: parse_body(raw))
        envelope = timed("adapter parse + cover", lambda: cover(adapter.parse(body, None), lambda blob: False))
        items = [AnalysisItem(s.text, s.stated_class, s.role, s.role in self.roles) for s in envelope.segments]
        began = time.process_time()
        await service.analyse(tenant, [item for item in items if service.cached(tenant, item) is None])
        times.setdefault("(the new message's analysis)", []).append((time.process_time() - began) * 1000)
        began = time.process_time()
        screened = await self.screener.screen(tenant, envelope.segments, [], self.context)
        times.setdefault("Screener.screen", []).append((time.process_time() - began) * 1000)
        exchange = Exchange(request_id="r", route=adapter.api)
        timed("note_verdict", lambda: exchange.note_verdict(
            screened.verdict, envelope.segments, screened.cached,
            lambda entity, value: self.screener.audit_digest(tenant, entity, value)))
        timed("write + dumps", lambda: dumps({**adapter.write(envelope, screened.texts), "model": "gpt-4o"}))

    async def requests(self, count: int) -> None:
        for _ in range(count):
            self.sent += 1
            await self.one("turn", [*self.earlier, conversation_turn(self.turns, f"n{self.sent}")])
            await self.one("alone", [conversation_turn(self.turns, f"a{self.sent}")])


def report(name: str, times: dict[str, dict[str, list[float]]]) -> float:
    """Prints the medians; returns what the earlier turns add to the steps (turn minus alone)."""
    print(f"{name}: CPU ms per request, median of {len(times['alone']['parse_body'])} "
          f"(the turn, its new message alone, the difference):")
    total = {"turn": 0.0, "alone": 0.0}
    for step in times["alone"]:
        turn, alone = statistics.median(times["turn"][step]), statistics.median(times["alone"][step])
        if not step.startswith("("):
            total["turn"] += turn
            total["alone"] += alone
        print(f"  {step:32} {turn:7.3f}  {alone:7.3f}  {turn - alone:+.3f}")
    added = total["turn"] - total["alone"]
    print(f"  {'the steps but the analysis':32} {total['turn']:7.3f}  {total['alone']:7.3f}  {added:+.3f}")
    return added


async def run(turns: int, repeat: int) -> None:
    steps = Steps()
    await steps.start(turns)
    await steps.requests(repeat)
    steps.service.close()
    report("this tree", steps.times)


async def child(turns: int) -> None:
    """Serves the parent: a line with a count runs that many requests; an empty line returns the times."""
    steps = Steps()
    await steps.start(turns)
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip():
            await steps.requests(int(line))
            print("done", flush=True)
        else:
            print(json.dumps(steps.times), flush=True)
            break
    steps.service.close()


def ab(turns: int, repeat: int, baseline: Path) -> None:
    trees = {"this tree": Path(__file__).resolve().parents[2], "baseline": baseline.resolve()}
    children = {name: subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", "--turns", str(turns)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root,
                                       env={**os.environ, "TURN_STEPS_ROOT": str(root)})
                for name, root in trees.items()}
    for process in children.values():
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    for done in range(0, repeat, 20):
        for process in children.values():
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(f"{min(20, repeat - done)}\n")
            process.stdin.flush()
            process.stdout.readline()
    added = {}
    for name, process in children.items():
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("\n")
        process.stdin.flush()
        added[name] = report(name, json.loads(process.stdout.readline()))
        process.wait(30)
    print(f"what the earlier turns add: {added['this tree']:.3f} ms against {added['baseline']:.3f} ms "
          f"({added['this tree'] / added['baseline']:.2f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--baseline", type=Path, help="a source tree to run the same steps from, A/B")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(child(args.turns))
    elif args.baseline:
        ab(args.turns, args.repeat, args.baseline)
    else:
        asyncio.run(run(args.turns, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
