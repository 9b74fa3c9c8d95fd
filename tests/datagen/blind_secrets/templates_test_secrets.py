"""Test-split templates holding secrets. No layout here is used by the dev split."""

from __future__ import annotations

from . import shapes as s
from . import vocab as v
from .registry import Ctx, template

T = "test"


def _env_lines(c: Ctx, n_secret: int, quote_style: str) -> None:
    fams = [c.family() for _ in range(n_secret)]
    harmless = c.rng.sample(v.HARMLESS_ENV, c.n(2, 5))
    lines: list[object] = fams + harmless
    c.rng.shuffle(lines)
    for item in lines:
        if isinstance(item, tuple):
            c.k(f"{item[0]}={item[1]}").a("\n")
            continue
        key = v.env_key(c.key(item))
        q = quote_style if quote_style != "mixed" else c.pick(["", '"', "'"])
        c.k(f"{key}=").a(q).sec(item).a(q + "\n")


@template(T, "env", weight=3)
def dotenv_why_not_loaded(c: Ctx) -> None:
    c.a(c.pick(["My app can't read the settings from this .env, what's wrong?\n\n",
                "This is the .env in the repo root (python-dotenv 1.0):\n\n",
                "dotenv keeps returning None for some keys. File:\n```\n"]))
    _env_lines(c, c.n(2, 5), c.pick(["", '"', "mixed"]))
    c.a(c.pick(["", "```\nI call load_dotenv() before anything else.", "\nThanks!"]))


