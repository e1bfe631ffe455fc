"""Fixes declared by the rules: each fix kind before and after, in English, Russian and Ukrainian;
fixing twice equals fixing once; after the safe fixes no safe-fixable finding is left; one pass of
apply_fixes (overlaps, line endings, the byte-order mark); the [rule.fix] table of a rule file."""
from __future__ import annotations

import pytest

from smmrules.base.errors import RuleFileError
from smmrules.editing import apply_fixes, fix_text
from smmrules.linting.pipeline import lint
from smmrules.rules.engine import RuleSet
from smmrules.rules.fixes import Edit, Fix
from smmrules.rules.fixkinds import header_date

from goalcheck import TEAM_RULES

TODAY = "2026-01-10"


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, today=TODAY, unsafe=unsafe).text


def fixes_of(text: str, code: str) -> list[Fix]:
    return [f.fix for f in lint(text, today=TODAY) if f.code == code and f.fix is not None]


# -- safe fixes: before and after ------------------------------------------------------------------------
SAFE = [
    # D601: an unknown header key close to exactly one known key
    ("D601", "clent: Healthy Bowl\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n",
     "client: Healthy Bowl\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"),
    ("D601", "клент: Здоровая тарелка\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n",
     "клиент: Здоровая тарелка\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("D601", "бюджт: 20 000 грн/місяць\nціль: отримувати 300 заявок на місяць до 2026-09\n"
             "  завдання: запустити таргет\n",
     "бюджет: 20 000 грн/місяць\nціль: отримувати 300 заявок на місяць до 2026-09\n"
     "  завдання: запустити таргет\n"),
    # D603: header dates written another way
    ("D603", "start: January 15, 2026\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n",
     "start: 2026-01-15\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"),
    ("D603", "start: 2026/01/15\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n",
     "start: 2026-01-15\ngoal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"),
    ("D603", "старт: 15 января 2026 г.\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n",
     "старт: 2026-01-15\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("D603", "старт: 1 февраля 2026\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n",
     "старт: 2026-02-01\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("D603", "початок: 15 січня 2026 року\nціль: отримувати 300 заявок на місяць до 2026-09\n"
             "  завдання: запустити таргет\n",
     "початок: 2026-01-15\nціль: отримувати 300 заявок на місяць до 2026-09\n  завдання: запустити таргет\n"),
    # L100: unused suppressions: after an entry, a comment line of its own, a note kept
    ("L100", "goal: get 300 leads a month by 2026-09   # smmrules: ignore[T101]\n  task: run paid traffic\n",
     "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"),
    ("L100", "# smmrules: ignore-file[D605]\nцель: получать 300 заявок в месяц до 2026-09\n"
             "  задача: запустить таргет\n",
     "цель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("L100", "ціль: отримувати 300 заявок на місяць до 2026-09  # з брифу клієнта smmrules: ignore[T101]\n"
             "  завдання: запустити таргет\n",
     "ціль: отримувати 300 заявок на місяць до 2026-09  # з брифу клієнта\n  завдання: запустити таргет\n"),
    # L102: renamed codes in suppressions (S105 is now R404)
    ("L102", "goal: publish 30 posts a month by 2026-06  # smmrules: ignore[S105]\n  task: run paid traffic\n",
     "goal: publish 30 posts a month by 2026-06  # smmrules: ignore[R404]\n  task: run paid traffic\n"),
    ("L102", "цель: публиковать 30 постов в месяц до 2026-06  # smmrules: ignore[S105]\n  задача: запустить таргет\n",
     "цель: публиковать 30 постов в месяц до 2026-06  # smmrules: ignore[R404]\n  задача: запустить таргет\n"),
    ("L102", "ціль: публікувати 30 дописів на місяць до 2026-06  # smmrules: ignore[S105, R404]\n"
             "  завдання: запустити таргет\n",
     "ціль: публікувати 30 дописів на місяць до 2026-06  # smmrules: ignore[R404]\n  завдання: запустити таргет\n"),
]


@pytest.mark.parametrize("code, before, after", SAFE)
def test_safe_fix(code, before, after):
    found = fixes_of(before, code)
    assert found and all(f.safe and f.applicability == "safe" for f in found)
    assert fixed(before) == after
    assert not any(f.code == code for f in lint(after, today=TODAY))


