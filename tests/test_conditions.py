"""The rule condition language (smmrules.rules.conditions): semantics on real goals, load-time errors."""
import datetime as dt
import time

import pytest

from smmrules import parse_goal
from smmrules.rules.conditions import MAX_DEPTH, MAX_LENGTH, MAX_NODES, NUMBER_LIMIT, ConditionError, compile_condition
from smmrules.language.context import Context
from smmrules.rules.fields import declared_fields, goal_values
from smmrules.language.lexicon import default_lexicons

LEXICONS = default_lexicons()
FIELDS = declared_fields(LEXICONS)
OPTIONS = {"max_months": 12, "min_err": 10.0, "label": "sales", "strict": True}


def env_for(text, ctx=None, options=OPTIONS):
    ctx = ctx or Context()
    goal = parse_goal(text, today=ctx.reference_date)
    env = goal_values(goal, ctx, LEXICONS)
    env["_options"] = dict(options)
    return env


def holds(condition, env, options=OPTIONS):
    fn, _ = compile_condition(condition, FIELDS, options)
    return bool(fn(env))


def rejected(condition, options=OPTIONS):
    with pytest.raises(ConditionError) as info:
        compile_condition(condition, FIELDS, options)
    return info.value


# the goals the semantics are checked on ---------------------------------------------------
SALES = env_for("increase monthly sales 20% by 2025-06", Context(today=dt.date(2025, 1, 1)))
FOLLOWERS = env_for("grow followers to 5000 within 6 months",
                    Context(start=dt.date(2026, 1, 1), baselines={"followers": 3200}, paid_ads=True,
                            history_months=3, role="social-only", budget=500))
FROM_TO = env_for("grow followers from 3200 to 5000 by 2026-06", Context(today=dt.date(2026, 1, 1)))
GUARANTEE = env_for("we guarantee 100 leads per month", Context(paid_ads=False, lead_processing=True))
ERR_RANGE = env_for("after 3 months of content work, reach ERR of 18-20%")
TWO_METRICS = env_for("increase sales and leads by 20% by 2026-06", Context(today=dt.date(2026, 1, 1)))
RESPONSE = env_for("answer every request within 24 hours")
POPULAR = env_for("be popular")
POSTS = env_for("publish 30 posts a month")


def test_the_goals_are_what_the_tests_assume():
    assert (SALES["goal.category"], SALES["goal.target.kind"], SALES["goal.target.value"]) == ("sales", "relative", 20)
    assert SALES["goal.deadline.date"] == dt.date(2025, 6, 30) and SALES["goal.cues"] == ()
    assert FOLLOWERS["goal.target.value"] == 5000 and FOLLOWERS["goal.baseline"] is None
    assert FOLLOWERS["goal.deadline.date"] == dt.date(2026, 7, 1)
    assert FROM_TO["goal.baseline.value"] == 3200
    assert "guarantee" in GUARANTEE["goal.cues"] and "paid" not in GUARANTEE["goal.cues"]
    assert GUARANTEE["goal.deadline"] is None
    assert (ERR_RANGE["goal.target.low"], ERR_RANGE["goal.target.high"]) == (18, 20)
    assert TWO_METRICS["goal.secondary"] == ("leads",)
    assert RESPONSE["goal.target.hours"] == 24.0
    assert POPULAR["goal.target"] is None and POPULAR["goal.metric"] is None
    assert POSTS["goal.activity"] is True


# comparisons --------------------------------------------------------------------------------
@pytest.mark.parametrize("condition, expected", [
    ("goal.target.value == 20", True),
    ("goal.target.value != 20", False),
    ("goal.target.value > 19.5", True),
    ("goal.target.value >= 20", True),
    ("goal.target.value < 20", False),
    ("goal.target.value <= 20", True),
    ("20 == goal.target.value", True),
    ('goal.target.unit == "%"', True),
    ('goal.target.unit != "%"', False),
    ('goal.category == "sales"', True),
    ('"sales" == goal.category', True),
    ('goal.category != "leads"', True),
    ('goal.period == "month"', True),
    ('goal.lang == "en"', True),
    ("goal.vague == false", True),
    ("goal.vague", False),
    ("true", True),
    ("false", False),
    ("goal.deadline.date > ctx.today", True),
    ("goal.deadline.date < ctx.today", False),
    ("ctx.today == ctx.today", True),
    ("goal.deadline.months > 5.9 and goal.deadline.months < 6", True),
    ("goal.monthly_growth > 3.13 and goal.monthly_growth < 3.14", True),  # 1.2 ** (1/5.91) - 1
])
def test_comparisons(condition, expected):
    assert holds(condition, SALES) is expected


