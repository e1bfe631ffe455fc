"""Issue 12, family 1: the cache cannot run code or serve wrong results, whoever writes to it.

Every entry kind is covered: result, builtin-rules, rules, toml, doc-keywords, document-table,
goal-table, lexicons, lexicon-en, lexicon-ru, lexicon-uk, regex. The runs that matter are real processes
(`python -m smmrules lint`), so nothing a test process remembers can hide a fault; the checks of
one entry at a time call cache.load, the only reader of entry files.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from smmrules.base import cache

KINDS = ("result", "builtin-rules", "rules", "toml", "doc-keywords", "document-table", "goal-table",
         "lexicons", "lexicon-en", "lexicon-ru", "lexicon-uk", "regex", "regexset",
         "rule-page-codes", "attrs-code", "task-matcher")

DOCS = {
    "en.goals": "goal: grow newsletter subscribers by 20%\n  task: send a weekly digest of new posts\n",
    "ru.goals": "цель: увеличить продажи на 15%\n",
    "uk.goals": "ціль: збільшити продажі на 15% до 2026-09\n",
}
TEAM = '[[override]]\ncode = "T101"\nlevel = "error"\n'
ARGS = ["lint", "--format", "json", "-j", "1", "--rules", "team", *DOCS]

# A driver that runs the command and logs which entries it read and wrote (kind, digest, hit).
DRIVER = """
import json, os, sys
from smmrules.base import cache
log = open(os.environ["SMM_LOG"], "a", encoding="utf-8")
real_load, real_store = cache.load, cache.store
def load(kind, digest, check=None):
    value = real_load(kind, digest, check)
    log.write(json.dumps(["load", kind, digest, value is not None]) + "\\n")
    return value
def store(kind, digest, value):
    log.write(json.dumps(["store", kind, digest]) + "\\n")
    real_store(kind, digest, value)
cache.load, cache.store = load, store
from smmrules.cli import main
code = main(sys.argv[1:])
log.close()
raise SystemExit(code)
"""


def _env(cache_dir: Path, **extra) -> dict:
    env = dict(os.environ)
    env.pop("SMMRULES_NO_CACHE", None)
    env.update(SMMRULES_CACHE_DIR=str(cache_dir), **extra)
    return env


def smm(work: Path, cache_dir: Path, *args: str, **extra) -> subprocess.CompletedProcess:
    """`python -m smmrules ARGS` in `work`, with this cache directory."""
    return subprocess.run([sys.executable, "-m", "smmrules", *(args or ARGS)], cwd=work, env=_env(cache_dir, **extra),
                          capture_output=True, text=True, timeout=120)


def logged(work: Path, cache_dir: Path, log: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", DRIVER, *ARGS], cwd=work, env=_env(cache_dir, SMM_LOG=str(log)),
                          capture_output=True, text=True, timeout=120)


def entries_of(log: Path, what: str) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return list(dict.fromkeys((r[1], r[2]) for r in rows if r[0] == what))


def entry_path(cache_dir: Path, kind: str, digest: str) -> Path:
    return cache_dir / f"{kind}-{digest[:40]}.pickle"


def listing(folder: Path) -> dict:
    """Every file under `folder` with its size and modification time (what a run may have touched)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