@pytest.mark.parametrize("code, before, after", SAFE)
def test_fixing_twice_equals_fixing_once(code, before, after):
    assert fixed(fixed(before)) == fixed(before)
    assert fixed(fixed(before, unsafe=True), unsafe=True) == fixed(before, unsafe=True)


@pytest.mark.parametrize("code, before, after", SAFE)
def test_no_safe_fixable_finding_remains(code, before, after):
    result = fix_text(before, today=TODAY)
    assert not [f for f in result.remaining if f.fix is not None and f.fix.safe]
    assert code in {f.code for f in result.applied}
    assert result.remaining == tuple(lint(result.text, today=TODAY))


def test_fix_titles_are_in_the_document_language():
    titles = {f.fix.title for f in lint("clent: Healthy Bowl\nstart: 15 January 2026\n", today=TODAY) if f.fix}
    assert titles == {"Replace the key with 'client'", "Write the date as 2026-01-15"}
    titles = {f.fix.title for f in lint("клент: Бюро\nстарт: 15 января 2026\nцель: получать 300 заявок в месяц\n",
                                        today=TODAY) if f.fix}
    assert titles == {"Заменить ключ на «клиент»", "Записать дату как 2026-01-15"}
    titles = {f.fix.title for f in lint("клєнт: Бюро\nстарт: 15 січня 2026\nціль: отримувати 300 заявок на місяць\n",
                                        today=TODAY) if f.fix}
    assert titles == {"Замінити ключ на «клієнт»", "Записати дату як 2026-01-15"}


def test_a_key_close_to_two_known_keys_has_no_fix():
    # «стат» is as close to «старт» (start) as to «таргет» (paid ads): a person chooses
    findings = lint("стат: 2026-01-15\nцель: получать 300 заявок в месяц до 2026-09\n", today=TODAY)
    d601 = [f for f in findings if f.code == "D601"]
    assert d601 and d601[0].fix is None


@pytest.mark.parametrize("value, iso", [
    ("15.01.2026", "2026-01-15"), ("5.1.2026", "2026-01-05"), ("15/01/2026", "2026-01-15"),
    ("01/15/2026", "2026-01-15"), ("03/04/2026", "2026-04-03"), ("2026/01/15", "2026-01-15"),
    ("2026.01.15", "2026-01-15"), ("15 января 2026", "2026-01-15"), ("1 марта 2026 г.", "2026-03-01"),
    ("15 січня 2026", "2026-01-15"), ("3 лютого 2026 р.", "2026-02-03"), ("15 January 2026", "2026-01-15"),
    ("January 15, 2026", "2026-01-15"), ("29 февраля 2028", "2028-02-29"),
])
def test_header_dates_read(value, iso):
    assert header_date(value).isoformat() == iso


@pytest.mark.parametrize("value", ["31.02.2026", "29 февраля 2027", "15.13.2026", "13/13/2026", "15 января",
                                   "января 2026", "soon", "15.01.26", "2026-01-15 или позже", "15 квітня"])
def test_values_that_are_no_date_are_not_fixed(value):
    assert header_date(value) is None
    findings = lint(f"start: {value}\ngoal: get 300 leads a month by 2026-09\n", today=TODAY)
    assert all(f.fix is None for f in findings if f.code == "D603")


