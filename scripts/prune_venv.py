"""Uninstall from this venv every package the lock (argv[1]) does not pin, so `pip freeze` equals
the lock even in a venv made from an older one. Run by scripts/setup.sh after installing it."""

from __future__ import annotations

import re
import subprocess
import sys


def norm(name: str) -> str:
    """A package name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def main(lock: str) -> None:
    with open(lock, encoding="utf-8") as f:
        pins = {norm(m[1]) for m in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", f.read(), re.M)}
    pip = [sys.executable, "-m", "pip"]
    frozen = subprocess.run([*pip, "freeze", "--exclude-editable"], capture_output=True, text=True, check=True)
    # Lines are `name==version`, or `name @ url` for a package installed from a file.
    names = [re.split(r"==| @ ", line)[0] for line in frozen.stdout.splitlines() if line and line[0] != "#"]
    extra = [name for name in names if norm(name) not in pins]
    if extra:
        subprocess.run([*pip, "uninstall", "--yes", *extra], check=True)


if __name__ == "__main__":
    main(sys.argv[1])
