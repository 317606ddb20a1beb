"""Whether an address of the clinic's FHIR server is one the kiosk may send patients' answers
to: https, or plain http only to this machine itself (a server on 127.0.0.1, as in tests or
behind a local proxy), and never with a user name or password in it."""

from __future__ import annotations

import ipaddress
import urllib.parse


def loopback(url: str) -> bool:
    """Whether `url` points at this machine itself."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_problem(url: str) -> str | None:
    """What is wrong with a FHIR server's address, in words for the settings' editor."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "is not a web address"
    if parts.scheme not in ("https", "http") or not host:
        return "an https:// address of the clinic's FHIR server is expected"
    if parts.scheme == "http" and not loopback(url):
        return "must use https:// (plain http:// only to this machine itself)"
    if parts.username or parts.password:
        return "must not hold a user name or password (give a token file instead)"
    return None
