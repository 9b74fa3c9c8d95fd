"""Validators of secrets written without a key and a separator: after their word in prose ("Cloudflare API
token X", "twitch client secret X", "use password X for the VPN"), as a `user / password` pair, in a
command's flags (`mysql -pX`, `docker login -p X`, `--password X`), as an environment entry's value
(`- name: API_KEY` / `value: X`), or alone in prose (a long random key with nothing before it)."""

from __future__ import annotations

import re

from filters.recognizers.base import Site, Validator, Verdict
from filters.recognizers.checksums import entropy
from filters.recognizers.secrets import (
    UUID,
    WORDS,
    _literal,
    ascending_run,
    no_filler,
    not_placeholder,
    password_value,
    secret_value,
)

# the words before a value that make it a public or derived thing, not a secret
NOT_SECRET_BEFORE = re.compile(r"public|publishable|\bpub\b|fingerprint|\bhash|digest|checksum|commit|\bsha|"
                               r"\bid\b|\bids\b|identifier|\bname\b|\bnames\b|\btype\b|length|\bformat|example",
                               re.IGNORECASE)
HEX = re.compile(r"[0-9a-fA-F]+")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
SYMBOL = re.compile(r"[^A-Za-z0-9\s]")
TRAILING = ".,;:!?)]}"
# commands that take a password in a flag, on the flag's line
PASSWORD_COMMAND = re.compile(r"\b(?:mysql\w*|mariadb\w*|sshpass|docker|podman|nerdctl|helm|oras|skopeo|buildah|"
                              r"mongo\w*|redis-cli|sqlcmd|bcp|curl|wget|rabbitmq\w*|smbclient|lftp|mosquitto_\w+|"
                              r"keytool|jarsigner|zip|7z|htpasswd|ldap\w+|influx|cqlsh|clickhouse\w*|vsql|isql)\b")
URL_OR_PATH = re.compile(r"[a-z][\w+.-]{0,20}://|^(?:\.{1,2}/|~/|/)|\w/\w.*/")


def _before(site: Site, reach: int = 40) -> str:
    return site.ctx.text[max(0, site.start - reach):site.start]


def named_token(value: str, site: Site) -> Verdict:
    """A key after its word with no separator ("Cloudflare API token X", "the webhook secret we set was X"):
    random-looking, not a digest, a UUID, words joined or the public half of a pair."""
    if not 16 <= len(value) <= 200 or not no_filler(value, site) or ascending_run(value) >= 8:
        return False
    if UUID.fullmatch(value) or WORDS.fullmatch(value) or value.lower().startswith(("pk_", "pub")):
        return False
    if NOT_SECRET_BEFORE.search(_before(site)):
        return False
    if HEX.fullmatch(value) and len(value) in (40, 64) and not re.search(r"secret|token", _before(site), re.I):
        return False   # "the cache key <sha-1>": a digest; a signing secret is hex too, after "secret"
    if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return False
    return entropy(value) >= 3.3


def _password_like(value: str, site: Site) -> bool:
    """Letters and a digit or a symbol, not an identifier, a path, a URL or a template; a sentence's
    closing punctuation is no symbol of it ("use password managers." is none)."""
    core = value.rstrip(TRAILING)
    if not 4 <= len(core) <= 128 or not any(c.isalpha() for c in core) or core.startswith("-"):
        return False
    if not any(c.isdigit() for c in core) and not SYMBOL.search(core):
        return False
    words = WORDS.fullmatch(core) is not None and not (any(c.isdigit() for c in core) and STRONG_SYMBOL.search(value))
    if words or URL_OR_PATH.search(core) or not_placeholder(core, site) is not True:
        return False   # words joined ("release-v2"), unless a digit and a symbol say password ("Tundra_7710!")
    return not (IDENTIFIER.fullmatch(core) and not any(c.isdigit() for c in core))


STOP_WORDS = frozenset("the a an in on at for and or to of is be by it its every after before with from "
                       "in into that this which when where stored rotated managed kept".split())
STRONG_SYMBOL = re.compile(r"[!#$%&*?@^~+=]")
KEYWORD_BEFORE = re.compile(r"(?i:pass(?:word|phrase|wd)?|pwd?)s?(?P<between>(?:[ \t]{1,3}(?i:is|was|to|now|here|->|=>|"
                            r"(?:for|of|on)[ \t]{1,3}[\w.@-]{1,40})){0,3})[ \t]{1,3}[\"'`]?\Z")


