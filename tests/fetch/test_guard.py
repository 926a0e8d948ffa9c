import ipaddress

import pytest

from digest.fetch.guard import RefusedAddress, check_host, forbidden


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                                     "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
                                     "240.0.0.1", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "2002:7f00:1::"])
def test_loopback_private_link_local_and_reserved_addresses_are_forbidden(address):
    assert forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.69", "2606:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert not forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_a_host_resolving_to_loopback_is_refused_with_the_key_to_allow_it(host):
    with pytest.raises(RefusedAddress, match="allow_private_addresses"):
        check_host(host, 80)


def test_a_connection_that_reaches_a_forbidden_address_is_closed_unused():
    """The second line of defence: even when the name check is passed (a DNS answer that
    changed since), the connection's real peer is checked before anything is sent."""
    from digest.fetch.client import Client
    from digest.fetch.settings import FetchSettings
    from tests.fetch.scripted import Scripted

    server = Scripted({"/": (200, {}, b"hello")})
    try:
        client = Client(FetchSettings(allow_private_addresses=False), "digest/test")
        with pytest.raises(RefusedAddress, match="forbidden address"):
            client._session.get(server.url("/"), timeout=5)  # noqa: SLF001 - below _admit
        assert server.hits == []
    finally:
        server.stop()