def test_comparisons_on_other_goals():
    assert holds("goal.target.level == 5000", FOLLOWERS)
    assert holds("goal.target.hours <= 24", RESPONSE)
    assert holds("goal.target.hours < 24", RESPONSE) is False
    assert holds('goal.target.bound == "le"', RESPONSE)
    assert holds("goal.activity", POSTS)
    assert holds('doc.role == "social-only" and doc.paid_ads and doc.history_months >= 1', FOLLOWERS)
    assert holds("doc.budget == 500", FOLLOWERS)
    assert holds("doc.paid_ads == false and doc.lead_processing == true", GUARANTEE)


def test_missing_values_make_every_comparison_false():
    for op in ("==", "!=", "<", "<=", ">", ">="):
        assert holds(f"goal.target.value {op} 1", POPULAR) is False
        assert holds(f"1 {op} goal.target.value", POPULAR) is False
    assert holds('goal.category != "sales"', POPULAR)               # 'other' is a value, not missing
    assert holds('goal.metric == "sales"', POPULAR) is False
    assert holds('goal.metric != "sales"', POPULAR) is False
    assert holds("doc.paid_ads == false", SALES) is False            # not stated in the context
    assert holds("doc.paid_ads != true", SALES) is False
    assert holds("goal.deadline.date < ctx.today", GUARANTEE) is False
    assert holds("goal.target.value < opt.max_months", POPULAR) is False


# and / or / not ----------------------------------------------------------------------------
@pytest.mark.parametrize("condition, expected", [
    ("true and true", True),
    ("true and false", False),
    ("false or true", True),
    ("false or false", False),
    ("not true", False),
    ("not false", True),
    ("not not true", True),
    # not binds tighter than and, and tighter than or
    ("not false and false", False),        # (not false) and false
    ("not (false and false)", True),
    ("true or true and false", True),       # true or (true and false)
    ("(true or true) and false", False),
    ("false and true or true", True),       # (false and true) or true
    ("false and (true or true)", False),
    ("not true or true", True),             # (not true) or true
    ("not (true or true)", False),
    ("false or not false and true", True),  # false or ((not false) and true)
    ("goal.target.value > 10 and goal.target.value < 30", True),
    ("goal.target.value > 30 or goal.target.value < 10", False),
    ("not goal.target.value > 30", True),
    ('not goal.category == "sales"', False),
])
def test_boolean_operators_and_precedence(condition, expected):
    assert holds(condition, SALES) is expected


def test_not_of_a_false_comparison_with_a_missing_value_is_true():
    assert holds("goal.target.value > 100", POPULAR) is False
    assert holds("not goal.target.value > 100", POPULAR) is True


# in / not in ------------------------------------------------------------------------------
@pytest.mark.parametrize("condition, env, expected", [
    ('goal.category in ["sales", "leads"]', SALES, True),
    ('goal.category in ["leads", "loyalty"]', SALES, False),
    ('goal.category not in ["leads", "loyalty"]', SALES, True),
    ('goal.category not in ["sales"]', SALES, False),
    ("goal.target.value in [10, 20, 30]", SALES, True),
    ("goal.target.value in [10, 30]", SALES, False),
    ("goal.target.value not in [10, 30]", SALES, True),
    ("goal.target.value in []", SALES, False),
    ("goal.target.value not in []", SALES, True),
    ('goal.metric in ["sales", "leads"]', POPULAR, False),        # a missing value is in no list ...
    ('goal.metric not in ["sales", "leads"]', POPULAR, False),    # ... and out of none
    ("goal.target.value in [opt.max_months, 20]", SALES, True),
    ("goal.target.value in [opt.max_months]", SALES, False),
    ("goal.deadline.months in [opt.max_months]", env_for("grow followers by 10% in 12 months"), True),
    ('goal.metric in [opt.label]', SALES, True),                   # list elements read from options
    ('goal.metric in [goal.category]', SALES, True),               # ... and from fields
    ('goal.metric in [goal.category]', FOLLOWERS, False),
    ('goal.metric not in [goal.category]', FOLLOWERS, True),
    ("goal.target.value in [abs(20)]", SALES, True),               # ... and from calls
    ('goal.secondary in ["leads", "traffic"]', TWO_METRICS, True),  # a list field: any in common
    ('goal.secondary in ["traffic"]', TWO_METRICS, False),
    ('goal.secondary not in ["traffic"]', TWO_METRICS, True),
    ('goal.cues in ["guarantee"]', GUARANTEE, True),
    ('goal.cues in ["paid"]', GUARANTEE, False),
])
def test_membership_in_lists(condition, env, expected):
    assert holds(condition, env) is expected


