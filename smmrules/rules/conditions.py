"""The rule condition language: parse with Lark, type-check, compile to Python closures.

No eval/exec and no attribute access: a condition can read only the declared fields
(smmrules/rules/fields.py) and call only the declared functions (smmrules/rules/functions.py).
Bounded in size and depth, so a hostile rule file is rejected quickly.
"""
from __future__ import annotations

import operator
import threading
from typing import Any, Callable

from ..language.lr import Meta, Token, Tree

from .fields import FieldType
from .functions import FUNCTION_IMPLS, FUNCTIONS
from ..base.resources import grammar_dir
from ..base.suggest import did_you_mean, unknown as _unknown

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_NODES = 400
NUMBER_LIMIT = 1e12

Closure = Callable[[dict], Any]


class ConditionError(Exception):
    """An error inside one condition; column and line are relative to the condition text."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


_lock = threading.Lock()
_parser = None
_KEYWORDS = frozenset(("and", "or", "not", "is", "in", "missing", "true", "false"))


def _reserved(tok):
    # The contextual lexer reads a keyword as a NAME where the keyword cannot stand
    # ("and goal.vague"); report the keyword itself rather than the token after it.
    if str(tok) in _KEYWORDS:
        raise ConditionError(f"unexpected {str(tok)!r}", tok.line, tok.column)
    return tok


def _lark():
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                from lark import Lark
                text = (grammar_dir() / "condition.lark").read_text(encoding="utf-8")
                _parser = Lark(text, parser="lalr", propagate_positions=True,
                               lexer_callbacks={"NAME": _reserved})
    return _parser


def _convert(node, depth=0):
    """A Lark tree as a plain smmrules.language.lr tree (picklable, usable without Lark)."""
    from lark import Token as LarkToken
    if depth > MAX_DEPTH + 2:
        m = getattr(node, "meta", None)
        line, col = (m.line, m.column) if m is not None and not m.empty else (1, 1)
        raise ConditionError(f"condition nests deeper than {MAX_DEPTH} levels", line, col)
    if isinstance(node, LarkToken):
        return Token(node.type, str(node), node.start_pos or 0, node.line or 1, node.column or 1,
                     node.end_line or 1, node.end_column or 1, node.end_pos or 0)
    if node is None:
        return None
    m = node.meta
    meta = Meta() if m.empty else Meta(m.line, m.column, m.end_line, m.end_column, False)
    return Tree(str(node.data), [_convert(c, depth + 1) for c in node.children], meta)


def parse_condition(text: str) -> Tree:
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition is {len(text)} characters long; the limit is {MAX_LENGTH}")
    depth = 0
    in_string = False
    for i, ch in enumerate(text):  # bound nesting before the parser recurses into it
        in_string ^= ch == '"'  # a string cannot hold a quote, so quotes pair up
        if in_string:
            continue
        depth += ch in "(["
        depth -= ch in ")]"
        if depth > MAX_DEPTH:
            raise ConditionError(f"condition nests deeper than {MAX_DEPTH} levels", 1, i + 1)
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
    try:
        return _convert(_lark().parse(text))
    except UnexpectedCharacters as exc:
        raise ConditionError(f"unexpected character {text[exc.pos_in_stream]!r}", exc.line, exc.column) from None
    except UnexpectedEOF:
        lines = text.split("\n")
        raise ConditionError("the condition ends too early", len(lines), len(lines[-1]) + 1) from None
    except UnexpectedToken as exc:
        tok = exc.token
        if tok.type == "$END":
            lines = text.split("\n")
            raise ConditionError("the condition ends too early", len(lines), len(lines[-1]) + 1) from None
        raise ConditionError(f"unexpected {str(tok)!r}", tok.line, tok.column) from None
    except UnexpectedInput as exc:  # pragma: no cover - the three above cover LALR
        raise ConditionError(str(exc), getattr(exc, "line", 1), getattr(exc, "column", 1)) from None


_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge}
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def _pos(node) -> tuple[int, int]:
    if isinstance(node, Token):
        return node.line, node.column
    meta = node.meta
    return (meta.line, meta.column) if not meta.empty else (1, 1)


class Compiler:
    """Compile a condition tree against declared fields and options.

    `fields` maps field name -> FieldType; `options` maps option name -> default value.
    `used` collects the fields a condition reads (Rule.fields; the engine's index uses
    required_fields below, which knows which of them must be present).
    """

    def __init__(self, fields: dict[str, FieldType], options: dict[str, Any], functions: dict | None = None):
        self.functions = functions or {}     # plugin functions: name -> (FunctionSig, callable)
        self.fields = fields
        self.options = options
        self.used: set[str] = set()
        self._nodes = 0

    def compile(self, tree) -> Closure:
        fn, kind, _ = self._c(tree)
        if kind != "bool":
            line, col = _pos(tree)
            raise ConditionError(f"a condition must be true or false, but this is a {kind}", line, col)
        return fn

    def _c(self, node, depth=0):
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise ConditionError(f"condition has more than {MAX_NODES} parts", *_pos(node))
        if depth > MAX_DEPTH:
            raise ConditionError(f"condition nests deeper than {MAX_DEPTH} levels", *_pos(node))
        method = getattr(self, f"_c_{node.data}", None)
        if method is None:  # pragma: no cover - every grammar rule has a compiler
            raise ConditionError(f"unsupported expression {node.data}", *_pos(node))
        return method(node, depth + 1)

    # literals -------------------------------------------------------------------
    def _c_number(self, node, depth):
        value = float(node.children[0])
        if abs(value) > NUMBER_LIMIT:
            raise ConditionError(f"number {node.children[0]} is out of range (limit {NUMBER_LIMIT:g})", *_pos(node))
        return (lambda env: value), "num", value

    def _c_string(self, node, depth):
        value = str(node.children[0])[1:-1]
        return (lambda env: value), "str", value

    def _c_true(self, node, depth):
        return (lambda env: True), "bool", True

    def _c_false(self, node, depth):
        return (lambda env: False), "bool", False

    # fields and calls -----------------------------------------------------------------
    def _c_field(self, node, depth):
        name = ".".join(str(t) for t in node.children)
        line, col = _pos(node.children[0])
        if name.startswith("opt."):
            opt = name[4:]
            if opt not in self.options:
                raise ConditionError(_unknown("option", opt, self.options), line, col)
            value = self.options[opt]
            kind = "bool" if isinstance(value, bool) else "num" if isinstance(value, (int, float)) else "str"
            return (lambda env, _o=opt: env["_options"][_o]), kind, None
        if name not in self.fields:
            raise ConditionError(_unknown("field", name, self.fields), line, col)
        self.used.add(name)
        ftype = self.fields[name]
        return operator.itemgetter(name), ftype.kind, ftype     # env[name], without a Python frame

    def _c_call(self, node, depth):
        names = []
        args = []
        for c in node.children:
            if isinstance(c, Token):
                names.append(str(c))
            elif c is not None:
                args.append(c)
        name = ".".join(names)
        line, col = _pos(node.children[0])
        plugin = self.functions.get(name)
        sig = plugin[0] if plugin else FUNCTIONS.get(name)
        if sig is None:
            raise ConditionError(_unknown("function", name, {**FUNCTIONS, **self.functions}), line, col)
        compiled = [self._c(a, depth) for a in args]
        if sig.args and sig.args[0].startswith("*"):
            want = [sig.args[0][1:]] * len(compiled)
            if not compiled:
                raise ConditionError(f"{name}() needs at least one argument", line, col)
        else:
            want = list(sig.args)
            if len(compiled) != len(want):
                raise ConditionError(f"{name}() takes {len(want)} argument(s), got {len(compiled)}", line, col)
        for (fn, kind, _), w, a in zip(compiled, want, args):
            if kind != w:
                raise ConditionError(f"{name}() expects a {w} here, got a {kind}", *_pos(a))
        fns = [fn for fn, _, _ in compiled]
        if name == "doc.baseline":
            self.used.add("_baselines")
            arg = fns[0]
            return (lambda env: env["_baselines"].get(arg(env))), sig.returns, None
        impl = plugin[1] if plugin else FUNCTION_IMPLS[name]
        if plugin:
            raw_impl = impl

            def impl(*args, _f=raw_impl, _name=name):
                # a plugin sees only values, never smmrules' objects; its errors read as missing
                if any(a is None for a in args):
                    return None
                try:
                    return _f(*args)
                except Exception:  # noqa: BLE001 - a failing plugin function must not crash a lint run
                    return None
        if len(fns) == 1:       # most calls take one argument: no list of arguments is built
            only = fns[0]
            return (lambda env: impl(only(env))), sig.returns, None
        return (lambda env: impl(*[f(env) for f in fns])), sig.returns, None

    # operators ----------------------------------------------------------------------
    def _c_not_(self, node, depth):
        fn, kind, _ = self._c(node.children[0], depth)
        self._need(node.children[0], kind, "bool", "not")
        return (lambda env: not fn(env)), "bool", None

    def _bool_chain(self, node, depth, combine):
        parts = []
        for c in node.children:
            fn, kind, _ = self._c(c, depth)
            self._need(c, kind, "bool", "and/or")
            parts.append(fn)
        return combine(tuple(parts)), "bool", None

    def _c_and_expr(self, node, depth):
        return self._bool_chain(node, depth, _all_of)

    def _c_or_expr(self, node, depth):
        return self._bool_chain(node, depth, _any_of)

    def _c_compare(self, node, depth):
        left, op_tok, right = node.children
        lf, lk, lt = self._c(left, depth)
        rf, rk, rt = self._c(right, depth)
        op = str(op_tok)
        if "obj" in (lk, rk):
            raise ConditionError("a whole goal part can only be tested with 'is missing' or 'is not missing'",
                                 *_pos(left if lk == "obj" else right))
        if lk != rk:
            raise ConditionError(f"cannot compare a {lk} with a {rk}", *_pos(op_tok))
        if lk in ("bool", "str", "list") and op not in ("==", "!="):
            raise ConditionError(f"'{op}' needs numbers or dates, not {lk}s", *_pos(op_tok))
        self._check_enum(lt, rt, right)
        self._check_enum(rt, lt, left)
        fn = _COMPARE[op]

        def compare(env):
            a, b = lf(env), rf(env)
            if a is None or b is None:
                return False
            return fn(a, b)
        return compare, "bool", None

    def _c_is_missing(self, node, depth):
        fn, _, _ = self._c(node.children[0], depth)
        return (lambda env: fn(env) is None), "bool", None

    def _c_is_present(self, node, depth):
        fn, _, _ = self._c(node.children[0], depth)
        return (lambda env: fn(env) is not None), "bool", None

    def _membership(self, node, depth):
        item, lst = node.children
        fn, kind, ftype = self._c(item, depth)
        self._need(item, kind, kind if kind != "obj" else "str", "'in'")
        values = []
        dynamic = []  # elements read from fields, options or calls: evaluated per goal
        for atom in lst.children:
            if atom is None:
                continue
            afn, akind, aval = self._c(atom, depth)
            element_kind = "str" if kind == "list" else kind
            if akind != element_kind:
                raise ConditionError(f"this list holds {akind}s but is matched against a {kind}", *_pos(atom))
            if not isinstance(aval, (str, float, bool)):
                dynamic.append(afn)
                continue
            if isinstance(ftype, FieldType) and ftype.values and isinstance(aval, str) and aval not in ftype.values:
                raise ConditionError(_unknown_value(aval, ftype), *_pos(atom))
            values.append(aval)
        frozen = frozenset(values)

        def elements(env):
            if not dynamic:
                return frozen
            return frozen.union(v for v in (d(env) for d in dynamic) if v is not None)
        if kind == "list":
            return (lambda env: bool(elements(env).intersection(fn(env) or ()))), "bool", None
        return (lambda env: fn(env) in elements(env)), "bool", None

    def _c_in_(self, node, depth):
        return self._membership(node, depth)

    def _c_not_in(self, node, depth):
        fn, kind, _ = self._membership(node, depth)
        inner_item = node.children[0]
        item_fn = self._c(inner_item, depth)[0]
        return (lambda env: item_fn(env) is not None and not fn(env)), "bool", None

    def _c_contains(self, node, depth, negate=False):
        item, container = node.children
        ifn, ikind, ival = self._c(item, depth)
        cfn, ckind, ctype = self._c(container, depth)
        if ckind != "list":
            raise ConditionError(f"'in' needs a list after it (a [..] list or a list field), got a {ckind}",
                                 *_pos(container))
        if ikind != "str":
            raise ConditionError(f"only text can be looked up in a list, got a {ikind}", *_pos(item))
        if isinstance(ctype, FieldType) and ctype.values and isinstance(ival, str) and ival not in ctype.values:
            raise ConditionError(_unknown_value(ival, ctype), *_pos(item))
        if negate:  # like 'not in [..]': a missing item is in no list and out of none
            return (lambda env: (v := ifn(env)) is not None and v not in (cfn(env) or ())), "bool", None
        return (lambda env: ifn(env) in (cfn(env) or ())), "bool", None

    def _c_not_contains(self, node, depth):
        return self._c_contains(node, depth, negate=True)

    def _arith(self, node, depth):
        first, *rest = node.children
        fn, kind, _ = self._c(first, depth)
        self._need(first, kind, "num", "arithmetic")
        steps = []
        for op_tok, operand in zip(rest[::2], rest[1::2]):
            ofn, okind, _ = self._c(operand, depth)
            self._need(operand, okind, "num", "arithmetic")
            steps.append((_ARITH[str(op_tok)], ofn))

        def run(env):
            value = fn(env)
            for op, ofn in steps:
                other = ofn(env)
                if value is None or other is None:
                    return None
                try:
                    value = op(value, other)
                except ZeroDivisionError:
                    return None
            return value
        return run, "num", None

    def _c_sum(self, node, depth):
        return self._arith(node, depth)

    def _c_product(self, node, depth):
        return self._arith(node, depth)

    def _c_neg(self, node, depth):
        fn, kind, val = self._c(node.children[0], depth)
        self._need(node.children[0], kind, "num", "'-'")

        def neg(env):   # the operand once: evaluating it twice made "- - - ... x" cost 2^depth
            value = fn(env)
            return None if value is None else -value
        return neg, "num", (-val if isinstance(val, float) else None)

    # checks ----------------------------------------------------------------------
    @staticmethod
    def _need(node, kind, want, what):
        if kind == "obj":
            raise ConditionError("a whole goal part can only be tested with 'is missing' or 'is not missing'",
                                 *_pos(node))
        if kind != want:
            raise ConditionError(f"{what} needs a {want}, got a {kind}", *_pos(node))

    @staticmethod
    def _check_enum(ftype, literal, literal_node):
        if isinstance(ftype, FieldType) and ftype.values and isinstance(literal, str) and literal not in ftype.values:
            raise ConditionError(_unknown_value(literal, ftype), *_pos(literal_node))


def _all_of(parts: tuple) -> Closure:
    """`all(f(env) for f in parts)`, left to right and stopping at the first false part, without a
    generator per evaluation (True or False, as all() gives)."""
    if len(parts) == 2:
        first, second = parts
        return lambda env: bool(first(env) and second(env))

    def conjunction(env):
        for f in parts:
            if not f(env):
                return False
        return True
    return conjunction


def _any_of(parts: tuple) -> Closure:
    """`any(f(env) for f in parts)`, the same way (see _all_of)."""
    if len(parts) == 2:
        first, second = parts
        return lambda env: bool(first(env) or second(env))

    def disjunction(env):
        for f in parts:
            if f(env):
                return True
        return False
    return disjunction


def _unknown_value(value, ftype: FieldType) -> str:
    hint = did_you_mean(str(value), ftype.values)
    return f"'{value}' is not a possible value here{hint}; expected one of: {', '.join(ftype.values)}"


# --- which fields a condition needs --------------------------------------------------------------
# A comparison, a membership test or a bare field with a missing (None) operand is false, and
# arithmetic on a missing value is missing. So for each condition there is a set of fields any one of
# which, missing, makes the whole condition false: the engine skips the rule for an entity that lacks
# one of them, without evaluating it. The analysis only ever under-approximates (calls, `not`,
# `is missing` and `or` of different fields contribute nothing), so skipping never changes a result.

def _strict(node) -> frozenset:
    """Fields whose absence makes the value of expression `node` missing."""
    if isinstance(node, Token) or node is None:
        return frozenset()
    data = node.data
    if data == "field":
        name = ".".join(str(t) for t in node.children)
        return frozenset() if name.startswith("opt.") else frozenset((name,))
    if data in ("sum", "product"):
        out: frozenset = frozenset()
        for child in node.children[::2]:
            out |= _strict(child)
        return out
    if data == "neg":
        return _strict(node.children[0])
    return frozenset()          # literals, calls (a function may accept a missing argument)


def required_fields(node) -> frozenset:
    """Fields that must all be present for condition `node` to be true."""
    data = node.data
    if data == "and_expr":
        out: frozenset = frozenset()
        for child in node.children:
            out |= required_fields(child)
        return out
    if data == "or_expr":
        sets = [required_fields(child) for child in node.children]
        return frozenset.intersection(*sets) if sets else frozenset()
    if data == "compare":
        return _strict(node.children[0]) | _strict(node.children[2])
    if data in ("is_present", "in_", "not_in", "not_contains"):
        return _strict(node.children[0])
    if data == "contains":
        return _strict(node.children[0]) | _strict(node.children[1])
    if data == "field":
        return _strict(node)      # a yes/no field on its own: missing is false
    return frozenset()            # not, is missing, literals, calls


def compile_condition(text: str, fields: dict[str, FieldType], options: dict[str, Any],
                      functions: dict | None = None):
    """(closure, fields used) for a condition; raises ConditionError."""
    return compile_tree(parse_condition(text), fields, options, functions)


def compile_tree(tree, fields: dict[str, FieldType], options: dict[str, Any], functions: dict | None = None):
    """(closure, fields used) for an already parsed condition tree."""
    comp = Compiler(fields, options, functions)
    fn = comp.compile(tree)
    return fn, frozenset(comp.used)


class LazyCheck:
    """A rule's condition compiled on its first evaluation, from a tree the cache kept (checked when its
    rule file was first loaded): a run compiles only the rules it evaluates, not the whole catalogue."""

    __slots__ = ("_args", "_fn")

    def __init__(self, tree, fields: dict[str, FieldType], options: dict[str, Any], functions: dict | None = None):
        self._args = (tree, fields, options, functions)
        self._fn = None

    def __call__(self, env):
        return (self._fn or self.compiled())(env)

    def compiled(self) -> Closure:
        """The closure (compiled now if it was not yet): the engine calls it directly, without this
        object's call in between on every evaluation."""
        fn = self._fn
        if fn is None:          # (two threads may both compile: the closures are equal, either will do)
            fn = self._fn = compile_tree(*self._args)[0]
        return fn