def prose_password(value: str, site: Site) -> Verdict:
    """A password after its word in prose ("the password for jane is X", "changed the password to X",
    "with password orange Horse battery29? for the demo"): one password-like word after words between,
    or a passphrase of two to four words whose last holds a digit, with a symbol in it."""
    words = value.split(" ")
    between = KEYWORD_BEFORE.search(site.ctx.text, max(0, site.start - 120), site.start)
    connected = between is not None and between.group("between") != ""
    first = Site(site.ctx, site.start, site.start + len(words[0]), quoted=True)
    if _literal(words[0], first) and _password_like(words[0], first):
        if connected or (len(words[0].rstrip(TRAILING)) >= 8 and any(c.isdigit() for c in words[0])
                         and (any(c.isupper() for c in words[0]) or STRONG_SYMBOL.search(words[0]))):
            return (0, len(words[0]))   # right after the word: "use password Tr0ub4dor&3", not "password v2"
    for k in range(2, len(words) + 1):
        if words[k - 2].lower().strip(TRAILING) in STOP_WORDS or not words[k - 2].strip(TRAILING).isalpha():
            return False
        phrase = " ".join(words[:k])
        if any(c.isdigit() for c in words[k - 1]) and any(c.isalpha() for c in words[k - 1]):
            if STRONG_SYMBOL.search(phrase) is None or not _literal(phrase, Site(site.ctx, site.start, site.start + len(phrase), quoted=True)):
                return False
            return (0, len(phrase))
    return False


def login_pair(value: str, site: Site) -> Verdict:
    """The password of `user / password` after a login cue ("log in as admin / X", "creds: jane / X")."""
    return _password_like(value, site)


def flag_password(value: str, site: Site) -> Verdict:
    """A command's password flag value (`mysql -pX`, `sshpass -p X`, `--password X`): no slash (`mkdir -p
    a/b`), no port mapping (`-p 8080:80`), not a word or a path."""
    if "/" in value or re.fullmatch(r"[0-9.:]+", value):
        return False
    text = site.ctx.text
    line = text[text.rfind("\n", 0, site.start) + 1:site.start]
    if PASSWORD_COMMAND.search(line) is None:
        return False
    return _password_like(value, site)


ENTRY_NAME = re.compile(r"name\"?:[ \t]{0,3}[\"']?(?P<name>[A-Za-z0-9_.-]{1,100})[\"']?[ \t]*"
                        r"(?:\r?\n[ \t]{0,40}(?:-[ \t]{1,3})?|,[ \t]{0,3})\"?$")
SECRET_NAME = re.compile(r"key|token|secret|passw|pwd|pass\b|pass_|credential", re.IGNORECASE)


def env_entry_value(value: str, site: Site) -> Verdict:
    """The value of an environment entry whose name is a secret's (`- name: API_KEY` / `value: X`,
    `{"name": "DB_PASSWORD", "value": "X"}`)."""
    text = site.ctx.text
    head = text[max(0, site.start - 200):site.start]
    at = head.rfind("value")
    entry = ENTRY_NAME.search(head, 0, at) if at >= 0 else None
    if entry is None or not SECRET_NAME.search(entry.group("name")):
        return False
    quoted = text[site.start - 1:site.start] in ("\"", "'")
    if re.search(r"pass|pwd", entry.group("name"), re.IGNORECASE):
        return password_value(value, Site(site.ctx, site.start, site.end, quoted=quoted))
    return secret_value(value, Site(site.ctx, site.start, site.end, quoted=quoted))


def bare_key(value: str, site: Site) -> Verdict:
    """A long random key alone in prose ("support asked me to send them X"): 32 to 64 letters and digits,
    capitals, small letters and digits all in it, high entropy, in prose, not inside a URL or a path."""
    if site.ctx.kind_at(site.start) != "prose" or not 32 <= len(value) <= 64 or not value.isalnum():
        return False
    if not (any(c.isupper() for c in value) and any(c.islower() for c in value) and any(c.isdigit() for c in value)):
        return False
    if value.startswith("eyJ"):
        return False   # base64 of JSON: a JWT's header alone, which a whole JWT's pattern reads
    text = site.ctx.text
    begin = text.rfind("-----BEGIN", max(0, site.start - 8000), site.start)
    if begin >= 0 and text.find("-----END", begin, site.start) < 0:
        return False   # a line of a PEM block: a certificate's or a public key's, the private key's pattern's
    if text[site.start - 1:site.start] in "/=?&#.:@%" and site.start > 0:
        return False
    if text[site.end:site.end + 1] in ("/", ".", "=") and text[site.end + 1:site.end + 2].isalnum():
        return False
    if NOT_SECRET_BEFORE.search(_before(site, 24)):
        return False
    return no_filler(value, site) is True and entropy(value) >= 4.0


VALIDATORS: dict[str, Validator] = {
    "named_token": named_token, "prose_password": prose_password, "login_pair": login_pair,
    "flag_password": flag_password, "env_entry_value": env_entry_value, "bare_key": bare_key,
}
