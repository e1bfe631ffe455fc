"""One term per concept (docs/glossary.md): no message, explanation, example or line the command line
prints uses a word the glossary rules out, and the messages put their values in the form the sentence
needs (a metric's name in the nominative, a count in the form its number needs)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from smmrules.base.languages import LANGS, plural
from smmrules.base.tomlfile import read_data
from smmrules.cli import main
from smmrules.language.context import Context
from smmrules.language.parse import parse_goal
from smmrules.reporters.summary import Summary
from smmrules.reporters.text import summary_line
from smmrules.rules.engine import default_rules
from smmrules.rules.explain import case_lang
from smmrules.rules.rulefile import TEXT_KEYS

ROOT = Path(__file__).resolve().parents[1]
RULES = default_rules()


def _forbidden() -> dict[str, list[tuple[str, re.Pattern]]]:
    """lang -> [(word as the glossary writes it, pattern)], from the glossary's "Words we do not use"."""
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    table = text.split("## Words we do not use", 1)[1]
    out: dict[str, list] = {lang: [] for lang in LANGS}
    for row in table.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Language", "---"):
            continue
        langs = [x.strip() for x in cells[0].split(",")]
        for word in (w.strip() for w in cells[1].split(",")):
            body = re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else r"(?!\w)")
            pattern = re.compile(r"(?<!\w)" + body, re.IGNORECASE)
            for lang in langs:
                out[lang].append((word, pattern))
    return out


FORBIDDEN = _forbidden()


def _flat(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _flat(v)]
    if isinstance(value, list):
        return [s for v in value for s in _flat(v)]
    return []


def rule_texts() -> list[tuple[str, str, str]]:
    """(where, lang, text) for every message and explanation of every built-in rule."""
    return [(f"{r.code} {key}", lang, r.texts[lang][key]) for r in RULES.all_rules() for lang in LANGS
            for key in TEXT_KEYS]


def example_texts() -> list[tuple[str, str, str]]:
    return [(f"{r.code} example", case_lang(c), c.text) for r in RULES.all_rules() for c in r.cases]


def data_texts() -> list[tuple[str, str, str]]:
    """The words printed around rule texts (grammar/texts.toml) and the ones messages are made of
    (grammar/render.toml), per language."""
    out = []
    texts = read_data(ROOT / "grammar" / "texts.toml")
    for table in ("explain", "cli"):
        for lang in LANGS:
            out += [(f"texts.toml [{table}.{lang}]", lang, s) for s in _flat(texts[table][lang])]
    render = read_data(ROOT / "grammar" / "render.toml")
    for lang in LANGS:
        out += [(f"render.toml [{lang}]", lang, s) for s in _flat(render[lang])]
    return out


def _run(capsys, *argv) -> list[str]:
    main(list(argv))
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


RU_BRIEF = """клиент: Ромашка
старт: 15.01.2026
роль: канал коммуникации
бюджт: 500 USD/месяц
история: два
платная реклама: нет

цель: время ответа в директ не больше 3 дней
цель: увеличить количество заявок из Instagram на 20% к 2025-06   # smmrules: ignore[T1O1]
цель: увеличить количество заявок из Instagram на 20% к 2025-06
цель: публиковать 30 постов в месяц   # smmrules: ignore[S105]
цель: набрать 100 000 подписчиков за 1 месяц
  задача: запустить рекламу с частотой 8 показов на человека
цель: повысить узнаваемость бренда
цель: увеличить продажи на {20%}
не забыть спросить про бюджет
"""

UK_BRIEF = """клієнт: Ромашка
старт: 15.01.2026
роль: канал комунікації
бюджт: 500 USD/місяць
історія: два
платна реклама: ні

ціль: час відповіді в директі не більше 3 днів
ціль: збільшити кількість заявок з Instagram на 20% до 2025-06   # smmrules: ignore[T1O1]
ціль: збільшити кількість заявок з Instagram на 20% до 2025-06
ціль: публікувати 30 дописів на місяць   # smmrules: ignore[S105]
ціль: набрати 100 000 підписників за 1 місяць
  завдання: запустити рекламу з частотою 8 показів на людину
ціль: посилити впізнаваність пекарні в районі
ціль: збільшити продажі на {20%}
не забути спитати про бюджет
"""


