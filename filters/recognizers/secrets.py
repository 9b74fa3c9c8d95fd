"""Validators of credentials: JWTs, prefixed keys, passwords and secrets known by their key's name."""

from __future__ import annotations

import base64
import binascii
import json
import re

from filters.recognizers.base import Site, Validator, Verdict
from filters.recognizers.checksums import entropy

PLACEHOLDER = re.compile(r"(?:x{2,}|X{2,}|\*{2,}|[•●·]{2,}|\.{3}|<[^>]{0,80}>|\{[^}]{0,80}\}|\[[^\]]{0,80}\]|\$\{?[A-Za-z_]\w{0,80}\}?|"
                         r"%s|%\([a-z_]{1,40}\)s|\?|:[a-z_]{1,40}|@[a-z_]{1,40}|null|none|nil|undefined|empty|"
                         r"password|passwd|pass|pwd|secret|changeme|redacted|hidden|masked|example|your[_-]?\w{0,40}|"
                         r"my[_-]?(?:password|secret|token|key)|placeholder|dummy|test|string|required|optional)",
                         re.IGNORECASE)
TYPE_WORDS = frozenset(["str", "string", "bytes", "int", "integer", "bool", "boolean", "none", "true", "false", "optional", "secretstr", "secretbytes", "any", "varchar", "char", "text", "bigint", "smallint", "numeric", "decimal", "float", "double", "timestamp", "timestamptz", "date", "uuid", "bytea", "blob", "json", "jsonb", "null", "not", "required", "object", "number", "list", "dict", "field"])
KEY_WORDS = re.compile(r"password|passwd|secret|token|api_?key|credential|environ|getenv|settings\.|config\.",
                       re.IGNORECASE)
REFERENCE = re.compile(r"[A-Za-z_$][\w.$\[\]()'\"-]{0,200}")
CALL = re.compile(r"[A-Za-z_][\w.]{0,100}[(\[].{0,200}[)\]]")
WORDS = re.compile(r"[A-Za-z]{2,40}(?:[_.\- :/][A-Za-z0-9]{1,40}){0,12}")
FALLBACK_CALL = re.compile(r"(?:getenv|environ\.get|env\.get|env|config\.get|\.get)\s{0,2}\(", re.IGNORECASE)
SECRET_NAME = re.compile(r"key|token|secret|passw|pwd|auth|credential", re.IGNORECASE)
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,200}")
TEMPLATE_MARKS = ("{{", "${", "%(", "}}", "$(")
BASE64 = re.compile(r"[A-Za-z0-9+/]{20,4096}={0,2}")
REPEATED = re.compile(r"(.)\1{5}")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# a cloud resource's name, not its secret: secret_arn = "arn:aws:secretsmanager:...", kms "alias/..."
RESOURCE_NAME = re.compile(r"arn:aws[\w-]{0,20}:|projects/[\w-]{1,64}/secrets/|alias/|kms/|secret/data/|vault:")
PATH = re.compile(r"(?:\.{1,2}/|~/|/)[\w.@/-]{1,200}")
# a password setting's key, whose number is a length, a time or a count, not a password
SETTING_KEY = re.compile(r"(?:length|len|min|max|timeout|ttl|age|expiry|expires?|lifetime|count|attempts|retries|"
                         r"rounds|iterations|cost|days|hours|minutes|seconds|secs|ms|size|limit|interval|history|"
                         r"strength|reuse|digits|chars|characters)[\"'\]]?$", re.IGNORECASE)
LINE_KEY = re.compile(r"[\w.#-]{1,80}[\"'\]]?\s{0,3}(?:=>|==|=|:|is|was)?\s{0,3}[\"'`]?$")


