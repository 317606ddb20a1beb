"""The kiosk's own key for SMART Backend Services: it signs the kiosk's requests for a token.

The private key lives in a PEM file readable by the kiosk's user only (mode 0600); the clinic's
authorization server knows its public half, registered as a JSON Web Key Set (`kiosk fhir-key`
makes a key and prints that set). An EC P-384 key signs ES384, an RSA key (2048 bits or more)
RS384, as SMART asks. Each assertion is a compact JWT: issuer and subject the kiosk's client id,
audience the token endpoint, at most five minutes of life, a fresh `jti`, and the key's
RFC 7638 thumbprint as `kid`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from kiosk.paths import READABLE_BY_OTHERS, readable_by_others, write_private

Algorithm = Literal["ES384", "RS384"]
#: Seconds a signed assertion is good for (SMART allows five minutes at most).
ASSERTION_SECONDS = 300
MIN_RSA_BITS = 2048
_P384_BYTES = 48


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _integer(value: int, size: int | None = None) -> str:
    length = size if size is not None else max(1, (value.bit_length() + 7) // 8)
    return _b64(value.to_bytes(length, "big"))


@dataclass(frozen=True)
class ClientKey:
    """A private key the kiosk signs with, and how."""

    private: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

    @property
    def algorithm(self) -> Algorithm:
        return "ES384" if isinstance(self.private, ec.EllipticCurvePrivateKey) else "RS384"

    def public_jwk(self) -> dict[str, Any]:
        """The public half as a JSON Web Key, with its thumbprint as `kid`."""
        return {**self._members(), "kid": self.kid, "alg": self.algorithm, "use": "sig",
                "key_ops": ["verify"]}

    def _members(self) -> dict[str, str]:
        """The members RFC 7638 hashes, and only those."""
        if isinstance(self.private, ec.EllipticCurvePrivateKey):
            numbers = self.private.public_key().public_numbers()
            return {"crv": "P-384", "kty": "EC", "x": _integer(numbers.x, _P384_BYTES),
                    "y": _integer(numbers.y, _P384_BYTES)}
        public = self.private.public_key().public_numbers()
        return {"e": _integer(public.e), "kty": "RSA", "n": _integer(public.n)}

    @property
    def kid(self) -> str:
        canonical = json.dumps(self._members(), sort_keys=True, separators=(",", ":"))
        return _b64(hashlib.sha256(canonical.encode("ascii")).digest())

    def assertion(self, client_id: str, token_endpoint: str, now: float | None = None) -> str:
        """A signed client assertion for one token request."""
        issued = int(time.time() if now is None else now)
        header = {"alg": self.algorithm, "typ": "JWT", "kid": self.kid}
        claims = {"iss": client_id, "sub": client_id, "aud": token_endpoint,
                  "exp": issued + ASSERTION_SECONDS, "jti": secrets.token_urlsafe(24)}
        signing_input = ".".join(_b64(json.dumps(part, separators=(",", ":")).encode("utf-8"))
                                 for part in (header, claims))
        return f"{signing_input}.{_b64(self._sign(signing_input.encode('ascii')))}"

    def _sign(self, data: bytes) -> bytes:
        if isinstance(self.private, ec.EllipticCurvePrivateKey):
            r, s = decode_dss_signature(self.private.sign(data, ec.ECDSA(hashes.SHA384())))
            return r.to_bytes(_P384_BYTES, "big") + s.to_bytes(_P384_BYTES, "big")
        return self.private.sign(data, padding.PKCS1v15(), hashes.SHA384())


def key_set(key: ClientKey) -> dict[str, Any]:
    """The JSON Web Key Set the clinic registers for this kiosk."""
    return {"keys": [key.public_jwk()]}


def load_client_key(path: Path) -> ClientKey | str:
    """The key in `path`, or why it cannot be used (never its contents)."""
    try:
        if readable_by_others(path):
            return f"{path} {READABLE_BY_OTHERS}"
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as failure:
        return f"{path} cannot be read: {failure.strerror or failure}"
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return f"{path} is not an unencrypted PEM private key"
    if isinstance(private, ec.EllipticCurvePrivateKey):
        if not isinstance(private.curve, ec.SECP384R1):
            return f"{path} is an EC key on {private.curve.name}: ES384 needs P-384 (secp384r1)"
        return ClientKey(private)
    if isinstance(private, rsa.RSAPrivateKey):
        if private.key_size < MIN_RSA_BITS:
            return f"{path} is a {private.key_size}-bit RSA key: {MIN_RSA_BITS} bits at least"
        return ClientKey(private)
    return f"{path} is neither an EC P-384 nor an RSA key"


def new_client_key(path: Path, algorithm: Algorithm = "ES384") -> ClientKey:
    """Make a new key for `algorithm` and write it to `path` (mode 0600)."""
    private: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    if algorithm == "ES384":
        private = ec.generate_private_key(ec.SECP384R1())
    else:
        private = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    write_private(path, pem.decode("ascii"))
    return ClientKey(private)
