"""Credentials of many provider families, shaped as the providers document them (prefix, alphabet, length)."""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable

ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"


def rnd(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt(rng: random.Random) -> str:
    head = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    body = {"sub": rnd(rng, string.digits, 8), "iat": rng.randint(1_700_000_000, 1_790_000_000),
            "scope": rng.choice(["read write", "admin", "openid profile email"]), "tid": rnd(rng, HEX, 12)}
    sig = rnd(rng, B64URL, rng.choice([43, 86]))
    return ".".join([b64url(json.dumps(head).encode()), b64url(json.dumps(body).encode()), sig])


def password(rng: random.Random) -> str:
    words = ["river", "Maple", "copper", "Lantern", "orbit", "velvet", "Tundra", "cobalt", "Falcon", "ember"]
    shape = rng.random()
    if shape < 0.35:
        return f"{rng.choice(words)} {rng.choice(words)}{rng.choice('!#$%&*?')}{rng.randint(10, 99)}"
    if shape < 0.7:
        return rnd(rng, ALNUM, rng.randint(4, 7)) + rng.choice("@#$%^&*!") + rnd(rng, ALNUM + "!?#", rng.randint(4, 8))
    return f"{rng.choice(words).capitalize()}{rng.choice('.-_')}{rng.randint(1000, 9999)}{rng.choice('!$&')}"


def pem_parts(rng: random.Random) -> tuple[str, str, str]:
    """A private key block: its BEGIN line, its base64 body (the secret), its END line."""
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"])
    lines = [rnd(rng, ALNUM + "+/", 64) for _ in range(rng.randint(3, 6))]
    return f"-----BEGIN {kind}-----\n", "\n".join(lines), f"\n-----END {kind}-----"


# family, the variable name a developer would give it, the maker.
FAMILIES: list[tuple[str, str, Callable[[random.Random], str]]] = [
    ("aws_access_key_id", "AWS_ACCESS_KEY_ID",
     lambda r: r.choice(["AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "AIPA"]) + rnd(r, B32, 16)),
    ("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", lambda r: rnd(r, ALNUM + "+/", 40)),
    ("github", "GITHUB_TOKEN", lambda r: r.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + rnd(r, ALNUM, 36)),
    ("github_fine_grained", "GH_PAT", lambda r: f"github_pat_{rnd(r, ALNUM, 22)}_{rnd(r, ALNUM, 59)}"),
    ("gitlab", "GITLAB_TOKEN",
     lambda r: r.choice(["glpat-", "gldt-", "glrt-", "gloas-", "glcbt-", "glimt-", "glsoat-", "glffct-"])
     + rnd(r, B64URL, 20)),
    ("gitlab_trigger", "CI_TRIGGER_TOKEN", lambda r: "glptt-" + rnd(r, HEX, 40)),
    ("slack_token", "SLACK_BOT_TOKEN",
     lambda r: f"{r.choice(['xoxb', 'xoxp', 'xoxe.xoxp-1', 'xoxa-2'])}-{rnd(r, string.digits, 12)}-"
               f"{rnd(r, string.digits, 13)}-{rnd(r, ALNUM, 24)}"),
    ("slack_app", "SLACK_APP_TOKEN", lambda r: f"xapp-1-A{rnd(r, B32, 10)}-{rnd(r, string.digits, 13)}-{rnd(r, HEX, 64)}"),
    ("slack_webhook", "SLACK_WEBHOOK_URL",
     lambda r: f"https://hooks.slack.com/services/T{rnd(r, B32, 10)}/B{rnd(r, B32, 10)}/{rnd(r, ALNUM, 24)}"),
    ("stripe", "STRIPE_SECRET_KEY", lambda r: r.choice(["sk_live_", "rk_live_"]) + rnd(r, ALNUM, r.choice([24, 99]))),
    ("stripe_webhook", "STRIPE_WEBHOOK_SECRET", lambda r: "whsec_" + rnd(r, ALNUM, 32)),
    ("openai", "OPENAI_API_KEY",
     lambda r: r.choice([f"sk-proj-{rnd(r, B64URL, 74)}T3BlbkFJ{rnd(r, B64URL, 74)}",
                         f"sk-{rnd(r, ALNUM, 20)}T3BlbkFJ{rnd(r, ALNUM, 20)}",
                         f"sk-svcacct-{rnd(r, B64URL, 74)}T3BlbkFJ{rnd(r, B64URL, 74)}"])),
    ("anthropic", "ANTHROPIC_API_KEY",
     lambda r: f"sk-ant-{r.choice(['api03', 'admin01'])}-{rnd(r, B64URL, 93)}AA"),
    ("google_api_key", "GOOGLE_API_KEY", lambda r: "AIza" + rnd(r, B64URL, 35)),
    ("google_oauth_secret", "GOOGLE_CLIENT_SECRET", lambda r: "GOCSPX-" + rnd(r, B64URL, 28)),
    ("azure_ad_client_secret", "AZURE_CLIENT_SECRET",
     lambda r: rnd(r, ALNUM, 3) + r.choice(["7Q~", "8Q~"]) + rnd(r, ALNUM + "_~.-", 34)),
    ("azure_storage_key", "AZURE_STORAGE_KEY", lambda r: rnd(r, ALNUM + "+/", 86) + "=="),
    ("twilio", "TWILIO_API_KEY", lambda r: "SK" + rnd(r, HEX, 32)),
    ("sendgrid", "SENDGRID_API_KEY", lambda r: f"SG.{rnd(r, B64URL, 22)}.{rnd(r, B64URL, 43)}"),
    ("mailgun", "MAILGUN_API_KEY", lambda r: "key-" + rnd(r, HEX, 32)),
    ("npm", "NPM_TOKEN", lambda r: "npm_" + rnd(r, ALNUM, 36)),
    ("pypi", "PYPI_TOKEN", lambda r: "pypi-AgEIcHlwaS5vcmc" + rnd(r, B64URL, r.randint(60, 140))),
    ("shopify", "SHOPIFY_ACCESS_TOKEN", lambda r: r.choice(["shpat_", "shpss_", "shpca_", "shppa_"]) + rnd(r, HEX, 32)),
    ("digitalocean", "DIGITALOCEAN_TOKEN", lambda r: r.choice(["dop_v1_", "doo_v1_", "dor_v1_"]) + rnd(r, HEX, 64)),
    ("huggingface", "HF_TOKEN", lambda r: "hf_" + rnd(r, string.ascii_letters, 34)),
    ("databricks", "DATABRICKS_TOKEN", lambda r: "dapi" + rnd(r, HEX, 32)),
    ("square", "SQUARE_ACCESS_TOKEN", lambda r: r.choice(["EAAA" + rnd(r, B64URL, 60), "sq0atp-" + rnd(r, B64URL, 22)])),
    ("atlassian", "JIRA_API_TOKEN", lambda r: "ATATT3xFfGF0" + rnd(r, B64URL, 172) + "=" + rnd(r, HEX.upper(), 8)),
    ("linear", "LINEAR_API_KEY", lambda r: "lin_api_" + rnd(r, ALNUM, 40)),
    ("notion", "NOTION_TOKEN", lambda r: r.choice(["secret_" + rnd(r, ALNUM, 43), f"ntn_{rnd(r, string.digits, 11)}"
                                                                                  f"{rnd(r, ALNUM, 35)}"])),
    ("telegram_bot", "TELEGRAM_BOT_TOKEN", lambda r: f"{r.randint(100000000, 9999999999)}:AA{rnd(r, B64URL, 33)}"),
    ("discord_webhook", "DISCORD_WEBHOOK",
     lambda r: f"https://discord.com/api/webhooks/{rnd(r, string.digits, 19)}/{rnd(r, B64URL, 68)}"),
    ("grafana", "GRAFANA_SA_TOKEN", lambda r: f"glsa_{rnd(r, ALNUM, 32)}_{rnd(r, HEX, 8)}"),
    ("postman", "POSTMAN_API_KEY", lambda r: f"PMAK-{rnd(r, HEX, 24)}-{rnd(r, HEX, 34)}"),
    ("pulumi", "PULUMI_ACCESS_TOKEN", lambda r: "pul-" + rnd(r, HEX, 40)),
    ("vault", "VAULT_TOKEN", lambda r: "hvs." + rnd(r, B64URL, r.choice([24, 91]))),
    ("doppler", "DOPPLER_TOKEN", lambda r: "dp.st." + rnd(r, ALNUM, 43)),
    ("newrelic", "NEW_RELIC_API_KEY", lambda r: "NRAK-" + rnd(r, string.ascii_uppercase + string.digits, 27)),
    ("age", "SOPS_AGE_KEY", lambda r: "AGE-SECRET-KEY-1" + rnd(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
    ("mapbox", "MAPBOX_SECRET_TOKEN", lambda r: f"sk.eyJ1Ijoi{rnd(r, B64URL, 40)}.{rnd(r, B64URL, 22)}"),
    ("datadog", "DD_API_KEY", lambda r: rnd(r, HEX, 32)),
    ("cloudflare", "CLOUDFLARE_API_TOKEN", lambda r: rnd(r, B64URL, 40)),
    ("okta", "OKTA_API_TOKEN", lambda r: "00" + rnd(r, B64URL, 40)),
    ("jwt", "AUTH_TOKEN", jwt),
    ("password", "DB_PASSWORD", password),
]
BY_FAMILY = {family: (name, make) for family, name, make in FAMILIES}


def secret(rng: random.Random, families: list[str] | None = None) -> tuple[str, str, str]:
    """(family, variable name, value) of a random family, or of one of `families`."""
    family = rng.choice(families or [f for f, _, _ in FAMILIES if f != "password"])
    name, make = BY_FAMILY[family]
    return family, name, make(rng)
