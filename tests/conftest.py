"""Shared fixtures. No test may reach the network: sockets are blocked for the whole suite."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from framing.training.datasets import data_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any attempt to open a connection or resolve a name."""
    def refuse(*args, **kwargs):
        raise NetworkBlocked("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test gets its own result cache, never the user's."""
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real training data (../shared/data or $FRAMING_DATA); skips when absent."""
    root = data_dir()
    if root is None:
        pytest.skip("needs the training data: ../shared/data or $FRAMING_DATA is absent")
    return root
