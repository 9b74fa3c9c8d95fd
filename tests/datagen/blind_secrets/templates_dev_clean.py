"""Dev-split templates with nothing to find (the tuning split). No layout here is used by the test split."""

from __future__ import annotations

import json

from . import shapes as s
from . import vocab as v
from .registry import Ctx, template

D = "dev"


@template(D, "log", clean=True, weight=2)
def git_show_header(c: Ctx) -> None:
    c.a(f"commit {v.git_sha(c.rng)}\nMerge: {v.git_sha(c.rng)[:7]} {v.git_sha(c.rng)[:7]}\n"
        f"Date:   Mon Nov {c.n(2, 30)} 10:{c.n(10, 59)}:00 2026 +0100\n\n    Merge branch 'release/{v.version(c.rng)}'\n\n"
        f" src/export.py | {c.n(2, 80)} +++---\n\nCan I cherry-pick only the second parent?")


@template(D, "config", clean=True, weight=2)
def yarn_lock_entry(c: Ctx) -> None:
    pkg = c.pick(["@babel/core", "esbuild", "vite", "rollup", "typescript", "eslint"])
    ver = v.version(c.rng)
    c.a(f"\"{pkg}@^{ver}\":\n  version \"{ver}\"\n  resolved \"https://registry.yarnpkg.com/{pkg}/-/{pkg.split('/')[-1]}-{ver}.tgz#{v.git_sha(c.rng)}\"\n"
        f"  integrity {v.integrity(c.rng)}\n\nyarn install --frozen-lockfile complains the lockfile needs updating")


@template(D, "code", clean=True, weight=2)
def dockerfile_pinned(c: Ctx) -> None:
    c.a(f"FROM python:3.12-slim@sha256:{v.sha256(c.rng)} AS base\nARG PIP_INDEX_URL\nARG GITHUB_TOKEN\n"
        "ENV PYTHONDONTWRITEBYTECODE=1\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
        "COPY . /app\n\nDoes ARG GITHUB_TOKEN end up in the image history?")


@template(D, "config", clean=True, weight=3)
def compose_variable_substitution(c: Ctx) -> None:
    c.a("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}\n"
        "      POSTGRES_USER: ${POSTGRES_USER:-analytics}\n  api:\n    env_file: .env\n    secrets:\n      - stripe_key\n"
        "secrets:\n  stripe_key:\n    file: ./secrets/stripe_key.txt\n\nIs the secrets: block available in non-swarm compose?")


@template(D, "config", clean=True, weight=2)
def external_secret_manifest(c: Ctx) -> None:
    c.a("apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: warehouse\nspec:\n"
        f"  refreshInterval: {c.pick(['1h', '15m'])}\n  secretStoreRef:\n    name: vault-backend\n    kind: ClusterSecretStore\n"
        "  data:\n    - secretKey: password\n      remoteRef:\n        key: secret/data/warehouse\n        property: password\n\n"
        "The synced Secret stays empty.")


@template(D, "config", clean=True, weight=2)
def helm_existing_secret(c: Ctx) -> None:
    c.a("postgresql:\n  auth:\n    existingSecret: warehouse-db\n    secretKeys:\n      adminPasswordKey: postgres-password\n"
        "      userPasswordKey: password\nredis:\n  auth:\n    enabled: true\n    existingSecret: redis-auth\n"
        "    existingSecretPasswordKey: redis-password\n\nDoes the chart still generate a random password?")


@template(D, "code", clean=True, weight=3)
def secret_store_reads(c: Ctx) -> None:
    c.a(c.pick(["import keyring\n\npw = keyring.get_password(\"warehouse\", \"svc_etl\")\n",
                "import hvac\n\nclient = hvac.Client(url=\"https://vault.acme.internal:8200\")\n"
                "secret = client.secrets.kv.v2.read_secret_version(path=\"analytics/snowflake\")\n",
                "from azure.keyvault.secrets import SecretClient\n\nvalue = SecretClient(vault_url, credential).get_secret(\"sendgrid-api-key\").value\n"])
        + c.pick(["\nHow do I mock this in unit tests?", "\nThis hangs in the container; works on my laptop."]))


@template(D, "log", clean=True, weight=3)
def json_ids_log(c: Ctx) -> None:
    for _ in range(c.n(3, 6)):
        c.a(json.dumps({"ts": f"2026-10-{c.n(1, 30):02d}T08:{c.n(0, 59):02d}:00Z", "level": "info", "order_id": f"ord_{s.r(c.rng, s.ALNUM, 14)}",
                        "traceparent": f"00-{v.trace_id(c.rng)}-{v.span_id(c.rng)}-01", "msg": c.pick(["charged", "shipped", "retry scheduled"])}) + "\n")
    c.a("How do I join these with the Stripe events by order_id?")


@template(D, "code", clean=True, weight=2)
def html_sri_and_svg(c: Ctx) -> None:
    c.a(f"<script src=\"https://cdn.jsdelivr.net/npm/chart.js@{v.version(c.rng)}\" integrity=\"sha384-{s.b64(s.rbytes(c.rng, 48))}\" crossorigin=\"anonymous\"></script>\n"
        f"<div style=\"color:{v.hex_colour(c.rng)};background-image:url('{v.data_uri(c.rng)}')\"></div>\n"
        "The browser blocks the script: 'Failed to find a valid digest in the integrity attribute'.")


@template(D, "cli", clean=True, weight=2)
def ssh_fingerprints(c: Ctx) -> None:
    c.a(f"$ ssh-keygen -lf ~/.ssh/id_ed25519.pub\n256 SHA256:{s.b64(s.rbytes(c.rng, 32)).rstrip('=')} build@runner (ED25519)\n"
        f"$ cat ~/.ssh/known_hosts | head -1\ngithub.com {s.ssh_public(c.rng, '').strip()}\n\nthe fingerprint doesn't match what GitHub shows")


@template(D, "code", clean=True, weight=2)
def boto3_doc_examples(c: Ctx) -> None:
    # Values the AWS documentation publishes as examples (non-functional): must survive.
    c.a("In the boto3 docs they write\n\n    session = boto3.Session(\n        aws_access_key_id='AKIAIOSFODNN7EXAMPLE',\n"
        "        aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',\n    )\n\n"
        "but our linter wants no literals at all. What's the idiomatic alternative?")


@template(D, "cli", clean=True, weight=2)
def pip_freeze_versions(c: Ctx) -> None:
    pkgs = c.rng.sample(["pandas", "numpy", "sqlalchemy", "pyarrow", "duckdb", "polars", "httpx", "pydantic", "boto3"], 5)
    c.a("$ pip freeze\n" + "".join(f"{p}=={v.version(c.rng)}\n" for p in pkgs)
        + f"$ python -VV\nPython 3.12.{c.n(0, 7)} (main, Oct  2 2026, 10:00:00) [GCC 12.2.0]\n\nWhich of these pins conflict?")


@template(D, "cli", clean=True, weight=2)
def terraform_output_sensitive(c: Ctx) -> None:
    c.a(f"$ terraform output\ndb_endpoint = \"orders.c{s.r(c.rng, s.LOWER_ALNUM, 10)}.eu-west-1.rds.amazonaws.com\"\n"
        "db_password = <sensitive>\nbucket_arn = \"arn:aws:s3:::acme-exports\"\n"
        f"kms_key = \"{s.uuid4(c.rng)}\"\n\nHow do I print db_password in a CI step without it being masked?")


@template(D, "prose", clean=True, weight=3)
def masked_in_ui(c: Ctx) -> None:
    c.a(c.pick([f"The dashboard lists the key as sk-proj-****{v.md5(c.rng)[:4]}, created 2026-10-{c.n(1, 30):02d}.",
                "GitHub only shows ghp_************************************ now, can I recover the full token?",
                "Our secret scanner flagged `password: \"{{ vault_db_password }}\"` in roles/db/defaults/main.yml.",
                "Datadog shows the API key as ••••••••••••a91c. Where do I find the full one?"])
        + c.pick(["", " Is that expected?", " Thanks in advance."]))


@template(D, "sql", clean=True, weight=2)
def sql_insert_ids(c: Ctx) -> None:
    rows = ",\n".join(f"  ('{s.uuid4(c.rng)}', 'INV-{c.n(2026000, 2026999)}', {c.n(1, 900)}.{c.n(0, 99):02d}, '{v.md5(c.rng)}')"
                      for _ in range(c.n(2, 4)))
    c.a("INSERT INTO billing.invoices (id, number, amount, content_md5) VALUES\n" + rows + ";\n\nERROR: duplicate key value violates unique constraint")


@template(D, "http", clean=True, weight=2)
def webhook_delivery_headers(c: Ctx) -> None:
    c.a(f"POST /hooks/github HTTP/1.1\nX-GitHub-Event: push\nX-GitHub-Delivery: {s.uuid4(c.rng)}\n"
        f"X-Hub-Signature-256: sha256={v.sha256(c.rng)}\nX-GitHub-Hook-ID: {c.n(10**8, 10**9)}\nContent-Type: application/json\n\n"
        "Our verification fails only for this event type.")


@template(D, "code", clean=True, weight=2)
def graphql_relay_cursor(c: Ctx) -> None:
    cursor = s.b64(f"arrayconnection:{c.n(10, 9999)}".encode())
    c.a("query {\n  repository(owner: \"acme\", name: \"warehouse\") {\n"
        f"    issues(first: 50, after: \"{cursor}\") {{\n      nodes {{ id number title }}\n"
        "      pageInfo { endCursor hasNextPage }\n    }\n  }\n}\n\nThe second page repeats the first.")


@template(D, "config", clean=True, weight=3)
def templated_config_placeholders(c: Ctx) -> None:
    c.a("database:\n  password: ${DB_PASSWORD}\n  user: \"{{ db_user }}\"\nslack:\n  token: \"{{ vault_slack_token }}\"\n"
        "stripe:\n  api_key: !env STRIPE_SECRET_KEY\nsentry:\n  dsn: \"\"\nsmtp:\n  password: \"<set me>\"\n\n"
        + c.pick(["Which of these does Ansible render?", "Our config loader doesn't understand !env."]))


@template(D, "code", clean=True, weight=2)
def css_module_hashes(c: Ctx) -> None:
    c.a("".join(f".{c.pick(['card', 'header', 'legend', 'tooltip'])}_{s.r(c.rng, s.B64U, 5)}__{s.r(c.rng, s.ALNUM, 5)}"
                f"{{color:{v.hex_colour(c.rng)};margin:{c.n(0, 24)}px}}" for _ in range(c.n(3, 5)))
        + f"\n/*# sourceMappingURL=app.{v.md5(c.rng)[:8]}.css.map */\n\nThe class names change on every build.")


@template(D, "prose", clean=True, weight=2)
def rotation_policy_question(c: Ctx) -> None:
    c.a(c.pick(["How often should we rotate the Snowflake service user's key pair, and can the old key stay valid for a day?",
                "Is a GitHub App installation token better than a fine-grained PAT for a nightly export job?",
                "What's the difference between Stripe restricted keys and secret keys for a read-only dashboard?",
                "Does AWS IAM Identity Center remove the need for long-lived access keys on laptops?"]))
