"""Run Lark's LALR tables without importing Lark: plain-data tables, tokens, trees and a driver.

Lark builds the tables from grammar/*.lark (on a cache miss, see smmrules/base/cache.py); this module
only drives them, the way Lark's standalone parser does, so a warm `smmrules lint` never pays
for importing Lark or building LALR tables. Trees follow Lark's conventions: rules named `_x`
are inlined, `?x` rules with one child collapse, aliases rename, filtered tokens are dropped.
"""
from __future__ import annotations

SHIFT, REDUCE = 0, 1


class Token(str):
    """A token: its text, terminal type and position (1-based line/column, end column exclusive)."""
    __slots__ = ("type", "start_pos", "end_pos", "line", "column", "end_line", "end_column", "meaning", "alts")

    def __new__(cls, type_, value, start_pos=0, line=1, column=1, end_line=1, end_column=1, end_pos=0,
                meaning=None, alts=()):
        self = str.__new__(cls, value)
        self.type = type_
        self.start_pos, self.end_pos = start_pos, end_pos
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self.meaning, self.alts = meaning, alts
        return self

    def __reduce__(self):
        return (Token, (self.type, str(self), self.start_pos, self.line, self.column, self.end_line,
                        self.end_column, self.end_pos, self.meaning, self.alts))

    def __repr__(self):
        return f"Token({self.type!r}, {str(self)!r})"


class Meta:
    __slots__ = ("line", "column", "end_line", "end_column", "empty")

    def __init__(self, line=1, column=1, end_line=1, end_column=1, empty=True):
        self.line, self.column, self.end_line, self.end_column, self.empty = line, column, end_line, end_column, empty


class Tree:
    """A parse tree node: `data` (rule name), `children` (Trees and Tokens), `meta` (position)."""
    __slots__ = ("data", "children", "meta")

    def __init__(self, data, children, meta=None):
        self.data, self.children, self.meta = data, children, meta or Meta()

    def __repr__(self):
        return f"Tree({self.data!r}, {self.children!r})"


class ParseError(Exception):
    def __init__(self, token, expected):
        super().__init__(f"unexpected {token!r}")
        self.token, self.expected = token, expected


class Table:
    """LALR actions as plain data: actions[state][terminal] = (SHIFT, state) or (REDUCE, rule index);
    gotos[state][nonterminal] = state; rules[i] = (origin, tree name, length, keep flags, inline, expand1)."""
    __slots__ = ("actions", "gotos", "rules", "start", "end")

    def __init__(self, actions, gotos, rules, start, end):
        self.actions, self.gotos, self.rules, self.start, self.end = actions, gotos, rules, start, end

    def __getstate__(self):
        return (self.actions, self.gotos, self.rules, self.start, self.end)

    def __setstate__(self, state):
        self.actions, self.gotos, self.rules, self.start, self.end = state

    @staticmethod
    def looks_whole(value) -> bool:
        """Whether a value read from the cache is a table (its parts of the right types)."""
        return (type(value) is Table and type(value.actions) is dict and type(value.gotos) is dict
                and type(value.rules) is tuple and value.start in value.actions and value.end in value.actions)

    @classmethod
    def from_lark(cls, lark) -> "Table":
        from lark.parsers.lalr_analysis import Shift
        pt = lark.parser.parser.parser.parse_table
        start_name = lark.options.start[0]
        rule_index: dict = {}
        rules: list = []
        actions: dict = {}
        gotos: dict = {}
        keep_all = lark.options.keep_all_tokens
        # One object per distinct name and action: the pickled table refers back to them instead of
        # repeating them (about 5,600 actions over 160 states), which halves the time to load it.
        shared: dict = {}

        def one(value):
            return shared.setdefault(value, value)
        for state, acts in pt.states.items():
            a, g = {}, {}
            for sym, (action, arg) in acts.items():
                sym = one(str(sym))  # Lark may hand over its own Token (a str subclass): keep plain data
                if action is Shift:
                    if sym.isupper() or sym == "$END":
                        a[sym] = one((SHIFT, arg))
                    else:
                        g[sym] = arg
                    continue
                idx = rule_index.get(id(arg))
                if idx is None:
                    idx = rule_index[id(arg)] = len(rules)
                    keep = tuple(keep_all or not getattr(s, "filter_out", False) for s in arg.expansion)
                    origin = str(arg.origin.name)
                    name = str(arg.alias) if arg.alias else origin
                    rules.append((origin, name, len(arg.expansion), keep,
                                  origin.startswith("_") and not arg.alias, bool(arg.options.expand1)))
                a[sym] = one((REDUCE, idx))
            actions[state] = a
            gotos[state] = g
        return cls(actions, gotos, tuple(rules), pt.start_states[start_name], pt.end_states[start_name])


def _meta(children) -> Meta:
    first = last = None
    for c in children:
        if isinstance(c, Tree):
            if c.meta.empty:
                continue
            m = c.meta
        else:
            m = c
        if first is None:
            first = m
        last = m
    if first is None:
        return Meta()
    return Meta(first.line, first.column, last.end_line, last.end_column, False)


class _Inline:
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items


_END = Token("$END", "")


def _kept(popped: list, keep: tuple) -> list:
    """The children a reduction keeps of the values it pops, inlined lists spread out."""
    children = None
    for c, k in zip(popped, keep):
        if k:
            if isinstance(c, _Inline):
                # take over the inlined list (it is ours and about to be dropped): a long
                # `_item*` grows in place instead of being copied at every step
                if children is None:
                    children = c.items
                else:
                    children.extend(c.items)
            elif children is None:
                children = [c]
            else:
                children.append(c)
    return [] if children is None else children