def field_key(site: Site) -> str:
    """The key written before a field's value on its line (`PASSWORD_MIN_LENGTH` of `PASSWORD_MIN_LENGTH = 12`)."""
    text = site.ctx.text
    line_start = text.rfind("\n", max(0, site.start - 120), site.start) + 1
    match = LINE_KEY.search(text, max(line_start, site.start - 120), site.start)
    if match is None:
        return ""
    return re.split(r"[\"'\]]?\s{0,3}(?:=>|==|=|:|\sis|\swas)", match.group(), maxsplit=1)[0]


OPEN_CALL = re.compile(r"[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){1,12}\(|[A-Za-z_]\w{0,100}\($")
VARIABLE_ACCESS = re.compile(r"\$[A-Za-z_]\w{0,80}(?:[\[{(.]|->)")
NOTE = re.compile(r"\([^()]{0,80}\s[^()]{0,80}\)")   # "Password: (leave blank for none)"
NESTED_KEY = re.compile(r"[\w.-]{1,60}:(?:\s|$)")
YAML_TAG = re.compile(r"![A-Za-z]{2,20}\s")
WINDOWS_SID = re.compile(r"S-1-[0-9]{1,3}(?:-[0-9]{1,10}){1,14}")
PROMPT = re.compile(r"(?:enter|type|your|confirm)\s|.*\s(?:password|passphrase|pwd)\b", re.IGNORECASE)


def _literal(value: str, site: Site) -> bool:
    """Whether a field's value is a literal, not a placeholder, a type or a reference to a variable."""
    if not value or PLACEHOLDER.fullmatch(value) or any(m in value for m in TEMPLATE_MARKS):
        return False
    if OPEN_CALL.match(value):
        return False   # session = boto3.Session(, secret = client.secrets.kv.v2.read_secret_version(
    if VARIABLE_ACCESS.match(value):
        return False   # $ENV{DB_PASS}, $_POST['password'], $config->secret
    if NESTED_KEY.match(value) or YAML_TAG.match(value) or WINDOWS_SID.fullmatch(value) or NOTE.fullmatch(value):
        return False   # `password_policy:` then `min_length: 12`; `!secret db_password`; a Windows SID
    if site.quoted:
        return True
    if KEY_WORDS.search(value) and REFERENCE.fullmatch(value):
        return False   # password=args.password, token=os.environ[...]; not "Sup3r#Secret"
    if value.lower().split("(")[0] in TYPE_WORDS or CALL.fullmatch(value):
        return False   # str, Optional[str], get_password(), settings["pw"]; not "7IaB(Hn9Ue#BGdW"
    text = site.ctx.text
    following = text[site.end:site.end + 1]
    if following in ("(", "[") or (following == "." and text[site.end + 1:site.end + 2].isalpha()):
        return False
    if "." in value and all(IDENTIFIER.fullmatch(part) for part in value.split(".")) and not (
            any(c.isdigit() for c in value) and any(c.isupper() for c in value)):
        return False   # attribute access: settings.db_password; not "Staple.Tiger79"
    if IDENTIFIER.fullmatch(value) and text.count(value) > 1:
        return False   # a variable defined or used elsewhere in the text
    if site.separator == ":":
        rest = text[site.end:text.find("\n", site.end) if "\n" in text[site.end:] else len(text)]
        if re.match(r"\s{1,4}[A-Za-z]", rest):
            return False   # a description ("password_hash: bcrypt hash of..."), not a value
    return True


def text_after(site: Site) -> str:
    return site.ctx.text[site.end:site.end + 3]


def _inside_arn(site: Site) -> bool:
    """Whether the value sits inside an ARN (`arn:aws:secretsmanager:eu-west-1:...` read as `secrets...: ...`)."""
    text = site.ctx.text
    head = text[max(0, site.start - 120):site.start]
    word = re.split(r"[\s\"'`=,(\[{]", head)[-1]
    return word.startswith("arn:")