# -- unsafe fixes and suggestions -------------------------------------------------------------------------
UNSAFE = [
    # D606: a repeated goal; its tasks go under the first copy
    ("D606", "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
             "goal: grow followers to 5,000 by 2026-09\n  task: run a reach campaign\n"
             "goal: Get 300 leads a month by 2026-09\n  task: reply within an hour\n",
     "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n  task: reply within an hour\n"
     "goal: grow followers to 5,000 by 2026-09\n  task: run a reach campaign\n"),
    ("D606", "цель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n# повтор\n"
             "цель: получать  300 заявок в месяц до 2026-09\n  задача: отвечать за час\n",
     "цель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n# повтор\n"
     "  задача: отвечать за час\n"),
    ("D606", "ціль: отримувати 300 заявок на місяць до 2026-09\n  завдання: запустити таргет\n"
             "ціль: отримувати 300 заявок на місяць до 2026-09",
     "ціль: отримувати 300 заявок на місяць до 2026-09\n  завдання: запустити таргет"),
    ("D606", "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
             "goal: grow followers to 5,000 by 2026-09\ngoal: get 300 leads a month by 2026-09\n"
             "  task: reply within an hour\n  task: post daily",
     "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n  task: reply within an hour\n"
     "  task: post daily\ngoal: grow followers to 5,000 by 2026-09\n"),
    # D610: a line smmrules cannot place becomes a comment
    ("D610", "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\nask about the budget\n",
     "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n# ask about the budget\n"),
    ("D610", "Цели на квартал\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n",
     "# Цели на квартал\nцель: получать 300 заявок в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("D610", "ціль: отримувати 300 заявок на місяць до 2026-09\n  завдання: запустити таргет\nуточнити бюджет\n",
     "ціль: отримувати 300 заявок на місяць до 2026-09\n  завдання: запустити таргет\n# уточнити бюджет\n"),
    # E001: a character no statement can contain is removed (the only fix a broken document gets)
    ("E001", "goal: get 300 leads ^ a month by 2026-09\n  task: run paid traffic\n",
     "goal: get 300 leads  a month by 2026-09\n  task: run paid traffic\n"),
    ("E001", "цель: получать 300 заявок { в месяц до 2026-09\n  задача: запустить таргет\n",
     "цель: получать 300 заявок  в месяц до 2026-09\n  задача: запустить таргет\n"),
    ("E001", "ціль: отримувати 300 заявок ` на місяць до 2026-09\n  завдання: запустити таргет\n",
     "ціль: отримувати 300 заявок  на місяць до 2026-09\n  завдання: запустити таргет\n"),
]


@pytest.mark.parametrize("code, before, after", UNSAFE)
def test_unsafe_fix_needs_unsafe_fixes(code, before, after):
    found = fixes_of(before, code)
    assert found and all(not f.safe and f.applicability == "unsafe" for f in found)
    assert code not in {f.code for f in fix_text(before, today=TODAY).applied}
    assert fixed(before, unsafe=True) == after
    assert fixed(after, unsafe=True) == after


SUGGESTIONS = [
    ("goal: we guarantee 80 sales a month from Facebook by 2026-12\n  task: run paid traffic\n",
     "get monthly leads on Facebook to 80 by 2026-12-31"),
    ("цель: гарантируем 200 продаж в месяц до сентября 2026\n  задача: запустить таргет\n",
     "довести ежемесячные лиды до 200 до 2026-09-30"),
    ("ціль: гарантуємо 150 продажів на місяць з Instagram до 2026-10\n  завдання: запустити таргет\n",
     "довести щомісячні ліди в Instagram до 150 до 2026-10-31"),
]


@pytest.mark.parametrize("before, statement", SUGGESTIONS)
def test_guaranteed_sales_get_a_lead_promise_as_a_suggestion_only(before, statement):
    (fix,) = fixes_of(before, "R402")
    assert (fix.applicability, fix.display_only, fix.applies(unsafe=True)) == ("display-only", True, False)
    (edit,) = fix.edits
    assert edit.text == statement and fix.title.endswith(statement)
    assert before.splitlines()[0][edit.column - 1:edit.end_column - 1] == before.splitlines()[0].split(": ", 1)[1]
    assert fixed(before, unsafe=True) == before
    # applied by hand (an editor's quick fix), it is a lead goal that R402 no longer flags
    by_hand, _ = apply_fixes(before, [fix])
    assert "R402" not in {f.code for f in lint(by_hand, today=TODAY)}


def test_a_document_with_a_syntax_error_gets_only_the_fixes_of_that_error():
    before = "clent: Healthy Bowl\ngoal: get 300 leads ^ a month by 2026-09\n  task: run paid traffic\n"
    assert fixed(before) == before                        # D601 is safe, but a goal does not parse
    after = fixed(before, unsafe=True)                    # E001's fix first; then the document parses
    assert after == "client: Healthy Bowl\ngoal: get 300 leads  a month by 2026-09\n  task: run paid traffic\n"


