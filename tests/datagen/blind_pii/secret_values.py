"""Makers of credentials in the shapes their issuers hand out, one function per secret family.

`make(rng, family)` returns (value, the names a developer would give the variable holding it).
"""

from __future__ import annotations

import base64
import json
import random
import string

ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"


def _s(rng: random.Random, pool: str, n: int) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def aws_key_id(rng):
    return rng.choice(["AKIA", "AKIA", "ASIA", "ABIA", "ACCA"]) + _s(rng, B32, 16)


def aws_secret(rng):
    return _s(rng, B64, 40)


def github(rng):
    kind = rng.choice(["ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"])
    if kind == "github_pat_":
        return "github_pat_11" + _s(rng, string.ascii_uppercase + string.digits, 20) + "_" + _s(rng, ALNUM, 59)
    return kind + _s(rng, ALNUM, 36)


def gitlab(rng):
    kind = rng.choice(["glpat-", "glpat-", "gldt-", "glrt-", "glptt-", "glsoat-", "glcbt-", "glimt-", "glagent-",
                       "gloas-", "glffct-", "glft-", "GR1348941"])
    if kind == "glptt-":
        return kind + _s(rng, HEX, 40)
    if kind == "glcbt-":
        return kind + rng.choice("0123456789abcdef") + "_" + _s(rng, URLSAFE, 20)
    if kind == "glagent-":
        return kind + _s(rng, URLSAFE, 50)
    if kind == "gloas-":
        return kind + _s(rng, HEX, 64)
    if kind == "glimt-":
        return kind + _s(rng, ALNUM, 25)
    return kind + _s(rng, URLSAFE, 20)


def slack_token(rng):
    kind = rng.choice(["xoxb", "xoxb", "xoxp", "xapp", "xoxe.xoxp", "xoxa-2", "xoxs"])
    a, b = _s(rng, string.digits, rng.randint(10, 13)), _s(rng, string.digits, rng.randint(10, 13))
    if kind == "xapp":
        return f"xapp-1-A{_s(rng, string.ascii_uppercase + string.digits, 10)}-{_s(rng, string.digits, 13)}-{_s(rng, HEX, 64)}"
    if kind == "xoxe.xoxp":
        return f"xoxe.xoxp-1-{_s(rng, ALNUM, 160)}"
    if kind == "xoxp":
        return f"xoxp-{a}-{b}-{_s(rng, string.digits, 13)}-{_s(rng, HEX, 32)}"
    return f"{kind}-{a}-{b}-{_s(rng, ALNUM, 24)}"


def slack_webhook(rng):
    return (f"https://hooks.slack.com/services/T{_s(rng, string.ascii_uppercase + string.digits, rng.choice([8, 10]))}"
            f"/B{_s(rng, string.ascii_uppercase + string.digits, rng.choice([8, 10]))}/{_s(rng, ALNUM, 24)}")


def stripe(rng):
    return rng.choice(["sk_live_", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]) + _s(rng, ALNUM, rng.choice([24, 32, 99]))


def openai(rng):
    kind = rng.choice(["sk-proj-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"])
    if kind == "sk-":
        return "sk-" + _s(rng, ALNUM, 20) + "T3BlbkFJ" + _s(rng, ALNUM, 20)
    return kind + _s(rng, URLSAFE, 74) + "T3BlbkFJ" + _s(rng, URLSAFE, 74)


def anthropic(rng):
    kind = rng.choice(["api03", "api03", "api03", "admin01"])
    return f"sk-ant-{kind}-" + _s(rng, URLSAFE, 93) + "AA"


def google_api(rng):
    return "AIza" + _s(rng, URLSAFE, 35)


def _pem_body(rng, n_lines: int) -> list[str]:
    lines = [_s(rng, B64, 64) for _ in range(n_lines)]
    return ["MII" + lines[0][3:]] + lines[1:] + [_s(rng, B64, rng.randint(20, 60)) + "="]


def gcp_private_key(rng):
    """The `private_key` field as it appears inside a service-account JSON file (escaped newlines)."""
    body = _pem_body(rng, 6)
    return "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(body) + "\\n-----END PRIVATE KEY-----\\n"


def private_key(rng):
    label = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
    body = _pem_body(rng, rng.randint(4, 9))
    if label == "OPENSSH PRIVATE KEY":
        body[0] = "b3BlbnNzaC1rZXktdjEAAAAA" + body[0][24:]
    return f"-----BEGIN {label}-----\n" + "\n".join(body) + f"\n-----END {label}-----"


