"""Still more dev-only variety: local-language id fields, network logs, full HTTP requests, tool config files."""

from __future__ import annotations

from collections.abc import Callable

from . import lookalikes, pii
from .case import Case, Ctx, Keep, Val
from .disguise import maybe
from .names import ascii_fold
from .provider_keys import FAMILIES, jwt, password, r
from .records import Person

Shape = Callable[[Ctx, Case], None]
# (Faker locale, method, how a form in that country labels the number)
LOCAL_IDS = (("fi_FI", "ssn", "Henkilötunnus"), ("pl_PL", "pesel", "PESEL"), ("it_IT", "ssn", "Codice fiscale"),
             ("nl_NL", "ssn", "BSN"), ("pt_BR", "cpf", "CPF"), ("sv_SE", "ssn", "Personnummer"),
             ("no_NO", "ssn", "Fødselsnummer"), ("ro_RO", "ssn", "CNP"), ("tr_TR", "ssn", "T.C. Kimlik No"),
             ("ko_KR", "ssn", "주민등록번호"), ("zh_CN", "ssn", "身份证号"), ("es_ES", "nif", "DNI/NIF"),
             ("de_CH", "ssn", "AHV-Nr."), ("hu_HU", "ssn", "Adóazonosító jel"), ("en_IN", "aadhaar_id", "Aadhaar"),
             ("he_IL", "ssn", "מספר זהות"), ("et_EE", "ssn", "Isikukood"), ("hr_HR", "ssn", "OIB"))


def local_id_form(ctx: Ctx, case: Case) -> None:
    locale, method, label = ctx.rng.choice(LOCAL_IDS)
    p = Person(ctx)
    number = Val(str(getattr(ctx.faker(locale), method)()), "NATIONAL_ID")
    case.fill(ctx.rng.choice(("{0}\n" + label + ": {1}\nPassport: {2}\nStatus: {3}\n",
                              "Validate this row -> " + label + "={1}; name={0}; passport={2} ({3})",
                              "Is {1} a valid " + label + "? It belongs to {0} (passport {2}). {3}")),
              [p.value("name", 0.05), maybe(ctx.rng, number, 0.15, ("zero_width", "soft_hyphen", "fullwidth")),
               p.value("passport", 0.1), lookalikes.one(ctx, ctx.rng.choice(("reference", "word", "timestamp")))])


def network_log(ctx: Ctx, case: Case) -> None:
    for _ in range(ctx.rng.randint(1, 3)):
        ip, _ = pii.ip(ctx)
        case.fill(ctx.rng.choice(('{0} - - [{1}] "GET /dashboards/{2} HTTP/1.1" 200 5120\n',
                                  "DENY src={0} dst=10.20.0.5 dport=443 ts={1} rule={2}\n",
                                  "allowlist add {0} # {1} {2}\n")),
                  [Val(ip, "IP_ADDRESS"), lookalikes.one(ctx, "timestamp"), lookalikes.one(ctx, ctx.rng.choice(("uuid", "reference")))])


