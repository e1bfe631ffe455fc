"""Deadlines in every form people write them (issue 11, items 4 and 5), every slot asserted.

Statements are written for this table (today = 2026-01-15), in the patterns of the corpus README,
never copied from it. What each form resolves to is documented in docs/deadlines.md.
"""
from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalcheck import TODAY, row, slots
from smmrules import GoalSyntaxError, check_goal, parse_goal
from smmrules.language.ast import DEADLINE_KINDS


def dl_row(text, lang, category, direction, metric, period, channel, baseline, target, deadline, written):
    """A row of item 4: the slots, and the deadline's words as written."""
    return (*row(text, lang, category, direction, metric, period, channel, baseline, target, deadline), written)


# -- item 4: every deadline form, resolved to an inclusive end date where there is one -----------------
DEADLINE_ROWS = [
    # dates written with slashes and dots, a month with its year
    dl_row("increase Instagram followers by 15% by 30/06/2026", "en", "awareness", "increase", "followers", None,
           "instagram", None, ("relative", 15, "%"), ("date", "2026-06-30", None), "by 30/06/2026"),
    dl_row("grow Instagram followers to 2,000 by 06/2026", "en", "awareness", "reach", "followers", None,
           "instagram", None, ("absolute", 2000, None), ("date", "2026-06-30", None), "by 06/2026"),
    dl_row("увеличить продажи на 20% до 30.06.2026", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("date", "2026-06-30", None), "до 30.06.2026"),
    dl_row("увеличить продажи на 20% к 06/2026", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("date", "2026-06-30", None), "к 06/2026"),
    dl_row("збільшити продажі на 20% до 30/06/2026", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("date", "2026-06-30", None), "до 30/06/2026"),
    dl_row("збільшити продажі на 10% до 09.2026", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 10, "%"), ("date", "2026-09-30", None), "до 09.2026"),
    # halves of a year
    dl_row("reach 500 orders a month in H1 2026", "en", "sales", "reach", "sales", "month", None, None,
           ("absolute", 500, None), ("half", "2026-06-30", None), "in H1 2026"),
    dl_row("increase revenue by 25% in the second half of 2026", "en", "sales", "increase", "revenue", None, None,
           None, ("relative", 25, "%"), ("half", "2026-12-31", None), "in the second half of 2026"),
    dl_row("получить 300 заявок в первом полугодии 2026", "ru", "leads", "achieve", "leads", None, None, None,
           ("absolute", 300, None), ("half", "2026-06-30", None), "в первом полугодии 2026"),
    dl_row("отримати 300 заявок у першому півріччі", "uk", "leads", "achieve", "leads", None, None, None,
           ("absolute", 300, None), ("half", "2026-06-30", None), "у першому півріччі"),
    dl_row("отримати 300 заявок до кінця першого півріччя 2026 року", "uk", "leads", "achieve", "leads", None,
           None, None, ("absolute", 300, None), ("half", "2026-06-30", None),
           "до кінця першого півріччя 2026 року"),
    # ordinal quarters: the end of that calendar quarter, never N quarters from today
    dl_row("get 300 leads in the second quarter", "en", "leads", "achieve", "leads", None, None, None,
           ("absolute", 300, None), ("quarter", "2026-06-30", None), "in the second quarter"),
    dl_row("get 300 leads by the end of the 3rd quarter", "en", "leads", "achieve", "leads", None, None, None,
           ("absolute", 300, None), ("quarter", "2026-09-30", None), "by the end of the 3rd quarter"),
    dl_row("увеличить выручку на 15% во втором квартале", "ru", "sales", "increase", "revenue", None, None, None,
           ("relative", 15, "%"), ("quarter", "2026-06-30", None), "во втором квартале"),
    dl_row("увеличить выручку на 15% до конца 2 квартала", "ru", "sales", "increase", "revenue", None, None, None,
           ("relative", 15, "%"), ("quarter", "2026-06-30", None), "до конца 2 квартала"),
    dl_row("увеличить выручку на 15% во II квартале 2026 года", "ru", "sales", "increase", "revenue", None, None,
           None, ("relative", 15, "%"), ("quarter", "2026-06-30", None), "во II квартале 2026 года"),
    dl_row("збільшити продажі на 15% до кінця другого кварталу", "uk", "sales", "increase", "sales", None, None,
           None, ("relative", 15, "%"), ("quarter", "2026-06-30", None), "до кінця другого кварталу"),
    dl_row("збільшити продажі на 20% у ІІ кварталі 2026 року", "uk", "sales", "increase", "sales", None, None,
           None, ("relative", 20, "%"), ("quarter", "2026-06-30", None), "у ІІ кварталі 2026 року"),
    dl_row("увеличить продажи на 20% в 1 квартале 2026 года", "ru", "sales", "increase", "sales", None, None,
           None, ("relative", 20, "%"), ("quarter", "2026-03-31", None), "в 1 квартале 2026 года"),
    dl_row("збільшити продажі на 20% у 3 кварталі", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("quarter", "2026-09-30", None), "у 3 кварталі"),
    dl_row("увеличить продажи на 20% за 2 квартала", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("duration", "2026-07-15", "P6M"), "за 2 квартала"),
    # the end of a year or quarter "by its results", a year in the genitive, "the 30th of June"
    dl_row("увеличить продажи на 20% по итогам года", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("period-end", "2026-12-31", None), "по итогам года"),
    dl_row("збільшити продажі на 20% за підсумками року", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("period-end", "2026-12-31", None), "за підсумками року"),
    dl_row("набрать 5000 подписчиков 2027 года", "ru", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 5000, None), ("date", "2027-12-31", None), "2027 года"),
    dl_row("increase sales by 20% by the 30th of June", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("date", "2026-06-30", None), "by the 30th of June"),
    # an ordinal month or year in words is a span from the start
    dl_row("get 100 leads by the end of the second month", "en", "leads", "achieve", "leads", None, None, None,
           ("absolute", 100, None), ("duration", "2026-03-15", "P2M"), "by the end of the second month"),
    dl_row("получить 100 заявок за первый месяц", "ru", "leads", "achieve", "leads", None, None, None,
           ("absolute", 100, None), ("duration", "2026-02-15", "P1M"), "за первый месяц"),
    dl_row("отримати 100 заявок до кінця першого року", "uk", "leads", "achieve", "leads", None, None, None,
           ("absolute", 100, None), ("duration", "2027-01-15", "P1Y"), "до кінця першого року"),
    dl_row("increase sales by 20% by year-end", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("period-end", "2026-12-31", None), "by year-end"),
    # the middle of a year is the end of its first half; of a month, the 15th
    dl_row("increase sales by 20% by mid-2026", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("half", "2026-06-30", None), "by mid-2026"),
    dl_row("увеличить продажи на 20% к середине года", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 20, "%"), ("half", "2026-06-30", None), "к середине года"),
    dl_row("збільшити продажі на 20% до середини березня 2026", "uk", "sales", "increase", "sales", None, None,
           None, ("relative", 20, "%"), ("date", "2026-03-15", None), "до середини березня 2026"),
    # seasons: "by summer" ends the day before summer, "this summer" and «до кінця літа» at its end
    dl_row("grow TikTok followers by 40% by summer", "en", "awareness", "increase", "followers", None, "tiktok",
           None, ("relative", 40, "%"), ("season", "2026-05-31", None), "by summer"),
    dl_row("get 200 reviews this summer", "en", "loyalty", "achieve", "reviews", None, None, None,
           ("absolute", 200, None), ("season", "2026-08-31", None), "this summer"),
    dl_row("get 200 reviews by the end of summer", "en", "loyalty", "achieve", "reviews", None, None, None,
           ("absolute", 200, None), ("season", "2026-08-31", None), "by the end of summer"),
    dl_row("набрать 5000 подписчиков к лету", "ru", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 5000, None), ("season", "2026-05-31", None), "к лету"),
    dl_row("набрать 5000 подписчиков до конца лета", "ru", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 5000, None), ("season", "2026-08-31", None), "до конца лета"),
    dl_row("набрать 3000 подписчиков летом", "ru", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 3000, None), ("season", "2026-08-31", None), "летом"),
    dl_row("набрати 5000 підписників до кінця літа", "uk", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 5000, None), ("season", "2026-08-31", None), "до кінця літа"),
    dl_row("набрати 5000 підписників до літа", "uk", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 5000, None), ("season", "2026-05-31", None), "до літа"),
    dl_row("набрати 2000 підписників влітку", "uk", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 2000, None), ("season", "2026-08-31", None), "влітку"),
    # named days; "8 March" and "1 September" are plain dates
    dl_row("increase sales by 30% by Black Friday", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 30, "%"), ("named", "2026-11-27", None), "by Black Friday"),
    dl_row("increase sales by 30% by Cyber Monday", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 30, "%"), ("named", "2026-11-30", None), "by Cyber Monday"),
    dl_row("sell 200 gift boxes by Christmas", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 200, None), ("named", "2026-12-25", None), "by Christmas"),
    dl_row("get 1,200 new followers by New Year", "en", "awareness", "increase", "followers", None, None, None,
           ("relative", 1200, None), ("named", "2026-12-31", None), "by New Year"),
    # the retail holiday season ends with the year, as «новогодние праздники» do ("by the holiday season"
    # may mean its start, "the holidays" any holidays: times we cannot date)
    dl_row("sell 300 gift cards by the end of the holiday season", "en", "sales", "achieve", "sales", None, None,
           None, ("absolute", 300, None), ("named", "2026-12-31", None), "by the end of the holiday season"),
    dl_row("get 500 orders before the close of the holiday season", "en", "sales", "achieve", "sales", None, None,
           None, ("absolute", 500, None), ("named", "2026-12-31", None), "before the close of the holiday season"),
    dl_row("sell 500 bouquets by 8 March", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 500, None), ("date", "2026-03-08", None), "by 8 March"),
    dl_row("sell 300 bouquets by International Women's Day", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 300, None), ("named", "2026-03-08", None), "by International Women's Day"),
    dl_row("sell 400 backpacks by 1 September", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 400, None), ("date", "2026-09-01", None), "by 1 September"),
    dl_row("sell 400 backpacks in time for back to school", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 400, None), ("named", "2026-09-01", None), "in time for back to school"),
    dl_row("get 150 orders by Valentine's Day", "en", "sales", "achieve", "sales", None, None, None,
           ("absolute", 150, None), ("named", "2026-02-14", None), "by Valentine's Day"),
    dl_row("increase sales by 15% by Easter", "en", "sales", "increase", "sales", None, None, None,
           ("relative", 15, "%"), ("named", "2026-04-05", None), "by Easter"),
    dl_row("продать 300 букетов к 8 марта", "ru", "sales", "achieve", "sales", None, None, None,
           ("absolute", 300, None), ("date", "2026-03-08", None), "к 8 марта"),
    dl_row("продать 200 рюкзаков ко Дню знаний", "ru", "sales", "achieve", "sales", None, None, None,
           ("absolute", 200, None), ("named", "2026-09-01", None), "ко Дню знаний"),
    dl_row("увеличить продажи на 30% к Черной пятнице", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 30, "%"), ("named", "2026-11-27", None), "к Черной пятнице"),
    dl_row("продать 500 подарочных наборов к Новому году", "ru", "sales", "achieve", "sales", None, None, None,
           ("absolute", 500, None), ("named", "2026-12-31", None), "к Новому году"),
    dl_row("увеличить продажи на 25% к Пасхе", "ru", "sales", "increase", "sales", None, None, None,
           ("relative", 25, "%"), ("named", "2026-04-12", None), "к Пасхе"),
    dl_row("продати 300 букетів до 8 березня", "uk", "sales", "achieve", "sales", None, None, None,
           ("absolute", 300, None), ("date", "2026-03-08", None), "до 8 березня"),
    dl_row("продати 200 рюкзаків до 1 вересня", "uk", "sales", "achieve", "sales", None, None, None,
           ("absolute", 200, None), ("date", "2026-09-01", None), "до 1 вересня"),
    dl_row("збільшити продажі на 30% до Чорної п'ятниці", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 30, "%"), ("named", "2026-11-27", None), "до Чорної п'ятниці"),
    dl_row("збільшити продажі на 25% до Великодня", "uk", "sales", "increase", "sales", None, None, None,
           ("relative", 25, "%"), ("named", "2026-04-12", None), "до Великодня"),
    dl_row("отримати 500 замовлень до Різдва", "uk", "sales", "achieve", "sales", None, None, None,
           ("absolute", 500, None), ("named", "2026-12-25", None), "до Різдва"),
    # fiscal years and year ranges: the end of the last calendar year
    dl_row("increase revenue by 20% in FY2026", "en", "sales", "increase", "revenue", None, None, None,
           ("relative", 20, "%"), ("date", "2026-12-31", None), "in FY2026"),
    dl_row("increase revenue by 20% in FY26", "en", "sales", "increase", "revenue", None, None, None,
           ("relative", 20, "%"), ("date", "2026-12-31", None), "in FY26"),
    dl_row("increase revenue by 20% in 2016-17", "en", "sales", "increase", "revenue", None, None, None,
           ("relative", 20, "%"), ("date", "2017-12-31", None), "in 2016-17"),
    dl_row("increase revenue by 20% in 2026–2027", "en", "sales", "increase", "revenue", None, None, None,
           ("relative", 20, "%"), ("date", "2027-12-31", None), "in 2026–2027"),
    # a comparison window is a period, not a deadline
    dl_row("increase revenue by 20% YoY", "en", "sales", "increase", "revenue", "year", None, None,
           ("relative", 20, "%"), None, None),
    dl_row("увеличить выручку на 20% г/г", "ru", "sales", "increase", "revenue", "year", None, None,
           ("relative", 20, "%"), None, None),
    dl_row("збільшити продажі на 20% р/р", "uk", "sales", "increase", "sales", "year", None, None,
           ("relative", 20, "%"), None, None),
    # the comparison windows written out («год к году», «рік до року») and a start ("starting January",
    # «с 2027 года"): no deadline
    dl_row('выручка +30% год к году', 'ru', 'sales', 'increase', 'revenue', 'year', None,
           None, ('relative', 30, '%'), None, None),
    dl_row('органічний трафік +25% рік до року', 'uk', 'traffic', 'increase', 'organic_traffic', 'year', None,
           None, ('relative', 25, '%'), None, None),
    dl_row('увеличить выручку на 10% месяц к месяцу', 'ru', 'sales', 'increase', 'revenue', 'month', None,
           None, ('relative', 10, '%'), None, None),
    dl_row('answer every DM within 1 business day, starting January', 'en', 'communication', 'reach', 'response_time', None, None,
           None, ('absolute', 1, 'd'), None, None),
    dl_row('increase sales by 20% starting in Q2', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 20, '%'), None, None),
    dl_row('увеличить продажи на 20% с 2027 года', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 20, '%'), None, None),
    # a rate ("every 3 days") is a period, not a deadline
    dl_row("get 20 leads every 3 days", "en", "leads", "achieve", "leads", "day", None, None,
           ("absolute", 20, None), None, None),
    dl_row("получать 40 заявок каждые две недели", "ru", "leads", "achieve", "leads", "week", None, None,
           ("absolute", 40, None), None, None),
    dl_row("publish one Reel a day for 300 days a year", "en", "other", "achieve", "posts", "day", None, None,
           ("absolute", 1, None), None, None),
    dl_row("отвечать на сообщения 7 дней в неделю", "ru", "communication", "maintain", "response_time", "week",
           None, None, None, None, None),
    dl_row("get 500 leads within 3 months per month", "en", "leads", "achieve", "leads", "month", None, None,
           ("absolute", 500, None), ("duration", "2026-04-15", "P3M"), "within 3 months"),
    # events: a deadline of its own kind, with no date
    dl_row("grow the audience to 10,000 followers before the launch", "en", "awareness", "reach", "followers",
           None, None, None, ("absolute", 10000, None), ("event", None, None), "before the launch"),
    dl_row("get 500 leads by the rebrand", "en", "leads", "achieve", "leads", None, None, None,
           ("absolute", 500, None), ("event", None, None), "by the rebrand"),
    dl_row("привлечь 1000 подписчиков к открытию магазина", "ru", "awareness", "achieve", "followers", None, None,
           None, ("absolute", 1000, None), ("event", None, None), "к открытию"),
    dl_row("привлечь 1000 подписчиков к запуску нового продукта", "ru", "awareness", "achieve", "followers", None,
           None, None, ("absolute", 1000, None), ("event", None, None), "к запуску нового продукта"),
    dl_row("залучити 2000 підписників до запуску", "uk", "awareness", "achieve", "followers", None, None, None,
           ("absolute", 2000, None), ("event", None, None), "до запуску"),
    # a year in two digits after an apostrophe ("Q1'27"); a quarter or half of this or next year, counted
    # from today ("Q1 of next year", «в первом квартале следующего года»)
    dl_row("Increase leads by 25% in Q1'27", 'en', 'leads', 'increase', 'leads',
           None, None, None, ('relative', 25, '%'), ('quarter', '2027-03-31', None),
           "in Q1'27"),
    dl_row("grow sales 10% by Q3 '27", 'en', 'sales', 'increase', 'sales',
           None, None, None, ('relative', 10, '%'), ('quarter', '2027-09-30', None),
           "by Q3 '27"),
    dl_row("get 300 orders by Dec '26", 'en', 'sales', 'achieve', 'sales',
           None, None, None, ('absolute', 300, None), ('date', '2026-12-31', None),
           "by Dec '26"),
    dl_row('grow sales 10% in Q1 of next year', 'en', 'sales', 'increase', 'sales',
           None, None, None, ('relative', 10, '%'), ('quarter', '2027-03-31', None),
           'in Q1 of next year'),
    dl_row('Reach 50,000 users in the first half of next year', 'en', 'leads', 'reach', 'users',
           None, None, None, ('absolute', 50000, None), ('half', '2027-06-30', None),
           'in the first half of next year'),
    dl_row('grow sales 10% by the end of Q2 next year', 'en', 'sales', 'increase', 'sales',
           None, None, None, ('relative', 10, '%'), ('quarter', '2027-06-30', None),
           'by the end of Q2 next year'),
    dl_row('увеличить продажи на 10% в первом квартале следующего года', 'ru', 'sales', 'increase', 'sales',
           None, None, None, ('relative', 10, '%'), ('quarter', '2027-03-31', None),
           'в первом квартале следующего года'),
    dl_row('получить 200 заявок до конца второго квартала этого года', 'ru', 'leads', 'achieve', 'leads',
           None, None, None, ('absolute', 200, None), ('quarter', '2026-06-30', None),
           'до конца второго квартала этого года'),
    dl_row('збільшити продажі на 10% до кінця першого півріччя наступного року', 'uk', 'sales', 'increase', 'sales',
           None, None, None, ('relative', 10, '%'), ('half', '2027-06-30', None),
           'до кінця першого півріччя наступного року'),
    dl_row('отримати 100 заявок у першому кварталі наступного року', 'uk', 'leads', 'achieve', 'leads',
           None, None, None, ('absolute', 100, None), ('quarter', '2027-03-31', None),
           'у першому кварталі наступного року'),
    # a period the team knows by name (the season, the holidays, the sale, the campaign, the pilot), after
    # "by", "before", "during", "through" or "the end of": an event deadline, with no date
    dl_row('get 300 reviews by the holidays', 'en', 'loyalty', 'achieve', 'reviews', None, None,
           None, ('absolute', 300, None), ('event', None, None), 'by the holidays'),
    dl_row('increase sales by 25% before the holiday season', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 25, '%'), ('event', None, None), 'before the holiday season'),
    dl_row('double sales by the end of the season', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('multiple', 2, None), ('event', None, None), 'by the end of the season'),
    dl_row('get 100 orders during the high season', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 100, None), ('event', None, None), 'during the high season'),
    dl_row('keep the unsubscribe rate below 0.5% through the holiday season', 'en', 'loyalty', 'maintain', 'unsubscribes', None, None,
           None, ('absolute', 0.5, '%'), ('event', None, None), 'through the holiday season'),
    dl_row('hold ROAS at 3.5 throughout the sale', 'en', 'sales', 'maintain', 'roas', None, None,
           None, ('absolute', 3.5, None), ('event', None, None), 'throughout the sale'),
    dl_row('get 400 sign-ups during the campaign', 'en', 'leads', 'achieve', 'registrations', None, None,
           None, ('absolute', 400, None), ('event', None, None), 'during the campaign'),
    dl_row('win 150 new clients by the end of the pilot', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 150, None), ('event', None, None), 'by the end of the pilot'),
    dl_row('gain 2,000 subscribers before the livestream', 'en', 'awareness', 'increase', 'followers', None, None,
           None, ('relative', 2000, None), ('event', None, None), 'before the livestream'),
    dl_row('sell 60 seats by the end of the semester', 'en', 'sales', 'achieve', 'bookings', None, None,
           None, ('absolute', 60, None), ('event', None, None), 'by the end of the semester'),
    dl_row('увеличить продажи на 50% к праздникам', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 50, '%'), ('event', None, None), 'к праздникам'),
    dl_row('увеличить продажи на 30% до конца сезона', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 30, '%'), ('event', None, None), 'до конца сезона'),
    dl_row('удвоить продажи к высокому сезону', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('multiple', 2, None), ('event', None, None), 'к высокому сезону'),
    dl_row('держать рейтинг не ниже 4,7 в течение всего сезона распродаж', 'ru', 'loyalty', 'maintain', 'rating', None, None,
           None, ('absolute', 4.7, None), ('event', None, None), 'в течение всего сезона распродаж'),
    dl_row('продать 500 наборов во время распродажи', 'ru', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 500, None), ('event', None, None), 'во время распродажи'),
    dl_row('набрать 800 подписчиков к розыгрышу', 'ru', 'awareness', 'achieve', 'followers', None, None,
           None, ('absolute', 800, None), ('event', None, None), 'к розыгрышу'),
    dl_row('получить 200 заявок до конца пилота', 'ru', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 200, None), ('event', None, None), 'до конца пилота'),
    dl_row('збільшити продажі на 50% до свят', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 50, '%'), ('event', None, None), 'до свят'),
    dl_row('збільшити продажі на 30% до кінця сезону', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 30, '%'), ('event', None, None), 'до кінця сезону'),
    dl_row('подвоїти продажі до високого сезону', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('multiple', 2, None), ('event', None, None), 'до високого сезону'),
    dl_row('утримати час відповіді в межах 20 хвилин протягом акції', 'uk', 'communication', 'maintain', 'response_time', None, None,
           None, ('absolute', 20, 'min'), ('event', None, None), 'протягом акції'),
    dl_row('охопити 300 тисяч користувачів під час розпродажу', 'uk', 'awareness', 'reach', 'reach', None, None,
           None, ('absolute', 300000, None), ('event', None, None), 'під час розпродажу'),
    dl_row('зібрати 150 заявок до початку набору', 'uk', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 150, None), ('event', None, None), 'до початку набору'),
    dl_row('набрати 1000 підписників до прямого ефіру', 'uk', 'awareness', 'achieve', 'followers', None, None,
           None, ('absolute', 1000, None), ('event', None, None), 'до прямого ефіру'),
    # more named days, also over them ("through Cyber Week", «під час Black Friday»); "mid-March" as one word;
    # the calendar half that holds today; a calendar year after «за», «в течение», «протягом»
    dl_row('hold ROAS at 4 through Cyber Week', 'en', 'sales', 'maintain', 'roas', None, None,
           None, ('absolute', 4, None), ('named', '2026-11-30', None), 'through Cyber Week'),
    dl_row('sell 500 pies by Thanksgiving', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 500, None), ('named', '2026-11-26', None), 'by Thanksgiving'),
    dl_row('recruit 200 volunteers by Earth Day', 'en', 'leads', 'achieve', 'registrations', None, None,
           None, ('absolute', 200, None), ('named', '2026-04-22', None), 'by Earth Day'),
    dl_row('собрать 50 волонтёров к Дню Земли', 'ru', 'leads', 'achieve', 'registrations', None, None,
           None, ('absolute', 50, None), ('named', '2026-04-22', None), 'к Дню Земли'),
    dl_row('залучити 80 волонтерів до Дня Землі', 'uk', 'leads', 'achieve', 'registrations', None, None,
           None, ('absolute', 80, None), ('named', '2026-04-22', None), 'до Дня Землі'),
    dl_row('get 50 leads by Friday', 'en', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 50, None), ('named', '2026-01-16', None), 'by Friday'),
    dl_row('sell 30 gift boxes before Saturday', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 30, None), ('named', '2026-01-17', None), 'before Saturday'),
    dl_row('получить 50 заявок до пятницы', 'ru', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 50, None), ('named', '2026-01-16', None), 'до пятницы'),
    dl_row('набрать 20 записей к понедельнику', 'ru', 'sales', 'achieve', 'bookings', None, None,
           None, ('absolute', 20, None), ('named', '2026-01-19', None), 'к понедельнику'),
    dl_row("отримати 50 заявок до п'ятниці", 'uk', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 50, None), ('named', '2026-01-16', None), "до п'ятниці"),
    dl_row('зібрати 40 реєстрацій до неділі', 'uk', 'leads', 'achieve', 'registrations', None, None,
           None, ('absolute', 40, None), ('named', '2026-01-18', None), 'до неділі'),
    # on a day of the week is when it happens, not by when
    dl_row('book 15 tables a day on Friday and Saturday', 'en', 'sales', 'achieve', 'bookings', 'day', None,
           None, ('absolute', 15, None), None, None),
    dl_row('бронировать 15 столиков в день в пятницу и субботу', 'ru', 'sales', 'achieve', 'bookings', 'day', None,
           None, ('absolute', 15, None), None, None),
    dl_row("бронювати 15 столиків на день у п'ятницю та суботу", 'uk', 'sales', 'achieve', 'bookings', 'day', None,
           None, ('absolute', 15, None), None, None),
    dl_row('collect 300 donations by Giving Tuesday', 'en', 'sales', 'achieve', 'donations', None, None,
           None, ('absolute', 300, None), ('named', '2026-12-01', None), 'by Giving Tuesday'),
    dl_row('собрать 200 000 ₽ пожертвований к Щедрому вторнику', 'ru', 'sales', 'achieve', 'donations', None, None,
           None, ('absolute', 200000, 'RUB'), ('named', '2026-12-01', None), 'к Щедрому вторнику'),
    dl_row('зібрати 150 000 грн донатів до Щедрого вівторка', 'uk', 'sales', 'achieve', 'donations', None, None,
           None, ('absolute', 150000, 'UAH'), ('named', '2026-12-01', None), 'до Щедрого вівторка'),
    dl_row('get 1,000 orders by Labor Day', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 1000, None), ('named', '2026-09-07', None), 'by Labor Day'),
    dl_row("sell 300 bouquets by Mother's Day", 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 300, None), ('named', '2026-05-10', None), "by Mother's Day"),
    dl_row('get 800 orders before Memorial Day', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 800, None), ('named', '2026-05-25', None), 'before Memorial Day'),
    dl_row('sell 200 gift boxes by Boxing Day', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 200, None), ('named', '2026-12-26', None), 'by Boxing Day'),
    dl_row('get 2,000 orders during BFCM', 'en', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 2000, None), ('named', '2026-11-30', None), 'during BFCM'),
    dl_row('охватить 200 тысяч пользователей во время Black Friday', 'ru', 'awareness', 'reach', 'reach', None, None,
           None, ('absolute', 200000, None), ('named', '2026-11-27', None), 'во время Black Friday'),
    dl_row('собрать 300 заказов ко Дню матери', 'ru', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 300, None), ('named', '2026-11-29', None), 'ко Дню матери'),
    dl_row('охопити 500 тисяч користувачів під час Black Friday', 'uk', 'awareness', 'reach', 'reach', None, None,
           None, ('absolute', 500000, None), ('named', '2026-11-27', None), 'під час Black Friday'),
    dl_row('зібрати 300 замовлень до Дня незалежності', 'uk', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 300, None), ('named', '2026-08-24', None), 'до Дня незалежності'),
    dl_row('продати 150 букетів до Дня матері', 'uk', 'sales', 'achieve', 'sales', None, None,
           None, ('absolute', 150, None), ('named', '2026-05-10', None), 'до Дня матері'),
    dl_row('raise the CTR from 1.2% to 2% by mid-March', 'en', 'traffic', 'increase', 'ctr', None, None,
           (1.2, '%'), ('absolute', 2, '%'), ('date', '2026-03-15', None), 'by mid-March'),
    dl_row('get 500 leads by mid-Oct 2026', 'en', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 500, None), ('date', '2026-10-15', None), 'by mid-Oct 2026'),
    dl_row('increase sales by 10% this half-year', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'this half-year'),
    dl_row('increase sales by 10% by the end of this half-year', 'en', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'by the end of this half-year'),
    dl_row('увеличить продажи на 10% до конца полугодия', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'до конца полугодия'),
    dl_row('увеличить продажи на 10% в этом полугодии', 'ru', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'в этом полугодии'),
    dl_row('збільшити продажі на 10% до кінця півріччя', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'до кінця півріччя'),
    dl_row('збільшити продажі на 10% у цьому півріччі', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 10, '%'), ('period-end', '2026-06-30', None), 'у цьому півріччі'),
    dl_row('получить 500 заявок на франшизу за 2026 год', 'ru', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 500, None), ('date', '2026-12-31', None), 'за 2026 год'),
    dl_row('увеличить выручку на 20% в течение 2026 года', 'ru', 'sales', 'increase', 'revenue', None, None,
           None, ('relative', 20, '%'), ('date', '2026-12-31', None), 'в течение 2026 года'),
    dl_row('збільшити продажі на 20% за 2026 рік', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 20, '%'), ('date', '2026-12-31', None), 'за 2026 рік'),
    dl_row('збільшити продажі на 20% протягом 2026 року', 'uk', 'sales', 'increase', 'sales', None, None,
           None, ('relative', 20, '%'), ('date', '2026-12-31', None), 'протягом 2026 року'),
    # events of a project's stages (the demo, the presale, a stage, the harvest), St Patrick's Day, "by EOQ" and
    # "by month-end", a season named with «сезон», the low season, «за» before an event
    dl_row('get 20,000 wishlists ahead of the Steam Next Fest demo', 'en', 'leads', 'achieve', 'wishlists', None, None,
           None, ('absolute', 20000, None), ('event', None, None), 'ahead of the Steam Next Fest'),   # (the event: its demo is shown there)
    dl_row('drive 25,000 visits to the landing page by the end of the presale', 'en', 'traffic', 'achieve', 'website_traffic', None, None,
           None, ('absolute', 25000, None), ('event', None, None), 'by the end of the presale'),
    dl_row('get 5,000 wishlists by alpha', 'en', 'leads', 'achieve', 'wishlists', None, None,
           None, ('absolute', 5000, None), ('event', None, None), 'by alpha'),
    dl_row('get 1,000 members in the Telegram community by harvest', 'en', 'communication', 'achieve', 'community_members', None, 'telegram',
           None, ('absolute', 1000, None), ('event', None, None), 'by harvest'),
    dl_row('собрать 2 000 участников в чате к сбору урожая', 'ru', 'communication', 'achieve', 'community_members', None, None,
           None, ('absolute', 2000, None), ('event', None, None), 'к сбору урожая'),
    dl_row('получить 300 заявок до конца первого этапа', 'ru', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 300, None), ('event', None, None), 'до конца первого этапа'),
    dl_row('отримати 200 заявок до кінця етапу', 'uk', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 200, None), ('event', None, None), 'до кінця етапу'),
    dl_row("raise the share of voice from 12% to 20% by St Patrick's Day", 'en', 'awareness', 'increase', 'share_of_voice', None, None,
           (12, '%'), ('absolute', 20, '%'), ('named', '2026-03-17', None), "by St Patrick's Day"),
    dl_row('lift the conversion rate to 25% by EOQ', 'en', 'sales', 'reach', 'conversion_rate', None, None,
           None, ('absolute', 25, '%'), ('period-end', '2026-03-31', None), 'by EOQ'),
    dl_row('get 300 leads by month-end', 'en', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 300, None), ('period-end', '2026-01-31', None), 'by month-end'),
    dl_row('отримати 25 відгуків на Google Maps за зимовий сезон', 'uk', 'loyalty', 'achieve', 'reviews', None, 'google_maps',
           None, ('absolute', 25, None), ('season', '2026-02-28', None), 'за зимовий сезон'),
    dl_row('получить 40 отзывов за летний сезон', 'ru', 'loyalty', 'achieve', 'reviews', None, None,
           None, ('absolute', 40, None), ('season', '2026-08-31', None), 'за летний сезон'),
    dl_row('reduce cost per booking to €18 in the low season', 'en', 'sales', 'decrease', 'cost_per_acquisition', None, None,
           None, ('absolute', 18, 'EUR'), ('event', None, None), 'in the low season'),
    dl_row('зібрати 150 відгуків за кампанію', 'uk', 'loyalty', 'achieve', 'reviews', None, None,
           None, ('absolute', 150, None), ('event', None, None), 'за кампанію'),
    dl_row('получить 100 заявок за вебинар', 'ru', 'leads', 'achieve', 'leads', None, None,
           None, ('absolute', 100, None), ('event', None, None), 'за вебинар'),
]


