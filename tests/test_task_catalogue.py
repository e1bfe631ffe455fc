"""The task catalogue (rules/catalogue.toml and rules/tasks-*.toml): its invariants, the ranking of
suggestions, the answer for an activity stated as a goal, a team's own catalogue folder, and D609 on
the labelled set of tests/data/d609_labelled.jsonl."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules import lint, parse_goal
from smmrules.base.errors import RuleFileError
from smmrules.language.context import ROLES
from smmrules.language.langdetect import detect_lang
from smmrules.rules.catalogue import KINDS, SOURCES, build_catalogue
from smmrules.rules.doccheck import task_profile
from smmrules.rules.engine import RuleSet, activity_serves, default_rules, suggest_tasks
from smmrules.rules.suggestions import activity_answer

ROOT = Path(__file__).resolve().parent.parent
RULES = default_rules()
CAT = RULES.catalogue
TEAM = ROOT / "examples" / "team-rules"


# -- invariants ---------------------------------------------------------------------------------------
def test_the_catalogue_is_worth_reading():
    sizes = Counter(t.category for t in CAT.tasks)
    assert len(CAT.tasks) >= 80
    assert set(sizes) == set(KINDS)
    assert min(sizes.values()) >= 10, sizes


@pytest.mark.parametrize("task", CAT.tasks, ids=lambda t: t.id)
def test_every_task_is_complete(task):
    assert task.id.split(".")[0] == task.category
    for lang in ("en", "ru", "uk"):
        assert task.title(lang).strip()
        if lang != "en":        # written in the language, not left in English
            assert detect_lang(task.title(lang), RULES.lexicons) == lang, (task.id, lang)
    assert task.titles["ru"] != task.titles["uk"] != task.titles["en"]
    assert task.roles and set(task.roles) <= set(ROLES)
    assert task.metrics and set(task.metrics) <= set(RULES.lexicons.metrics)
    assert not any(RULES.lexicons.metrics[m].activity for m in task.metrics)   # a task moves results
    assert task.source in SOURCES and task.source != "team"
    # match words in every language or in none: D609 reads a task the same way in each
    assert set(task.match) in (set(), {"en", "ru", "uk"})


def test_the_source_articles_tasks_are_all_there():
    ids = {t.id for t in CAT.tasks if t.source == "source articles"}
    assert {"sales.first-touch-conversion", "sales.loyalty-programme", "sales.pixel-retargeting",
            "sales.direct-requests", "sales.targeted-traffic", "leads.paid-traffic", "leads.fast-processing",
            "leads.quality-feedback", "awareness.reach-campaign", "awareness.retarget-engaged",
            "engagement.steady-content", "engagement.track-err", "loyalty.close-friends",
            "loyalty.quality-feedback", "loyalty.answer-24h", "communication.product-value",
            "communication.usage-tips", "communication.special-offers", "communication.visual-showcase",
            "communication.fast-answers"} <= ids
    assert len(ids) < len(CAT.tasks) / 2       # the rest is common practice, and says so


def test_each_kind_is_served_by_other_kinds_only():
    for kind in KINDS:
        assert kind in CAT.accepts(kind)
        assert CAT.accepts(kind) <= set(KINDS)
    assert CAT.accepts("awareness") == {"awareness", "engagement"}
    assert "awareness" not in CAT.accepts("sales")


def test_the_catalogue_is_profiled_once():
    first = CAT.matcher("ru")
    task_profile("провести розыгрыш", "ru", RULES)
    assert CAT.matcher("ru") is first


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_matcher_from_the_cache_is_the_one_built(lang, tmp_path, monkeypatch):
    """The task matcher comes from the artefact cache in a later run (catalogue._matcher), and reads
    every task's own patterns as the one built from the patterns does."""
    from smmrules.base import cache
    from smmrules.language import lexicon
    from smmrules.rules import catalogue
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path))
    cache.forget()
    try:
        built = catalogue._matcher(CAT.tasks, lang)
        cache.forget()                          # as a new process: only the file is left

        def no_compiling(*args, **kwargs):
            raise AssertionError("the matcher was built again")
        monkeypatch.setattr(lexicon, "_compile", no_compiling)
        served = catalogue._matcher(CAT.tasks, lang)
    finally:
        cache.forget()
    assert served is not built and served.__getstate__() == built.__getstate__()
    phrases = [p for t in CAT.tasks for p in t.match.get(lang, ()) if "@" not in p and "*" not in p]
    assert len(phrases) > 5
    for phrase in phrases:
        words = phrase.split()
        assert {r.value for r in served.readings(words, 0)} == {r.value for r in built.readings(words, 0)} != set()


