"""Arrows point one way: every import in smmrules/ points to the same layer or a lower one, and the
modules import one another without circles.

The layers, lowest first (docs/architecture.md describes what each owns):

    base < metrics < language < documents < rules < linting < reporters < editing < top

Every import counts: at module level and inside functions (the lint path imports lazily, and a lazy
import is still an arrow), under `if TYPE_CHECKING:`, relative and absolute, `import a.b` and
`from . import b`, and `importlib.import_module` with the names a lazy table gives it. The imports are
read with the `ast` module, so nothing is imported to check them.
"""
from __future__ import annotations

import ast
import functools
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smmrules"

# The table of layers, lowest first. A folder of smmrules/ (with everything under it) or a module at the
# top of the package belongs to exactly one layer; a new folder or top-level module is added here.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("base/",)),
    ("metrics", ("metrics.py",)),
    ("language", ("language/",)),
    ("documents", ("documents/",)),
    ("rules", ("rules/",)),
    ("linting", ("linting/",)),
    ("reporters", ("reporters/",)),
    ("editing", ("editing/",)),
    ("top", ("api.py", "cli.py", "docgen.py", "__init__.py", "__main__.py", "report/", "server/")),
)
RANK = {name: rank for rank, (name, _) in enumerate(LAYERS)}

# What smmrules may import from outside itself: the standard library and its two dependencies, and
# the readers' libraries (markdown-it-py for Markdown briefs, the optional openpyxl for .xlsx), which
# only a Markdown or .xlsx file brings in (tests/test_markdown.py checks that they are imported lazily).
THIRD_PARTY = {"lark", "attr", "attrs", "markdown_it", "openpyxl"}
# Optional extras, each allowed in the one place that needs it (and imported only there, lazily).
EXTRAS = {"smmrules.server.protocol": {"pygls", "lsprotocol"}}
DOTTED = re.compile(r"\w+(?:\.\w+)*")


# -- reading the imports ---------------------------------------------------------------------------

def module_name(path: Path, package: Path) -> str:
    """`smmrules/rules/engine.py` -> `smmrules.rules.engine`; a package's `__init__.py` is the package."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.lru_cache(maxsize=None)
def modules(package: Path) -> dict[str, Path]:
    return {module_name(p, package): p for p in sorted(package.rglob("*.py"))}


def _anchor(name: str, path: Path, level: int) -> str:
    """The package a relative import with `level` dots starts from, in module `name` at `path`."""
    parts = name.split(".")
    if path.name != "__init__.py":
        parts.pop()                       # a plain module's `.` is the package it sits in
    return ".".join(parts[: len(parts) - (level - 1)])


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def _dynamic(node: ast.Call, tree: ast.Module, name: str, path: Path, known: set[str]) -> list[str] | None:
    """The modules an `importlib.import_module(...)` call can load; None when it cannot be resolved.

    A constant name resolves as it is. An f-string such as `f".{module}"` (with `__name__` as the
    package) takes its names from the module's own string constants (its table of lazy names): each
    constant that, put in the f-string's place, names a module of the package counts as an import."""
    if not node.args or (len(node.args) > 1 and not (isinstance(node.args[1], ast.Name)
                                                      and node.args[1].id == "__name__")):
        return None
    first = node.args[0]

    def resolve(text: str) -> str:
        dots = len(text) - len(text.lstrip("."))
        return _join(_anchor(name, path, dots), text[dots:]) if dots else text

    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [resolve(first.value)]
    holes = [i for i, v in enumerate(getattr(first, "values", [])) if isinstance(v, ast.FormattedValue)]
    if not isinstance(first, ast.JoinedStr) or len(holes) != 1:
        return None
    prefix = "".join(v.value for v in first.values[: holes[0]])
    suffix = "".join(v.value for v in first.values[holes[0] + 1:])
    constants = {c.value for c in ast.walk(tree)
                 if isinstance(c, ast.Constant) and isinstance(c.value, str) and DOTTED.fullmatch(c.value)}
    return sorted({resolve(prefix + c + suffix) for c in constants} & known) or None


