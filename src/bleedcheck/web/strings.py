"""Page strings of the web UI in English and Russian.

Medical texts (questions, triage advice, causes, tests) come from the knowledge base and the
engine; only the words around them live here. A test checks every key has both languages.
"""

from __future__ import annotations

from bleedcheck.vocab import LANGS, Lang

STRINGS: dict[str, dict[Lang, str]] = {
    # layout
    "site_name": {"en": "bleedcheck", "ru": "bleedcheck"},
    "tagline": {
        "en": "Unexpected vaginal bleeding: how urgent, and what it could be",
        "ru": "Необычное кровотечение из влагалища: насколько срочно и что это может быть",
    },
    "skip": {"en": "Skip to main content", "ru": "Перейти к основному содержанию"},
    "language": {"en": "Language", "ru": "Язык"},
    "emergency_strip": {"en": "Emergency?", "ru": "Экстренный случай?"},
    "call": {"en": "Call {number}", "ru": "Звоните {number}"},
    "or_number": {"en": "or {number}", "ru": "или {number}"},
    "region_label": {
        "en": "Your country (sets the emergency number)",
        "ru": "Ваша страна (от неё зависит номер скорой помощи)",
    },
    "region_save": {"en": "Save country", "ru": "Сохранить страну"},
    "change_country": {"en": "Change country", "ru": "Сменить страну"},
    "footer_note": {
        "en": (
            "This is information, not a diagnosis, and it does not replace a doctor. "
            "If you feel worse or are worried, call {number}."
        ),
        "ru": (
            "Это справочная информация, а не диагноз, и она не заменяет врача. "
            "Если вам хуже или вы беспокоитесь, звоните {number}."
        ),
    },
    "privacy": {
        "en": (
            "Your answers are kept on this service so you can continue or come back to the "
            "result. Only this browser can open them (a private cookie, never part of the "
            "address)."
        ),
        "ru": (
            "Ответы хранятся в этом сервисе, чтобы можно было продолжить или вернуться к "
            "результату. Открыть их может только этот браузер (закрытый cookie-файл, а не "
            "адрес страницы)."
        ),
    },
    # start page
    "start_title": {"en": "Check your bleeding", "ru": "Проверьте кровотечение"},
    "start_lead": {
        "en": (
            "Bleeding that is not your usual period? Answer a few questions, one at a time, "
            "to find out how soon to see a doctor and what the cause might be."
        ),
        "ru": (
            "Кровотечение, не похожее на обычные месячные? Ответьте на несколько вопросов, "
            "по одному, и узнайте, как скоро нужен врач и в чём может быть причина."
        ),
    },
    "emergency_q": {"en": "Is this an emergency?", "ru": "Это экстренный случай?"},
    "emergency_intro": {
        "en": "Call an ambulance now if any of these is true:",
        "ru": "Вызовите скорую помощь сейчас, если верно хоть что-то из этого:",
    },
    "emergency_faint": {
        "en": "you have fainted, or feel you are about to faint",
        "ru": "вы теряли сознание или чувствуете, что вот-вот потеряете",
    },
    "emergency_soak": {
        "en": "you are soaking through a pad or tampon every hour",
        "ru": "прокладка или тампон промокает насквозь за час или быстрее",
    },
    "emergency_pain": {
        "en": "you have severe pain in your belly, or pain at the tip of your shoulder",
        "ru": "сильная боль внизу живота или боль в верхушке плеча",
    },
    "emergency_pregnant": {
        "en": "you are pregnant and bleeding with pain, or 20 weeks pregnant or more",
        "ru": "вы беременны и кровотечение сопровождается болью, или срок 20 недель и больше",
    },
    "emergency_general": {
        "en": "{number} works from any phone, in Europe and in many other countries.",
        "ru": "{number} работает с любого телефона в Европе, России и многих других странах.",
    },
    "start_heading": {
        "en": "Not an emergency? Start the check",
        "ru": "Не экстренный случай? Начните проверку",
    },
    "start_about": {
        "en": (
            "It takes about 3 minutes. Choose \u201cI don\u2019t know\u201d whenever you "
            "are not sure."
        ),
        "ru": "Это займёт около 3 минут. Если не уверены, выбирайте «Не знаю».",
    },
    "describe_label": {
        "en": "Describe what happened (optional)",
        "ru": "Опишите, что произошло (необязательно)",
    },
    "describe_hint": {
        "en": (
            "For example: \u201cI am 29, my period is late, I have spotting and pain on "
            "the left side.\u201d We use it to fill in answers; you will check each one."
        ),
        "ru": (
            "Например: «Мне 29, задержка месячных, мажущие выделения и боль слева». По "
            "описанию мы заполним часть ответов, а вы их проверите."
        ),
    },
    "start_button": {"en": "Start", "ru": "Начать"},
    "text_too_long": {
        "en": "Please keep the description under {limit} characters.",
        "ru": "Пожалуйста, уложитесь в {limit} символов.",
    },
    # interview
    "question_of": {"en": "Question {step}", "ru": "Вопрос {step}"},
    "progress": {"en": "Progress", "ru": "Пройдено"},
    "yes": {"en": "Yes", "ru": "Да"},
    "no": {"en": "No", "ru": "Нет"},
    "dont_know": {"en": "I don\u2019t know", "ru": "Не знаю"},
    "none_of_these": {"en": "None of these", "ru": "Ничего из этого"},
    "or": {"en": "or", "ru": "или"},
    "tick_all": {"en": "Tick all that apply.", "ru": "Отметьте всё, что подходит."},
    "age_hint": {"en": "In years, for example 34", "ru": "Полных лет, например 34"},
    "next": {"en": "Next", "ru": "Далее"},
    "back": {"en": "Back", "ru": "Назад"},
    "prefilled_note": {
        "en": "Some answers were filled in from your description. Please check them.",
        "ru": "Часть ответов заполнена по вашему описанию. Пожалуйста, проверьте их.",
    },
    "urgent_so_far": {
        "en": (
            "Your answers so far mean you need medical help now. Do not wait to finish: if "
            "you feel faint or the bleeding is very heavy, call {number}. The last questions "
            "check whether you need an ambulance."
        ),
        "ru": (
            "По вашим ответам помощь нужна уже сейчас. Не ждите конца опроса: если вам "
            "дурно или кровотечение очень сильное, звоните {number}. Последние вопросы "
            "нужны, чтобы понять, нужна ли скорая."
        ),
    },
    "from_description": {"en": "from your description", "ru": "из вашего описания"},
    "error_title": {"en": "There is a problem", "ru": "Есть проблема"},
    "error_choose": {
        "en": "Please choose an answer, or \u201cI don\u2019t know\u201d.",
        "ru": "Пожалуйста, выберите ответ или «Не знаю».",
    },
    "error_conflict": {
        "en": (
            "You ticked \u201c{choice}\u201d together with other answers. Please tick "
            "either the answers that apply or \u201c{choice}\u201d."
        ),
        "ru": (
            "Вы отметили «{choice}» вместе с другими ответами. Отметьте либо подходящие "
            "ответы, либо «{choice}»."
        ),
    },
    "error_age": {
        "en": "Please enter your age in years as a number from 1 to 120.",
        "ru": "Пожалуйста, укажите возраст числом от 1 до 120.",
    },
    "error_answer": {
        "en": "That answer could not be used. Please answer the question again.",
        "ru": "Этот ответ не подошёл. Пожалуйста, ответьте на вопрос ещё раз.",
    },
    # result
    "result_title": {"en": "Your result", "ru": "Ваш результат"},
    "how_urgent": {"en": "How urgent", "ru": "Насколько срочно"},
    "what_now": {"en": "What to do now", "ru": "Что делать сейчас"},
    "when": {"en": "When", "ru": "Когда"},
    "sooner": {"en": "Get help sooner if", "ru": "Обратитесь раньше, если"},
    "reasons": {"en": "Why this advice", "ru": "Почему такой совет"},
    "causes": {"en": "Possible causes", "ru": "Возможные причины"},
    "causes_intro": {
        "en": (
            "Most likely first. These are possibilities based on your answers, not a "
            "diagnosis: only an examination can tell."
        ),
        "ru": (
            "Сначала самые вероятные. Это предположения по вашим ответам, а не диагноз: "
            "точно скажет только осмотр."
        ),
    },
    "chance": {"en": "estimated chance {percent}", "ru": "оценка вероятности {percent}"},
    "why": {"en": "Why?", "ru": "Почему?"},
    "fits": {"en": "What fits", "ru": "Что подходит"},
    "does_not_fit": {
        "en": "What does not fit (you answered no)",
        "ru": "Что не подходит (вы ответили «нет»)",
    },
    "prior_factors": {"en": "What else was taken into account", "ru": "Что ещё учтено"},
    "no_findings": {
        "en": "Your answers did not point towards or away from this cause.",
        "ru": "Ваши ответы не говорят ни за, ни против этой причины.",
    },
    "serious": {
        "en": "Serious causes not yet ruled out",
        "ru": "Серьёзные причины, которые пока не исключены",
    },
    "serious_intro": {
        "en": (
            "This does not mean you have them. A doctor can rule them out with the checks "
            "below, so please keep the appointment."
        ),
        "ru": (
            "Это не значит, что они у вас есть. Врач может исключить их с помощью проверок "
            "ниже, поэтому не пропускайте приём."
        ),
    },
    "tests": {"en": "What the doctor will check", "ru": "Что проверит врач"},
    "self_care": {"en": "What you can do yourself", "ru": "Что можно сделать самой"},
    "your_answers": {"en": "Your answers", "ru": "Ваши ответы"},
    "answered_yes": {"en": "Yes", "ru": "Да"},
    "answered_no": {"en": "No", "ru": "Нет"},
    "age_years": {"en": "Age: {age}", "ru": "Возраст: {age}"},
    "print": {"en": "Print or save this page", "ru": "Распечатать или сохранить"},
    "change_last": {"en": "Change my last answer", "ru": "Изменить последний ответ"},
    "new_check": {"en": "Start a new check", "ru": "Начать новую проверку"},
    "report_pdf": {
        "en": "Report for your doctor (PDF)",
        "ru": "Отчёт для врача (PDF)",
    },
    "print_hint": {
        "en": "Use your browser\u2019s Print command to print or save this page.",
        "ru": "Чтобы распечатать или сохранить страницу, используйте команду печати браузера.",
    },
    "kb_version": {"en": "Knowledge base {version}", "ru": "База знаний {version}"},
    # bleeding diary
    "diary_link": {"en": "Keep a bleeding diary", "ru": "Вести дневник кровотечений"},
    "diary_link_about": {
        "en": (
            "Bleeding that comes and goes? Note each day of bleeding for a few cycles: the "
            "diary shows your periods and cycles against the normal limits, and a doctor "
            "can read it at a glance."
        ),
        "ru": (
            "Кровотечения то появляются, то проходят? Отмечайте каждый день кровотечения "
            "несколько циклов: дневник покажет месячные и циклы в сравнении с нормой, и врач "
            "быстро в нём разберётся."
        ),
    },
    "diary_title": {"en": "Bleeding diary", "ru": "Дневник кровотечений"},
    "diary_lead": {
        "en": (
            "Write down every day you bleed, even a little. Days you do not add count as "
            "days without bleeding."
        ),
        "ru": (
            "Отмечайте каждый день, когда есть кровь, даже немного. Дни, которые вы не "
            "добавили, считаются днями без кровотечения."
        ),
    },
    "diary_open_mine": {"en": "Open my diary", "ru": "Открыть мой дневник"},
    "diary_have_one": {
        "en": "This browser already keeps a diary for you.",
        "ru": "В этом браузере уже есть ваш дневник.",
    },
    "diary_upload_heading": {"en": "Upload a diary file", "ru": "Загрузить файл дневника"},
    "diary_upload_label": {
        "en": "Diary file (CSV or JSON)",
        "ru": "Файл дневника (CSV или JSON)",
    },
    "diary_upload_hint": {
        "en": (
            "A CSV file with the columns date,flow (and optionally after_sex, pain, clots, "
            "pads, note), one line a day, for example 2026-03-01,heavy. Flow is none, "
            "spotting, light, medium, heavy or very_heavy."
        ),
        "ru": (
            "CSV-файл со столбцами date,flow (и по желанию after_sex, pain, clots, pads, "
            "note), по строке на день, например 01.03.2026,обильные. Обильность: нет, "
            "мажущие, скудные, умеренные, обильные или очень обильные."
        ),
    },
    "diary_upload_button": {"en": "Upload", "ru": "Загрузить"},
    "diary_replace_heading": {
        "en": "Replace the diary with a file",
        "ru": "Заменить дневник файлом",
    },
    "diary_replace_hint": {
        "en": "Every day in the diary is replaced by the days in the file.",
        "ru": "Все дни в дневнике будут заменены днями из файла.",
    },
    "diary_replace_button": {"en": "Replace", "ru": "Заменить"},
    "diary_add_heading": {"en": "Add or change a day", "ru": "Добавить или изменить день"},
    "diary_first_day_heading": {
        "en": "Or start with one day",
        "ru": "Или начните с одного дня",
    },
    "diary_date": {"en": "Date", "ru": "Дата"},
    "diary_date_hint": {
        "en": "For example 2026-03-01",
        "ru": "Например 2026-03-01",
    },
    "diary_flow": {"en": "How much bleeding", "ru": "Сколько крови"},
    "diary_after_sex": {
        "en": "The bleeding came during or after sex",
        "ru": "Кровь появилась во время или после секса",
    },
    "diary_save_day": {"en": "Save the day", "ru": "Сохранить день"},
    "diary_choose": {"en": "Choose\u2026", "ru": "Выберите\u2026"},
    "diary_after_sex_short": {"en": "after sex", "ru": "после секса"},
    "diary_kind": {"en": "Kind", "ru": "Вид"},
    "diary_first_day": {"en": "First day", "ru": "Начало"},
    "diary_days_col": {"en": "Days", "ru": "Дней"},
    "diary_most_flow": {"en": "Most flow", "ru": "Сильнее всего"},
    "diary_remove": {"en": "Remove", "ru": "Удалить"},
    "diary_remove_day": {"en": "Remove {date}", "ru": "Удалить {date}"},
    "diary_days": {"en": "Your days ({count})", "ru": "Ваши дни ({count})"},
    "diary_empty": {
        "en": "The diary has no days yet. Add the days you bled above.",
        "ru": "В дневнике пока нет дней. Добавьте выше дни, когда была кровь.",
    },
    "diary_chart": {"en": "Chart", "ru": "График"},
    "diary_episodes": {"en": "Periods and other bleeding", "ru": "Месячные и другие кровотечения"},
    "diary_episodes_caption": {
        "en": "Each bleeding episode; a cycle runs from the first day of a period to the next.",
        "ru": "Каждый эпизод кровотечения; цикл — от первого дня месячных до следующих.",
    },
    "diary_cycle_days": {"en": "cycle (days)", "ru": "цикл (дней)"},
    "diary_figo": {"en": "Compared with normal periods", "ru": "Сравнение с нормой"},
    "diary_figo_intro": {
        "en": (
            "The limits doctors use (FIGO 2018). “Not enough data” means more "
            "days or cycles are needed, not that something is wrong."
        ),
        "ru": (
            "Границы нормы, которыми пользуются врачи (FIGO 2018). «Мало данных» значит, "
            "что нужно больше дней или циклов, а не что что-то не так."
        ),
    },
    "diary_about_frequency": {
        "en": "How often periods come: normally every 24 to 38 days.",
        "ru": "Как часто приходят месячные: в норме каждые 24–38 дней.",
    },
    "diary_about_regularity": {
        "en": "How much your cycles vary: normally by no more than 7 to 9 days.",
        "ru": "Насколько различаются циклы: в норме не больше чем на 7–9 дней.",
    },
    "diary_about_duration": {
        "en": "How long a period lasts: normally up to 8 days.",
        "ru": "Сколько длятся месячные: в норме до 8 дней.",
    },
    "diary_about_volume": {
        "en": "How heavy periods are: heavy days, or a pad soaked within 3 hours.",
        "ru": "Насколько обильны месячные: обильные дни или прокладка, промокшая за 3 часа.",
    },
    "diary_about_intermenstrual": {
        "en": "Bleeding between periods: normally none.",
        "ru": "Кровотечения между месячными: в норме их нет.",
    },
    "diary_about_postcoital": {
        "en": "Bleeding after sex: normally none.",
        "ru": "Кровотечения после секса: в норме их нет.",
    },
    "diary_outside_limits": {"en": "outside the normal limits", "ru": "за пределами нормы"},
    "diary_shows": {"en": "What the diary shows", "ru": "Что видно по дневнику"},
    "diary_shows_intro": {
        "en": "These answers are filled in for you when you check your bleeding with the diary.",
        "ru": "Эти ответы будут заполнены сами, если проверить кровотечение вместе с дневником.",
    },
    "diary_yes": {"en": "Yes: {label}", "ru": "Да: {label}"},
    "diary_no": {"en": "No: {label}", "ru": "Нет: {label}"},
    "diary_nothing_yet": {
        "en": "Nothing yet: a few cycles are needed before the diary says more.",
        "ru": "Пока ничего: нужно несколько циклов, чтобы дневник сказал больше.",
    },
    "diary_assess_heading": {
        "en": "Check your bleeding with the diary",
        "ru": "Проверить кровотечение с дневником",
    },
    "diary_assess_about": {
        "en": (
            "Start the questions with what the diary shows already filled in; you will "
            "confirm the safety questions as usual."
        ),
        "ru": (
            "Вопросы начнутся с уже заполненными ответами из дневника; вопросы о безопасности "
            "вы подтвердите, как обычно."
        ),
    },
    "diary_assess_button": {"en": "Assess with my diary", "ru": "Оценить по дневнику"},
    "diary_error": {
        "en": "The diary could not be read: {detail}",
        "ru": "Не удалось прочитать дневник: {detail}",
    },
    "diary_error_no_file": {
        "en": "Please choose a CSV or JSON file.",
        "ru": "Пожалуйста, выберите файл CSV или JSON.",
    },
    "diary_error_too_big": {
        "en": "The file is too large. Please upload at most {limit} kB.",
        "ru": "Файл слишком большой. Загрузите не больше {limit} КБ.",
    },
    "diary_error_date": {
        "en": "Please enter a real date, not in the future, as YYYY-MM-DD.",
        "ru": "Пожалуйста, укажите настоящую дату, не в будущем, в виде ГГГГ-ММ-ДД.",
    },
    "diary_error_flow": {
        "en": "Please choose how much bleeding there was.",
        "ru": "Пожалуйста, выберите, сколько было крови.",
    },
    "diary_privacy": {
        "en": (
            "The diary is kept on this service. This browser keeps a private key to it for "
            "a year; anyone using this browser can open it."
        ),
        "ru": (
            "Дневник хранится в этом сервисе. Браузер хранит закрытый ключ к нему год; "
            "открыть дневник может любой, кто пользуется этим браузером."
        ),
    },
    # errors
    "not_found_title": {"en": "Page not found", "ru": "Страница не найдена"},
    "not_found_text": {
        "en": (
            "We could not find this page. If you were answering questions, the check may "
            "have been started in another browser, or the private cookie was cleared."
        ),
        "ru": (
            "Эта страница не найдена. Если вы отвечали на вопросы, возможно, проверку "
            "начали в другом браузере или закрытый cookie-файл был удалён."
        ),
    },
    "stale_title": {"en": "This page was out of date", "ru": "Эта страница устарела"},
    "stale_text": {
        "en": (
            "That question had already been answered, perhaps because the form was sent "
            "twice or an older page was used. Nothing was changed."
        ),
        "ru": (
            "На этот вопрос уже был дан ответ: возможно, форма была отправлена дважды или "
            "использовалась старая страница. Ничего не изменилось."
        ),
    },
    "continue": {"en": "Continue where you left off", "ru": "Продолжить с того же места"},
    "bad_request_title": {"en": "Something was wrong", "ru": "Что-то пошло не так"},
    "bad_request_text": {
        "en": "The form could not be read. Please go back and try again.",
        "ru": "Не удалось прочитать форму. Вернитесь и попробуйте ещё раз.",
    },
    "server_error_title": {"en": "Sorry, something went wrong", "ru": "Извините, произошла ошибка"},
    "server_error_text": {
        "en": (
            "The service could not finish this request. Please try again in a moment. If "
            "you feel unwell, do not wait: call {number}."
        ),
        "ru": (
            "Сервис не смог выполнить запрос. Попробуйте ещё раз чуть позже. Если вам "
            "плохо, не ждите: звоните {number}."
        ),
    },
    "go_home": {"en": "Go to the start page", "ru": "На главную страницу"},
}


def text(key: str, lang: Lang, **values: str) -> str:
    """The page string `key` in `lang`, with `{placeholders}` filled in."""
    entry = STRINGS[key]
    value = entry.get(lang) or entry["en"]
    return value.format(**values) if values else value


def missing_translations() -> list[str]:
    """Keys that lack a language (a test asserts this is empty)."""
    return sorted(k for k, v in STRINGS.items() if any(not v.get(lang) for lang in LANGS))