@pytest.mark.parametrize("text,expected,written", DEADLINE_ROWS, ids=[r[0] for r in DEADLINE_ROWS])
def test_deadline_forms(text, expected, written):
    assert slots(text) == expected
    g = parse_goal(text, today=TODAY)
    assert (g.deadline.text if g.deadline else None) == written
    assert g.time_text is None
    if g.deadline is not None:
        assert g.deadline.kind in DEADLINE_KINDS
        assert g.to_json()["deadline"]["text"] == written


def test_every_item_4_form_has_a_row():
    """A regression row for each form listed in issue 11, item 4."""
    texts = " | ".join(r[0] for r in DEADLINE_ROWS)
    for form in ("30/06/2026", "30.06.2026", "06/2026", "H1 2026", "первом полугодии", "першому півріччі",
                 "second half of 2026", "до кінця другого кварталу", "во втором квартале", "second quarter",
                 "до конца 2 квартала", "by summer", "к лету", "до кінця літа", "Black Friday", "Cyber Monday",
                 "Christmas", "New Year", "8 March", "Women's Day", "1 September", "back to school",
                 "Valentine's Day", "Easter", "FY2026", "FY26", "2016-17", "2026–2027", "YoY", "г/г", "р/р",
                 "before the launch", "к открытию", "до запуску", "by the rebrand"):
        assert form in texts, form


