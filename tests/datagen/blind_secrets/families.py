"""Secret families: how each provider's credential is shaped, the names it is stored under, how it is written.

Shapes are written from each provider's documented format (prefix, length, alphabet, checksum where one is
documented). A maker returns `(before, secret, after)`: the secret is the labelled part, `before`/`after` the
text a composite value carries around it (a connection string's scheme, user and host; a DSN's host).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from . import shapes as s
from .shapes import ALNUM, B32, B64, B64U, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, r

Made = tuple[str, str, str]

USERS = ["app", "svc_etl", "analytics", "admin", "readonly", "deploy", "root", "reporting", "dbt", "airflow",
         "metabase", "grafana", "backend", "worker"]
HOSTS = ["db.internal", "10.0.4.17", "pg-prod.acme.internal", "warehouse.acme.io", "cluster0.x7f2k.mongodb.net",
         "mysql-replica-2.eu-west-1.rds.amazonaws.com", "cache.acme.local", "rabbit.svc.cluster.local",
         "orders-db.c9akciq32.us-east-1.rds.amazonaws.com", "localhost"]
PASSWORD_WORDS = ["Summer", "orange", "Falcon", "tiger", "Winter", "purple", "Rocket", "maple", "Harbor", "cobalt",
                  "Velvet", "granite", "Lantern", "pepper", "Quartz", "meadow"]
SYMBOLS = "!@#$%^&*-_+=?.~"


def password(rng: random.Random, spaces: bool = False) -> str:
    """A human-made password: words, digits, symbols; now and then a passphrase with spaces."""
    style = rng.random()
    if spaces or style < 0.15:
        words = rng.sample(PASSWORD_WORDS, rng.randint(3, 4))
        return " ".join(w.lower() if rng.random() < 0.5 else w for w in words) + rng.choice(["", "!", " 42", "#7"])
    if style < 0.55:
        return rng.choice(PASSWORD_WORDS) + rng.choice(SYMBOLS) + str(rng.randint(10, 9999)) + rng.choice(SYMBOLS + ALNUM)
    return r(rng, ALNUM + SYMBOLS, rng.randint(12, 24))


def url_password(rng: random.Random) -> str:
    """A password as it sits in a URL: reserved characters percent-encoded, as drivers require."""
    return quote(password(rng), safe="")


def _plain(fn: Callable[[random.Random], str]) -> Callable[[random.Random], Made]:
    return lambda rng: ("", fn(rng), "")


def _url(scheme: str, port: int, path: str) -> Callable[[random.Random], Made]:
    def make(rng: random.Random) -> Made:
        user = rng.choice(USERS)
        host = rng.choice(HOSTS)
        user_part = "" if scheme == "redis" and rng.random() < 0.5 else user
        tail = f"@{host}" + ("" if scheme.endswith("+srv") else f":{port}") + path
        return f"{scheme}://{user_part}:", url_password(rng), tail
    return make


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[random.Random], Made]
    keys: tuple[str, ...]
    multiline: bool = False


def _aws_id(rng: random.Random) -> str:
    return rng.choice(["AKIA"] * 4 + ["ASIA"] * 3 + ["AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "ABIA",
                                                     "ACCA"]) + r(rng, B32, 16)


def _session(rng: random.Random) -> str:
    return rng.choice(["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE"]) + s.b64(s.rbytes(rng, rng.randint(300, 520))).rstrip("=")


def _gcp_sa(rng: random.Random) -> Made:
    """The `private_key` field of a service-account JSON as written there: PEM with escaped newlines."""
    return "", s.pem(rng, "pkcs8").replace("\n", "\\n") + "\\n", ""


def _azure_conn(rng: random.Random) -> Made:
    acct = rng.choice(["acmedatalake", "stprodexports", "analyticsraw01", "mlartifacts"])
    return (f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey=", s.b64(s.rbytes(rng, 64)),
            ";EndpointSuffix=core.windows.net")


def _sas(rng: random.Random) -> Made:
    acct = rng.choice(["acmedatalake", "stprodexports", "reportsshare"])
    return (f"https://{acct}.blob.core.windows.net/exports/daily.parquet?sv=2022-11-02&ss=b&srt=o&sp=r"
            f"&se=2027-03-01T00:00:00Z&st=2026-11-30T00:00:00Z&spr=https&sig=",
            quote(s.b64(s.rbytes(rng, 32)), safe=""), "")


def _azure_client_secret(rng: random.Random) -> str:
    return r(rng, ALNUM, 3) + rng.choice(DIGITS) + "Q~" + r(rng, ALNUM + "_.~-", 34)


def _slack_webhook(rng: random.Random) -> str:
    return (f"https://hooks.slack.com/services/T{r(rng, UPPER_ALNUM, rng.choice([8, 10]))}"
            f"/B{r(rng, UPPER_ALNUM, rng.choice([8, 10]))}/{r(rng, ALNUM, 24)}")


def _discord_bot(rng: random.Random) -> str:
    uid = str(rng.randint(10**17, 10**19 - 1))
    return s.b64url(uid.encode()) + "." + r(rng, B64U, 6) + "." + r(rng, B64U, rng.choice([27, 38]))


def _sentry_dsn(rng: random.Random) -> Made:
    return "https://", r(rng, HEX, 32), f"@o{rng.randint(100000, 4999999)}.ingest.sentry.io/{rng.randint(1000000, 9999999)}"


def _snowflake(rng: random.Random) -> Made:
    acct = rng.choice(["xy12345.eu-central-1", "acme-analytics", "ab98765.us-east-2.aws"])
    return (f"snowflake://{rng.choice(USERS)}:", url_password(rng),
            f"@{acct}/ANALYTICS/PUBLIC?warehouse=COMPUTE_WH&role=REPORTER")


def _basic_auth(rng: random.Random) -> Made:
    host = rng.choice(["nexus.acme.internal", "artifactory.acme.io", "jenkins.build.acme.net", "registry.acme.dev",
                       "es.logs.acme.internal:9200"])
    return f"https://{rng.choice(USERS)}:", url_password(rng), f"@{host}/"


def _basic_header(rng: random.Random) -> str:
    return s.b64(f"{rng.choice(USERS)}:{password(rng)}".encode())


def _k8s(rng: random.Random) -> str:
    return s.b64(password(rng).encode())


def _pypi(rng: random.Random) -> str:
    return "pypi-AgEIcHlwaS5vcmc" + s.b64url(s.rbytes(rng, rng.randint(110, 160)))


def _openai(rng: random.Random) -> str:
    kind = rng.choice(["sk-proj-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"])
    if kind == "sk-":
        return "sk-" + r(rng, ALNUM, 20) + "T3BlbkFJ" + r(rng, ALNUM, 20)
    return kind + r(rng, B64U, 74) + "T3BlbkFJ" + r(rng, B64U, 74)


def _github_fine(rng: random.Random) -> str:
    return "github_pat_11" + r(rng, UPPER_ALNUM, 20) + "_" + r(rng, ALNUM, 59)


def _mailchimp(rng: random.Random) -> str:
    return r(rng, HEX, 32) + f"-us{rng.randint(1, 21)}"


def _telegram(rng: random.Random) -> str:
    return f"{rng.randint(10**8, 8 * 10**9)}:AA" + r(rng, B64U, 33)


def _discord_webhook(rng: random.Random) -> str:
    return f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**19 - 1)}/{r(rng, B64U, 68)}"


def _braintree(rng: random.Random) -> str:
    return f"access_token$production${r(rng, LOWER_ALNUM, 16)}${r(rng, HEX, 32)}"


def _fcm(rng: random.Random) -> str:
    return "AAAA" + r(rng, B64U, 7) + ":APA91b" + r(rng, B64U, 134)


def _ga_refresh(rng: random.Random) -> str:
    return "1//0" + r(rng, B64U, rng.randint(90, 100))


FAMILY_LIST = [
    Family("aws_key_id", _plain(_aws_id), ("AWS_ACCESS_KEY_ID", "aws_access_key_id", "access_key", "accessKeyId")),
    Family("aws_secret", _plain(lambda g: r(g, B64, 40)), ("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "secret_key", "secretAccessKey")),
    Family("aws_session_token", _plain(_session), ("AWS_SESSION_TOKEN", "aws_session_token", "sessionToken")),
    Family("gcp_api_key", _plain(lambda g: "AIza" + r(g, B64U, 35)), ("GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "gcp_api_key", "FIREBASE_API_KEY")),
    Family("gcp_private_key", _gcp_sa, ("private_key",), multiline=False),
    Family("gcp_oauth_secret", _plain(lambda g: "GOCSPX-" + r(g, B64U, 28)), ("GOOGLE_CLIENT_SECRET", "client_secret", "OAUTH_CLIENT_SECRET")),
    Family("google_oauth_refresh", _plain(_ga_refresh), ("GOOGLE_REFRESH_TOKEN", "refresh_token")),
    Family("firebase_fcm", _plain(_fcm), ("FCM_SERVER_KEY", "firebase_server_key")),
    Family("azure_storage_key", _plain(lambda g: s.b64(s.rbytes(g, 64))), ("AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY", "storage_account_key")),
    Family("azure_connection_string", _azure_conn, ("AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage", "BlobConnection")),
    Family("azure_sas", _sas, ("AZURE_SAS_URL", "EXPORT_URL", "blob_sas_url")),
    Family("azure_client_secret", _plain(_azure_client_secret), ("AZURE_CLIENT_SECRET", "ClientSecret", "client_secret", "ARM_CLIENT_SECRET")),
    Family("azure_devops_pat", _plain(lambda g: r(g, "abcdefghijklmnopqrstuvwxyz234567", 52)), ("AZURE_DEVOPS_PAT", "AZDO_PERSONAL_ACCESS_TOKEN", "SYSTEM_ACCESSTOKEN")),
    Family("github_pat", _plain(lambda g: s.github(g, "ghp_")), ("GITHUB_TOKEN", "GH_TOKEN", "github_token", "GITHUB_PAT")),
    Family("github_fine_grained", _plain(_github_fine), ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT")),
    Family("github_oauth", _plain(lambda g: s.github(g, "gho_")), ("GITHUB_OAUTH_TOKEN", "access_token", "oauth_token")),
    Family("github_app", _plain(lambda g: s.github(g, g.choice(["ghs_", "ghu_"]))), ("GITHUB_APP_TOKEN", "INSTALLATION_TOKEN", "token")),
    Family("github_refresh", _plain(lambda g: "ghr_" + r(g, ALNUM, 76)), ("GITHUB_REFRESH_TOKEN", "refresh_token")),
    Family("gitlab_pat", _plain(lambda g: "glpat-" + r(g, B64U, 20)), ("GITLAB_TOKEN", "GITLAB_PRIVATE_TOKEN", "private_token", "CI_API_TOKEN")),
    Family("gitlab_deploy", _plain(lambda g: "gldt-" + r(g, B64U, 20)), ("GITLAB_DEPLOY_TOKEN", "DEPLOY_TOKEN", "deploy_token")),
    Family("gitlab_runner", _plain(lambda g: "glrt-" + r(g, B64U, 20)), ("RUNNER_TOKEN", "CI_SERVER_TOKEN", "runner_token")),
    Family("gitlab_trigger", _plain(lambda g: "glptt-" + r(g, HEX, 40)), ("TRIGGER_TOKEN", "PIPELINE_TRIGGER_TOKEN", "trigger_token")),
    Family("gitlab_feed", _plain(lambda g: "glft-" + r(g, B64U, 20)), ("GITLAB_FEED_TOKEN", "feed_token")),
    Family("gitlab_ci_job", _plain(lambda g: "glcbt-" + r(g, HEX, 2) + "_" + r(g, B64U, 20)), ("CI_JOB_TOKEN", "JOB_TOKEN")),
    Family("gitlab_oauth_secret", _plain(lambda g: "gloas-" + r(g, HEX, 64)), ("GITLAB_APP_SECRET", "OAUTH_APP_SECRET")),
    Family("bitbucket_app_password", _plain(lambda g: "ATBB" + r(g, ALNUM, 24) + r(g, HEX.upper(), 8)), ("BITBUCKET_APP_PASSWORD", "BB_APP_PASSWORD", "app_password")),
    Family("atlassian_api_token", _plain(lambda g: "ATATT3xFfGF0" + r(g, B64U, 170) + "=" + r(g, HEX.upper(), 8)), ("JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_TOKEN")),
    Family("npm", _plain(lambda g: "npm_" + r(g, ALNUM, 36)), ("NPM_TOKEN", "NODE_AUTH_TOKEN", "_authToken")),
    Family("pypi", _plain(_pypi), ("PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN", "password")),
    Family("rubygems", _plain(lambda g: "rubygems_" + r(g, HEX, 48)), ("GEM_HOST_API_KEY", "RUBYGEMS_API_KEY")),
    Family("nuget", _plain(lambda g: "oy2" + r(g, "abcdefghijklmnopqrstuvwxyz234567", 43)), ("NUGET_API_KEY", "NuGetApiKey")),
    Family("docker_hub", _plain(lambda g: "dckr_pat_" + r(g, B64U, 27)), ("DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "REGISTRY_PASSWORD")),
    Family("slack_bot", _plain(lambda g: f"xoxb-{g.randint(10**10, 10**13)}-{g.randint(10**10, 10**13)}-{r(g, ALNUM, 24)}"), ("SLACK_BOT_TOKEN", "SLACK_TOKEN", "slack_token")),
    Family("slack_user", _plain(lambda g: f"xoxp-{g.randint(10**10, 10**13)}-{g.randint(10**10, 10**13)}-{g.randint(10**10, 10**13)}-{r(g, HEX, 32)}"), ("SLACK_USER_TOKEN", "SLACK_TOKEN")),
    Family("slack_app", _plain(lambda g: f"xapp-1-A{r(g, UPPER_ALNUM, 10)}-{g.randint(10**12, 10**13)}-{r(g, HEX, 64)}"), ("SLACK_APP_TOKEN", "socket_token")),
    Family("slack_refresh", _plain(lambda g: f"xoxe-1-{r(g, ALNUM, 146)}"), ("SLACK_REFRESH_TOKEN",)),
    Family("slack_webhook", _plain(_slack_webhook), ("SLACK_WEBHOOK_URL", "slack_webhook", "ALERT_WEBHOOK")),
    Family("stripe_secret", _plain(lambda g: "sk_live_51" + r(g, ALNUM, g.choice([22, 97]))), ("STRIPE_SECRET_KEY", "STRIPE_API_KEY", "stripe.api_key")),
    Family("stripe_restricted", _plain(lambda g: "rk_live_51" + r(g, ALNUM, g.choice([22, 97]))), ("STRIPE_RESTRICTED_KEY", "STRIPE_KEY")),
    Family("stripe_webhook", _plain(lambda g: "whsec_" + r(g, ALNUM, 32)), ("STRIPE_WEBHOOK_SECRET", "endpoint_secret")),
    Family("twilio", _plain(lambda g: r(g, HEX, 32)), ("TWILIO_AUTH_TOKEN", "twilio_auth_token", "authToken")),
    Family("twilio_api_secret", _plain(lambda g: r(g, ALNUM, 32)), ("TWILIO_API_SECRET",)),
    Family("sendgrid", _plain(lambda g: "SG." + r(g, B64U, 22) + "." + r(g, B64U, 43)), ("SENDGRID_API_KEY", "SMTP_PASSWORD", "sendgrid_key")),
    Family("mailgun", _plain(lambda g: g.choice(["key-" + r(g, HEX, 32), f"{r(g, HEX, 32)}-{r(g, HEX, 8)}-{r(g, HEX, 8)}"])), ("MAILGUN_API_KEY", "MAILGUN_KEY")),
    Family("mailchimp", _plain(_mailchimp), ("MAILCHIMP_API_KEY", "MC_API_KEY")),
    Family("shopify", _plain(lambda g: g.choice(["shpat_", "shpca_", "shppa_", "shpss_"]) + r(g, HEX, 32)), ("SHOPIFY_ACCESS_TOKEN", "SHOPIFY_API_SECRET", "X-Shopify-Access-Token")),
    Family("hubspot", _plain(lambda g: f"pat-{g.choice(['na1', 'eu1', 'na2'])}-{s.uuid4(g)}"), ("HUBSPOT_ACCESS_TOKEN", "HUBSPOT_PRIVATE_APP_TOKEN")),
    Family("notion", _plain(lambda g: g.choice(["secret_" + r(g, ALNUM, 43), "ntn_" + r(g, DIGITS, 11) + r(g, ALNUM, 35)])), ("NOTION_TOKEN", "NOTION_API_KEY")),
    Family("linear", _plain(lambda g: "lin_api_" + r(g, ALNUM, 40)), ("LINEAR_API_KEY", "LINEAR_TOKEN")),
    Family("datadog", _plain(lambda g: r(g, HEX, g.choice([32, 40]))), ("DD_API_KEY", "DD_APP_KEY", "DATADOG_API_KEY", "datadog_api_key")),
    Family("newrelic", _plain(lambda g: g.choice(["NRAK-" + r(g, UPPER_ALNUM, 27), r(g, HEX, 36) + "NRAL"])), ("NEW_RELIC_LICENSE_KEY", "NEW_RELIC_API_KEY", "NR_KEY")),
    Family("sentry_dsn", _sentry_dsn, ("SENTRY_DSN", "dsn")),
    Family("sentry_token", _plain(lambda g: g.choice(["sntrys_" + s.b64url(s.rbytes(g, 120)), "sntryu_" + r(g, HEX, 64)])), ("SENTRY_AUTH_TOKEN",)),
    Family("heroku", _plain(lambda g: g.choice([s.uuid4(g), "HRKU-AA" + r(g, B64U, 58)])), ("HEROKU_API_KEY", "HEROKU_AUTH_TOKEN")),
    Family("digitalocean", _plain(lambda g: g.choice(["dop_v1_", "doo_v1_", "dor_v1_"]) + r(g, HEX, 64)), ("DIGITALOCEAN_TOKEN", "DO_API_TOKEN", "do_token")),
    Family("cloudflare", _plain(lambda g: g.choice([r(g, B64U, 40), r(g, HEX, 37)])), ("CLOUDFLARE_API_TOKEN", "CF_API_KEY", "CLOUDFLARE_API_KEY")),
    Family("vercel", _plain(lambda g: r(g, ALNUM, 24)), ("VERCEL_TOKEN", "NOW_TOKEN")),
    Family("netlify", _plain(lambda g: "nfp_" + r(g, ALNUM, 36)), ("NETLIFY_AUTH_TOKEN", "NETLIFY_TOKEN")),
    Family("supabase", _plain(lambda g: g.choice(["sb_secret_" + r(g, B64U, 31), s.jwt(g, {"role": "service_role", "iss": "supabase"}, "HS256")])), ("SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SECRET_KEY")),
    Family("databricks", _plain(lambda g: "dapi" + r(g, HEX, 32) + g.choice(["", "-2", "-3"])), ("DATABRICKS_TOKEN", "databricks_token")),
    Family("snowflake", _snowflake, ("SNOWFLAKE_URL", "SQLALCHEMY_URL", "sqlalchemy.url")),
    Family("openai", _plain(_openai), ("OPENAI_API_KEY", "openai.api_key", "OPENAI_KEY")),
    Family("anthropic", _plain(lambda g: g.choice(["sk-ant-api03-", "sk-ant-admin01-"]) + r(g, B64U, 93) + "AA"), ("ANTHROPIC_API_KEY", "CLAUDE_API_KEY")),
    Family("cohere", _plain(lambda g: r(g, ALNUM, 40)), ("COHERE_API_KEY", "CO_API_KEY")),
    Family("huggingface", _plain(lambda g: "hf_" + r(g, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 34)), ("HF_TOKEN", "HUGGINGFACEHUB_API_TOKEN", "HUGGING_FACE_HUB_TOKEN")),
    Family("groq", _plain(lambda g: "gsk_" + r(g, ALNUM, 52)), ("GROQ_API_KEY",)),
    Family("replicate", _plain(lambda g: "r8_" + r(g, ALNUM, 37)), ("REPLICATE_API_TOKEN",)),
    Family("mistral", _plain(lambda g: r(g, ALNUM, 32)), ("MISTRAL_API_KEY",)),
    Family("postman", _plain(lambda g: f"PMAK-{r(g, HEX, 24)}-{r(g, HEX, 34)}"), ("POSTMAN_API_KEY", "X-Api-Key")),
    Family("okta", _plain(lambda g: "00" + r(g, B64U, 40)), ("OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN")),
    Family("square", _plain(lambda g: g.choice(["EAAA" + r(g, B64U, 60), "sq0csp-" + r(g, B64U, 43)])), ("SQUARE_ACCESS_TOKEN", "SQUARE_APPLICATION_SECRET")),
    Family("braintree", _plain(_braintree), ("BRAINTREE_ACCESS_TOKEN", "PAYPAL_ACCESS_TOKEN")),
    Family("telegram", _plain(_telegram), ("TELEGRAM_BOT_TOKEN", "TG_TOKEN", "bot_token")),
    Family("discord_bot", _plain(_discord_bot), ("DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "bot_token")),
    Family("discord_webhook", _plain(_discord_webhook), ("DISCORD_WEBHOOK_URL", "webhook_url")),
    Family("twitch", _plain(lambda g: r(g, LOWER_ALNUM, 30)), ("TWITCH_OAUTH_TOKEN", "TWITCH_CLIENT_SECRET")),
    Family("vault", _plain(lambda g: g.choice(["hvs.", "hvb."]) + r(g, B64U, g.choice([24, 91]))), ("VAULT_TOKEN", "vault_token")),
    Family("terraform_cloud", _plain(lambda g: r(g, ALNUM, 14) + ".atlasv1." + r(g, ALNUM, 67)), ("TFE_TOKEN", "TF_TOKEN_app_terraform_io", "token")),
    Family("grafana", _plain(lambda g: "glsa_" + r(g, ALNUM, 32) + "_" + r(g, HEX, 8)), ("GRAFANA_TOKEN", "GF_SA_TOKEN")),
    Family("pulumi", _plain(lambda g: "pul-" + r(g, HEX, 40)), ("PULUMI_ACCESS_TOKEN",)),
    Family("doppler", _plain(lambda g: "dp.st." + r(g, "abcdefghijklmnopqrstuvwxyz_", 8) + "." + r(g, ALNUM, 43)), ("DOPPLER_TOKEN",)),
    Family("age_key", _plain(lambda g: "AGE-SECRET-KEY-1" + r(g, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)), ("SOPS_AGE_KEY", "AGE_KEY")),
    Family("planetscale", _plain(lambda g: "pscale_tkn_" + r(g, B64U, 43)), ("PLANETSCALE_SERVICE_TOKEN",)),
    Family("sonarqube", _plain(lambda g: g.choice(["squ_", "sqp_", "sqa_"]) + r(g, HEX, 40)), ("SONAR_TOKEN",)),
    Family("buildkite", _plain(lambda g: "bkua_" + r(g, HEX, 40)), ("BUILDKITE_API_TOKEN",)),
    Family("airtable", _plain(lambda g: "pat" + r(g, ALNUM, 14) + "." + r(g, HEX, 64)), ("AIRTABLE_API_KEY", "AIRTABLE_TOKEN")),
    Family("dropbox", _plain(lambda g: "sl." + r(g, B64U, 136)), ("DROPBOX_ACCESS_TOKEN",)),
    Family("mapbox", _plain(lambda g: "sk.eyJ1Ijoi" + r(g, B64U, 50) + "." + r(g, B64U, 22)), ("MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN")),
    Family("shippo", _plain(lambda g: "shippo_live_" + r(g, HEX, 40)), ("SHIPPO_API_KEY",)),
    Family("jwt", _plain(lambda g: s.jwt(g)), ("ACCESS_TOKEN", "JWT", "id_token", "auth_token", "SESSION_JWT")),
    Family("bearer", _plain(lambda g: r(g, B64U, g.randint(32, 64))), ("API_TOKEN", "AUTH_TOKEN", "SERVICE_TOKEN", "access_token")),
    Family("basic_auth", _basic_auth, ("REGISTRY_URL", "PIP_INDEX_URL", "ELASTICSEARCH_URL", "NEXUS_URL")),
    Family("basic_auth_header", _plain(_basic_header), ()),
    Family("postgres_url", _url("postgresql", 5432, "/analytics"), ("DATABASE_URL", "POSTGRES_DSN", "SQLALCHEMY_DATABASE_URI")),
    Family("mysql_url", _url("mysql", 3306, "/shop?charset=utf8mb4"), ("DATABASE_URL", "MYSQL_URL")),
    Family("mongodb_url", _url("mongodb+srv", 27017, "/?retryWrites=true&w=majority"), ("MONGODB_URI", "MONGO_URL")),
    Family("redis_url", _url("redis", 6379, "/0"), ("REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL")),
    Family("amqp_url", _url("amqp", 5672, "/%2F"), ("AMQP_URL", "RABBITMQ_URL", "BROKER_URL")),
    Family("password", _plain(password), ("DB_PASSWORD", "POSTGRES_PASSWORD", "password", "SMTP_PASS", "MYSQL_ROOT_PASSWORD", "admin_password", "passwd")),
    Family("k8s_secret", _plain(_k8s), ()),
    Family("signing_secret", _plain(lambda g: g.choice([r(g, HEX, 64), s.b64(s.rbytes(g, 48))])), ("JWT_SECRET", "SECRET_KEY", "HMAC_SECRET", "SESSION_SECRET", "SIGNING_KEY")),
    Family("webhook_secret", _plain(lambda g: r(g, ALNUM, g.randint(24, 40))), ("WEBHOOK_SECRET", "GITHUB_WEBHOOK_SECRET", "webhook_signing_secret")),
    Family("private_key_rsa", _plain(lambda g: s.pem(g, "rsa")), (), multiline=True),
    Family("private_key_pkcs8", _plain(lambda g: s.pem(g, "pkcs8")), (), multiline=True),
    Family("private_key_ec", _plain(lambda g: s.pem(g, "ec")), (), multiline=True),
    Family("private_key_openssh", _plain(lambda g: s.pem(g, "openssh")), (), multiline=True),
    Family("private_key_pgp", _plain(lambda g: s.pem(g, "pgp")), (), multiline=True),
]
FAMILIES = {f.name: f for f in FAMILY_LIST}
# Families a generic "KEY=value" line can carry (one line, a key name of their own).
ASSIGNABLE = [f.name for f in FAMILY_LIST if f.keys and not f.multiline]
PEM_FAMILIES = [f.name for f in FAMILY_LIST if f.multiline]
