"""The attrs package (`attr`; `import attrs` would add a namespace module on every run), imported with
the methods attrs compiles for its own classes served from the artefact cache (codecache.import_attrs).
Every smmrules module that imports attrs at its top imports it from here, so that whichever of them
a run imports first, attrs is imported this way."""
from .codecache import import_attrs

attr = import_attrs()
