"""Test-split templates with nothing to find: technical text full of secret-looking non-secrets."""

from __future__ import annotations

from . import shapes as s
from . import vocab as v
from .families import FAMILIES
from .registry import Ctx, template

T = "test"
SUBJECTS = ["Fix off-by-one in pagination", "Bump pandas to 2.2.3", "Add retry to export job", "Refactor chart legend",
            "Drop unused index on events", "Handle empty result sets", "Merge pull request #{n} from acme/feature/csv",
            "Pin numpy below 2", "Speed up schema sync", "Revert \"Cache dashboard tiles\""]


@template(T, "log", clean=True, weight=2)
def git_log_oneline(c: Ctx) -> None:
    c.a(c.pick(["which of these commits introduced the regression?\n\n", "$ git log --oneline -n 8\n", "git log says:\n"]))
    for _ in range(c.n(4, 8)):
        c.a(v.git_sha(c.rng)[:c.pick([7, 8, 12, 40])] + " " + c.pick(SUBJECTS).format(n=c.n(100, 4000)) + "\n")
    if c.rng.random() < 0.5:
        c.a(f"\n$ git bisect start {v.git_sha(c.rng)} {v.git_sha(c.rng)[:10]}")


@template(T, "config", clean=True, weight=2)
def package_lock_snippet(c: Ctx) -> None:
    c.a("npm ci fails with EINTEGRITY on this entry:\n\n")
    for pkg in c.rng.sample(["lodash", "chart.js", "d3-scale", "date-fns", "axios", "zod", "react-dom"], c.n(1, 3)):
        ver = v.version(c.rng)
        c.a(f'    "node_modules/{pkg}": {{\n      "version": "{ver}",\n'
            f'      "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-{ver}.tgz",\n'
            f'      "integrity": "{v.integrity(c.rng)}"\n    }},\n')


@template(T, "log", clean=True, weight=2)
def docker_pull_digest(c: Ctx) -> None:
    image = c.pick(["python:3.12-slim", "postgres:16.4", "node:20-bookworm", "ghcr.io/acme/report-api:1.14.2"])
    c.a(f"$ docker pull {image}\n")
    for _ in range(c.n(2, 5)):
        c.a(f"{v.sha256(c.rng)[:12]}: Pull complete\n")
    c.a(f"Digest: sha256:{v.sha256(c.rng)}\nStatus: Downloaded newer image for {image}\n\n")
    c.a(f"Why does `{image.split(':')[0]}@sha256:{v.sha256(c.rng)}` in prod differ from this?")


