"""Small vocabularies both splits draw from: harmless config lines, key-name spellings, ids and digests.

These are words and shapes, not layouts: every sentence and file layout lives in one split's templates.
"""

from __future__ import annotations

import random
import re

from . import shapes as s
from .families import FAMILIES
from .shapes import HEX, r

URL_FAMILIES = {"slack_webhook", "discord_webhook"}
COMPOSITE = {"azure_connection_string", "azure_sas", "sentry_dsn", "snowflake", "basic_auth", "postgres_url",
             "mysql_url", "mongodb_url", "redis_url", "amqp_url"}
NOT_TOKENS = URL_FAMILIES | COMPOSITE | {"password", "k8s_secret", "basic_auth_header", "gcp_private_key",
                                        "signing_secret", "webhook_secret", "aws_key_id"}
TOKENS = [f for f, fam in FAMILIES.items() if fam.keys and not fam.multiline and f not in NOT_TOKENS]
DB_URLS = ["postgres_url", "mysql_url", "mongodb_url", "redis_url", "amqp_url", "snowflake"]

HARMLESS_ENV = [
    ("PORT", "8080"), ("PORT", "3000"), ("NODE_ENV", "production"), ("LOG_LEVEL", "info"), ("LOG_LEVEL", "debug"),
    ("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-east-2"), ("S3_BUCKET", "acme-analytics-exports"),
    ("FEATURE_FLAGS", "beta_search,new_charts"), ("WORKERS", "4"), ("TZ", "UTC"), ("APP_ENV", "staging"),
    ("DB_HOST", "pg-prod.acme.internal"), ("DB_PORT", "5432"), ("DB_NAME", "analytics"), ("DB_USER", "svc_etl"),
    ("REDIS_HOST", "cache.acme.local"), ("SENTRY_ENVIRONMENT", "production"), ("OTEL_SERVICE_NAME", "report-api"),
    ("MAX_UPLOAD_MB", "25"), ("CORS_ORIGINS", "https://app.acme.io"), ("DEBUG", "false"), ("CACHE_TTL", "300"),
    ("PYTHONUNBUFFERED", "1"), ("GUNICORN_TIMEOUT", "120"), ("SMTP_HOST", "smtp.sendgrid.net"), ("SMTP_PORT", "587"),
]


def env_key(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", key).strip("_").upper()


def snake_key(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", key).strip("_").lower()


def camel_key(key: str) -> str:
    parts = snake_key(key).split("_")
    return parts[0] + "".join(p.title() for p in parts[1:])


def git_sha(rng: random.Random) -> str:
    return r(rng, HEX, 40)


def sha256(rng: random.Random) -> str:
    return r(rng, HEX, 64)


def md5(rng: random.Random) -> str:
    return r(rng, HEX, 32)


def integrity(rng: random.Random) -> str:
    return "sha512-" + s.b64(s.rbytes(rng, 64))


def trace_id(rng: random.Random) -> str:
    return r(rng, HEX, 32)


def span_id(rng: random.Random) -> str:
    return r(rng, HEX, 16)


def data_uri(rng: random.Random) -> str:
    return "data:image/png;base64," + s.b64(bytes.fromhex("89504e470d0a1a0a0000000d49484452") + s.rbytes(rng, rng.randint(60, 180)))


def version(rng: random.Random) -> str:
    return f"{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


def hex_colour(rng: random.Random) -> str:
    return "#" + r(rng, "0123456789abcdef", rng.choice([3, 6]))
