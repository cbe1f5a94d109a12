import socket

import pytest
from conftest import NetworkBlocked


def test_the_guard_refuses_connections():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
