import pytest

from tests.edge_server import EdgeServer, Faults


@pytest.fixture
def server(monkeypatch):
    """A local edge protocol server, well behaved, which the edge engine dials."""
    with EdgeServer(Faults(seconds_per_char=0.2)) as server:
        monkeypatch.setenv("TTS_EDITION_EDGE_URL", server.url)
        yield server