@pytest.mark.parametrize("text", ["increase sales by 20% by summer", "sell 200 gift boxes by Christmas",
                                  "get 300 leads in the second quarter", "отримати 300 заявок у першому півріччі"])
def test_relative_forms_resolve_against_today_never_the_clock(text):
    assert parse_goal(text).deadline.date is None          # no `today`: no date, whatever the clock says
    later = parse_goal(text, today=dt.date(2026, 12, 31)).deadline.date
    assert later is not None and later > dt.date(2026, 12, 31)


def test_event_deadline_is_time_bound_and_has_no_date():
    g = parse_goal("get 500 sign-ups before the product launch", today=TODAY)
    assert (g.deadline.kind, g.deadline.date, g.deadline.duration) == ("event", None, None)
    assert g.to_json()["deadline"] == {"kind": "event", "date": None, "duration": None,
                                       "text": "before the product launch"}
    assert not [f.code for f in check_goal(g) if f.smart == "T"]


# -- item 5: a deadline we could not read is not "no deadline" -------------------------------------
def vague_row(text, lang, category, direction, metric, period, channel, baseline, target, quoted):
    return (*row(text, lang, category, direction, metric, period, channel, baseline, target, None), quoted)


UNREADABLE_ROWS = [
    vague_row("increase sales by 20% soon", "en", "sales", "increase", "sales", None, None, None,
              ("relative", 20, "%"), "soon"),
    vague_row("get 500 leads ASAP", "en", "leads", "achieve", "leads", None, None, None, ("absolute", 500, None),
              "ASAP"),
    vague_row("grow Instagram followers to 10,000 as soon as possible", "en", "awareness", "reach", "followers",
              None, "instagram", None, ("absolute", 10000, None), "as soon as possible"),
    vague_row("increase followers by 30% in the near future", "en", "awareness", "increase", "followers", None,
              None, None, ("relative", 30, "%"), "in the near future"),
    vague_row("grow sales by 10% eventually", "en", "sales", "increase", "sales", None, None, None,
              ("relative", 10, "%"), "eventually"),
    vague_row("reach 1,000 subscribers in the coming months", "en", "awareness", "reach", "followers", None, None,
              None, ("absolute", 1000, None), "in the coming months"),
    vague_row("get 50 leads a week in the near future", "en", "leads", "achieve", "leads", "week", None, None,
              ("absolute", 50, None), "in the near future"),
    vague_row("increase leads by 20% over time", "en", "leads", "increase", "leads", None, None, None,
              ("relative", 20, "%"), "over time"),
    vague_row("увеличить продажи на 20% в ближайшее время", "ru", "sales", "increase", "sales", None, None, None,
              ("relative", 20, "%"), "в ближайшее время"),
    vague_row("набрать 1200 подписчиков как можно скорее", "ru", "awareness", "achieve", "followers", None, None,
              None, ("absolute", 1200, None), "как можно скорее"),
    vague_row("получить 300 заявок в кратчайшие сроки", "ru", "leads", "achieve", "leads", None, None, None,
              ("absolute", 300, None), "в кратчайшие сроки"),
    vague_row("выйти на 100 заявок в неделю в ближайшее время", "ru", "leads", "reach", "leads", "week", None,
              None, ("absolute", 100, None), "в ближайшее время"),
    vague_row("увеличить выручку на 10% в перспективе", "ru", "sales", "increase", "revenue", None, None, None,
              ("relative", 10, "%"), "в перспективе"),
    vague_row("привлечь 500 клиентов скоро", "ru", "sales", "achieve", "sales", None, None, None,
              ("absolute", 500, None), "скоро"),
    vague_row("увеличить количество заявок на 20% в ближайшие месяцы", "ru", "leads", "increase", "leads", None,
              None, None, ("relative", 20, "%"), "в ближайшие месяцы"),
    vague_row("збільшити продажі на 20% найближчим часом", "uk", "sales", "increase", "sales", None, None, None,
              ("relative", 20, "%"), "найближчим часом"),
    vague_row("набрати 1000 підписників якнайшвидше", "uk", "awareness", "achieve", "followers", None, None, None,
              ("absolute", 1000, None), "якнайшвидше"),
    vague_row("отримати 300 заявок незабаром", "uk", "leads", "achieve", "leads", None, None, None,
              ("absolute", 300, None), "незабаром"),
    vague_row("отримувати 100 заявок на тиждень найближчим часом", "uk", "leads", "achieve", "leads", "week", None,
              None, ("absolute", 100, None), "найближчим часом"),
    vague_row("збільшити кількість заявок на 20% у найближчі місяці", "uk", "leads", "increase", "leads", None,
              None, None, ("relative", 20, "%"), "у найближчі місяці"),
    vague_row("залучити 500 клієнтів згодом", "uk", "sales", "achieve", "sales", None, None, None,
              ("absolute", 500, None), "згодом"),
    vague_row("збільшити продажі на 10% до середини кварталу", "uk", "sales", "increase", "sales", None, None,
              None, ("relative", 10, "%"), "до середини кварталу"),
    vague_row("збільшити продажі на 10% у перспективі", "uk", "sales", "increase", "sales", None, None, None,
              ("relative", 10, "%"), "у перспективі"),
]