def imports(name: str, path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the module: absolute names, as Python resolves them.

    `from X import y` counts as importing `X.y` when that is a module, else `X`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _join(_anchor(name, path, node.level), node.module or "") if node.level else node.module
            for alias in node.names:
                child = _join(base, alias.name)
                found.append((node.lineno, child if child in known else base))
        elif isinstance(node, ast.Call) and _is_import_module(node.func):
            targets = _dynamic(node, tree, name, path, known)
            if targets is None:
                found.append((node.lineno, "<unresolved importlib.import_module>"))
            else:
                found += [(node.lineno, t) for t in targets]
    return found


def _is_import_module(func: ast.expr) -> bool:
    """`importlib.import_module(...)`, or `import_module(...)` imported by name."""
    if isinstance(func, ast.Name):
        return func.id == "import_module"
    return (isinstance(func, ast.Attribute) and func.attr == "import_module"
            and isinstance(func.value, ast.Name) and func.value.id == "importlib")


# -- the layers --------------------------------------------------------------------------------------

def layer_of(name: str, package: Path) -> str | None:
    """The layer of module `name` (`smmrules.rules.engine`), or None when the table has no place for it."""
    path = modules(package).get(name)
    if path is None:
        return None
    relative = path.relative_to(package).as_posix()
    for layer, places in LAYERS:
        for place in places:
            if relative == place or (place.endswith("/") and relative.startswith(place)):
                return layer
    return None


@functools.lru_cache(maxsize=None)
def graph(package: Path) -> dict[str, list[tuple[int, str]]]:
    """Each module of the package -> (line, module of the package it imports)."""
    found = modules(package)
    known = set(found)
    top = package.name
    return {name: [(line, target) for line, target in imports(name, path, known)
                   if target == top or target.startswith(top + ".") or target.startswith("<")]
            for name, path in found.items()}


def backward_arrows(package: Path) -> list[str]:
    layers = {name: layer_of(name, package) for name in modules(package)}
    out = []
    for name, targets in graph(package).items():
        for line, target in targets:
            if target.startswith("<"):
                out.append(f"{name}:{line}: {target}")
                continue
            mine, theirs = layers[name], layers.get(target)
            if theirs is None:
                out.append(f"{name}:{line} imports {target}, which is not a module of the package")
            elif mine is not None and RANK[theirs] > RANK[mine]:
                out.append(f"{name}:{line} ({mine}) imports {target} ({theirs})")
    return out


def circles(package: Path) -> list[str]:
    """Each strongly connected group of modules, as one circle through it: `a -> b -> c -> a`."""
    edges = {name: sorted({t for _, t in targets if t in modules(package) and t != name})
             for name, targets in graph(package).items()}
    out = []
    for group in _strongly_connected(edges):
        if len(group) > 1:
            out.append(" -> ".join(_circle_through(min(group), edges, group)))
    return sorted(out)


def _strongly_connected(edges: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def _circle_through(start: str, edges: dict[str, list[str]], group: set[str]) -> list[str]:
    """The shortest path from `start` back to itself inside `group` (breadth first)."""
    came_from: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in edges[node]:
            if child not in group:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"{start} is in a strongly connected group but has no way back")


def base_outward(package: Path) -> list[str]:
    """The imports of base/ modules that leave base/ (the package itself included)."""
    return [f"{name}:{line} imports {target}" for name, targets in graph(package).items()
            if layer_of(name, package) == "base"
            for line, target in targets if layer_of(target, package) != "base"]


def outside_imports(package: Path) -> list[str]:
    top = package.name
    stdlib = set(sys.stdlib_module_names)
    out = []
    for name, path in modules(package).items():
        for line, target in imports(name, path, set(modules(package))):
            first = target.split(".")[0]
            if not target.startswith("<") and first not in {top} | stdlib | THIRD_PARTY | EXTRAS.get(name, set()):
                out.append(f"{name}:{line} imports {target}")
    return out


# -- the checks on smmrules itself -----------------------------------------------------------------

def test_every_module_has_a_layer():
    missing = [f"{p.relative_to(ROOT)}" for n, p in modules(PACKAGE).items() if layer_of(n, PACKAGE) is None]
    assert missing == [], "add the folder (or top-level module) to LAYERS in tests/test_layers.py"


def test_every_place_in_the_table_exists():
    for _, places in LAYERS:
        for place in places:
            assert (PACKAGE / place).exists(), f"LAYERS names {place}, which smmrules/ does not have"


# what each check finds wrong, by what it checks
CHECKS = {
    "every import points to the same or a lower layer (backward arrows)": backward_arrows,
    "base imports nothing of smmrules outside base": base_outward,
    "the modules import one another without circles (import circles)": circles,
    "outside the package, only the standard library, lark and attrs (and each extra in its module)": outside_imports,
}


@pytest.mark.parametrize("rule", CHECKS)
def test_the_package_keeps(rule):
    found = CHECKS[rule](PACKAGE)
    assert found == [], f"{rule}:\n" + "\n".join(found)


def test_the_table_covers_what_the_package_has_today():
    names = set(modules(PACKAGE))
    assert {"smmrules", "smmrules.base.errors", "smmrules.metrics", "smmrules.language.tokenizer",
            "smmrules.documents.goals", "smmrules.rules.engine", "smmrules.linting.runner",
            "smmrules.reporters.sarif", "smmrules.cli", "smmrules.api"} <= names
    assert [layer_of(n, PACKAGE) for n in ("smmrules.base.errors", "smmrules.metrics", "smmrules.language.ast",
                                           "smmrules.documents.goals", "smmrules.rules.catalogue",
                                           "smmrules.linting.config", "smmrules.reporters", "smmrules",
                                           "smmrules.__main__", "smmrules.docgen")] == \
        ["base", "metrics", "language", "documents", "rules", "linting", "reporters", "top", "top", "top"]


# -- the checker, on a small package made for it -------------------------------------------------------

def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "smmrules"
    for rel, text in files.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


EVERY_FORM = {
    "__init__.py": "import importlib\n_LAZY = {'Rule': 'rules.engine'}\n"
                   "def __getattr__(n):\n    return importlib.import_module(f'.{_LAZY[n]}', __name__)\n",
    "base/__init__.py": "",
    "base/errors.py": "import os\n",
    "language/__init__.py": "",
    "language/ast.py": "from ..base import errors\nfrom ..base.errors import os as _os\n",
    "language/render.py": "from . import ast\n",
    "rules/__init__.py": "",
    "rules/engine.py": "import smmrules.language.render\n"
                       "def check():\n    from smmrules.base import errors\n    import smmrules.language.ast as a\n",
}


def test_every_form_of_import_is_read(tmp_path):
    package = _package(tmp_path, EVERY_FORM)
    found = {name: sorted(t for _, t in targets) for name, targets in graph(package).items()}
    assert found == {
        "smmrules": ["smmrules.rules.engine"],
        "smmrules.base": [], "smmrules.base.errors": [], "smmrules.language": [], "smmrules.rules": [],
        "smmrules.language.ast": ["smmrules.base.errors", "smmrules.base.errors"],
        "smmrules.language.render": ["smmrules.language.ast"],
        "smmrules.rules.engine": ["smmrules.base.errors", "smmrules.language.ast", "smmrules.language.render"],
    }
    assert backward_arrows(package) == [] and circles(package) == []


@pytest.mark.parametrize("rel, source, arrow, from_base", [
    ("language/ast.py", "def late():\n    from ..rules.engine import check\n",
     "smmrules.language.ast:2 (language) imports smmrules.rules.engine (rules)", []),
    ("base/errors.py", "from smmrules.language import ast\n",
     "smmrules.base.errors:1 (base) imports smmrules.language.ast (language)",
     ["smmrules.base.errors:1 imports smmrules.language.ast"]),
])
def test_an_upward_import_is_found(tmp_path, rel, source, arrow, from_base):
    package = _package(tmp_path, {**EVERY_FORM, rel: source})
    assert backward_arrows(package) == [arrow]
    assert base_outward(package) == from_base


def test_a_circle_is_reported_as_a_path(tmp_path):
    files = dict(EVERY_FORM)
    files["language/ast.py"] = "def draw():\n    from .render import x\n"
    files["language/tokenizer.py"] = "from . import render\n"
    files["language/render.py"] = "from . import tokenizer\nfrom .ast import Goal\n"
    package = _package(tmp_path, files)
    assert circles(package) == [
        "smmrules.language.ast -> smmrules.language.render -> smmrules.language.ast"]
    files["language/ast.py"] = "from .tokenizer import t\n"
    package = _package(tmp_path / "three", files)
    assert circles(package) == [
        "smmrules.language.ast -> smmrules.language.tokenizer -> smmrules.language.render "
        "-> smmrules.language.ast"]


def test_a_new_folder_without_a_layer_is_named(tmp_path):
    files = dict(EVERY_FORM)
    files["lsp/__init__.py"] = ""
    files["lsp/server.py"] = "from ..rules import engine\n"
    package = _package(tmp_path, files)
    assert sorted(n for n in modules(package) if layer_of(n, package) is None) == ["smmrules.lsp",
                                                                                   "smmrules.lsp.server"]


def test_an_unresolvable_dynamic_import_is_reported(tmp_path):
    files = dict(EVERY_FORM)
    files["rules/engine.py"] = ("import importlib\nfrom importlib import import_module\n"
                                "def load(n):\n    return importlib.import_module(n) or import_module(n)\n")
    package = _package(tmp_path, files)
    assert backward_arrows(package) == ["smmrules.rules.engine:4: <unresolved importlib.import_module>"] * 2


@pytest.mark.parametrize("source, expected", [
    ("import yaml\n", ["smmrules.base.errors:1 imports yaml"]),
    ("import lark, attr, os.path\nfrom importlib.metadata import version\n", []),
])
def test_imports_from_outside_the_package(tmp_path, source, expected):
    files = dict(EVERY_FORM)
    files["base/errors.py"] = source
    assert outside_imports(_package(tmp_path, files)) == expected


# -- the map (docs/architecture.md) agrees with the table and the files -----------------------------------

MAP = ROOT / "docs" / "architecture.md"
# a path the map names in backticks, under a top folder of the repository; NAME, LANG, KEY stand for a new one
NAMED_PATH = re.compile(r"`((?:smmrules|grammar|rules|docs|tests|benchmarks|examples)/[^`\s]*)`")


def _map_layers() -> list[tuple[str, str]]:
    """(layer, folder cell) of each row of the map's layer table."""
    text = MAP.read_text(encoding="utf-8")
    table = text[text.index("| Layer (lowest first)"):].split("\n\n", 1)[0].splitlines()[2:]
    return [(row.split("|")[1].strip(), row.split("|")[2].strip()) for row in table]


def test_the_map_lists_the_layers_of_the_table_in_order():
    assert [layer for layer, _ in _map_layers()] == [name for name, _ in LAYERS]
    for (layer, cell), (name, places) in zip(_map_layers(), LAYERS):
        assert all(f"`smmrules/{place}`" in cell or f"`{place}`" in cell for place in places), (layer, cell)


def test_every_file_the_map_names_exists():
    missing = [p for p in NAMED_PATH.findall(MAP.read_text(encoding="utf-8"))
               if not re.search(r"NAME|LANG|KEY|\*", p) and not (ROOT / p).exists()]
    assert missing == []