# -- ranking ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("statement,role,top", [
    ("cut the response time in direct messages to 1 hour by 2026-05", None, "communication.fast-answers"),
    ("сократить время ответа до 2 часов", None, "communication.fast-answers"),
    ("скоротити час відповіді до 2 годин", None, "communication.fast-answers"),
    ("increase monthly sales 20% by 2026-06", None, "sales.first-touch-conversion"),
    ("увеличить средний чек на 10% к 2026-09", None, "sales.upsell-bundles"),
    ("збільшити середній чек на 10%", None, "sales.upsell-bundles"),
    ("reduce cart abandonment to 60%", None, "sales.cart-recovery"),
    ("grow Instagram followers to 5,000", None, "awareness.influencers"),
    ("підвищити охоплення до 50 000 на місяць", None, "awareness.reach-campaign"),
    ("підвищити ERR до 12% за 3 місяці", None, "engagement.track-err"),     # ERR named by both
    ("raise NPS to 50 by the end of the year", None, "loyalty.quality-feedback"),
    ("збільшити кількість відгуків до 200", None, "loyalty.collect-reviews"),
    ("get 300 leads a month", None, "leads.paid-traffic"),
    ("снизить стоимость заявки до 300 рублей", None, "leads.paid-traffic"),
    ("увеличить количество регистраций на вебинар до 500", None, "leads.webinar"),
    ("увеличить трафик на сайт на 25%", None, "traffic.targeted-ads"),
    ("drive 10,000 visits to the website a month", "communication", "traffic.targeted-ads"),
    ("increase monthly sales 20% by 2026-06", "social-only", "sales.first-touch-conversion"),
])
def test_the_goal_s_metric_ranks_first(statement, role, top):
    tasks = suggest_tasks(statement, role=role)
    assert tasks[0].id == top
    if role is not None:
        assert all(role in t.roles for t in tasks)


def test_a_response_time_goal_gets_every_response_time_task_before_the_rest():
    tasks = suggest_tasks("сократить время ответа до 2 часов")
    moves = [("response_time" in t.metrics) for t in tasks]
    assert moves[:5] == [True] * 5 and moves == sorted(moves, reverse=True)
    assert "loyalty.answer-24h" in {t.id for t in tasks[:7]}      # another kind's task, by the metric


def test_the_goal_without_tasks_is_given_the_ranked_ones():
    found = lint("goal: cut the response time in direct messages to 1 hour by 2026-05\n", today="2026-01-15")
    d605 = next(f for f in found if f.code == "D605")
    assert d605.message.split("catalogue: ")[1].startswith("Answer questions and comments quickly;")


# -- an activity stated as a goal -------------------------------------------------------------------
@pytest.mark.parametrize("statement,kinds,example", [
    ("publish 30 posts a month", ("engagement", "awareness"), "reach ERR 15% within 3 months"),
    ("run a giveaway every month", ("awareness", "engagement"), "grow Instagram followers to 5,000 within 6 months"),
    ("launch ads on Instagram", ("leads", "sales", "awareness"), "get 300 leads a month from Instagram"),
    ("публиковать 3 рилса в неделю", ("awareness", "engagement"), "повысить узнаваемость бренда"),
    ("провести розыгрыш в апреле", ("awareness", "engagement"), "повысить узнаваемость бренда"),
    ("провести 4 вебінари на квартал", ("leads", "engagement"), "залучити 100 заявок на місяць"),
    ("запустити email-розсилку", ("sales", "engagement", "loyalty", "leads"), "збільшити продажі на 20% до 2026-06"),
])
def test_an_activity_is_told_which_result_it_can_serve(statement, kinds, example):
    goal = parse_goal(statement)
    assert goal.category == "other"
    assert activity_serves(goal) == kinds
    answer = activity_answer(goal, goal.lang, RULES)
    assert answer["serves"] == list(kinds) and answer["example"] == example
    assert example in answer["text"]
    assert suggest_tasks(goal)[0].category == kinds[0]


