"""The version of smmrules (pyproject.toml says the same; a test checks they agree)."""
__version__ = "0.2.0"
