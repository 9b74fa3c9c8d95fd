"""Secrets of many provider families, each in the shape its provider documents (prefix, alphabet, length)."""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
URLSAFE = ALNUM + "-_"


def r(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(rng: random.Random, subject: str = "") -> str:
    header = b64url(json.dumps({"alg": rng.choice(("HS256", "RS256", "ES256")), "typ": "JWT"}).encode())
    claims = {"sub": subject or r(rng, HEX, 24), "iat": rng.randint(1_700_000_000, 1_800_000_000),
              "scope": rng.choice(("read", "admin", "report:write"))}
    payload = b64url(json.dumps(claims).encode())
    return f"{header}.{payload}.{r(rng, URLSAFE, 43)}"


def _uuid(rng: random.Random) -> str:
    h = r(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _slack(rng: random.Random) -> str:
    kind = rng.choice(("xoxb", "xoxp", "xapp", "xoxe"))
    if kind == "xoxb":
        return f"xoxb-{r(rng, string.digits, 12)}-{r(rng, string.digits, 13)}-{r(rng, ALNUM, 24)}"
    if kind == "xoxp":
        return f"xoxp-{r(rng, string.digits, 12)}-{r(rng, string.digits, 12)}-{r(rng, string.digits, 13)}-{r(rng, HEX, 32)}"
    if kind == "xapp":
        return f"xapp-1-A{r(rng, string.ascii_uppercase + string.digits, 10)}-{r(rng, string.digits, 13)}-{r(rng, HEX, 64)}"
    return f"xoxe.xoxp-1-{r(rng, ALNUM, 140)}"


def _gitlab(rng: random.Random) -> str:
    kind = rng.choice(("glpat-", "gldt-", "glrt-", "glptt-", "gloas-", "glsoat-", "glft-", "glcbt-"))
    if kind == "glptt-":
        return kind + r(rng, HEX, 40)
    if kind == "gloas-":
        return kind + r(rng, HEX, 64)
    return kind + r(rng, URLSAFE, 20)


def _aws_id(rng: random.Random) -> str:
    return rng.choice(("AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "AIPA", "ABIA", "ACCA")) + r(rng, B32, 16)


def _private_key(rng: random.Random) -> str:
    kind, head = rng.choice((("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA"), ("PRIVATE KEY", "MIIEvgIBADANBgkqhkiG9w0BAQEFAASC"),
                             ("EC PRIVATE KEY", "MHcCAQEEI"), ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA")))
    body = head + base64.b64encode(bytes(rng.randrange(256) for _ in range(rng.choice((90, 180, 600))))).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def _atlassian(rng: random.Random) -> str:
    return "ATATT3xFfGF0" + r(rng, URLSAFE, 171) + "=" + r(rng, HEX.upper(), 8)


def _azure_ad(rng: random.Random) -> str:
    return r(rng, ALNUM, 3) + rng.choice(string.digits) + "Q~" + r(rng, ALNUM + "~._-", 34)


def _stripe(rng: random.Random) -> str:
    prefix = rng.choice(("sk_live_", "rk_live_", "whsec_", "sk_live_51"))
    return prefix + r(rng, ALNUM, rng.choice((24, 32, 99)))


FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "aws_access_key_id": _aws_id,
    "aws_secret_access_key": lambda g: r(g, ALNUM + "+/", 40),
    "github": lambda g: g.choice(("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) + r(g, ALNUM, 36),
    "github_fine_grained": lambda g: "github_pat_11" + r(g, string.ascii_uppercase + string.digits, 20) + "_" + r(g, ALNUM, 59),
    "gitlab": _gitlab,
    "slack": _slack,
    "stripe": _stripe,
    "google_api_key": lambda g: "AIza" + r(g, URLSAFE, 35),
    "google_oauth_secret": lambda g: "GOCSPX-" + r(g, URLSAFE, 28),
    "openai": lambda g: g.choice(("sk-proj-", "sk-svcacct-", "sk-admin-")) + r(g, URLSAFE, 74) + "T3BlbkFJ" + r(g, URLSAFE, 74),
    "anthropic": lambda g: "sk-ant-" + g.choice(("api03-", "admin01-")) + r(g, URLSAFE, 93) + "AA",
    "azure_ad_client_secret": _azure_ad,
    "azure_storage_key": lambda g: base64.b64encode(bytes(g.randrange(256) for _ in range(64))).decode(),
    "twilio": lambda g: "SK" + r(g, HEX, 32),
    "sendgrid": lambda g: "SG." + r(g, URLSAFE, 22) + "." + r(g, URLSAFE, 43),
    "mailgun": lambda g: "key-" + r(g, HEX, 32),
    "mailchimp": lambda g: r(g, HEX, 32) + "-us" + str(g.randint(1, 21)),
    "npm": lambda g: "npm_" + r(g, ALNUM, 36),
    "pypi": lambda g: "pypi-AgEIcHlwaS5vcmc" + r(g, URLSAFE, 70),
    "huggingface": lambda g: "hf_" + r(g, string.ascii_letters, 34),
    "shopify": lambda g: g.choice(("shpat_", "shpss_", "shpca_", "shppa_")) + r(g, HEX, 32),
    "digitalocean": lambda g: g.choice(("dop_v1_", "doo_v1_", "dor_v1_")) + r(g, HEX, 64),
    "telegram_bot": lambda g: str(g.randint(10**8, 10**10)) + ":AA" + r(g, URLSAFE, 33),
    "databricks": lambda g: "dapi" + r(g, HEX, 32),
    "square": lambda g: g.choice(("sq0atp-" + r(g, URLSAFE, 22), "sq0csp-" + r(g, URLSAFE, 43), "EAAA" + r(g, URLSAFE, 60))),
    "atlassian": _atlassian,
    "linear": lambda g: "lin_api_" + r(g, ALNUM, 40),
    "doppler": lambda g: "dp.st." + g.choice(("dev.", "prd.", "")) + r(g, ALNUM, 40),
    "postman": lambda g: "PMAK-" + r(g, HEX, 24) + "-" + r(g, HEX, 34),
    "grafana": lambda g: "glsa_" + r(g, ALNUM, 32) + "_" + r(g, HEX, 8),
    "sentry": lambda g: "sntryu_" + r(g, HEX, 64),
    "vault": lambda g: "hvs." + r(g, URLSAFE, 90),
    "figma": lambda g: "figd_" + r(g, URLSAFE, 40),
    "notion": lambda g: g.choice(("ntn_" + r(g, string.digits, 11) + r(g, ALNUM, 35), "secret_" + r(g, ALNUM, 43))),
    "groq": lambda g: "gsk_" + r(g, ALNUM, 52),
    "replicate": lambda g: "r8_" + r(g, ALNUM, 37),
    "xai": lambda g: "xai-" + r(g, ALNUM, 80),
    "perplexity": lambda g: "pplx-" + r(g, ALNUM, 48),
    "age": lambda g: "AGE-SECRET-KEY-1" + r(g, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".upper(), 58),
    "planetscale": lambda g: "pscale_pw_" + r(g, URLSAFE, 43),
    "supabase": lambda g: "sbp_" + r(g, HEX, 40),
    "pulumi": lambda g: "pul-" + r(g, HEX, 40),
    "terraform_cloud": lambda g: r(g, ALNUM, 14) + ".atlasv1." + r(g, ALNUM, 67),
    "newrelic": lambda g: "NRAK-" + r(g, string.ascii_uppercase + string.digits, 27),
    "dynatrace": lambda g: "dt0c01." + r(g, string.ascii_uppercase + string.digits, 24) + "." + r(g, string.ascii_uppercase + string.digits, 64),
    "jfrog": lambda g: "AKCp" + r(g, ALNUM, 69),
    "sonarqube": lambda g: "squ_" + r(g, HEX, 40),
    "airtable": lambda g: "pat" + r(g, ALNUM, 14) + "." + r(g, HEX, 64),
    "hubspot": lambda g: "pat-" + g.choice(("na1", "eu1")) + "-" + _uuid(g),
    "discord_bot": lambda g: b64url(str(g.randint(10**17, 10**18)).encode()) + "." + r(g, URLSAFE, 6) + "." + r(g, URLSAFE, 38),
    "datadog": lambda g: r(g, HEX, 32),
    "cloudflare": lambda g: r(g, URLSAFE, 40),
    "heroku": lambda g: "HRKU-AA" + r(g, URLSAFE, 58),
    "fly": lambda g: "FlyV1 fm2_" + r(g, URLSAFE + "+/=", 120),
    "circleci": lambda g: "CCIPAT_" + r(g, ALNUM, 22) + "_" + r(g, HEX, 40),
    "jwt": jwt,
    "private_key": _private_key,
}
# Families whose value has no telling prefix: a generator may only place them after a key-like name.
NEEDS_NAME = {"aws_secret_access_key", "azure_storage_key", "datadog", "cloudflare", "mailchimp"}


def webhook(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(("slack", "discord", "teams", "zapier"))
    if kind == "slack":
        return (f"https://hooks.slack.com/services/T{r(rng, B32[:26] + '0123456789', 8)}/B{r(rng, B32[:26] + '0123456789', 10)}/"
                f"{r(rng, ALNUM, 24)}", "slack_webhook")
    if kind == "discord":
        return (f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**19)}/{r(rng, URLSAFE, 68)}", "discord_webhook")
    if kind == "teams":
        tenant = rng.choice(("contoso", "fabrikam", "northwind"))
        return (f"https://{tenant}.webhook.office.com/webhookb2/{_uuid(rng)}@{_uuid(rng)}/IncomingWebhook/"
                f"{r(rng, HEX, 32)}/{_uuid(rng)}", "teams_webhook")
    return f"https://hooks.zapier.com/hooks/catch/{rng.randint(10**6, 10**8)}/{r(rng, string.ascii_lowercase + string.digits, 6)}/", "zapier_webhook"


def password(rng: random.Random) -> str:
    """A password a person chose: words, digits and symbols, sometimes with spaces."""
    words = ("correct", "Horse", "battery", "Staple", "winter", "Tiger", "purple", "Monkey", "orange", "Falcon",
             "silver", "Dragon", "Kaffee", "Sauna", "kevät", "otoño")
    style = rng.random()
    if style < 0.3:
        return rng.choice(words) + rng.choice("!@#$%&*?") + str(rng.randint(10, 9999)) + rng.choice(words).lower()
    if style < 0.5:
        return " ".join(rng.sample(words, 3)) + str(rng.randint(1, 99)) + rng.choice("!?.")
    if style < 0.8:
        return r(rng, ALNUM + "!#$%^&*()-_=+[]{};:,.<>?~", rng.randint(12, 24))
    return rng.choice(words) + rng.choice(("_", "-", ".")) + rng.choice(words) + rng.choice("#%&") + str(rng.randint(100, 999))