def azure_client_secret(rng):
    return _s(rng, ALNUM, 3) + rng.choice(string.digits) + "Q~" + _s(rng, ALNUM + "_.~-", 34)


def azure_connection_string(rng):
    """Only the AccountKey / SharedAccessKey part: the secret inside the connection string."""
    if rng.random() < 0.7:
        return _s(rng, B64, 86) + "=="
    return _s(rng, B64, 43) + "="


def sendgrid(rng):
    return "SG." + _s(rng, URLSAFE, 22) + "." + _s(rng, URLSAFE, 43)


def twilio(rng):
    return rng.choice(["SK" + _s(rng, HEX, 32), _s(rng, HEX, 32)])


def mailgun(rng):
    return rng.choice(["key-" + _s(rng, HEX, 32), f"{_s(rng, HEX, 32)}-{_s(rng, HEX, 8)}-{_s(rng, HEX, 8)}"])


def npm(rng):
    return "npm_" + _s(rng, ALNUM, 36)


def pypi(rng):
    return "pypi-AgEIcHlwaS5vcmc" + _s(rng, URLSAFE, rng.randint(60, 150))


def docker(rng):
    return "dckr_pat_" + _s(rng, URLSAFE, 27)


def vault(rng):
    return rng.choice(["hvs." + _s(rng, URLSAFE, 24), "hvs.CAESI" + _s(rng, URLSAFE, 86), "hvb." + _s(rng, URLSAFE, 130)])


def shopify(rng):
    return rng.choice(["shpat_", "shpss_", "shpca_", "shppa_"]) + _s(rng, HEX, 32)


def discord(rng):
    uid = str(rng.randint(10 ** 17, 10 ** 19 - 1)).encode()
    return _b64url(uid) + "." + _s(rng, URLSAFE, 6) + "." + _s(rng, URLSAFE, 38)


def telegram(rng):
    return f"{rng.randint(10 ** 8, 10 ** 10 - 1)}:AA{_s(rng, URLSAFE, 33)}"


def datadog(rng):
    return _s(rng, HEX, rng.choice([32, 40]))


def jwt(rng, fk=None):
    head = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    body = {"sub": str(rng.randint(10 ** 5, 10 ** 9)), "iat": rng.randint(1_700_000_000, 1_790_000_000),
            "scope": rng.choice(["read", "read write", "admin"])}
    if rng.random() < 0.5:
        body["exp"] = body["iat"] + 3600
    sig = _b64url(bytes(rng.getrandbits(8) for _ in range(32 if head["alg"] == "HS256" else 64)))
    return ".".join([_b64url(json.dumps(head, separators=(",", ":")).encode()),
                     _b64url(json.dumps(body, separators=(",", ":")).encode()), sig])


PASSWORD_WORDS = ["horse", "Battery", "staple", "winter", "Kaffee", "sunrise", "tigre", "järvi", "purple", "Monkey",
                  "orchid", "velvet", "Quartz", "harbor", "lantern"]


def password(rng):
    kind = rng.random()
    if kind < 0.35:
        return " ".join(rng.sample(PASSWORD_WORDS, rng.randint(3, 4))) + rng.choice(["!", "?", "#7", " 42", "$"])
    if kind < 0.7:
        w = rng.choice(PASSWORD_WORDS)
        return w[0].upper() + w[1:] + rng.choice("@#$%&!*") + str(rng.randint(10, 9999)) + rng.choice(["!", "#", "^", "&*", ""])
    return _s(rng, ALNUM, 4) + rng.choice("@#$%^&*()[]{}<>?~") + _s(rng, ALNUM, 5) + rng.choice("!#%+=") + _s(rng, ALNUM, 4)


def db_password(rng):
    """A password that sits inside a URL userinfo: symbols allowed there unescaped."""
    return rng.choice(PASSWORD_WORDS).capitalize() + rng.choice("!$*~-_") + _s(rng, ALNUM, rng.randint(6, 12))


def generic(rng):
    return rng.choice([_s(rng, ALNUM, 32), _s(rng, HEX, 40), _s(rng, URLSAFE, 43), _s(rng, ALNUM, 24) + "==",
                       "live_" + _s(rng, ALNUM, 30), _s(rng, string.ascii_lowercase + string.digits, 48)])