@pytest.fixture
def cli_texts(tmp_path, capsys, monkeypatch) -> list[tuple[str, str, str]]:
    """Every line `lint`, `check`, `suggest`, `explain` and `rules` print for Russian and Ukrainian
    briefs and statements, in each message language."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ru.goals").write_text(RU_BRIEF, encoding="utf-8")
    (tmp_path / "uk.goals").write_text(UK_BRIEF, encoding="utf-8")
    out = []
    for lang in LANGS:
        lines = _run(capsys, "lint", "--no-cache", "--lang", lang, "ru.goals", "uk.goals")
        lines += _run(capsys, "check", "--lang", lang, "набрать 100 000 подписчиков за 1 месяц")
        lines += _run(capsys, "check", "--lang", lang, "збільшити продажі на %")
        lines += _run(capsys, "suggest", "--lang", lang, "отримувати 300 заявок на місяць")
        lines += _run(capsys, "rules", "--lang", lang)
        for rule in RULES.all_rules():
            lines += _run(capsys, "explain", rule.code, "--lang", lang)
        out += [("cli", lang, line) for line in lines]
    for name in ("ru.goals", "uk.goals"):     # the documents' own language
        out += [("cli", name[:2], line) for line in _run(capsys, "lint", "--no-cache", name)]
    return out


def _offences(texts) -> list[str]:
    found = []
    for where, lang, text in texts:
        for word, pattern in FORBIDDEN[lang]:
            if pattern.search(text):
                found.append(f"{where} ({lang}): '{word}' in {text!r}")
    return found


def test_the_glossary_rules_out_the_words_it_names():
    """The table is read: a word it lists is caught, in any letter case and any form a * allows."""
    def caught(lang, text):
        return _offences([("sample", lang, text)])
    assert caught("uk", "Це Мета бізнесу") and caught("uk", "досягти мети") and not caught("uk", "метаданні")
    assert caught("ru", "До дедлайна 3 мес.") and caught("uk", "Дедлайну немає")
    assert caught("uk", "Придушення нічого не приховує") and caught("ru", "подавление")
    assert caught("ru", "ключ заголовка") and caught("uk", "у заголовку")
    assert caught("ru", "Значение не читается") and caught("uk", "Значення не читається")
    assert caught("uk", "метрика") and not caught("ru", "метрика") and not caught("ru", "Срок уже прошёл")


def test_rule_messages_and_explanations_use_the_glossary():
    texts = rule_texts()
    assert len(texts) == 3 * len(TEXT_KEYS) * len(RULES.all_rules())
    assert _offences(texts) == []


def test_examples_use_the_glossary():
    texts = example_texts()
    assert {lang for _, lang, _ in texts} == set(LANGS)
    assert _offences(texts) == []


def test_the_words_around_the_messages_use_the_glossary():
    assert _offences(data_texts()) == []


def test_every_line_the_command_line_prints_uses_the_glossary(cli_texts):
    assert len(cli_texts) > 1000
    assert _offences(cli_texts) == []


def test_russian_and_ukrainian_runs_print_no_english_line(cli_texts):
    """Every line a run prints in ru or uk is in that language: the findings, the summary, the
    catalogue's heading, explanations (rule codes, names and file excerpts aside)."""
    english = re.compile(r"\b(found|findings?|checks? passed|no findings|suggested tasks|could not|"
                         r"the goal|deadline|what it does|why it matters|how to fix)\b", re.IGNORECASE)
    name = re.compile(r"\b[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+")        # rule names: time-bound.no-deadline
    for _, lang, line in cli_texts:
        if lang != "en" and not line.startswith("    "):     # four spaces: the source line under a finding
            assert not english.search(name.sub("", line)), (lang, line)


# -- the forms values take in messages --------------------------------------------------------------
@pytest.mark.parametrize("lang, forms, expected", [
    ("ru", ("замечание", "замечания", "замечаний"),
     {1: "замечание", 2: "замечания", 4: "замечания", 5: "замечаний", 11: "замечаний", 12: "замечаний",
      21: "замечание", 22: "замечания", 25: "замечаний", 101: "замечание", 111: "замечаний"}),
    ("uk", ("зауваження", "зауваження", "зауважень"),
     {1: "зауваження", 2: "зауваження", 5: "зауважень", 11: "зауважень", 21: "зауваження", 14: "зауважень"}),
    ("uk", ("день", "дні", "днів", "дня"), {1: "день", 3: "дні", 5: "днів", 1.5: "дня", 21: "день"}),
    ("ru", ("день", "дня", "дней"), {1: "день", 3: "дня", 5: "дней", 1.5: "дня", 12: "дней"}),
    ("en", ("finding", "findings"), {1: "finding", 0: "findings", 2: "findings", 21: "findings"}),
])
def test_plural_forms(lang, forms, expected):
    assert {n: plural(n, forms, lang) for n in expected} == expected


