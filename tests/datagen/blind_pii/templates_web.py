"""HTTP: requests with headers and cookies, URLs with query strings, connection strings, CLI flags."""

from __future__ import annotations

from . import values
from .registry import Ctx, template

HOSTS = ["api.acme-corp.io", "reports.internal.example", "shop.example.org", "crm.globex.net"]


@template("test", "http", weight=2)
def raw_request(c: Ctx):
    c.a("The server returns 403 for this request, headers look fine to me:\n\n")
    c.k(f"POST /v1/exports?format=csv&limit={c.n(10, 5000)} HTTP/1.1")
    c.a(f"\nHost: {c.pick(HOSTS)}\n")
    c.k("Content-Type: application/json")
    c.a("\nAuthorization: Bearer ")
    fam = c.pick(["jwt", "github", "openai", "gitlab", "slack_token", "generic"])
    c.v("SECRET", c.secret(fam)[0], fam)
    c.a("\nCookie: _ga=GA1.2.")
    c.a(str(c.n(10 ** 8, 10 ** 9)))
    c.a("; session=")
    c.v("SECRET", c.secret("jwt")[0], "jwt")
    c.a("\n")
    c.k("User-Agent: python-requests/2.31.0")
    c.a("\nX-Forwarded-For: ")
    c.v("IP_ADDRESS", c.pick([values.ipv4, values.ipv6])(c.rng))
    c.a("\n\n{\"customer_email\": \"")
    c.v("EMAIL_ADDRESS", c.email())
    c.a("\"}")


@template("dev", "http", weight=2)
def curl_command(c: Ctx):
    fam = c.pick(["datadog", "shopify", "vault", "anthropic", "sendgrid", "azure_client_secret"])
    val, key = c.secret(fam)
    header = {"datadog": "DD-API-KEY", "shopify": "X-Shopify-Access-Token", "vault": "X-Vault-Token",
              "anthropic": "x-api-key", "sendgrid": "Authorization: Bearer", "azure_client_secret": "X-Client-Secret"}[fam]
    sep = " " if header.endswith("Bearer") else ": "
    c.a("curl -sS -X GET \\\n  -H \"")
    c.a(header, sep)
    c.v("SECRET", val, fam)
    c.a("\" \\\n  ")
    c.k("-H 'Accept: application/json'")
    c.a(" \\\n  \"https://")
    c.a(c.pick(HOSTS))
    c.a("/v2/users?email=")
    c.email_in_url(c.email(), 0.5)
    c.a("&page=2\"")


@template("test", "url")
def urls_with_values(c: Ctx):
    c.a(c.pick(["This link in the password reset mail is broken: ", "Users land here after signup: "]))
    c.a(f"https://{c.pick(HOSTS)}/auth/callback?")
    c.a(c.pick(["token=", "access_token=", "id_token="]))
    c.v("SECRET", c.secret("jwt")[0], "jwt")
    c.a("&email=")
    c.email_in_url(c.email(), 0.6)
    c.a("&utm_source=newsletter\nThe docs are at ")
    c.k("https://docs.python.org/3/library/urllib.parse.html")


@template("dev", "url")
def basic_auth_url(c: Ctx):
    user = c.pick(["deploy", "admin", "ci-bot", "jenkins"])
    pw = c.secret("basic_auth")[0]
    c.a("pip can't reach our index: ")
    c.a(f"https://{user}:")
    c.v("SECRET", pw, "basic_auth")
    c.a("@pypi.internal.example/simple/")
    c.a("\nand the webhook for alerts is ")
    c.v("SECRET", c.secret("slack_webhook")[0], "slack_webhook")
    c.a("\nSee ")
    c.k("https://pip.pypa.io/en/stable/topics/authentication/")


@template("test", "config")
def connection_strings(c: Ctx):
    if c.rng.random() < 0.3:
        c.a("git push fails after I changed the remote:\n")
        c.k("git remote set-url origin")
        c.a(f" https://{c.pick(['oauth2', 'ci', 'deploy'])}:")
        c.v("SECRET", c.secret("basic_auth")[0], "basic_auth")
        c.a("@gitlab.example.com/data/etl.git\n")
        c.k("fatal: Authentication failed")
        return
    kind = c.pick(["postgresql", "mysql", "mongodb+srv", "redis"])
    user = c.pick(["analytics", "app_rw", "root", "etl_user"])
    c.a(c.pick(["SQLAlchemy fails with this URL: ", "DATABASE_URL="]))
    c.a(f"{kind}://{user}:")
    c.v("SECRET", c.secret("connection_string")[0], "connection_string")
    c.a(c.pick(["@db.prod.internal:5432/warehouse", "@cluster0.ab12c.mongodb.net/app?retryWrites=true",
                "@10.0.3.17:3306/shop", "@cache.internal:6379/0"]))
    c.a("\n")
    c.k("sqlalchemy 2.0.29")


@template("dev", "cli")
def cli_flags(c: Ctx):
    c.a("```\n")
    c.k("./bin/sync-customers")
    c.a(" --env prod ")
    key, ent, val, fam = c.item(secret_share=0.6)
    flag = key.lower().replace("_", "-").replace("/", "").replace(":", "")
    c.a(f"--{flag}=")
    c.v(ent, val, fam)
    key2, ent2, val2, fam2 = c.item(secret_share=0.4)
    c.a(f" --{key2.lower().replace('_', '-').replace('/', '').replace(':', '')} ")
    if " " in val2:
        c.a("\"")
        c.v(ent2, val2, fam2)
        c.a("\"")
    else:
        c.v(ent2, val2, fam2)
    c.a(" ")
    c.k("--batch-size 500")
    c.a("\n```\n")
    c.k("exit status 2")


@template("test", "cli")
def docker_run(c: Ctx):
    c.a("docker run --rm ")
    for _ in range(c.n(2, 3)):
        key, ent, val, fam = c.item(secret_share=0.75)
        c.a(f"-e {key.upper().replace('-', '_').replace('/', '_').replace(':', '_')}=")
        if " " in val:
            c.a("'")
            c.v(ent, val, fam)
            c.a("'")
        else:
            c.v(ent, val, fam)
        c.a(" ")
    c.k("-p 8080:8080 ghcr.io/acme/worker:v2.14.1")


@template("dev", "http")
def response_headers(c: Ctx):
    c.a("HTTP/2 302\n")
    c.k("location: /dashboard")
    c.a("\nset-cookie: remember_token=")
    fam = c.pick(["jwt", "generic"])
    c.v("SECRET", c.secret(fam)[0], fam)
    c.a("; Path=/; HttpOnly; Secure\nset-cookie: user_email=")
    c.email_in_url(c.email(), 1.0)
    c.a("; Path=/\n")
    c.k("x-request-id: " + c.fk.uuid4())
