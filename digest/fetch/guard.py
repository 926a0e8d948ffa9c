"""Addresses fetch refuses: loopback, private, link-local, reserved, multicast, unspecified.

A feed is written by someone else, and a link in it to ``http://169.254.169.254/`` or
``http://localhost:6379/`` would turn a CI job into a probe of its own network. Every host is
resolved and *every* address checked before a request is sent (a name that resolves to one
public and one private address is refused), on every redirect hop; and the address a
connection actually reached is checked again (:class:`GuardedAdapter`), so a name that
resolves differently the second time (DNS rebinding) is refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(ValueError):
    """The host resolves to an address fetch must not reach (without allow_private_addresses)."""


def forbidden(address: Address) -> bool:
    """True for any address that is not a public unicast one."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return forbidden(mapped)
    return not address.is_global or address.is_multicast or address.is_reserved or (
        address.is_loopback or address.is_link_local or address.is_private
        or address.is_unspecified)


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to (an IP literal is itself)."""
    host = host.strip("[]")
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise OSError(f"cannot resolve {host}: {exc}") from None
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def check_host(host: str, port: int) -> None:
    """Raise :class:`RefusedAddress` when any address of ``host`` is forbidden."""
    bad = sorted({str(a) for a in resolve(host, port) if forbidden(a)})
    if bad:
        raise RefusedAddress(
            f"{host} resolves to a loopback, private, link-local or reserved address "
            f"({', '.join(bad)}); set fetch.allow_private_addresses: true to fetch from it")


def _check_peer(sock: socket.socket, host: str) -> None:
    peer = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
    if forbidden(peer):
        sock.close()
        raise RefusedAddress(f"{host} connected to a forbidden address ({peer}); refused")


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections refuse a forbidden peer address."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool,
                                                   "https": _GuardedHTTPSPool}
