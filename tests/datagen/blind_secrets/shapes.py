"""Random values of a documented shape: alphabets, GitHub's CRC32 suffix, JWTs, PEM blocks with real DER headers.

Every value is drawn from the caller's seeded `random.Random`, so a case is reproducible from its seed.
"""

from __future__ import annotations

import base64
import json
import random
import string
import zlib

DIGITS = string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase  # GitHub's base62 digit order
ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_letters + string.digits + "+/"
B64U = string.ascii_letters + string.digits + "-_"
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits


def r(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def rbytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def github(rng: random.Random, prefix: str) -> str:
    """GitHub's token format: prefix, 30 random base62 characters, CRC32 of those in 6 base62 digits."""
    body = r(rng, ALNUM, 30)
    crc = zlib.crc32(body.encode()) & 0xFFFFFFFF
    digits = ""
    while crc:
        crc, d = divmod(crc, 62)
        digits = B62[d] + digits
    return prefix + body + digits.rjust(6, "0")


def jwt(rng: random.Random, claims: dict | None = None, alg: str | None = None) -> str:
    alg = alg or rng.choice(["HS256", "RS256", "ES256", "HS512"])
    header: dict = {"alg": alg, "typ": "JWT"}
    if alg[:2] in ("RS", "ES") and rng.random() < 0.6:
        header["kid"] = r(rng, B64U, 22)
    iat = 1767225600 + rng.randint(0, 30_000_000)
    payload = {"sub": (claims or {}).get("sub") or str(rng.randint(10_000, 9_999_999)), "iat": iat,
               "exp": iat + rng.choice([900, 3600, 86400])}
    if claims:
        payload.update(claims)
    if rng.random() < 0.5:
        payload["scope"] = rng.choice(["read write", "admin", "openid profile email", "api:all"])
    sig_len = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64}[alg]
    return ".".join([b64url(json.dumps(header, separators=(",", ":")).encode()),
                     b64url(json.dumps(payload, separators=(",", ":")).encode()),
                     b64url(rbytes(rng, sig_len))])


def _lines(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def _der_len(n: int) -> bytes:
    return bytes([0x82, n >> 8, n & 0xFF]) if n > 255 else bytes([0x81, n]) if n > 127 else bytes([n])


def pem(rng: random.Random, kind: str) -> str:
    """A private key block: a real DER/OpenSSH header, random key material after it."""
    if kind == "rsa":
        body = bytes.fromhex("308204a4020100028201010000") + rbytes(rng, 1179)
        return "-----BEGIN RSA PRIVATE KEY-----\n" + _lines(b64(body), 64) + "\n-----END RSA PRIVATE KEY-----"
    if kind == "pkcs8":
        body = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7308204a302010002820101") + rbytes(rng, 1188)
        return "-----BEGIN PRIVATE KEY-----\n" + _lines(b64(body), 64) + "\n-----END PRIVATE KEY-----"
    if kind == "ec":
        body = (bytes.fromhex("30770201010420") + rbytes(rng, 32)
                + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rbytes(rng, 64))
        return "-----BEGIN EC PRIVATE KEY-----\n" + _lines(b64(body), 64) + "\n-----END EC PRIVATE KEY-----"
    if kind == "openssh":
        pub = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(rng, 32)
        body = (b"openssh-key-v1\x00" + b"\x00\x00\x00\x04none" * 2 + b"\x00\x00\x00\x00\x00\x00\x00\x01"
                + len(pub).to_bytes(4, "big") + pub + b"\x00\x00\x00\x88" + rbytes(rng, 136))
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + _lines(b64(body), 70) + "\n-----END OPENSSH PRIVATE KEY-----"
    if kind == "pgp":
        body = b"\x95\x03\x98\x04" + rbytes(rng, 900)
        return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + _lines(b64(body), 64) + "\n=" + b64(_crc24(body))
                + "\n-----END PGP PRIVATE KEY BLOCK-----")
    raise ValueError(kind)


def _crc24(data: bytes) -> bytes:
    """OpenPGP's armor checksum (RFC 4880, 6.1)."""
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return (crc & 0xFFFFFF).to_bytes(3, "big")


def certificate(rng: random.Random) -> str:
    """A public certificate block (not a secret): DER SEQUENCE header, random body."""
    body = bytes.fromhex("308203") + rbytes(rng, 1) + bytes.fromhex("308202") + rbytes(rng, 700)
    return "-----BEGIN CERTIFICATE-----\n" + _lines(b64(body), 64) + "\n-----END CERTIFICATE-----"


def public_key(rng: random.Random) -> str:
    body = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(rng, 261)
    return "-----BEGIN PUBLIC KEY-----\n" + _lines(b64(body), 64) + "\n-----END PUBLIC KEY-----"


def ssh_public(rng: random.Random, who: str) -> str:
    blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(rng, 32)
    return f"ssh-ed25519 {b64(blob)} {who}"


def uuid4(rng: random.Random) -> str:
    h = r(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"
