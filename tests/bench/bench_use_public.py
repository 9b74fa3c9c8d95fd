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
import csv
import io
import json
import subprocess
from pathlib import Path

from tests.bench.bench_use_blind import UseCheck, caught


def show(mirror: Path, repo: str, path: str) -> str:
    git = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(git), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8-sig")


def count(check: UseCheck, texts: list[str]) -> int:
    return sum(caught(check.verdict([{"role": "user", "content": t}])) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--model", type=Path, default=None, help="a candidate model.npz instead of the shipped one")
    args = parser.parse_args()
    check = UseCheck(model=args.model)
    sst = [r["prompts_final"] for r in csv.DictReader(io.StringIO(
        show(args.mirror, "bertiev/SimpleSafetyTests", "SimpleSafetyTests - test cases.csv")))]
    jail = list(csv.DictReader(io.StringIO(
        show(args.mirror, "DAMO-NLP-SG/multilingual-safety-for-LLMs", "data/MultiJail.csv"))))
    mimic = [json.loads(line)["question_refine"] for line in show(
        args.mirror, "wangpinggl/TREQS", "mimicsql_data/mimicsql_natural/test.json").splitlines() if line.strip()]
    malicious = [line.strip() for line in show(args.mirror, "Princeton-SysML/Jailbreak_LLM",
                                               "data/MaliciousInstruct.txt").splitlines() if line.strip()]
    user = []
    for line in show(args.mirror, "yizhongw/self-instruct", "human_eval/user_oriented_instructions.jsonl").splitlines():
        task = json.loads(line)
        user.append(task["instruction"] + (f"\n\n{task['instances'][0]['input']}" if task["instances"][0]["input"] else ""))
    for name, texts in (("SimpleSafetyTests", sst), ("MaliciousInstruct", malicious), ("MultiJail en", [r["en"] for r in jail]),
                        ("MultiJail it", [r["it"] for r in jail])):
        got = count(check, texts)
        print(f"{name}: restricted caught {got}/{len(texts)} ({got / len(texts):.3f})")
    contrast = [json.loads(line)["prompt"] for line in show(
        args.mirror, "allenai/noncompliance", "data/coconot_contrast_eval.jsonl").splitlines() if line.strip()]
    for name, texts in (("MIMICSQL test questions", mimic), ("Self-Instruct user-oriented", user),
                        ("CoCoNot contrast (look-alikes)", contrast)):
        refused = count(check, texts)
        print(f"{name}: benign passed {len(texts) - refused}/{len(texts)} ({(len(texts) - refused) / len(texts):.3f})")


if __name__ == "__main__":
    main()
