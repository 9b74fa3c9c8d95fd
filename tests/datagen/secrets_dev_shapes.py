"""More dev cases for issue 10's secrets, in shapes the blind set's dev split may not hold: passwords with
no key-like name (prose, CLI flags, URLs, SQL, config files), provider keys with no prefix in prose after
the provider's name, keys in Dockerfiles, CI workflows, Terraform, Kubernetes manifests and notebook
outputs; and beside them, the same places holding nothing secret.

Dev data only, written by the recognizers' author (read by `tests.datagen.secrets_dev`). Each provider's
value is drawn in the alphabet and length its own documentation gives (Cohere and Mistral: 40 and 32
letters and digits; Twitch client secrets and tokens: 30 small letters and digits; Cloudflare API
tokens: 40 of letters, digits, `_` and `-`; Slack signing secrets: 32 hex; Azure DevOps PATs: 52 of
a-z2-7 or the 84-character form; Vercel: 24 letters and digits); no case is a scanner's test case.
"""

from __future__ import annotations

import string
from typing import Protocol

ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "_-"
B64 = ALNUM + "+/"
PW = ALNUM + "!#$%&*+-.=?@^_~"


class DrawLike(Protocol):
    def s(self, alphabet: str, n: int) -> str: ...
    def pick(self, options: list[str]) -> str: ...
    def uuid(self) -> str: ...
    def sha(self, name: str = "sha256") -> str: ...


def password(d: DrawLike) -> str:
    """A password a person picks: a word's shape with digits and a symbol or two."""
    word = d.pick(["Falcon", "river", "Quartz", "maple", "Orbit", "tango", "Cobalt", "willow"])
    return word + d.s(string.digits, 2) + d.pick(["!", "#", "$", "%", "&", "*", "?", "@"]) + d.s(ALNUM, 3)


def shape_positives(d: DrawLike) -> list[tuple[str, str, str]]:
    """(family, template with {v}, value)."""
    p = password
    return [
        # passwords without a key-like name before them, or in a shape of their own
        ("password", "For the staging box the password is {v} (don't share it).", p(d)),
        ("password", "you can log in as admin / {v} on the staging panel", p(d)),
        ("password", "creds: jane.doe / {v}", p(d)),
        ("password", "pw: {v}", p(d)),
        ("password", "mysql -u root -p{v} -h db.internal orders", p(d)),
        ("password", "mysql -h db.internal -u app --password {v} orders", p(d)),
        ("password", "sshpass -p '{v}' ssh deploy@10.0.4.12", p(d)),
        ("password", "docker login -u ci-bot -p {v} registry.example.com", p(d)),
        ("password", "PGPASSWORD={v} psql -h db.internal -U app prod", p(d)),
        ("password", "git clone https://jdoe:{v}@git.example.com/acme/app.git", p(d)),
        ("password", "MONGO_URI=mongodb+srv://app:{v}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true", p(d)),
        ("password", "database:\n  host: db.internal\n  user: app\n  password: {v}\n  port: 5432", p(d)),
        ("password", '[database]\nuser = "app"\npassword = "{v}"\nhost = "db.internal"', p(d)),
        ("password", "[mysql]\nuser = app\npassword = {v}\nhost = db.internal", p(d)),
        ("password", "CREATE USER 'app'@'%' IDENTIFIED BY '{v}';", p(d)),
        ("password", "ALTER USER app WITH PASSWORD '{v}';", p(d)),
        ("password", "CREATE LOGIN etl WITH PASSWORD = '{v}', CHECK_POLICY = OFF;", p(d)),
        ("password", "ALTER ROLE reporting LOGIN PASSWORD '{v}' VALID UNTIL '2026-12-31';", p(d)),
        ("password", "Her wifi password: {v} - the router is in the hall.", p(d)),
        ("password", "ENV DB_PASSWORD={v}\nRUN ./migrate.sh", p(d)),
        ("password", 'resource "aws_db_instance" "main" {\n  username = "app"\n  password = "{v}"\n}', p(d)),
        ("password", "stringData:\n  username: app\n  password: {v}", p(d)),
        ("password", "host=db.internal port=5432 user=app password={v} dbname=prod sslmode=require", p(d)),
        ("password", "jdbc:postgresql://db.internal:5432/app?user=app&password={v}&ssl=true", p(d)),
        ("password", "postgresql://app:{v}@db.internal:5432/prod", "Qz7%40" + d.s(ALNUM, 6) + "%21"),
        # provider keys without a prefix, in prose after the provider's name
        ("cloudflare", "here's our cloudflare token: {v}", d.s(URLSAFE, 40)),
        ("cloudflare", "Cloudflare API token {v} has zone edit rights", d.s(URLSAFE, 40)),
        ("twitch", "twitch client secret {v}", d.s(LOWER_ALNUM, 30)),
        ("twitch", "The Twitch OAuth token is {v}, it expires in 60 days.", d.s(LOWER_ALNUM, 30)),
        ("cohere", "my cohere key {v} stopped working this morning", d.s(ALNUM, 40)),
        ("cohere", "support asked me to send them {v}, should I?", d.s(ALNUM, 40)),
        ("mistral", "Mistral gave me {v} for the la plateforme account", d.s(ALNUM, 32)),
        ("vercel", "vercel token {v}", d.s(ALNUM, 24)),
        ("twilio_api_secret", "our twilio api secret is {v}", d.s(ALNUM, 32)),
        ("signing_secret", "Slack signing secret {v} - verify with HMAC", d.s(HEX, 32)),
        ("webhook_secret", "the GitHub webhook secret we set was {v}", d.s(ALNUM, 24)),
        ("aws_secret", "aws secret {v}", d.s(B64, 40)),
        ("aws_secret", "key id {w} and the secret {v}", d.s(B64, 40)),
        ("azure_devops_pat", "azure devops pat {v}", d.s(string.ascii_lowercase + "234567", 52)),
        ("gitlab_feed", "my gitlab feed token {v}", d.s(URLSAFE, 20)),
        ("shopify", "shopify app secret {v}", "shpss_" + d.s(HEX, 32)),
        # keys in Dockerfiles, CI workflows, Terraform, Kubernetes, notebooks
        ("dockerfile", "ARG NPM_TOKEN={v}\nRUN npm ci", "npm_" + d.s(ALNUM, 36)),
        ("dockerfile", "ENV STRIPE_KEY {v}", "sk_live_" + d.s(ALNUM, 24)),
        ("actions", "env:\n  DEPLOY_API_KEY: {v}\nsteps:\n  - run: ./deploy.sh", d.s(ALNUM, 32)),
        ("terraform", 'provider "cloudflare" {\n  api_token = "{v}"\n}', d.s(URLSAFE, 40)),
        ("k8s", "env:\n  - name: COHERE_API_KEY\n    value: \"{v}\"\n  - name: LOG_LEVEL\n    value: info", d.s(ALNUM, 40)),
        ("k8s", "env:\n- name: MISTRAL_API_KEY\n  value: {v}", d.s(ALNUM, 32)),
        ("notebook", 'os.environ["COHERE_API_KEY"] = "{v}"', d.s(ALNUM, 40)),
        ("notebook", '"outputs": [{"name": "stdout", "text": ["twitch token: {v}\\n"]}]', d.s(LOWER_ALNUM, 30)),
    ]


