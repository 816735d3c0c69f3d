"""The README's Python example prints what the README says it prints (as Readme.* checks the
CLI tour): its ```python block under "## Python" is run, its output compared line by line."""

import os
import re
import subprocess
import sys


def test_readme_python_example_prints_what_the_readme_shows(source_dir):
    readme = (source_dir / "README.md").read_text()
    section = readme[readme.index("\n## Python\n"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"prints\n```\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) <= 10, "the README promises a ten-line example"
    done = subprocess.run([sys.executable, "-c", code], cwd=source_dir, capture_output=True, text=True,
                          env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == shown.splitlines()
