import pytest

from tests.gxparse.formats.build import Fixtures
from tests.gxparse.formats.shared import SharedFixtures, session_folder


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> SharedFixtures:
    """The format fixtures, each built once per test session (shared by the xdist workers) on first use."""
    return SharedFixtures(Fixtures(session_folder(tmp_path_factory)))