def password_value(value: str, site: Site) -> Verdict:
    """A password field's value: a literal of two or more characters."""
    if not 2 <= len(value) <= 256 or not _literal(value, site):
        return False
    if site.separator in ("is", "was") and value.isalpha():
        return False   # "the password is stored in vault"
    if " " in value and PROMPT.match(value):
        return False   # "password: Enter your password", a form's label; not "correct horse battery staple"
    if PATH.fullmatch(value) and "/" in value[1:]:
        return False   # --from-file=password=./db-pass.txt: where the password is, not the password
    if value.isdigit() and len(value) <= 7:
        key = field_key(site)
        if SETTING_KEY.search(key) or key.lower().strip("\"'") == "pass":
            return False   # PASSWORD_MIN_LENGTH = 12, password_reset_timeout: 86400, a test run's pass: 42
    return True


def secret_value(value: str, site: Site) -> Verdict:
    """A token or key field's value: a literal credential-like string (long, mixed, high entropy)."""
    if not 12 <= len(value) <= 4096 or any(c.isspace() for c in value) or not _literal(value, site):
        return False
    if text_after(site).startswith(("...", "…")) or not no_filler(value, site) or ascending_run(value) >= 8:
        return False   # sk-ant-api03-... (a truncated sample), token = "1234567890abcdef…" (filler)
    if "://" in value or (value.startswith(("/", "./", "~")) and not BASE64.fullmatch(value)):
        return False   # a URL or a path (a base64 key may start with a slash)
    if RESOURCE_NAME.match(value) or _inside_arn(site):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return has_digit and has_alpha and entropy(value) >= 3.0


def mixed_secret(value: str, site: Site) -> Verdict:
    """A prefixed key's body: letters and digits, not words strung together, no filler."""
    return (any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and entropy(value) >= 3.0
            and REPEATED.search(value) is None)


def no_filler(value: str, site: Site) -> Verdict:
    """Not a placeholder's filler: a character six times in a row (`ghp_XXXX…`, `AKIAXXXX…`), which a
    random key all but never holds, nor a vendor's documented sample (AWS's `AKIAIOSFODNN7EXAMPLE`)."""
    return REPEATED.search(value) is None and "EXAMPLE" not in value.upper()


def ascending_run(value: str) -> int:
    """The longest run of consecutive ascending characters (`1234567890`, `abcdefghij`)."""
    longest = run = 1
    for previous, current in zip(value, value[1:]):
        run = run + 1 if ord(current) == ord(previous) + 1 else 1
        longest = max(longest, run)
    return longest


def key_block(value: str, site: Site) -> Verdict:
    """A private key block with a key in it, however cut (`MIIEvQIBADANBg`): a base64 run of ten characters
    or more that is not one word in one case, so `<redacted>` or `<YOUR KEY HERE>` between the lines is none."""
    body = re.sub(r"-----(?:BEGIN|END)[A-Z ]{0,40}-----", "", value)
    return any(not (run.islower() or run.isupper()) or not run.isalpha()
               for run in re.findall(r"[A-Za-z0-9+/=]{10,}", body))


def url_password(value: str, site: Site) -> Verdict:
    """A URL's password: not a placeholder, and not the user's own name again (`postgres:postgres@`,
    `guest:guest@`, a local default)."""
    text = site.ctx.text
    user = text[max(0, site.start - 129):site.start - 1].rpartition("://")[2]
    return not_placeholder(value, site) is True and value != user


def aws_secret(value: str, site: Site) -> Verdict:
    """An AWS secret access key: 40 characters of base64, so upper and lower case letters both; a git
    SHA-1 or another 40-digit hex digest near the word "key" is none."""
    return (mixed_secret(value, site) is True and any(c.isupper() for c in value)
            and any(c.islower() for c in value) and no_filler(value, site) is True)