PLACEHOLDERS = ["<YOUR_API_KEY>", "${{DB_PASSWORD}}", "changeme", "xxxxxxxxxxxxxxxx", "********", "your-api-key-here",
                "REPLACE_ME", "<token>", "", "TODO-set-in-vault", "${{SECRET_KEY:?must be set}}", "sk-...", "xoxb-your-bot-token",
                "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "<paste here>", "dummy", "null"]


@template(T, "env", clean=True, weight=3)
def env_example(c: Ctx) -> None:
    c.a(c.pick(["# .env.example - copy to .env and fill in\n", "Template we ship in the repo:\n\n", ".env.sample:\n"]))
    names = c.rng.sample(sorted({k for f in FAMILIES.values() for k in f.keys if k.isupper()}), c.n(3, 6))
    for key in names:
        c.a(f"{key}={c.pick(PLACEHOLDERS).format()}\n")
    for key, val in c.rng.sample(v.HARMLESS_ENV, 2):
        c.a(f"{key}={val}\n")


@template(T, "config", clean=True, weight=3)
def actions_with_secret_refs(c: Ctx) -> None:
    keys = c.rng.sample(["NPM_TOKEN", "PYPI_API_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "SLACK_WEBHOOK_URL",
                         "DOCKERHUB_TOKEN", "SENTRY_AUTH_TOKEN", "CODECOV_TOKEN"], c.n(2, 4))
    c.a("name: publish\non:\n  release:\n    types: [published]\njobs:\n  build:\n    runs-on: ubuntu-22.04\n    steps:\n")
    c.a(f"      - uses: actions/checkout@{v.git_sha(c.rng)}  # v4.1.7\n      - name: Publish\n        env:\n")
    for k in keys:
        c.a(f"          {k}: ${{{{ secrets.{k} }}}}\n")
    c.a("        run: ./scripts/publish.sh\n\nThe publish step says the token is empty. Are secrets passed to forks?")


@template(T, "code", clean=True, weight=3)
def code_reads_env(c: Ctx) -> None:
    k1, k2 = c.rng.sample(["OPENAI_API_KEY", "STRIPE_SECRET_KEY", "DATABASE_URL", "GITHUB_TOKEN", "SLACK_BOT_TOKEN",
                           "DD_API_KEY", "TWILIO_AUTH_TOKEN"], 2)
    if c.rng.random() < 0.5:
        c.a("```python\nimport os\nimport boto3\n\n"
            f"api_key = os.environ[\"{k1}\"]\n"
            f"fallback = os.getenv(\"{k2}\", \"\")\n"
            "sm = boto3.client(\"secretsmanager\", region_name=\"eu-west-1\")\n"
            f"db = sm.get_secret_value(SecretId=\"prod/analytics/{c.pick(['postgres', 'warehouse', 'replica'])}\")[\"SecretString\"]\n```\n"
            "Is it fine to call get_secret_value on every request?")
    else:
        c.a("```ts\n"
            f"const apiKey = process.env.{k1} ?? '';\n"
            f"if (!process.env.{k2}) throw new Error('{k2} is not set');\n"
            "const client = new SecretManagerServiceClient();\n"
            f"const [version] = await client.accessSecretVersion({{ name: 'projects/acme-prod/secrets/{k1.lower()}/versions/latest' }});\n```\n"
            "How do I cache the secret across invocations?")


@template(T, "log", clean=True, weight=3)
def request_trace_log(c: Ctx) -> None:
    for _ in range(c.n(4, 8)):
        c.a(f"2026-11-{c.n(1, 28):02d} 14:{c.n(0, 59):02d}:{c.n(0, 59):02d},{c.n(100, 999)} INFO "
            f"request_id={s.uuid4(c.rng)} trace_id={v.trace_id(c.rng)} span_id={v.span_id(c.rng)} "
            f"route={c.pick(['/api/query', '/api/export', '/healthz'])} status={c.pick([200, 200, 204, 499, 502])} "
            f"dur_ms={c.n(3, 4000)}\n")
    c.a("\nThe 502s cluster around the same trace - how do I find the span in Tempo?")


@template(T, "code", clean=True, weight=2)
def css_with_data_uri(c: Ctx) -> None:
    c.a(".badge {\n"
        f"  color: {v.hex_colour(c.rng)};\n  background: {v.hex_colour(c.rng)} url(\"{v.data_uri(c.rng)}\") no-repeat;\n"
        f"  border: 1px solid {v.hex_colour(c.rng)};\n}}\n.badge--warn {{ color: {v.hex_colour(c.rng)}; }}\n\n"
        "The icon is not showing in Safari. Why?")


@template(T, "prose", clean=True, weight=2)
def public_material(c: Ctx) -> None:
    which = c.pick(["cert", "pub", "ssh"])
    if which == "cert":
        c.a("Is it OK to commit our server's public certificate to the repo?\n\n" + s.certificate(c.rng))
    elif which == "pub":
        c.a("This is the public key the partner sent for verifying webhooks:\n\n" + s.public_key(c.rng)
            + "\n\nHow do I load it with cryptography?")
    else:
        c.a("Add this deploy key to the repo settings (read-only):\n\n" + s.ssh_public(c.rng, "ci@build-runner-03"))


@template(T, "prose", clean=True, weight=2)
def aws_doc_examples(c: Ctx) -> None:
    # The AWS documentation's own example credentials: published as non-functional, must survive.
    c.a("The AWS CLI docs show\n\n```\n$ aws configure\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\n"
        "AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nDefault region name [None]: "
        f"{c.pick(['us-west-2', 'eu-west-1'])}\n```\n\n"
        + c.pick(["where do these end up on disk?", "does `aws configure` overwrite an existing profile?",
                  "how do I do the same for a named profile?"]))


@template(T, "code", clean=True, weight=2)
def minified_bundle(c: Ctx) -> None:
    ids = [s.r(c.rng, "abcdefghijklmnopqrstuvwxyz", 1) + s.r(c.rng, s.ALNUM, c.n(1, 3)) for _ in range(6)]
    c.a(f"!function(e,t){{\"use strict\";var {ids[0]}=function({ids[1]},{ids[2]}){{return {ids[1]}.{ids[3]}({ids[2]})}},"
        f"{ids[4]}=\"{s.r(c.rng, s.B64U, 20)}\";e.{ids[5]}=\"{v.md5(c.rng)[:8]}\";t.exports={{{ids[0]}:{ids[0]}}}}}(window,module);\n"
        f"//# sourceMappingURL=main.{v.md5(c.rng)[:20]}.js.map\n\nThis bundle throws 'e is undefined' in IE mode.")


@template(T, "cli", clean=True, weight=2)
def crontab_checksums(c: Ctx) -> None:
    c.a(f"{c.n(0, 59)} {c.n(0, 23)} * * {c.pick(['*', '1-5', '0'])} /opt/etl/bin/run.sh --bucket s3://acme-raw/events/"
        f"dt=2026-11-{c.n(1, 28):02d}/ >> /var/log/etl.log 2>&1\n")
    c.a("$ sha256sum exports/*.parquet\n")
    for i in range(c.n(2, 4)):
        c.a(f"{v.sha256(c.rng)}  exports/part-{i:05d}.parquet\n")
    c.a(f"$ md5sum report.csv\n{v.md5(c.rng)}  report.csv\n\nThe checksum differs from the one in gs://acme-archive/2026/report.csv.md5")


@template(T, "config", clean=True, weight=2)
def k8s_secret_refs(c: Ctx) -> None:
    c.a("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: report-api\nspec:\n  template:\n    spec:\n"
        "      containers:\n        - name: api\n"
        f"          image: ghcr.io/acme/report-api@sha256:{v.sha256(c.rng)}\n          env:\n")
    for name in c.rng.sample(["DATABASE_URL", "STRIPE_SECRET_KEY", "SENTRY_DSN", "REDIS_PASSWORD", "JWT_SECRET"], c.n(2, 3)):
        c.a(f"            - name: {name}\n              valueFrom:\n                secretKeyRef:\n"
            f"                  name: report-api-secrets\n                  key: {name.lower()}\n")
    c.a("\nThe pod is stuck in CreateContainerConfigError.")


@template(T, "code", clean=True, weight=2)
def terraform_var_refs(c: Ctx) -> None:
    c.a('data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "prod/orders/postgres"\n}\n\n'
        'resource "aws_db_instance" "orders" {\n  engine         = "postgres"\n  engine_version = "16.3"\n'
        '  username       = "orders_admin"\n  password       = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]\n'
        f'  kms_key_id     = "arn:aws:kms:eu-west-1:{c.n(10**11, 10**12 - 1)}:key/{s.uuid4(c.rng)}"\n}}\n\n'
        'variable "api_token" {\n  type      = string\n  sensitive = true\n}\n\n'
        + c.pick(["Does `sensitive = true` keep it out of the state file?", "terraform plan shows (sensitive value), fine?"]))


@template(T, "log", clean=True, weight=2)
def redacted_log(c: Ctx) -> None:
    c.a("Our logger already masks things, see:\n\n")
    for _ in range(c.n(3, 5)):
        c.a(c.pick([f"connecting to postgresql://svc_etl:****@pg-prod:5432/analytics (attempt {c.n(1, 5)})",
                    "Authorization: Bearer [REDACTED]", f"api_key=sk_live_…{v.md5(c.rng)[:4]} accepted",
                    "password=<hidden> user=reporting", f"token ending in {v.md5(c.rng)[:4]} expired at 2026-11-{c.n(1, 28):02d}T10:00:00Z",
                    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/***"]) + "\n")
    c.a("\nIs that enough for SOC 2?")


@template(T, "sql", clean=True, weight=2)
def sql_with_hashes(c: Ctx) -> None:
    c.a("SELECT order_id, file_sha256, created_at\nFROM analytics.exports\n"
        f"WHERE file_sha256 IN ('{v.sha256(c.rng)}', '{v.sha256(c.rng)}')\n"
        f"  AND batch_id = '{s.uuid4(c.rng)}'\n  AND md5(payload::text) <> '{v.md5(c.rng)}'\nORDER BY created_at DESC\nLIMIT 50;\n\n"
        "Why is this slow? There's a btree on file_sha256.")


@template(T, "prose", clean=True, weight=2)
def secret_handling_question(c: Ctx) -> None:
    key = c.pick(["GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "STRIPE_WEBHOOK_SECRET", "ANTHROPIC_API_KEY", "DATABASE_URL"])
    c.a(c.pick([f"Should {key} live in repository secrets or environment secrets in GitHub Actions?",
                f"What's the least bad way to give a Jupyter kernel access to {key} without writing it into the notebook?",
                f"We rotate {key} every 90 days via Vault's database engine (lease TTL 768h). Is that overkill?"]))


@template(T, "config", clean=True, weight=2)
def pip_hashes(c: Ctx) -> None:
    c.a("pip install --require-hashes -r requirements.txt fails on:\n\n")
    for pkg in c.rng.sample(["requests", "urllib3", "certifi", "idna", "charset-normalizer", "pyarrow"], c.n(2, 3)):
        c.a(f"{pkg}=={v.version(c.rng)} \\\n    --hash=sha256:{v.sha256(c.rng)} \\\n    --hash=sha256:{v.sha256(c.rng)}\n")
    c.a("\nTHESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.")


@template(T, "http", clean=True, weight=2)
def api_list_response(c: Ctx) -> None:
    import json as _json
    cursor = s.b64(_json.dumps({"offset": c.n(50, 5000), "sort": "created_at"}).encode())
    items = [{"id": s.uuid4(c.rng), "order_id": f"ORD-{c.n(100000, 999999)}", "etag": f"W/\"{v.md5(c.rng)}\"",
              "status": c.pick(["paid", "refunded", "open"])} for _ in range(c.n(2, 3))]
    body = _json.dumps({"data": items, "next_cursor": cursor, "has_more": True}, indent=2)
    c.a(f"Paging through /v1/orders gives the same page twice. Response:\n\n{body}\n\nDo I pass next_cursor as-is?")


@template(T, "code", clean=True, weight=2)
def docs_snippet_placeholders(c: Ctx) -> None:
    c.a(c.pick(["The README tells us to do this:\n\n", "From the vendor quickstart:\n\n"]))
    c.a("```python\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=\"<OPENAI_API_KEY>\")\n"
        "stripe.api_key = \"sk_live_...\"  # your secret key\n"
        "slack = WebClient(token=os.environ[\"SLACK_BOT_TOKEN\"])\n"
        "headers = {\"Authorization\": f\"Bearer {token}\"}\n```\n\nWhich of these should come from a secret manager?")


@template(T, "prose", clean=True, weight=2)
def arns_and_paths(c: Ctx) -> None:
    acct = c.n(10**11, 10**12 - 1)
    c.a(f"The Glue job reads s3://acme-lake/raw/orders/year=2026/month={c.n(1, 12):02d}/ and writes "
        f"gs://acme-warehouse-staging/exports/{s.uuid4(c.rng)}.parquet. Its role is "
        f"arn:aws:iam::{acct}:role/glue-etl-{c.pick(['prod', 'dev'])} and the secret it needs is "
        f"arn:aws:secretsmanager:eu-west-1:{acct}:secret:prod/etl/warehouse-{s.r(c.rng, s.ALNUM, 6)}. "
        "Why does it get AccessDenied on GetSecretValue?")
