import pytest

from tests.gxparse.formats.build import Fixtures


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory) -> Fixtures:
    """The format fixtures, each built once per test session (per xdist worker) on first use."""
    return Fixtures(tmp_path_factory.mktemp("formats"))
