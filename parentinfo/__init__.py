"""parentinfo: council guides to child protection conferences, from one shared source."""

__version__ = "0.1.0"
