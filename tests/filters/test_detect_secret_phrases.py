"""Secrets written without a key and a separator: after their word in prose, as `user / password`, in a
command's flags, as an environment entry's value, alone in prose; and the same places with none kept.

Values are random strings of each provider's published alphabet and length, made here from a fixed seed.
"""

from __future__ import annotations

import random
import string

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span

RNG = random.Random(20261202)
ALNUM = string.ascii_letters + string.digits


def r(alphabet: str, n: int) -> str:
    """n random characters of `alphabet`, with a digit and a letter in it."""
    while True:
        body = "".join(RNG.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in body) and any(c.isalpha() for c in body):
            return body


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def masked(detector: Detector, text: str, kind: str = "prose") -> list[str]:
    spans = [Span(0, len(text), DataClass.INPUT, False, kind)]
    return [text[d.start:d.end] for d in detector.detect(text, spans)]


FOUND = [
    ("Cloudflare API token {v} has zone edit rights", r(ALNUM + "_-", 40)),
    ("twitch client secret {v}", r(string.ascii_lowercase + string.digits, 30)),
    ("azure devops pat {v}", r(string.ascii_lowercase + "234567", 52)),
    ("Slack signing secret {v} - verify it", r("0123456789abcdef", 32)),
    ("the GitHub webhook secret we set was {v}", r(ALNUM, 24)),
    ("support asked me to send them {v}, should I?", r(ALNUM, 40)),
    ("you can log in as admin / {v} on the staging panel", "Orbit01$Vk3"),
    ("creds: jane.doe / {v}", "Cobalt21*vrF"),
    ("the password for jane is {v} until Friday", "maple71&GQ3"),
    ("mysql -u root -p{v} -h db.internal orders", "Falcon36@Epk"),
    ("docker login -u ci-bot -p {v} registry.example.com", "river74@uSI"),
    ("sshpass -p '{v}' ssh deploy@10.0.4.12", "tango07*6Ao"),
    ("env:\n  - name: COHERE_API_KEY\n    value: \"{v}\"\n  - name: LOG_LEVEL\n    value: info", r(ALNUM, 40)),
    ('[{{"name": "DB_PASSWORD", "value": "{v}"}}]', "Quartz91#NdH"),
    ('os.environ["MISTRAL_API_KEY"] = "{v}"', r(ALNUM, 32)),
    ("queue: amqp://svc:{v}@mq.internal:5672/", "tiger-5765%40"),
    ("curl -s --user deploy:{v} https://gitlab.corp/api/v4/projects", "Kaffee-winter&656"),
    ("curl -s -u admin:{v} https://jenkins.internal/api/json", "correct_Falcon&510"),
    ("I set the warehouse password to {v} - can you tell me why dbt still fails?", "Kaffee Falcon orange61!"),
    ("log in with password {v} for the demo", "orange Horse battery29?"),
    ("note='30-90' pw={v}\n", "Staple.Tiger%379"),
    ("$ cat .env.production\nDATADOG={v}\nLOG_LEVEL=info", r("0123456789abcdef", 32)),
]


def test_a_long_value_cut_far_from_its_start_is_found(detector: Detector) -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9." + r(ALNUM, 150) + "." + r(ALNUM, 43)
    text = f"ws://realtime.example.io/socket?token={jwt[:120]}\n{jwt[120:]} keeps dropping"
    hits = masked(detector, text)
    assert any(jwt[:120] in hit and jwt[120:140] in hit for hit in hits), hits


def test_a_quoted_value_cut_before_an_indented_rest_is_found(detector: Detector) -> None:
    token = r("0123456789abcdef", 32)
    text = f'export TWILIO_AUTH_TOKEN="{token[:11]}\n  {token[11:]}"\nexport LOG_LEVEL=info'
    hits = masked(detector, text, "code")
    assert any(token[:11] in hit and token[11:] in hit for hit in hits), hits


def test_a_whole_value_ending_its_line_is_not_joined_to_the_next(detector: Detector) -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9." + r(ALNUM, 150) + "." + r(ALNUM, 43)
    text = f"app.acme.io\tFALSE\t/\tTRUE\t0\tsession\t{jwt}\napp.acme.io\tFALSE\t/\tFALSE\t0\tlocale\ten-GB"
    hits = masked(detector, text, "log")
    assert jwt in hits and not any("\n" in hit for hit in hits), hits


@pytest.mark.parametrize("template, value", FOUND)
def test_secret_without_a_separator_is_found(detector: Detector, template: str, value: str) -> None:
    text = template.format(v=value)
    assert any(value in hit for hit in masked(detector, text)), masked(detector, text)


KEPT = [
    "The token refresh bug was fixed in commit 3f1c9a7be0d2c4e5f60718293a4b5c6d7e8f9012, see the changelog.",
    "the public key AAAAC3NzaC1lZDI1NTE5AAAAIGx3rV9mQpL2 goes in authorized_keys",
    "The password is stored in Vault and rotated every 30 days.",
    "use password managers. The password for the vault is rotated.",
    "mkdir -p src/utils/v2 && ssh -p 2222 host && docker run -p 8080:80 nginx",
    "virtualenv -p python3.11 .venv",
    "such as TCP/UDP, log in as admin / operator depending on the role",
    "env:\n  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: app",
    "A JWT header such as eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 decodes to the algorithm and type.",
    "Open https://docs.example.com/d/1Xb9fKq7Lm2Np4Rs6Tu8Vw0Yz3Ab5Cd7Ef9Gh/edit and fix it.",
    "cloudflare zone id 023e105f4ecef8ad9ca31a8372d0c353 is the one for example.com",
    "./app --token-file /var/run/secrets/token --password-file /etc/app/pw --api-key-env OPENAI_API_KEY",
    "Click Reset password reset123 is not a password, and password v2 ships soon.",
    "The password for the vault is rotated by the platform team every quarter.",
    "segment=BR7658935140164117291019165RB datadog_site=datadoghq.eu GITHUB=https://github.com/acme",
]


@pytest.mark.parametrize("text", KEPT)
def test_the_same_places_without_a_secret_are_kept(detector: Detector, text: str) -> None:
    assert [hit for hit in masked(detector, text) if hit] == []