@template(T, "code", weight=2)
def python_client_literal(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    key = v.snake_key(c.key(fam))
    c.a("Refactor this so it is testable:\n\n```python\n").k("import requests\n\n")
    c.a(f"{key.upper()} = \"").sec(fam).a("\"\n\n")
    c.k("def fetch_invoices(page: int = 1):\n").k(f"    headers = {{\"Authorization\": f\"Bearer {{{key.upper()}}}\"}}\n")
    c.k("    resp = requests.get(BASE_URL + \"/invoices\", params={\"page\": page}, headers=headers, timeout=30)\n")
    c.k("    resp.raise_for_status()\n").a("    return resp.json()\n```")


@template(T, "code", weight=2)
def js_module_exports(c: Ctx) -> None:
    c.a("```js\n// config/production.js\n").k("module.exports = {\n").k("  port: process.env.PORT || 8080,\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"  {v.camel_key(c.key(fam))}: '").sec(fam).a("',\n")
    c.k("  logLevel: 'warn',\n").a("};\n```\nwebpack says `Module not found` for this file, any idea?")


@template(T, "cli", weight=3)
def curl_bearer(c: Ctx) -> None:
    fam = c.family(v.TOKENS + ["jwt", "jwt", "bearer"])
    host = c.pick(["api.acme.io", "internal-api.acme.net", "reports.acme.dev", "api.partner-billing.com"])
    path = c.pick(["/v2/exports?limit=100", "/v1/users/me", "/graphql", "/api/v3/orders?status=open"])
    c.a(c.pick(["This works in Postman but curl returns 401:\n\n", "$ ", "Running:\n"]))
    c.k(f"curl -sS -X {c.pick(['GET', 'POST'])} \"https://{host}{path}\" \\\n")
    header = c.pick(["Authorization: Bearer ", "Authorization: Token ", "X-API-Key: ", "Authorization: "])
    c.a(f"  -H \"{header}").sec(fam).a("\" \\\n").k("  -H \"Accept: application/json\"")
    c.a(c.pick(["\n", "\n\n{\"error\":\"unauthorized\",\"status\":401}"]))


@template(T, "http", weight=3)
def http_request_dump(c: Ctx) -> None:
    method = c.pick(["GET", "POST", "PUT"])
    c.a("Captured with mitmproxy, the upstream rejects it:\n\n")
    c.k(f"{method} /api/v1/dashboards/{c.n(100, 9999)}/refresh HTTP/1.1\n").k("Host: app.acme.io\n")
    c.k("User-Agent: python-httpx/0.27.0\n")
    rid = s.uuid4(c.rng)
    c.k(f"X-Request-Id: {rid}\n")
    style = c.pick(["bearer", "cookie", "basic", "both"])
    if style in ("bearer", "both"):
        c.a("Authorization: Bearer ").sec(c.pick(["jwt", "jwt"] + v.TOKENS)).a("\n")
    if style in ("cookie", "both"):
        c.a(f"Cookie: _ga=GA1.2.{c.n(10**8, 10**9)}.{c.n(10**8, 10**9)}; session=").sec("jwt").a("; theme=dark\n")
    if style == "basic":
        c.a("Authorization: Basic ").sec("basic_auth_header").a("\n")
    c.k("Content-Type: application/json\n\n").k('{"force": true}')


@template(T, "traceback", weight=2)
def sqlalchemy_traceback(c: Ctx) -> None:
    fam = c.pick(v.DB_URLS)
    c.a("why does this fail? it worked yesterday\n\n").k("Traceback (most recent call last):\n")
    c.k('  File "/app/etl/load.py", line 42, in <module>\n').a("    engine = create_engine(\"").sec(fam).a("\")\n")
    c.k('  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/create.py", line 640, in create_engine\n')
    c.k("    raise exc.ArgumentError(\n").k("sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string")


@template(T, "config", weight=2)
def yaml_app_settings(c: Ctx) -> None:
    c.a("# settings.yaml\n").k("database:\n").k("  host: pg-prod.acme.internal\n").k("  port: 5432\n")
    q = c.pick(["", '"', "'"])
    c.k("  user: svc_etl\n").a("  password: " + q).sec("password").a(q + "\n")
    c.k("integrations:\n")
    for _ in range(c.n(1, 3)):
        fam = c.family(v.TOKENS)
        c.a(f"  {v.snake_key(c.key(fam))}: ").sec(fam).a("\n")
    c.k("retries: 3\n").a("\nyaml.safe_load gives me a ScannerError on line 5, why?")


@template(T, "config", weight=2)
def docker_compose_env(c: Ctx) -> None:
    c.k("services:\n").k("  db:\n").k("    image: postgres:16-alpine\n").k("    environment:\n")
    c.k("      POSTGRES_USER: analytics\n").a("      POSTGRES_PASSWORD: ").sec("password").a("\n")
    c.k("    ports:\n").k('      - "5432:5432"\n').k("  api:\n").k("    build: ./api\n").k("    environment:\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"      - {v.env_key(c.key(fam))}=").sec(fam).a("\n")
    c.k("    depends_on: [db]\n").a("\n`docker compose up` says the api can't reach db. Help?")


@template(T, "config", weight=2)
def k8s_secret_manifest(c: Ctx) -> None:
    c.a("kubectl apply fails with 'illegal base64 data at input byte 12':\n\n")
    c.k("apiVersion: v1\n").k("kind: Secret\n").k("metadata:\n").k("  name: warehouse-credentials\n")
    c.k("  namespace: data\n").k("type: Opaque\n").k("data:\n")
    c.k("  username: ").a(s.b64(c.pick(["svc_etl", "airflow", "reporting"]).encode()) + "\n")
    c.a("  password: ").sec("k8s_secret").a("\n")
    c.a("stringData:\n")
    for _ in range(c.n(1, 2)):
        fam = c.family(v.TOKENS)
        c.a(f"  {v.snake_key(c.key(fam))}: ").sec(fam).a("\n")


@template(T, "code", weight=2)
def terraform_provider(c: Ctx) -> None:
    c.a("terraform plan hangs at 'Refreshing state':\n\n```hcl\n").k('provider "aws" {\n').k('  region     = "eu-central-1"\n')
    c.a('  access_key = "').sec("aws_key_id").a('"\n').a('  secret_key = "').sec("aws_secret").a('"\n').k("}\n\n")
    if c.rng.random() < 0.5:
        fam = c.pick(["datadog", "cloudflare", "digitalocean", "github_pat", "newrelic", "okta", "vault", "grafana"])
        c.k(f'provider "{fam.split("_")[0]}" {{\n').a(f'  {c.pick(["api_key", "token", "api_token"])} = "').sec(fam).a('"\n').k("}\n")
    c.a("```")


@template(T, "config", weight=2)
def ci_hardcoded(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    if c.rng.random() < 0.5:
        c.k("name: release\n").k("on:\n").k("  push:\n").k("    tags: ['v*']\n").k("jobs:\n").k("  publish:\n")
        c.k("    runs-on: ubuntu-latest\n").k("    env:\n").a(f"      {v.env_key(c.key(fam))}: ").sec(fam).a("\n")
        c.k("    steps:\n").k("      - uses: actions/checkout@v4\n").k("      - run: make publish\n")
    else:
        c.k("stages: [test, deploy]\n").k("variables:\n").a(f"  {v.env_key(c.key(fam))}: \"").sec(fam).a("\"\n")
        c.k("deploy:\n").k("  stage: deploy\n").k("  script:\n").k("    - ./scripts/deploy.sh\n").k("  only: [main]\n")
    c.a("\nIs this pipeline config OK to merge?")


@template(T, "cli", weight=3)
def shell_history(c: Ctx) -> None:
    c.a("output of `history | tail`, something here broke my PATH:\n")
    n = c.n(480, 990)
    harmless = ["ls -la", "git status", "kubectl get pods -n data", "cd ~/src/report-api", "make test",
                "echo $PATH", "source .venv/bin/activate", "pip install -r requirements.txt", "docker ps"]
    lines = c.rng.sample(harmless, 3)
    leaks = c.rng.sample(["export", "mysql", "docker", "aws", "psql", "redis"], c.n(1, 2))
    order = lines + leaks
    c.rng.shuffle(order)
    for item in order:
        n += 1
        c.a(f"  {n}  ")
        if item == "export":
            fam = c.family(v.TOKENS)
            c.a(f"export {v.env_key(c.key(fam))}=").sec(fam)
        elif item == "mysql":
            c.a("mysql -h mysql-replica-2 -u root -p'").sec("password").a("' shop")
        elif item == "docker":
            c.a("docker login -u acmebuild -p ").sec("docker_hub")
        elif item == "aws":
            c.a("aws configure set aws_secret_access_key ").sec("aws_secret")
        elif item == "psql":
            c.a("psql \"").sec("postgres_url").a("\"")
        elif item == "redis":
            c.a("redis-cli -h cache.acme.local -a '").sec("password").a("' ping")
        else:
            c.k(item)
        c.a("\n")
    c.a(f"  {n + 1}  history | tail")


@template(T, "log", weight=3)
def app_log_leak(c: Ctx) -> None:
    c.a("Logs from the worker before it crashed:\n\n")
    minute = c.n(0, 50)
    for i in range(c.n(4, 7)):
        ts = f"2026-11-{c.n(10, 28):02d}T09:{minute + i:02d}:{c.n(0, 59):02d}.{c.n(100, 999)}Z"
        c.a(ts + " ")
        if i == 2:
            kind = c.pick(["url", "header", "kv"])
            if kind == "url":
                c.a("ERROR broker: cannot connect to ").sec(c.pick(["redis_url", "amqp_url", "mongodb_url"])).a(": timed out")
            elif kind == "header":
                c.a("DEBUG httpx: request headers={'authorization': 'Bearer ").sec(c.pick(v.TOKENS + ["jwt"])).a("'}")
            else:
                fam = c.family(v.TOKENS)
                c.a(f"WARN config: falling back to {v.snake_key(c.key(fam))}=").sec(fam)
        else:
            c.k(c.pick(["INFO worker: picked job export-", "INFO worker: heartbeat ok, queue depth ",
                        "DEBUG scheduler: next run in ", "INFO http: GET /healthz 200 in "]) + str(c.n(2, 900)))
        c.a("\n")


@template(T, "code", weight=2)
def diff_adds_secret(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    key = v.env_key(c.key(fam))
    c.a("Review this diff please:\n\n").k("diff --git a/app/settings.py b/app/settings.py\n")
    c.k("--- a/app/settings.py\n").k("+++ b/app/settings.py\n").k("@@ -12,7 +12,7 @@ TIMEOUT = 30\n")
    c.k(" RETRIES = 3\n").k(f"-{key} = os.environ[\"{key}\"]\n").a(f"+{key} = \"").sec(fam).a("\"  # temp, revert later\n")
    c.k(" BATCH_SIZE = 500\n")


@template(T, "code", weight=2)
def notebook_cell(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    key = v.env_key(c.key(fam))
    c.a("Why does this notebook cell raise AuthenticationError?\n\n").k('{\n "cell_type": "code",\n').k(' "execution_count": 3,\n')
    c.k(' "metadata": {},\n').a(' "source": [\n').k('  "import os\\n",\n')
    c.a(f'  "os.environ[\\"{key}\\"] = \\"').sec(fam).a('\\"\\n",\n').k('  "client = make_client()"\n').a(" ]\n}")


@template(T, "config", weight=2)
def toml_secrets(c: Ctx) -> None:
    c.a("# .streamlit/secrets.toml\n").k("[connections.warehouse]\n").k('dialect = "postgresql"\n')
    c.k('host = "warehouse.acme.io"\n').k('username = "reporting"\n').a('password = "').sec("password").a('"\n\n')
    fam = c.family(v.TOKENS)
    c.k("[api]\n").a(f'{v.snake_key(c.key(fam))} = "').sec(fam).a('"\n').a("\nst.secrets['api'] raises KeyError, why?")


@template(T, "config", weight=2)
def appsettings_json(c: Ctx) -> None:
    c.a("appsettings.Production.json:\n").k("{\n").k('  "ConnectionStrings": {\n')
    c.a('    "Default": "Server=tcp:acme-sql.database.windows.net,1433;Database=reports;User ID=app;Password=').sec("password").a(';Encrypt=True;"\n')
    c.k("  },\n").k('  "AzureAd": {\n').k('    "Instance": "https://login.microsoftonline.com/",\n')
    c.k(f'    "TenantId": "{s.uuid4(c.rng)}",\n').a('    "ClientSecret": "').sec("azure_client_secret").a('"\n').k("  }\n").a("}")


@template(T, "prose", weight=3)
def pem_question(c: Ctx) -> None:
    fam = c.pem_family()
    c.a(c.pick(["ssh says 'invalid format' for this key, is the header wrong?\n\n",
                "Can you tell what type of key this is?\n\n", "paramiko raises SSHException on load:\n\n"]))
    c.sec(fam)
    c.a(c.pick(["", "\n\nI copied it from the vault UI.", "\n"]))


@template(T, "config", weight=2)
def gcp_service_account(c: Ctx) -> None:
    proj = c.pick(["acme-analytics-prod", "reporting-392817", "ml-sandbox-7731"])
    c.a("google.auth says 'Could not deserialize key data' with this file:\n\n").k("{\n").k('  "type": "service_account",\n')
    c.k(f'  "project_id": "{proj}",\n').a(f'  "private_key_id": "{s.r(c.rng, s.HEX, 40)}",\n')
    c.a('  "private_key": "').sec("gcp_private_key").a('",\n')
    c.a(f'  "client_email": "bq-loader@{proj}.iam.gserviceaccount.com",\n').k('  "token_uri": "https://oauth2.googleapis.com/token"\n').a("}")


@template(T, "url", weight=2)
def token_in_url(c: Ctx) -> None:
    report = c.n(10, 9999)
    c.a(c.pick(["This shared link stops working after an hour: ", "The embed URL in our wiki is ",
                "Browser shows a blank page for "]))
    c.k(f"https://app.acme.io/reports/{report}").a(c.pick(["?token=", "?access_token=", "?jwt=", "?auth="])).sec("jwt")
    c.a(c.pick(["&tab=summary", "&embed=1", ""])).a(c.pick([" - how do I make it last longer?", ". Any idea?", ""]))


@template(T, "config", weight=2)
def spring_properties(c: Ctx) -> None:
    c.a("application-prod.properties:\n\n").k("spring.datasource.url=jdbc:postgresql://pg-prod:5432/orders\n")
    c.k("spring.datasource.username=orders_app\n").a("spring.datasource.password=").sec("password").a("\n")
    if c.rng.random() < 0.6:
        c.k("spring.mail.host=smtp.sendgrid.net\n").a("spring.mail.password=").sec("sendgrid").a("\n")
    c.k("server.port=8443\n").a("\nHikariPool-1 - Exception during pool initialization. What's wrong?")


@template(T, "code", weight=2)
def go_const(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    c.a("```go\n").k("package main\n\n").k("import (\n\t\"net/http\"\n)\n\n")
    c.a(f"const {v.camel_key(c.key(fam))} = \"").sec(fam).a("\"\n\n")
    c.k("func newRequest(url string) (*http.Request, error) {\n").k("\treq, err := http.NewRequest(\"GET\", url, nil)\n")
    c.a("\treturn req, err\n}\n```\ngo vet complains about an unused import")


@template(T, "config", weight=2)
def npmrc_netrc(c: Ctx) -> None:
    which = c.pick(["npmrc", "netrc", "docker"])
    if which == "npmrc":
        c.a("~/.npmrc on the build box:\n").k("registry=https://registry.npmjs.org/\n").a("//registry.npmjs.org/:_authToken=").sec("npm").a("\n")
        c.k("always-auth=true\n")
    elif which == "netrc":
        c.a("my ~/.netrc:\n").k("machine api.heroku.com\n").a("  login deploy-bot\n  password ").sec("heroku").a("\n")
        c.k("machine git.heroku.com\n").a("  login deploy-bot\n  password ").sec("heroku").a("\n")
    else:
        c.a("~/.docker/config.json:\n").k('{\n  "auths": {\n    "https://index.docker.io/v1/": {\n')
        c.a('      "auth": "').sec("basic_auth_header").a('"\n    }\n  }\n}')
    c.a("\nwhy is auth not picked up?")


@template(T, "cli", weight=2)
def cli_password_flags(c: Ctx) -> None:
    c.a(c.pick(["The cron job runs: ", "backup script line: ", "Our runbook says to run "]))
    style = c.pick(["mysqldump", "pg", "mongo", "keytool", "flag"])
    if style == "mysqldump":
        c.k("mysqldump --single-transaction -h mysql-replica-2 -u backup ").a("-p").sec("password").k(" shop > /backup/shop.sql")
    elif style == "pg":
        c.a("PGPASSWORD='").sec("password").a("' ").k("pg_dump -h pg-prod -U svc_etl -Fc analytics")
    elif style == "mongo":
        c.k("mongosh --host cluster0 --username admin ").a("--password '").sec("password").a("'")
    elif style == "keytool":
        c.k("keytool -importkeystore -srckeystore in.p12 ").a("-srcstorepass '").sec("password").a("' -deststorepass '").sec("password").a("'")
    else:
        fam = c.family(v.TOKENS)
        c.k("./bin/sync-exports --since 2026-11-01 ").a("--api-token=").sec(fam).k(" --dry-run")
    c.a(c.pick(["", " - is it safe?", "\nThe exit code is 2."]))


@template(T, "sql", weight=2)
def sql_create_user(c: Ctx) -> None:
    c.a("Permission denied when dbt runs, here is how I created the role:\n\n")
    c.k("CREATE ROLE dbt_runner WITH LOGIN ").a("PASSWORD '").sec("password").a("';\n")
    c.k("GRANT USAGE ON SCHEMA analytics TO dbt_runner;\n").k("GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO dbt_runner;\n")


@template(T, "prose", weight=3)
def prose_rotate(c: Ctx) -> None:
    fam = c.family()
    provider = fam.split("_")[0]
    pre, post = c.pick([(f"Someone pasted our {provider} credential ", " in a public channel, do I need to rotate it and how?"),
                        ("I found `", "` in an old commit - how bad is that?"),
                        ("Is this still valid? ", f" ({provider}) - we got a 403 this morning."),
                        (f"Our intern committed the {provider} key ", " to the public repo an hour ago. Steps?")])
    c.a(pre).sec(fam).a(post)


@template(T, "config", weight=2)
def azure_storage_ini(c: Ctx) -> None:
    c.a("Function app settings (local.settings.json):\n").k('{\n  "IsEncrypted": false,\n  "Values": {\n')
    c.a('    "AzureWebJobsStorage": "').sec("azure_connection_string").a('",\n')
    c.k('    "FUNCTIONS_WORKER_RUNTIME": "python",\n').a('    "EXPORT_SAS": "').sec("azure_sas").a('"\n  }\n}')