@pytest.mark.parametrize("condition, env, expected", [
    ('"guarantee" in goal.cues', GUARANTEE, True),
    ('"guarantee" in goal.cues', SALES, False),
    ('"guarantee" not in goal.cues', SALES, True),
    ('"guarantee" not in goal.cues', GUARANTEE, False),
    ('"paid" in goal.cues', GUARANTEE, False),
    ('"leads" in goal.secondary', TWO_METRICS, True),
    ('"traffic" in goal.secondary', TWO_METRICS, False),
    ('goal.metric in goal.secondary', TWO_METRICS, False),
    ('"leads" not in goal.secondary', TWO_METRICS, False),
    ('goal.metric in goal.secondary', POPULAR, False),        # a missing item is in no list ...
    ('goal.metric not in goal.secondary', POPULAR, False),    # ... and out of none
    ('goal.metric not in goal.secondary', TWO_METRICS, True),
])
def test_lookup_in_list_fields(condition, env, expected):
    assert holds(condition, env) is expected


# is missing / is not missing -------------------------------------------------------------
@pytest.mark.parametrize("condition, env, expected", [
    ("goal.target is missing", POPULAR, True),
    ("goal.target is not missing", POPULAR, False),
    ("goal.target is missing", SALES, False),
    ("goal.target is not missing", SALES, True),
    ("goal.deadline is missing", GUARANTEE, True),
    ("goal.deadline is not missing", SALES, True),
    ("goal.baseline is missing", FOLLOWERS, True),
    ("goal.baseline is not missing", FROM_TO, True),
    ("goal.baseline.value is missing", FROM_TO, False),
    ("goal.metric is missing", POPULAR, True),
    ("goal.metric is missing", SALES, False),
    ("goal.target.low is missing", SALES, True),
    ("goal.target.low is not missing and goal.target.high is not missing", ERR_RANGE, True),
    ("doc.paid_ads is missing", SALES, True),
    ("doc.paid_ads is not missing", GUARANTEE, True),
    ("goal.target.level is missing", SALES, True),       # relative target, no baseline
    ("goal.target.level is missing", FOLLOWERS, False),
    ("opt.label is missing", SALES, False),
    ("not goal.target is missing", SALES, True),
    ("goal.target is missing or goal.deadline is missing", GUARANTEE, True),
    ("goal.target is missing and goal.deadline is missing", GUARANTEE, False),
])
def test_is_missing(condition, env, expected):
    assert holds(condition, env) is expected


# arithmetic --------------------------------------------------------------------------------
@pytest.mark.parametrize("condition, expected", [
    ("1 + 2 * 3 == 7", True),
    ("(1 + 2) * 3 == 9", True),
    ("10 - 4 - 3 == 3", True),         # left to right
    ("12 / 4 / 3 == 1", True),
    ("-3 + 5 == 2", True),
    ("- -3 == 3", True),
    ("-goal.target.value == -20", True),
    ("goal.target.value * 2 == 40", True),
    ("goal.target.value / 100 == 0.2", True),
    ("goal.target.value + opt.max_months == 32", True),
    ("0.5 + 0.25 == 0.75", True),
    ("1 / 0 is missing", True),
    ("goal.target.value / 0 is missing", True),
    ("1 / 0 > 0", False),             # division by zero -> missing -> comparisons are false
    ("1 / 0 < 0", False),
    ("1 / 0 == 1 / 0", False),
    ("1 / (goal.target.value - 20) != 0", False),
    ("(1 / 0) + 1 is missing", True),
    ("1 + 1 / 0 is missing", True),
    ("-(1 / 0) is missing", True),
    ("goal.target.low + 1 is missing", True),     # missing operand -> missing result
    ("goal.target.low * 0 == 0", False),
    ("1000000000000 * 1000000000000 > 999999999999", True),  # only literals are bounded
])
def test_arithmetic(condition, expected):
    assert holds(condition, SALES) is expected


