"""Errors arrive as parley.Error / parley.InputError with the CLI's message and location."""

import pathlib

import pytest

import parley

BAD = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "bad"


def expected(fixture):
    """(line, column, text) from the fixture's first line, '# error: LINE:COL: TEXT'."""
    first = fixture.read_bytes().split(b"\n")[0].decode()  # one fixture is not UTF-8 after line 1
    assert first.startswith("# error: "), fixture
    line, column, text = first[len("# error: "):].split(":", 2)
    return int(line), int(column), text.strip()


@pytest.mark.parametrize("fixture", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bad_fixture_raises_input_error_at_its_location(fixture):
    line, column, text = expected(fixture)
    with pytest.raises(parley.InputError) as raised:
        parley.analyze(parley.load(str(fixture)))  # as `parley analyze FILE` (CliBadInput.*)
    error = raised.value
    assert isinstance(error, parley.Error)
    assert (error.file, error.line, error.column) == (str(fixture), line, column)
    assert text in str(error)
    assert str(error).startswith(f"{fixture}:{line}:{column}: ")


def test_a_missing_file_is_an_io_input_error():
    with pytest.raises(parley.InputError) as raised:
        parley.load("no/such/scenario.yaml")
    assert raised.value.kind == "io" and raised.value.file == "no/such/scenario.yaml"


def test_a_bad_name_is_an_error_naming_its_field(flagship):
    with pytest.raises(parley.Error) as raised:
        parley.analyze(flagship, stage="truse")
    assert not isinstance(raised.value, parley.InputError)
    assert raised.value.field == "stage" and raised.value.kind == "unknown_name"
    assert "did you mean 'truce'" in str(raised.value)
    with pytest.raises(parley.Error, match="did you mean 'boulware'"):
        parley.negotiate(flagship, strategies={"us": "bolware"})
    with pytest.raises(parley.Error, match="no model 'emu'"):
        parley.forecast(flagship, models=["emu"])