@pytest.mark.parametrize("lang, counts, line", [
    ("ru", (1, 0, 0, 1), "Найдено 1 замечание (1 ошибка) в 1 файле."),
    ("ru", (0, 2, 0, 3), "Найдено 2 замечания (2 предупреждения) в 3 файлах."),
    ("ru", (1, 3, 1, 2), "Найдено 5 замечаний (1 ошибка, 3 предупреждения, 1 подсказка) в 2 файлах."),
    ("ru", (0, 0, 0, 21), "Все проверки пройдены: 21 файл, замечаний нет."),
    ("uk", (1, 0, 0, 1), "Знайдено 1 зауваження (1 помилка) у 1 файлі."),
    ("uk", (0, 2, 0, 2), "Знайдено 2 зауваження (2 попередження) у 2 файлах."),
    ("uk", (0, 0, 5, 5), "Знайдено 5 зауважень (5 підказок) у 5 файлах."),
    ("uk", (0, 0, 0, 2), "Усі перевірки пройдено: 2 файли, зауважень немає."),
    ("en", (1, 1, 0, 1), "Found 2 findings (1 error, 1 warning) in 1 file."),
])
def test_summary_lines(lang, counts, line):
    errors, warnings, infos, files = counts
    summary = Summary(files, 0, min(files, 1), {"error": errors, "warning": warnings, "info": infos})
    assert summary_line(summary, lang) == line


def test_summary_line_when_files_fail():
    assert summary_line(Summary(3, 1, 0), "ru") == "Замечаний нет в 2 файлах; не удалось проверить 1 файл."
    assert summary_line(Summary(2, 2, 0), "uk") == "Не вдалося перевірити 2 файли."
    assert summary_line(Summary(0, 0, 0), "uk") == "Немає файлів для перевірки."


@pytest.mark.parametrize("code, text, lang, ctx, expected", [
    # a duration in the form its number needs, not the statement's genitive ("3 дней")
    ("D503", "время ответа в директ не больше 3 дней", "ru", {},
     "Время ответа в цели — 3 дня, это дольше 24 часов"),
    ("D503", "отвечать на сообщения в течение 5 дней", "ru", {}, "Время ответа в цели — 5 дней,"),
    ("D503", "відповідати на повідомлення протягом 2 днів", "uk", {}, "Час відповіді в цілі — 2 дні,"),
    ("D503", "відповідати на повідомлення протягом 36 годин", "uk", {}, "Час відповіді в цілі — 36 годин,"),
    ("D503", "answer every message within 3 days", "en", {}, "A response time of 3 days"),
    # the metric by its name, in the nominative, not the statement's «заявок»
    ("R401", "увеличить количество заявок из Instagram на 20%", "ru", {"role": "communication"},
     "а не по метрике «заявки»."),
    ("R401", "збільшити кількість заявок з Instagram на 20%", "uk", {"role": "communication"},
     "а не за показником «заявки»."),
    ("R401", "увеличить количество заявок из Instagram на 20%", "en", {"role": "communication"},
     "not by leads."),
    ("R404", "публиковать 30 постов в месяц", "ru", {}, "«публикации» — это действие"),
    ("R404", "публікувати 30 дописів на місяць", "uk", {}, "«публікації» — це дія"),
    ("S106", "запустить таргетированную рекламу", "ru", {}, "«рекламные кампании» — это действие"),
    # growth beyond twofold a month as a multiple, with its number's form
    ("A304", "grow followers from 1,000 to 100,000 within 1 month", "en", {}, "about x100 growth every month"),
    ("A304", "набрать 100 000 подписчиков за 1 месяц", "ru", {"baselines": {"followers": 1000}},
     "нужен рост примерно в 100 раз каждый месяц"),
    ("A304", "набрати 100 000 підписників за 1 місяць", "uk", {"baselines": {"followers": 1000}},
     "потрібне зростання приблизно у 100 разів щомісяця"),
    ("A304", "збільшити продажі на 200% за 1 місяць", "uk", {}, "зростання приблизно у 3 рази щомісяця"),
    ("A304", "увеличить продажи на 80% за 1 месяц", "ru", {}, "рост примерно на 80% каждый месяц"),
])
def test_values_take_the_form_the_sentence_needs(code, text, lang, ctx, expected):
    goal = parse_goal(text)
    found = {f.code: f.message for f in RULES.check(goal, Context(**ctx), lang=lang)}
    assert expected in found[code]


def test_a_goal_with_no_catalogue_tasks_gets_no_empty_sentence(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.goals").write_text("роль: канал коммуникации\nцель: увеличить продажи на 20% к 2027-06\n",
                                      encoding="utf-8")
    lines = _run(capsys, "lint", "--no-cache", "a.goals")
    d605 = next(line for line in lines if " D605 " in line)
    assert d605.endswith("D605 [info] У цели нет задач.")
