"""A tuning set for issue 10's secrets: technical text with nothing secret in it, which must pass whole,
beside the secret families the issue lists, written where a prompt carries them.

Dev data only (its errors are printed by the blind bench's `--dev`): written by the author of the secret
recognizers, so it is no measure, only a wider net than the blind set's dev split. The cases have the
blind set's format, so the blind bench reads them:

    .venv/bin/python -m tests.datagen.secrets_dev /tmp/secrets_dev          # writes blind_pii_dev.jsonl there
    .venv/bin/python -m tests.bench.bench_blind_pii --dev --no-stock --data /tmp/secrets_dev

Every random value is drawn here from a fixed seed, in each format's published alphabet and length; no
case is taken from a scanner's test suite.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import sys
import uuid
from pathlib import Path

from tests.datagen.secrets_dev_shapes import shape_negatives, shape_positives

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "_-"
B64 = ALNUM + "+/"
UPPER32 = string.ascii_uppercase + "234567"


class Draw:
    """Random values of the formats below, from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def s(self, alphabet: str, n: int) -> str:
        while True:
            body = "".join(self.rng.choice(alphabet) for _ in range(n))
            mixed = any(c.isdigit() for c in alphabet) and any(c.isalpha() for c in alphabet)
            if n < 6 or not mixed or (any(c.isdigit() for c in body) and any(c.isalpha() for c in body)):
                return body

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(bytes(self.rng.getrandbits(8) for _ in range(nbytes))).decode()

    def sha(self, name: str = "sha256") -> str:
        return hashlib.new(name, self.s(ALNUM, 16).encode()).hexdigest()

    def word(self) -> str:
        return self.pick(["orders", "billing", "ingest", "reports", "warehouse", "auth", "search", "export"])


# ---- texts with nothing to find: (template, the values each `{}` gets); every value must survive ----
Keep = tuple[str, list[str]]


