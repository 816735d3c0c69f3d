"""Shared fixtures: where the sources and the `parley` binary are, and the CLI's JSON.

ctest (python.pytest) sets PARLEY (the binary), PARLEY_SOURCE_DIR and PYTHONPATH (the built
module); run by hand, the defaults are the source tree and its Release build in build/.
"""

import json
import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("PARLEY_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
PARLEY = os.environ.get("PARLEY", str(SOURCE_DIR / "build" / "parley"))
FLAGSHIP = SOURCE_DIR / "scenarios" / "talks-2025.yaml"


@pytest.fixture(scope="session")
def flagship_path():
    return FLAGSHIP


@pytest.fixture(scope="session")
def flagship():
    import parley

    return parley.load(str(FLAGSHIP))


@pytest.fixture(scope="session")
def cli_json():
    """Runs `parley ARGS... --json` and returns its document."""

    def run(*args):
        done = subprocess.run([PARLEY, *map(str, args), "--json"], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR
