"""Which web addresses the clinic's FHIR settings may hold: https, or plain http only to this
machine itself (a server on 127.0.0.1, as in tests or behind a local proxy). The server the
kiosk sends patients' answers to must not hold a user name or password either."""

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


def definition_address_problem(address: str) -> str | None:
    """What is wrong with an address the FHIR resources are named under (a canonical base, an
    identifier system), or None."""
    scheme, _, rest = address.partition("://")
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    if scheme == "https" and host and " " not in address:
        return None
    if scheme == "http" and host and loopback(address):
        return None
    return "is not an https:// address (http:// only on this machine)"
