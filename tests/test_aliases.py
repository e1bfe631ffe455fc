"""Renamed rule codes: the alias table (rules/aliases.toml, `[aliases]` in any rule file) keeps an
old code working in suppressions, the configuration, the command line, overrides and `explain`;
L102 reports a suppression that still uses one. And the SMART letters of the moved rules: a
compound goal is specific (C101, no letter), an activity is a task, not a result (R404, R)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules.linting.renamed import renamed_in, resolve
from smmrules.cli import main
from smmrules.linting.config import DEFAULT, Config, load_config, with_overrides
from smmrules.language.context import Context
from smmrules.rules.engine import RuleSet, default_rules
from smmrules.base.errors import ConfigError, RuleFileError
from smmrules.rules.explain import explain_text
from smmrules.rules.fields import goal_values
from smmrules.linting.pipeline import lint
from smmrules.language.parse import parse_goal
from smmrules.rules.rulefile import Alias, resolve_aliases

RULES = default_rules()

ACTIVITY_DOC = ("goal: publish 30 posts a month by 2026-06   # smmrules: ignore[S105]\n"
                "  task: plan the content for a month\n")
COMPOUND_DOC = ("# smmrules: ignore-file[S104]\n"
                "goal: increase sales and leads by 20% by 2026-06\n"
                "  task: raise conversion from first touch to sale\n"
                "goal: grow followers and reach by 30% by 2026-09\n"
                "  task: run a reach campaign with a frequency of 4-5\n")
PLAIN_DOC = ("goal: publish 30 posts a month by 2026-06\n"
             "  task: plan the content for a month\n"
             "goal: increase sales and leads by 20% by 2026-06\n"
             "  task: raise conversion from first touch to sale\n")


def codes(text: str, config=None, path="doc.goals") -> set[tuple[int, str]]:
    return {(f.line, f.code) for f in lint(text, path=path, config=config)}


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# ------------------------------------------------------------------ the table and the moved rules
def test_builtin_alias_table():
    assert RULES.aliases == {"S104": "C101", "S105": "R404"}
    assert RULES.resolve("S105") == "R404" and RULES.resolve("S104") == "C101"
    assert RULES.resolve("T101") == "T101"
    assert RULES.get("S104") is None and RULES.get("S105") is None


@pytest.mark.parametrize("code, name, smart, level", [
    ("C101", "clarity.compound-goal", None, "info"),
    ("R404", "relevant.activity-as-goal", "R", "warning"),
    ("L102", "suppression.renamed-code", None, "info"),
])
def test_moved_and_new_rules(code, name, smart, level):
    rule = RULES.get(code)
    assert (rule.name, rule.smart, rule.level) == (name, smart, level)


def test_no_s_rule_left_for_compound_goals_or_activities():
    s_rules = {r.code for r in RULES.all_rules() if r.smart == "S"}
    assert s_rules == {"S101", "S102", "S103", "S106"}


# ------------------------------------------------------------------ compound goals and activities
COMPOUND = [
    ("en", "grow Instagram followers and website visits by 30% by 2026-09"),
    ("en", "increase orders and repeat purchases by 15% within 6 months"),
    ("en", "get more leads and comments on Facebook by 2026-12"),
    ("en", "raise brand awareness and win 100 new clients by 2026-06"),
    ("ru", "увеличить продажи и количество заявок на 25% к 2026-09"),
    ("ru", "повысить охват и число подписчиков в Instagram на 40% за 6 месяцев"),
    ("ru", "увеличить трафик на сайт и количество лидов до 2026-12"),
    ("ru", "повысить узнаваемость бренда и привлечь 200 новых клиентов к 2026-06"),
    ("uk", "збільшити продажі та кількість заявок на 25% до 2026-09"),
    ("uk", "підвищити охоплення та кількість підписників в Instagram на 40% за 6 місяців"),
    ("uk", "збільшити трафік на сайт і кількість лідів до 2026-12"),
    ("uk", "підвищити впізнаваність нашого бренду та залучити 200 нових клієнтів до 2026-06"),
]


@pytest.mark.parametrize("lang, text", COMPOUND, ids=[t for _, t in COMPOUND])
def test_a_compound_goal_is_specific(lang, text):
    goal = parse_goal(text)
    env = goal_values(goal, Context(), RULES.lexicons)
    found = RULES.check(goal)
    assert goal.lang == lang
    assert len(goal.secondary) >= 1 and env["goal.concrete"] is True
    assert "C101" in {f.code for f in found}
    assert [f.code for f in found if f.smart == "S"] == []
    c101 = next(f for f in found if f.code == "C101")
    assert (c101.smart, c101.level) == (None, "info")


ACTIVITY = [
    ("en", "publish 30 posts a month", 30),
    ("en", "post 5 Reels a week on Instagram", 5),
    ("en", "launch 3 ad campaigns by 2026-06", 3),
    ("en", "publish 12 videos on YouTube within 3 months", 12),
    ("ru", "публиковать 30 постов в месяц", 30),
    ("ru", "запустить 3 рекламные кампании к 2026-06", 3),
    ("ru", "выкладывать 10 сторис в неделю", 10),
    ("ru", "опубликовать 12 видео на YouTube за 3 месяца", 12),
    ("uk", "публікувати 30 дописів на місяць", 30),
    ("uk", "запустити 3 рекламні кампанії до 2026-06", 3),
    ("uk", "викладати 10 сторіс на тиждень", 10),
    ("uk", "опублікувати 12 відео на YouTube за 3 місяці", 12),
]


@pytest.mark.parametrize("lang, text, value", ACTIVITY, ids=[t for _, t, _ in ACTIVITY])
def test_an_activity_with_a_count_is_specific_but_not_relevant(lang, text, value):
    goal = parse_goal(text)
    env = goal_values(goal, Context(), RULES.lexicons)
    found = RULES.check(goal)
    assert goal.lang == lang
    assert env["goal.activity"] is True and goal.category == "other"
    assert goal.target is not None and goal.target.value == value
    assert [f.code for f in found if f.smart == "S"] == []
    r404 = next(f for f in found if f.code == "R404")
    assert (r404.smart, r404.level) == ("R", "warning")
    # the message names the metric by its vocabulary name, in the nominative, whatever form the
    # statement wrote it in ("постов", "дописів")
    name = RULES.lexicons.metrics[goal.metric.name].label[lang]
    assert r404.message.startswith(f"\"{name}\" is an activity" if lang == "en"
                                   else f"«{name}» — это действие" if lang == "ru"
                                   else f"«{name}» — це дія")


@pytest.mark.parametrize("text", ["increase brand awareness", "повысить узнаваемость бренда",
                                  "підвищити впізнаваність нашого бренду", "improve the brand image and reputation"])
def test_only_abstract_outcomes_are_not_specific(text):
    assert "S103" in {f.code for f in RULES.check(parse_goal(text))}


# ------------------------------------------------------------------ suppressions
def test_inline_suppression_with_an_old_code():
    assert (1, "R404") in codes(PLAIN_DOC)
    found = codes(ACTIVITY_DOC)
    assert (1, "R404") not in found                   # suppressed by its old code
    assert found == {(1, "L102")}                     # not unused (L100), not unknown (L101)


def test_file_wide_suppression_with_an_old_code():
    found = codes(COMPOUND_DOC)
    assert (1, "L102") in found
    assert not {c for _, c in found} & {"C101", "L100", "L101"}


@pytest.mark.parametrize("lang, message", [
    ("en", "Renamed rule code: S105 \u2192 R404. The suppression still works; write the new code."),
    ("ru", "Код правила изменился: S105 \u2192 R404. Игнорирование по-прежнему работает, но лучше указать новый код."),
    ("uk", "Код правила змінився: S105 \u2192 R404. Ігнорування й надалі працює, але краще вказати новий код."),
])
def test_l102_message(lang, message):
    found = [f for f in lint(ACTIVITY_DOC, config=with_overrides(DEFAULT, lang=lang)) if f.code == "L102"]
    assert [(f.line, f.column, f.level, f.smart, f.message) for f in found] == [(1, 47, "info", None, message)]


def test_l102_lists_every_renamed_code_of_a_comment():
    doc = ("goal: publish 30 posts a month and get more leads by 2026-06   # smmrules: ignore[S104, S105, T101]\n"
           "  task: plan the content for a month\n")
    found = [f for f in lint(doc) if f.code in ("L102", "L100", "L101")]
    assert [(f.code, f.message) for f in found] == [
        ("L102", "Renamed rule code: S104 \u2192 C101, S105 \u2192 R404. The suppression still works; write the new code.")]


def test_the_new_code_needs_no_note_and_an_unknown_code_is_still_unknown():
    doc = ACTIVITY_DOC.replace("S105", "R404")
    assert codes(doc) == set()
    found = codes(ACTIVITY_DOC.replace("S105", "S105, S199"))
    assert found == {(1, "L101"), (1, "L102")}


def test_a_prefix_is_not_redirected():
    # `S1` names today's S rules: it does not reach R404, and it is not an unknown code either
    found = codes(ACTIVITY_DOC.replace("S105", "S1"))
    assert (1, "R404") in found and (1, "L100") in found
    assert not {c for _, c in found} & {"L101", "L102"}


def test_l102_can_be_ignored_like_any_rule():
    assert codes(ACTIVITY_DOC, config=with_overrides(DEFAULT, ignore=("L102",))) == set()


# ------------------------------------------------------------------ configuration
def test_config_select_and_ignore_with_old_codes():
    assert codes(PLAIN_DOC) == {(1, "R404"), (3, "C101")}
    only = codes(PLAIN_DOC, config=Config(select=("S105",)))
    assert only == {(1, "R404")}
    both = codes(PLAIN_DOC, config=Config(select=("S104", "S105")))
    assert both == {(1, "R404"), (3, "C101")}
    assert codes(PLAIN_DOC, config=Config(ignore=("S105",))) == {(3, "C101")}
    assert codes(PLAIN_DOC, config=Config(ignore=("S105", "S104"))) == set()


def test_config_prefix_selects_todays_rules_only():
    # `S` no longer selects the compound (C101) or activity (R404) rules
    assert codes(PLAIN_DOC, config=Config(select=("S",))) == set()
    assert codes(PLAIN_DOC, config=Config(select=("R4", "C"))) == {(1, "R404"), (3, "C101")}


def test_config_levels_and_per_file_ignores_with_old_codes():
    found = lint(PLAIN_DOC, path="doc.goals", config=Config(levels={"S105": "error"}))
    assert [f.level for f in found if f.code == "R404"] == ["error"]
    cfg = Config(per_file_ignores=(("*.goals", ("S104",)),))
    assert (3, "C101") not in codes(PLAIN_DOC, config=cfg)
    assert (3, "C101") in codes(PLAIN_DOC, config=cfg, path="doc.txt")


def test_config_file_with_old_codes(tmp_path):
    path = tmp_path / ".smmrules.toml"
    path.write_text('select = ["R", "C", "T"]\n'
                    'ignore = ["S105"]\n'
                    '[levels]\n'
                    'S104 = "warning"\n', encoding="utf-8")
    config = load_config(path)
    assert renamed_in(config, RULES.aliases) == [(("ignore",), "S105", "R404"), (("levels", "S104"), "S104", "C101")]
    resolved = resolve(config, RULES.aliases)
    assert resolved.ignore == ("R404",) and resolved.levels == {"C101": "warning"}
    found = lint(PLAIN_DOC, path=str(tmp_path / "doc.goals"), config=config)
    assert {(f.line, f.code, f.level) for f in found} == {(3, "C101", "warning")}


def test_one_rule_named_twice_with_different_levels_is_an_error(tmp_path):
    path = tmp_path / ".smmrules.toml"
    path.write_text('[levels]\nR404 = "info"\nS105 = "error"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        lint(PLAIN_DOC, config=load_config(path))
    assert str(info.value) == (f"{path}:3: levels: R404 and S105 name the same rule, R404, with different "
                               "settings; keep only R404")
    path.write_text('[levels]\nR404 = "error"\nS105 = "error"\n', encoding="utf-8")   # the same: fine
    assert [f.level for f in lint(PLAIN_DOC, config=load_config(path)) if f.code == "R404"] == ["error"]


# ------------------------------------------------------------------ command line
def test_cli_select_and_ignore_with_old_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.goals").write_text(PLAIN_DOC, encoding="utf-8")
    code, out, err = run(capsys, "lint", "--no-cache", "--format", "json", "--select", "S105", "doc.goals")
    import json
    assert code == 1
    assert [(f["code"], f["line"]) for f in json.loads(out)] == [("R404", 1)]
    assert err == "smmrules: warning: --select: S105 is now R404; write R404\n"
    code, out, err = run(capsys, "lint", "--no-cache", "--format", "json", "--ignore", "S104,S105", "doc.goals")
    assert not {f["code"] for f in json.loads(out)} & {"R404", "C101"}
    assert err == ("smmrules: warning: --ignore: S104 is now C101; write C101\n"
                   "smmrules: warning: --ignore: S105 is now R404; write R404\n")


def test_cli_notes_a_config_file_with_old_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.goals").write_text(PLAIN_DOC, encoding="utf-8")
    (tmp_path / ".smmrules.toml").write_text('ignore = ["S104"]\n', encoding="utf-8")
    code, out, err = run(capsys, "lint", "--no-cache", "--format", "json", "doc.goals")
    import json
    assert not {f["code"] for f in json.loads(out)} & {"C101"}
    assert err == f"smmrules: warning: {tmp_path / '.smmrules.toml'}:1: ignore: S104 is now C101; write C101\n"


@pytest.mark.parametrize("lang, first", [
    ("en", "S105 is now R404: the rule has a new code. The old one still works in suppressions and in the "
           "configuration; write R404."),
    ("ru", "S105 теперь R404: у правила новый код. Старый по-прежнему работает в комментариях ignore и в конфигурации, "
           "но лучше писать R404."),
    ("uk", "S105 тепер R404: у правила новий код. Старий і далі працює в коментарях ignore і в конфігурації, "
           "але краще писати R404."),
])
def test_explain_an_old_code(capsys, lang, first):
    code, out, _ = run(capsys, "explain", "s105", "--lang", lang)
    assert code == 0
    assert out == first + "\n\n" + explain_text(RULES.get("R404"), lang)


def test_explain_an_unknown_code_still_fails(capsys):
    code, out, err = run(capsys, "explain", "S109")
    assert code == 2 and out == ""
    assert err.startswith("smmrules: error: unknown rule code or name 'S109'")


def test_rules_lists_the_renamed_codes(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert out.endswith("\nRenamed codes (the old code still works):\n"
                        "S104  -> C101  clarity.compound-goal\n"
                        "S105  -> R404  relevant.activity-as-goal\n")


# ------------------------------------------------------------------ aliases in a team's rule files
TEXTS = '''[rule.en]
message = "m"
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.ru]
message = "м"
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.uk]
message = "м"
summary = "s"
what = "w"
why = "y"
fix = "f"
'''
TEAM_RULE = f'''[[rule]]
code = "X201"
name = "team.no-deadline"
smart = "T"
level = "warning"
when = "goal.deadline is missing"
bad = ["increase sales by 15%"]
good = ["increase sales by 15% by 2026-06"]
{TEXTS}'''


def team(tmp_path: Path, *files: str, builtin: bool = False) -> RuleSet:
    folder = tmp_path / "team-rules"
    folder.mkdir(exist_ok=True)
    for n, text in enumerate(files):
        (folder / f"t{n}.toml").write_text(text, encoding="utf-8")
    return RuleSet([folder], builtin=builtin)


def error(tmp_path: Path, *files: str, builtin: bool = False) -> str:
    with pytest.raises(RuleFileError) as info:
        team(tmp_path, *files, builtin=builtin)
    return str(info.value).replace(str(tmp_path / "team-rules") + "/", "")


def test_a_team_alias_and_a_chain_of_renames(tmp_path):
    rs = team(tmp_path, TEAM_RULE + '\n[aliases]\nX101 = "X150"\nX150 = "X201"\n')
    assert rs.aliases == {"X101": "X201", "X150": "X201"}
    doc = "goal: increase sales by 15%\n  task: raise conversion\n"
    assert [f.code for f in lint(doc, rules=rs)] == ["X201"]
    # suppressed by a renamed code, two renames back (no L-rules in this folder, so nothing else)
    assert lint(doc.replace("15%", "15%   # smmrules: ignore[X101]"), rules=rs) == []
    rs = team(tmp_path, TEAM_RULE + '\n[aliases]\nX101 = "X150"\nX150 = "X201"\n', builtin=True)
    found = lint("goal: increase sales by 15%   # smmrules: ignore[X101, T101]\n  task: raise conversion\n", rules=rs)
    assert [(f.code, f.message) for f in found if f.line == 1] == [
        ("L102", "Renamed rule code: X101 \u2192 X201. The suppression still works; write the new code.")]


def test_a_team_override_may_use_an_old_code(tmp_path):
    rs = team(tmp_path, '[[override]]\ncode = "S105"\nlevel = "error"\n', builtin=True)
    assert rs.get("R404").level == "error"


def test_alias_to_a_missing_rule(tmp_path):
    text = TEAM_RULE + '\n[aliases]\nX101 = "X202"\n'
    line = text.split("\n").index('X101 = "X202"') + 1
    assert error(tmp_path, text) == f"t0.toml:{line}:8: unknown rule code in alias 'X202' (did you mean 'X201'?)"


def test_alias_cycle(tmp_path):
    text = TEAM_RULE + '\n[aliases]\nX101 = "X102"\nX102 = "X101"\n'
    line = text.split("\n").index('X101 = "X102"') + 1
    assert error(tmp_path, text) == (f"t0.toml:{line}:8: alias cycle: X101 -> X102 -> X101; "
                                     "an alias must lead to a rule")


def test_alias_chain_that_ends_nowhere(tmp_path):
    text = TEAM_RULE + '\n[aliases]\nX101 = "X102"\nX102 = "X103"\n'
    line = text.split("\n").index('X101 = "X102"') + 1
    assert error(tmp_path, text) == (f"t0.toml:{line}:8: alias X101 leads through X102 to X103, which is "
                                     "neither a rule nor an alias")


def test_alias_of_a_code_a_rule_still_uses(tmp_path):
    text = TEAM_RULE + '\n[aliases]\nX201 = "T101"\n'
    line = text.split("\n").index('X201 = "T101"') + 1
    assert error(tmp_path, text, builtin=True) == (
        f"t0.toml:{line}:8: alias X201 names a code that a rule still uses (t0.toml:1); "
        "an alias is for a code no rule has any more")


def test_alias_defined_twice(tmp_path):
    msg = error(tmp_path, TEAM_RULE + '\n[aliases]\nX101 = "X201"\n', '[aliases]\nX101 = "X201"\n')
    assert msg.startswith("t1.toml:2:8: alias X101 is already defined at ")
    assert msg.endswith("t0.toml:" + str((TEAM_RULE + '\n[aliases]\nX101 = "X201"\n').split("\n").index(
        'X101 = "X201"') + 1))


def test_a_team_cannot_redefine_a_builtin_alias(tmp_path):
    msg = error(tmp_path, TEAM_RULE + '\n[aliases]\nS105 = "X201"\n', builtin=True)
    assert msg.startswith(f"t0.toml:{TEAM_RULE.count(chr(10)) + 3}:8: alias S105 is already defined at ")
    assert "aliases.toml:" in msg


@pytest.mark.parametrize("table, message", [
    ('[aliases]\nx101 = "X201"\n', "2:1: alias 'x101' must be a rule code: 1-3 capital letters and 3 digits, like 'S105'"),
    ('[aliases]\nX101 = 201\n', '2:8: alias X101 must name the new rule code as a string, like X101 = "R404"'),
    ('[aliases]\nX101 = "X101"\n', "2:8: alias X101 points to itself"),
    ('aliases = ["X101"]\n', '1:11: aliases must be a table of old code = "new code", like S105 = "R404"'),
])
def test_malformed_alias_tables(tmp_path, table, message):
    assert error(tmp_path, table) == "t0.toml:" + message


# ------------------------------------------------------------------ resolution, as a property
CODES = [f"Q{n:03d}" for n in range(1, 9)]


@st.composite
def alias_graphs(draw):
    """A few rule codes and an alias table over the same small set of codes (chains, cycles,
    dangling ends and codes still in use all occur)."""
    rules = draw(st.sets(st.sampled_from(CODES), max_size=4))
    olds = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=6))
    table = {old: draw(st.sampled_from([c for c in CODES if c != old])) for old in olds}
    return rules, table


@settings(max_examples=300, deadline=None)
@given(alias_graphs())
def test_alias_resolution_ends_at_a_rule_or_says_why(graph):
    rules, table = graph
    aliases = [Alias(old, new, "t.toml", n + 2, 8) for n, (old, new) in enumerate(table.items())]
    fake = {code: RULES.get("T101").evolve(code=code) for code in rules}

    def walk(code):                     # the chain by hand: (end, reason)
        seen = [code]
        code = table[code]
        while code not in rules:
            if code in seen:
                return None, "cycle"
            if code not in table:
                return None, "missing"
            seen.append(code)
            code = table[code]
        return code, None
    expected_ok = not (set(table) & rules) and all(walk(old)[0] is not None for old in table)
    if expected_ok:
        assert resolve_aliases(aliases, fake) == {old: walk(old)[0] for old in table}
    else:
        with pytest.raises(RuleFileError) as info:
            resolve_aliases(aliases, fake)
        err = info.value
        assert err.path == "t.toml" and err.column == 8 and 2 <= err.line < 2 + len(table)
        old = list(table)[err.line - 2]
        if old in rules:
            assert "a rule still uses" in err.message
        else:
            reason = walk(old)[1]
            assert reason is not None and not set(table) & rules   # the first alias that fails
            assert ("alias cycle" in err.message) == (reason == "cycle")
            assert all(walk(o)[0] is not None for o in list(table)[:err.line - 2])


def test_generated_pages_for_renamed_codes():
    from smmrules.docgen import generated_pages
    pages = generated_pages(RULES)
    assert pages["S105.md"].startswith("# S105 (renamed)\n\nS105 is now [R404](R404.md) `relevant.activity-as-goal`")
    assert pages["S104.md"].startswith("# S104 (renamed)\n\nS104 is now [C101](C101.md) `clarity.compound-goal`")
    assert "| [S105](S105.md) | [R404](R404.md) | `relevant.activity-as-goal` |" in pages["index.md"]
