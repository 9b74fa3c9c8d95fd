"""Secret families: each provider's token found where it is written, and the same field with no secret kept.

Token bodies are random strings of each provider's published alphabet and length (made here, from a
fixed seed), so no test leans on a real or a vendor's sample token.
"""

from __future__ import annotations

import base64
import random
import signal
import string
from collections.abc import Iterator

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span

RNG = random.Random(20261201)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "_-"


def r(alphabet: str, n: int) -> str:
    """n random characters of `alphabet`, with a digit and a letter where the alphabet has both."""
    while True:
        body = "".join(RNG.choice(alphabet) for _ in range(n))
        mixed = any(c.isdigit() for c in alphabet) and any(c.isalpha() for c in alphabet)
        if n < 4 or not mixed or (any(c.isdigit() for c in body) and any(c.isalpha() for c in body)):
            return body


def uuid4_text() -> str:
    return "-".join(r(HEX, n) for n in (8, 4, 4, 4, 12))


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str, kind: str = "code") -> list[tuple[str, str]]:
    data_class = DataClass.INPUT if kind in ("code", "prose", "sql") else DataClass.OUTPUT
    spans = [Span(0, len(text), data_class, False, kind)]
    return [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans)]


# (family, template with {v} where the secret goes, the secret, entity)
FAMILIES = [
    ("gitlab personal", 'GITLAB_TOKEN = "{v}"', "glpat-" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("gitlab deploy", "git clone https://deploy:{v}@gitlab.example.com/acme/app.git", "gldt-" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("gitlab runner", "runner token: {v}", "glrt-" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("gitlab CI job", "curl --header 'JOB-TOKEN: {v}' https://gitlab.example.com/api/v4/jobs", "glcbt-64_" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("gitlab trigger", "trigger with {v} please", "glptt-" + r(HEX, 40), "GITLAB_TOKEN"),
    ("gitlab feed", "the feed token {v} leaked", "glft-" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("gitlab oauth secret", "client secret is {v}", "gloas-" + r(HEX, 64), "GITLAB_TOKEN"),
    ("gitlab registration", "register with {v}", "GR1348941" + r(URLSAFE, 20), "GITLAB_TOKEN"),
    ("slack bot", "SLACK_BOT={v}", "xoxb-" + r(string.digits, 12) + "-" + r(string.digits, 13) + "-" + r(ALNUM, 24), "SLACK_TOKEN"),
    ("slack app-level", "app token {v}", "xapp-1-A" + r(string.digits + string.ascii_uppercase, 10) + "-" + r(string.digits, 13) + "-" + r(HEX, 64), "SLACK_TOKEN"),
    ("slack refresh", "refresh: {v}", "xoxe-1-" + r(ALNUM, 40), "SLACK_TOKEN"),
    ("slack webhook", "post to {v} when done", "https://hooks.slack.com/services/T" + r(string.ascii_uppercase + string.digits, 8) + "/B" + r(string.ascii_uppercase + string.digits, 8) + "/" + r(ALNUM, 24), "SLACK_WEBHOOK"),
    ("discord webhook", "webhook = {v}", "https://discord.com/api/webhooks/" + r(string.digits, 18) + "/" + r(URLSAFE, 68), "WEBHOOK_URL"),
    ("azure ad client secret", "AZURE_CLIENT_SECRET={v}", r(ALNUM, 3) + "8Q~" + r(ALNUM + "_~.-", 34), "AZURE_CLIENT_SECRET"),
    ("aws ASIA", "temporary key {v} expires soon", "ASIA" + r(string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY"),
    ("aws ABIA", "key id {v}", "ABIA" + r(string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY"),
    ("aws ACCA", "key id {v}", "ACCA" + r(string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY"),
    ("aws AIDA", "user id {v}", "AIDA" + r(string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY"),
    ("aws AROA", "role id {v}", "AROA" + r(string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY"),
    ("hugging face", 'login(token="{v}")', "hf_" + r(string.ascii_letters, 34), "API_KEY"),
    ("databricks", "DATABRICKS_HOST=x\nDATABRICKS_TOKEN {v}", "dapi" + r(HEX, 32), "API_KEY"),
    ("digitalocean", "doctl auth init -t {v}", "dop_v1_" + r(HEX, 64), "API_KEY"),
    ("doppler", "use {v} in CI", "dp.pt." + r(ALNUM, 43), "API_KEY"),
    ("shopify", "X-Shopify-Access-Token: {v}", "shpat_" + r(HEX, 32), "API_KEY"),
    ("postman", "key {v}", "PMAK-" + r(HEX, 24) + "-" + r(HEX, 34), "API_KEY"),
    ("grafana service account", "grafana {v}", "glsa_" + r(ALNUM, 32) + "_" + r(HEX, 8), "API_KEY"),
    ("new relic", "NR key {v}", "NRAK-" + r(string.ascii_uppercase + string.digits, 27), "API_KEY"),
    ("linear", "linear {v}", "lin_api_" + r(ALNUM, 40), "API_KEY"),
    ("npm", "//registry.npmjs.org/:_authToken={v}", "npm_" + r(ALNUM, 36), "API_KEY"),
    ("pypi", "password = {v}", "pypi-AgEIcHlwaS5vcmc" + r(URLSAFE, 60), "API_KEY"),
    ("rubygems", "GEM_HOST_API_KEY {v}", "rubygems_" + r(HEX, 48), "API_KEY"),
    ("docker hub", "docker login -u acme -p {v}", "dckr_pat_" + r(URLSAFE, 27), "API_KEY"),
    ("mailgun", "mailgun {v}", "key-" + r(HEX, 32), "API_KEY"),
    ("mailgun sending key", '"mailgun_key":"{v}"', r(HEX, 32) + "-" + r(HEX, 8) + "-" + r(HEX, 8), "API_KEY"),
    ("mailchimp", "mailchimp {v}", r(HEX, 32) + "-us14", "API_KEY"),
    ("square", "square {v}", "sq0atp-" + r(URLSAFE, 22), "API_KEY"),
    ("stripe webhook secret", "endpoint secret {v}", "whsec_" + r(ALNUM, 32), "STRIPE_SECRET_KEY"),
    ("sendinblue", "brevo {v}", "xkeysib-" + r(HEX, 64) + "-" + r(ALNUM, 16), "API_KEY"),
    ("notion", "notion {v}", "ntn_" + r(string.digits, 11) + r(ALNUM, 35), "API_KEY"),
    ("airtable", "airtable {v}", "pat" + r(ALNUM, 14) + "." + r(HEX, 64), "API_KEY"),
    ("figma", "figma {v}", "figd_" + r(URLSAFE, 40), "API_KEY"),
    ("telegram", "bot {v} is live", r(string.digits, 10) + ":AA" + r(URLSAFE, 33), "API_KEY"),
    ("age", "identity {v}", "AGE-SECRET-KEY-1" + r("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), "PRIVATE_KEY"),
    ("vault", "VAULT_TOKEN is {v}", "hvs." + r(URLSAFE, 90), "API_KEY"),
    ("terraform cloud", "token {v}", r(ALNUM, 14) + ".atlasv1." + r(URLSAFE, 67), "API_KEY"),
    ("planetscale", "pscale {v}", "pscale_tkn_" + r(URLSAFE, 43), "API_KEY"),
    ("groq", "groq {v}", "gsk_" + r(ALNUM, 52), "API_KEY"),
    ("langsmith", "LANGSMITH {v}", "lsv2_pt_" + r(HEX, 32) + "_" + r(HEX, 10), "API_KEY"),
    ("google oauth", "Authorization = {v}", "ya29." + r(URLSAFE, 80), "GOOGLE_API_KEY"),
    ("google client secret", "client_secret {v}", "GOCSPX-" + r(URLSAFE, 28), "GOOGLE_API_KEY"),
    ("sentry dsn", "SENTRY_DSN=https://{v}@o123456.ingest.sentry.io/7654321", r(HEX, 32), "API_KEY"),
    # the families adopted from CredSweeper's rule set
    ("akamai", "client_token = {v}", "akab-" + r(string.ascii_lowercase + string.digits, 16) + "-" + r(string.ascii_lowercase + string.digits, 16), "API_KEY"),
    ("aws bedrock", "BEDROCK {v}", "ABSK" + r(ALNUM + "+/", 120), "API_KEY"),
    ("aws appsync", "appsync key {v}", "da2-" + r(string.ascii_lowercase + string.digits, 26), "API_KEY"),
    ("aws mws", "mws {v}", "amzn.mws." + uuid4_text(), "API_KEY"),
    ("defined networking", "dn {v}", "dnkey-" + r(string.ascii_uppercase + "234567", 26) + "-" + r(string.ascii_uppercase + "234567", 52), "API_KEY"),
    ("instagram", "ig {v}", "IGQVJ" + r(URLSAFE, 160), "API_KEY"),
    ("paseto", "Authorization: {v}", "v4.local." + r(URLSAFE, 120), "SECRET"),
    ("paserk", "key {v}", "k4.secret." + r(URLSAFE, 86), "PRIVATE_KEY"),
    ("braintree", "gateway = {v}", "access_token$production$" + r(string.ascii_lowercase + string.digits, 16) + "$" + r(HEX, 32), "API_KEY"),
    ("github app installation", "token {v}", "ghs_12345_eyJ" + r(URLSAFE, 40) + "." + r(URLSAFE, 60) + "." + r(URLSAFE, 43), "GITHUB_TOKEN"),
    ("cloudflare", "cf {v}", "cfut_" + r(ALNUM, 40) + r(HEX, 8), "API_KEY"),
    ("nkey seed", "seed: {v}", "SU" + r(string.ascii_uppercase + "234567", 56), "PRIVATE_KEY"),
    ("docker swarm", "docker swarm join --token {v} 10.0.0.5:2377", "SWMTKN-1-" + r(string.ascii_lowercase + string.digits, 50) + "-" + r(string.ascii_lowercase + string.digits, 25), "SECRET"),
    ("tailscale", "tailscale up --authkey {v}", "tskey-auth-" + r(ALNUM, 17) + "-" + r(ALNUM, 33), "API_KEY"),
    ("tavily", "tavily {v}", "tvly-" + r(ALNUM, 32), "API_KEY"),
    ("1password", "OP_SERVICE_ACCOUNT {v}", "ops_eyJ" + r(URLSAFE, 200), "API_KEY"),
    ("together", "together {v}", "tgp_v1_" + r(URLSAFE, 43), "API_KEY"),
    ("llamacloud", "llama {v}", "llx-" + r(ALNUM, 48), "API_KEY"),
    ("sonarqube", "sonar.token {v}", "squ_" + r(HEX, 40), "API_KEY"),
    ("nylas", "nylas {v}", "nyk_v0_" + r(URLSAFE, 64), "API_KEY"),
    ("wakatime", "waka {v}", "waka_" + uuid4_text(), "API_KEY"),
    ("riot", "riot {v}", "RGAPI-" + uuid4_text(), "API_KEY"),
    ("hubspot", "hubspot {v}", "pat-na1-" + uuid4_text(), "API_KEY"),
    ("plaid", "plaid {v}", "access-production-" + uuid4_text(), "API_KEY"),
    ("sourcegraph", "src {v}", "sgp_" + r(HEX, 16) + "_" + r(HEX, 40), "API_KEY"),
    ("vercel", "vercel {v}", "vcp_" + r(ALNUM, 56), "API_KEY"),
    ("netlify", "netlify {v}", "nfp_" + r(ALNUM, 36), "API_KEY"),
    ("posthog personal", "posthog {v}", "phx_" + r(ALNUM, 47), "API_KEY"),
    ("wundergraph", "cosmo {v}", "cosmo_" + r(HEX, 32), "API_KEY"),
    ("ntlm", "Authorization: NTLM {v}", "TlRMTVNTUAADAAAA" + r(ALNUM + "+/", 60), "SECRET"),
    ("grafana provisioned", "grafana {v}", "eyJrIjoi" + r(ALNUM, 80), "API_KEY"),
    ("octopus", "octo {v}", "API-" + r(string.ascii_uppercase + string.digits, 26), "API_KEY"),
    ("openshift", "oc login --token={v}", "sha256~" + r(URLSAFE, 43), "API_KEY"),
    ("harness", "harness {v}", "pat." + r(URLSAFE, 22) + "." + r(HEX, 24) + "." + r(ALNUM, 20), "API_KEY"),
    ("powershell", "$pw = ConvertTo-SecureString '{v}' -AsPlainText -Force", "Pl@in" + r(ALNUM, 8), "PASSWORD"),
]


@pytest.mark.parametrize("family, template, value, entity", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_provider_token_found(detector: Detector, family: str, template: str, value: str, entity: str) -> None:
    text = template.format(v=value)
    hits = found(detector, text)
    assert any(value in hit for _, hit in hits), hits
    assert any(e == entity for e, hit in hits if value in hit), hits


PLACEHOLDERS = [
    'GITLAB_TOKEN = "glpat-xxxxxxxxxxxxxxxxxxxx"',
    'GITLAB_TOKEN = os.environ["GITLAB_TOKEN"]',
    "SLACK_BOT=${SLACK_BOT_TOKEN}",
    "AZURE_CLIENT_SECRET=<your client secret>",
    'login(token=os.getenv("HF_TOKEN"))',
    "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
    '"mailgun_key": "changeme"',
    "docker login -u acme --password-stdin",
    "VAULT_TOKEN is read from the environment",
    "The runner registers with a registration token from the project's settings.",
    "apiKey = process.env.API_KEY || \"\"",
    "sort_key = 'created_at_2024_region'",
    "primary_key=True, partition_key=\"customer_id\"",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_the_same_field_without_a_secret_is_kept(detector: Detector, text: str) -> None:
    assert found(detector, text) == []


SHA1 = r(HEX, 40)
SHA256 = r(HEX, 64)
SRI = "sha512-" + r(ALNUM + "+/", 86) + "=="
TECHNICAL = [
    f"commit {SHA1}\nMerge: {SHA1[:7]} {r(HEX, 7)}",
    f"- uses: actions/checkout@{SHA1} # v4",
    f"FROM python:3.12-slim@sha256:{SHA256}",
    f"{SHA256}  dist/app-1.4.2.tar.gz",
    f"requests==2.32.3 --hash=sha256:{SHA256}",
    f'"integrity": "{SRI}"',
    f"lodash@^4.17.21:\n  integrity {SRI}",
    f'checksum = "{SHA256}"',
    f"golang.org/x/text v0.14.0 h1:{r(ALNUM + '+/', 43)}=",
    f"request_id={uuid4_text()} status=200",
    f"idempotency_key = \"{uuid4_text()}\"",
    f"AZURE_CLIENT_ID={uuid4_text()}\nAZURE_TENANT_ID={uuid4_text()}",
    f'.logo {{ background: url("data:image/png;base64,iVBORw0KGgo{r(ALNUM + "+/", 120)}"); }}',
    "OPENAI_API_KEY=<YOUR_API_KEY>",
    "API_TOKEN: ${{ secrets.API_TOKEN }}",
    'api_key: "{{ .Values.apiKey }}"',
    "export GITLAB_TOKEN=$(cat /run/secrets/gitlab_token)",
    "PASSWORD_MIN_LENGTH = 12\nTOKEN_TTL_SECONDS = 3600",
    "password_reset_timeout: 86400",
    'secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"',
    'cache_key = "user:42:profile:v3"',
    "kubectl create secret generic db --from-file=password=./db-pass.txt",
    f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{r(ALNUM + '+/', 43)} deploy@build-01",
    f"-----BEGIN CERTIFICATE-----\nMIID{r(ALNUM + '+/', 64)}\n-----END CERTIFICATE-----",
    f'const stripe = Stripe("pk_live_{r(ALNUM, 99)}");',
    f":root {{ --brand: #{r(HEX, 6)}; --overlay: #{r(HEX, 8)}; }}",
    f"job {r(string.ascii_uppercase + string.digits, 26)} pod web-api-{r(HEX, 10)}-{r(string.ascii_lowercase, 5)}",
    f"The secret key rotation landed in commit {SHA1} yesterday.",
    "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX",
    "ANTHROPIC_API_KEY=sk-ant-api03-...",
    'token = "1234567890abcdef1234567890abcdef"',
    "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev",
    "-----BEGIN OPENSSH PRIVATE KEY-----\n<redacted>\n-----END OPENSSH PRIVATE KEY-----",
    "boto3.Session(aws_access_key_id='AKIAIOSFODNN7EXAMPLE', aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')",
    "session = boto3.Session(\n    region_name='eu-west-1')",
    'secret = client.secrets.kv.v2.read_secret_version(path="analytics/snowflake")',
    "apiVersion: v1\nkind: ConfigMap\ndata:\n  mode: cHJvZHVjdGlvbg==\n",
    "password: Enter your password",
    "Password: (leave blank for none)",
    "password: !secret db_password",
    '"password": "••••••••"',
    '"sid": "S-1-5-21-3623811015-3361044348-30300820-1013"',
    "password_policy:\n  min_length: 12\n  require_symbols: true",
    '--password "$(op read op://vault/db/password)"',
]


@pytest.mark.parametrize("text", TECHNICAL)
def test_secret_free_technical_text_is_kept(detector: Detector, text: str) -> None:
    """Hashes, digests, ids, lock-file integrity, data URIs, placeholders, settings, public keys, colours."""
    assert found(detector, text) == []


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


JWT = ".".join([b64url(b'{"alg":"RS256","typ":"JWT"}'), b64url(b'{"sub":"u-4821","exp":1893456000}'), r(URLSAFE, 43)])


@pytest.mark.parametrize("template", [
    "Cookie: session={v}; theme=dark",
    "GET /callback?id_token={v}&state=xyz HTTP/1.1",
    "https://app.example.com/#access_token={v}",
    "Set-Cookie: auth={v}; HttpOnly; Secure",
    "https://app.example.com/reset/{v}",
])
def test_jwt_inside_cookies_and_urls(detector: Detector, template: str) -> None:
    hits = found(detector, template.format(v=JWT), "log")
    assert any(JWT in hit for _, hit in hits), hits


@pytest.mark.parametrize("text, value", [
    ('DB_PASSWORD=p@ss word! 12', "p@ss word! 12"),
    ("  password: correct horse battery staple", "correct horse battery staple"),
    ('smtp_password = "Tr0ub4dor&3 is; fine"', "Tr0ub4dor&3 is; fine"),
    ("./sync --db-password=winter tigre purple 42 --batch-size 500", "winter tigre purple 42"),
    ("mysql -u root --password Sup3r#Secret warehouse", "Sup3r#Secret"),
    ("login ok user=alice password=Sw0rd(f1sh! ip=unknown", "Sw0rd(f1sh!"),
    ("PASS=Winter2024!", "Winter2024!"),
    ('"pw": "Tr0ub4dor&3"', "Tr0ub4dor&3"),
    ("Passwort: Tr0ub4dor&3", "Tr0ub4dor&3"),
    ("mot_de_passe: Tr0ub4dor&3", "Tr0ub4dor&3"),
    ("use password Tr0ub4dor&3 to log in", "Tr0ub4dor&3"),
    ('"pass": "Sw0rd(f1sh!"', "Sw0rd(f1sh!"),
    ("<password>Tr0ub4dor&amp;3</password>", "Tr0ub4dor&amp;3"),
    ("$cred = ConvertTo-SecureString 'Pl@in Text 9' -AsPlainText -Force", "Pl@in Text 9"),
])
def test_passwords_with_symbols_and_spaces(detector: Detector, text: str, value: str) -> None:
    assert ("PASSWORD", value) in found(detector, text, "log")


@pytest.mark.parametrize("text", [
    "./sync --db-password=$DB_PASSWORD --batch-size 500",
    "The password is stored in vault",
    'password = get_password("warehouse")',
    "tests: 120\npass: 118\nfail: 2",
    "my $pass = $ENV{DB_PASS};",
    "<password></password>",
    "Click Reset password reset123 is not a password, and password v2 ships soon.",
    "The password_hash column uses bcrypt2b hashing.",
])
def test_password_fields_without_a_password_are_kept(detector: Detector, text: str) -> None:
    assert found(detector, text, "log") == []


@pytest.mark.parametrize("text, value", [
    ("curl -H 'Authorization: Basic {v}' https://api.example.com", base64.b64encode(b"svc-export:Zq8#mW2!vR").decode()),
    ("./deploy --token {v} --region eu", r(ALNUM, 32)),
    ("DATADOG_API_KEY={v}", r(HEX, 32)),
    ("HEROKU_API_KEY: {v}", "-".join(r(HEX, n) for n in (8, 4, 4, 4, 12))),
    ("X-Api-Key: {v}", r(ALNUM, 40)),
    ('const apiKey = process.env.DD_API_KEY || "{v}";', r(HEX, 40)),
    ('token = os.getenv("SERVICE_TOKEN", "{v}")', r(ALNUM, 30)),
    ("conn = {{'AccountKey': '{v}'}}", r(ALNUM + "+/", 86) + "=="),
    ('Analytics({{ writeKey: "{v}" }})', r(ALNUM, 32)),
    ('algoliaAdminKey = "{v}"', r(HEX, 32)),
    ("Authorization: Token {v}", r(ALNUM, 40)),
    ("Authorization: SSWS {v}", "00" + r(URLSAFE, 40)),
    ("Authorization: Bot {v}", r(ALNUM, 40)),
    ("auth: {v}", r(ALNUM, 32)),
    ("<apiKey>{v}</apiKey>", r(ALNUM, 32)),
    ('<add key="StorageKey" value="{v}" />', r(ALNUM + "+/", 86) + "=="),
    ("ASANA_PAT={v}", "1/" + r(string.digits, 13) + ":" + r(HEX, 32)),
    ("GH_PAT: {v}", r(ALNUM, 36)),
    ("wss://stream.example.com/?key={v}", r(ALNUM, 32)),
    ('    datadog_api_key: str = "{v}"', r(HEX, 32)),
    ('    secret = b"{v}"\n    mac = hmac.new(secret, body, hashlib.sha256)', r(ALNUM, 28)),
    ("kubectl create secret generic x --from-literal=cloudflare-api-token={v}", "-" + r(URLSAFE, 39)),
    ("apiVersion: v1\nkind: Secret\ndata:\n  connection: {v}\n", base64.b64encode(r(ALNUM, 12).encode()).decode()),
    ("export AWS_SESSION_TOKEN={v}", "IQoJb3JpZ2luX2Vj" + r(ALNUM + "+/", 200)),
    ('client = ApiClient::new("{v}");', "00" + r(ALNUM, 20) + "_" + r(ALNUM, 19)),
    ("send them {v}, should I?", r(HEX, 36) + "NRAL"),
    ("DOPPLER_TOKEN: {v}", "dp.st.prd_eu." + r(ALNUM, 43)),
    ('FCM_SERVER_KEY="{v}"', "AAAA" + r(URLSAFE, 7) + ":APA91b" + r(URLSAFE, 134)),
    ('cache: "redis://:{v}@localhost:6379/0"', "harbor%20cobalt%20" + r(ALNUM, 8)),
])
def test_key_like_names_and_headers(detector: Detector, text: str, value: str) -> None:
    hits = found(detector, text.format(v=value), "code")
    assert any(value in hit for _, hit in hits), hits


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fails the test if it runs for minutes: a regex that backtracks never finishes on these inputs."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("detection did not finish")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


HOSTILE = ["glpat-" + "a-" * 500_000, "x" + "=x" * 500_000, "1" + " 1" * 500_000, "a@" * 500_000,
           "password=" + "p " * 500_000, "aa [at] " * 125_000, "--token " * 125_000, "ssn=" + "1-" * 500_000]


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_a_hostile_million_characters_complete(detector: Detector, alarm: None, index: int) -> None:
    """Long runs of token, key, address and number characters that nothing completes."""
    text = HOSTILE[index]
    detector.detect(text, [Span(0, len(text), DataClass.INPUT, False, "code")])