def secret_manifest_data(value: str, site: Site) -> Verdict:
    """A value under `data:` of a Kubernetes `kind: Secret` manifest: base64 of a secret, whatever its key."""
    text = site.ctx.text
    if "kind: Secret" not in text:
        return False
    line_start = text.rfind("\n", 0, site.start) + 1
    indent = len(text[line_start:site.start]) - len(text[line_start:site.start].lstrip(" "))
    pos = line_start - 1
    while pos > 0:
        previous = text.rfind("\n", 0, pos) + 1
        line = text[previous:pos]
        depth = len(line) - len(line.lstrip(" "))
        if line.strip() and depth < indent:
            return line.strip() == "data:"
        pos = previous - 1
    return False


def jwt(value: str, site: Site) -> Verdict:
    """A JSON Web Token: its header decodes to a JSON object naming an `alg`."""
    header = value.split(".", 1)[0]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    return isinstance(decoded, dict) and "alg" in decoded


TOKEN_PREFIX = re.compile(r"[A-Za-z0-9]{1,12}[-_.]")


def token_body(value: str, site: Site) -> Verdict:
    """A provider token's body after its prefix: random-looking, not a placeholder (glpat-xxxxxxxx...)."""
    prefix = TOKEN_PREFIX.match(value)
    body = value[prefix.end():] if prefix is not None else value
    return entropy(body) >= 2.8 and REPEATED.search(body) is None and "example" not in body.lower()


def basic_credentials(value: str, site: Site) -> Verdict:
    """An HTTP Basic credential: base64 of printable `user:password`."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    user, colon, password = decoded.partition(":")
    return bool(colon) and bool(password) and decoded.isprintable() and not_placeholder(password, site) is True


def opaque_value(value: str, site: Site) -> Verdict:
    """A value of a `*_key` name: a credential only when it looks random (hex, base64, mixed case and
    digits), never words joined by separators (`sort_key = "created_at_2024"`)."""
    if not 16 <= len(value) <= 4096 or WORDS.fullmatch(value) or secret_value(value, site) is not True:
        return False
    if UUID.fullmatch(value):
        return False   # idempotency_key = "<uuid>": an id; a UUID API key has a key-like name (secret_field)
    return entropy(value) >= 3.3


def fallback_secret(value: str, site: Site) -> Verdict:
    """The literal fallback of a key-like variable on its line: `process.env.API_KEY || "..."`,
    `os.getenv("TOKEN", "...")`; a plain list of strings is not one."""
    text = site.ctx.text
    line_start = text.rfind("\n", max(0, site.start - 200), site.start) + 1
    before = text[max(line_start, site.start - 200):site.start]
    if not SECRET_NAME.search(before):
        return False
    if before.rstrip(" \"'`").endswith(",") and not FALLBACK_CALL.search(before):
        return False
    return secret_value(value, Site(site.ctx, site.start, site.end, quoted=True))


def security_code(value: str, site: Site) -> Verdict:
    """A card security code field's value: three or four digits; in prose ("the cvv: 123 field is
    optional") a value after a colon that words follow is an example, not a code."""
    if not (value.isdigit() and len(value) in (3, 4)):
        return False
    if site.separator == ":" and not site.quoted and re.match(r"\s{1,4}[A-Za-z]", site.ctx.text[site.end:site.end + 6]):
        return False
    return True


def not_placeholder(value: str, site: Site) -> Verdict:
    """Anything but a template placeholder such as <password>, ${PASS}, {password} or ***."""
    return len(value) >= 2 and PLACEHOLDER.fullmatch(value) is None and not any(m in value for m in TEMPLATE_MARKS)


VALIDATORS: dict[str, Validator] = {
    "password_value": password_value, "secret_value": secret_value, "mixed_secret": mixed_secret,
    "jwt": jwt, "not_placeholder": not_placeholder, "token_body": token_body,
    "basic_credentials": basic_credentials, "opaque_value": opaque_value, "fallback_secret": fallback_secret,
    "security_code": security_code, "aws_secret": aws_secret, "no_filler": no_filler, "key_block": key_block,
    "url_password": url_password, "secret_manifest_data": secret_manifest_data,
}
