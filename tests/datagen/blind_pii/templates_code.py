"""Code and configuration: Python, JS, shell, .env files, YAML, JSON, TOML, service-account keys, PEM."""

from __future__ import annotations

from .registry import Ctx, template

VERSIONS = ["3.11.7", "v2.14.1", "1.26.4", "0.9.12", "v18.19.0", "4.2.1-rc.2"]


def _quote(c: Ctx, key: str, ent: str, val: str, fam):
    q = c.pick(['"', "'"])
    c.a(q)
    c.v(ent, val, fam)
    c.a(q)


@template("test", "env", weight=2)
def dotenv(c: Ctx):
    c.a(c.pick(["my .env, why does the app not pick up the DB settings?\n\n", "```\n# .env.production\n"]))
    c.k("NODE_ENV=production")
    c.a("\n")
    c.k(f"PORT={c.n(3000, 9000)}")
    c.a("\n")
    for _ in range(c.n(2, 4)):
        key, ent, val, fam = c.item(secret_share=0.75)
        key = key.upper().replace("-", "_").replace("/", "_").replace(":", "_")
        c.a(f"{key}=")
        if fam == "password" and " " in val:
            _quote(c, key, ent, val, fam)
        else:
            c.v(ent, val, fam)
        c.a("\n")
    c.k("LOG_LEVEL=info")


@template("dev", "env", weight=2)
def export_lines(c: Ctx):
    c.a("#!/usr/bin/env bash\nset -euo pipefail\n")
    for _ in range(c.n(2, 3)):
        key, ent, val, fam = c.item(secret_share=0.8)
        key = key.upper().replace("-", "_").replace("/", "_").replace(":", "_")
        c.a(f"export {key}=")
        _quote(c, key, ent, val, fam)
        c.a("\n")
    c.k("python -m pipeline.run --date \"$1\"")


@template("test", "code", weight=2)
def python_client(c: Ctx):
    fam = c.pick(["openai", "anthropic", "stripe", "sendgrid", "github", "slack_token", "twilio", "mailgun"])
    val, key = c.secret(fam)
    c.a("This raises 401, what's wrong?\n\n```python\nimport requests\n\n")
    c.k("API_URL = \"https://api.example.com/v2/reports\"")
    c.a(f"\n{key.lower().replace('-', '_').replace('/', '_').replace(':', '_')} = \"")
    c.v("SECRET", val, fam)
    c.a("\"\n\n")
    c.k("def fetch(self, day: dt.date):")
    c.a("\n    resp = requests.get(API_URL, headers={\"Authorization\": f\"Bearer {token}\"}, timeout=30)\n")
    c.k("    return resp.json()")
    c.a("\n```\n")
    c.k("Python 3.11.7, requests 2.31.0")


@template("dev", "code", weight=2)
def js_config(c: Ctx):
    c.a("```js\n")
    c.k("const { Client } = require('pg');")
    c.a("\nconst client = new Client({\n  host: 'db.internal',\n  user: '")
    c.a(c.pick(["app", "report_ro", "etl"]))
    c.a("',\n  password: '")
    c.v("SECRET", c.secret("password")[0], "password")
    c.a("',\n});\n")
    fam = c.pick(["google_api", "stripe", "npm", "datadog", "shopify", "discord", "telegram"])
    val, _ = c.secret(fam)
    c.a("const apiKey = process.env.KEY || \"")
    c.v("SECRET", val, fam)
    c.a("\";\n```\n")
    c.k("node v18.19.0")


@template("test", "config")
def yaml_config(c: Ctx):
    c.a("```yaml\n")
    c.k("version: \"3.9\"")
    c.a("\nservices:\n  api:\n    image: ghcr.io/acme/api:")
    c.k(c.pick(VERSIONS))
    c.a("\n    environment:\n")
    for _ in range(c.n(2, 3)):
        key, ent, val, fam = c.item(secret_share=0.7)
        c.a(f"      {key}: ")
        c.v(ent, val, fam)
        c.a("\n")
    c.a("    ports:\n      - \"8080:8080\"\n```")


@template("dev", "config")
def toml_config(c: Ctx):
    c.a("```toml\n[database]\n")
    c.k("host = \"warehouse.internal\"")
    c.a("\n")
    c.a("password = \"")
    c.v("SECRET", c.secret("password")[0], "password")
    c.a("\"\n\n[alerts]\n")
    key, ent, val, fam = c.item(secret_share=0.7)
    c.a(f"{key.replace('-', '_').replace('/', '_').replace(':', '_')} = \"")
    c.v(ent, val, fam)
    c.a("\"\n")
    c.k("retry_backoff = \"250-30000\"")
    c.a("\n```")