# functions ---------------------------------------------------------------------------------
@pytest.mark.parametrize("condition, env, expected", [
    ("count(goal.secondary) == 1", TWO_METRICS, True),
    ("count(goal.secondary) == 0", SALES, True),
    ("count(goal.cues) >= 1", GUARANTEE, True),
    ("count(goal.cues) == 0", SALES, True),
    ("count(goal.secondary) > 0 or goal.target.value > 10", SALES, True),
    ("max(1, 5, 3) == 5", SALES, True),
    ("min(4, 2, 9) == 2", SALES, True),
    ("max(7) == 7", SALES, True),
    ("max(goal.target.low, goal.target.high) == 20", ERR_RANGE, True),
    ("min(goal.target.low, goal.target.high) == 18", ERR_RANGE, True),
    ("max(goal.target.low, 3) == 3", SALES, True),          # missing arguments are skipped
    ("max(goal.target.low, goal.target.high) is missing", SALES, True),
    ("min(goal.target.low) > 0", SALES, False),
    ("abs(-7) == 7", SALES, True),
    ("abs(3 - 10) == 7", SALES, True),
    ("abs(goal.target.low) is missing", SALES, True),
    ("abs(goal.target.value) == 20", SALES, True),
    ("months_between(doc.start, goal.deadline.date) > 5.9", FOLLOWERS, True),
    ("months_between(doc.start, goal.deadline.date) < 6", FOLLOWERS, True),
    ("months_between(goal.deadline.date, doc.start) < 0", FOLLOWERS, True),
    ("months_between(ctx.today, goal.deadline.date) > 5.9 and "
     "months_between(ctx.today, goal.deadline.date) < 6", SALES, True),
    ("months_between(doc.start, goal.deadline.date) is missing", SALES, True),   # no doc.start
    ("months_between(doc.start, goal.deadline.date) > 0", SALES, False),
    ('doc.baseline("followers") == 3200', FOLLOWERS, True),
    ('doc.baseline("followers") == 3200', SALES, False),
    ('doc.baseline("followers") is missing', SALES, True),
    ('doc.baseline("sales") is missing', FOLLOWERS, True),
    ("doc.baseline(goal.metric) == 3200", FOLLOWERS, True),
    ("goal.target.value / doc.baseline(goal.metric) * 100 - 100 == 56.25", FOLLOWERS, True),
    ("doc.baseline(goal.metric) is missing", POPULAR, True),
])
def test_functions(condition, env, expected):
    assert holds(condition, env) is expected


def test_doc_baseline_is_read_from_the_context():
    env = env_for("grow followers to 5000 within 6 months", Context(baselines={"followers": 3200}))
    assert holds('doc.baseline("followers") < goal.target.value', env)
    env = env_for("grow followers to 5000 within 6 months", Context(baselines={"followers": 6000}))
    assert not holds('doc.baseline("followers") < goal.target.value', env)


# options -----------------------------------------------------------------------------------
def test_options_are_read_at_run_time():
    env = env_for("grow followers to 5000 within 6 months", Context(start=dt.date(2026, 1, 1)))
    cond = "goal.deadline.months > opt.max_months"
    assert holds(cond, env) is False
    env["_options"] = {"max_months": 3}
    assert holds(cond, env, {"max_months": 3}) is True


def test_option_kinds_follow_their_defaults():
    assert holds("opt.strict", SALES)
    assert holds("not opt.strict", SALES) is False
    assert holds('opt.label == "sales"', SALES)
    assert holds("opt.min_err == 10", SALES)
    assert holds("goal.target.value > opt.min_err", SALES)
    assert rejected("opt.label > 3").message == "cannot compare a str with a num"
    assert rejected("opt.max_months").message == "a condition must be true or false, but this is a num"


