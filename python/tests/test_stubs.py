"""The type stubs (python/parley/_parley.pyi, written by python/tools/make_stubs.py) cover the
module, and mypy checks user code against them: editors complete every name.
"""

import ast
import pathlib
import subprocess
import sys

import pytest

import parley
from parley import _parley

STUB = pathlib.Path(parley.__file__).with_name("_parley.pyi")
EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def stub_names():
    tree = ast.parse(STUB.read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def test_every_public_name_of_the_module_has_a_stub():
    missing = sorted(n for n in dir(_parley) if not n.startswith("_") and n not in stub_names())
    assert not missing, f"rerun python/tools/make_stubs.py: no stub for {missing}"


mypy = pytest.importorskip("mypy", reason="python3-mypy (scripts/install-deps.sh)")


def mypy_errors(*files):
    """mypy's errors in `files`, checked against the stubs (errors inside the stub are not asked)."""
    done = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent",
                           "--no-error-summary", *map(str, files)], capture_output=True, text=True,
                          cwd=STUB.parents[1])
    return [line for line in done.stdout.splitlines() if ": error:" in line and "_parley.pyi" not in line]


def test_the_examples_type_check_against_the_stubs():
    assert mypy_errors(*sorted(EXAMPLES.glob("*.py"))) == []


def test_a_misspelled_attribute_is_caught(tmp_path):
    script = tmp_path / "typo.py"
    script.write_text("import parley\nparley.load('x.yaml').actorz\nparley.negotiat\n")
    errors = mypy_errors(script)
    assert any("actorz" in e for e in errors) and any("negotiat" in e for e in errors), errors
