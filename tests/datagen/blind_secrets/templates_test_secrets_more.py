"""More test-split templates holding secrets: several values a case (inventories, values files, settings)."""

from __future__ import annotations

from . import vocab as v
from .registry import Ctx, template

T = "test"


@template(T, "table", weight=3)
def markdown_inventory(c: Ctx) -> None:
    c.a("Can you turn this into a Vault import script?\n\n").k("| service | variable | value |\n").k("|---|---|---|\n")
    rows = c.n(3, 5)
    for i in range(rows):
        if i == 1:
            c.k("| scheduler | CRON_TZ | Europe/Berlin |\n")
        fam = c.family()
        key = v.env_key(c.key(fam))
        c.a(f"| {fam.split('_')[0]} | {key} | ").sec(fam).a(" |\n")


@template(T, "config", weight=3)
def helm_values(c: Ctx) -> None:
    c.a("values-prod.yaml for our chart:\n\n").k("replicaCount: 3\n").k("image:\n").k("  repository: ghcr.io/acme/report-api\n")
    c.k("  tag: \"1.14.2\"\n").k("secrets:\n")
    for _ in range(c.n(2, 4)):
        fam = c.family()
        c.a(f"  {v.camel_key(c.key(fam))}: \"").sec(fam).a("\"\n")
    c.k("resources:\n").k("  limits:\n").k("    memory: 512Mi\n").a("\nhelm template renders the secrets empty - why?")


@template(T, "code", weight=3)
def django_settings(c: Ctx) -> None:
    c.a("settings.py (prod):\n\n").a("SECRET_KEY = '").sec("signing_secret").a("'\n").k("DEBUG = False\n")
    c.k("DATABASES = {\n").k("    'default': {\n").k("        'ENGINE': 'django.db.backends.postgresql',\n")
    c.k("        'NAME': 'orders',\n").a("        'PASSWORD': '").sec("password").a("',\n").a("    }\n}\n")
    for _ in range(c.n(1, 3)):
        fam = c.family(v.TOKENS)
        c.a(f"{v.env_key(c.key(fam))} = '").sec(fam).a("'\n")
    c.a("\nmanage.py check --deploy lists warnings, which ones matter?")


@template(T, "cli", weight=2)
def powershell_env(c: Ctx) -> None:
    c.a("PS C:\\src\\etl> ")
    for _ in range(c.n(2, 4)):
        fam = c.family()
        c.a(f"$env:{v.env_key(c.key(fam))} = \"").sec(fam).a("\"\n")
        c.a("PS C:\\src\\etl> ")
    c.k("python -m etl.run --full-refresh").a("\nModuleNotFoundError: No module named 'etl'")


@template(T, "http", weight=2)
def oauth_response_body(c: Ctx) -> None:
    c.a("The token endpoint returns this, but the next call gets 401:\n\n").k("HTTP/1.1 200 OK\n").k("Content-Type: application/json\n\n")
    c.a('{"access_token": "').sec(c.pick(["jwt", "github_oauth", "bearer", "slack_user"]))
    c.k('", "token_type": "Bearer", "expires_in": 3600, ').a('"refresh_token": "').sec(c.pick(["github_refresh", "google_oauth_refresh", "slack_refresh", "bearer"]))
    c.k('", "scope": "repo read:org"}')


@template(T, "config", weight=2)
def ansible_vars_key_block(c: Ctx) -> None:
    fam = c.pem_family()
    c.a("group_vars/web.yml - ansible complains 'could not find expected :':\n\n").k("deploy_user: deploy\n")
    c.k("deploy_ssh_key: |\n").a("  ")
    before, pem, after = c.raw_parts(fam)
    c.b.val("SECRET", "\n".join("  " + line if line else "" for line in pem.split("\n")).lstrip(" "), fam, disguise=False)
    c.a("\n").k("nginx_worker_processes: auto\n")
