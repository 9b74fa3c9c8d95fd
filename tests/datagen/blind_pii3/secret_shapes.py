"""Secrets where developers leave them: .env files, code, configs, curl, cookies, URLs, traces, chat."""

from __future__ import annotations

from . import lookalikes
from .case import Case, Ctx, Keep, Piece, Val
from .disguise import maybe
from .names import ascii_fold
from .provider_keys import FAMILIES, NEEDS_NAME, jwt, password, r, webhook
from .records import Person

SHARE = 0.15
VAR = {"aws_access_key_id": "AWS_ACCESS_KEY_ID", "aws_secret_access_key": "AWS_SECRET_ACCESS_KEY",
       "azure_storage_key": "AZURE_STORAGE_KEY", "datadog": "DD_API_KEY", "cloudflare": "CLOUDFLARE_API_TOKEN",
       "mailchimp": "MAILCHIMP_KEY", "azure_ad_client_secret": "AZURE_CLIENT_SECRET"}


def key(ctx: Ctx, named: bool = True) -> tuple[Val, str]:
    """A provider key (disguised now and then) and the variable name a developer would give it."""
    families = list(FAMILIES) if named else [f for f in FAMILIES if f not in NEEDS_NAME and f != "private_key"]
    family = ctx.rng.choice(families)
    value = FAMILIES[family](ctx.rng)
    var = VAR.get(family, family.upper().split("_")[0] + ctx.rng.choice(("_TOKEN", "_API_KEY", "_SECRET", "_KEY")))
    val = Val(value, "SECRET", family)
    return (val if "\n" in value else maybe(ctx.rng, val, SHARE)), var


def dotenv(ctx: Ctx, case: Case) -> None:
    for _ in range(ctx.rng.randint(1, 3)):
        val, var = key(ctx)
        if "\n" in val.value:
            case.fill(f'{var}="{{0}}"\n', [val])
        else:
            case.fill(f"{var}={{0}}\n", [val])
    case.fill(ctx.pick(("PORT={0}\n", "APP_VERSION={0}\n", "REGION={0}\n", "LOG_LEVEL=debug # {0}\n")),
              [Keep(lookalikes.one(ctx, "port").text.lstrip(":port ")) if ctx.rng.random() < 0.5 else lookalikes.one(ctx, "version")])
    pw = maybe(ctx.rng, Val(password(ctx.rng), "SECRET", "password"), SHARE)
    case.fill(ctx.pick(('DB_PASSWORD="{0}"\n', "ADMIN_PASS='{0}'\n", 'SMTP_PASSWORD="{0}"\n', "REDIS_PASSWORD='{0}'\n")), [pw])


CODE = (('import requests\n\nAPI_KEY = "{0}"\nresp = requests.get(url, headers={{"Authorization": f"Bearer {{API_KEY}}"}})\n'
         "# base url from {1}\n"),
        ('const client = new Client({{ apiKey: "{0}" }});\n// see {1}\n'),
        ('func main() {{\n\ttoken := "{0}"\n\tlog.Println("starting", {1})\n}}\n'),
        ('client = SomeSdk(api_key="{0}", timeout=30)  # TODO move to {1}\n'),
        ('$config["token"] = \'{0}\';\n// {1}\n'),
        ('val secret = "{0}"\nprintln("{1}")\n'))
CURL = ('curl -H "Authorization: Bearer {0}" https://api.vendor.example/v2/reports?limit={1}\n',
        "curl -s -u admin:{2} https://jenkins.internal/api/json # {1}\n",
        'curl https://api.example.net/data -H "X-Api-Key: {0}" -d \'{{"range": "{1}"}}\'\n',
        "http POST https://hooks.internal/run Authorization:\"Token {0}\" note='{1}' pw={2}\n",
        "wget --header='Authorization: token {0}' https://files.corp/dl?build={1}\n",
        "curl -X POST -H 'Private-Token: {0}' --data 'v={1}' --user deploy:{2} https://gitlab.corp/api/v4/projects\n")
CONN = ("DATABASE_URL=postgres://{0}:{1}@db.{2}.internal:5432/analytics\n",
        'engine = create_engine("mysql+pymysql://{0}:{1}@10.0.3.7:3306/shop")  # {2}\n',
        "mongodb+srv://{0}:{1}@cluster0.{2}.mongodb.net/?retryWrites=true\n",
        "Server=tcp:sql-{2}.database.windows.net,1433;User ID={0};Password={1};Encrypt=True;\n",
        "redis://{0}:{1}@cache.{2}.local:6379/0\n",
        "jdbc:postgresql://pg.{2}.svc:5432/warehouse?user={0}&password={1}\n")
PROSE_PW = ("my password is {0} and it stopped working after the reset",
            "I set the warehouse password to {0} — can you tell me why dbt still fails?",
            "login: {1} / pass: {0}, please check the connection",
            "The shared admin password ({0}) is in the runbook, is that ok? Owner: {1}",
            "pw for the staging box is {0}; user {1}",
            "Use {1} with password {0} for the demo")
BARE = ("here it is: {0}\nwhy does it say unauthorized?",
        "{0}\n^ this one works locally but not in CI",
        "I pasted {0} into the settings page and nothing happened",
        "does this look valid? {0}",
        "Tried again with {0} — same 401.",
        "new one: {0} (old one revoked)")
TRACE = ("Traceback (most recent call last):\n  File \"/app/etl/load.py\", line {1}, in run\n    conn = connect(\"{0}\")\n"
         "psycopg2.OperationalError: could not connect to server\n",
         "Exception in thread \"main\" java.lang.IllegalStateException: auth failed for {0}\n\tat com.acme.Client.call(Client.java:{1})\n",
         "Error: Request failed with status code 403\n    at settle (node_modules/axios/lib/core/settle.js:{1})\n  config: {{ headers: {{ Authorization: 'Bearer {0}' }} }}\n",
         "panic: token {0} rejected\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:{1}\n")