MAKERS = {
    "aws_key_id": aws_key_id, "aws_secret": aws_secret, "github": github, "gitlab": gitlab,
    "slack_token": slack_token, "slack_webhook": slack_webhook, "stripe": stripe, "openai": openai,
    "anthropic": anthropic, "google_api": google_api, "gcp_private_key": gcp_private_key,
    "azure_client_secret": azure_client_secret, "azure_connection_string": azure_connection_string,
    "sendgrid": sendgrid, "twilio": twilio, "mailgun": mailgun, "npm": npm, "pypi": pypi, "docker": docker,
    "vault": vault, "shopify": shopify, "discord": discord, "telegram": telegram, "datadog": datadog,
    "jwt": jwt, "private_key": private_key, "password": password, "connection_string": db_password,
    "basic_auth": db_password, "generic": generic,
}

# The variable names a value of each family is stored under, in env files, configs and code.
KEY_NAMES = {
    "aws_key_id": ["AWS_ACCESS_KEY_ID", "aws_access_key_id", "accessKeyId"],
    "aws_secret": ["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "secretAccessKey"],
    "github": ["GITHUB_TOKEN", "GH_TOKEN", "github_token", "token"],
    "gitlab": ["GITLAB_TOKEN", "CI_JOB_TOKEN", "gitlab_token", "private_token", "RUNNER_TOKEN"],
    "slack_token": ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "slack_token", "SLACK_USER_TOKEN"],
    "slack_webhook": ["SLACK_WEBHOOK_URL", "webhook_url", "slackWebhook"],
    "stripe": ["STRIPE_SECRET_KEY", "stripe_api_key", "STRIPE_WEBHOOK_SECRET", "stripeKey"],
    "openai": ["OPENAI_API_KEY", "openai_api_key", "api_key"],
    "anthropic": ["ANTHROPIC_API_KEY", "anthropic_api_key", "x-api-key"],
    "google_api": ["GOOGLE_API_KEY", "MAPS_API_KEY", "key", "firebase_api_key"],
    "gcp_private_key": ["private_key"],
    "azure_client_secret": ["AZURE_CLIENT_SECRET", "client_secret", "clientSecret"],
    "azure_connection_string": ["AccountKey", "SharedAccessKey"],
    "sendgrid": ["SENDGRID_API_KEY", "sendgrid_key", "SMTP_PASSWORD"],
    "twilio": ["TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "twilio_token"],
    "mailgun": ["MAILGUN_API_KEY", "mailgun_key"],
    "npm": ["NPM_TOKEN", "NODE_AUTH_TOKEN", "npm_token"],
    "pypi": ["PYPI_TOKEN", "TWINE_PASSWORD", "pypi_api_token"],
    "docker": ["DOCKER_PASSWORD", "DOCKERHUB_TOKEN", "docker_pat"],
    "vault": ["VAULT_TOKEN", "vault_token", "X-Vault-Token"],
    "shopify": ["SHOPIFY_ACCESS_TOKEN", "shopify_api_secret", "X-Shopify-Access-Token"],
    "discord": ["DISCORD_BOT_TOKEN", "discord_token", "DISCORD_TOKEN"],
    "telegram": ["TELEGRAM_BOT_TOKEN", "telegram_token", "BOT_TOKEN"],
    "datadog": ["DD_API_KEY", "DD_APP_KEY", "datadog_api_key", "DD-API-KEY"],
    "jwt": ["access_token", "id_token", "JWT", "session_token", "refresh_token"],
    "private_key": ["private_key", "ssh_key", "TLS_KEY"],
    "password": ["password", "DB_PASSWORD", "passwd", "admin_password", "SMTP_PASS", "pwd", "redis_password"],
    "connection_string": ["DATABASE_URL", "db_url", "SQLALCHEMY_DATABASE_URI", "MONGO_URI"],
    "basic_auth": ["url", "endpoint", "REGISTRY_URL"],
    "generic": ["api_key", "API_SECRET", "secret_key", "client_secret", "auth_token", "apiKey", "X-API-Key",
                "signing_secret", "encryption_key", "webhook_secret", "access_key", "SECRET_KEY_BASE"],
}


def make(rng: random.Random, family: str) -> tuple[str, str]:
    """(secret, a key name for it)."""
    return MAKERS[family](rng), rng.choice(KEY_NAMES[family])