class Template:
    """A folder of documents and a cache filled by a first run; which entries each run reads."""

    def __init__(self, root: Path):
        self.work = root / "work"
        (self.work / "team").mkdir(parents=True)
        for name, text in DOCS.items():
            (self.work / name).write_text(text, encoding="utf-8")
        (self.work / "team" / "team.toml").write_text(TEAM, encoding="utf-8")
        self.cache = root / "cache"
        reference = smm(self.work, root / "unused", "lint", "--no-cache", *ARGS[1:])
        assert reference.returncode == 1 and reference.stderr == "", reference.stderr
        self.output = reference.stdout
        codes = sorted((f["path"], f["code"], f["level"]) for f in json.loads(self.output))
        assert ("en.goals", "T101", "error") in codes and ("ru.goals", "T101", "error") in codes
        assert ("uk.goals", "T101", "error") not in codes   # it has a deadline: findings differ per file
        first = logged(self.work, self.cache, root / "first.log")
        assert (first.returncode, first.stdout) == (1, self.output)
        self.stored = entries_of(root / "first.log", "store")
        # with the results gone, a run reads the artefacts: tables, lexicons, rules, keywords, templates
        for p in self.cache.glob("result-*"):
            p.unlink()
        artefacts = logged(self.work, self.cache, root / "artefacts.log")
        assert (artefacts.returncode, artefacts.stdout) == (1, self.output)
        self.artefacts = [e for e in entries_of(root / "artefacts.log", "load") if e[0] != "result"]
        warm = logged(self.work, self.cache, root / "warm.log")
        assert (warm.returncode, warm.stdout) == (1, self.output)
        # (with --rules the rule set is built first, to report a broken rule file before any document)
        self.results = [e for e in entries_of(root / "warm.log", "load") if e[0] == "result"]
        assert len(self.results) == 3 and "result" not in {k for k, _ in entries_of(root / "warm.log", "store")}
        # the entry read in a run, one per kind
        self.read = {kind: digest for kind, digest in self.artefacts}
        self.read["result"] = self.results[0][1]
        assert set(self.read) == set(KINDS), sorted(self.read)
        assert {k for k, _ in self.stored} == set(KINDS)

    def copy(self, tmp_path: Path, kind: str) -> Path:
        """A copy of the filled cache in which the entry of `kind` is the one the next run reads
        (for an artefact, the results are dropped so that the run gets as far as reading it)."""
        target = tmp_path / "cache"
        shutil.copytree(self.cache, target)
        if kind != "result":
            for p in target.glob("result-*"):
                p.unlink()
        return target


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Template:
    return Template(tmp_path_factory.mktemp("filled"))


@pytest.fixture
def fresh():
    """What this process remembers of folders, keys and built values is forgotten before and after."""
    cache.forget()
    yield
    cache.forget()


def _evil(marker: Path) -> bytes:
    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))
    return pickle.dumps(Evil(), protocol=5)


# ====================================================================== no code from the cache
def test_a_planted_pickle_under_every_entry_name_is_never_run(template, tmp_path, fresh):
    """Whoever writes to the cache directory (but cannot read the key) plants pickles that would
    create a file, as raw pickles and behind a well-formed header with a made-up MAC."""
    folder = template.copy(tmp_path, "result")
    marker = tmp_path / "pwned"
    evil = _evil(marker)
    names = sorted(folder.glob("*.pickle"))
    assert len(names) >= len(KINDS)
    for i, p in enumerate(names):
        p.write_bytes(evil if i % 2 else cache._MAGIC + os.urandom(cache._TAG) + evil)
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout, run.stderr) == (1, template.output, "")
    assert not marker.exists()
    # and in-process, every entry the first run stored, read one by one
    with _cache_dir(folder):
        for kind, digest in template.stored:
            for planted in (evil, cache._MAGIC + bytes(cache._TAG) + evil):
                entry_path(folder, kind, digest).write_bytes(planted)
                assert cache.load(kind, digest) is None
    assert not marker.exists()


def test_an_entry_moved_to_another_name_is_not_served(template, tmp_path, fresh):
    """A valid entry copied over another (the result of one file over another's, the Russian lexicon
    over the English one) fails its MAC: the MAC covers the entry's kind and whole key."""
    folder = template.copy(tmp_path, "result")
    results = [entry_path(folder, "result", d) for _, d in template.results]
    results[1].write_bytes(results[0].read_bytes())
    results[2].write_bytes(results[0].read_bytes())
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout) == (1, template.output)
    folder = template.copy(tmp_path / "b", "lexicon-en")
    entry_path(folder, "lexicon-en", template.read["lexicon-en"]).write_bytes(
        entry_path(folder, "lexicon-ru", template.read["lexicon-ru"]).read_bytes())
    with _cache_dir(folder):
        assert cache.load("lexicon-en", template.read["lexicon-en"]) is None
        assert cache.load("lexicon-ru", template.read["lexicon-ru"]) is not None
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout) == (1, template.output)