@pytest.mark.parametrize("text,expected,quoted", UNREADABLE_ROWS, ids=[r[0] for r in UNREADABLE_ROWS])
def test_unreadable_deadline_is_quoted_not_called_missing(text, expected, quoted):
    assert slots(text) == expected
    g = parse_goal(text, today=TODAY)
    assert g.deadline is None and g.time_text == quoted
    findings = check_goal(g)
    t_codes = sorted(f.code for f in findings if f.smart == "T")
    assert t_codes == ["T104"]                     # and neither T101 nor T102 says there is no deadline
    message = next(f.message for f in findings if f.code == "T104")
    assert f"{quoted}" in message and ("«" + quoted + "»" in message if g.lang != "en" else f'"{quoted}"' in message)


@pytest.mark.parametrize("text,deadline", [
    ("get 300 leads a month as soon as possible, by Q3 2026", ("quarter", "2026-09-30")),
    ("увеличить продажи на 20% в ближайшее время, к концу 2026 года", ("period-end", "2026-12-31")),
    ("збільшити продажі на 20% найближчим часом, до 1 вересня", ("date", "2026-09-01")),
])
def test_a_readable_deadline_wins_over_a_vague_word(text, deadline):
    g = parse_goal(text, today=TODAY)
    assert (g.deadline.kind, g.deadline.date.isoformat()) == deadline
    assert g.time_text is None
    assert not [f.code for f in check_goal(g) if f.smart == "T"]