def shape_negatives(d: DrawLike) -> list[tuple[str, tuple[str, list[str]]]]:
    """(kind, (text, keeps)): the same places with nothing secret."""
    sha1, digest, u1 = d.sha("sha1"), d.sha(), d.uuid()
    zone = d.s(HEX, 32)
    return [
        ("prose", ("The password is stored in Vault and rotated every 30 days; ask ops for access.",
                   ["stored in Vault and rotated every 30 days"])),
        ("prose", ("the password must be at least 12 characters and the token expires after 3600 seconds",
                   ["at least 12 characters", "3600 seconds"])),
        ("prose", (f"The token refresh bug was fixed in commit {sha1}, see the changelog.", [sha1])),
        ("prose", (f"cloudflare zone id {zone} is the one for example.com", [zone])),
        ("prose", (f"Twitch user id 141981764 and request id {u1} failed with 401", ["141981764", u1])),
        ("cli", ("echo $CR_PAT | docker login ghcr.io -u bot --password-stdin", ["--password-stdin"])),
        ("cli", ("mysql -u root -p -h db.internal orders", ["-p -h db.internal"])),
        ("cli", ("psql -h db.internal -U app -W prod", ["-U app -W prod"])),
        ("cli", ("kubeadm token create --ttl 2h --print-join-command", ["--ttl 2h --print-join-command"])),
        ("sql", ("ALTER USER app WITH PASSWORD NULL;\nSELECT usename, passwd IS NULL FROM pg_shadow;",
                 ["PASSWORD NULL", "passwd IS NULL"])),
        ("k8s", ("env:\n  - name: LOG_LEVEL\n    value: info\n  - name: API_URL\n    value: https://api.example.com/v2",
                 ["value: info", "https://api.example.com/v2"])),
        ("k8s", ("env:\n  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: app\n        key: token",
                 ["secretKeyRef"])),
        ("docker", (f"FROM node:20@sha256:{digest}\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm npm ci",
                    [digest, "ARG NPM_TOKEN", "id=npm"])),
        ("terraform", ('variable "api_token" {\n  type      = string\n  sensitive = true\n}',
                       ["type      = string"])),
        ("notebook", (f'"outputs": [{{"text": ["model loaded, run id {u1}\\n"]}}]', [u1])),
    ]
