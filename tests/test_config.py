"""Config: discovery, every key, exact errors with lines, selection, globs and command-line overrides."""
from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from smmrules.base import tomlfile
from smmrules.linting.globs import glob_match
from smmrules.linting.config import (DEFAULT, DEFAULT_EXCLUDE, Config, check_known, find_config, is_excluded,
                             is_selected, load_config, matches_include, with_overrides)
from smmrules.base.errors import ConfigError, SmmrulesError


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert isinstance(info.value, SmmrulesError)
    return str(info.value)


# ------------------------------------------------------------------------------ discovery
def test_find_config_walks_upward(tmp_path):
    own = write(tmp_path / ".smmrules.toml", "select = ['T1']\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == own
    assert find_config(tmp_path) == own


def test_find_config_from_a_file_uses_its_folder(tmp_path):
    own = write(tmp_path / "sub" / ".smmrules.toml", "")
    doc = write(tmp_path / "sub" / "plan.goals", "goal: x\n")
    assert find_config(doc) == own


def test_pyproject_without_table_is_skipped(tmp_path):
    top = write(tmp_path / "pyproject.toml", "[tool.smmrules]\nfail-on = 'error'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n[tool.ruff]\nline-length = 99\n")
    assert find_config(tmp_path / "pkg") == top


def test_pyproject_with_table_is_found(tmp_path):
    py = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.smmrules]\nselect = ['S']\n")
    (tmp_path / "docs").mkdir()
    assert find_config(tmp_path / "docs") == py


def test_smmrules_toml_wins_over_pyproject_in_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.smmrules]\nfail-on = 'error'\n")
    own = write(tmp_path / ".smmrules.toml", "fail-on = 'info'\n")
    assert find_config(tmp_path) == own
    assert load_config(find_config(tmp_path)).fail_on == "info"


def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".smmrules.toml", "")
    inner = write(tmp_path / "inner" / "pyproject.toml", "[tool.smmrules]\n")
    assert find_config(tmp_path / "inner") == inner


def test_broken_pyproject_that_mentions_us_is_returned_so_the_error_is_reported(tmp_path):
    py = write(tmp_path / "pyproject.toml", "[tool.smmrules]\nselect = [\n")
    write(tmp_path / "up" / "pyproject.toml", "[project\n")   # broken and not ours: skipped
    assert find_config(tmp_path / "up") == py
    assert error_of(py).startswith(f"{py}:")