@pytest.mark.parametrize("text,code", [
    ("increase sales by 20%", "T101"),            # no time words at all: still "no deadline"
    ("500 leads per month from Instagram", "T102"),
    ("збільшити продажі на 20%", "T101"),
])
def test_no_time_words_keeps_t101_and_t102(text, code):
    g = parse_goal(text, today=TODAY)
    assert g.time_text is None
    assert [f.code for f in check_goal(g) if f.smart == "T"] == [code]


def test_time_text_is_a_rule_field():
    from smmrules.rules.fields import declared_fields, goal_values
    from smmrules.language.context import Context
    from smmrules.language.lexicon import default_lexicons
    assert declared_fields(default_lexicons())["goal.time_text"].kind == "str"
    g = parse_goal("get 500 leads ASAP", today=TODAY)
    assert goal_values(g, Context(), default_lexicons())["goal.time_text"] == "ASAP"


# -- properties: date formats, invalid dates, ordinal quarters and halves ----------------------------
valid_dates = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))


@settings(max_examples=150, deadline=None)
@given(day=valid_dates, form=st.sampled_from(["{d:02d}/{m:02d}/{y}", "{d}/{m}/{y}", "{d:02d}.{m:02d}.{y}",
                                              "{y}/{m:02d}/{d:02d}"]),
       lang=st.sampled_from([("en", "increase sales by 20% by {}"), ("ru", "увеличить продажи на 20% до {}"),
                             ("uk", "збільшити продажі на 20% до {}")]))