def test_the_syntax_error_rule_holds_when_syntax_codes_are_not_selected():
    from smmrules.linting.config import Config
    before = "clent: Healthy Bowl\ngoal: get 300 leads ^ a month by 2026-09\n"
    result = fix_text(before, today=TODAY, config=Config(select=("D",)))
    assert result.text == before and result.applied == ()


def test_the_loop_stops_after_max_passes():
    before = "clent: Healthy Bowl\nstart: 15 January 2026\n"
    result = fix_text(before, today=TODAY, max_passes=1)
    assert result.passes == 1 and result.text == "client: Healthy Bowl\nstart: 2026-01-15\n"
    assert fix_text(before, today=TODAY, max_passes=0).text == before


# -- apply_fixes ---------------------------------------------------------------------------------------
def fix(*edits, safe=True):
    return Fix(safe, "t", tuple(Edit(*e) for e in edits))


def test_earliest_fix_wins_and_a_fix_is_applied_whole():
    text = "abcdef\nghij\n"
    first = fix((1, 2, 1, 4, "X"))                 # bc -> X
    overlapping = fix((1, 3, 1, 5, "Y"), (2, 1, 2, 2, "Z"))   # cd overlaps: none of its edits applies
    later = fix((2, 3, 2, 5, "W"))                 # ij -> W
    new, applied = apply_fixes(text, [later, overlapping, first])
    assert new == "aXdef\nghW\n" and applied == [first, later]


def test_two_insertions_at_one_place_do_not_both_apply():
    a, b = fix((1, 3, 1, 3, "1")), fix((1, 3, 1, 3, "2"))
    assert apply_fixes("abcd", [a, b]) == ("ab1cd", [a])


def test_line_endings_and_the_byte_order_mark_are_kept():
    text = "\ufeffclent: X\r\nstart: 15 January 2026\rgoal: y\r\n"
    new = fixed(text)
    assert new == "\ufeffclient: X\r\nstart: 2026-01-15\rgoal: y\r\n"


def test_a_whole_line_edit_and_columns_past_the_end():
    text = "one\r\ntwo\nthree"
    assert apply_fixes(text, [fix((2, 1, 3, 1, ""))])[0] == "one\r\nthree"
    assert apply_fixes(text, [fix((1, 2, 1, 99, "!"))])[0] == "o!\r\ntwo\nthree"
    assert apply_fixes(text, [fix((3, 6, 9, 1, "?"))])[0] == "one\r\ntwo\nthree?"


def test_edits_and_fixes_check_their_shape():
    with pytest.raises(ValueError, match="ends before it starts"):
        Edit(2, 1, 1, 5, "")
    with pytest.raises(ValueError, match="overlap"):
        Fix(True, "t", (Edit(1, 1, 1, 4, ""), Edit(1, 3, 1, 5, "")))
    assert Fix(True, "t", (), display_only=True).safe is False
    edit = Edit(1, 2, 1, 3, "x")
    assert Fix(False, "t", (edit,)).to_json() == {
        "applicability": "unsafe", "title": "t",
        "edits": [{"line": 1, "column": 2, "end_line": 1, "end_column": 3, "text": "x"}]}


def test_findings_with_fixes_survive_pickling_and_json():
    import pickle
    findings = lint("clent: Healthy Bowl\n", today=TODAY)
    assert pickle.loads(pickle.dumps(findings)) == findings
    (d601,) = [f for f in findings if f.code == "D601"]
    assert d601.to_json()["fix"]["edits"] == [{"line": 1, "column": 1, "end_line": 1, "end_column": 6,
                                               "text": "client"}]
    assert all("fix" not in f.to_json() for f in findings if f.fix is None)


# -- [rule.fix] in a rule file -------------------------------------------------------------------------------
TITLES = 'title.en = "Hold {text} until {channel} is approved"\ntitle.ru = "Отложить цель"\ntitle.uk = "Відкласти ціль"'


def ruleset(tmp_path, fix_table: str) -> RuleSet:
    """The team rule of goalcheck (X101, goals outside Instagram; `[rule.fix]` from line 9 on) with a fix."""
    (tmp_path / "team.toml").write_text(TEAM_RULES.replace("[rule.en]", fix_table + "\n[rule.en]", 1),
                                        encoding="utf-8")
    return RuleSet([tmp_path], builtin=False)


