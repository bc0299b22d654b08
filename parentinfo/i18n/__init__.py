"""Translations: gettext catalogues, their checks, the term base and the rendered-text lint."""