def test_any_valid_day_resolves_to_that_date(day, form, lang):
    written = form.format(d=day.day, m=day.month, y=day.year)
    g = parse_goal(lang[1].format(written), lang=lang[0], today=TODAY)
    assert (g.deadline.kind, g.deadline.date) == ("date", day)


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1900, 2199), month=st.integers(1, 12), sep=st.sampled_from("/."),
       lang=st.sampled_from([("en", "get 300 leads by {}"), ("ru", "получить 300 заявок к {}"),
                             ("uk", "отримати 300 заявок до {}")]))
def test_any_month_and_year_resolves_to_the_month_end(year, month, sep, lang):
    g = parse_goal(lang[1].format(f"{month:02d}{sep}{year}"), lang=lang[0], today=TODAY)
    last = calendar.monthrange(year, month)[1]
    assert (g.deadline.kind, g.deadline.date) == ("date", dt.date(year, month, last))


@st.composite
def impossible_days(draw):
    year = draw(st.integers(1900, 2199))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 31)) if calendar.monthrange(year, month)[1] < 31 \
        else draw(st.sampled_from([32, 40, 99]))
    return year, month, day


@settings(max_examples=100, deadline=None)
@given(ymd=impossible_days(), sep=st.sampled_from("/."))
def test_an_impossible_day_is_e003_not_a_crash(ymd, sep):
    year, month, day = ymd
    text = f"increase sales by 20% by {day:02d}{sep}{month:02d}{sep}{year}"
    try:
        parse_goal(text, today=TODAY)
    except GoalSyntaxError as err:
        assert err.code == "E003"
    else:
        raise AssertionError(f"{text!r} parsed")


