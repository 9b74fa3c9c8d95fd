"""Dev-split templates holding secrets (the tuning split). No layout here is used by the test split."""

from __future__ import annotations

from . import shapes as s
from . import vocab as v
from .registry import Ctx, template

D = "dev"


@template(D, "cli", weight=3)
def bash_bootstrap_script(c: Ctx) -> None:
    c.a("Our bootstrap script, shellcheck flags line 4:\n\n").k("#!/usr/bin/env bash\n").k("set -euo pipefail\n\n")
    for _ in range(c.n(2, 4)):
        fam = c.family()
        c.a(f"export {v.env_key(c.key(fam))}=\"").sec(fam).a("\"\n")
    c.k(": \"${AWS_PROFILE:=analytics}\"\n").k("exec python -m report_api.server\n")


@template(D, "code", weight=2)
def python_dataclass_defaults(c: Ctx) -> None:
    c.a("mypy is happy but pydantic isn't:\n\n").k("@dataclass(frozen=True)\n").k("class Settings:\n")
    c.k("    region: str = \"eu-north-1\"\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"    {v.snake_key(c.key(fam))}: str = \"").sec(fam).a("\"\n")
    c.k("    timeout_s: float = 12.5\n")


@template(D, "code", weight=2)
def node_fetch_headers(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    header = c.pick(["x-api-key", "Authorization", "X-Auth-Token", "api-key"])
    prefix = "Bearer " if header == "Authorization" else ""
    c.k("const res = await fetch(`${BASE}/v1/metrics/query`, {\n").k("  method: 'POST',\n").a(f"  headers: {{ '{header}': '{prefix}")
    c.sec(fam).a("', 'content-type': 'application/json' },\n").k("  body: JSON.stringify({ window: '7d' }),\n").a("});\n")
    c.a("// res.status is 403 in the Lambda but 200 locally")


@template(D, "cli", weight=2)
def httpie_wget(c: Ctx) -> None:
    fam = c.family(v.TOKENS + ["jwt"])
    if c.rng.random() < 0.5:
        c.a("http --check-status POST https://hooks.partner.io/v2/ingest ").a("Authorization:\"Bearer ").sec(fam).a("\" ")
        c.k("batch:=@events.json")
    else:
        c.k("wget -q -O export.csv ").a("--header=\"X-Api-Token: ").sec(fam).a("\" ").k("https://exports.acme.dev/latest.csv")
    c.a("\nprints nothing and exits 4")


@template(D, "http", weight=3)
def set_cookie_response(c: Ctx) -> None:
    c.k("HTTP/2 302\n").k("location: /dashboard\n").a("set-cookie: __Host-session=").sec("jwt")
    c.k("; Path=/; Secure; HttpOnly; SameSite=Lax\n").a(f"set-cookie: csrftoken={v.md5(c.rng)}; Path=/\n\n")
    c.a("After this redirect the browser doesn't send the session cookie back. Why?")


@template(D, "traceback", weight=2)
def java_jdbc_trace(c: Ctx) -> None:
    c.k("Exception in thread \"main\" java.sql.SQLException: Access denied for user 'etl'@'%'\n")
    c.a("\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)\n")
    c.a("Caused by: connecting with jdbc:mysql://mysql-replica-2:3306/shop?user=etl&password=").sec("password").a("&useSSL=true\n")
    c.k("\tat com.acme.etl.Loader.main(Loader.java:57)\n").a("\nwhat am I doing wrong?")


@template(D, "config", weight=2)
def pypirc_ini(c: Ctx) -> None:
    c.a("twine upload says 403 Invalid or non-existent authentication. ~/.pypirc:\n\n").k("[distutils]\n").k("index-servers =\n    pypi\n\n")
    c.k("[pypi]\n").k("username = __token__\n").a("password = ").sec("pypi").a("\n")


@template(D, "cli", weight=2)
def kubectl_from_literal(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    c.k("kubectl -n data create secret generic etl-creds \\\n").a("  --from-literal=db-password='").sec("password").a("' \\\n")
    c.a(f"  --from-literal={v.snake_key(c.key(fam)).replace('_', '-')}=").sec(fam).a("\n")
    c.a("error: failed to create secret secrets \"etl-creds\" already exists")


@template(D, "code", weight=2)
def tfvars_file(c: Ctx) -> None:
    c.a("prod.auto.tfvars\n\n").k("environment = \"prod\"\n").k("instance_count = 3\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"{v.snake_key(c.key(fam))} = \"").sec(fam).a("\"\n")


@template(D, "config", weight=2)
def jenkinsfile_env(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    c.k("pipeline {\n").k("  agent any\n").k("  environment {\n").a(f"    {v.env_key(c.key(fam))} = '").sec(fam).a("'\n")
    c.k("  }\n").k("  stages {\n").k("    stage('Deploy') { steps { sh './deploy.sh' } }\n").k("  }\n").a("}")


@template(D, "code", weight=2)
def notebook_env_magic(c: Ctx) -> None:
    fam = c.family(v.TOKENS)
    c.a("In [1]: ").a(f"%env {v.env_key(c.key(fam))}=").sec(fam).a("\n")
    c.a("In [2]: ").k("df = load_events('2026-11')\n").k("KeyError: 'events'")


@template(D, "code", weight=2)
def ruby_php_csharp(c: Ctx) -> None:
    lang = c.pick(["ruby", "php", "csharp", "rust"])
    fam = c.family(v.TOKENS)
    if lang == "ruby":
        c.k("require 'stripe'\n").a(f"{c.pick(['Stripe.api_key', 'Config.token', 'ENV.fetch'])} = '").sec(fam).a("'\n")
    elif lang == "php":
        c.k("<?php\n").k("define('DB_NAME', 'wordpress');\n").a("define('DB_PASSWORD', '").sec("password").a("');\n")
        c.a(f"define('{v.env_key(c.key(fam))}', '").sec(fam).a("');\n")
    elif lang == "csharp":
        c.a("var conn = new SqlConnection(\"Data Source=sql01;Initial Catalog=Sales;User Id=sales_app;Password=").sec("password").a(";\");\n")
    else:
        c.a("let client = ApiClient::new(\"").sec(fam).a("\");\n").k("let resp = client.get(\"/v1/ping\").await?;\n")
    c.a(c.pick(["Why does this compile but fail at runtime?", "how do I move that into config?"]))


@template(D, "sql", weight=2)
def sql_fdw_mapping(c: Ctx) -> None:
    c.k("CREATE SERVER crm_remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'crm-db', dbname 'crm');\n")
    c.k("CREATE USER MAPPING FOR analyst SERVER crm_remote\n").a("  OPTIONS (user 'crm_ro', password '").sec("password").a("');\n")
    c.a("-- the import fails with 'password is required'")


@template(D, "log", weight=3)
def json_log_lines(c: Ctx) -> None:
    for i in range(c.n(3, 5)):
        entry_head = f'{{"ts":"2026-10-{c.n(1, 30):02d}T11:{c.n(0, 59):02d}:00Z","level":"{c.pick(["info", "debug"])}","msg":"'
        if i == 1:
            fam = c.pick(v.TOKENS + ["jwt"])
            c.a(entry_head + 'outbound call","headers":{"authorization":"Bearer ').sec(fam).a('"}}\n')
        else:
            c.k(entry_head + c.pick(["job started", "cache miss", "rows written"]) + f'","n":{c.n(1, 9999)}}}').a("\n")
    c.a("Which line shows the failing request?")


@template(D, "prose", weight=3)
def prose_scope_question(c: Ctx) -> None:
    fam = c.family()
    pre, post = c.pick([("My token ", " can list repos but not create them - which scope is missing?"),
                        ("Hi! quick one: we set the key to ", " last week, does it expire?"),
                        ("The vendor support asked me to send them ", ", should I?")])
    c.a(pre).sec(fam).a(post)


@template(D, "code", weight=2)
def diff_new_env_file(c: Ctx) -> None:
    c.k("diff --git a/.env b/.env\n").k("new file mode 100644\n").k("--- /dev/null\n").k("+++ b/.env\n")
    n = c.n(2, 4)
    c.k(f"@@ -0,0 +1,{n + 1} @@\n").k("+APP_ENV=prod\n")
    for _ in range(n):
        fam = c.family()
        c.a(f"+{v.env_key(c.key(fam))}=").sec(fam).a("\n")
    c.a("\nshould .env be in .gitignore?")


@template(D, "code", weight=2)
def github_webhook_handler(c: Ctx) -> None:
    sig = v.sha256(c.rng)
    c.k("Incoming delivery:\n").a(f"X-GitHub-Delivery: {s.uuid4(c.rng)}\n").k(f"X-Hub-Signature-256: sha256={sig}\n\n")
    c.k("def verify(body: bytes, header: str) -> bool:\n").a("    secret = b\"").sec("webhook_secret").a("\"\n")
    c.k("    mac = hmac.new(secret, body, hashlib.sha256).hexdigest()\n").k("    return hmac.compare_digest(\"sha256=\" + mac, header)\n")
    c.a("Always returns False - why?")


@template(D, "cli", weight=3)
def docker_run_env(c: Ctx) -> None:
    c.k("docker run --rm -p 8080:8080 \\\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"  -e {v.env_key(c.key(fam))}=").sec(fam).a(" \\\n")
    c.k("  ghcr.io/acme/report-api:1.15.0").a("\nThe container exits with code 137 after a minute.")


@template(D, "config", weight=2)
def xml_settings(c: Ctx) -> None:
    if c.rng.random() < 0.5:
        c.k("<settings>\n  <servers>\n    <server>\n      <id>acme-releases</id>\n      <username>deployer</username>\n")
        c.a("      <password>").sec(c.pick(["password", "bitbucket_app_password", "github_pat"])).a("</password>\n")
        c.k("    </server>\n  </servers>\n</settings>")
    else:
        c.k("<packageSourceCredentials>\n  <acme>\n    <add key=\"Username\" value=\"build\" />\n")
        c.a("    <add key=\"ClearTextPassword\" value=\"").sec(c.pick(["azure_devops_pat", "password", "nuget"])).a("\" />\n")
        c.k("  </acme>\n</packageSourceCredentials>")
    c.a("\nmvn/nuget still prompts for credentials")


@template(D, "config", weight=2)
def postman_collection(c: Ctx) -> None:
    c.k('{\n  "info": {"name": "Billing API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},\n')
    c.k('  "auth": {\n    "type": "bearer",\n').a('    "bearer": [{"key": "token", "value": "').sec(c.pick(v.TOKENS + ["jwt"]))
    c.k('", "type": "string"}]\n  },\n').a('  "item": []\n}\n\nImporting this into Insomnia drops the auth.')


@template(D, "prose", weight=2)
def runbook_markdown(c: Ctx) -> None:
    fam = c.family()
    c.k("## Restoring the staging database\n\n").k("1. Scale the api to zero.\n")
    c.a(f"2. Run `export {v.env_key(c.key(fam))}=").sec(fam).a("` on the bastion.\n")
    c.a("3. Restore with `pg_restore -d staging latest.dump`.\n\nCan you rewrite step 2 so it doesn't need the value?")


@template(D, "config", weight=2)
def systemd_unit(c: Ctx) -> None:
    c.k("[Unit]\n").k("Description=report exporter\n\n").k("[Service]\n").k("ExecStart=/opt/exporter/bin/run\n")
    for _ in range(c.n(1, 3)):
        fam = c.family()
        c.a(f"Environment=\"{v.env_key(c.key(fam))}=").sec(fam).a("\"\n")
    c.k("Restart=on-failure\n")


@template(D, "prose", weight=3)
def key_in_chat_block(c: Ctx) -> None:
    fam = c.pem_family()
    c.a(c.pick(["here's my id_rsa from the build box, git clone says permission denied (publickey):\n```\n",
                "openssl rsa -check says 'unable to load Private Key' for:\n"]))
    c.sec(fam)
    c.a(c.pick(["\n```", "\n\nwhat's wrong with it?"]))


@template(D, "config", weight=2)
def pem_in_json_escaped(c: Ctx) -> None:
    fam = c.pem_family()
    before, pem, after = c.raw_parts(fam)
    c.k('{\n  "tls": {\n    "cert_file": "/etc/ssl/acme.crt",\n').a('    "key": "')
    c.b.val("SECRET", pem.replace("\n", "\\n"), fam, disguise=False)
    c.k('"\n  }\n}').a("\nthe server logs 'tls: failed to find any PEM data in key input'")


@template(D, "cli", weight=2)
def az_sp_output(c: Ctx) -> None:
    c.k("$ az ad sp create-for-rbac --name etl-loader --role Contributor\n").k("{\n")
    c.a(f'  "appId": "{s.uuid4(c.rng)}",\n  "displayName": "etl-loader",\n  "password": "').sec("azure_client_secret")
    c.a(f'",\n  "tenant": "{s.uuid4(c.rng)}"\n}}\n').a("Which of these go into the GitHub secret AZURE_CREDENTIALS?")


@template(D, "cli", weight=2)
def sts_assume_role(c: Ctx) -> None:
    c.k("$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/etl --role-session-name etl\n").k('{\n    "Credentials": {\n')
    c.a('        "AccessKeyId": "').sec("aws_key_id").a('",\n        "SecretAccessKey": "').sec("aws_secret")
    c.a('",\n        "SessionToken": "').sec("aws_session_token").a('",\n').k('        "Expiration": "2026-11-30T12:00:00+00:00"\n    }\n}')


@template(D, "cli", weight=2)
def git_remote_token(c: Ctx) -> None:
    fam = c.pick(["github_pat", "github_fine_grained", "gitlab_pat", "bitbucket_app_password", "azure_devops_pat"])
    host = {"github_pat": "github.com", "github_fine_grained": "github.com", "gitlab_pat": "gitlab.com",
            "bitbucket_app_password": "bitbucket.org", "azure_devops_pat": "dev.azure.com"}[fam]
    c.k("$ git remote -v\n").a(f"origin\thttps://{c.pick(['oauth2', 'x-access-token', 'ci-bot'])}:").sec(fam).a(f"@{host}/acme/warehouse.git (fetch)\n")
    c.a("push is rejected with 403, fetch works")


@template(D, "config", weight=2)
def serverless_yaml(c: Ctx) -> None:
    c.k("service: export-api\n").k("provider:\n").k("  name: aws\n").k("  runtime: python3.12\n").k("  environment:\n")
    for _ in range(c.n(2, 3)):
        fam = c.family()
        c.a(f"    {v.env_key(c.key(fam))}: ").sec(fam).a("\n")
    c.k("functions:\n").k("  export:\n").k("    handler: handler.export\n")


@template(D, "http", weight=2)
def raw_request_basic(c: Ctx) -> None:
    c.k("> POST /api/v4/projects/812/trigger/pipeline HTTP/1.1\n").k("> Host: gitlab.acme.dev\n")
    if c.rng.random() < 0.5:
        c.a("> Authorization: Basic ").sec("basic_auth_header").a("\n")
    else:
        c.a("> PRIVATE-TOKEN: ").sec(c.pick(["gitlab_pat", "gitlab_trigger", "gitlab_ci_job", "gitlab_deploy"])).a("\n")
    c.k("> Content-Length: 0\n>\n< HTTP/1.1 404 Not Found\n").a("why 404 when the project exists?")


@template(D, "table", weight=2)
def csv_credentials_export(c: Ctx) -> None:
    c.a("exported from the old password manager, can you convert to 1Password CSV?\n\n").k("title,url,username,password\n")
    for i in range(c.n(2, 4)):
        c.a(f"{c.pick(['Warehouse', 'Grafana', 'Jenkins', 'Airflow'])} {i + 1},https://{c.pick(['grafana', 'jenkins', 'airflow'])}.acme.internal,"
            f"{c.pick(['admin', 'svc_etl', 'ops'])},").sec("password").a("\n")


@template(D, "url", weight=2)
def url_query_tokens(c: Ctx) -> None:
    fam = c.pick(["jwt", "jwt"] + v.TOKENS)
    c.k("GET ").a("/embed/dashboards/41?").k("theme=light&").a(c.pick(["api_key=", "access_token=", "token=", "key="])).sec(fam)
    c.k(" HTTP/1.1").a("\n\nThe proxy logs show this path; is that a problem?")


@template(D, "log", weight=2)
def netscape_cookie_jar(c: Ctx) -> None:
    c.k("# Netscape HTTP Cookie File\n")
    c.a(f"app.acme.io\tFALSE\t/\tTRUE\t{c.n(1790000000, 1799999999)}\tsession\t").sec("jwt").a("\n")
    c.k("app.acme.io\tFALSE\t/\tFALSE\t0\tlocale\ten-GB\n").a("curl -b cookies.txt still gets redirected to /login")


@template(D, "config", weight=2)
def connection_strings_block(c: Ctx) -> None:
    c.k("connections:\n")
    for name, fam in c.rng.sample([("warehouse", "postgres_url"), ("shop", "mysql_url"), ("events", "mongodb_url"),
                                   ("cache", "redis_url"), ("queue", "amqp_url"), ("lake", "snowflake"),
                                   ("blob", "azure_connection_string"), ("artifacts", "basic_auth")], c.n(2, 3)):
        c.a(f"  {name}: \"").sec(fam).a("\"\n")
    c.a("Which driver understands mongodb+srv here?")


@template(D, "code", weight=2)
def dsn_init(c: Ctx) -> None:
    c.k("import sentry_sdk\n\n").a("sentry_sdk.init(\n    dsn=\"").sec("sentry_dsn").a("\",\n").k("    traces_sample_rate=0.2,\n)\n")
    if c.rng.random() < 0.5:
        c.a("requests.post(\"").sec(c.pick(["slack_webhook", "discord_webhook"])).a("\", json={\"text\": \"deploy done\"})\n")



@template(D, "code", weight=2)
def service_account_info_dict(c: Ctx) -> None:
    c.k("from google.oauth2 import service_account\n\n").k("info = {\n").k('    "type": "service_account",\n')
    c.a('    "private_key": "').sec("gcp_private_key").a('",\n')
    c.a(f'    "client_email": "dbt@analytics-{c.n(100000, 999999)}.iam.gserviceaccount.com",\n').k("}\n")
    c.k("creds = service_account.Credentials.from_service_account_info(info)\n").a("# ValueError: Could not deserialize key data")


@template(D, "cli", weight=2)
def kubectl_get_secret_yaml(c: Ctx) -> None:
    c.k("$ kubectl get secret airflow-db -n airflow -o yaml\n").k("apiVersion: v1\n").k("data:\n")
    c.a("  connection: ").sec("k8s_secret").a("\n").a("  postgres-password: ").sec("k8s_secret").a("\n")
    c.k("kind: Secret\n").k("type: Opaque\n").a("\nhow do I decode these to check they're right?")