def test_no_config_found(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    (tmp_path / "x").mkdir()
    found = find_config(tmp_path / "x")
    # the search goes on to the filesystem root, where a stray config may exist; none is under tmp_path
    assert found is None or not found.is_relative_to(tmp_path)


# ------------------------------------------------------------------------------ every key
FULL = """\
[project]
name = "demo"

[tool.smmrules]
select = ["T", "s1", "D501"]
ignore = ["T103"]
fail-on = "error"
lang = "uk"
rules = ["extra-rules", "../shared-rules"]
include = ["*.goals", "*.plan"]
exclude = ["drafts", "old/**"]
max-file-size = 1_000_000
max-statement-length = 500
max-entries = 60_000
plugins = ["acme-smm"]

[tool.smmrules.per-file-ignores]
"docs/*.goals" = ["T1"]
"**/legacy/*.goals" = ["A", "S101"]

[tool.smmrules.levels]
T101 = "error"
A304 = "info"

[tool.smmrules.options.A304]
max_monthly_growth = 30

[tool.smmrules.options.T102]
max_months = 18
strict = true
"""


def test_every_key_is_parsed(tmp_path):
    proj = tmp_path / "proj"
    (proj / "extra-rules").mkdir(parents=True)
    (tmp_path / "shared-rules").mkdir()
    (tmp_path / ".git").mkdir()             # the repository: proj/ is a folder of it, beside shared-rules/
    c = load_config(write(proj / "pyproject.toml", FULL))
    assert c.path == proj / "pyproject.toml"
    assert c.root == proj
    assert c.select == ("T", "S1", "D501")
    assert c.ignore == ("T103",)
    assert c.fail_on == "error"
    assert c.lang == "uk"
    assert c.rules == (proj / "extra-rules", tmp_path / "shared-rules")
    assert all(p.is_absolute() for p in c.rules)
    assert c.include == ("*.goals", "*.plan")
    assert c.exclude == ("drafts", "old/**")
    assert c.per_file_ignores == (("docs/*.goals", ("T1",)), ("**/legacy/*.goals", ("A", "S101")))
    assert c.levels == {"T101": "error", "A304": "info"}
    assert c.options == {"A304": {"max_monthly_growth": 30}, "T102": {"max_months": 18, "strict": True}}
    assert c.max_file_size == 1_000_000
    assert c.max_statement_length == 500
    assert c.max_entries == 60_000
    assert c.plugins == ("acme-smm",)
    assert c.lines[("levels", "A304")] == 23
    assert c.lines[("options", "T102", "strict")] == 30


def test_smmrules_toml_keys_at_top_level_with_inline_tables(tmp_path):
    c = load_config(write(tmp_path / ".smmrules.toml",
                          'select = ["M2"]\nper-file-ignores = { "a.goals" = ["M201"] }\n'
                          'levels = { M202 = "warning" }\noptions.A304.max_monthly_growth = 12.5\n'))
    assert c.select == ("M2",)
    assert c.per_file_ignores == (("a.goals", ("M201",)),)
    assert c.levels == {"M202": "warning"}
    assert c.options == {"A304": {"max_monthly_growth": 12.5}}
    assert c.root == tmp_path


def test_empty_config_gives_defaults(tmp_path):
    c = load_config(write(tmp_path / ".smmrules.toml", "# nothing yet\n"))
    assert c.evolve(path=None, root=DEFAULT.root) == DEFAULT
    assert c.fail_on == "warning" and c.lang is None
    assert c.include == ("*.goals",) and c.exclude == DEFAULT_EXCLUDE
    assert c.max_file_size == 5_000_000 and c.max_statement_length == 2_000 and c.max_entries == 20_000


def test_default_config():
    assert DEFAULT.path is None
    assert DEFAULT.select == () and DEFAULT.ignore == () and DEFAULT.per_file_ignores == ()
    assert DEFAULT.rules == () and DEFAULT.plugins == ()
    assert set(DEFAULT_EXCLUDE) == {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox",
                                    "build", "dist"}


def test_utf8_bom_is_accepted(tmp_path):
    c = load_config(write(tmp_path / ".smmrules.toml", b"\xef\xbb\xbffail-on = 'info'\n"))
    assert c.fail_on == "info"


def test_config_survives_pickling_for_worker_processes(tmp_path):
    c = load_config(write(tmp_path / ".smmrules.toml", 'select = ["T"]\nlevels = { T101 = "info" }\n'))
    assert pickle.loads(pickle.dumps(c)) == c


def test_explicit_non_pyproject_config_uses_top_level(tmp_path):
    c = load_config(write(tmp_path / "ci" / "lint.toml", "fail-on = 'info'\n"))
    assert c.fail_on == "info" and c.root == tmp_path / "ci"


# ------------------------------------------------------------------------------ invalid configs
PY = "[project]\nname = 'x'\n\n[tool.smmrules]\n"   # settings start on line 5


@pytest.mark.parametrize("body, line, message", [
    ("fail_on = 'error'\n", 5, "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ("selct = ['T1']\n", 5, "unknown key 'selct' (did you mean 'select'?)"),
    ("select = ['T1']\nextend-select = ['A']\n", 6,
     "unknown key 'extend-select' (extend-select is not supported; list every code in select)"),
    ("fail-on = 'warn'\n", 5, "fail-on must be one of error, warning, info, got 'warn'"),
    ("fail-on = 2\n", 5, "fail-on must be one of error, warning, info, got 2"),
    ("select = 'T1'\n", 5, 'select must be a list of rule codes or prefixes like "T1"'),
    ("select = [\n  'T1',\n  'T-1',\n]\n", 7,
     'select must be a list of rule codes or prefixes like "T1", got \'T-1\''),
    ("ignore = [101]\n", 5, 'ignore must be a list of rule codes or prefixes like "T1", got 101'),
    ("lang = 'de'\n", 5, "lang must be one of en, ru, uk, got 'de'"),
    ("\n\nmax-file-size = 0\n", 7, "max-file-size must be a whole number of bytes from 1 to 1_000_000_000, got 0"),
    ("max-file-size = 2_000_000_000\n", 5,
     "max-file-size must be a whole number of bytes from 1 to 1_000_000_000, got 2000000000"),
    ("max-statement-length = '2000'\n", 5,
     "max-statement-length must be a whole number of characters from 1 to 50_000, got '2000'"),
    ("max-statement-length = true\n", 5,
     "max-statement-length must be a whole number of characters from 1 to 50_000, got true"),
    ("max-entries = 1_000_001\n", 5,
     "max-entries must be a whole number of entries from 1 to 1_000_000, got 1000001"),
    ("max-entries = 2.5\n", 5, "max-entries must be a whole number of entries from 1 to 1_000_000, got 2.5"),
    ("include = '*.goals'\n", 5, 'include must be a list of glob patterns like "*.goals"'),
    ("exclude = ['ok', '']\n", 5, "exclude must be a list of glob patterns like \"*.goals\", got ''"),
    ("rules = 'rules'\n", 5, "rules must be a list of folders of rule files"),
    ("plugins = ['./evil.py']\n", 5, 'plugins must name installed plugins (entry points of the '
     '"smmrules.plugins" group), not files or modules, got \'./evil.py\''),
    ("plugins = ['pkg.mod:attr']\n", 5, 'plugins must name installed plugins (entry points of the '
     '"smmrules.plugins" group), not files or modules, got \'pkg.mod:attr\''),
    ("plugins = 'acme'\n", 5, 'plugins must be a list of installed plugin names (entry points of the '
     '"smmrules.plugins" group)'),
    ("[tool.smmrules.levels]\nT101 = 'error'\nA304 = 'warn'\n", 7,
     "level of A304 must be one of error, warning, info, got 'warn'"),
    ("[tool.smmrules.levels]\nT1 = 'error'\n", 6, "levels: 'T1' is not a rule code like \"T101\""),
    ("levels = ['T101']\n", 5, 'levels must be a table of rule code = level, like T101 = "error"'),
    ("[tool.smmrules.options.A304]\n\nmax_monthly_growth = [30]\n", 7,
     "option 'max_monthly_growth' of A304 must be a number (at most 1e12), a string or true/false"),
    ("[tool.smmrules.options.A304]\nmax_monthly_growth = 1e13\n", 6,
     "option 'max_monthly_growth' of A304 must be a number (at most 1e12), a string or true/false"),
    ("[tool.smmrules.options.A304]\nmax_monthly_growth = nan\n", 6,
     "option 'max_monthly_growth' of A304 must be a number (at most 1e12), a string or true/false"),
    ("[tool.smmrules.options]\nA304 = 30\n", 6, "options for A304 must be a table of option = value"),
    ("[tool.smmrules.per-file-ignores]\n\"docs/*.goals\" = ['T1']\n\"**/old.goals\" = ['bad code']\n", 7,
     "per-file-ignores for '**/old.goals' must be a list of rule codes or prefixes like \"T1\", "
     "got 'bad code'"),
    ("per-file-ignores = ['docs']\n", 5, 'per-file-ignores must be a table of glob = [codes], like '
     '"docs/**" = ["T1"]'),
])
def test_invalid_pyproject(tmp_path, body, line, message):
    path = write(tmp_path / "pyproject.toml", PY + body)
    assert error_of(path) == f"{path}:{line}: {message}"


def test_invalid_toml_reports_tomllib_line(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "select = ['T1']\nfail-on = error\nlang = 'en'\n")
    assert error_of(path) == f"{path}:2: invalid TOML: Invalid value (column 11)"


def test_invalid_toml_unclosed_array(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "# c\nselect = ['T1',,]\n")
    assert error_of(path) == f"{path}:2: invalid TOML: Invalid value (column 16)"


def test_invalid_toml_at_end_of_document(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "lang = 'en'\nfail-on =")
    assert error_of(path) == f"{path}:2: invalid TOML: Invalid value"


def test_non_utf8_file(tmp_path):
    path = write(tmp_path / ".smmrules.toml", b"lang = 'en'\n# caf\xe9\n")
    assert error_of(path) == f"{path}:2: config file is not valid UTF-8 (byte 0xe9); save it as UTF-8"


def test_missing_file(tmp_path):
    path = tmp_path / "nope.toml"
    assert error_of(path) == f"{path}:1: cannot read config file: No such file or directory"


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / ".smmrules.toml", "lang = 'en'\n")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tomlfile, "open", denied, raising=False)
    assert error_of(path) == f"{path}:1: cannot read config file: Permission denied"