@settings(max_examples=60, deadline=None)
@given(month=st.one_of(st.just(0), st.integers(13, 99)), year=st.integers(1900, 2199))
def test_an_impossible_month_is_e003_not_a_crash(month, year):
    with pytest.raises(GoalSyntaxError) as err:
        parse_goal(f"get 300 leads by {month}/{year}", today=TODAY)
    assert err.value.code == "E003"


_ORDINALS = {
    "en": {1: ["first"], 2: ["second"], 3: ["third"], 4: ["fourth"]},
    # nominative, genitive, prepositional
    "ru": {1: ["первый", "первого", "первом"], 2: ["второй", "второго", "втором"],
           3: ["третий", "третьего", "третьем"], 4: ["четвертый", "четвёртого", "четвертом"]},
    "uk": {1: ["перший", "першого", "першому"], 2: ["другий", "другого", "другому"],
           3: ["третій", "третього", "третьому"], 4: ["четвертий", "четвертого", "четвертому"]},
}
_QUARTER_FORMS = {
    "en": ["increase sales by 20% in the {o} quarter{y}", "increase sales by 20% by the end of the {o} quarter{y}",
           "increase sales by 20% in Q{n}{y}", "increase sales by 20% by the end of the {n}{th} quarter{y}"],
    "ru": ["увеличить продажи на 20% в {o} квартале{y}", "увеличить продажи на 20% до конца {o} квартала{y}",
           "увеличить продажи на 20% к концу {o} квартала{y}", "увеличить продажи на 20% до конца {n} квартала{y}",
           "увеличить продажи на 20% в {n}-м квартале{y}", "увеличить продажи на 20% в {r} квартале{y}"],
    "uk": ["збільшити продажі на 20% у {o} кварталі{y}", "збільшити продажі на 20% до кінця {o} кварталу{y}",
           "збільшити продажі на 20% до кінця {n}-го кварталу{y}", "збільшити продажі на 20% у {r} кварталі{y}"],
}
_TH = {1: "st", 2: "nd", 3: "rd", 4: "th"}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_YEAR_WORD = {"en": " {}", "ru": " {} года", "uk": " {} року"}


@settings(max_examples=200, deadline=None)
@given(lang=st.sampled_from(["en", "ru", "uk"]), n=st.integers(1, 4), data=st.data(),
       year=st.one_of(st.none(), st.integers(1990, 2199)))
def test_ordinal_quarters_in_every_inflection_end_that_quarter(lang, n, data, year):
    form = data.draw(st.sampled_from(_QUARTER_FORMS[lang]))
    ordinal = data.draw(st.sampled_from(_ORDINALS[lang][n]))
    text = form.format(o=ordinal, n=n, th=_TH[n], r=_ROMAN[n],
                       y=_YEAR_WORD[lang].format(year) if year else "")
    g = parse_goal(text, lang=lang, today=TODAY)
    y = year or 2026                      # every quarter of 2026 ends after 2026-01-15
    assert (g.deadline.kind, g.deadline.date) == ("quarter", dt.date(y, 3 * n, calendar.monthrange(y, 3 * n)[1]))


_HALF_FORMS = {
    "en": ["get 300 leads in H{n}{y}", "get 300 leads in the {o} half of{y}",
           "get 300 leads by the end of the {o} half{y}"],
    "ru": ["получить 300 заявок в {o} полугодии{y}", "получить 300 заявок до конца {o} полугодия{y}",
           "получить 300 заявок за {o} полугодие{y}", "получить 300 заявок в {r} полугодии{y}"],
    "uk": ["отримати 300 заявок у {o} півріччі{y}", "отримати 300 заявок до кінця {o} півріччя{y}",
           "отримати 300 заявок за {o} півріччя{y}", "отримати 300 заявок у {r} півріччі{y}"],
}
_HALF_ORDINALS = {
    "en": {1: ["first"], 2: ["second"]},
    "ru": {1: ["первое", "первого", "первом"], 2: ["второе", "второго", "втором"]},
    "uk": {1: ["перше", "першого", "першому"], 2: ["друге", "другого", "другому"]},
}


@settings(max_examples=150, deadline=None)
@given(lang=st.sampled_from(["en", "ru", "uk"]), n=st.integers(1, 2), data=st.data(),
       year=st.integers(1990, 2199))
def test_halves_in_every_inflection_end_that_half(lang, n, data, year):
    form = data.draw(st.sampled_from(_HALF_FORMS[lang]))
    ordinal = data.draw(st.sampled_from(_HALF_ORDINALS[lang][n]))
    text = form.format(o=ordinal, n=n, r=_ROMAN[n], y=_YEAR_WORD[lang].format(year))
    g = parse_goal(text, lang=lang, today=TODAY)
    assert (g.deadline.kind, g.deadline.date) == ("half", dt.date(year, 6 * n, 30 if n == 1 else 31))


@settings(max_examples=100, deadline=None)
@given(first=st.integers(1900, 2189), span=st.integers(1, 10), two_digits=st.booleans(),
       dash=st.sampled_from(["-", "–", "/"]))
def test_a_year_range_ends_with_its_last_year(first, span, two_digits, dash):
    last = first + span
    if two_digits and last // 100 == first // 100 and last % 100 > 12:
        written = f"{first}{dash}{last % 100:02d}"
    else:
        written = f"{first}{dash}{last}"
    g = parse_goal(f"increase revenue by 20% in {written}", today=TODAY)
    assert (g.deadline.kind, g.deadline.date) == ("date", dt.date(last, 12, 31))


@settings(max_examples=100, deadline=None)
@given(today=st.dates(dt.date(1990, 1, 1), dt.date(2190, 12, 31)),
       case=st.sampled_from([("increase sales by 20% by summer", "en", (5, 31)),
                             ("увеличить продажи на 20% к лету", "ru", (5, 31)),
                             ("збільшити продажі на 20% до кінця літа", "uk", (8, 31)),
                             ("increase sales by 20% this summer", "en", (8, 31)),
                             ("увеличить продажи на 20% до конца лета", "ru", (8, 31)),
                             ("збільшити продажі на 20% до весни", "uk", (2, None))]))
def test_a_season_is_its_next_edge_on_or_after_today(today, case):
    text, lang, (month, day) = case
    d = parse_goal(text, lang=lang, today=today).deadline.date
    assert d.month == month and d.day == (day or calendar.monthrange(d.year, 2)[1])
    assert today <= d < today + dt.timedelta(days=366)


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1900, 2199))
def test_named_days_fall_where_the_calendar_puts_them(year):
    black = parse_goal(f"increase sales by 30% by Black Friday {year}", today=TODAY).deadline.date
    cyber = parse_goal(f"increase sales by 30% by Cyber Monday {year}", today=TODAY).deadline.date
    assert black.weekday() == 4 and black.month == 11 and 23 <= black.day <= 29
    assert cyber - black == dt.timedelta(days=3)
    easter = parse_goal(f"increase sales by 15% by Easter {year}", today=TODAY).deadline.date
    assert easter.weekday() == 6 and dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25)
    pascha = parse_goal(f"увеличить продажи на 15% к Пасхе {year}", today=TODAY).deadline.date
    assert pascha.weekday() == 6 and pascha >= easter


@settings(max_examples=60, deadline=None)
@given(today=st.dates(dt.date(1990, 1, 1), dt.date(2190, 12, 31)),
       day=st.sampled_from([("Monday", "понедельника", "понеділка", 0), ("Friday", "пятницы", "п'ятниці", 4),
                            ("Sunday", "воскресенья", "неділі", 6)]))
