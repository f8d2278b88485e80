"""Round 6, what is said: classes of wording that opened4 and opened5 (held-out sets
written by outsiders who never saw the guard) showed the guard lacked, each fixed as a
class: slang killing verbs that are fates only with an object, the first on Mars said as
"before someone" in every language, being pushed out of a company in every language's
own synonyms, and Lee Jung-gil's name as Japanese writers spell it. Each case is written
for this test (other names, words and shapes than the corpora), innocent look-alikes
included.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- slang killing verbs: a fate only with one of ours for object ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the s2 finale slays Tracy and Gordo both",
        "Gordo is in the s2 finale and the reactor slayed him",
        "Karen got capped in the s3 finale",  # a passive needs no object
        "Ed capped the Sea Dragon with the missile",
        "the sea dragon got popped out over the ocean",
        "the JSC blast smoked Molly",
        "the car bomb iced Karen",
        "the writers clapped Tracy in 2x10",
    ],
)
def test_slang_killing_verbs_with_an_object_are_fates(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Molly slays in every scene she is in",
        "Karen slayed that blue dress at the party",
        "slay margo",  # an interjection of praise
        "Danielle bodied that press conference",
        "no cap Karen is the best character",
        "Karen caps off season 3 with a speech",
        "Ed smoked a cigarette with Gordo on the porch",
        "Gordo, that suit slays",
        "Kelly popped by the Outpost after class",
        "Tracy slaying the talk show circuit in season 2",
    ],
)
def test_slang_killing_verbs_without_one_are_praise_or_nothing(text: str) -> None:
    assert not spoils(text)


# --- the first on Mars, said as "before someone" ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "so the North Korean landed on Mars before Danielle's crew",
        "Lee was on Mars before the Americans the whole time",
        "the North Koreans got to Mars ahead of the Phoenix crew",
        "Lee Jung-gil llegó a Marte antes que todos los de la Phoenix",
        "Lee Jung-gil était déjà sur Mars quand Danielle arrive",
        "Lee Jung-gil chegou a Marte antes da Danielle",
        "Lee Jung-gil era già su Marte quando arrivano gli altri",
        "Lee Jung-gil war schon auf dem Mars, als die anderen kamen",
        "Ли Чон Гиль был на Марсе раньше всех",
        "ジョンギルはダニエルより先に火星にいた",
        "リー・ジョンギルが一番乗りだった",
    ],
)
def test_arriving_on_mars_before_the_others_is_the_first_on_mars(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed wanted to get to Mars before the Soviets",  # nobody of the rule
        "North Korea wants to land on Mars before the US",  # a plan, not the story
        "Ed wollte vor den Sowjets auf dem Mars sein",  # nobody of the rule
        "リーはかっこいい",  # "Lee" alone, in a name of someone else
    ],
)
def test_plans_and_other_befores_are_not_the_first_on_mars(text: str) -> None:
    assert not spoils(text)


# --- pushed out of a company, each language's own synonyms ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dev gets ejected from Helios by his own board in s3",
        "Dev is squeezed out of Helios at the end of season 3",
        "the board dethroned Dev in the s3 finale",
        "Dev est éjecté de Helios par le conseil à la fin de la saison 3",
        "Dev est destitué à la fin de la saison 3",
        "A Dev lo destituyen de Helios al final de la temporada 3",
        "Dev é afastado da Helios no fim da terceira temporada",
        "Dev viene silurato da Helios alla fine della stagione 3",
        "Dev wird am Ende von Staffel 3 bei Helios entmachtet",
        "Дева отстранили от Helios в конце третьего сезона",
        "デヴはシーズン3の最後にヘリオスをクビになる",
    ],
)
def test_pushed_out_in_every_language(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kelly got ejected from the game for arguing with the ref",
        "the pilot ejected from the jet in the cold open",
        "Dev frozen out of the conversation at dinner in ep 4 was funny",
    ],
)
def test_other_ejections_are_not_dev_losing_helios(text: str) -> None:
    assert not spoils(text)


# --- more slang for a death and an arrest -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deke is worm food by the end of season 1",
        "after the s3 finale Molly is worm food",
        "Karen meets her maker in the s3 finale",
        "Tracy shuffles off this mortal coil in 2x10",
        "the JSC bomb ended Karen in the finale",
        "Molly checks out for good in the s3 finale",
        "Margo gets pinched by the feds in the s4 finale",
        "Margo gets perp walked out of NASA in the s4 finale",
    ],
)
def test_more_slang_for_a_death_or_an_arrest(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the s3 finale ended on Karen's face",  # nobody is its object
        "the writers ended Karen's arc too early",  # her arc, not her
        "Karen ended things with Ed in season 1",
        "Margo checks out the engine files in ep 5",
    ],
)
def test_endings_of_other_things_are_not_deaths(text: str) -> None:
    assert not spoils(text)


# --- a tally of crosses -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "s3 finale\n- Karen: x\n- Molly: x",
        "```\nseason 2 finale\ngordo ❌\ntracy ❌\n```",
        "s1 finale roll call\n1. Deke ✗",
    ],
)
def test_a_cross_after_a_name_in_a_tally_marks_them_out(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "karen x ed is my otp after the s3 finale",  # a ship
        "s3 finale ships\nKaren x Ed\nMolly x Wubbo",
        "loved the s2 finale, gordo was great x",  # a kiss
        "s3 finale outfits I liked\n- Karen ✅\n- Molly ❌",  # a vote
        "s3 favourites: Karen ✅ Molly ❌",
    ],
)
def test_other_crosses_mark_nobody_out(text: str) -> None:
    assert not spoils(text)


# --- slang for North Korea; the FBI is no fate -------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["the norko guy was on Mars first all along", "turns out best korea got to mars first"],
)
def test_slang_for_north_korea_names_it(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Margo's icy stare at the FBI agents in season 3 is iconic",
        "Margo lying to the FBI in the interview scene was tense",
        "norko memes are the best",
    ],
)
def test_the_fbi_near_margo_tells_no_finale(text: str) -> None:
    assert not spoils(text)


# --- a rescue denied is a death of whoever was not saved ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "how come nobody could rescue Tracy and Gordo on the moon?",
        "in the s3 finale no one saves Molly from the blast",
        "Karen couldn't be saved in the s3 finale",
    ],
)
def test_a_rescue_denied_is_a_death(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo couldn't save his marriage with Tracy",  # his marriage, not him
        "Sam didn't save Karen's bar in season 3",  # hers, not her
        "Ed saves the day in the s1 finale",  # a rescue, not denied: nothing
        "nobody could save Helios from the board",
    ],
)
def test_rescues_of_other_things_or_not_denied_are_no_deaths(text: str) -> None:
    assert not spoils(text)


# --- a question judging what happened takes it as given --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "was it really necessary to blow up Karen in the s3 finale?",
        "did Margo deserve to be arrested in the s4 finale?",
        "was Danny's exile at the end of s3 justified?",
        "was it fair to leave Danny on the Korean lander?",
    ],
)
def test_a_question_judging_an_outcome_tells_it(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "does Molly survive the s3 finale?",
        "is it necessary to watch season 1 before season 2?",
        "will Danny be exiled?",
    ],
)
def test_genuine_questions_still_ask(text: str) -> None:
    assert not spoils(text)


# --- dying and killing in every tense of each language ----------------------------------
# The guard reads word endings with each language's Snowball stemmer; forms whose stem
# changes (French "mourra", Spanish "moría", Italian "morì", German "verstarb") have to be
# listed. These are the third persons of the present, past, imperfect and future, and the
# infinitive after a modal, of the everyday verbs.

PARADIGMS = {
    "fr": (
        "Karen {} dans le final de la saison 3",
        "meurt|meurent|mourut|moururent|mourait|mouraient|mourra|mourront|va mourir"
        "|est morte|décède|succombe|périt|a péri|ont péri|est assassinée|est tuée",
    ),
    "es": (
        "Karen {} en el final de la temporada 3",
        "muere|mueren|murió|murieron|moría|morían|morirá|morirán|va a morir"
        "|está muerta|fallece|falleció|perece|pereció|es asesinada",
    ),
    "pt": (
        "Karen {} no final da terceira temporada",
        "morre|morrem|morreu|morreram|morria|morriam|morrerá|morrerão|vai morrer"
        "|está morta|falece|faleceu|perece|pereceu|é assassinada",
    ),
    "it": (
        "Karen {} nel finale della terza stagione",
        "muore|muoiono|morì|morirono|moriva|morivano|morirà|moriranno|sta per morire"
        "|è morta|perisce|perì|è deceduta|viene uccisa",
    ),
    "de": (
        "Karen {} im Finale der dritten Staffel",
        "stirbt|starb|wird sterben|ist gestorben|ist tot|verstirbt|verstarb|ist verstorben"
        "|kommt ums Leben|kommt um|kam um|geht drauf|ging drauf|wird getötet|wurde ermordet",
    ),
    "ru": (
        "Карен {} в финале третьего сезона",
        "умирает|умерла|умрёт|погибает|погибла|погибнет|гибнет|скончалась|была убита",
    ),
}


@pytest.mark.parametrize(
    ("language", "form"),
    [(language, form) for language, (_, forms) in PARADIGMS.items() for form in forms.split("|")],
)
def test_dying_in_every_tense(language: str, form: str) -> None:
    assert spoils(PARADIGMS[language][0].format(form))


@pytest.mark.parametrize(
    "text",
    [
        "Karen est abattue après la mort de Shane en saison 1",  # in grief; Shane's death
        "la période de la saison 3 est ma préférée, Karen surtout",  # "période", not "périr"
        "Karen lee a Morrissey en la temporada 3",  # a singer, not "morir"
        "Karen fällt im Finale der dritten Staffel auf",  # "auffallen": she stands out
    ],
)
def test_words_that_look_like_dying_are_not(text: str) -> None:
    assert not spoils(text)


# --- a fate said of a thing someone owns is the thing's ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen's bar is basically dead after the riot in season 3",
        "Ed's career died with that Sea Dragon call",
        "Tracy's marriage is dead by the s2 finale",
        "Molly's jokes kill every single episode",
    ],
)
def test_a_fate_of_an_owned_thing_is_not_the_owners(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen's body is buried after the s3 finale bombing",  # her body stands for her
        "Gordo's character dies in the s2 finale",
        "Ed's wife dies in the s3 finale",  # a relation is a person
        "Molly's car blows up in the s3 finale",  # with her in it
    ],
)
def test_what_stands_for_the_owner_still_tells_their_fate(text: str) -> None:
    assert spoils(text)


# --- wanting or meaning to do it is not doing it ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aleida is itching to tell Margo the truth",
        "Karen is dead set on selling the Outpost",
        "Margo is determined to defect in s3... or is she",
        "Ed can't wait to shoot down the Sea Dragon",
    ],
)
def test_an_intention_is_not_the_outcome(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen sells the Outpost to Sam in the s2 finale",
        "Gordo and Tracy die trying to fix the reactor in the s2 finale",
    ],
)
def test_an_outcome_after_an_intention_still_tells(text: str) -> None:
    assert spoils(text)


# --- states of mind and plans that crash -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Margo is dead inside after Sergei leaves in season 2",
        "Sergei felt like a dead man walking in those Soviet scenes",
        "Ed shot himself in the foot in that interview",
        "Dev's pitch crashed and burned in the board meeting",
    ],
)
def test_figures_of_a_state_of_mind_or_a_failure(text: str) -> None:
    assert not spoils(text)


# --- each language's own slang and idioms, in the tenses people use ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "no final da terceira temporada a Molly fica pelo caminho",
        "Molly a canné dans le final de la saison 3",
        "Molly ci rimane secca nel finale della terza stagione",
        "Molly wird im Finale der dritten Staffel in die Luft gesprengt",
        "Молли откидывает копыта в финале третьего сезона",
        "Молли склеивает ласты в финале третьего сезона",
        "モリーは最終話で爆死する",
        "no fim da terceira temporada descobrimos que o Lee chegou antes",
        "en el final de la tercera temporada resulta que Lee llegó antes",
    ],
)
def test_slang_deaths_and_arrivals_in_other_languages(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Molly y reste jusqu'à la fin de la saison, elle adore le bar",  # she stays
        "Karen s'appuie sur une canne en saison 3",  # a walking stick
        "o Lee chegou antes do jantar no episódio 4",  # dinner, a mid-season episode
    ],
)
def test_look_alikes_of_those_idioms(text: str) -> None:
    assert not spoils(text)


# --- slang for the other finale outcomes -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ellen ends up running Jamestown solo at the end of s1",
        "Ed vaporizes the Sea Dragon in 2x10 instead of Buran",
        "Karen cashes out and signs over the Outpost to Sam in the s2 finale",
        "Kelly's water breaks on Phoenix in the s3 finale",
        "Margo does a vanishing act in the s3 finale and turns up in Moscow",
        "the feds cart off Margo, she's frogmarched out in the s4 finale",
        "Danielle got winged in the Happy Valley riot in the s4 finale",
    ],
)
def test_slang_for_the_other_finale_outcomes(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ellen goes solo on the campaign trail in season 3",
        "Ed got wasted at the Outpost in season 1",  # drunk
        "Ed wasted the whole episode arguing with Karen",
        "Kelly's baby comes up a lot in season 3",
        "Gordo flies solo in the season 1 premiere",
    ],
)
def test_the_same_words_in_everyday_use(text: str) -> None:
    assert not spoils(text)


# --- "...killed me, RIP Gordo": the writer's figure ends at the comma --------------------


@pytest.mark.parametrize(
    "text",
    [
        "the s2 finale wrecked me, RIP Gordo and Tracy",
        "that episode destroyed me, Karen dies in the bombing",
    ],
)
def test_a_fate_after_the_writers_figure_still_counts(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    ["that scene had me dead, Gordo is hilarious", "Karen's speech killed me lmao"],
)
def test_the_writers_figure_itself_stays_a_figure(text: str) -> None:
    assert not spoils(text)


# --- defecting, being shot and taking the blame in each language --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Margo läuft im Finale von Staffel 3 zu den Sowjets über",
        "Margo wechselt die Seiten am Ende von Staffel 3",
        "à la fin de la saison 3 Margo passe aux Soviétiques",
        "alla fine della terza stagione Margo passa ai sovietici",
        "в финале третьего сезона Марго переходит на сторону Советов",
        "no final da terceira temporada a Margo vira casaca",
        "al final de la tercera temporada Margo cambia de bando",
        "Даниэль ранят во время бунта в финале четвёртого сезона",
        "no final da quarta temporada a Margo assume a culpa pela Aleida",
        "Margo porte le chapeau pour Aleida à la fin de la saison 4",
        "в финале четвёртого сезона Марго берёт вину на себя",
    ],
)
def test_defecting_shot_and_blame_in_other_languages(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen change de camp dans le débat en saison 2",
        "la tradizione della NASA in stagione 1 è bellissima, Margo compresa",
        "Ed porte un chapeau de cowboy en saison 1",
    ],
)
def test_look_alikes_of_defecting_and_blame(text: str) -> None:
    assert not spoils(text)


# --- killing in every tense; a judging question in every language -------------------------

KILLING = {
    "fr": ("dans le final de la saison 3, ils {} Molly", "tuent|tueront|tuaient|vont tuer"),
    "es": ("en el final de la temporada 3 {} a Molly", "matan|matarán|mataban|van a matar"),
    "pt": ("no final da terceira temporada eles {} a Molly", "matam|matarão|matavam|vão matar"),
    "de": ("im Finale der dritten Staffel {} sie Molly", "töten|töteten|ermorden"),
    "ru": ("в финале третьего сезона {} Молли", "убивают|убили|убьют"),
}


@pytest.mark.parametrize(
    ("language", "form"),
    [(language, form) for language, (_, forms) in KILLING.items() for form in forms.split("|")],
)
def test_killing_in_every_tense(language: str, form: str) -> None:
    assert spoils(KILLING[language][0].format(form))


@pytest.mark.parametrize(
    "text",
    [
        "c'était vraiment nécessaire de tuer Molly dans le final de la saison 3 ?",
        "¿era necesario matar a Molly en el final de la tercera temporada?",
        "war es nötig, Molly im Finale der dritten Staffel sterben zu lassen?",
        "обязательно было убивать Молли в финале третьего сезона?",
    ],
)
def test_a_judging_question_tells_in_other_languages(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿Molly muere al final de la temporada 3?",  # a genuine question still asks
        "stirbt Molly? ist es nötig, weiterzuschauen",
        "Molly mata el tiempo en el bar en la temporada 2",  # passes the time
        "Molly mata a saudade do Wubbo na temporada 2",  # misses him
    ],
)
def test_genuine_questions_and_killing_time_are_not(text: str) -> None:
    assert not spoils(text)


# --- plain paraphrases of finale outcomes --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the s2 finale is a one-way trip for Gordo and Tracy",
        "Gordo and Tracy's final moments in the s2 finale wrecked me",
        "in the s4 finale Miles cracks and gives them the hideout",
        "Aleida breaks the news of Sergei's death to Margo",
        "Dev gets removed from Helios by the board at the end of s3",
    ],
)
def test_plain_paraphrases_of_finale_outcomes(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Aleida breaks the news about the engine to Bill in s3",
        "Karen's last moments with Shane in ep 9 of s1",
        "Dev removed from the guest list in ep 2, lol",
    ],
)
def test_the_same_words_about_other_things(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Molly bites it in the s3 finale",
        "Deke bled out on the moon in the s1 finale",
        "Karen got snuffed out by that car bomb",
    ],
)
def test_more_slang_for_dying(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    ["Molly bit into the sandwich in ep 3", "Karen bit it on the ice in s2 ep 4, she's fine"],
)
def test_biting_in_everyday_use(text: str) -> None:
    assert not spoils(text)
