"""`python -m smmrules`."""
from .cli import entry

entry()