# ====================================================================== integrity
@pytest.fixture(scope="module")
def entry_bytes(template):
    return {(k, d): entry_path(template.cache, k, d).read_bytes() for k, d in template.stored}


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_flipped_bit_anywhere_in_any_entry_is_a_miss(template, entry_bytes, tmp_path_factory, data):
    """Any single bit of any entry of any kind (header, MAC or pickle) flipped: load() misses."""
    kind, digest = data.draw(st.sampled_from(sorted(entry_bytes)), label="entry")
    original = entry_bytes[(kind, digest)]
    bit = data.draw(st.integers(0, len(original) * 8 - 1), label="bit")
    flipped = bytearray(original)
    flipped[bit // 8] ^= 1 << (bit % 8)
    folder = tmp_path_factory.mktemp("flip")
    entry_path(folder, kind, digest).write_bytes(bytes(flipped))
    cache.forget()
    old = os.environ.get("SMMRULES_CACHE_DIR")
    os.environ["SMMRULES_CACHE_DIR"] = str(folder)
    try:
        assert cache.load(kind, digest) is None
        entry_path(folder, kind, digest).write_bytes(original)
        assert cache.load(kind, digest) is not None      # the same entry, intact, is served
    finally:
        os.environ["SMMRULES_CACHE_DIR"] = old
        cache.forget()


@pytest.mark.parametrize("kind", KINDS)
def test_a_flipped_bit_is_rebuilt_and_the_findings_stay_the_same(template, tmp_path, kind, fresh):
    folder = template.copy(tmp_path, kind)
    path = entry_path(folder, kind, template.read[kind])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10                        # inside the pickle, past the header and MAC
    path.write_bytes(bytes(data))
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout, run.stderr) == (1, template.output, "")
    assert path.read_bytes() != bytes(data), "the damaged entry must be rebuilt"
    with _cache_dir(folder):
        assert cache.load(kind, template.read[kind]) is not None


class _cache_dir:
    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        self.old = os.environ.get("SMMRULES_CACHE_DIR")
        os.environ["SMMRULES_CACHE_DIR"] = str(self.folder)
        cache.forget()

    def __exit__(self, *exc):
        os.environ["SMMRULES_CACHE_DIR"] = self.old
        cache.forget()


def _lookalike(kind: str, template: Template):
    """A value of the right outer type for `kind` whose inside is wrong."""
    from smmrules.language import lr
    from smmrules.documents.goals import _Keywords
    from smmrules.language.lexicon import Lexicon
    from smmrules.linting.results import FileResult
    if kind == "result":
        return FileResult("en.goals", ("not a finding",), ("goal: x",))
    if kind == "builtin-rules":
        return [("rules/x.toml", ["not a rule"], [], {}, b"")]
    if kind == "rules":
        return (["not a rule"], [], {})
    if kind == "toml":
        return ["a list, not a table"]
    if kind == "doc-keywords":
        return _Keywords([], [], {}, {}, {}, frozenset(), frozenset(), {}, ())
    if kind in ("goal-table", "document-table"):
        return lr.Table({}, {}, (), 0, 1)
    if kind == "rule-page-codes":              # the codes JSON links to their pages (rules.links)
        return frozenset({101, 102})
    if kind == "regex":
        return (32, [0, 1, 2], 0, {}, (None,))      # a program _sre refuses
    if kind == "regexset":                          # the same, for a pattern the run compiles
        return [("smmrules:\\s*(ignore-file|ignore)\\b(?:\\[([^\\]]*)\\])?", 2, (32, [0, 1, 2], 0, {}, (None,)))]
    if kind == "task-matcher":                     # the task patterns of another language
        return Lexicon("ru", [])
    if kind == "attrs-code":                       # a source attrs never writes, and no code
        return {("def __init__(self): pass", "<attrs generated methods x.X>"): b"not marshalled code"}
    if kind == "lexicons":
        return {"root": "/nowhere", "defaults": {}, "metrics": {"sales": "not a metric"}, "cue_names": frozenset()}
    other = "ru" if kind != "lexicon-ru" else "en"
    return (Lexicon(other, []), Lexicon(other, []))