def test_compile_reports_the_fields_used():
    _, used = compile_condition('goal.category == "sales" and goal.target.value > opt.max_months',
                                FIELDS, OPTIONS)
    assert used == {"goal.category", "goal.target.value"}
    _, used = compile_condition('doc.baseline("followers") > 0', FIELDS, OPTIONS)
    assert used == {"_baselines"}


def test_multi_line_conditions():
    assert holds('goal.category == "sales"\n  and goal.target.value > 10\n  and goal.deadline is not missing', SALES)


# load-time rejection ------------------------------------------------------------------------
@pytest.mark.parametrize("condition, message, line, column", [
    # unknown names, with a hint for a near miss
    ("goal.targt.value > 1", "unknown field 'goal.targt.value' (did you mean 'goal.target.value'?)", 1, 1),
    ("goal.vague and goal.catgory == \"sales\"", "unknown field 'goal.catgory' (did you mean 'goal.category'?)", 1, 16),
    ("goal.xyzzy_qqq", "unknown field 'goal.xyzzy_qqq'", 1, 1),
    ("foo(1) > 1", "unknown function 'foo'", 1, 1),
    ("true and cuont(goal.cues) > 1", "unknown function 'cuont' (did you mean 'count'?)", 1, 10),
    ("opt.max_month > 1", "unknown option 'max_month' (did you mean 'max_months'?)", 1, 1),
    ("opt.nothing_like_it", "unknown option 'nothing_like_it'", 1, 1),
    # argument count and type
    ("abs(1, 2) > 0", "abs() takes 1 argument(s), got 2", 1, 1),
    ("abs() > 0", "abs() takes 1 argument(s), got 0", 1, 1),
    ("months_between(doc.start) > 0", "months_between() takes 2 argument(s), got 1", 1, 1),
    ("max() > 1", "max() needs at least one argument", 1, 1),
    ('abs("x") > 0', "abs() expects a num here, got a str", 1, 5),
    ("count(goal.text) > 1", "count() expects a list here, got a str", 1, 7),
    ("max(1, goal.text) > 1", "max() expects a num here, got a str", 1, 8),
    ("months_between(1, goal.deadline.date) > 0", "months_between() expects a date here, got a num", 1, 16),
    ("doc.baseline(3) > 0", "doc.baseline() expects a str here, got a num", 1, 14),
    ("abs(goal.target) > 0", "abs() expects a num here, got a obj", 1, 5),
    # type mismatches
    ('goal.target.value == "20"', "cannot compare a num with a str", 1, 19),
    ('"20" != goal.target.value', "cannot compare a str with a num", 1, 6),
    ('goal.text < "x"', "'<' needs numbers or dates, not strs", 1, 11),
    ("goal.vague >= true", "'>=' needs numbers or dates, not bools", 1, 12),
    ("goal.deadline.date > 3", "cannot compare a date with a num", 1, 20),
    ("goal.target == 1", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 1),
    ("1 == goal.deadline", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 6),
    ("goal.target == goal.deadline", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 1),
    ("not goal.baseline", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 5),
    ("goal.target and true", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 1),
    ("goal.target + 1 > 0", "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 1),
    ('goal.deadline in ["x"]', "a whole goal part can only be tested with 'is missing' or 'is not missing'", 1, 1),
    ("goal.target", "a condition must be true or false, but this is a obj", 1, 1),
    ("goal.target.value", "a condition must be true or false, but this is a num", 1, 1),
    ('"sales"', "a condition must be true or false, but this is a str", 1, 1),
    ("1 and true", "and/or needs a bool, got a num", 1, 1),
    ("true or goal.text", "and/or needs a bool, got a str", 1, 9),
    ("not 1", "not needs a bool, got a num", 1, 5),
    ('goal.text + 1 == 2', "arithmetic needs a num, got a str", 1, 1),
    ('-goal.text == "x"', "'-' needs a num, got a str", 1, 2),
    ('goal.category in [1, 2]', "this list holds nums but is matched against a str", 1, 19),
    ('goal.target.value in ["a"]', "this list holds strs but is matched against a num", 1, 23),
    ('goal.text in goal.metric', "'in' needs a list after it (a [..] list or a list field), got a str", 1, 14),
    ('1 in goal.cues', "only text can be looked up in a list, got a num", 1, 1),
    # impossible enum values, with a hint
    ('goal.category == "salez"', "'salez' is not a possible value here (did you mean 'sales'?)", 1, 18),
    ('"salez" == goal.category', "'salez' is not a possible value here (did you mean 'sales'?)", 1, 1),
    ('goal.category in ["leads", "salez"]', "'salez' is not a possible value here (did you mean 'sales'?)", 1, 28),
    ('goal.direction != "increse"', "'increse' is not a possible value here (did you mean 'increase'?)", 1, 19),
    ('doc.role == "social"', "'social' is not a possible value here", 1, 13),
    ('"guarantees" in goal.cues', "'guarantees' is not a possible value here (did you mean 'guarantee'?)", 1, 1),
    ('goal.cues in ["gurantee"]', "'gurantee' is not a possible value here (did you mean 'guarantee'?)", 1, 15),
    # syntax
    ("", "the condition ends too early", 1, 1),
    ("   ", "the condition ends too early", 1, 4),
    ("(goal.vague", "the condition ends too early", 1, 12),
    ("((goal.vague)", "the condition ends too early", 1, 14),
    ("goal.vague)", "unexpected ')'", 1, 11),
    ("goal.vague and", "the condition ends too early", 1, 15),
    ("goal.target.value >", "the condition ends too early", 1, 20),
    ("goal.target.value > > 1", "unexpected '>'", 1, 21),
    ("and goal.vague", "unexpected 'and'", 1, 1),
    ("goal.vague and or true", "unexpected 'or'", 1, 16),
    ("goal.vague not", "the condition ends too early", 1, 15),
    ("1 +", "the condition ends too early", 1, 4),
    ("goal.vague = true", "unexpected character '='", 1, 12),
    ('goal.text == "unterminated', "unexpected character '\"'", 1, 14),
    ("goal.text == 'single'", "unexpected character \"'\"", 1, 14),
    ("goal.target.value in [1, 2", "the condition ends too early", 1, 27),
    ("goal.vague and\n  goal.catgory == \"sales\"", "unknown field 'goal.catgory' (did you mean 'goal.category'?)", 2, 3),
    ("goal.target.value\n  > \"x\"", "cannot compare a num with a str", 2, 3),
    ("goal.vague\n  and\n", "the condition ends too early", 3, 1),
    # numbers above the limit
    ("goal.target.value > 1000000000001", "number 1000000000001 is out of range (limit 1e+12)", 1, 21),
    ("goal.target.value in [5, 999999999999999]", "number 999999999999999 is out of range", 1, 26),
])
def test_rejected_at_load_time(condition, message, line, column):
    error = rejected(condition)
    assert message in error.message, error.message
    assert (error.line, error.column) == (line, column), (error.message, error.line, error.column)


def test_the_number_limit_itself_is_allowed():
    assert NUMBER_LIMIT == 1e12
    assert holds("1000000000000 > goal.target.value", SALES)


def test_enum_errors_list_the_possible_values():
    message = rejected('goal.category == "salez"').message
    assert "expected one of: sales, leads, awareness, engagement, loyalty, communication, traffic, other" in message


def test_condition_error_is_an_exception_with_position():
    error = ConditionError("boom", 2, 7)
    assert isinstance(error, Exception)
    assert (str(error), error.message, error.line, error.column) == ("boom", "boom", 2, 7)


# hostile text is rejected quickly ----------------------------------------------------------
def _rejected_quickly(condition, fragment):
    start = time.process_time()
    error = rejected(condition)
    elapsed = time.process_time() - start
    assert fragment in error.message, error.message
    assert elapsed < 2.0, elapsed          # CPU seconds: backtracking would take minutes
    return error


def test_deep_parentheses_are_rejected_quickly():
    error = _rejected_quickly("(" * 100 + "true" + ")" * 100, f"nests deeper than {MAX_DEPTH} levels")
    assert (error.line, error.column) == (1, MAX_DEPTH + 1)


def test_deep_brackets_and_calls_are_rejected_quickly():
    _rejected_quickly("abs(" * 60 + "1" + ")" * 60 + " > 0", f"nests deeper than {MAX_DEPTH} levels")
    _rejected_quickly("goal.target.value in " + "[" * 60 + "1" + "]" * 60, f"nests deeper than {MAX_DEPTH} levels")


def test_nesting_at_the_limit_is_allowed():
    assert holds("(" * MAX_DEPTH + "true" + ")" * MAX_DEPTH, SALES)


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = "(" * (MAX_DEPTH + 5)
    assert holds(f'goal.text != "{text}"', SALES)
    assert holds(f'goal.text != "{")" * 50}" and (true)', SALES)


def test_deep_operator_chains_are_rejected_quickly():
    _rejected_quickly("not " * 200 + "true", f"nests deeper than {MAX_DEPTH} levels")
    _rejected_quickly("-" * 1500 + "1 > 0", f"nests deeper than {MAX_DEPTH} levels")


def test_too_many_parts_are_rejected_quickly():
    text = "1 < 2 or " * 200 + "true"
    assert len(text) <= MAX_LENGTH
    error = _rejected_quickly(text, f"more than {MAX_NODES} parts")
    assert error.line == 1 and error.column > 1
    _rejected_quickly("goal.target.value in [" + "1, " * 600 + "2]", f"more than {MAX_NODES} parts")
    _rejected_quickly("max(" + "1," * 900 + "1) > 0", f"more than {MAX_NODES} parts")


def test_many_parts_below_the_limit_are_allowed():
    assert holds("1 < 2 and " * 50 + "true", SALES)


def test_overlong_conditions_are_rejected_quickly():
    error = _rejected_quickly("true or " * 300 + "true", f"the limit is {MAX_LENGTH}")
    assert (error.line, error.column) == (1, 1)


def test_overlong_strings_are_rejected():
    assert holds('goal.text != "' + "x" * 200 + '"', SALES)
    _rejected_quickly('goal.text != "' + "x" * 201 + '"', "unexpected character")


# no escape hatches: only declared lowercase names, only declared functions ----------------
@pytest.mark.parametrize("condition, fragment, column", [
    ("goal.__class__", "unexpected character '_'", 6),
    ("goal.text.__class__ == 1", "unexpected character '_'", 11),
    ('__import__("os")', "unexpected character '_'", 1),
    ('goal.text.upper() == "X"', "unknown function 'goal.text.upper'", 1),
    ("goal.text.upper", "unknown field 'goal.text.upper'", 1),
    ('eval("1")', "unknown function 'eval'", 1),
    ('exec("import os")', "unknown function 'exec'", 1),
    ("open(goal.text)", "unknown function 'open'", 1),
    ("goal", "unknown field 'goal'", 1),
    ("_options", "unexpected character '_'", 1),
    ('doc.baseline("x").real > 0', "unexpected '.'", 18),
    ("goal.Text == \"x\"", "unexpected character 'T'", 6),
    ("GOAL.text == \"x\"", "unexpected character 'G'", 1),
    ("goal.text[0] == \"x\"", "unexpected '['", 10),
    ("lambda: true", "unexpected character ':'", 7),
    ("goal.text == \"a\" + \"b\"", "arithmetic needs a num, got a str", 14),
    ("1e3 > 0", "unexpected", 2),
    ("goal.target.value ** 2 > 0", "unexpected '*'", 20),
    ("true; false", "unexpected character ';'", 5),
])
def test_no_python_escapes(condition, fragment, column):
    error = rejected(condition)
    assert fragment in error.message, error.message
    assert (error.line, error.column) == (1, column), (error.message, error.column)


def test_and_or_chains_stop_at_the_first_deciding_part_and_give_true_or_false():
    from smmrules.rules.conditions import _all_of, _any_of
    for n in (2, 3):
        seen = []

        def part(value, i):
            return lambda env: seen.append(i) or value
        seen.clear()
        assert _all_of(tuple(part(v, i) for i, v in enumerate([1, None, True][:n])))({}) is False
        assert seen == [0, 1]
        seen.clear()
        assert _all_of(tuple(part(v, i) for i, v in enumerate(["x", 2, True][:n])))({}) is True
        assert seen == list(range(n))
        seen.clear()
        assert _any_of(tuple(part(v, i) for i, v in enumerate([None, "x", False][:n])))({}) is True
        assert seen == [0, 1]
        seen.clear()
        assert _any_of(tuple(part(v, i) for i, v in enumerate([0, None, ""][:n])))({}) is False
        assert seen == list(range(n))
