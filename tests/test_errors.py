"""Engine errors leave the engine seam as the app's: exit 2 for what the user asked, 1 for the rest."""

import pytest

from tts_edition.engines.base import BadRequest, NoAudio, Unavailable
from tts_edition.errors import BuildError, UserError, engine_errors


@pytest.mark.parametrize(
    "raised, expected",
    [
        (BadRequest("unknown edge voice 'x'"), UserError),
        (Unavailable("cannot reach the service"), BuildError),
        (NoAudio("no audio"), BuildError),
    ],
)
def test_engine_errors_become_the_apps_with_the_same_message(raised, expected):
    with pytest.raises(expected, match=str(raised)) as caught, engine_errors():
        raise raised
    assert caught.value.__cause__ is raised


def test_other_errors_pass_through():
    with pytest.raises(KeyError), engine_errors():
        raise KeyError("x")