def test_a_rule_file_declares_a_replace_fix(tmp_path):
    rs = ruleset(tmp_path, '[rule.fix]\nreplace = "# {span}"\n' + TITLES)
    text = "goal: grow TikTok followers to 5,000 by 2026-06\n"
    (finding,) = lint(text, rules=rs)
    assert finding.fix == Fix(False, "Hold grow TikTok followers to 5,000 by 2026-06 until tiktok is approved",
                              (Edit(1, 7, 1, 48, "# grow TikTok followers to 5,000 by 2026-06"),))
    assert fix_text(text, rules=rs, unsafe=True).text == "goal: # grow TikTok followers to 5,000 by 2026-06\n"


@pytest.mark.parametrize("table, message, line", [
    ('[rule.fix]\nkind = "rewrite"\n' + TITLES, "unknown fix kind 'rewrite'", 10),
    ('[rule.fix]\nkind = "header-key"\n' + TITLES, "a header-key fix is for rules of scope header", 10),
    ('[rule.fix]\n' + TITLES, 'a fix of kind "replace" needs replace', 9),
    ('[rule.fix]\nreplace = ""\nsafe = "yes"\n' + TITLES, "safe must be true or false", 11),
    ('[rule.fix]\nreplace = ""\nsafe = true\nsuggestion = true\n' + TITLES, "either safe or a suggestion", 12),
    ('[rule.fix]\nreplace = ""\ntitle.en = "x"\ntitle.ru = "x"\n', "has no title.uk", 9),
    ('[rule.fix]\nreplace = ""\n', "needs a title in each language", 9),
    ('[rule.fix]\nreplace = ""\ntitle.en = "x"\ntitle.ru = "x"\ntitle.uk = "x"\ntitle.de = "x"\n',
     "unknown language of a fix title 'de'", 14),
    ('[rule.fix]\nreplace = "{task}"\n' + TITLES, "placeholder '{task}' is not available to a goal rule", 10),
    ('[rule.fix]\nreplace = ""\nwhen = "x"\n' + TITLES, "unknown key in [rule.fix] 'when'", 11),
])
def test_rule_file_errors_in_a_fix_are_placed(tmp_path, table, message, line):
    with pytest.raises(RuleFileError) as info:
        ruleset(tmp_path, table)
    assert message in str(info.value)
    assert info.value.line == line


def test_built_in_fixes():
    rules = {r.code: r.fix for r in RuleSet().all_rules() if r.fix is not None}
    assert {code: spec.applicability for code, spec in rules.items()} == {
        "D601": "safe", "D603": "safe", "L100": "safe", "L102": "safe", "D606": "unsafe", "D610": "unsafe",
        "E001": "unsafe", "R402": "display-only"}


# -- reusing a lint's findings as the first pass -------------------------------------------------------------
def test_known_lint_reuses_findings_only_when_no_syntax_error_can_be_hidden():
    from smmrules.editing.apply import known_lint
    from smmrules.linting.config import Config
    text = "clent: Healthy Bowl\ngoal: get 300 leads a month by 2026-09\n"
    findings = lint(text, today=TODAY)
    assert known_lint(findings, text, "a.goals", None) == (findings, False)
    broken = "goal: get 300 leads ^ a month\n"
    assert known_lint(lint(broken), broken, "a.goals", None)[1] is True
    for hidden in ("goal: get 300 leads ^ a month  # smmrules: ignore[E001]\n",
                   "# smmrules: ignore-file\ngoal: get 300 leads ^ a month\n",
                   "goal: get 300 leads ^ a month  # smmrules: ignore[]\n"):
        assert known_lint(lint(hidden), hidden, "a.goals", None) is None
    assert known_lint(findings, text, "a.goals", Config(ignore=("E00",))) is None
    assert known_lint(findings, text, "a.goals", Config(select=("D", "E"))) == (findings, False)


def test_fixing_with_a_reused_first_pass_gives_the_same_result():
    from smmrules.editing.apply import known_lint
    text = "clent: Healthy Bowl\nstart: 15 January 2026\ngoal: get 300 leads a month by 2026-09  # smmrules: ignore[T101]\n"
    first = known_lint(lint(text, today=TODAY), text, None, None)
    assert first is not None
    assert fix_text(text, today=TODAY, first=first) == fix_text(text, today=TODAY)