@pytest.mark.parametrize("shape", ["other type", "lookalike"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_entry_of_the_wrong_shape_is_a_miss_not_a_traceback(template, tmp_path, kind, shape, fresh):
    """Even an entry with a valid MAC (as smmrules itself might have written it in another layout)
    is checked for its shape before use: a mismatch is rebuilt."""
    folder = template.copy(tmp_path, kind)
    digest = template.read[kind]
    planted = "a string, not an entry" if shape == "other type" else _lookalike(kind, template)
    with _cache_dir(folder):
        cache.store(kind, digest, planted)
        assert cache.dumps(cache.load(kind, digest)) == cache.dumps(planted)   # valid: only its shape is wrong
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout, run.stderr) == (1, template.output, "")
    with _cache_dir(folder):
        rebuilt = cache.load(kind, digest)
        assert rebuilt is not None and cache.dumps(rebuilt) != cache.dumps(planted)


# ====================================================================== whose directory
def _warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line]


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_directory_others_can_write_is_refused_with_one_warning(template, tmp_path, mode, fresh):
    folder = template.copy(tmp_path, "result")
    marker = tmp_path / "pwned"
    # a valid entry of ours, then someone else's planted one: neither is read from such a folder
    entry_path(folder, "result", template.read["result"]).write_bytes(_evil(marker))
    os.chmod(folder, mode)
    before = listing(folder)
    run = smm(template.work, folder)
    assert (run.returncode, run.stdout) == (1, template.output)
    assert _warning_lines(run.stderr) == [
        f"smmrules: warning: the cache directory {folder} is writable by other users (mode {mode:04o}); "
        f"running without the cache"]
    assert not marker.exists()
    assert listing(folder) == before                    # nothing read into, nothing written


def test_a_directory_of_another_user_is_refused(tmp_path, monkeypatch, capsys, fresh):
    """Ownership, without root: the process pretends to be another user (os.getuid)."""
    from smmrules.cli import main
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(folder))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 4242)
    assert main(["lint", "-q", "a.goals"]) == 1
    err = capsys.readouterr().err
    assert err == (f"smmrules: warning: the cache directory {folder} belongs to another user (uid {real}); "
                   f"running without the cache\n")
    assert list(folder.iterdir()) == []
    assert main(["lint", "-q", "a.goals"]) == 1
    assert capsys.readouterr().err == ""                 # one warning a process


def test_directories_are_made_private_parents_included(tmp_path, monkeypatch, capsys, fresh):
    from smmrules.cli import main
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "x" / "y" / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    old = os.umask(0o022)
    try:
        assert main(["lint", "-q", "a.goals"]) == 1
    finally:
        os.umask(old)
    for made in ("x", "x/y", "x/y/cache", "conf", "conf/smmrules"):
        assert stat.S_IMODE((tmp_path / made).stat().st_mode) == 0o700, made
    key = tmp_path / "conf" / "smmrules" / "cache.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert [p.name for p in (tmp_path / "conf" / "smmrules").iterdir()] == ["cache.key"]
    assert any(p.name.startswith("result-") for p in (tmp_path / "x" / "y" / "cache").iterdir())


