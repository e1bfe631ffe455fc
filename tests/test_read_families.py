"""Families of the language the goal reader closed in issue 11's later rounds, and the probe set.

The families: compound goals where no aim has a figure (the first aim leads, and a statement that opens
with its purpose, «щоб ...», is that purpose); verbs that tell no amount (optimize an activity, fix, use,
adjust); season words that name a kind of thing ("the winter campaign"); rates with a slash ("5k/month",
«40K/мес») and abbreviation dots («500 тыс. ₽»); how often ("3 times a week", «дважды в день», «раз на
тиждень»: a count per period, not a multiple); people as such ("reach 1 million people" is reach, «300
человек на вебинар» are its sign-ups); content that users make («200 відео від користувачів»: UGC);
flows, new by nature ("200 new leads" are 200 produced, "100 new clients" 100 more); the cost of
something counted («стоимость целевого лида» is the cost per lead); a rank in a search engine (a search
position, «ТОП-5 Яндекса по запросу ...»), «конверсия» (a rate) and e-mail addresses (a list); shares of
the whole as changes ("by a third", «наполовину»); a goal whose own words measure nothing, which is its
purpose clause («сделать так, чтобы ...»); a ceiling on a cost got ("get our CPL under $15": a decrease);
superlatives ("the best-known coffee shop", «найвідоміша кав'ярня»: awareness); lines as lists and KPI
tables write them ("1) ...", «300 заявок/мес»; a verb's result over an activity it names: "sell 50
tickets for the launch party"; a year beside a label is the year the goals are for, not a figure: "Plan
2027: 500 leads per month", «Цели на 2027:»); a loss or a fall kept off ("avoid dropping below 3%", «не допустить падения ER»: maintain);
spending that earns itself back («окупить рекламу»: the return on ad spend; payback: a time); the
families a blind test set found (a count after «с/з», a floor after «от/від», the end of a campaign,
budgets kept, customers won back, «UGC-публікації»); turning some into others («конвертировать 5%
посетителей в покупателей»: a conversion rate); adjectives whose noun is a metric (recognizable, loyal);
pronouns as the goal's object; English compound nouns, whose head is last ("lead nurture campaigns"); running
ads («запустить трафик»: the campaign, not a traffic result); names in quotation marks («рубрика «Отзывы»»:
not reviews); two figures joined by an arrow ("CTR: 1.8% → 2.5%": from the first to the second); a figure
after an aim with none ("more leads, at least 10 a day"), "to zero", a time metric changed by hours,
donations, page one of the results (the top 10); people writing to the brand (messages), being known
(«чтобы о нас знали»), money a blog brings, the team's own page grown (its audience), occupancy, activation,
coming and buying again; a bound kept over a span ("ROAS ≥ 3.5 for the whole of H2": maintained); a change from
one level to another whatever its verb; the share of sales spent on ads (ДРР, ACoS); a year or a period beside a label («Цели на 2027:», «Цель на квартал:»: by its end);
an activity done for a result (the result is the goal: "post 3 times a week to increase engagement by 10%");
the language of statements with no telling letters. Each row is a statement written for this test (today =
2026-01-15) with every slot and the SMART "S" codes check_goal finds.

The probe set (tests/data/probe_goals.jsonl) is 185 statements written for measuring, annotated by
hand by the corpus conventions (category, direction, metric, target, deadline, SMART letters). Every
row is checked; where our reading differs from the annotation, KNOWN says which slots and why, so a
reading that improves or regresses fails the test until the table says so.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from smmrules import check_goal, parse_goal
from smmrules.language.langdetect import detect_lang
from smmrules.language.lexicon import default_lexicons
from test_families import _check, srow

# --- compound goals: with no figure anywhere the first aim leads --------------------------------------
COMPOUND = [
    srow('Raise brand awareness, win trust and attract new customers', 'en', 'awareness', 'increase',
         'brand_awareness', None, None, None, None, None, ['S103']),
    srow('Improve our reputation and increase repeat orders', 'en', 'communication', 'increase', 'reputation', None,
         None, None, None, None, ['S103']),
    srow('Grow the community, boost sales and cut the cost per lead', 'en', 'communication', 'increase', 'community',
         None, None, None, None, None, []),
    srow('Raise awareness and win 100 new clients by June 2026', 'en', 'sales', 'increase', 'sales', None, None, None,
         ('relative', 100, None), ('date', '2026-06-30', None), []),
    srow('Повысить узнаваемость бренда, увеличить число заявок и укрепить доверие', 'ru', 'awareness', 'increase',
         'brand_awareness', None, None, None, None, None, ['S103']),
    srow('Развивать сообщество и увеличивать продажи', 'ru', 'communication', 'increase', 'community', None, None,
         None, None, None, []),
    srow('Повысить узнаваемость и получить 300 заявок к маю', 'ru', 'leads', 'achieve', 'leads', None, None, None,
         ('absolute', 300, None), ('date', '2026-05-31', None), []),
    srow('чтобы сохранить старых и найти новых подписчиков', 'ru', 'awareness', 'increase', 'followers', None,
         None, None, None, None, []),
    srow('Чтобы получать больше заявок, увеличить охват на 30%', 'ru', 'awareness', 'increase', 'reach', None, None,
         None, ('relative', 30, '%'), None, []),
    srow('Посилити впізнаваність, зміцнити довіру й залучити нових покупців', 'uk', 'awareness', 'increase',
         'brand_awareness', None, None, None, None, None, ['S103']),
    srow('щоб посилити впізнаваність марки і наростити продажі', 'uk', 'awareness', 'increase', 'brand_awareness',
         None, None, None, None, None, ['S103']),
    srow('Збільшити продажі та підвищити лояльність клієнтів', 'uk', 'sales', 'increase', 'sales', None, None, None,
         None, None, []),
    srow('Підвищити впізнаваність і отримати 200 заявок до травня', 'uk', 'leads', 'achieve', 'leads', None, None,
         None, ('absolute', 200, None), ('date', '2026-05-31', None), []),
]

# --- verbs that tell no amount: a direction only from a figure --------------------------------------
NO_AMOUNT = [
    srow('Optimize our Facebook ad campaigns', 'en', 'other', None, 'campaigns', None, 'facebook', None, None, None,
         ['S106']),
    srow('Optimize the cost per lead to $12 by June 2026', 'en', 'leads', 'decrease', 'cost_per_lead', None, None,
         None, ('absolute', 12, 'USD'), ('date', '2026-06-30', None), []),
    srow('Fix the errors in our ad targeting', 'en', 'other', None, 'campaigns', None, None, None, None, None,
         ['S106']),
    srow('Use the advertising budget more efficiently', 'en', 'other', None, 'ad_budget', None, None, None, None,
         None, ['S106']),
    srow('Use Instagram to get 200 leads by June 2026', 'en', 'leads', 'reach', 'leads', None, 'instagram', None,
         ('absolute', 200, None), ('date', '2026-06-30', None), []),
    srow('Improve our ad campaigns', 'en', 'other', 'increase', 'campaigns', None, None, None, None, None, ['S106']),
    srow('Оптимизировать рекламные кампании во ВКонтакте', 'ru', 'other', None, 'campaigns', None, 'vk', None, None,
         None, ['S106']),
    srow('Оптимизировать стоимость заявки до 300 ₽', 'ru', 'leads', 'decrease', 'cost_per_lead', None, None, None,
         ('absolute', 300, 'RUB'), None, []),
    srow('Исправить ошибки в настройках таргета', 'ru', 'other', None, 'campaigns', None, None, None, None, None,
         ['S106']),
    srow('Грамотно использовать бюджет на таргет', 'ru', 'other', None, 'ad_budget', None, None, None,
         None, None, ['S106']),
    srow('Скорректировать рекламную стратегию', 'ru', 'other', None, None, None, None, None, None, None, ['S101']),
    srow('Оптимізувати рекламні кампанії в Meta', 'uk', 'other', None, 'campaigns', None, None, None, None, None,
         ['S106']),
    srow('Виправити помилки в налаштуваннях реклами', 'uk', 'other', None, 'campaigns', None, None, None, None, None,
         ['S106']),
    srow('Ефективно використовувати рекламний бюджет', 'uk', 'other', None, 'ad_budget', None, None, None, None, None,
         ['S106']),
    srow('Доопрацювати контент-план', 'uk', 'other', None, 'content_plan', None, None, None, None, None, ['S106']),
    srow('Оптимізувати вартість кліку до 5 грн', 'uk', 'traffic', 'decrease', 'cost_per_click', None, None, None,
         ('absolute', 5, 'UAH'), None, []),
]

# --- seasons: a deadline after "by"/«к»/«до», a kind of thing before a noun ---------------------------
SEASONS = [
    srow('Lower the cost per follower to $0.50 for the winter campaign', 'en', 'awareness', 'decrease',
         'cost_per_follower', None, None, None, ('absolute', 0.5, 'USD'), None, []),
    srow('Sell 300 tickets for the summer festival', 'en', 'sales', 'achieve', 'bookings', None, None, None,
         ('absolute', 300, None), None, []),
    srow('Get 500 orders in the spring sale', 'en', 'sales', 'achieve', 'sales', None, None, None,
         ('absolute', 500, None), None, []),
    srow('Get 500 orders by summer', 'en', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 500, None),
         ('season', '2026-05-31', None), []),
    srow('Get 500 orders in the summer', 'en', 'sales', 'achieve', 'sales', None, None, None, ('absolute', 500, None),
         ('season', '2026-08-31', None), []),
    srow('Grow sales 20% during the winter holidays', 'en', 'sales', 'increase', 'sales', None, None, None,
         ('relative', 20, '%'), ('season', '2026-02-28', None), []),
    srow('Get 500 orders by the summer sale', 'en', 'sales', 'achieve', 'sales', None, None, None,
         ('absolute', 500, None), ('event', None, None), []),
    srow('Летняя коллекция: продать 2 000 единиц', 'ru', 'sales', 'achieve', 'sales', None, None, None,
         ('absolute', 2000, None), None, []),
    srow('Продать 2 000 единиц летней коллекции к лету', 'ru', 'sales', 'achieve', 'sales', None, None, None,
         ('absolute', 2000, None), ('season', '2026-05-31', None), []),
    srow('Продать 300 билетов на весенний фестиваль', 'ru', 'sales', 'achieve', 'bookings', None, None, None,
         ('absolute', 300, None), None, []),
    srow('Увеличить продажи осенней коллекции на 20% до конца осени', 'ru', 'sales', 'increase', 'sales', None, None,
         None, ('relative', 20, '%'), ('season', '2026-11-30', None), []),
    srow('Зимовий розпродаж: дохід 500 тис. грн', 'uk', 'sales', 'reach', 'revenue', None, None, None,
         ('absolute', 500000, 'UAH'), None, []),
    srow('Продати 300 квитків на осінній марафон до осені', 'uk', 'sales', 'achieve', 'bookings', None, None, None,
         ('absolute', 300, None), ('season', '2026-08-31', None), []),
    srow('Літня колекція: продати 1 500 одиниць до кінця літа', 'uk', 'sales', 'achieve', 'sales', None, None, None,
         ('absolute', 1500, None), ('season', '2026-08-31', None), []),
]

# --- rates with a slash and abbreviation dots in amounts ---------------------------------------------
RATES = [
    srow('Revenue: $20k/month by Q3 2026', 'en', 'sales', 'reach', 'revenue', 'month', None, None,
         ('absolute', 20000, 'USD'), ('quarter', '2026-09-30', None), []),
    srow('Organic traffic: 5k/month by June 2026', 'en', 'traffic', 'reach', 'organic_traffic', 'month', None, None,
         ('absolute', 5000, None), ('date', '2026-06-30', None), []),
    srow('Leads: 300/mo', 'en', 'leads', 'reach', 'leads', 'month', None, None, ('absolute', 300, None), None, []),
    srow('Выручка 2 млн/мес к концу года', 'ru', 'sales', 'reach', 'revenue', 'month', None, None,
         ('absolute', 2000000, None), ('period-end', '2026-12-31', None), []),
    srow('Получать 50K/мес органического трафика', 'ru', 'traffic', 'achieve', 'organic_traffic', 'month', None, None,
         ('absolute', 50000, None), None, []),
    srow('Заявки: 300/мес.', 'ru', 'leads', 'reach', 'leads', 'month', None, None, ('absolute', 300, None), None, []),
    srow('Выручка 500 тыс. ₽ к маю', 'ru', 'sales', 'reach', 'revenue', None, None, None, ('absolute', 500000, 'RUB'),
         ('date', '2026-05-31', None), []),
    srow('Бюджет на рекламу до 500 тыс. руб./мес', 'ru', 'other', 'maintain', 'ad_budget', 'month', None, None,
         ('absolute', 500000, 'RUB'), None, []),
    srow('Дохід 100 тис. грн/міс до кінця року', 'uk', 'sales', 'reach', 'revenue', 'month', None, None,
         ('absolute', 100000, 'UAH'), ('period-end', '2026-12-31', None), []),
    srow('Хочемо 30K/міс органічного трафіку', 'uk', 'traffic', 'reach', 'organic_traffic', 'month', None, None,
         ('absolute', 30000, None), None, []),
    srow('Ліди — 200/тиж', 'uk', 'leads', 'reach', 'leads', 'week', None, None, ('absolute', 200, None), None, []),
    srow('Дохід 2 млн. грн до кінця 2026 року', 'uk', 'sales', 'reach', 'revenue', None, None, None,
         ('absolute', 2000000, 'UAH'), ('period-end', '2026-12-31', None), []),
]

# --- how often: a count of times before a rate window is a count per period, not a multiple ----------
FREQUENCY = [
    srow('Post on Instagram 3 times a week', 'en', 'other', 'achieve', 'posts', 'week', 'instagram', None,
         ('absolute', 3, None), None, []),
    srow('Publish reels twice a week by June 2026', 'en', 'other', 'achieve', 'posts', 'week', None, None,
         ('absolute', 2, None), ('date', '2026-06-30', None), []),
    srow('post once a day', 'en', 'other', 'achieve', 'posts', 'day', None, None,
         ('absolute', 1, None), None, []),
    srow('Send the newsletter twice a month', 'en', 'other', 'achieve', 'email_campaigns', 'month', None, None,
         ('absolute', 2, None), None, []),
    srow('Go live on TikTok three times a week', 'en', 'other', 'achieve', 'events', 'week', 'tiktok', None,
         ('absolute', 3, None), None, []),
    srow('Публиковать посты 3 раза в неделю', 'ru', 'other', 'achieve', 'posts', 'week', None, None,
         ('absolute', 3, None), None, []),
    srow('Выкладывать сторис дважды в день', 'ru', 'other', 'achieve', 'posts', 'day', None, None,
         ('absolute', 2, None), None, []),
    srow('Выходить в эфир раз в неделю до конца года', 'ru', 'other', 'achieve', 'events', 'week', None, None,
         ('absolute', 1, None), ('period-end', '2026-12-31', None), []),
    srow('Делать рассылку 2 раза в месяц', 'ru', 'other', 'achieve', 'email_campaigns', 'month', None, None,
         ('absolute', 2, None), None, []),
    srow('Публікувати пости тричі на тиждень', 'uk', 'other', 'achieve', 'posts', 'week', None, None,
         ('absolute', 3, None), None, []),
    srow('Виходити в ефір раз на тиждень', 'uk', 'other', 'achieve', 'events', 'week', None, None,
         ('absolute', 1, None), None, []),
    srow('Робити розсилку двічі на місяць до червня 2026', 'uk', 'other', 'achieve', 'email_campaigns', 'month', None,
         None, ('absolute', 2, None), ('date', '2026-06-30', None), []),
    srow('Публікувати рілс 4 рази на тиждень', 'uk', 'other', 'achieve', 'posts', 'week', None, None,
         ('absolute', 4, None), None, []),
    # ... while a count of times with no rate window after it is still how many times more
    srow('grow sales 3 times by June 2026', 'en', 'sales', 'increase', 'sales', None, None, None,
         ('multiple', 3, None), ('date', '2026-06-30', None), []),
    srow('Увеличить продажи в 3 раза к концу года', 'ru', 'sales', 'increase', 'sales', None, None, None,
         ('multiple', 3, None), ('period-end', '2026-12-31', None), []),
    srow('Збільшити продажі втричі до кінця року', 'uk', 'sales', 'increase', 'sales', None, None, None,
         ('multiple', 3, None), ('period-end', '2026-12-31', None), []),
    # ... and a period before a metric word describes it ("double monthly views")
    srow('Double monthly Reels views within the next 3 months', 'en', 'awareness', 'increase',
         'views', 'month', None, None, ('multiple', 2, None),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('Удвоить ежемесячный охват за полгода', 'ru', 'awareness', 'increase',
         'reach', 'month', None, None, ('multiple', 2, None),
         ('duration', '2026-07-15', 'P6M'), []),
    srow('Подвоїти щомісячне охоплення за пів року', 'uk', 'awareness', 'increase',
         'reach', 'month', None, None, ('multiple', 2, None),
         ('duration', '2026-07-15', 'P6M'), []),
]

# --- people as such: the audience, whom a verb's metric counts, or the sign-ups of an event --------------
PEOPLE = [
    srow('reach more people', 'en', 'awareness', 'reach', 'audience', None, None,
         None, None, None, ['S103']),
    srow('reach 1 million people by June 2026', 'en', 'awareness', 'reach', 'reach', None, None,
         None, ('absolute', 1000000, None), ('date', '2026-06-30', None), []),
    srow('Sign up 300 people for the webinar', 'en', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 300, None), None, []),
    srow('attract 300 people to the masterclass by May 2026', 'en', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 300, None), ('date', '2026-05-31', None), []),
    srow('записать 300 человек на вебинар', 'ru', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 300, None), None, []),
    srow('собрать 300 участников на вебинар к маю', 'ru', 'leads', 'achieve', 'event_attendees', None, None,
         None, ('absolute', 300, None), ('date', '2026-05-31', None), []),
    srow('охватить 50 000 человек до конца года', 'ru', 'awareness', 'reach', 'reach', None, None,
         None, ('absolute', 50000, None), ('period-end', '2026-12-31', None), []),
    srow('привести 200 человек на мастер-класс', 'ru', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 200, None), None, []),
    srow('зареєструвати 300 людей на вебінар', 'uk', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 300, None), None, []),
    srow('зібрати 300 учасників на вебінар до травня', 'uk', 'leads', 'achieve', 'event_attendees', None, None,
         None, ('absolute', 300, None), ('date', '2026-05-31', None), []),
    srow('охопити 20 000 людей до кінця року', 'uk', 'awareness', 'reach', 'reach', None, None,
         None, ('absolute', 20000, None), ('period-end', '2026-12-31', None), []),
    srow('привести 150 осіб на майстер-клас', 'uk', 'leads', 'achieve', 'registrations', None, None,
         None, ('absolute', 150, None), None, []),
]


# --- content that users, customers or followers make is UGC, whatever its form; their reviews stay reviews --
USER_CONTENT = [
    srow('Get 200 videos from users by May 2026', 'en', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 200, None), ('date', '2026-05-31', None), []),
    srow('Collect 100 user-generated photos by the end of the holiday season', 'en', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 100, None), ('named', '2026-12-31', None), []),
    srow('Get 50 customer videos about the product', 'en', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 50, None), None, []),
    srow('Gather 300 photos from followers for the contest', 'en', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 300, None), None, []),
    srow('Получить 150 фото от клиентов до июня', 'ru', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 150, None), ('date', '2026-06-30', None), []),
    srow('Собрать 100 видео от подписчиков к концу года', 'ru', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 100, None), ('period-end', '2026-12-31', None), []),
    srow('Получить 40 фотографий от пользователей', 'ru', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 40, None), None, []),
    srow('Отримати 200 відео від користувачів до кінця травня', 'uk', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 200, None), ('date', '2026-05-31', None), []),
    srow('Зібрати 50 світлин від клієнтів', 'uk', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 50, None), None, []),
    srow('Зібрати 80 фото від підписників до червня', 'uk', 'communication', 'achieve', 'ugc',
         None, None, None, ('absolute', 80, None), ('date', '2026-06-30', None), []),
    srow('Get 300 reviews from customers by June 2026', 'en', 'loyalty', 'achieve', 'reviews',
         None, None, None, ('absolute', 300, None), ('date', '2026-06-30', None), []),
    srow('Отримати 100 відгуків від клієнтів', 'uk', 'loyalty', 'achieve', 'reviews',
         None, None, None, ('absolute', 100, None), None, []),
]


# --- flows (leads, sign-ups) are new by nature: "200 new leads" are 200 produced; kept things gain ----------
FLOWS = [
    srow('generate 200 new leads by June 2026', 'en', 'leads', 'achieve', 'leads',
         None, None, None, ('absolute', 200, None), ('date', '2026-06-30', None), []),
    srow('get 50 new demo requests this quarter', 'en', 'leads', 'achieve', 'consultations',
         None, None, None, ('absolute', 50, None), ('period-end', '2026-03-31', None), []),
    srow('Drive 500 new app installs', 'en', 'leads', 'achieve', 'app_installs',
         None, None, None, ('absolute', 500, None), None, []),
    srow('generate 30% more new leads', 'en', 'leads', 'increase', 'leads',
         None, None, None, ('relative', 30, '%'), None, []),
    srow('win 100 new clients by June 2026', 'en', 'sales', 'increase', 'sales',
         None, None, None, ('relative', 100, None), ('date', '2026-06-30', None), []),
    srow('привлечь 200 новых лидов к маю', 'ru', 'leads', 'achieve', 'leads',
         None, None, None, ('absolute', 200, None), ('date', '2026-05-31', None), []),
    srow('получить 50 новых заявок до конца квартала', 'ru', 'leads', 'achieve', 'leads',
         None, None, None, ('absolute', 50, None), ('period-end', '2026-03-31', None), []),
    srow('привлечь 100 новых клиентов', 'ru', 'sales', 'increase', 'sales',
         None, None, None, ('relative', 100, None), None, []),
    srow('залучити 300 нових заявок до червня', 'uk', 'leads', 'achieve', 'leads',
         None, None, None, ('absolute', 300, None), ('date', '2026-06-30', None), []),
    srow('отримати 40 нових реєстрацій', 'uk', 'leads', 'achieve', 'registrations',
         None, None, None, ('absolute', 40, None), None, []),
    srow('залучити 500 нових підписників до кінця року', 'uk', 'awareness', 'increase', 'followers',
         None, None, None, ('relative', 500, None), ('period-end', '2026-12-31', None), []),
    srow('Win 2,500 new followers on Threads', 'en', 'awareness', 'increase', 'followers',
         None, 'threads', None, ('relative', 2500, None), None, []),
]


# --- the cost of something counted is the cost per one; costs alone stay costs ---------------------------
COST_OF = [
    srow('reduce the cost of a qualified lead to $20 by June 2026', 'en', 'leads', 'decrease', 'cost_per_lead',
         None, None, None, ('absolute', 20, 'USD'), ('date', '2026-06-30', None), []),
    srow('cut the cost of an app install by 20%', 'en', 'leads', 'decrease', 'cost_per_install',
         None, None, None, ('relative', 20, '%'), None, []),
    srow('lower the cost of a click to $0.50', 'en', 'traffic', 'decrease', 'cost_per_click',
         None, None, None, ('absolute', 0.5, 'USD'), None, []),
    srow('reduce the cost of a new follower', 'en', 'awareness', 'decrease', 'cost_per_follower',
         None, None, None, None, None, []),
    srow('снизить стоимость целевого лида до 300 рублей', 'ru', 'leads', 'decrease', 'cost_per_lead',
         None, None, None, ('absolute', 300, 'RUB'), None, []),
    srow('снизить стоимость клика на 15% к концу квартала', 'ru', 'traffic', 'decrease', 'cost_per_click',
         None, None, None, ('relative', 15, '%'), ('period-end', '2026-03-31', None), []),
    srow('уменьшить стоимость установки приложения', 'ru', 'leads', 'decrease', 'cost_per_install',
         None, None, None, None, None, []),
    srow('знизити вартість цільового ліда на 15%', 'uk', 'leads', 'decrease', 'cost_per_lead',
         None, None, None, ('relative', 15, '%'), None, []),
    srow('знизити вартість кліка до 5 грн до червня', 'uk', 'traffic', 'decrease', 'cost_per_click',
         None, None, None, ('absolute', 5, 'UAH'), ('date', '2026-06-30', None), []),
    srow('зменшити вартість залучення підписника', 'uk', 'awareness', 'decrease', 'cost_per_follower',
         None, None, None, None, None, []),
    srow('reduce costs by 10%', 'en', 'other', 'decrease', 'cost',
         None, None, None, ('relative', 10, '%'), None, []),
    srow('снизить затраты на 20%', 'ru', 'other', 'decrease', 'cost',
         None, None, None, ('relative', 20, '%'), None, []),
]


# --- a rank in a search engine is a search position; «конверсия» is a rate; e-mail addresses are a list ----
SEARCH_AND_LISTS = [
    srow('Get to the top 3 in Google for our main keyword by June 2026', 'en', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 3, None),
         ('date', '2026-06-30', None), []),
    srow('Rank #1 on Google for "smm agency kyiv"', 'en', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 1, None),
         None, []),
    srow('Reach the top 10 on Bing by the end of the year', 'en', 'traffic', 'reach',
         'search_position', None, 'bing', None, ('rank', 10, None),
         ('period-end', '2026-12-31', None), []),
    srow('Вывести сайт в ТОП-5 Яндекса по запросу о доставке цветов до конца года', 'ru', 'traffic', 'reach',
         'search_position', None, 'yandex', None, ('rank', 5, None),
         ('period-end', '2026-12-31', None), []),
    srow('Попасть в топ-3 Google по ключевым запросам за полгода', 'ru', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 3, None),
         ('duration', '2026-07-15', 'P6M'), []),
    srow('Вивести сайт у топ-10 Google за запитом «доставка квітів»', 'uk', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 10, None),
         None, []),
    srow('Потрапити в топ-5 Google до кінця року', 'uk', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 5, None),
         ('period-end', '2026-12-31', None), []),
    srow('Вийти в топ-3 за кількістю відгуків у Google', 'uk', 'loyalty', 'reach',
         'reviews', None, 'google', None, ('rank', 3, None),
         None, []),
    srow('Повысить конверсию сайта до 3% к маю', 'ru', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 3, '%'),
         ('date', '2026-05-31', None), []),
    srow('Підвищити конверсію сайту з 1,5% до 2,5% за пів року', 'uk', 'sales', 'increase',
         'conversion_rate', None, None, (1.5, '%'), ('absolute', 2.5, '%'),
         ('duration', '2026-07-15', 'P6M'), []),
    srow('Собрать 500 адресов электронной почты до июня', 'ru', 'leads', 'achieve',
         'email_subscribers', None, None, None, ('absolute', 500, None),
         ('date', '2026-06-30', None), []),
    srow('Зібрати 1 000 email-адрес до вересня', 'uk', 'leads', 'achieve',
         'email_subscribers', None, None, None, ('absolute', 1000, None),
         ('date', '2026-09-30', None), []),
    srow('Collect 2,000 email addresses by September 2026', 'en', 'leads', 'achieve',
         'email_subscribers', None, None, None, ('absolute', 2000, None),
         ('date', '2026-09-30', None), []),
]


# --- a share of the whole as a change ("by a third", «наполовину», «на чверть»), and multiples under 2 -------
FRACTIONS = [
    srow('Cut cost per follower in half by June 2026', 'en', 'awareness', 'decrease',
         'cost_per_follower', None, None, None, ('relative', 50, '%'),
         ('date', '2026-06-30', None), []),
    srow('grow our mailing list by a third by the end of the year', 'en', 'leads', 'increase',
         'email_subscribers', None, None, None, ('relative', 33.33, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Grow sales by a quarter in 2027', 'en', 'sales', 'increase',
         'sales', None, None, None, ('relative', 25, '%'),
         ('date', '2027-12-31', None), []),
    srow('increase sales 1.5x', 'en', 'sales', 'increase',
         'sales', None, None, None, ('multiple', 1.5, None),
         None, []),
    srow('Поднять продажи на треть к концу года', 'ru', 'sales', 'increase',
         'sales', None, None, None, ('relative', 33.33, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Сократить расходы на рекламу наполовину', 'ru', 'other', 'decrease',
         'ad_budget', None, None, None, ('relative', 50, '%'),
         None, []),
    srow('Увеличить охват на четверть за квартал', 'ru', 'awareness', 'increase',
         'reach', None, None, None, ('relative', 25, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('Збільшити продажі у півтора раза до кінця року', 'uk', 'sales', 'increase',
         'sales', None, None, None, ('multiple', 1.5, None),
         ('period-end', '2026-12-31', None), []),
    srow('Скоротити витрати на рекламу наполовину до кінця року', 'uk', 'other', 'decrease',
         'ad_budget', None, None, None, ('relative', 50, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Підняти продажі на чверть', 'uk', 'sales', 'increase',
         'sales', None, None, None, ('relative', 25, '%'),
         None, []),
    srow('Збільшити кількість заявок на третину за пів року', 'uk', 'leads', 'increase',
         'leads', None, None, None, ('relative', 33.33, '%'),
         ('duration', '2026-07-15', 'P6M'), []),
]


# --- a goal whose own words measure nothing is its purpose clause («сделать так, чтобы ...») -----------------
PURPOSE = [
    srow('Хочу, чтобы в инсте было 20к подписчиков к лету', 'ru', 'awareness', 'reach',
         'followers', None, 'instagram', None, ('absolute', 20000, None),
         ('season', '2026-05-31', None), []),
    srow('Сделать так, чтобы каждый пост набирал минимум 1000 просмотров', 'ru', 'awareness', 'achieve',
         'views', None, None, None, ('absolute', 1000, None),
         None, []),
    srow('Добиться того, чтобы заявок было 300 в месяц к маю', 'ru', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 300, None),
         ('date', '2026-05-31', None), []),
    srow('Зробити так, щоб кожен пост набирав щонайменше 1000 переглядів', 'uk', 'awareness', 'achieve',
         'views', None, None, None, ('absolute', 1000, None),
         None, []),
    srow('Хочемо, щоб в інсті було 30 тисяч підписників до осені', 'uk', 'awareness', 'reach',
         'followers', None, 'instagram', None, ('absolute', 30000, None),
         ('season', '2026-08-31', None), []),
    srow('make sure that every post gets at least 1,000 views by June', 'en', 'awareness', 'achieve',
         'views', None, None, None, ('absolute', 1000, None),
         ('date', '2026-06-30', None), []),
    srow('Запустить рекламу, чтобы получить 100 заявок', 'ru', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 100, None),
         None, []),
    srow('Чтобы получать больше заявок, увеличить охват на 30%', 'ru', 'awareness', 'increase',
         'reach', None, None, None, ('relative', 30, '%'),
         None, []),
    srow('Запустити рекламу, щоб отримати 100 заявок', 'uk', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 100, None),
         None, []),
    srow('Добитися, щоб заявок було 200 на місяць до травня', 'uk', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 200, None),
         ('date', '2026-05-31', None), []),
    srow('make sure that we get 100 leads a week by June', 'en', 'leads', 'achieve',
         'leads', 'week', None, None, ('absolute', 100, None),
         ('date', '2026-06-30', None), []),
]


# --- a ceiling on a cost or a time with a verb of getting is a decrease; a level is reached ------------------
CEILINGS = [
    srow('Need to get our CPL under $15 by Q3 2026', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 15, 'USD'),
         ('quarter', '2026-09-30', None), []),
    srow('get response time under 1 hour', 'en', 'communication', 'decrease',
         'response_time', None, None, None, ('absolute', 1, 'h'),
         None, []),
    srow('Вывести CPL ниже 200 ₽ к маю', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 200, 'RUB'),
         ('date', '2026-05-31', None), []),
    srow('Получить стоимость заявки не более 300 рублей', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 300, 'RUB'),
         None, []),
    srow('Довести CPL до 200 ₽', 'ru', 'leads', 'reach',
         'cost_per_lead', None, None, None, ('absolute', 200, 'RUB'),
         None, []),
    srow('Вивести вартість ліда нижче 100 грн', 'uk', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 100, 'UAH'),
         None, []),
    srow('Отримати вартість заявки не більше 150 грн', 'uk', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 150, 'UAH'),
         None, []),
    srow('Довести вартість заявки до 120 грн', 'uk', 'leads', 'reach',
         'cost_per_lead', None, None, None, ('absolute', 120, 'UAH'),
         None, []),
    srow('bring the cost per lead to $10', 'en', 'leads', 'reach',
         'cost_per_lead', None, None, None, ('absolute', 10, 'USD'),
         None, []),
    srow('get churn below 3% by the end of the year', 'en', 'loyalty', 'decrease',
         'churn', None, None, None, ('absolute', 3, '%'),
         ('period-end', '2026-12-31', None), []),
]


# --- the most known or followed in a place: awareness (a superlative names the metric) -----------------------
SUPERLATIVES = [
    srow('We aim to become the most followed bakery in Lviv on Instagram', 'en', 'awareness', 'reach',
         'followers', None, 'instagram', None, None,
         None, []),
    srow("Стати найвідомішою кав'ярнею району", 'uk', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Стать самой известной кофейней района', 'ru', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('become the best-known bakery in Lviv by 2027', 'en', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         ('date', '2027-12-31', None), ['S103']),
    srow('become the most famous coffee shop in town by 2027', 'en', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         ('date', '2027-12-31', None), ['S103']),
    srow('Стати найвпізнаванішим барбершопом міста до кінця року', 'uk', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         ('period-end', '2026-12-31', None), ['S103']),
    srow('Стать самым узнаваемым брендом косметики в регионе', 'ru', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('become the most talked-about brand in the niche', 'en', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Работать с известными блогерами', 'ru', 'other', 'achieve',
         'influencer_collaborations', None, None, None, None,
         None, ['S106']),
    srow('попасть в ТОП-3 самых популярных доставок еды в Харькове по количеству подписчиков', 'ru', 'awareness',
         'reach', 'followers', None, None, None, ('rank', 3, None),
         None, []),
]


# --- lines as lists and KPI tables write them: a list item's number, a rate after a word («заявок/мес») ------
LIST_LINES = [
    srow('1) Increase sales by 15% by June 2026', 'en', 'sales', 'increase',
         'sales', None, None, None, ('relative', 15, '%'),
         ('date', '2026-06-30', None), []),
    srow('2. Grow followers to 10k by June', 'en', 'awareness', 'reach',
         'followers', None, None, None, ('absolute', 10000, None),
         ('date', '2026-06-30', None), []),
    srow('3) Увеличить охват на 20% к маю', 'ru', 'awareness', 'increase',
         'reach', None, None, None, ('relative', 20, '%'),
         ('date', '2026-05-31', None), []),
    srow('10. Підвищити ER до 5% до кінця кварталу', 'uk', 'engagement', 'reach',
         'engagement_rate', None, None, None, ('absolute', 5, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('KPI 2027 → 300 заявок/мес', 'ru', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 300, None),
         None, []),
    srow('Target: 500 qualified leads/quarter', 'en', 'leads', 'reach',
         'qualified_leads', 'quarter', None, None, ('absolute', 500, None),
         None, []),
    srow('Ліди: 200 заявок/тиж', 'uk', 'leads', 'reach',
         'leads', 'week', None, None, ('absolute', 200, None),
         None, []),
    srow('Sell 50 tickets for the launch party by March 2026', 'en', 'sales', 'achieve',
         'bookings', None, None, None, ('absolute', 50, None),
         ('date', '2026-03-31', None), []),
    srow('Продати 40 місць на марафон до старту', 'uk', 'sales', 'achieve',
         'bookings', None, None, None, ('absolute', 40, None),
         ('event', None, None), []),
    srow('1.5 million followers by 2027', 'en', 'awareness', 'reach',
         'followers', None, None, None, ('absolute', 1500000, None),
         ('date', '2027-12-31', None), []),
    srow('grow Instagram/TikTok followers by 20%', 'en', 'awareness', 'increase',
         'followers', None, 'instagram', None, ('relative', 20, '%'),
         None, []),
    srow('Plan 2027: 500 leads per month', 'en', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 500, None),
         ('date', '2027-12-31', None), []),
    srow('План 2027: 300 заявок в месяц', 'ru', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 300, None),
         ('date', '2027-12-31', None), []),
    srow('набрати 2027 підписників до кінця року', 'uk', 'awareness', 'achieve',
         'followers', None, None, None, ('absolute', 2027, None),
         ('period-end', '2026-12-31', None), []),
]


# --- a loss or a fall kept off («не допустить падения ER ниже 3%», "avoid dropping below 3%"): maintain ------
KEPT_OFF = [
    srow('Not lose more than 5% of subscribers after the price change', 'en', 'awareness', 'maintain',
         'followers', None, None, None, ('absolute', 5, '%'),
         None, []),
    srow('Avoid dropping below 3% engagement rate in 2026', 'en', 'engagement', 'maintain',
         'engagement_rate', None, None, None, ('absolute', 3, '%'),
         ('date', '2026-12-31', None), []),
    srow("Don't let response time exceed 2 hours", 'en', 'communication', 'maintain',
         'response_time', None, None, None, ('absolute', 2, 'h'),
         None, []),
    srow('prevent churn from rising above 4% a month', 'en', 'loyalty', 'maintain',
         'churn', 'month', None, None, ('absolute', 4, '%'),
         None, []),
    srow('Не допустить падения ER ниже 3%', 'ru', 'engagement', 'maintain',
         'engagement_rate', None, None, None, ('absolute', 3, '%'),
         None, []),
    srow('Не потерять больше 5% подписчиков после ребрендинга', 'ru', 'awareness', 'maintain',
         'followers', None, None, None, ('absolute', 5, '%'),
         ('event', None, None), []),
    srow('Избежать роста оттока выше 4% в месяц', 'ru', 'loyalty', 'maintain',
         'churn', 'month', None, None, ('absolute', 4, '%'),
         None, []),
    srow('Не втратити більше 5% підписників після зміни цін', 'uk', 'awareness', 'maintain',
         'followers', None, None, None, ('absolute', 5, '%'),
         None, []),
    srow('Не допустити падіння ER нижче 3% до кінця року', 'uk', 'engagement', 'maintain',
         'engagement_rate', None, None, None, ('absolute', 3, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Уникнути зростання відтоку вище 4% на місяць', 'uk', 'loyalty', 'maintain',
         'churn', 'month', None, None, ('absolute', 4, '%'),
         None, []),
]


# --- spending that earns itself back: «окупить рекламу» is the return on ad spend, payback a time ------------
PAYBACK = [
    srow('Payback period under 3 months for paid campaigns', 'en', 'sales', 'decrease',
         'payback_period', None, None, None, ('absolute', 3, 'mo'),
         None, []),
    srow('pay back the ad budget within 3 months', 'en', 'sales', 'achieve',
         'roas', None, None, None, None,
         ('duration', '2026-04-15', 'P3M'), []),
    srow('make the campaign pay for itself by June 2026', 'en', 'sales', 'achieve',
         'roas', None, None, None, None,
         ('date', '2026-06-30', None), []),
    srow('Окупить рекламу за 3 месяца', 'ru', 'sales', 'achieve',
         'roas', None, None, None, None,
         ('duration', '2026-04-15', 'P3M'), []),
    srow('Сократить срок окупаемости рекламы до 2 месяцев', 'ru', 'sales', 'decrease',
         'payback_period', None, None, None, ('absolute', 2, 'mo'),
         None, []),
    srow('Окупать рекламный бюджет каждый месяц', 'ru', 'sales', 'achieve',
         'roas', 'month', None, None, None,
         None, []),
    srow('Окупити рекламу за 4 місяці', 'uk', 'sales', 'achieve',
         'roas', None, None, None, None,
         ('duration', '2026-05-15', 'P4M'), []),
    srow('Скоротити термін окупності до 3 місяців до кінця року', 'uk', 'sales', 'decrease',
         'payback_period', None, None, None, ('absolute', 3, 'mo'),
         ('period-end', '2026-12-31', None), []),
    srow('Increase ROMI to 250% by the end of the year', 'en', 'sales', 'reach',
         'romi', None, None, None, ('absolute', 250, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Увеличить окупаемость рекламы до 300%', 'ru', 'sales', 'reach',
         'roas', None, None, None, ('absolute', 300, '%'),
         None, []),
]


# --- families a blind test set found: a count after «с/з», a floor after «от/від», an event's end, budgets ---
BLIND_SET_FAMILIES = [
    srow('Договориться о рекламе с 12 блогерами до конца мая', 'ru', 'other', 'achieve',
         'influencer_collaborations', None, None, None, ('absolute', 12, None),
         ('date', '2026-05-31', None), []),
    srow('Создать клуб из 300 участников в Telegram', 'ru', 'communication', 'achieve',
         'community_size', None, 'telegram', None, ('absolute', 300, None),
         None, []),
    srow('Середній чек — від 800 грн', 'uk', 'sales', 'reach',
         'average_order_value', None, None, None, ('absolute', 800, 'UAH'),
         None, []),
    srow('Collaborate with 15 creators by June 2026', 'en', 'other', 'achieve',
         'influencer_collaborations', None, None, None, ('absolute', 15, None),
         ('date', '2026-06-30', None), []),
    srow('Cut cost per lead to $9 by the end of the campaign', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 9, 'USD'),
         ('event', None, None), []),
    srow('Продать 200 сертификатов до конца акции', 'ru', 'sales', 'achieve',
         'sales', None, None, None, ('absolute', 200, None),
         ('event', None, None), []),
    srow('Grow the newsletter to 8,000 subscribers by September', 'en', 'leads', 'reach',
         'email_subscribers', None, None, None, ('absolute', 8000, None),
         ('date', '2026-09-30', None), []),
    srow('Keep the ad budget under $4,000 a month', 'en', 'other', 'maintain',
         'ad_budget', 'month', None, None, ('absolute', 4000, 'USD'),
         None, []),
    srow('Рекламный бюджет — не больше 80 тыс. руб. в месяц', 'ru', 'other', 'maintain',
         'ad_budget', 'month', None, None, ('absolute', 80000, 'RUB'),
         None, []),
    srow('Витрачати на рекламу до 40 тис. грн на місяць', 'uk', 'other', 'maintain',
         'ad_budget', 'month', None, None, ('absolute', 40000, 'UAH'),
         None, []),
    srow('Чтобы клиенты возвращались за повторной покупкой', 'ru', 'loyalty', 'increase',
         'retention', None, None, None, None,
         None, []),
    srow('Повернути 20% клієнтів, які не купували пів року', 'uk', 'loyalty', 'increase',
         'retention', None, None, None, ('relative', 20, '%'),
         None, []),
    srow('Активизировать подписчиков в Telegram-канале', 'ru', 'engagement', 'increase',
         'involvement', None, 'telegram', None, None,
         None, ['S103']),
    srow('Збільшити кількість UGC-публікацій на 25% за квартал', 'uk', 'communication', 'increase',
         'ugc', None, None, None, ('relative', 25, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('Get into the top 5 Google results for our brand name by spring', 'en', 'traffic', 'reach',
         'search_position', None, None, None, ('rank', 5, None),
         ('season', '2026-02-28', None), []),
    srow('снизить CPL до 300 ₽ до конца кампании', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 300, 'RUB'),
         ('event', None, None), []),
    srow('знизити CPL до 300 грн до кінця кампанії', 'uk', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 300, 'UAH'),
         ('event', None, None), []),
]


# --- turning some into others is a conversion rate («конвертировать 5% посетителей в покупателей») -----------
CONVERSION = [
    srow('Convert 4% of site visitors into buyers by the end of June 2026', 'en', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 4, '%'),
         ('date', '2026-06-30', None), []),
    srow('convert 20% of leads into sales', 'en', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 20, '%'),
         None, []),
    srow('convert 10% of website visitors into leads by May', 'en', 'leads', 'reach',
         'lead_conversion_rate', None, None, None, ('absolute', 10, '%'),
         ('date', '2026-05-31', None), []),
    srow('Конвертировать 5% посетителей сайта в покупателей', 'ru', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 5, '%'),
         None, []),
    srow('Конвертировать 15% заявок в продажи к концу квартала', 'ru', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 15, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('Конвертувати 3% відвідувачів у покупців до кінця року', 'uk', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 3, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Конвертувати 8% підписників у заявки', 'uk', 'leads', 'reach',
         'lead_conversion_rate', None, None, None, ('absolute', 8, '%'),
         None, []),
    srow('Сконвертировать 2% подписчиков в клиентов', 'ru', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 2, '%'),
         None, []),
    srow('convert 30% of trial users into paying customers by Q3 2026', 'en', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 30, '%'),
         ('quarter', '2026-09-30', None), []),
    srow('Конвертувати 25% лідів у продажі за квартал', 'uk', 'sales', 'reach',
         'conversion_rate', None, None, None, ('absolute', 25, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
]


# --- adjectives whose noun is a metric ---------------------------------------------------------------
ADJECTIVES = [
    srow('Build a recognizable brand in the local market', 'en', 'awareness', 'achieve', 'brand_awareness', None,
         None, None, None, None, ['S103']),
    srow('Become a recognisable brand among dentists by the end of 2026', 'en', 'awareness', 'reach',
         'brand_awareness', None, None, None, None, ('period-end', '2026-12-31', None), ['S103']),
    srow('Build a loyal customer base', 'en', 'loyalty', 'achieve', 'loyalty', None, None, None, None, None, ['S103']),
    srow('Grow a loyal audience on YouTube', 'en', 'loyalty', 'increase', 'loyalty', None, 'youtube', None, None,
         None, ['S103']),
    srow('Get 300 loyal customers by June 2026', 'en', 'loyalty', 'achieve', 'retention', None, None, None,
         ('absolute', 300, None), ('date', '2026-06-30', None), []),
    srow('Сделать бренд узнаваемым среди молодых мам', 'ru', 'awareness', 'achieve', 'brand_awareness', None, None,
         None, None, None, ['S103']),
    srow('Стать узнаваемым брендом в регионе к концу года', 'ru', 'awareness', 'reach', 'brand_awareness', None, None,
         None, None, ('period-end', '2026-12-31', None), ['S103']),
    srow('Вырастить лояльную аудиторию в Telegram', 'ru', 'loyalty', 'increase', 'loyalty', None, 'telegram', None,
         None, None, ['S103']),
    srow('Увеличить число лояльных покупателей до 2 000', 'ru', 'loyalty', 'reach', 'retention', None, None, None,
         ('absolute', 2000, None), None, []),
    srow('Зробити бренд впізнаваним серед IT-компаній', 'uk', 'awareness', 'achieve', 'brand_awareness', None, None,
         None, None, None, ['S103']),
    srow('Збільшити кількість лояльних клієнтів на 15%', 'uk', 'loyalty', 'increase', 'retention', None, None, None,
         ('relative', 15, '%'), None, []),
    srow('Сформувати лояльну аудиторію в Instagram', 'uk', 'loyalty', 'achieve', 'loyalty', None, 'instagram', None,
         None, None, ['S103']),
]

# --- a pronoun as the goal's object: no metric to read, the category is other -------------------------
PRONOUNS = [
    srow('Double it by the end of the quarter', 'en', 'other', 'increase', None, None, None, None,
         ('multiple', 2, None), ('period-end', '2026-03-31', None), ['S102']),
    srow('Grow it to 10,000 by June 2026', 'en', 'other', 'reach', None, None, None, None, ('absolute', 10000, None),
         ('date', '2026-06-30', None), ['S102']),
    srow('Increase them by 20% this year', 'en', 'other', 'increase', None, None, None, None, ('relative', 20, '%'),
         ('period-end', '2026-12-31', None), ['S102']),
    srow('Keep it above 4.5', 'en', 'other', 'maintain', None, None, None, None, ('absolute', 4.5, None), None,
         ['S102']),
    srow('Увеличить его вдвое к концу года', 'ru', 'other', 'increase', None, None, None, None, ('multiple', 2, None),
         ('period-end', '2026-12-31', None), ['S102']),
    srow('Довести его до 10 000 к июню', 'ru', 'other', 'reach', None, None, None, None, ('absolute', 10000, None),
         ('date', '2026-06-30', None), ['S102']),
    srow('Увеличить их на 20%', 'ru', 'other', 'increase', None, None, None, None, ('relative', 20, '%'), None,
         ['S102']),
    srow('Подвоїти його до кінця року', 'uk', 'other', 'increase', None, None, None, None, ('multiple', 2, None),
         ('period-end', '2026-12-31', None), ['S102']),
    srow('Довести їх до 5 000 до кінця року', 'uk', 'other', 'reach', None, None, None, None,
         ('absolute', 5000, None), ('period-end', '2026-12-31', None), ['S102']),
    srow('Збільшити це на 30% за квартал', 'uk', 'other', 'increase', None, None, None, None, ('relative', 30, '%'),
         ('duration', '2026-04-15', 'P3M'), ['S102']),
    # a pronoun and no figure: no direction either
    srow('Accomplish this within 60 days', 'en', 'other', None, None, None, None, None, None,
         ('duration', '2026-03-16', 'P60D'), ['S101']),
    srow('Добиться этого к июню', 'ru', 'other', None, None, None, None, None, None, ('date', '2026-06-30', None),
         ['S101']),
    srow('Добиться того к июлю', 'ru', 'other', None, None, None, None, None, None, ('date', '2026-07-31', None),
         ['S101']),
    srow('Досягти того до липня', 'uk', 'other', None, None, None, None, None, None, ('date', '2026-07-31', None),
         ['S101']),
    srow('Досягти цього до червня', 'uk', 'other', None, None, None, None, None, None, ('date', '2026-06-30', None),
         ['S101']),
]

# --- English compound nouns: the head is last, words we do not know inside ("lead nurture campaigns") ---
COMPOUND_HEADS = [
    srow('Optimize our partner outreach campaigns', 'en', 'other', None, 'campaigns', None, None, None, None, None,
         ['S106']),
    srow('Launch lead nurture campaigns in Q2 2026', 'en', 'other', 'achieve', 'campaigns', None, None, None, None,
         ('quarter', '2026-06-30', None), ['S106']),
    srow('Run three sales training webinars', 'en', 'other', 'achieve', 'events', None, None, None,
         ('absolute', 3, None), None, []),
    srow('Get 200 leads from nurture campaigns', 'en', 'leads', 'achieve', 'leads', None, None, None,
         ('absolute', 200, None), None, []),
    srow('Increase customer review volume by 20%', 'en', 'loyalty', 'increase', 'reviews', None, None, None,
         ('relative', 20, '%'), None, []),
    srow('Grow email marketing revenue by 10%', 'en', 'sales', 'increase', 'revenue', None, None, None,
         ('relative', 10, '%'), None, []),
    srow('Publish 12 customer success stories', 'en', 'other', 'achieve', 'posts', None, None, None,
         ('absolute', 12, None), None, []),
    srow('Double sales from lead magnet downloads', 'en', 'sales', 'increase', 'sales', None, None, None,
         ('multiple', 2, None), None, []),
    srow('Grow newsletter subscriber count to 8,000', 'en', 'leads', 'reach', 'email_subscribers', None, None, None,
         ('absolute', 8000, None), None, []),
    srow('Host two brand awareness webinars', 'en', 'other', 'achieve', 'events', None, None, None,
         ('absolute', 2, None), None, []),
    srow('Create 10 lead magnet videos', 'en', 'other', 'achieve', 'posts', None, None, None, ('absolute', 10, None),
         None, []),
]

# --- running ads: launching, tuning or buying traffic is the campaign (metrics.toml absorbs), drawing it in is traffic ---
RUNNING_ADS = [
    srow('run traffic to the landing page and cut CPL to $5 by June', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 5, 'USD'),
         ('date', '2026-06-30', None), []),
    srow('buy traffic from Google Ads and bring CPA under $30', 'en', 'sales', 'decrease',
         'cost_per_acquisition', None, 'google', None, ('absolute', 30, 'USD'),
         None, []),
    srow('запустить трафик на сайт и снизить стоимость лида до 250 ₽', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 250, 'RUB'),
         None, []),
    srow('настроить трафик из таргета и получить 300 заявок за месяц', 'ru', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 300, None),
         ('duration', '2026-02-15', 'P1M'), []),
    srow('перезапустить трафик ВКонтакте и снизить CPL на 20%', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, 'vk', None, ('relative', 20, '%'),
         None, []),
    srow('лить трафик на лендинг и выйти на 50 заявок в день', 'ru', 'leads', 'reach',
         'leads', 'day', None, None, ('absolute', 50, None),
         None, []),
    srow('закупать трафик у блогеров и продать 200 курсов до осени', 'ru', 'sales', 'achieve',
         'sales', None, None, None, ('absolute', 200, None),
         ('season', '2026-08-31', None), []),
    srow('запустити трафік в Instagram і знизити CPL на 20% за квартал', 'uk', 'leads', 'decrease',
         'cost_per_lead', None, 'instagram', None, ('relative', 20, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('налаштувати трафік на сайт і отримати 400 заявок до кінця березня', 'uk', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 400, None),
         ('date', '2026-03-31', None), []),
    srow('закупити трафік у блогерів і продати 150 курсів до літа', 'uk', 'sales', 'achieve',
         'sales', None, None, None, ('absolute', 150, None),
         ('season', '2026-05-31', None), []),
    srow('привлечь трафик на сайт +30% за квартал', 'ru', 'traffic', 'increase',
         'website_traffic', None, None, None, ('relative', 30, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('drive traffic to the website up 25% by Q3', 'en', 'traffic', 'increase',
         'website_traffic', None, None, None, ('relative', 25, '%'),
         ('quarter', '2026-09-30', None), []),
]


# --- a quotation beside a word we do not know names it: a metric or channel word in it is part of the name ---
QUOTED_NAMES = [
    srow('найти рабочие связки «креатив → аудитория → заявка» и снизить стоимость лида до 300 ₽', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, None, ('absolute', 300, 'RUB'),
         None, []),
    srow('продвигать курс «Продажи в Instagram» и набрать 50 учеников к сентябрю', 'ru', 'sales', 'achieve',
         'enrolments', None, None, None, ('absolute', 50, None),
         ('date', '2026-09-30', None), []),
    srow('повысить ER рубрики «Отзывы клиентов» до 5% за квартал', 'ru', 'engagement', 'reach',
         'engagement_rate', None, None, None, ('absolute', 5, '%'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('увеличить показатель «вовлеченность» на 10% до конца года', 'ru', 'engagement', 'increase',
         'engagement_rate', None, None, None, ('relative', 10, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('підняти охоплення рубрики «Лайфхаки» на 30% за місяць', 'uk', 'awareness', 'increase',
         'reach', None, None, None, ('relative', 30, '%'),
         ('duration', '2026-02-15', 'P1M'), []),
    srow('просувати марафон «Ліди без бюджету» і зібрати 200 заявок до травня', 'uk', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 200, None),
         ('date', '2026-05-31', None), []),
    srow('збільшити «живих» підписників на 2000 до кінця літа', 'uk', 'awareness', 'increase',
         'followers', None, None, None, ('relative', 2000, None),
         ('season', '2026-08-31', None), []),
    srow('grow the "Sales Club" newsletter to 8,000 subscribers by June', 'en', 'leads', 'reach',
         'email_subscribers', None, None, None, ('absolute', 8000, None),
         ('date', '2026-06-30', None), []),
    srow('promote the "Sales Sprint" webinar and get 300 sign-ups by May', 'en', 'leads', 'achieve',
         'registrations', None, None, None, ('absolute', 300, None),
         ('date', '2026-05-31', None), []),
    srow('increase "engaged" followers by 500 in Q2', 'en', 'awareness', 'increase',
         'followers', None, None, None, ('relative', 500, None),
         ('quarter', '2026-06-30', None), []),
]


# --- two figures joined by an arrow: from the first to the second --------------------------------------------
ARROWS = [
    srow('CTR on Meta ads: 1.8% → 2.5% by March', 'en', 'traffic', 'increase',
         'ctr', None, None, (1.8, '%'), ('absolute', 2.5, '%'),
         ('date', '2026-03-31', None), []),
    srow('followers 8500 -> 12000 by the end of summer', 'en', 'awareness', 'increase',
         'followers', None, None, (8500, None), ('absolute', 12000, None),
         ('season', '2026-08-31', None), []),
    srow('CPL: $40 → $25 in Q2', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, (40, 'USD'), ('absolute', 25, 'USD'),
         ('quarter', '2026-06-30', None), []),
    srow('AOV $38 => $45 by Black Friday', 'en', 'sales', 'increase',
         'average_order_value', None, None, (38, 'USD'), ('absolute', 45, 'USD'),
         ('named', '2026-11-27', None), []),
    srow('KPI 2027 → 300 leads a month', 'en', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 300, None),
         None, []),
    srow('Средний чек: 3 200 ₽ → 3 800 ₽ к концу года', 'ru', 'sales', 'increase',
         'average_order_value', None, None, (3200, 'RUB'), ('absolute', 3800, 'RUB'),
         ('period-end', '2026-12-31', None), []),
    srow('подписчики в Telegram 5 000 → 8 000 до лета', 'ru', 'awareness', 'increase',
         'followers', None, 'telegram', (5000, None), ('absolute', 8000, None),
         ('season', '2026-05-31', None), []),
    srow('стоимость заявки 900 ₽ → 600 ₽ за квартал', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, (900, 'RUB'), ('absolute', 600, 'RUB'),
         ('duration', '2026-04-15', 'P3M'), []),
    srow('Підписники у Facebook: 12 500 → 15 000 до кінця березня', 'uk', 'awareness', 'increase',
         'followers', None, 'facebook', (12500, None), ('absolute', 15000, None),
         ('date', '2026-03-31', None), []),
    srow('відкриваність листів 22% → 30% до Великодня', 'uk', 'engagement', 'increase',
         'email_open_rate', None, None, (22, '%'), ('absolute', 30, '%'),
         ('named', '2026-04-12', None), []),
    srow('вартість ліда 120 грн → 80 грн за два місяці', 'uk', 'leads', 'decrease',
         'cost_per_lead', None, None, (120, 'UAH'), ('absolute', 80, 'UAH'),
         ('duration', '2026-03-15', 'P2M'), []),
]


# --- a figure after an aim with none; to zero; at least («хоча б»); a time metric changed by hours; donations; demo bookings; open rate; being talked about; page one of the results ---
MORE_WORDS = [
    srow('more leads, at least 10 a day, by March', 'en', 'leads', 'reach',
         'leads', 'day', None, None, ('absolute', 10, None),
         ('date', '2026-03-31', None), []),
    srow('більше лідів, хоча б 10 на день, до кінця кварталу', 'uk', 'leads', 'reach',
         'leads', 'day', None, None, ('absolute', 10, None),
         ('period-end', '2026-03-31', None), []),
    srow('больше заявок, хотя бы 15 в неделю, до конца квартала', 'ru', 'leads', 'reach',
         'leads', 'week', None, None, ('absolute', 15, None),
         ('period-end', '2026-03-31', None), []),
    srow('Сократить число неотвеченных сообщений в директе до нуля за месяц', 'ru', 'communication', 'decrease',
         'unanswered_messages', None, 'instagram', None, ('absolute', 0, None),
         ('duration', '2026-02-15', 'P1M'), []),
    srow('reduce complaints to zero by the end of Q2', 'en', 'loyalty', 'decrease',
         'complaints', None, None, None, ('absolute', 0, None),
         ('quarter', '2026-06-30', None), []),
    srow('скоротити кількість скарг до нуля до кінця року', 'uk', 'loyalty', 'decrease',
         'complaints', None, None, None, ('absolute', 0, None),
         ('period-end', '2026-12-31', None), []),
    srow('increase YouTube watch time by 2,000 hours by December', 'en', 'awareness', 'increase',
         'watch_time', None, 'youtube', None, ('relative', 2000, 'h'),
         ('date', '2026-12-31', None), []),
    srow('reduce response time by 2 hours by April', 'en', 'communication', 'decrease',
         'response_time', None, None, None, ('relative', 2, 'h'),
         ('date', '2026-04-30', None), []),
    srow('сократить время ответа на 2 часа к маю', 'ru', 'communication', 'decrease',
         'response_time', None, None, None, ('relative', 2, 'h'),
         ('date', '2026-05-31', None), []),
    srow('скоротити час відповіді на 30 хвилин за місяць', 'uk', 'communication', 'decrease',
         'response_time', None, None, None, ('relative', 30, 'min'),
         ('duration', '2026-02-15', 'P1M'), []),
    srow('Подвоїти кількість донатів в Instagram до Різдва', 'uk', 'sales', 'increase',
         'donations', None, 'instagram', None, ('multiple', 2, None),
         ('named', '2026-12-25', None), []),
    srow('увеличить пожертвования на 30% к концу года', 'ru', 'sales', 'increase',
         'donations', None, None, None, ('relative', 30, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('grow donations to $20,000 by December', 'en', 'sales', 'reach',
         'donations', None, None, None, ('absolute', 20000, 'USD'),
         ('date', '2026-12-31', None), []),
    srow('Triple the number of demo bookings from LinkedIn by Q3', 'en', 'leads', 'increase',
         'consultations', None, 'linkedin', None, ('multiple', 3, None),
         ('quarter', '2026-09-30', None), []),
    srow('push app installs from TikTok by 40% in Q1', 'en', 'leads', 'increase',
         'app_installs', None, 'tiktok', None, ('relative', 40, '%'),
         ('quarter', '2026-03-31', None), []),
    srow('Мы хотим, чтобы о нас говорили', 'ru', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('хочемо, щоб про нас говорили в місті', 'uk', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('get us onto page one of Google for vegan bakery Leeds by spring', 'en', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 10, None),
         ('season', '2026-02-28', None), []),
    srow('вывести сайт на первую страницу Яндекса к лету', 'ru', 'traffic', 'reach',
         'search_position', None, 'yandex', None, ('rank', 10, None),
         ('season', '2026-05-31', None), []),
    srow('вивести сайт на першу сторінку Google до кінця року', 'uk', 'traffic', 'reach',
         'search_position', None, 'google', None, ('rank', 10, None),
         ('period-end', '2026-12-31', None), []),
    srow('відсоток відкриття розсилки підняти з 20% до 28% до травня', 'uk', 'engagement', 'increase',
         'email_open_rate', None, None, (20, '%'), ('absolute', 28, '%'),
         ('date', '2026-05-31', None), []),
    srow('процент открытия писем поднять до 25% к марту', 'ru', 'engagement', 'reach',
         'email_open_rate', None, None, None, ('absolute', 25, '%'),
         ('date', '2026-03-31', None), []),
]


# --- a year beside a label: the year the goals are for, by its end (never a figure) --------------------------
LABEL_YEARS = [
    srow('Goals for 2027: revenue $2M', 'en', 'sales', 'reach',
         'revenue', None, None, None, ('absolute', 2000000, 'USD'),
         ('date', '2027-12-31', None), []),
    srow('Goals 2027: 3,000 leads a quarter', 'en', 'leads', 'reach',
         'leads', 'quarter', None, None, ('absolute', 3000, None),
         ('date', '2027-12-31', None), []),
    srow('Цели на 2027: выручка 24 млн ₽, 1 200 новых клиентов', 'ru', 'sales', 'reach',
         'revenue', None, None, None, ('absolute', 24000000, 'RUB'),
         ('date', '2027-12-31', None), []),
    srow('Цели на 2027 год: 5 000 подписчиков в Telegram', 'ru', 'awareness', 'reach',
         'followers', None, 'telegram', None, ('absolute', 5000, None),
         ('date', '2027-12-31', None), []),
    srow('План на 2027: 500 заявок в месяц', 'ru', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 500, None),
         ('date', '2027-12-31', None), []),
    srow('Цілі на 2027: виторг 10 млн грн', 'uk', 'sales', 'reach',
         'revenue', None, None, None, ('absolute', 10000000, 'UAH'),
         ('date', '2027-12-31', None), []),
    srow('План на 2027 рік: 400 продажів на місяць', 'uk', 'sales', 'reach',
         'sales', 'month', None, None, ('absolute', 400, None),
         ('date', '2027-12-31', None), []),
    srow('Мета 2027: 20 000 підписників в Instagram', 'uk', 'awareness', 'reach',
         'followers', None, 'instagram', None, ('absolute', 20000, None),
         ('date', '2027-12-31', None), []),
    srow('KPI 2027 → 300 leads a month', 'en', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 300, None),
         None, []),
    srow('Цель 2: 500 лидов к маю', 'ru', 'leads', 'reach',
         'leads', None, None, None, ('absolute', 500, None),
         ('date', '2026-05-31', None), []),
]


# --- replies to stories and writing to us (messages); being known; money a blog brings; bringing a group to life; wishlists; the cost of a booking or a sale; listens; the go-to place; the team's own page; audits; occupancy; activating users; coming and buying again; 2ГИС; a side clause ends at a dash ---
MORE_WORDS_2 = [
    srow('Story replies: 40 per story by June', 'en', 'communication', 'reach',
         'messages', None, None, None, ('absolute', 40, None),
         ('date', '2026-06-30', None), []),
    srow('Увеличить количество ответов на сторис в 2 раза к лету', 'ru', 'communication', 'increase',
         'messages', None, None, None, ('multiple', 2, None),
         ('season', '2026-05-31', None), []),
    srow('Збільшити кількість відповідей на сторіс на 50% до кінця кварталу', 'uk', 'communication', 'increase',
         'messages', None, None, None, ('relative', 50, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('We want more people to talk to us on Facebook', 'en', 'communication', 'increase',
         'messages', None, 'facebook', None, None,
         None, []),
    srow('хотим, чтобы больше людей писали нам в директ', 'ru', 'communication', 'increase',
         'messages', None, 'instagram', None, None,
         None, []),
    srow('Хочемо, щоб про нас знали в районі', 'uk', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Хотим, чтобы о нас узнали в городе', 'ru', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('we want more people in Leeds to know about us', 'en', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Хочу, чтобы мой блог приносил деньги', 'ru', 'sales', 'achieve',
         'revenue', None, None, None, None,
         None, []),
    srow('Хочу, щоб канал приносив прибуток', 'uk', 'sales', 'achieve',
         'profit', None, None, None, None,
         None, []),
    srow('make money from the blog by the end of the year', 'en', 'sales', 'achieve',
         'revenue', None, None, None, None,
         ('period-end', '2026-12-31', None), []),
    srow('Надо бы оживить группу в ВК', 'ru', 'engagement', 'increase',
         'involvement', None, 'vk', None, None,
         None, ['S103']),
    srow('Треба оживити спільноту в Telegram', 'uk', 'engagement', 'increase',
         'involvement', None, 'telegram', None, None,
         None, ['S103']),
    srow('Вишлисты игры в Steam: 20 тыс. к дате релиза', 'ru', 'leads', 'reach',
         'wishlists', None, None, None, ('absolute', 20000, None),
         ('event', None, None), []),
    srow('Вішлісти гри в Steam — 15 тисяч до релізу', 'uk', 'leads', 'reach',
         'wishlists', None, None, None, ('absolute', 15000, None),
         ('event', None, None), []),
    srow('reach 30,000 Steam wishlists before the demo', 'en', 'leads', 'reach',
         'wishlists', None, None, None, ('absolute', 30000, None),
         ('event', None, None), []),
    srow('Reduce cost per booking to €18 by March', 'en', 'sales', 'decrease',
         'cost_per_acquisition', None, None, None, ('absolute', 18, 'EUR'),
         ('date', '2026-03-31', None), []),
    srow('Снизить стоимость продажи до 900 ₽ к концу квартала', 'ru', 'sales', 'decrease',
         'cost_per_acquisition', None, None, None, ('absolute', 900, 'RUB'),
         ('period-end', '2026-03-31', None), []),
    srow('50 000 прослушиваний на стримингах к лету', 'ru', 'awareness', 'reach',
         'views', None, None, None, ('absolute', 50000, None),
         ('season', '2026-05-31', None), []),
    srow('200 000 прослуховувань подкасту до кінця року', 'uk', 'awareness', 'reach',
         'views', None, None, None, ('absolute', 200000, None),
         ('period-end', '2026-12-31', None), []),
    srow('Be the go-to Thai place in Bristol on Instagram', 'en', 'awareness', 'achieve',
         'brand_awareness', None, 'instagram', None, None,
         None, ['S103']),
    srow('стать первым выбором для невест в городе', 'ru', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('стати першим вибором для батьків у районі', 'uk', 'awareness', 'reach',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('раскрутить страницу кофейни', 'ru', 'awareness', 'increase',
         None, None, None, None, None,
         None, ['S101']),
    srow("розкрутити сторінку кав'ярні", 'uk', 'awareness', 'increase',
         None, None, None, None, None,
         None, ['S101']),
    srow('grow the company page', 'en', 'awareness', 'increase',
         None, None, None, None, None,
         None, ['S101']),
    srow('провести аудит аккаунта', 'ru', 'other', 'achieve',
         'audits', None, None, None, None,
         None, ['S106']),
    srow('поднять заполняемость зала до 80% к декабрю', 'ru', 'sales', 'reach',
         'occupancy', None, None, None, ('absolute', 80, '%'),
         ('date', '2026-12-31', None), []),
    srow('raise table occupancy to 90% by December', 'en', 'sales', 'reach',
         'occupancy', None, None, None, ('absolute', 90, '%'),
         ('date', '2026-12-31', None), []),
    srow('Activate 40% of new trial users within 7 days', 'en', 'loyalty', 'reach',
         'activation', None, None, None, ('absolute', 40, '%'),
         ('duration', '2026-01-22', 'P7D'), []),
    srow('активувати 35% користувачів за 14 днів', 'uk', 'loyalty', 'reach',
         'activation', None, None, None, ('absolute', 35, '%'),
         ('duration', '2026-01-29', 'P14D'), []),
    srow('Наша задача — чтобы клиенты приходили повторно в течение 90 дней', 'ru', 'loyalty', 'increase',
         'retention', None, None, None, None,
         ('duration', '2026-04-15', 'P90D'), []),
    srow('щоб клієнти купували повторно', 'uk', 'loyalty', 'increase',
         'repeat_purchase_rate', None, None, None, None,
         None, []),
    srow('Увеличить количество звонков из 2ГИС на 30% к маю', 'ru', 'leads', 'increase',
         'consultations', None, None, None, ('relative', 30, '%'),
         ('date', '2026-05-31', None), []),
    srow('Частка голосу бренду серед АЗС — 30% до кінця року', 'uk', 'awareness', 'reach',
         'share_of_voice', None, None, None, ('absolute', 30, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Дзвінки для евакуатора — 10 на день влітку', 'uk', 'leads', 'reach',
         'consultations', 'day', None, None, ('absolute', 10, None),
         ('season', '2026-08-31', None), []),
]


# --- a period beside a label: this period, by its end («Цель на квартал:»); how often beside it (KPI monthly:) is a rate ---
LABEL_PERIODS = [
    srow('Задача квартала — 500 заявок из таргета', 'ru', 'leads', 'reach',
         'leads', None, None, None, ('absolute', 500, None),
         ('period-end', '2026-03-31', None), []),
    srow('Цель на квартал: 500 лидов', 'ru', 'leads', 'reach',
         'leads', None, None, None, ('absolute', 500, None),
         ('period-end', '2026-03-31', None), []),
    srow('План на месяц — 40 продаж', 'ru', 'sales', 'reach',
         'sales', None, None, None, ('absolute', 40, None),
         ('period-end', '2026-01-31', None), []),
    srow('Завдання на тиждень: 5 рілсів і 20 сторіс', 'uk', 'other', 'reach',
         'posts', None, None, None, ('absolute', 5, None),
         ('period-end', '2026-01-18', None), []),
    srow('Мета на цей місяць: 300 заявок', 'uk', 'leads', 'reach',
         'leads', None, None, None, ('absolute', 300, None),
         ('period-end', '2026-01-31', None), []),
    srow('Goal for the quarter: 200 MQLs', 'en', 'leads', 'reach',
         'mql', None, None, None, ('absolute', 200, None),
         ('period-end', '2026-03-31', None), []),
    srow('KPI monthly: 40 sales', 'en', 'sales', 'reach',
         'sales', 'month', None, None, ('absolute', 40, None),
         None, []),
    srow('Цель на месяц: 1 000 подписчиков в Telegram', 'ru', 'awareness', 'reach',
         'followers', None, 'telegram', None, ('absolute', 1000, None),
         ('period-end', '2026-01-31', None), []),
    srow('Ціль на квартал — 2 000 підписників', 'uk', 'awareness', 'reach',
         'followers', None, None, None, ('absolute', 2000, None),
         ('period-end', '2026-03-31', None), []),
    srow('Objective for the month: 50 demo requests', 'en', 'leads', 'reach',
         'consultations', None, None, None, ('absolute', 50, None),
         ('period-end', '2026-01-31', None), []),
]


# --- a purpose clause with its subject first: its first verb is its own («чтобы охваты выросли до 3 000») ----
PURPOSE_2 = [
    srow('Хотелось бы, чтобы охваты в сторис выросли до 3 тысяч в день к лету', 'ru', 'awareness', 'reach',
         'reach', 'day', None, None, ('absolute', 3000, None),
         ('season', '2026-05-31', None), []),
    srow('Хотілося б, щоб охоплення сторіс зросло до 5 тисяч до кінця березня', 'uk', 'awareness', 'reach',
         'reach', None, None, None, ('absolute', 5000, None),
         ('date', '2026-03-31', None), []),
    srow("we'd love it if our Reels views grew to 50k a month by summer", 'en', 'awareness', 'reach',
         'views', 'month', None, None, ('absolute', 50000, None),
         ('season', '2026-05-31', None), []),
]


# --- «не только X, но и Y», 'not just X but Y': both, X first; «не просто X, а Y»: Y -------------------------
NOT_ONLY = [
    srow('not only grow followers but also get 200 leads by June', 'en', 'awareness', 'increase',
         'followers', None, None, None, None,
         ('date', '2026-06-30', None), []),
    srow('not just more reach but 300 sign-ups by March', 'en', 'leads', 'reach',
         'registrations', None, None, None, ('absolute', 300, None),
         ('date', '2026-03-31', None), []),
    srow('не только увеличить охват, но и получить 200 заявок к маю', 'ru', 'awareness', 'increase',
         'reach', None, None, None, None,
         ('date', '2026-05-31', None), []),
    srow('не просто увеличить охват, а получить 200 заявок к маю', 'ru', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 200, None),
         ('date', '2026-05-31', None), []),
    srow('не лише залучити підписників, а й отримати 100 заявок до червня', 'uk', 'awareness', 'increase',
         'followers', None, None, None, None,
         ('date', '2026-06-30', None), []),
    srow('не просто збільшити охоплення, а отримати 300 заявок до кінця кварталу', 'uk', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 300, None),
         ('period-end', '2026-03-31', None), []),
]


# --- a bound kept over a span (maintain); from one level to another is a change; rates beside arrows; ДРР, ACoS; «на слуху»; appointments; the sprint, a season's campaign, after an event ---
MORE_WORDS_3 = [
    srow('ROAS on Meta ads ≥ 3.5 for the whole of H2', 'en', 'sales', 'maintain',
         'roas', None, None, None, ('absolute', 3.5, None),
         ('half', '2026-12-31', None), []),
    srow('ERR постов в ВК — не ниже 10% весь сезон', 'ru', 'engagement', 'maintain',
         'err', None, 'vk', None, ('absolute', 10, '%'),
         ('event', None, None), []),
    srow('ROAS реклами в Meta — не менше 4 протягом грудня', 'uk', 'sales', 'maintain',
         'roas', None, None, None, ('absolute', 4, None),
         ('date', '2026-12-31', None), []),
    srow('Hit a 4.8 average rating on Google (from 4.3) by the end of summer', 'en', 'loyalty', 'increase',
         'rating', None, 'google', (4.3, None), ('absolute', 4.8, None),
         ('season', '2026-08-31', None), []),
    srow('довести CPL с 300 до 200 ₽ к маю', 'ru', 'leads', 'decrease',
         'cost_per_lead', None, None, (300, 'RUB'), ('absolute', 200, 'RUB'),
         ('date', '2026-05-31', None), []),
    srow('довести середній чек з 400 до 520 грн до кінця року', 'uk', 'sales', 'increase',
         'average_order_value', None, None, (400, 'UAH'), ('absolute', 520, 'UAH'),
         ('period-end', '2026-12-31', None), []),
    srow('SQLs from LinkedIn: 30/mo → 45/mo by end of H1', 'en', 'leads', 'increase',
         'sql', 'month', 'linkedin', (30, None), ('absolute', 45, None),
         ('half', '2026-06-30', None), []),
    srow('Выручка с Ozon: 1,5 млн ₽/мес → 2,5 млн ₽/мес к концу года', 'ru', 'sales', 'increase',
         'revenue', 'month', None, (1500000, 'RUB'), ('absolute', 2500000, 'RUB'),
         ('period-end', '2026-12-31', None), []),
    srow('Виторг з Rozetka: 300 тис. грн/міс → 450 тис. грн/міс до кінця кварталу', 'uk', 'sales', 'increase',
         'revenue', 'month', None, (300000, 'UAH'), ('absolute', 450000, 'UAH'),
         ('period-end', '2026-03-31', None), []),
    srow('ДРР на маркетплейсах — не выше 12% до конца распродажи', 'ru', 'sales', 'decrease',
         'ad_cost_share', None, None, None, ('absolute', 12, '%'),
         ('event', None, None), []),
    srow('снизить ДРР с 15% до 10% к ноябрю', 'ru', 'sales', 'decrease',
         'ad_cost_share', None, None, (15, '%'), ('absolute', 10, '%'),
         ('date', '2026-11-30', None), []),
    srow('keep ACoS under 20% through Q4', 'en', 'sales', 'maintain',
         'ad_cost_share', None, None, None, ('absolute', 20, '%'),
         ('quarter', '2026-12-31', None), []),
    srow('Нужно, чтобы салон был на слуху в районе', 'ru', 'awareness', None,
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Хочемо, щоб про нас більше знали в Одесі', 'uk', 'awareness', 'increase',
         'brand_awareness', None, None, None, None,
         None, ['S103']),
    srow('Записи на манікюр через Instagram: щонайменше 25 на тиждень до кінця грудня', 'uk', 'leads', 'reach',
         'consultations', 'week', 'instagram', None, ('absolute', 25, None),
         ('date', '2026-12-31', None), []),
    srow('get 120 booked consultations a month by June', 'en', 'sales', 'achieve',
         'bookings', 'month', None, None, ('absolute', 120, None),
         ('date', '2026-06-30', None), []),
    srow('Підвищити CTR оголошень з 0,7% до 1,2% до кінця спринту', 'uk', 'traffic', 'increase',
         'ctr', None, None, (0.7, '%'), ('absolute', 1.2, '%'),
         ('event', None, None), []),
    srow('Share of voice: 18% → 25% after the summer campaign', 'en', 'awareness', 'increase',
         'share_of_voice', None, None, (18, '%'), ('absolute', 25, '%'),
         ('event', None, None), []),
    srow('Поддерживать охват сторис на уровне 2–3 тыс. в период отпуска блогера', 'ru', 'awareness', 'maintain',
         'reach', None, None, None, ('range', (2000, 3000), None),
         ('event', None, None), []),
]


# --- a day and a month after a deadline's preposition («до 20.11», by 30/06); a fundraiser's end; a range of months; a method in brackets ends with them; a multiple ends a side clause; communication with customers; «отвечает за» ---
MORE_WORDS_4 = [
    srow('CTR on Stories ads: from 0.6% to 1% by 30/06', 'en', 'traffic', 'increase',
         'ctr', None, None, (0.6, '%'), ('absolute', 1, '%'),
         ('date', '2026-06-30', None), []),
    srow('Запустити розсилку у Viber і зібрати 500 підписників до 20.11', 'uk', 'awareness', 'achieve',
         'followers', None, 'viber', None, ('absolute', 500, None),
         ('date', '2026-11-20', None), []),
    srow('Зібрати 250 000 UAH донатів через Instagram до кінця збору', 'uk', 'sales', 'achieve',
         'donations', None, 'instagram', None, ('absolute', 250000, 'UAH'),
         ('event', None, None), []),
    srow('собрать 300 донатов до конца сбора средств', 'ru', 'sales', 'achieve',
         'donations', None, None, None, ('absolute', 300, None),
         ('event', None, None), []),
    srow('довести ROAS до 4.50 к маю', 'ru', 'sales', 'reach',
         'roas', None, None, None, ('absolute', 4.5, None),
         ('date', '2026-05-31', None), []),
    srow('Engagement rate (by reach) on the page: 3.1% → 5%, Jan–Jun', 'en', 'engagement', 'increase',
         'engagement_rate', None, None, (3.1, '%'), ('absolute', 5, '%'),
         ('date', '2026-06-30', None), []),
    srow('ROAS реклами в Meta — не менше 5 у листопаді–грудні', 'uk', 'sales', 'reach',
         'roas', None, None, None, ('absolute', 5, None),
         ('date', '2026-12-31', None), []),
    srow('get 300 leads in Jan–Mar 2027', 'en', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 300, None),
         ('date', '2027-03-31', None), []),
    srow('Збільшити кількість збережень під каруселями в 2 рази до літа', 'uk', 'engagement', 'increase',
         'saves', None, None, None, ('multiple', 2, None),
         ('season', '2026-05-31', None), []),
    srow('увеличить количество репостов среди подписчиков в 3 раза к осени', 'ru', 'engagement', 'increase',
         'shares', None, None, None, ('multiple', 3, None),
         ('season', '2026-08-31', None), []),
    srow('Покращити комунікацію з клієнтами у соцмережах', 'uk', 'communication', 'increase',
         'customer_communication', None, None, None, None,
         None, ['S103']),
    srow('улучшить коммуникацию с клиентами в Telegram', 'ru', 'communication', 'increase',
         'customer_communication', None, 'telegram', None, None,
         None, ['S103']),
    srow('SMM отвечает за заявки: 120 заявок в месяц из Instagram', 'ru', 'leads', 'reach',
         'leads', 'month', 'instagram', None, ('absolute', 120, None),
         None, []),
]


# --- bringing a cost down to a level: a decrease -------------------------------------------------------------
CEILINGS_2 = [
    srow('Bring cost per follower down to $0.40 by June', 'en', 'awareness', 'decrease',
         'cost_per_follower', None, None, None, ('absolute', 0.4, 'USD'),
         ('date', '2026-06-30', None), []),
    srow('bring churn down to 3% by the end of Q3', 'en', 'loyalty', 'decrease',
         'churn', None, None, None, ('absolute', 3, '%'),
         ('quarter', '2026-09-30', None), []),
    srow('get the bounce rate down from 70% to 50% by May', 'en', 'traffic', 'decrease',
         'bounce_rate', None, None, (70, '%'), ('absolute', 50, '%'),
         ('date', '2026-05-31', None), []),
]


# --- an activity done for a result: the result is the goal, the activity with its figures the means («публиковать 3 поста в неделю, чтобы ...») ---
ACTIVITY_FOR_RESULT = [
    srow('Post three times a week on Instagram to increase engagement by 10% by the end of the quarter', 'en', 'engagement', 'increase',
         'engagement_rate', None, 'instagram', None, ('relative', 10, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('run 2 webinars a month to get 300 leads by June', 'en', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 300, None),
         ('date', '2026-06-30', None), []),
    srow('publish 20 Reels in order to reach 50,000 views by March', 'en', 'awareness', 'reach',
         'views', None, None, None, ('absolute', 50000, None),
         ('date', '2026-03-31', None), []),
    srow('launch ads on TikTok to bring CPL down to $5 by May', 'en', 'leads', 'decrease',
         'cost_per_lead', None, 'tiktok', None, ('absolute', 5, 'USD'),
         ('date', '2026-05-31', None), []),
    srow('Публиковать 3 поста в неделю, чтобы увеличить вовлеченность на 10% к концу квартала', 'ru', 'engagement', 'increase',
         'engagement_rate', None, None, None, ('relative', 10, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('запустить таргет, чтобы получить 200 заявок к маю', 'ru', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 200, None),
         ('date', '2026-05-31', None), []),
    srow('провести 4 прямых эфира, чтобы набрать 1 000 подписчиков к лету', 'ru', 'awareness', 'achieve',
         'followers', None, None, None, ('absolute', 1000, None),
         ('season', '2026-05-31', None), []),
    srow('Публікувати 3 пости на тиждень, щоб збільшити залученість на 10% до кінця кварталу', 'uk', 'engagement', 'increase',
         'engagement_rate', None, None, None, ('relative', 10, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('запустити рекламу в Instagram, щоб отримати 150 заявок до червня', 'uk', 'leads', 'achieve',
         'leads', None, 'instagram', None, ('absolute', 150, None),
         ('date', '2026-06-30', None), []),
    srow('провести 2 розіграші, щоб зібрати 800 підписників до кінця березня', 'uk', 'awareness', 'achieve',
         'followers', None, None, None, ('absolute', 800, None),
         ('date', '2026-03-31', None), []),
]


# --- approximate figures: the hedge before a figure is dropped ("about 5k", «порядка 300», «близько 3 000») ---
APPROX = [
    srow('Grow Instagram followers from about 4,000 to 6,000 by June', 'en', 'awareness', 'increase',
         'followers', None, 'instagram', (4000, None), ('absolute', 6000, None),
         ('date', '2026-06-30', None), []),
    srow('Reach roughly 15% open rate by the end of the year', 'en', 'engagement', 'reach',
         'email_open_rate', None, None, None, ('absolute', 15, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Get around 300 leads a month from LinkedIn', 'en', 'leads', 'achieve',
         'leads', 'month', 'linkedin', None, ('absolute', 300, None),
         None, []),
    srow('Boost sales ~20% in Q2', 'en', 'sales', 'increase',
         'sales', None, None, None, ('relative', 20, '%'),
         ('quarter', '2026-06-30', None), []),
    srow('Cut the cost per lead from approximately $18 to $12 by September', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, (18, 'USD'), ('absolute', 12, 'USD'),
         ('date', '2026-09-30', None), []),
    srow('Увеличить охват с примерно 10 тыс. до 25 тыс. к июню', 'ru', 'awareness', 'increase',
         'reach', None, None, (10000, None), ('absolute', 25000, None),
         ('date', '2026-06-30', None), []),
    srow('Получать порядка 200 заявок в месяц', 'ru', 'leads', 'achieve',
         'leads', 'month', None, None, ('absolute', 200, None),
         None, []),
    srow('Выйти на ERR около 5% к концу года', 'ru', 'engagement', 'reach',
         'err', None, None, None, ('absolute', 5, '%'),
         ('period-end', '2026-12-31', None), []),
    srow('Поднять продажи почти вдвое за полгода', 'ru', 'sales', 'increase',
         'sales', None, None, None, ('multiple', 2, None),
         ('duration', '2026-07-15', 'P6M'), []),
    srow('Збільшити кількість підписників з близько 3 000 до 5 000 до травня', 'uk', 'awareness', 'increase',
         'followers', None, None, (3000, None), ('absolute', 5000, None),
         ('date', '2026-05-31', None), []),
    srow('Отримувати приблизно 150 заявок на місяць', 'uk', 'leads', 'achieve',
         'leads', 'month', None, None, ('absolute', 150, None),
         None, []),
    srow('Зібрати десь 500 реєстрацій на вебінар до 1 березня', 'uk', 'leads', 'achieve',
         'registrations', None, None, None, ('absolute', 500, None),
         ('date', '2026-03-01', None), []),
]


# --- the figure today ("currently 22%", «сейчас 1 900 ₽», «наразі 800»): a level from it is a change ---------
CURRENT = [
    srow('Email open rate 30% by June (currently 22%)', 'en', 'engagement', 'increase',
         'email_open_rate', None, None, (22, '%'), ('absolute', 30, '%'),
         ('date', '2026-06-30', None), []),
    srow('Average order value $85 by Q4, up from $70', 'en', 'sales', 'increase',
         'average_order_value', None, None, (70, 'USD'), ('absolute', 85, 'USD'),
         ('quarter', '2026-12-31', None), []),
    srow('CPL under $10 by Q3, down from $14', 'en', 'leads', 'decrease',
         'cost_per_lead', None, None, (14, 'USD'), ('absolute', 10, 'USD'),
         ('quarter', '2026-09-30', None), []),
    srow('Средний чек — 2 500 ₽ к декабрю (сейчас 1 900 ₽)', 'ru', 'sales', 'increase',
         'average_order_value', None, None, (1900, 'RUB'), ('absolute', 2500, 'RUB'),
         ('date', '2026-12-31', None), []),
    srow('Сейчас у нас 1 200 подписчиков, нужно 3 000 к лету', 'ru', 'awareness', 'increase',
         'followers', None, None, (1200, None), ('absolute', 3000, None),
         ('season', '2026-05-31', None), []),
    srow('ERR 8% к маю, а сейчас едва 4%', 'ru', 'engagement', 'increase',
         'err', None, None, (4, '%'), ('absolute', 8, '%'),
         ('date', '2026-05-31', None), []),
    srow('Конверсія сайту — 3% до кінця кварталу (зараз 1,5%)', 'uk', 'sales', 'increase',
         'conversion_rate', None, None, (1.5, '%'), ('absolute', 3, '%'),
         ('period-end', '2026-03-31', None), []),
    srow('Наразі 800 підписників, треба 2 000 до Нового року', 'uk', 'awareness', 'increase',
         'followers', None, None, (800, None), ('absolute', 2000, None),
         ('named', '2026-12-31', None), []),
    srow('Відгуків на Google Maps — 100 до червня, на сьогодні 40', 'uk', 'loyalty', 'increase',
         'reviews', None, 'google', (40, None), ('absolute', 100, None),
         ('date', '2026-06-30', None), []),
    srow('Reach 5,000 newsletter subscribers by March, currently at 3,100', 'en', 'leads', 'increase',
         'email_subscribers', None, None, (3100, None), ('absolute', 5000, None),
         ('date', '2026-03-31', None), []),
    srow('Коментарів під дописами в середньому 25 до осені, зараз у нас 9', 'uk', 'engagement', 'increase',
         'comments', None, None, (9, None), ('absolute', 25, None),
         ('season', '2026-08-31', None), []),
]


# --- a range of days («с 1 по 20 марта»): its first day is no figure; "aim for" says nothing of its own ------
DAY_RANGES = [
    srow('From 1 to 15 December collect 400 registrations for the webinar', 'en', 'leads', 'achieve',
         'registrations', None, None, None, ('absolute', 400, None),
         ('date', '2026-12-15', None), []),
    srow('С 1 по 20 марта получить 300 заявок с таргета', 'ru', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 300, None),
         ('date', '2026-03-20', None), []),
    srow('З 5 до 25 квітня зібрати 250 реєстрацій на марафон', 'uk', 'leads', 'achieve',
         'registrations', None, None, None, ('absolute', 250, None),
         ('date', '2026-04-25', None), []),
    srow('We aim for 12% ERR on Reels by September', 'en', 'engagement', 'reach',
         'err', None, None, None, ('absolute', 12, '%'),
         ('date', '2026-09-30', None), []),
    srow('Aim for 2027: 400 leads a month', 'en', 'leads', 'reach',
         'leads', 'month', None, None, ('absolute', 400, None),
         ('date', '2027-12-31', None), []),
    srow('From 3 to 17 May get 120 bookings through Instagram', 'en', 'sales', 'achieve',
         'bookings', None, 'instagram', None, ('absolute', 120, None),
         ('date', '2026-05-17', None), []),
    srow('С 10 по 25 ноября продать 200 билетов', 'ru', 'sales', 'achieve',
         'bookings', None, None, None, ('absolute', 200, None),
         ('date', '2026-11-25', None), []),
    srow('С 1 до 31 июля привлечь 500 подписчиков в Telegram', 'ru', 'awareness', 'achieve',
         'followers', None, 'telegram', None, ('absolute', 500, None),
         ('date', '2026-07-31', None), []),
    srow('З 2 до 16 жовтня отримати 180 заявок з таргету', 'uk', 'leads', 'achieve',
         'leads', None, None, None, ('absolute', 180, None),
         ('date', '2026-10-16', None), []),
    srow('З 1 по 14 лютого продати 300 подарункових сертифікатів', 'uk', 'sales', 'achieve',
         'sales', None, None, None, ('absolute', 300, None),
         ('date', '2026-02-14', None), []),
]


ROWS = [(family, *r) for family, rows in (("compound", COMPOUND + NOT_ONLY), ("no-amount", NO_AMOUNT), ("season", SEASONS),
                                          ("rate", RATES), ("how often", FREQUENCY), ("adjective", ADJECTIVES),
                                          ("people", PEOPLE), ("user content", USER_CONTENT), ("flows", FLOWS),
                                          ("cost of", COST_OF), ("search and lists", SEARCH_AND_LISTS),
                                          ("fractions", FRACTIONS), ("purpose", PURPOSE + PURPOSE_2), ("ceilings", CEILINGS + CEILINGS_2),
                                          ("superlatives", SUPERLATIVES), ("list lines", LIST_LINES),
                                          ("kept off", KEPT_OFF), ("payback", PAYBACK),
                                          ("blind set", BLIND_SET_FAMILIES), ("conversion", CONVERSION),
                                          ("pronoun", PRONOUNS),
                                          ("compound head", COMPOUND_HEADS), ("running ads", RUNNING_ADS),
                                          ("quoted names", QUOTED_NAMES), ("arrows", ARROWS),
                                          ("more words", MORE_WORDS), ("label years", LABEL_YEARS),
                                          ("more words 2", MORE_WORDS_2), ("more words 3", MORE_WORDS_3), ("more words 4", MORE_WORDS_4),
                                          ("activity for a result", ACTIVITY_FOR_RESULT), ("label periods", LABEL_PERIODS),
                                          ("approximate", APPROX), ("current", CURRENT), ("day ranges", DAY_RANGES))
        for r in rows]


@pytest.mark.parametrize("family, text, expected, s_codes", ROWS, ids=[f"{r[0]}: {r[1]}" for r in ROWS])
def test_family_row(family, text, expected, s_codes):
    _check(text, expected, s_codes)


def test_every_family_has_ten_rows_in_the_three_languages():
    for family in {r[0] for r in ROWS}:
        rows = [r for r in ROWS if r[0] == family]
        assert len(rows) >= 10, family
        # Russian and Ukrainian put a compound's head first and the rest in the genitive
        langs = {"en"} if family == "compound head" else {"en", "ru", "uk"}
        assert {r[2]["lang"] for r in rows} == langs, family


# --- language of statements with no telling letters -------------------------------------------------
# A verb both languages write alike (довести, привести, вести) votes for neither: the other words decide.
SHARED_VERBS = [
    ("Довести рейтинг магазина на маркетплейсе до 4,9", "ru"),
    ("Довести продажи до 100 в месяц", "ru"),
    ("Привести 500 клиентов на сайт", "ru"),
    ("Вести блог и довести охват до 20 000", "ru"),
    ("Довести средний чек до 900 руб", "ru"),
    ("Вести блог компании", "ru"),
    ("Довести охоплення до 100 000", "uk"),
    ("довести продажі до 100 на місяць", "uk"),
    ("Привести 500 клієнтів на сайт", "uk"),
    ("Довести середній чек до 900 грн", "uk"),
]


@pytest.mark.parametrize("text, lang", SHARED_VERBS)
def test_language_of_a_shared_verb(text, lang):
    assert detect_lang(text, default_lexicons()) == lang
    assert parse_goal(text).lang == lang


# --- the probe set -----------------------------------------------------------------------------------
PROBE = Path(__file__).parent / "data" / "probe_goals.jsonl"

# Where the reading differs from the hand annotation: the slots, and why. Groups:
#  - an activity with a count ("publish 12 articles a month") is specific but a task (R404), by the
#    issue's definition of "specific"; the annotation, like the corpus's, says not specific;
#  - a compound goal is specific when one of its aims is (C101 advises splitting it); the annotation
#    of a compound led by an abstract aim says not specific;
#  - the same family under another of the vocabulary's names (metric only, category agrees);
#  - readings still wrong, left for a later round (named one by one).
KNOWN = {
    # activities with a count: specific, and a task (R404)
    "probe-en-028": {"specific"}, "probe-en-029": {"specific"}, "probe-en-030": {"specific"},
    "probe-ru-028": {"specific"}, "probe-ru-029": {"specific"}, "probe-ru-030": {"specific"},
    "probe-uk-017": {"specific"}, "probe-uk-018": {"specific"}, "probe-uk-019": {"specific"},
    # «масштабировать рекламу до 500 тыс. руб.»: the same, and the ads read as campaigns, not ad spend
    "probe-ru-047": {"metric", "specific"},
    # another name of the same family
    "probe-en-011": {"metric"},   # tickets: bookings (annotated sales)
    "probe-en-012": {"metric"},   # "Summer sale: $50K in revenue": the label's "sale" (annotated revenue)
    "probe-en-017": {"metric"},   # an engaged audience: involvement (annotated engagement)
    "probe-en-021": {"metric"}, "probe-ru-050": {"metric"}, "probe-uk-040": {"metric"},   # repeat purchases: retention
    "probe-en-037": {"metric"},   # comments per post: comments_per_post
    "probe-ru-019": {"metric"}, "probe-uk-026": {"metric"},   # visitors to the site: website_traffic
    "probe-ru-044": {"metric"},   # sales of a course: enrolments
    "probe-ru-048": {"metric"}, "probe-uk-054": {"metric"},   # mentions in the media: brand_mentions
    "probe-ru-058": {"metric"}, "probe-uk-042": {"metric"},   # places on a course: bookings (annotated enrolments)
    "probe-uk-045": {"metric"},   # «переходи на сайт»: website_traffic (annotated link_clicks)
    "probe-ru-026": {"metric"},   # «ошибки в настройках таргета»: the ads' settings read as campaigns
    "probe-ru-062": {"metric"},   # «много писать»: no object, no metric (annotated posts)
    "probe-uk-062": {"metric"},   # the label «Лояльні клієнти ...» gives retention, not the referrals after it
}


def _direction(d):
    return None if d in (None, "unknown") else ("reach" if d == "achieve" else d)


def _probe_rows():
    return [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _disagreements(row) -> set:
    """The slots where our reading differs from the annotation, judged as benchmarks/corpus_check.py
    judges them: reach and achieve are one direction; target and deadline by presence; a SMART letter
    holds when no finding carries it."""
    goal = parse_goal(row["text"], today="2026-01-15")
    letters = {f.smart for f in check_goal(goal)}
    got = {"lang": goal.lang, "category": goal.category, "direction": _direction(goal.direction),
           "metric": goal.metric.name if goal.metric else None, "target": goal.target is not None,
           "deadline": goal.deadline is not None, "specific": "S" not in letters,
           "measurable": "M" not in letters, "time_bound": "T" not in letters}
    want = {"lang": row["lang"], "category": row["category"], "direction": _direction(row["direction"]),
            "metric": row["metric"], "target": row["target"] is not None, "deadline": row["deadline"] is not None,
            **row["smart"]}
    return {slot for slot in got if got[slot] != want[slot]}


@pytest.mark.parametrize("row", _probe_rows(), ids=lambda r: r["id"])
def test_probe_row(row):
    assert _disagreements(row) == KNOWN.get(row["id"], set()), row["text"]


def test_probe_set_spans_the_languages_and_the_vocabulary():
    rows = _probe_rows()
    assert len({r["id"] for r in rows}) == len(rows)
    for lang in ("en", "ru", "uk"):
        assert sum(r["lang"] == lang for r in rows) >= 60, lang
    metrics = default_lexicons().metrics
    named = {r["metric"] for r in rows if r["metric"]}
    assert named <= set(metrics), named - set(metrics)
    assert {metrics[m].category for m in named} == {"sales", "leads", "awareness", "engagement", "traffic",
                                                     "loyalty", "communication", "other"}
    assert set(KNOWN) <= {r["id"] for r in rows}