def test_the_activity_answer_names_the_kinds_in_the_language():
    goal = parse_goal("провести розыгрыш в апреле")
    assert activity_answer(goal, "ru", RULES)["text"].startswith(
        "Это действие, а не результат: оно может работать на цель типа «узнаваемость» или «вовлечённость».")
    goal = parse_goal("публікувати 30 дописів на місяць")
    assert "«залученість» або «впізнаваність»" in activity_answer(goal, "uk", RULES)["text"]


def test_a_result_gets_no_activity_answer():
    assert activity_answer(parse_goal("get 300 leads a month"), "en", RULES) is None
    assert activity_serves("get 300 leads a month") == ()


def test_suggest_prints_the_activity_answer_first(capsys):
    from smmrules.cli import main
    assert main(["suggest", "publish 30 posts a month"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith('This is an activity, not a result: it can serve a goal of the kind "engagement"')
    assert out[1] == "engagement.steady-content: Publish steady, engaging content that invites reactions"


def test_check_json_carries_the_activity_answer(capsys):
    from smmrules.cli import main
    main(["check", "провести розыгрыш в апреле", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["activity"]["serves"] == ["awareness", "engagement"]
    assert data["activity"]["example"] == "повысить узнаваемость бренда"
    assert data["suggestions"][0]["category"] == "awareness" and "metrics" in data["suggestions"][0]
    main(["check", "get 300 leads a month", "--format", "json"])
    assert "activity" not in json.loads(capsys.readouterr().out)


# -- a team's own catalogue -------------------------------------------------------------------------
TEAM_RULES = RuleSet([TEAM])


def test_a_team_folder_overrides_drops_and_adds_tasks():
    index = TEAM_RULES.catalogue.index
    assert index["loyalty.answer-24h"].title("ru").startswith("Отвечать на сообщение каждого пациента")
    assert "sales.live-selling" not in index and "sales.live-selling" in CAT.index
    assert index["leads.free-checkup"].source == "team"
    assert len(TEAM_RULES.catalogue.tasks) == len(CAT.tasks)       # one replaced, one dropped, one added
    for statement in ("get 40 check-up bookings a month", "получать 40 записей на осмотр в месяц"):
        assert suggest_tasks(statement, rules=TEAM_RULES)[0].id == "leads.free-checkup"
        assert "leads.free-checkup" not in {t.id for t in suggest_tasks(statement)}


def test_the_team_s_match_words_reach_d609():
    text = "goal: grow Instagram followers from 2,000 to 5,000 by 2026-09\n  task: offer a free check-up\n"
    assert [f.code for f in lint(text, today="2026-01-15", rules=TEAM_RULES) if f.code == "D609"] == ["D609"]
    assert [f for f in lint(text, today="2026-01-15") if f.code == "D609"] == []


@pytest.mark.parametrize("task,error", [
    ('id = "loyalty.answer-24h"\ncategory = "loyalty"\nmetrics = ["csat"]\ntitle = {T}',
     "task id loyalty.answer-24h is used twice (write override = true"),
    ('id = "leads.nothing"\noverride = true\ncategory = "leads"\nmetrics = ["leads"]\ntitle = {T}',
     "override = true, but no earlier task has this id"),
    ('id = "leads.x"\ncategory = "leads"\nmetrics = ["lead"]\ntitle = {T}', "unknown metric 'lead' (did you mean 'leads'?)"),
    ('id = "leads.x"\ncategory = "leads"\nmetrics = ["leads"]\ntitle = { en = "a", ru = "б" }',
     "a task needs a title in en, ru, uk"),
    ('id = "leads.x"\ncategory = "leads"\nroles = ["influencer"]\nmetrics = ["leads"]\ntitle = {T}',
     "unknown role 'influencer'"),
    ('id = "leads.x"\ncategory = "other"\nmetrics = ["leads"]\ntitle = {T}', "unknown category 'other'"),
    ('id = "leads.x"\ncategory = "leads"\nmetrics = ["leads"]\nmatch = { de = ["x"] }\ntitle = {T}',
     "match must be a table of word lists per language"),
    ('id = "leads.x"\ncategory = "leads"\nmetrics = ["leads"]\nsource = "a blog"\ntitle = {T}', "source must be one of"),
])
def test_a_wrong_team_task_is_a_rule_file_error(tmp_path, task, error):
    title = '{ en = "Do it", ru = "Сделать", uk = "Зробити" }'
    (tmp_path / "tasks.toml").write_text("[[task]]\n" + task.replace("{T}", title) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        RuleSet([tmp_path])
    assert error in str(exc.value)


def test_served_by_must_name_other_kinds():
    with pytest.raises(RuleFileError, match="served-by must list other kinds"):
        build_catalogue([("x.toml", {"category": {"sales": {"served-by": ["sales"]}}})])
    with pytest.raises(RuleFileError, match="by-activity belongs to"):
        build_catalogue([("x.toml", {"category": {"sales": {"by-activity": {"posts": ["leads"]}}}})])


# -- D609 on the labelled set -----------------------------------------------------------------------
def _measure(name: str = "d609_labelled.jsonl"):
    spec = importlib.util.spec_from_file_location("d609_precision", ROOT / "benchmarks" / "d609_precision.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure(ROOT / "tests" / "data" / name)


def test_d609_is_right_when_it_speaks():
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "d609_labelled.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) >= 60 and {r["lang"] for r in rows} == {"en", "ru", "uk"}
    result = _measure()
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.8
    assert result["kind_named"] == result["tp"]        # every right finding names the kind it saw


def test_d609_holds_on_the_tasks_written_after_the_catalogue():
    result = _measure("d609_heldout.jsonl")
    assert result["tasks"] == 32
    assert result["precision"] >= 0.9 and result["recall"] >= 0.8


@pytest.mark.parametrize("goal,task", [
    ("grow Instagram followers from 2,000 to 5,000 by 2026-09", "run a giveaway with a repost condition"),
    ("get 200 sign-ups for the free trial a month by 2026-10", "add a Book-a-trial button to the profile"),
    ("увеличить продажи на 15% к 2026-06", "запустить спецпредложения с промокодом"),
    ("збільшити кількість підписників до 8 000 до 2026-09", "домовитися про колаборацію з блогерами"),
])
def test_a_task_that_plausibly_serves_its_goal_is_never_reported(goal, task):
    kw = {"en": ("goal", "task"), "ru": ("цель", "задача"), "uk": ("ціль", "завдання")}[parse_goal(goal).lang]
    found = lint(f"{kw[0]}: {goal}\n  {kw[1]}: {task}\n", today="2026-01-15")
    assert [f for f in found if f.code == "D609"] == []


def test_d609_names_the_kind_in_each_language():
    cases = [("goal: increase monthly sales 20% by 2026-06\n  task: run a Reach campaign with a frequency of 4-5 per person\n",
              "This task looks like work for a goal of another kind (awareness); the goal it is under is about sales."),
             ("цель: повысить ERR до 15% за 3 месяца\n  задача: установить пиксель на сайт и отслеживать покупки\n",
              "Похоже, задача работает на другой результат («продажи»), чем её цель («вовлечённость»)."),
             ("ціль: підвищити NPS до 50 до кінця 2026 року\n  завдання: закупити 100 000 показів банерної реклами\n",
              "Схоже, завдання працює на інший результат («впізнаваність»), ніж його ціль («лояльність»).")]
    for text, message in cases:
        assert [f.message for f in lint(text, today="2026-01-15") if f.code == "D609"] == [message]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["en", "ru", "uk"]))
def test_any_task_line_reads_into_known_kinds(text, lang):
    prof = task_profile(text, lang, RULES)
    assert set(prof["kinds"]) <= set(KINDS)
    assert prof["categories"] == tuple(sorted(prof["kinds"]))
    assert set(prof["tasks"]) <= set(CAT.index)
    assert len(set(prof["tasks"])) == len(prof["tasks"])


def test_task_profiles_are_made_once_per_text_and_copied_out(monkeypatch):
    """A brief repeats its tasks: each (text, language) is profiled once per rule set, and every caller
    gets its own copy to add to (D609's serves_goal is written into it)."""
    from smmrules.rules import doccheck
    from smmrules.rules.engine import RuleSet
    rules = RuleSet()
    calls = []
    real = doccheck.profile
    monkeypatch.setattr(doccheck, "profile", lambda *a: calls.append(a[:2]) or real(*a))
    first = doccheck.task_profile("run a giveaway with a partner brand", "en", rules)
    first["serves_goal"] = True
    second = doccheck.task_profile("run a giveaway with a partner brand", "en", rules)
    assert calls == [("run a giveaway with a partner brand", "en")]
    assert "serves_goal" not in second and second["kinds"] == first["kinds"] and second["kinds"]
    doccheck.task_profile("run a giveaway with a partner brand", "ru", rules)
    assert len(calls) == 2