def test_a_parent_someone_else_made_first_is_refused(tmp_path, monkeypatch, capsys, fresh):
    """Between our look and our mkdir another user makes the folder, open to all: we check what we get."""
    from smmrules.cli import main
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "shared" / "cache"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    real_mkdir = os.mkdir

    def raced(path, mode=0o777):
        real_mkdir(path, mode)
        if os.path.basename(path) == "shared":
            os.chmod(path, 0o777)
    monkeypatch.setattr(os, "mkdir", raced)
    assert main(["lint", "-q", "a.goals"]) == 1
    shared = tmp_path / "shared"
    assert capsys.readouterr().err == (
        f"smmrules: warning: the cache directory {shared / 'cache'}: its parent {shared} is writable by other "
        f"users (mode 0777); running without the cache\n")
    assert list(shared.iterdir()) == []


@pytest.mark.parametrize("problem", ["readable by others", "a symbolic link", "damaged", "folder open to all",
                                     "another user's"])
def test_a_key_that_cannot_be_trusted_means_no_cache(tmp_path, monkeypatch, capsys, problem, fresh):
    from smmrules.cli import main
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cache"
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    assert main(["lint", "-q", "a.goals"]) == 1          # makes the key and fills the cache
    assert capsys.readouterr().err == ""
    key = tmp_path / "conf" / "smmrules" / "cache.key"
    entries = listing(folder)
    if problem == "readable by others":
        os.chmod(key, 0o644)
        expected = f"the cache key {key} is readable or writable by other users (mode 0644)"
    elif problem == "a symbolic link":
        (tmp_path / "elsewhere").write_bytes(key.read_bytes())
        key.unlink()
        key.symlink_to(tmp_path / "elsewhere")
        expected = f"the cache key {key} cannot be read ("
    elif problem == "damaged":
        key.write_bytes(b"short")
        expected = f"the cache key {key} is damaged (it must hold 32 bytes; delete it and a new one is made)"
    elif problem == "folder open to all":
        os.chmod(key.parent, 0o777)
        expected = f"the folder of the cache key {key.parent} is writable by other users (mode 0777)"
    else:
        real = os.getuid()
        st_real = os.stat

        def stat_as_another(path, *args, **kwargs):
            result = st_real(path, *args, **kwargs)
            if os.fspath(path) == str(key.parent):
                return os.stat_result((result.st_mode, result.st_ino, result.st_dev, result.st_nlink, real + 7,
                                       result.st_gid, result.st_size, result.st_atime, result.st_mtime,
                                       result.st_ctime))
            return result
        monkeypatch.setattr(os, "stat", stat_as_another)
        expected = f"the folder of the cache key {key.parent} belongs to another user (uid {real + 7})"
    cache.forget()
    (tmp_path / "a.goals").write_text(DOCS["en.goals"] + "\n", encoding="utf-8")   # a result to look up
    assert main(["lint", "-q", "a.goals"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"smmrules: warning: {expected}") and err.endswith("; running without the cache\n")
    assert err.count("\n") == 1
    assert listing(folder) == entries                    # nothing written without a key to trust


# ====================================================================== --no-cache
@pytest.mark.parametrize("how", ["--no-cache", "SMMRULES_NO_CACHE=1", "--no-cache -j 2"])
def test_no_cache_reads_and_writes_nothing(template, tmp_path, how, fresh):
    """Not the results, not the rule files of --rules or of the config, not the lexicons or tables:
    an absent cache directory stays absent, and a planted one is neither read nor touched."""
    work = tmp_path / "work"
    shutil.copytree(template.work, work)
    (work / ".smmrules.toml").write_text('rules = ["team"]\n', encoding="utf-8")
    args = ARGS[:]
    extra = {}
    if how.startswith("--no-cache"):
        args.insert(1, "--no-cache")
    else:
        extra["SMMRULES_NO_CACHE"] = "1"
    if how.endswith("-j 2"):                          # enough files for worker processes
        for i in range(40):
            (work / f"more{i}.goals").write_text(DOCS["en.goals"], encoding="utf-8")
        args[args.index("-j") + 1] = "2"
    conf = tmp_path / "conf"
    absent = tmp_path / "absent"
    run = smm(work, absent, *args, XDG_CONFIG_HOME=str(conf), **extra)
    assert run.returncode == 1 and run.stderr == ""
    if not how.endswith("-j 2"):
        assert run.stdout == template.output
    assert not absent.exists() and not conf.exists()
    # a cache full of planted entries: not one is loaded (the pickles would make the marker)
    folder = template.copy(tmp_path, "goal-table")
    marker = tmp_path / "pwned"
    for p in folder.glob("*.pickle"):
        p.write_bytes(_evil(marker))
    before = listing(folder)
    run = smm(work, folder, *args, **extra)
    assert run.returncode == 1 and run.stderr == ""
    assert not marker.exists() and listing(folder) == before


def test_without_a_home_nothing_is_written_beside_the_documents(tmp_path, monkeypatch, capsys, fresh):
    """No HOME and no account entry: "~" is not a folder name, and the repository is not a cache."""
    from smmrules.cli import main
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("SMMRULES_CACHE_DIR", "XDG_CACHE_HOME", "SMMRULES_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")      # not absolute: ignored, as XDG says
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    assert main(["lint", "-q", "a.goals"]) == 1
    assert main(["clean"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith("There is no cache to clean: no home directory to keep one in (set SMMRULES_CACHE_DIR).\n")
    assert err == "" and [p.name for p in tmp_path.iterdir()] == ["a.goals"]


def test_no_cache_is_for_that_command_only(tmp_path, monkeypatch, capsys, fresh):
    from smmrules.cli import main
    (tmp_path / "a.goals").write_text(DOCS["en.goals"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMMRULES_NO_CACHE", raising=False)
    assert main(["lint", "-q", "--no-cache", "a.goals"]) == 1
    assert not (tmp_path / "cache").exists() and cache.enabled()
    assert main(["lint", "-q", "a.goals"]) == 1
    assert any(p.name.startswith("result-") for p in (tmp_path / "cache").iterdir())


# ====================================================================== clean
def test_clean_removes_only_what_the_manifest_lists(template, tmp_path, monkeypatch, capsys, fresh):
    from smmrules.cli import main
    folder = template.copy(tmp_path, "result")
    ours = {p.name for p in folder.iterdir()} - {cache.MANIFEST}
    digest = "0123456789abcdef" * 4
    foreign = {
        f"result-{digest[:40]}.pickle": b"named like an entry",
        ".result-123-0011223344556677.tmp": b"named like a temporary file",
        "notes.txt": b"a user's notes",
        "manifest.bak": b"a copy someone made",
    }
    for name, data in foreign.items():
        (folder / name).write_bytes(data)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"beside the cache")
    secret = cache._read_key(cache.key_file())
    with open(folder / cache.MANIFEST, "a", encoding="utf-8") as fh:
        fh.write(f"notes.txt .x.tmp {'0' * 32}\n")           # a forged line: its MAC is wrong
        fh.write("manifest.bak\n")                          # not a line of ours at all
        tag = cache._mac(secret, b"manifest", b"../outside.txt", b"..").hex()[:32]
        fh.write(f"../outside.txt .. {tag}\n")              # verified, but not a name inside the folder
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(folder))
    assert main(["clean"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Removed {len(ours)} cache entries (") and out.splitlines()[0].endswith(f"from {folder}.")
    assert out.splitlines()[1] == "4 other files were not written by this smmrules and were left in place."
    assert {p.name for p in folder.iterdir()} == set(foreign)
    assert all((folder / n).read_bytes() == d for n, d in foreign.items()) and outside.exists()


def test_clean_without_the_key_removes_nothing_and_says_why(template, tmp_path, monkeypatch, capsys, fresh):
    from smmrules.cli import main
    folder = template.copy(tmp_path, "result")
    before = listing(folder)
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    assert main(["clean"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"smmrules: error: cannot clean the cache at {folder}: the cache key ")
    assert err.count("\n") == 1
    assert listing(folder) == before


# ====================================================================== every input in the key
PLUGIN = '''
def plugin():
    return {"functions": {"is_big": (("num",), "bool", lambda x: x > LIMIT)}, "rules": [RULES]}
'''
PLUGIN_RULE = '''[[rule]]
code = "P101"
name = "team.big-target"
level = "warning"
when = "is_big(goal.target.value)"
bad = ["get 300 leads a month by 2026-09"]
good = ["get 3 leads a month by 2026-09"]
[rule.en]
message = "The target is big."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.ru]
message = "Цель большая."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.uk]
message = "Ціль велика."
summary = "s"
what = "w"
why = "y"
fix = "f"
'''


def _install_plugin(site: Path, version: str, limit: int) -> None:
    pkg = site / "bigplugin"
    (pkg / "rules").mkdir(parents=True, exist_ok=True)
    (pkg / "rules" / "big.toml").write_text(PLUGIN_RULE, encoding="utf-8")
    (pkg / "__init__.py").write_text(f"LIMIT = {limit}\nRULES = __import__('os').path.join("
                                     f"__import__('os').path.dirname(__file__), 'rules')\n" + PLUGIN, encoding="utf-8")
    for old in site.glob("bigplugin-*.dist-info"):
        shutil.rmtree(old)
    dist = site / f"bigplugin-{version}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: bigplugin\nVersion: {version}\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[smmrules.plugins]\nbig = bigplugin:plugin\n", encoding="utf-8")


def test_a_changed_plugin_never_serves_old_findings(tmp_path, fresh):
    site, work, folder = tmp_path / "site", tmp_path / "work", tmp_path / "cache"
    work.mkdir()
    (work / ".smmrules.toml").write_text('plugins = ["big"]\nselect = ["P"]\n', encoding="utf-8")
    (work / "a.goals").write_text("goal: get 300 leads a month by 2026-09\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}

    def codes():
        run = smm(work, folder, "lint", "--format", "json", "a.goals", **env)
        assert run.stderr == ""
        return [f["code"] for f in json.loads(run.stdout)]

    def results():
        return {p.name for p in folder.glob("result-*")}
    _install_plugin(site, "1.0", 100)
    assert codes() == ["P101"]
    first = results()
    _install_plugin(site, "1.0", 1000)                  # the code changed, not the version
    assert codes() == []
    second = results() - first
    assert len(second) == 1
    _install_plugin(site, "1.1", 1000)                  # the version changed, not the code
    assert codes() == []
    assert len(results() - first - second) == 1


def test_the_rule_set_kept_in_process_follows_the_bytes_of_rule_files(tmp_path, fresh):
    """Rewritten at the same size and given back its time: the rules in effect still change."""
    from smmrules.linting.config import Config
    from smmrules.linting.pipeline import lint
    folder = tmp_path / "team"
    folder.mkdir()
    rule = folder / "team.toml"
    rule.write_text('[[override]]\ncode = "T101"\nlevel = "error"\n', encoding="utf-8")
    times = rule.stat().st_atime_ns, rule.stat().st_mtime_ns
    config = Config(rules=(folder,))
    text = DOCS["en.goals"]
    assert [(f.code, f.level) for f in lint(text, config=config) if f.code == "T101"] == [("T101", "error")]
    rule.write_text('[[override]]\ncode = "T101"\nlevel = "info"\n\n', encoding="utf-8")
    os.utime(rule, ns=times)
    assert rule.stat().st_size == len(b'[[override]]\ncode = "T101"\nlevel = "error"\n')
    assert [(f.code, f.level) for f in lint(text, config=config) if f.code == "T101"] == [("T101", "info")]
