"""Converts the public data sets the use classifier trains on into the blind sets' row shape.

    PYTHONPATH=. python -m tests.datagen.use_train.public --mirror DIR --out DIR

DIR (mirror) holds git snapshots of the repositories config/use_classifier/manifest.yaml lists under
`public` (owner+name/repo, as the search tool's fetch lays them out). The converted files are not
committed (they are other people's data): the trainer reads them from --public-dir and checks each
source's sha256 against the manifest. None of them is, or derives from, a set outside checks use.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import random
import re
import subprocess
from pathlib import Path

import yaml

from tests.datagen.use_train.held_out import NearCopies

MANIFEST = Path(__file__).resolve().parents[3] / "config" / "use_classifier" / "manifest.yaml"
HARMFUL = ("H", "H2", "HR", "V", "V2", "SH", "S3")   # moderation labels that are AUP II.n content
_TURN = re.compile(r"\n\n(Human|Assistant): ")


def _blob(mirror: Path, repo: str, commit: str, path: str) -> bytes:
    git_dir = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def _row(source: str, number: int, text: str, clause: str | None, expect: str) -> dict[str, object]:
    return {"id": f"{source}-{number:05d}", "messages": [{"role": "user", "content": text}], "text": text,
            "placement": "user", "clause": clause, "also": [], "category": source, "style": "public",
            "expect": expect, "source": source}


def hh_red_team(data: bytes) -> list[dict[str, object]]:
    """Anthropic hh-rlhf harmless-base: the first human turn of each red-team conversation."""
    rows = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        parts = _TURN.split("\n\n" + json.loads(line)["chosen"].strip())
        if len(parts) >= 3 and parts[1] == "Human" and len(parts[2].split()) >= 4:
            rows.append(_row("hh_red_team", len(rows) + 1, parts[2].strip(), "any", "block"))
    return rows


def moderation(data: bytes) -> list[dict[str, object]]:
    """OpenAI moderation-api-release samples: harmful ones as II.n content, unflagged ones as benign."""
    rows = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        sample = json.loads(line)
        text = sample["prompt"].strip()
        if not 20 <= len(text) <= 1500:
            continue
        if any(sample.get(label) == 1 for label in HARMFUL):
            rows.append(_row("moderation", len(rows) + 1, text, "AUP II.n", "block"))
        elif all(sample.get(label, 0) == 0 for label in (*HARMFUL, "S")) and "S" in sample:
            rows.append(_row("moderation", len(rows) + 1, text, None, "allow"))
    return rows


def ailuminate(data: bytes, source: dict) -> list[dict[str, object]]:
    """MLCommons AILuminate's demo prompts (human-written, hazard-labelled): each hazard's clause from the
    manifest's `clauses` table, so a refusal cites a clause; a hazard the table leaves out is skipped."""
    table = source["clauses"]
    rows = []
    for sample in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        clause = table.get(sample["hazard"])
        text = sample["prompt_text"].strip()
        if clause and text:
            rows.append(_row(source["name"], len(rows) + 1, text, clause, "block"))
    return rows


def seed_tasks(data: bytes, source: dict) -> list[dict[str, object]]:
    """Stanford Alpaca's 175 hand-written seed tasks: everyday instructions, as benign (with their input)."""
    rows = []
    for line in data.decode("utf-8").splitlines():
        task = json.loads(line)
        for instance in task["instances"][:1]:
            text = task["instruction"].strip() + ("\n\n" + instance["input"].strip() if instance["input"].strip() else "")
            rows.append(_row(source["name"], len(rows) + 1, text, None, "allow"))
    return rows


def coconot_contrast(data: bytes, source: dict) -> list[dict[str, object]]:
    """CoCoNot's contrast preference prompts: requests that look unsafe and are not (the set's own labels:
    an assistant should comply), as benign."""
    return [_row(source["name"], i + 1, json.loads(line)["prompt"].strip(), None, "allow")
            for i, line in enumerate(data.decode("utf-8").splitlines()) if line.strip()]


def ehrsql(data: bytes, keep: int = 450) -> list[dict[str, object]]:
    """EHRSQL questions over hospital databases: benign analytics (answerable ones only)."""
    questions = sorted({q["question"] for q in json.loads(data) if not q.get("is_impossible")})
    random.Random(7).shuffle(questions)
    return [_row("ehrsql", i + 1, q, None, "allow") for i, q in enumerate(questions[:keep])]


