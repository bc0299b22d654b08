"""parentinfo: council guides to child protection conferences, from one shared source."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("parentinfo")  # one source: pyproject.toml, via the installed metadata
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