def code(ctx: Ctx, case: Case) -> None:
    val, _ = key(ctx, named=ctx.rng.random() < 0.5)
    case.fill(ctx.pick(CODE), [val, lookalikes.one(ctx, ctx.rng.choice(("env", "placeholder", "version")))])


def curl(ctx: Ctx, case: Case) -> None:
    val, _ = key(ctx, named=False)
    pw = maybe(ctx.rng, Val(password(ctx.rng).replace(" ", "").replace("'", "").replace('"', ""), "SECRET", "password"), SHARE)
    template = ctx.pick(CURL)
    pieces: list[Piece] = [val, lookalikes.one(ctx, ctx.rng.choice(("range", "version", "reference")))]
    if "{2}" in template:
        pieces.append(pw)
    case.fill(template, pieces)


def connection(ctx: Ctx, case: Case) -> None:
    user = ascii_fold(Person(ctx).given).lower()
    pw = Val(r(ctx.rng, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", ctx.rng.randint(14, 28)), "SECRET", "connection_password")
    case.fill(ctx.pick(CONN), [user if len(user) > 2 and user.isascii() and user.isalpha() else "svc_etl", pw, ctx.rng.choice(("prod", "eu1", "analytics", "acme"))])


def prose_password(ctx: Ctx, case: Case) -> None:
    pw = maybe(ctx.rng, Val(password(ctx.rng), "SECRET", "password"), SHARE)
    case.fill(ctx.pick(PROSE_PW), [pw, Person(ctx).value("email")])


def bare(ctx: Ctx, case: Case) -> None:
    val, _ = key(ctx, named=False)
    case.fill(ctx.pick(BARE), [val])


def cookie_jwt(ctx: Ctx, case: Case) -> None:
    token = maybe(ctx.rng, Val(jwt(ctx.rng), "SECRET", "jwt"), SHARE, ("zero_width", "percent_encoding", "line_break"))
    template = ctx.pick(("GET /api/reports HTTP/1.1\nHost: app.example.com\nCookie: theme=dark; session={0}; {1}\n",
                         "https://app.example.com/embed?dashboard={1}&access_token={0}\n",
                         "Set-Cookie: auth={0}; Path=/; HttpOnly; Secure\nX-Request-Id: {1}\n",
                         "GET /callback#id_token={0}&state={1}\n",
                         "document.cookie = \"jwt={0}\"; // build {1}\n",
                         "ws://realtime.example.io/socket?token={0}&v={1}\n"))
    case.fill(template, [token, lookalikes.one(ctx, ctx.rng.choice(("uuid", "reference", "version")))])


def hook(ctx: Ctx, case: Case) -> None:
    url, family = webhook(ctx.rng)
    val = maybe(ctx.rng, Val(url, "SECRET", family), SHARE, ("zero_width", "soft_hyphen", "percent_encoding", "line_break"))
    case.fill(ctx.pick(("alerts:\n  webhook_url: {0}\n  channel: '#{1}'\n", "Post the summary to {0} when done ({1}).",
                        'NOTIFY_URL="{0}"  # {1}\n', "Our {1} bot uses {0}, why is it 404?",
                        "notifier.send(\"{0}\", text=report)  # {1}\n", "- name: notify\n  url: {0}\n  # {1}\n")),
              [val, lookalikes.one(ctx, ctx.rng.choice(("brand", "word", "reference")))])


def trace(ctx: Ctx, case: Case) -> None:
    val, _ = key(ctx, named=False)
    case.fill(ctx.pick(TRACE), [val, str(ctx.rng.randint(12, 880))])


def private_key(ctx: Ctx, case: Case) -> None:
    value = FAMILIES["private_key"](ctx.rng)
    case.fill(ctx.pick(("Why does ssh reject this key?\n\n{0}\n", "deploy_key: |\n  {0}\n",
                        "Here is the key from the vault (rotated later):\n{0}\nVersion {1}",
                        "```\n{0}\n```\nparamiko says not a valid RSA key, {1}")),
              [Val(value, "SECRET", "private_key"), lookalikes.one(ctx, "version")])


def config_dump(ctx: Ctx, case: Case) -> None:
    a, var_a = key(ctx)
    b, var_b = key(ctx, named=False)
    pw = maybe(ctx.rng, Val(password(ctx.rng), "SECRET", "password"), SHARE)
    template = ctx.pick(('{{\n  "{2}": "{0}",\n  "{3}": "{1}",\n  "db": {{"host": "pg.internal", "password": "{4}"}},\n  "build": "{5}"\n}}\n',
                         "[default]\n{2} = {0}\n{3} = {1}\npassword = {4}\nversion = {5}\n",
                         "{2}: {0}\n{3}: {1}\ndatabase:\n  password: \"{4}\"\nrelease: {5}\n",
                         "export {2}={0}\nexport {3}={1}\nexport PGPASSWORD='{4}'\n# {5}\n"))
    if "\n" in a.value:
        a, var_a = Val(FAMILIES["github"](ctx.rng), "SECRET", "github"), "GITHUB_TOKEN"
    case.fill(template, [a, b, var_a, var_b, pw, lookalikes.one(ctx, "version")])


SHAPES = {"dotenv": dotenv, "code": code, "curl": curl, "connection": connection, "prose_password": prose_password,
          "bare": bare, "cookie_jwt": cookie_jwt, "webhook": hook, "trace": trace, "private_key": private_key,
          "config_dump": config_dump}