PLANS_KEPT = 1024    # action sequences remembered per memo (GoalGrammar.plans)


def parse(table: Table, tokens, build=None, plans: dict | None = None):
    """Parse a token sequence with `table`; raises ParseError at the first token that does not fit.

    Without `build`, the result is a Tree. With it, each rule's value is `build(name, children)`
    at the moment the rule is reduced (children already built, in order): a transformer applied
    while parsing, with no tree in between.

    `plans`, a memo, keeps the parser's actions per sequence of terminal types: the actions depend
    on nothing else, so a sequence met before is replayed (its shifts and reductions in order, with
    no table look-up) instead of driven through the table again."""
    if plans is None:
        return _drive(table, tokens, build, None)
    tokens = tokens if tokens.__class__ is list else list(tokens)
    key = tuple([t.type for t in tokens])
    plan = plans.get(key)
    if plan is not None:
        if build is None:
            return _replay(plan.ops, tokens, None)
        program = plan.program
        if program is None:
            program = plan.program = _program(plan.ops, len(tokens))
        return _run(program, tokens, build)
    ops: list = []
    value = _drive(table, tokens, build, ops)
    if len(plans) >= PLANS_KEPT:
        plans.clear()
    plans[key] = _Plan(tuple(ops))
    return value


class _Plan:
    """A remembered sequence of actions (None for a shift, the rule for a reduction) and, once it is
    replayed with a builder, its program (_program)."""

    __slots__ = ("ops", "program")

    def __init__(self, ops: tuple):
        self.ops = ops
        self.program = None


def _program(ops: tuple, count: int) -> tuple:
    """What replaying `ops` over `count` tokens with a builder comes to, worked out once: which rules
    are built, in order, and from which values. Values are numbered: the tokens 0 to count - 1, then
    each built value in turn. Inlined rules (`_x`) and one-child `?x` rules build nothing and only
    pass their children on, and which children a reduction keeps depends on the actions alone, so
    none of that is done again per statement. Returns ((name, value numbers) per build, the number
    of the result)."""
    stack: list = []            # per value on the parser's stack: (inlined?, value number or list of them)
    built = []
    made = count
    shifted = 0
    for rule in ops:
        if rule is None:
            stack.append((False, shifted))
            shifted += 1
            continue
        _, name, size, keep, inline, expand1 = rule
        popped = stack[len(stack) - size:] if size else []
        if size:
            del stack[-size:]
        children: list = []
        for (spread, value), k in zip(popped, keep):
            if k:
                if spread:
                    children.extend(value)
                else:
                    children.append(value)
        if inline:
            stack.append((True, children))
        elif expand1 and len(children) == 1:
            stack.append((False, children[0]))
        else:
            built.append((name, tuple(children)))
            stack.append((False, made))
            made += 1
    spread, result = stack[-1]
    return tuple(built), (tuple(result) if spread else result), spread


def _run(program: tuple, tokens: list, build):
    """parse() with `build` by a plan's program (see _program): the same calls of `build`, in the same
    order, with the same children."""
    built, result, spread = program
    values = list(tokens)
    append = values.append
    get = values.__getitem__
    for name, numbers in built:
        append(build(name, list(map(get, numbers))))
    if spread:      # (a start rule that is inlined: the list _reduce would give)
        return _Inline(list(map(get, result)))
    return values[result]


def _drive(table: Table, tokens, build, ops: list | None):
    """parse() through the table; each action is appended to `ops` when it is a list (None for a
    shift, the rule for a reduction)."""
    actions, gotos, rules, end_state = table.actions, table.gotos, table.rules, table.end
    states = [table.start]
    values: list = []
    it = iter(tokens)
    tok = next(it, _END)
    while True:
        act = actions[states[-1]].get(tok.type)
        if act is None:
            raise ParseError(tok, sorted(t for t in actions[states[-1]] if t != "$END"))
        kind, arg = act
        if kind == SHIFT:
            states.append(arg)
            values.append(tok)
            tok = next(it, _END)
            if ops is not None:
                ops.append(None)
            continue
        rule = rules[arg]
        if ops is not None:
            ops.append(rule)
        size = rule[2]
        if size:
            del states[-size:]
        values.append(_reduce(values, rule, build))
        states.append(gotos[states[-1]][rule[0]])
        if tok is _END and states[-1] == end_state:
            return values[-1]


def _replay(plan: tuple, tokens: list, build):
    """parse() by a remembered sequence of actions (see parse)."""
    values: list = []
    it = iter(tokens)
    for rule in plan:
        if rule is None:
            values.append(next(it))
        else:
            values.append(_reduce(values, rule, build))
    return values[-1]


def _reduce(values: list, rule: tuple, build):
    """The value of reducing `rule`: its children popped off `values`."""
    _, name, size, keep, inline, expand1 = rule
    if size == 1 and keep[0]:       # two reductions in three: one child, kept
        c = values.pop()
        children = c.items if c.__class__ is _Inline else [c]
    elif size:
        children = _kept(values[-size:], keep)
        del values[-size:]
    else:
        children = []
    if inline:
        return _Inline(children)
    if expand1 and len(children) == 1:
        return children[0]
    if build is not None:
        return build(name, children)
    return Tree(name, children, _meta(children))