def test_a_day_of_the_week_is_the_next_one(today, day):
    en, ru, uk, weekday = day
    for text, lang in ((f"get 50 leads by {en}", "en"), (f"получить 50 заявок до {ru}", "ru"),
                       (f"отримати 50 заявок до {uk}", "uk")):
        d = parse_goal(text, lang=lang, today=today).deadline.date
        assert d.weekday() == weekday and today <= d < today + dt.timedelta(days=7)


@pytest.mark.parametrize("year,western,orthodox", [
    (2024, "2024-03-31", "2024-05-05"), (2025, "2025-04-20", "2025-04-20"),
    (2026, "2026-04-05", "2026-04-12"), (2027, "2027-03-28", "2027-05-02"),
])
def test_easter_dates(year, western, orthodox):
    assert parse_goal(f"increase sales by 15% by Easter {year}").deadline.date.isoformat() == western
    assert parse_goal(f"збільшити продажі на 15% до Великодня {year}").deadline.date.isoformat() == orthodox


@pytest.mark.parametrize("text", ["increase sales by 20% by summer", "sell 200 gift boxes by Christmas",
                                  "get 300 leads in H2", "increase sales by 20% this winter",
                                  "збільшити продажі на 20% до кінця другого кварталу",
                                  "увеличить продажи на 20% к Пасхе"])
@pytest.mark.parametrize("today", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_deadlines_at_the_calendar_edges_never_crash(text, today):
    g = parse_goal(text, today=today)
    assert g.deadline is not None
    assert g.deadline.date is None or dt.date.min <= g.deadline.date <= dt.date.max
    check_goal(g)


def test_tree_view_shows_event_and_unreadable_deadlines():
    from smmrules.language.render import tree_text
    event = tree_text(parse_goal("get 500 leads before the launch", today=TODAY)).splitlines()
    assert event[-1] == "  deadline: event no date ('before the launch')  1:15-1:32"
    vague = tree_text(parse_goal("get 500 leads ASAP", today=TODAY)).splitlines()
    assert vague[-1] == "  deadline: none readable ('ASAP')"


@pytest.mark.parametrize("text,words", [("get 500 leads a week soon", "soon"),
                                        ("збільшити продажі на 50% найближчим часом", "найближчим часом"),
                                        ("увеличить продажи на 30% в ближайшее время", "в ближайшее время")])
def test_t104_points_at_the_time_words(text, words):
    finding = next(f for f in check_goal(text) if f.code == "T104")
    start = text.index(words)
    assert (finding.line, finding.column, finding.end_column) == (1, start + 1, start + len(words) + 1)


@pytest.mark.parametrize("text,target", [("get at least 2000 followers", ("absolute", 2000, None)),
                                         ("набрать не менее 1990 подписчиков", ("absolute", 1990, None))])
def test_a_number_that_looks_like_a_year_after_a_bound_is_the_target(text, target):
    g = parse_goal(text, today=TODAY)
    assert (g.target.kind, g.target.value, g.target.unit) == target and g.deadline is None


@pytest.mark.parametrize("text", ["increase sales by 20% in the 2nd hour", "increase sales by 20% next hour",
                                  "увеличить продажи на 20% в IV секунде"])
def test_sub_day_ordinals_and_spans_never_crash(text):
    g = parse_goal(text, today=TODAY)
    assert g.deadline is None or g.deadline.duration.startswith("PT")
    for lang in ("en", "ru", "uk"):
        assert g.render(lang)
    check_goal(g)


# --- a day of the month: that day of the month under way, else of the next (clamped to its length) ---------
@pytest.mark.parametrize("text, today, due", [
    ("получить 100 заявок до 20 числа", "2026-01-15", "2026-01-20"),
    ("получить 100 заявок до 10 числа", "2026-01-15", "2026-02-10"),
    ("отримати 100 заявок до 15-го числа", "2026-01-15", "2026-01-15"),
    ("get 100 leads by the 5th of the month", "2026-12-20", "2027-01-05"),
    ("получить 100 заявок до 31 числа", "2026-02-01", "2026-02-28"),
    ("отримати 100 заявок до 30 числа", "2028-01-31", "2028-02-29"),
])
def test_day_of_month(text, today, due):
    assert parse_goal(text, today=today).deadline.date.isoformat() == due


def test_a_day_of_the_month_with_no_preposition_recurs():
    # «15 числа каждого месяца»: when something happens, every month, not by when
    assert parse_goal("получать 100 заявок 15 числа каждого месяца", today="2026-01-15").deadline is None


@settings(max_examples=200, deadline=None)
@given(today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), day=st.integers(1, 31))
def test_day_of_month_is_the_next_such_day(today, day):
    due = parse_goal(f"получить 100 заявок до {day} числа", today=today).deadline.date
    assert today <= due < today + dt.timedelta(days=62)
    assert due.day == min(day, calendar.monthrange(due.year, due.month)[1])
    # no earlier date after today is that day of its month
    assert due.month == today.month or today.day > day or day > calendar.monthrange(today.year, today.month)[1]


@settings(max_examples=60, deadline=None)
@given(a=st.integers(13, 99), b=st.integers(13, 99), c=st.integers(0, 99))
def test_numbers_with_slashes_and_no_month_are_a_name_not_a_date(a, b, c):
    # "a 30/60/90 plan": no part can be a month, so it is no date at all (a name), not an invalid one
    goal = parse_goal(f"{a}/{b}/{c:02d} plan: grow followers to 5,000 by June", today=TODAY)
    assert goal.metric.name == "followers" and goal.deadline.date == dt.date(2026, 6, 30)


@pytest.mark.parametrize("text, today, due", [
    ("grow followers to 5,000 by 29.02", "2026-01-15", "2028-02-29"),
    ("набрать 5 000 подписчиков до 29.02", "2028-03-01", "2032-02-29"),
    ("набрати 5 000 підписників до 29/02", "2028-02-01", "2028-02-29"),
    ("grow followers to 5,000 by 2/29", "2027-12-31", "2028-02-29"),
])
def test_29_february_with_no_year_is_the_next_leap_day(text, today, due):
    # (it raised "day is out of range" in a year with no 29 February)
    assert parse_goal(text, today=today).deadline.date.isoformat() == due


@settings(max_examples=200, deadline=None)
@given(today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2990, 12, 31)),
       day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)))
def test_a_day_and_month_with_no_year_is_the_next_such_day(today, day):
    due = parse_goal(f"набрать 5 000 подписчиков до {day.day:02d}.{day.month:02d}", today=today).deadline.date
    assert (due.month, due.day) == (day.month, day.day) and due >= today
    # no such day comes between today and the one chosen
    assert not any(dt.date(y, day.month, day.day) >= today for y in range(today.year, due.year)
                   if calendar.monthrange(y, day.month)[1] >= day.day)


@pytest.mark.parametrize("text, deadline, target", [
    # Russian and Ukrainian write a day of one digit and a month after «до»/«к»; their decimals take a comma
    ("Набрати 800 реєстрацій до 5.10", ("date", "2026-10-05"), 800),
    ("Получить 200 заявок к 1.09", ("date", "2026-09-01"), 200),
    ("ER до 5.10%", None, 5.1),                 # a share: the figure
    ("ROAS 3.12 к лету", ("season", "2026-05-31"), 3.12),
    ("get ROAS 3.12", None, 3.12),              # English: a decimal
])
def test_a_day_of_one_digit_and_a_month(text, deadline, target):
    goal = parse_goal(text, today=TODAY)
    assert (goal.deadline and (goal.deadline.kind, goal.deadline.date.isoformat())) == deadline
    assert goal.target.value == target