def http_request(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    family = ctx.rng.choice([f for f in FAMILIES if "\n" not in FAMILIES[f](ctx.rng) and f not in ("jwt", "fly")])
    key = maybe(ctx.rng, Val(FAMILIES[family](ctx.rng), "SECRET", family), 0.1, ("zero_width", "control_char"))
    case.fill("POST /api/v2/contacts HTTP/1.1\nHost: crm.example.org\nAuthorization: Bearer {0}\n"
              "Cookie: _ga=GA1.2.{5}; sid={1}\nContent-Type: application/json\n\n"
              '{{"name": "{2}", "email": "{3}", "phone": "{4}"}}\n'.replace("{{", "{").replace("}}", "}"),
              [key, Val(jwt(ctx.rng), "SECRET", "jwt"), p.value("name", 0.05), p.value("email", 0.1), p.value("phone", 0.1),
               Keep(f"{ctx.rng.randint(10**8, 10**9)}.{ctx.rng.randint(10**9, 2 * 10**9)}")])


def tool_configs(ctx: Ctx, case: Case) -> None:
    kind = ctx.rng.choice(("npmrc", "git_remote", "aws_credentials", "docker_run", "k8s_secret", "pip_conf", "tfvars"))
    user = ascii_fold(Person(ctx).given).lower()
    user = user if user.isascii() and user.isalpha() and len(user) > 2 else "ci-bot"
    if kind == "npmrc":
        case.fill("# .npmrc\n//registry.npmjs.org/:_authToken={0}\nregistry=https://registry.npmjs.org/\n",
                  [Val(FAMILIES["npm"](ctx.rng), "SECRET", "npm")])
    elif kind == "git_remote":
        family = ctx.rng.choice(("github", "gitlab"))
        host = "github.com" if family == "github" else "gitlab.com"
        case.fill("$ git remote -v\norigin\thttps://" + ("x-access-token" if family == "github" else "oauth2")
                  + ":{0}@" + host + "/acme/etl.git (fetch)\n", [Val(FAMILIES[family](ctx.rng), "SECRET", family)])
    elif kind == "aws_credentials":
        case.fill("[default]\naws_access_key_id = {0}\naws_secret_access_key = {1}\nregion = {2}\n",
                  [Val(FAMILIES["aws_access_key_id"](ctx.rng), "SECRET", "aws_access_key_id"),
                   Val(FAMILIES["aws_secret_access_key"](ctx.rng), "SECRET", "aws_secret_access_key"),
                   Keep(ctx.rng.choice(("eu-north-1", "us-east-2", "ap-southeast-1")))])
    elif kind == "docker_run":
        family = ctx.rng.choice(("openai", "anthropic", "stripe", "sendgrid", "huggingface"))
        case.fill("docker run -d -p 8080:8080 -e {2}_KEY={0} -e POSTGRES_PASSWORD='{1}' ghcr.io/acme/api:{3}\n",
                  [Val(FAMILIES[family](ctx.rng), "SECRET", family), Val(password(ctx.rng).replace("'", ""), "SECRET", "password"),
                   family.upper(), lookalikes.one(ctx, "version")])
    elif kind == "k8s_secret":
        case.fill("apiVersion: v1\nkind: Secret\nmetadata:\n  name: warehouse-creds\nstringData:\n  username: {0}\n"
                  "  password: \"{1}\"\n  api-token: {2}\n", [user, Val(password(ctx.rng), "SECRET", "password"),
                                                              Val(FAMILIES["databricks"](ctx.rng), "SECRET", "databricks")])
    elif kind == "pip_conf":
        pw = r(ctx.rng, "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20)
        case.fill("[global]\nindex-url = https://{0}:{1}@pypi.corp.example/simple\n", [user, Val(pw, "SECRET", "connection_password")])
    else:
        case.fill('# terraform.tfvars\nsnowflake_password = "{0}"\ndatadog_api_key = "{1}"\nregion = "{2}"\n',
                  [Val(password(ctx.rng), "SECRET", "password"), Val(FAMILIES["datadog"](ctx.rng), "SECRET", "datadog"),
                   Keep(ctx.rng.choice(("eu-west-1", "us-west-2")))])


def agent_system(ctx: Ctx, case: Case) -> None:
    """Nothing to find: a coding agent's system prompt, with tool names, ranges and the vendor's own words."""
    tools = ctx.rng.sample(lookalikes.TOOLS, 4)
    case.fill("You are an interactive CLI tool. Tools: {0}, {1}, {2}, {3}.\n- Prefer {1} over cat; use {0} only for "
              "commands.\n- The timeout parameter accepts {4} milliseconds.\n- Respond in {5} lines at most.\n"
              "- Report bugs at https://github.com/example/agent/issues (version {6}).\n",
              [Keep(t) for t in tools] + [Keep(ctx.rng.choice(("120000-600000", "1-600000", "500-90000"))),
                                          Keep(ctx.rng.choice(("1-4", "2-5", "3-10"))), lookalikes.one(ctx, "version")])


PII: dict[str, Shape] = {"local_id_form": local_id_form, "network_log": network_log}
SECRET: dict[str, Shape] = {"http_request": http_request, "tool_configs": tool_configs, "tool_configs2": tool_configs}
NONE: dict[str, Shape] = {"agent_system": agent_system}