def test_config_path_is_a_directory(tmp_path):
    path = tmp_path / ".smmrules.toml"
    path.mkdir()
    assert error_of(path) == f"{path}:1: config file is a directory"


def test_huge_config_file_is_refused_unread(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "# " + "x" * 1_000_001 + "\n")
    assert error_of(path) == f"{path}:1: config file is 1,000,004 bytes; the limit is 1,000,000"


def test_pyproject_without_table_given_explicitly(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert error_of(path) == f"{path}:1: no [tool.smmrules] table in this pyproject.toml"


def test_tool_table_inside_smmrules_toml(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "\n[tool.smmrules]\nselect = ['T']\n")
    assert error_of(path) == (f"{path}:2: unknown key 'tool' (in .smmrules.toml the settings go at the "
                              "top level, without [tool.smmrules])")


def test_missing_rules_folder(tmp_path):
    (tmp_path / "mine").mkdir()
    path = write(tmp_path / ".smmrules.toml", "rules = [\n  'mine',\n  'theirs',\n]\n")
    assert error_of(path) == (f"{path}:3: rules folder 'theirs' does not exist or is not a folder "
                              f"(looked for {tmp_path / 'theirs'})")


def test_unknown_key_without_close_match(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "lang = 'en'\nbanana = 1\n")
    assert error_of(path) == f"{path}:2: unknown key 'banana'"


def test_deeply_nested_toml_is_an_error_not_a_crash(tmp_path):
    path = write(tmp_path / ".smmrules.toml", "select = " + "[" * 50_000 + "]" * 50_000 + "\n")
    message = error_of(path)
    assert message.startswith(f"{path}:1: ")


def test_hostile_glob_cannot_backtrack(tmp_path):
    glob = "*a" * 31 + "*b"          # 32 wildcards: the most a glob may have (MAX_WILDCARDS)
    c = load_config(write(tmp_path / ".smmrules.toml",
                          f'exclude = ["{glob}"]\nper-file-ignores = {{ "{glob}" = ["T"] }}\n'))
    assert c.exclude == (glob,)
    start = time.process_time()
    assert not is_excluded(c, tmp_path / ("a" * 900))
    assert is_selected(c, "T101", str(tmp_path / ("a" * 900)))
    assert time.process_time() - start < 2.0          # CPU seconds; the runaway case took minutes


def test_a_glob_with_too_many_wildcards_is_refused_at_its_line(tmp_path):
    glob = "*a" * 200 + "*b"
    with pytest.raises(ConfigError, match="has 201 wildcards; the limit is 32") as exc:
        load_config(write(tmp_path / ".smmrules.toml", f'include = ["*.goals"]\nexclude = ["{glob}"]\n'))
    assert exc.value.line == 2
    with pytest.raises(ConfigError, match="per-file-ignores: the glob .* has 201 wildcards") as exc:
        load_config(write(tmp_path / ".smmrules.toml", f'\n[per-file-ignores]\n"{glob}" = ["T"]\n'))
    assert exc.value.line == 3


# ------------------------------------------------------------------------------ the Config class
def test_config_validators_have_human_messages():
    with pytest.raises(ConfigError, match="fail-on must be one of error, warning, info, got 'warn'"):
        Config(fail_on="warn")
    with pytest.raises(ConfigError, match='select must be a list of rule codes or prefixes like "T1"'):
        Config(select="T1")
    with pytest.raises(ConfigError, match="max-file-size must be a whole number"):
        Config(max_file_size=0)
    assert Config(select=["T1"]).select == ("T1",)
    with pytest.raises(AttributeError):
        DEFAULT.fail_on = "error"


# ------------------------------------------------------------------------------ selection
def test_select_by_prefix():
    c = Config(select=("T1", "S101"))
    assert is_selected(c, "T101") and is_selected(c, "T103")
    assert is_selected(c, "S101")
    assert not is_selected(c, "S102")
    assert not is_selected(c, "A304")
    assert is_selected(Config(select=("T",)), "T999")


def test_empty_select_means_all():
    assert all(is_selected(DEFAULT, code) for code in ("T101", "A304", "D501", "E001"))


def test_ignore_wins_over_select():
    c = Config(select=("T",), ignore=("T10",))
    assert not is_selected(c, "T101")
    assert not is_selected(Config(select=("T101",), ignore=("T",)), "T101")
    assert not is_selected(Config(ignore=("A3",)), "A304")
    assert is_selected(Config(ignore=("A3",)), "S101")


def test_per_file_ignores_globs(tmp_path):
    c = Config(root=tmp_path, per_file_ignores=(
        ("docs/*.goals", ("T1",)),
        ("**/legacy/**", ("A",)),
        ("draft-*.goals", ("S101",)),
    ))
    docs = str(tmp_path / "docs" / "plan.goals")
    assert not is_selected(c, "T101", docs)
    assert is_selected(c, "T101", str(tmp_path / "docs" / "sub" / "plan.goals"))   # * stays in one folder
    assert is_selected(c, "S101", docs)
    assert not is_selected(c, "A304", str(tmp_path / "legacy" / "a.goals"))             # ** matches no folder
    assert not is_selected(c, "A304", str(tmp_path / "x" / "y" / "legacy" / "z" / "a.goals"))
    assert is_selected(c, "A304", str(tmp_path / "legacyish" / "a.goals"))
    # a glob without a slash matches the file name anywhere
    assert not is_selected(c, "S101", str(tmp_path / "deep" / "er" / "draft-1.goals"))
    assert is_selected(c, "S101", str(tmp_path / "deep" / "final.goals"))
    assert is_selected(c, "T101")                    # no path: per-file-ignores do not apply


def test_per_file_ignores_with_relative_paths_from_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = load_config(write(tmp_path / ".smmrules.toml", '[per-file-ignores]\n"docs/**/*.goals" = ["D5"]\n'))
    assert not is_selected(c, "D501", "docs/a/b/plan.goals")
    assert not is_selected(c, "D501", "docs/plan.goals")
    assert is_selected(c, "D601", "docs/plan.goals")
    assert is_selected(c, "D501", "other/plan.goals")


def test_per_file_ignores_relative_to_config_folder_not_cwd(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    c = load_config(write(proj / "pyproject.toml", '[tool.smmrules.per-file-ignores]\n"docs/*" = ["T"]\n'))
    monkeypatch.chdir(tmp_path)
    assert not is_selected(c, "T101", "proj/docs/a.goals")
    assert is_selected(c, "T101", "docs/a.goals")     # that is tmp_path/docs, outside the project


# ------------------------------------------------------------------------------ include / exclude
def test_exclude_defaults(tmp_path):
    c = DEFAULT.evolve(root=tmp_path)
    for name in DEFAULT_EXCLUDE:
        assert is_excluded(c, tmp_path / name)
        assert is_excluded(c, tmp_path / "src" / name / "x.goals")
    assert not is_excluded(c, tmp_path / "src" / "plan.goals")
    assert not is_excluded(c, tmp_path / "builds" / "plan.goals")


def test_exclude_ignores_folders_above_the_config(tmp_path):
    root = tmp_path / "build" / "proj"         # a checkout that happens to live under build/
    c = DEFAULT.evolve(root=root)
    assert not is_excluded(c, root / "plans" / "a.goals")
    assert is_excluded(c, root / "dist" / "a.goals")


def test_exclude_custom_globs_replace_the_defaults(tmp_path):
    c = load_config(write(tmp_path / ".smmrules.toml",
                          'exclude = ["drafts", "archive/20*", "**/tmp-*.goals", "*.bak.goals", "old/"]\n'))
    assert is_excluded(c, tmp_path / "drafts")
    assert is_excluded(c, tmp_path / "a" / "drafts" / "x.goals")      # a name matches any component
    assert is_excluded(c, tmp_path / "archive" / "2023" / "q1.goals")  # a path glob excludes what is below
    assert not is_excluded(c, tmp_path / "x" / "archive" / "2023" / "q1.goals")   # anchored at the root
    assert is_excluded(c, tmp_path / "deep" / "er" / "tmp-1.goals")
    assert is_excluded(c, tmp_path / "plan.bak.goals")
    assert is_excluded(c, tmp_path / "old" / "x" / "y.goals")
    assert not is_excluded(c, tmp_path / "node_modules" / "x.goals")  # defaults replaced
    assert not is_excluded(c, tmp_path / "plan.goals")


def test_exclude_with_relative_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = DEFAULT.evolve(root=Path("."))
    assert is_excluded(c, Path("examples/.venv"))
    assert not is_excluded(c, Path("examples/plan.goals"))


def test_matches_include(tmp_path):
    assert matches_include(DEFAULT, tmp_path / "a" / "plan.goals")
    assert not matches_include(DEFAULT, tmp_path / "a" / "plan.txt")
    c = Config(root=tmp_path, include=("*.plan", "briefs/**/*.md"))
    assert matches_include(c, tmp_path / "x" / "y.plan")
    assert matches_include(c, tmp_path / "briefs" / "2024" / "q1.md")
    assert matches_include(c, tmp_path / "briefs" / "q1.md")
    assert not matches_include(c, tmp_path / "notes" / "q1.md")
    assert not matches_include(c, tmp_path / "x" / "y.goals")


@pytest.mark.parametrize("glob, path, expected", [
    ("*.goals", "a.goals", True), ("*.goals", "a.goalsx", False), ("?.goals", "ab.goals", False),
    ("[ab].goals", "b.goals", True), ("[!ab].goals", "b.goals", False), ("[a-c]x", "cx", True),
    ("plan[", "plan[", True), ("docs/**", "docs/a/b", True), ("**/*.goals", "a.goals", True),
    ("a/**/b", "a/b", True), ("a/**/b", "a/x/y/b", True), ("a/**/b", "a/x/y/c", False),
    ("./docs/*.goals", "docs/a.goals", True), ("*", "a/b", False), ("**", "a/b", True),
])
def test_glob_semantics(glob, path, expected):
    assert glob_match(glob, tuple(path.split("/"))) is expected


# ------------------------------------------------------------------------------ command-line overrides
def test_with_overrides_precedence(tmp_path):
    (tmp_path / "cfg-rules").mkdir()
    (tmp_path / "cli-rules").mkdir()
    c = load_config(write(tmp_path / ".smmrules.toml",
                          'select = ["T", "S"]\nignore = ["T1", "A3", "S101"]\nfail-on = "info"\nlang = "ru"\n'
                          'rules = ["cfg-rules"]\n'))
    same = with_overrides(c)
    assert same == c
    o = with_overrides(c, select=("T101", "A"), ignore=("D5",), fail_on="error", lang="en",
                       rules=(tmp_path / "cli-rules",))
    assert o.select == ("T101", "A")
    # an explicit --select T101 beats the config's broader ignore T1; A3 is narrower than A, so it stays
    assert o.ignore == ("A3", "S101", "D5")
    assert is_selected(o, "T101") and is_selected(o, "A201") and not is_selected(o, "A304")
    assert not is_selected(o, "D501") and not is_selected(o, "S102")
    assert o.fail_on == "error" and o.lang == "en"
    assert o.rules == (tmp_path / "cfg-rules", tmp_path / "cli-rules")
    # untouched settings keep the config's values
    assert o.path == c.path and o.root == c.root and o.levels == c.levels


def test_with_overrides_ignore_only_adds(tmp_path):
    c = Config(select=("T",), ignore=("T103",))
    o = with_overrides(c, ignore=["T101"])
    assert o.select == ("T",) and o.ignore == ("T103", "T101")


def test_with_overrides_rejects_bad_values():
    with pytest.raises(ConfigError) as info:
        with_overrides(DEFAULT, fail_on="warn")
    assert str(info.value) == "--fail-on must be one of error, warning, info, got 'warn'"
    with pytest.raises(ConfigError) as info:
        with_overrides(DEFAULT, select=("T-1",))
    assert str(info.value) == '--select must be a list of rule codes or prefixes like "T1", got \'T-1\''
    with pytest.raises(ConfigError):
        with_overrides(DEFAULT, lang="de")


def test_with_overrides_resolves_relative_cli_rule_folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    o = with_overrides(DEFAULT, rules=["mine"])
    assert o.rules == (tmp_path / "mine",)


# ------------------------------------------------------------------------------ rule folders
def test_relative_rule_folders_resolve_against_config_folder(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    (proj / "rules" / "local").mkdir(parents=True)
    (proj / "more").mkdir()
    (proj / ".git").mkdir()
    path = write(proj / "cfg" / ".smmrules.toml", 'rules = ["../rules/local", "../more", "../more/"]\n')
    monkeypatch.chdir(tmp_path)                 # the cwd must not matter
    c = load_config(Path("proj/cfg/.smmrules.toml"))
    assert c.rules == (proj / "rules" / "local", proj / "more")
    assert c.root == path.parent


def test_absolute_rule_folder(tmp_path):
    folder = tmp_path / "x" / "abs"
    folder.mkdir(parents=True)
    c = load_config(write(tmp_path / "x" / ".smmrules.toml", f"rules = [{str(folder)!r}]\n"))
    assert c.rules == (folder,)


def test_absolute_rule_folder_outside_the_repository_needs_the_command_line(tmp_path):
    folder = tmp_path / "abs"
    folder.mkdir()
    path = write(tmp_path / "x" / ".smmrules.toml", f"rules = [{str(folder)!r}]\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:1:10: rules folder {str(folder)!r} leads outside the repository ")
    assert load_config(path, allow_rules=(str(folder),)).rules == (folder,)


# ------------------------------------------------------------------------------ checking against loaded rules
def test_check_known_points_at_the_config_line(tmp_path):
    path = write(tmp_path / ".smmrules.toml",
                 '[levels]\nT101 = "error"\nT191 = "info"\n[options.A304]\nmax_monthly_growht = 3\n')
    c = load_config(path)
    known = {"T101": {}, "T102": {"max_months": 24}, "A304": {"max_monthly_growth": 50}}
    with pytest.raises(ConfigError) as info:
        check_known(c, known)
    assert str(info.value) == f"{path}:3: levels: unknown rule code 'T191' (did you mean 'T101'?)"
    c2 = load_config(write(tmp_path / "b.toml", '[options.A304]\n\nmax_monthly_growht = 3\n'))
    with pytest.raises(ConfigError) as info:
        check_known(c2, known)
    assert str(info.value) == (f"{tmp_path / 'b.toml'}:3: unknown option 'max_monthly_growht' of A304 "
                               "(did you mean 'max_monthly_growth'?)")
    c3 = load_config(write(tmp_path / "c.toml", 'options.A304.max_monthly_growth = "fast"\n'))
    with pytest.raises(ConfigError, match="option 'max_monthly_growth' of A304 must be a number"):
        check_known(c3, known)
    check_known(load_config(write(tmp_path / "d.toml", 'options.A304.max_monthly_growth = 12.5\n')), known)


def test_check_known_with_real_rules(tmp_path):
    from smmrules.rules.engine import default_rules
    known = {r.code: dict(r.options) for r in default_rules().all_rules()}
    assert "A304" in known
    check_known(load_config(write(tmp_path / ".smmrules.toml", '[levels]\nA304 = "error"\n')), known)


# ------------------------------------------------------------------------------ never a crash
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "select", "ignore", "fail-on", "lang", "rules", "include", "exclude", "per-file-ignores", "levels",
    "options", "max-file-size", "max-statement-length", "plugins", "[tool.smmrules]", "[levels]",
    "[options.A304]", "[per-file-ignores]", " = ", "\n", '"', "'", "[", "]", "{", "}", ",", ".", "T1",
    "A304", "error", "warn", "**/*.goals", "1e13", "-1", "true", "nan", "\ufeff", "\x00", "é", "#",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join)),
       pyproject=st.booleans())
def test_any_text_loads_or_raises_config_error(tmp_path, text, pyproject):
    path = tmp_path / ("pyproject.toml" if pyproject else ".smmrules.toml")
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        c = load_config(path)
    except ConfigError as exc:
        assert str(exc).startswith(f"{path}:")
        assert isinstance(exc.line, int) and exc.line >= 1
    else:
        assert isinstance(c, Config)
        is_selected(c, "T101", str(tmp_path / "a.goals"))
        is_excluded(c, tmp_path / "a" / "b.goals")
