"""What each key of a config accepts: the checks the config loader, Config() and the command line
run on a value, each returning the value normalized or raising BadValue with what is wrong."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Any

from ..base.errors import ConfigError
from ..base.languages import LANGS
from ..base.lazyre import LazyPattern
from ..base.limits import ENTRIES_CEILING, STATEMENT_CEILING
from .globs import MAX_WILDCARDS, wildcards

LEVELS = ("error", "warning", "info")
PLUGIN_GROUP = "smmrules.plugins"
DEFAULT_INCLUDE = ("*.goals",)
DEFAULT_EXCLUDE = (".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")
MAX_FILE_SIZE = 5_000_000            # default max-file-size, bytes
FILE_SIZE_CEILING = 1_000_000_000    # the largest max-file-size a config may ask for
MAX_CONFIG_BYTES = 1_000_000         # a config file larger than this is refused unread
MAX_PATTERN = 1_000                  # characters in one glob or folder name
MAX_ENTRIES = 1_000                  # items in one list or table of the config
MAX_TABLES = 1_000                   # [table] headers in the part of the file that is ours
KEYS = ("select", "ignore", "fail-on", "lang", "rules", "include", "exclude", "per-file-ignores",
        "levels", "options", "max-file-size", "max-statement-length", "max-entries", "plugins", "docs-url")
NOT_SUPPORTED = {"extend-select": "list every code in select", "extend-ignore": "list every code in ignore",
                 "extend-exclude": "exclude replaces the default list; repeat the defaults you want",
                 "extend-include": "include replaces the default list"}
PREFIX_RE = LazyPattern(r"[A-Z]{1,3}[0-9]{0,3}")
CODE_RE = LazyPattern(r"[A-Z]{1,3}[0-9]{3}")
OPTION_RE = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*")
PLUGIN_RE = LazyPattern(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
CODES_HINT = 'a list of rule codes or prefixes like "T1"'


class BadValue(Exception):
    """A value that cannot be used: the message, the sub-key it is under and the bad list element."""

    def __init__(self, message: str, sub: tuple = (), element: Any = None):
        super().__init__(message)
        self.message, self.sub, self.element = message, sub, element


def _bounded(name: str, value: Any) -> None:
    if len(value) > MAX_ENTRIES:
        raise BadValue(f"{name} has {len(value):,} entries; the limit is {MAX_ENTRIES:,}")


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    return str(value)


def _digit_typo(code: str | None) -> str:
    """` (did you mean 'S103'?)` for a code typed with a letter for a digit (S1O3, T1l1), else ""."""
    if not code:
        return ""
    letters = len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    fixed = code[:letters] + code[letters:].translate(str.maketrans("OIL", "011"))
    return f" (did you mean '{fixed}'?)" if fixed != code and PREFIX_RE.fullmatch(fixed) else ""


def check_codes(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise BadValue(f"{name} must be {CODES_HINT}")
    _bounded(name, value)
    out = []
    for item in value:
        code = item.strip().upper() if isinstance(item, str) else None
        if code is None or not PREFIX_RE.fullmatch(code):
            raise BadValue(f"{name} must be {CODES_HINT}, got {_shown(item)}{_digit_typo(code)}", element=item)
        out.append(code)
    return tuple(dict.fromkeys(out))


def check_choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    if value not in options or not isinstance(value, str):
        raise BadValue(f"{name} must be one of {', '.join(options)}, got {_shown(value)}")
    return value


def _strings(name: str, value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise BadValue(f"{name} must be a list of {what}")
    _bounded(name, value)
    for item in value:
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_PATTERN or "\x00" in item:
            raise BadValue(f"{name} must be a list of {what}, got {_shown(item)}", element=item)
    return tuple(value)


def _globs(name: str, value: Any) -> tuple[str, ...]:
    globs = _strings(name, value, 'glob patterns like "*.goals"')
    for glob in globs:
        _simple_enough(name, glob)
    return globs


def _simple_enough(name: str, glob: str) -> None:
    if wildcards(glob) > MAX_WILDCARDS:
        raise BadValue(f"{name}: the glob {_shown(glob[:60] + ('...' if len(glob) > 60 else ''))} has "
                   f"{wildcards(glob):,} wildcards; the limit is {MAX_WILDCARDS}", element=glob)


def _limit(name: str, value: Any, ceiling: int, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ceiling:
        raise BadValue(f"{name} must be a whole number of {unit} from 1 to {ceiling:_}, got {_shown(value)}")
    return value


def _plugins(name: str, value: Any) -> tuple[str, ...]:
    names = _strings(name, value, f'installed plugin names (entry points of the "{PLUGIN_GROUP}" group)')
    for item in names:
        if not PLUGIN_RE.fullmatch(item) or item.lower().endswith((".py", ".pyc")):
            raise BadValue(f"{name} must name installed plugins (entry points of the \"{PLUGIN_GROUP}\" group), "
                       f"not files or modules, got {_shown(item)}", element=item)
    return tuple(dict.fromkeys(names))


def _per_file_ignores(name: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise BadValue(f'{name} must be a table of glob = [codes], like "docs/**" = ["T1"]')
    _bounded(name, value)
    out = []
    for glob, codes in value.items():
        if not glob.strip() or len(glob) > MAX_PATTERN or "\x00" in glob:
            raise BadValue(f"{name} has an empty or overlong glob pattern", sub=(glob,))
        try:
            _simple_enough(name, glob)
        except BadValue as bad:
            raise BadValue(bad.message, (glob,)) from None
        try:
            out.append((glob, check_codes(f"{name} for '{glob}'", codes)))
        except BadValue as bad:
            raise BadValue(bad.message, (glob,), bad.element) from None
    return tuple(out)


def _levels(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise BadValue(f'{name} must be a table of rule code = level, like T101 = "error"')
    _bounded(name, value)
    out = {}
    for code, level in value.items():
        if not CODE_RE.fullmatch(code):
            raise BadValue(f"{name}: {code!r} is not a rule code like \"T101\"", sub=(code,))
        try:
            out[code] = check_choice(f"level of {code}", level, LEVELS)
        except BadValue as bad:
            raise BadValue(bad.message, (code,)) from None
    return out


def _options(name: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise BadValue(f"{name} must be a table of rule code = table of option values")
    _bounded(name, value)
    out: dict[str, dict[str, Any]] = {}
    for code, opts in value.items():
        if not CODE_RE.fullmatch(code):
            raise BadValue(f"{name}: {code!r} is not a rule code like \"A304\"", sub=(code,))
        if not isinstance(opts, dict):
            raise BadValue(f"{name} for {code} must be a table of option = value", sub=(code,))
        try:
            _bounded(f"{name} for {code}", opts)
        except BadValue as bad:
            raise BadValue(bad.message, (code,)) from None
        for key, v in opts.items():
            if not OPTION_RE.fullmatch(key):
                raise BadValue(f"{name} for {code}: {key!r} is not an option name", sub=(code, key))
            from ..base.options import value_problem   # only a config with [options] needs it
            bad = value_problem(key, v, code)
            if bad is not None:
                raise BadValue(bad, sub=(code, key))
        out[code] = dict(opts)
    return out


def _docs_url(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://", "file://")) \
            or len(value) > MAX_PATTERN or any(c.isspace() or ord(c) < 32 for c in value):
        raise BadValue(f'{name} must be the address of the rule pages, like "https://example.com/smmrules/rules/", '
                       f"got {_shown(value)}")
    return value


# TOML key -> (Config attribute, checker(name, value) -> normalized value)
CHECKS = {
    "select": ("select", check_codes), "ignore": ("ignore", check_codes),
    "fail-on": ("fail_on", lambda n, v: check_choice(n, v, LEVELS)),
    "lang": ("lang", lambda n, v: check_choice(n, v, LANGS)),
    "rules": ("rules", lambda n, v: _strings(n, v, "folders of rule files")),
    "include": ("include", _globs), "exclude": ("exclude", _globs),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "levels": ("levels", _levels), "options": ("options", _options),
    "max-file-size": ("max_file_size", lambda n, v: _limit(n, v, FILE_SIZE_CEILING, "bytes")),
    "max-statement-length": ("max_statement_length",
                             lambda n, v: _limit(n, v, STATEMENT_CEILING, "characters")),
    "max-entries": ("max_entries", lambda n, v: _limit(n, v, ENTRIES_CEILING, "entries")),
    "plugins": ("plugins", _plugins),
    "docs-url": ("docs_url", _docs_url),
}


def checked(key: str, value: Any) -> None:
    """Run the check the loader runs for `key` on a value given to Config(): a ConfigError naming it."""
    if key in ("lang", "docs-url") and value is None:
        return
    if key == "rules":
        value = tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else value
    if key == "per-file-ignores":
        pairs = isinstance(value, tuple) and all(isinstance(p, tuple) and len(p) == 2 for p in value)
        value = dict(value) if pairs else value
    try:
        CHECKS[key][1](key, value)
    except BadValue as bad:
        raise ConfigError(bad.message) from None