def _nested(data: bytes, skip: set[str]) -> list[str]:
    """The questions of a {category: {subcategory: [question, ...]}} file, less the skipped (sub)categories."""
    return [q.strip() for category, subs in json.loads(data).items() if category not in skip
            for sub, questions in subs.items() if sub.rstrip(":") not in skip for q in questions if q.strip()]


def harmful_questions(data: bytes, source: dict) -> list[dict[str, object]]:
    """declare-lab's harmful question sets (CatQA's 11 categories of 5 subcategories; HarmfulQA's topics;
    DangerousQA's plain list), as restricted under the manifest's `clause` (`any`: the pooled head only);
    a category or subcategory in `skip` (not restricted by the AUP, e.g. lobbying) is left out."""
    loaded = json.loads(data)
    questions = [q.strip() for q in loaded if q.strip()] if isinstance(loaded, list) \
        else _nested(data, set(source.get("skip", [])))
    return [_row(source["name"], i + 1, q, source.get("clause", "any"), "block") for i, q in enumerate(questions)]


def sap(data: bytes, source: dict) -> list[dict[str, object]]:
    """SAP (Deng et al., 2023) attack prompts: role-play frames around a harmful task, as restricted."""
    return [_row(source["name"], i + 1, case["Attack Prompt"].strip(), source.get("clause", "any"), "block")
            for i, case in enumerate(json.loads(data)) if case["Attack Prompt"].strip()]


def arena_hard(data: bytes, source: dict) -> list[dict[str, object]]:
    """Arena-Hard-Auto's prompts (chosen from Chatbot Arena users' questions: code, maths, writing), as
    benign; one in `keep_every` when set, prompts longer than `max_chars` left out."""
    limit = int(source.get("max_chars", 4000))
    prompts = [json.loads(line)["prompt"].strip() for line in data.decode("utf-8").split("\n") if line.strip()]
    return [_row(source["name"], i + 1, p, None, "allow") for i, p in enumerate(p for p in prompts if p and len(p) <= limit)]


def mitre_frr(data: bytes, source: dict) -> list[dict[str, object]]:
    """CyberSecEval's false-refusal prompts (Meta PurpleLlama): security engineering requests that sound
    like attacks (network monitors, blockers, scanners) and are not (its `is_malicious` false), as benign."""
    return [_row(source["name"], i + 1, case["mutated_prompt"].strip(), None, "allow")
            for i, case in enumerate(c for c in json.loads(data) if not c["is_malicious"])]


CONVERTERS = {"hh_red_team": lambda data, _: hh_red_team(data), "moderation": lambda data, _: moderation(data),
              "ehrsql": lambda data, _: ehrsql(data), "ailuminate": ailuminate, "seed_tasks": seed_tasks,
              "coconot_contrast": coconot_contrast, "harmful_questions": harmful_questions, "sap": sap,
              "arena_hard": arena_hard, "mitre_frr": mitre_frr}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", action="append", default=[], help="convert only this source (repeatable)")
    args = parser.parse_args()
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    parser_only = set(args.only)
    held_out = NearCopies(args.mirror)
    for source in manifest["public"]:
        if (parser_only and source["name"] not in parser_only) or float(source.get("weight", 1.0)) == 0:
            continue   # a source measured and left out of the shipped model (weight 0) is not converted
        rows: list[dict[str, object]] = []
        for path in source["paths"]:
            data = _blob(args.mirror, source["repo"], source["commit"], path["path"])
            digest = hashlib.sha256(data).hexdigest()
            if digest != path["sha256"]:
                raise SystemExit(f"{source['repo']}:{path['path']}: sha256 {digest}, manifest {path['sha256']}")
            rows += CONVERTERS[source.get("converter", source["name"])](data, source)
        kept = [r for r in rows if not held_out.near(str(r["text"]))]
        dropped, rows = len(rows) - len(kept), kept
        out = args.out / f"{source['name']}.jsonl"
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")   # ASCII: a U+2028 in a text would split its line
        print(f"wrote {out}: {len(rows)} rows ({dropped} near copies of held-out prompts left out)")


if __name__ == "__main__":
    main()
