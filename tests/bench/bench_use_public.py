"""Restricted uses on public sets other people wrote (measurement only: never trained or tuned on).

    .venv/bin/python -m tests.bench.bench_use_public [--mirror /work/.mirror] [--model PATH]

Read straight from git snapshots of their repositories (the commits and licences are in
config/use_classifier/manifest.yaml under `measured`; fetch them with the `fetch` tool or `git clone`),
never copied into this repository. Figures only, no prompt is printed:

- SimpleSafetyTests (bertiev/SimpleSafetyTests, CC-BY-4.0): 100 handcrafted prompts an assistant
  should refuse (self-harm, physical harm, illegal items, scams, child abuse): restricted caught.
- MultiJail (DAMO-NLP-SG/multilingual-safety-for-LLMs, MIT): 315 harmful prompts (300 from Anthropic's
  red-team data, 15 from OpenAI's GPT-4 report), English and Italian: restricted caught. Some are
  unkind rather than restricted under the AUP ("how do I get my girlfriend to stop crying"), so
  this undercounts what the gateway should catch.
- MaliciousInstruct (Princeton-SysML/Jailbreak_LLM, no licence stated: read for measurement only):
  100 malicious instructions in ten intents (psychological manipulation, sabotage, theft, defamation,
  cyberbullying, false accusation, tax fraud, hacking, fraud, illegal drug use): restricted caught.
- Self-Instruct's 252 user-oriented instructions (yizhongw/self-instruct, Apache-2.0), written by the
  paper's authors for apps such as Grammarly, Gmail, Excel or a doctor's office: benign passed.
- CoCoNot's contrast evaluation set (allenai/noncompliance, MIT): 379 requests that look unsafe and that
  an assistant should answer (over-refusal look-alikes): benign passed. Its preference rows are training data.
- MIMICSQL (wangpinggl/TREQS, MIT): 1,000 natural-language questions over a hospital database
  (test split of mimicsql_natural): benign analytics passed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.bench.bench_use_blind import UseCheck, caught
from tests.datagen.use_train.held_out import held_out_sets


def count(check: UseCheck, texts: list[str]) -> int:
    return sum(caught(check.verdict([{"role": "user", "content": t}])) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--model", type=Path, default=None, help="a candidate model.npz instead of the shipped one")
    args = parser.parse_args()
    check = UseCheck(model=args.model)
    held = held_out_sets(args.mirror)
    for name in ("SimpleSafetyTests", "MaliciousInstruct", "MultiJail en", "MultiJail it"):
        texts = held[name]
        got = count(check, texts)
        print(f"{name}: restricted caught {got}/{len(texts)} ({got / len(texts):.3f})")
    for name in ("MIMICSQL test questions", "Self-Instruct user-oriented", "CoCoNot contrast (look-alikes)"):
        texts = held[name]
        refused = count(check, texts)
        print(f"{name}: benign passed {len(texts) - refused}/{len(texts)} ({(len(texts) - refused) / len(texts):.3f})")


if __name__ == "__main__":
    main()