def negatives(d: Draw) -> list[tuple[str, Keep]]:
    sha1, sha2, short = d.sha("sha1"), d.sha("sha1"), d.sha("sha1")[:7]
    digest, md5 = d.sha(), d.sha("md5")
    u1, u2 = d.uuid(), d.uuid()
    sri = "sha512-" + d.b64(64)
    sri384 = "sha384-" + d.b64(48)
    png = "data:image/png;base64," + "iVBORw0KGgo" + d.b64(90)
    woff = "data:font/woff2;base64," + d.b64(120)
    ssh_pub = "AAAAC3NzaC1lZDI1NTE5AAAAI" + d.s(B64, 43)
    rsa_pub = "AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + d.s(B64, 300)
    cert_body = "MIID" + d.s(B64, 60) + "\n" + d.s(B64, 64) + "\n" + d.s(B64, 40) + "=="
    pub_body = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + d.s(B64, 20) + "\n" + d.s(B64, 64) + "\nIDAQAB"
    go_h1 = "h1:" + d.b64(32)
    etag = d.sha("md5")
    mongo = d.s(HEX, 24)
    ulid = d.s("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)
    inst = "i-0" + d.s(HEX, 16)
    colour1, colour2 = "#" + d.s("0123456789abcdef", 6), "#" + d.s("0123456789ABCDEF", 8)
    chatcmpl = "chatcmpl-" + d.s(ALNUM, 29)
    call = "call_" + d.s(ALNUM, 24)
    toolu = "toolu_01" + d.s(ALNUM, 22)
    msg = "msg_01" + d.s(ALNUM, 22)
    cus = "cus_" + d.s(ALNUM, 14)
    pi = "pi_3" + d.s(ALNUM, 23)
    pk = "pk_live_" + d.s(ALNUM, 99)
    k8s_pod = f"{d.word()}-api-{d.s(HEX[:10] + 'bcdf', 10)}-{d.s('bcdfghjklmnpqrstvwxz2456789', 5)}"
    span_id, trace_id = d.s(HEX, 16), d.s(HEX, 32)
    wh = d.word()
    return [
        ("git", (f"commit {sha1}\nAuthor: CI Bot <ci@builds.example>\nDate:   Tue Nov 4 10:12:44 2025 +0000\n\n"
                 f"    Fix flaky retry in {wh} client", [sha1])),
        ("git", (f"Can you explain why `git revert {short}` conflicts? HEAD is at {sha2[:12]} and the merge base is {sha1}.",
                 [short, sha2[:12], sha1])),
        ("git", (f"- uses: actions/checkout@{sha1} # v4.1.1\n- uses: actions/setup-python@{sha2}", [sha1, sha2])),
        ("digest", (f"FROM python:3.12-slim@sha256:{digest}\nRUN pip install -r requirements.txt", [digest])),
        ("digest", (f"{digest}  dist/{wh}-1.4.2.tar.gz\n{md5}  dist/{wh}-1.4.2.whl", [digest, md5])),
        ("digest", (f'checksum = "{digest}"\nname = "serde"\nversion = "1.0.197"', [digest])),
        ("digest", (f"requests==2.32.3 \\\n    --hash=sha256:{digest}", [digest])),
        ("digest", (f'{wh}-sdk = {{version = "2.1.0", hash = "sha256:{digest}"}}', [digest])),
        ("uuid", (f"2025-11-04T10:12:44Z INFO request_id={u1} tenant=acme status=200 duration_ms=41", [u1])),
        ("uuid", (f'{{"id": "{u1}", "parent_id": "{u2}", "type": "folder"}}', [u1, u2])),
        ("uuid", (f"X-Request-Id: {u1}\nX-Correlation-Id: {u2}", [u1, u2])),
        ("uuid", (f"SELECT * FROM jobs WHERE job_uuid = '{u1}' AND attempt > 2;", [u1])),
        ("integrity", (f'"node_modules/lodash": {{\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "{sri}"\n}}',
                       [sri])),
        ("integrity", (f'lodash@^4.17.21:\n  version "4.17.21"\n  integrity {sri}', [sri])),
        ("integrity", (f'<script src="https://cdn.example.net/lib.min.js" integrity="{sri384}" crossorigin="anonymous"></script>',
                       [sri384])),
        ("integrity", (f"golang.org/x/text v0.14.0 {go_h1}", [go_h1])),
        ("data_uri", (f'.logo {{ background: url("{png}"); }}', [png])),
        ("data_uri", (f"@font-face {{ src: url({woff}) format('woff2'); }}", [woff])),
        ("placeholder", ('OPENAI_API_KEY=<YOUR_API_KEY>\nANTHROPIC_API_KEY=<your-anthropic-key>', ["<YOUR_API_KEY>", "<your-anthropic-key>"])),
        ("placeholder", ("env:\n  API_TOKEN: ${{ secrets.API_TOKEN }}\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}",
                         ["${{ secrets.API_TOKEN }}", "${{ secrets.DB_PASSWORD }}"])),
        ("placeholder", ('api_key: "{{ .Values.apiKey }}"\nclient_secret: {{ vault "secret/data/app" "client_secret" }}',
                         ["{{ .Values.apiKey }}"])),
        ("placeholder", ('client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\ntoken = os.getenv("GITHUB_TOKEN")',
                         ['os.environ["OPENAI_API_KEY"]', 'os.getenv("GITHUB_TOKEN")'])),
        ("placeholder", ("const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\nconst secret = config.get('jwtSecret');",
                         ["process.env.STRIPE_SECRET_KEY", "config.get('jwtSecret')"])),
        ("placeholder", ('export AWS_SECRET_ACCESS_KEY="$AWS_SECRET"\nexport GITLAB_TOKEN=$(cat /run/secrets/gitlab_token)',
                         ['"$AWS_SECRET"', "$(cat /run/secrets/gitlab_token)"])),
        ("placeholder", ("password: ********\napi_key: sk-...\ntoken: xxxxxxxxxxxxxxxxxxxxxxxx\nsecret: REPLACE_ME",
                         ["********", "sk-...", "xxxxxxxxxxxxxxxxxxxxxxxx", "REPLACE_ME"])),
        ("placeholder", ('@Value("${stripe.api-key}")\nprivate String apiKey;\nString pw = System.getenv("DB_PASSWORD");',
                         ['"${stripe.api-key}"', 'System.getenv("DB_PASSWORD")'])),
        ("placeholder", ("valueFrom:\n  secretKeyRef:\n    name: app-secrets\n    key: api-token", ["app-secrets", "api-token"])),
        ("placeholder", ("curl -H \"Authorization: Bearer $TOKEN\" -H 'X-API-Key: %API_KEY%' https://api.example.com/v1/items",
                         ["$TOKEN", "%API_KEY%"])),
        ("key_name", ("PASSWORD_MIN_LENGTH = 12\nTOKEN_TTL_SECONDS = 3600\nAPI_KEY_HEADER = \"X-API-Key\"",
                      ["PASSWORD_MIN_LENGTH = 12", "TOKEN_TTL_SECONDS = 3600", '"X-API-Key"'])),
        ("key_name", ('{"max_tokens": 4096, "token_count": 1532, "secret_name": "prod/db/credentials", "token_type": "bearer"}',
                      ['"max_tokens": 4096', '"token_count": 1532', "prod/db/credentials", '"bearer"'])),
        ("key_name", ('TOKEN_URL = "https://login.example.com/oauth2/v2.0/token"\nsecret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"',
                      ["https://login.example.com/oauth2/v2.0/token", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"])),
        ("key_name", ("kms_key_id = \"alias/" + wh + "-data\"\nssh_key_path = \"~/.ssh/id_ed25519\"\ncache_key = \"user:42:profile:v3\"",
                      ["alias/" + wh + "-data", "~/.ssh/id_ed25519", "user:42:profile:v3"])),
        ("key_name", (f"idempotency_key = \"{u1}\"\nprimary_key = \"order_id\"\nforeign_key = \"customer_id\"", [u1, "order_id"])),
        ("key_name", ("The `password` field is required and `api_key` may be empty; `token` comes from the login call.",
                      ["`password` field is required", "`api_key` may be empty"])),
        ("public_key", (f"ssh-ed25519 {ssh_pub} deploy@build-01", [ssh_pub])),
        ("public_key", (f"authorized_keys:\n  - ssh-rsa {rsa_pub} ops@bastion", [rsa_pub[:120]])),
        ("public_key", (f"-----BEGIN CERTIFICATE-----\n{cert_body}\n-----END CERTIFICATE-----", [cert_body])),
        ("public_key", (f"-----BEGIN PUBLIC KEY-----\n{pub_body}\n-----END PUBLIC KEY-----", [pub_body])),
        ("public_key", (f'const stripe = Stripe("{pk}");', [pk])),
        ("id", (f"Stripe returned {pi} for customer {cus} and the webhook retried twice.", [pi, cus])),
        ("id", (f'{{"id": "{chatcmpl}", "choices": [{{"message": {{"tool_calls": [{{"id": "{call}"}}]}}}}]}}', [chatcmpl, call])),
        ("id", (f'{{"id": "{msg}", "content": [{{"type": "tool_use", "id": "{toolu}", "name": "bash"}}]}}', [msg, toolu])),
        ("id", (f"aws ec2 describe-instances --instance-ids {inst} --region eu-west-1", [inst])),
        ("id", (f'db.orders.find({{"_id": ObjectId("{mongo}")}})', [mongo])),
        ("id", (f"job {ulid} finished; pod {k8s_pod} restarted 3 times", [ulid, k8s_pod])),
        ("id", (f'ETag: "{etag}"\ntraceparent: 00-{trace_id}-{span_id}-01', [etag, trace_id, span_id])),
        ("colour", (f":root {{ --brand: {colour1}; --overlay: {colour2}; }}", [colour1, colour2])),
        ("colour", (f'theme = {{"primary": "{colour1}", "muted": "{colour2}"}}', [colour1, colour2])),
    ] + more_negatives(d, sha1, digest, u1, u2)


def more_negatives(d: Draw, sha1: str, digest: str, u1: str, u2: str) -> list[tuple[str, Keep]]:
    """Key-like names whose values are references, settings, ids or public material."""
    jwk_n = d.s(URLSAFE, 342)
    eth, tx = "0x" + d.s(HEX, 40), "0x" + d.s(HEX, 64)
    gpg = d.s("0123456789ABCDEF", 16)
    fingerprint = "SHA256:" + d.b64(32).rstrip("=")
    doc_id = d.s(URLSAFE, 44)
    chunk = d.s(HEX, 8)
    container = d.s(HEX, 12)
    client_id = f"{d.s(string.digits, 12)}-{d.s(string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"
    blob = d.b64(150)
    return [
        ("reference", ('password = var.db_password\nmaster_password = random_password.db.result\n'
                       'secret_string = data.aws_secretsmanager_secret_version.db.secret_string',
                       ["var.db_password", "random_password.db.result", "data.aws_secretsmanager_secret_version.db.secret_string"])),
        ("reference", ("API_KEY = settings.API_KEY\npassword = request.form['password']\ntoken = jwt.encode(payload, key, algorithm=\"HS256\")",
                       ["settings.API_KEY", "request.form['password']", "jwt.encode(payload, key"])),
        ("reference", ('headers = {"Authorization": f"Bearer {access_token}", "X-Api-Key": api_key}',
                       ['f"Bearer {access_token}"', '"X-Api-Key": api_key'])),
        ("reference", ("client_secret=YOUR_CLIENT_SECRET&code=AUTHORIZATION_CODE&access_token=ACCESS_TOKEN",
                       ["YOUR_CLIENT_SECRET", "AUTHORIZATION_CODE", "ACCESS_TOKEN"])),
        ("reference", ("imagePullSecrets:\n  - name: regcred\nserviceAccountToken: projected\ntokenExpirationSeconds: 7200",
                       ["regcred", "tokenExpirationSeconds: 7200"])),
        ("reference", ("gh auth login --with-token < token.txt\nkubectl create secret generic db --from-file=password=./db-pass.txt",
                       ["--with-token < token.txt", "--from-file=password=./db-pass.txt"])),
        ("reference", ("./app --token-file /var/run/secrets/token --password-file /etc/app/pw --api-key-env OPENAI_API_KEY",
                       ["--token-file /var/run/secrets/token", "--password-file /etc/app/pw", "--api-key-env OPENAI_API_KEY"])),
        ("setting", ("token_endpoint_auth_method: client_secret_basic\npassword_reset_timeout: 86400\nsecret: false\ntoken: null\napi_key: ~",
                     ["client_secret_basic", "password_reset_timeout: 86400", "secret: false", "token: null", "api_key: ~"])),
        ("setting", ("PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']\nSESSION_COOKIE_AGE = 1209600",
                     ["django.contrib.auth.hashers.Argon2PasswordHasher", "1209600"])),
        ("setting", ("CREATE TABLE users (id BIGINT, password_hash TEXT NOT NULL, api_key_hash CHAR(64), reset_token VARCHAR(128));\n"
                     "UPDATE users SET reset_token = NULL WHERE reset_token_expires_at < now();",
                     ["password_hash TEXT NOT NULL", "api_key_hash CHAR(64)", "reset_token = NULL"])),
        ("setting", ('{"key": "settings.profile.title", "value": "Profile"}\n<li key={item.id}>{item.label}</li>',
                     ["settings.profile.title", "key={item.id}"])),
        ("setting", ('{"tokens": ["the", "quick", "brown"], "token_ids": [1820, 2068, 7586], "eos_token": "</s>"}',
                     ['"token_ids": [1820, 2068, 7586]', '"eos_token": "</s>"'])),
        ("id", (f"AZURE_CLIENT_ID={u1}\nAZURE_TENANT_ID={u2}\nAZURE_SUBSCRIPTION_ID={u1}", [u1, u2])),
        ("id", (f"GOOGLE_CLIENT_ID={client_id}", [client_id])),
        ("id", (f"/subscriptions/{u1}/resourceGroups/rg-{d.word()}/providers/Microsoft.Storage/storageAccounts/acmelogs", [u1])),
        ("id", (f"Open https://docs.google.com/document/d/{doc_id}/edit and fix the intro.", [doc_id])),
        ("id", (f"build=2025.11.04 commit={sha1} image_digest=sha256:{digest}", [sha1, digest])),
        ("id", (f"static/js/main.{chunk}.js   142.3 kB\nCONTAINER ID   IMAGE\n{container}   nginx:1.27", [chunk, container])),
        ("public_key", (f'{{"keys": [{{"kty": "RSA", "kid": "{d.s(URLSAFE, 20)}", "use": "sig", "n": "{jwk_n}", "e": "AQAB"}}]}}', [jwk_n])),
        ("public_key", (f"git config --global user.signingkey {gpg}\nThe host key fingerprint is {fingerprint}.", [gpg, fingerprint])),
        ("crypto_address", (f"Send the refund to {eth}; the deposit was transaction {tx}.", [eth, tx])),
        ("hash_in_prose", (f"The release tarball's SHA-256 should be {digest} - mine prints a different one. Why?", [digest])),
        ("blob", (f'{{"type": "image", "source": {{"type": "base64", "media_type": "image/png", "data": "{blob}"}}}}', [blob])),
        ("form", ("password: Enter your password\nPassword: (leave blank for none)\npassword_confirmation: Confirm your password",
                  ["Enter your password", "(leave blank for none)", "Confirm your password"])),
        ("reference", ('password: !secret db_password\n"api_key": "••••••••"\n--password "$(op read op://vault/db/password)"',
                       ["!secret db_password", "••••••••", "$(op read op://vault/db/password)"])),
        ("setting", ("password_policy:\n  min_length: 12\n  require_symbols: true", ["min_length: 12"])),
        ("id", ('"sid": "S-1-5-21-3623811015-3361044348-30300820-1013"', ["S-1-5-21-3623811015-3361044348-30300820-1013"])),
        ("filler", ("GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\naws_access_key_id = AKIAXXXXXXXXXXXXXXXX\n"
                    "ANTHROPIC_API_KEY=sk-ant-api03-...\ntoken = \"1234567890abcdef1234567890abcdef\"",
                    ["ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "AKIAXXXXXXXXXXXXXXXX", "sk-ant-api03-...",
                     "1234567890abcdef1234567890abcdef"])),
        ("placeholder", ("DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev\n"
                         "-----BEGIN OPENSSH PRIVATE KEY-----\n<redacted>\n-----END OPENSSH PRIVATE KEY-----",
                         ["postgres://postgres:postgres@localhost", "<redacted>"])),
        ("jwt_header", ("A JWT header such as eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 decodes to the algorithm and type.",
                        ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"])),
    ]


# ---- the families the issue lists, each written where a prompt carries it: (family, template, value) ----
def positives(d: Draw) -> list[tuple[str, str, str]]:
    jwt = ".".join(base64.urlsafe_b64encode(p).decode().rstrip("=") for p in (
        b'{"alg":"HS256","typ":"JWT"}', json.dumps({"sub": d.s(HEX, 8), "iat": 1760000000}).encode())) + "." + d.s(URLSAFE, 43)
    return [
        ("gitlab", 'GITLAB_DEPLOY_TOKEN="{v}"', "gldt-" + d.s(URLSAFE, 20)),
        ("gitlab", "gitlab-runner register --token {v}", "glrt-" + d.s(URLSAFE, 20)),
        ("gitlab", 'curl -X POST -F token={v} -F ref=main https://gitlab.example.com/api/v4/projects/7/trigger/pipeline', "glptt-" + d.s(HEX, 40)),
        ("gitlab", "https://gitlab.example.com/acme/app/-/commits/main?format=atom&feed_token={v}", "glft-" + d.s(URLSAFE, 20)),
        ("gitlab", "the job used CI_JOB_TOKEN {v} to pull the registry", "glcbt-" + d.s(HEX, 2) + "_" + d.s(URLSAFE, 20)),
        ("slack_webhook", "SLACK_WEBHOOK_URL={v}", "https://hooks.slack.com/services/T" + d.s(UPPER32, 8) + "/B" + d.s(UPPER32, 10) + "/" + d.s(ALNUM, 24)),
        ("slack_webhook", 'notify: "{v}"', "https://hooks.slack.com/triggers/T" + d.s(UPPER32, 8) + "/" + d.s(string.digits, 13) + "/" + d.s(HEX, 32)),
        ("slack_token", "Authorization: Bearer {v}", "xoxe.xoxp-1-" + d.s(ALNUM, 80)),
        ("slack_token", "SLACK_APP_TOKEN={v}", "xapp-1-A" + d.s(UPPER32, 10) + "-" + d.s(string.digits, 13) + "-" + d.s(HEX, 64)),
        ("azure_client_secret", '"clientSecret": "{v}"', d.s(ALNUM, 3) + "8Q~" + d.s(ALNUM + "_~.-", 34)),
        ("azure_client_secret", "az login --service-principal -u app-id -p {v} --tenant acme", d.s(ALNUM, 3) + "7Q~" + d.s(ALNUM + "_~.-", 34)),
        ("aws_key_id", "aws_access_key_id = {v}", "ASIA" + d.s(UPPER32, 16)),
        ("aws_key_id", "the role {v} cannot assume", "AROA" + d.s(UPPER32, 16)),
        ("aws_key_id", "IAM group {v} and user {w}", "AGPA" + d.s(UPPER32, 16)),
        ("jwt", "Cookie: theme=dark; access_token={v}; lang=en", jwt),
        ("jwt", "GET /sso/callback?token={v}&next=%2Fhome HTTP/1.1", jwt),
        ("saas_after_name", "DATADOG_APP_KEY={v}", d.s(HEX, 40)),
        ("saas_after_name", 'algolia_admin_api_key: "{v}"', d.s(HEX, 32)),
        ("saas_after_name", "export CLOUDFLARE_API_TOKEN={v}", d.s(URLSAFE, 40)),
        ("saas_after_name", '"x-auth-token": "{v}"', d.s(ALNUM, 36)),
        ("saas_after_name", "okta_api_token = '{v}'", "00" + d.s(URLSAFE, 40)),
        ("password", 'DB_PASSWORD="{v}"', "h7#Qz! pa ss&" + d.s(ALNUM, 4)),
        ("password", "spring.datasource.password={v}", d.s(ALNUM, 6) + "$%^ " + d.s(ALNUM, 5)),
        ("password", "  admin_password: '{v}'", d.s(ALNUM, 5) + " & " + d.s(ALNUM, 5) + "!"),
    ]


def cases(seed: int, rounds: int) -> list[dict]:
    d = Draw(seed)
    out: list[dict] = []
    for round_ in range(rounds):
        for family, (text, keep) in negatives(d) + shape_negatives(d):
            out.append({"id": f"sk-{round_}-{len(out)}", "text": text, "tenant": "acme", "kind": family,
                        "values": [], "keep": keep})
        for family, template, value in positives(d) + shape_positives(d):
            other = "AIDA" + d.s(UPPER32, 16)
            text = template.replace("{w}", other)
            start = text.index("{v}")
            text = text.replace("{v}", value)
            values = [{"entity": "SECRET", "family": family, "start": start, "end": start + len(value),
                       "value": value, "plain": value}]
            if "{w}" in template:
                at = text.index(other)
                values.append({"entity": "SECRET", "family": family, "start": at, "end": at + len(other),
                               "value": other, "plain": other})
            out.append({"id": f"sv-{round_}-{len(out)}", "text": text, "tenant": "acme", "kind": family,
                        "values": values, "keep": []})
    return out


def main(argv: list[str]) -> None:
    folder = Path(argv[0] if argv else "/tmp/secrets_dev")
    folder.mkdir(parents=True, exist_ok=True)
    rows = cases(seed=20261201, rounds=4)
    (folder / "blind_pii_dev.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in rows),
                                                 encoding="utf-8")
    print(f"{len(rows)} cases -> {folder / 'blind_pii_dev.jsonl'}")


if __name__ == "__main__":
    main(sys.argv[1:])