@template("test", "config")
def json_profile(c: Ctx):
    c.a("{\n  \"id\": \"")
    c.k(c.fk.uuid4())
    c.a("\",\n  \"")
    c.k("full_name")
    c.a("\": \"")
    c.v("PERSON", c.name())
    c.a("\",\n  \"email\": \"")
    c.v("EMAIL_ADDRESS", c.email())
    c.a("\",\n  \"phone\": \"")
    c.v("PHONE_NUMBER", c.phone("e164"))
    c.a("\",\n  \"country\": \"")
    c.k(c.pick(["United States", "Germany", "Finland", "Brazil"]))
    c.a("\",\n  \"integrations\": [{\"name\": \"Github\", \"enabled\": true}]\n}")
    c.b.keep("\"name\": \"Github\"")


@template("dev", "config")
def json_payment(c: Ctx):
    c.a("The webhook body looks like this, map it to our schema:\n{\"event\": \"charge.failed\", \"amount\": ")
    c.k(str(c.n(100, 99999)))
    c.a(", \"currency\": \"eur\", \"billing\": {\"name\": \"")
    c.v("PERSON", c.name())
    c.a("\", \"iban\": \"")
    c.v("IBAN_CODE", c.pii("IBAN_CODE"))
    c.a("\", \"dob\": \"")
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a("\"}, \"source\": {\"name\": \"")
    c.k(c.pick(["Shopify", "Stripe", "Gitlab", "Slack"]))
    c.a("\"}}")


@template("test", "config")
def gcp_service_account(c: Ctx):
    project = c.pick(["analytics-prod-4821", "acme-data", "reporting-eu"])
    c.a("Why does BigQuery say invalid_grant with this key file?\n{\n  \"type\": \"service_account\",\n")
    c.k(f"  \"project_id\": \"{project}\"")
    c.a(",\n  \"private_key_id\": \"")
    c.a(c.fk.sha1())
    c.a("\",\n  \"private_key\": \"")
    c.v("SECRET", c.secret("gcp_private_key")[0], "gcp_private_key", disguise=False)
    c.a(f"\",\n  \"client_email\": \"etl@{project}.iam.gserviceaccount.com\",\n")
    c.k("  \"token_uri\": \"https://oauth2.googleapis.com/token\"")
    c.a("\n}")


@template("dev", "code")
def pem_paste(c: Ctx):
    if c.rng.random() < 0.3:
        c.a("terraform: google: could not parse credentials. The file has:\n  \"type\": \"service_account\",\n  \"private_key\": \"")
        c.v("SECRET", c.secret("gcp_private_key")[0], "gcp_private_key", disguise=False)
        c.a("\",\n")
        c.k("hashicorp/google v5.21.0")
        return
    c.a(c.pick(["ssh keeps asking for a passphrase with this key, is it encrypted?\n\n",
                "openssl says 'unable to load key':\n"]))
    c.v("SECRET", c.secret("private_key")[0], "private_key", disguise=False)
    c.a("\n\n")
    c.k("OpenSSL 3.0.13 30 Jan 2024")


@template("test", "code")
def shell_session(c: Ctx):
    c.a("$ ")
    c.k("git clone https://github.com/acme/etl.git && cd etl")
    c.a("\n$ ")
    fam = c.pick(["gitlab", "github", "docker", "pypi", "npm", "vault"])
    val, _ = c.secret(fam)
    cmd = {"gitlab": "curl --header \"PRIVATE-TOKEN: ", "github": "gh auth login --with-token <<< \"",
           "docker": "echo \"", "pypi": "twine upload -u __token__ -p \"", "npm": "npm config set //registry.npmjs.org/:_authToken \"",
           "vault": "VAULT_TOKEN=\""}[fam]
    c.a(cmd)
    c.v("SECRET", val, fam)
    tail = {"gitlab": "\" https://gitlab.com/api/v4/projects", "github": "\"", "docker": "\" | docker login -u ci --password-stdin",
            "pypi": "\" dist/*", "npm": "\"", "vault": "\" vault kv get secret/app"}[fam]
    c.a(tail, "\n")
    c.k(c.pick(["error: 403 Forbidden", "Login Succeeded", "Uploading etl-0.9.12.tar.gz"]))


@template("dev", "code")
def python_settings(c: Ctx):
    c.a("```python\n# settings.py\n")
    c.k("DEBUG = False")
    c.a("\n")
    fam = c.pick(["aws_key_id", "azure_client_secret", "generic", "jwt", "sendgrid"])
    val, key = c.secret(fam)
    c.a(f"{key.upper().replace('-', '_').replace('/', '_').replace(':', '_')} = '")
    c.v("SECRET", val, fam)
    c.a("'\n")
    if fam == "aws_key_id":
        c.a("AWS_SECRET_ACCESS_KEY = '")
        c.v("SECRET", c.secret("aws_secret")[0], "aws_secret")
        c.a("'\n")
    c.a("AZURE_STORAGE = 'DefaultEndpointsProtocol=https;AccountName=")
    c.a(c.pick(["acmelogs", "rawdata01", "exportsprod"]))
    c.a(";AccountKey=")
    c.v("SECRET", c.secret("azure_connection_string")[0], "azure_connection_string")
    c.a(";EndpointSuffix=core.windows.net'\n```")
