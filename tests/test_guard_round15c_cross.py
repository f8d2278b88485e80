"""Round 15c, across sentences: structures that carry a character named in one sentence to
the finale outcome told in a later one.

- A character named as the object of "call" is ours, and a later "she"/"he" can point at
  her: "called" is a naming word ("a friend called Margo", "my dog is called Molly") only
  when nothing but the name's own words follow it. A particle or a conjunction just after
  it (`particle` in en.toml: "the FBI gets called in on Margo", "my cat called in sick
  and Margo ...") or a subject just before it with the name straight after ("Aleida calls
  Margo", "then she called Molly") makes a call of it, not a name. Before, the name was
  set aside as a namesake, so the pronoun in the next sentence found nobody
  (tuning10: "The FBI getting called in on Margo is 3x09. In 3x10 she gets out from
  under them by letting the world think she died in the blast.").
- A subject left out in Spanish (and notes-style French) after a sentence naming the
  character: "Karen es genial. Muere en el final de la temporada 3." Accents dropped, "el"
  and "la" are the pronouns "él", "la" as well as articles, so the sentence seemed to have
  a pronoun, found it no outcome to go with, and was never read as subjectless. Now, when
  no outcome takes any pronoun there and every one of them can be an article (a
  `determiner` of some language), the subject is left out and the sentence before is its
  topic, as in Italian and Portuguese. And a clitic the outcome opens with is its object
  ("Pobre Danny. Lo echan del grupo en el final de la temporada 3.").
- An object pronoun just after the outcome ("Ellen buries him on the moon"), or a clitic
  just before it after a name ("Ellen lo entierra"), is whom it happens to, though another
  character is named just before the outcome; before, that character was taken as the
  outcome's own and the pronoun was never read (tuning10: "Ellen begräbt ihn auf dem Mond",
  "Ellen buries him up there" were left untagged, the message caught by another
  sentence). "her" followed by a noun is a possessive ("Ed kills her dog"): only before a
  break or a `particle` (en.toml) is it the object.
- "They" pointing at a crowd named in an earlier sentence (`crowd`: "crew", "Besatzung",
  "tripulación", "экипаж"; the plural pronoun as `group` or `they` in each language file):
  "Think about the Mars crew's choice in the finale. ... They ... settle in to wait for a
  rescue" (tuning10; opened8's "Everyone else? They stay on Mars ..." was left untagged).
  Not a crowd of the writer's ("my film crew", "the crew of my cruise ship"); an outcome
  placed in another episode is discounted, as in one sentence (and now for "it" too:
  "The heist crew in season 4. They pull it off in episode 2.").
"""

from __future__ import annotations

import pytest

from bot.guard import inspect, tag_finding
from tests.finale_matcher import matcher, spoils

CALLED_ON = [
    "The FBI getting called in on Margo is 3x09. In 3x10 she fakes her death.",
    "The FBI gets called in on Margo in 3x09. In the finale she fakes her own death.",
    "The FBI called in on Margo in 3x09. In 3x10 she lets the world think she died in the blast.",
    "Aleida called Margo right before the blast. She fakes her death in the s3 finale.",
    "Aleida calls Margo in 3x09. In 3x10 she fakes her death.",
    "Ed called on Margo to testify. In the finale she fakes her death.",
    "Then he called Margo one last time. In 3x10 she fakes her death and runs to Moscow.",
    "The FBI gets called in on Margo and she fakes her death in the s3 finale.",
    "my cat called in sick and Margo died in the s3 finale",
]

CALLED_ON_INNOCENT = [
    # a namesake named so: the name straight after "called", or after its object
    "a friend called Margo died in the s3 finale of her life lol",
    "my dog is called Margo and she died in 3x10 of my rewatch, RIP good girl",
    "I named my Mars rover in Kerbal 'Danny' and it exploded on landing",
    "my cat called Molly dies in the s3 finale of her nine lives",
    "my coworker called Karen died in the car crash last week",
    "my dog called Gordo in the garden died yesterday",
    # ours, but a mid-season outcome or none
    "Ed calls Karen in 3x04. She gets angry in 3x05.",
    "The FBI gets called in on Margo in 3x09. She is furious in 3x09.",
    "Aleida calls Margo in 3x09. She hangs up on her.",
]


@pytest.mark.parametrize("text", CALLED_ON)
def test_a_character_called_is_ours_for_a_later_pronoun(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", CALLED_ON_INNOCENT)
def test_a_namesake_called_so_is_left(text: str) -> None:
    assert not spoils(text)


LEFT_OUT_SUBJECT = [
    "Karen es genial. Muere en el final de la temporada 3.",
    "Gordo y Tracy salen al reactor. Mueren en el final de la temporada 2.",
    "Gordo y Tracy salen al reactor. Y mueren en la luna en el final de la temporada 2.",
    "Deke es el corazón de la temporada 1. Muere en la Luna en el último episodio.",
    "Margo lo sacrifica todo. Finge su muerte en el final de la temporada 3.",
    "Gordo et Tracy sortent vers le réacteur. Meurent dans le final de la saison 2.",
    "Pobre Danny. Lo echan del grupo en el final de la temporada 3.",
    "Pobre Dev. Lo defenestran en el final de la temporada 3.",
]

LEFT_OUT_SUBJECT_INNOCENT = [
    "Karen es genial. Muere de risa con el final de la temporada 3.",
    "Karen es genial. Muere de ganas de ver el final de la temporada 3.",
    "Mi tía Karen es genial. Muere de risa con el final de la temporada 3.",
    "Mi perro Gordo es genial. Muere en el final de la temporada 2 de mi vida.",
    "Karen Carpenter era genial. Muere en 1983.",
    "Shane es un encanto. Muere en el episodio 8 de la temporada 1.",
    "Pobre Danny. Lo echan de menos en el final de la temporada 3.",
    "Pobre Danny. Lo echan del bar en el episodio 3.",
    "Pobre Dev, mi compañero de piso. Lo echan del trabajo en el final de temporada.",
    "Pobre Miles. Lo invitan a cenar en el final de la temporada 4.",
    # a thing of theirs, not them (round 9)
    "Margo and Molly in the s3 finale. Their whole friendship, gone.",
]


@pytest.mark.parametrize("text", LEFT_OUT_SUBJECT)
def test_a_subject_left_out_after_a_name_is_read(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", LEFT_OUT_SUBJECT_INNOCENT)
def test_a_left_out_subject_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


def test_the_sentence_of_the_outcome_is_tagged_too() -> None:
    """tuning10: only the question naming them was tagged, and "se mueren abrazados en la
    luna" was left in the open."""
    text = (
        "wait so Gordo y Tracy no vuelven?? se mueren abrazados en la luna después de "
        "arreglar el reactor, no puedo más"
    )
    finding = inspect(text, matcher())
    assert finding
    tagged = tag_finding(finding)
    assert tagged is not None and "||se mueren abrazados" in tagged


DONE_TO_HIM = [
    "Deke is great. Ellen buries him on the moon in the finale.",
    "Deke is great. Then Ellen buries him on the moon.",
    "Chris Bauer's Deke is the heart of season 1. By the final episode Ellen buries him on "
    "the moon.",
    "Deke ist toll. Ellen begräbt ihn im Finale auf dem Mond.",
    "Deke es genial. Ellen lo entierra en la Luna en el final de la temporada 1.",
    "Karen is great. Ed loses her at JSC in the s3 finale.",
    "Gordo is great. Tracy watches him die on the moon.",
]

DONE_TO_HIM_INNOCENT = [
    "Deke is great. Ellen kisses him in the finale.",
    "Deke es genial. Ellen lo abraza en el final de la temporada 1.",
    "Karen is great. Ed hugs her at JSC in the s3 finale.",
    "Molly es genial. Margo la despide en el episodio 2 de la temporada 3.",
    # a possessive "her", not the object
    "Karen is great. Ed kills her dog in the finale.",
    "Molly is great. Ellen loses her number in the finale.",
    "Karen is great. Ed buries her secret in the s3 finale.",
    "Margo is great. Aleida destroys her career in the s3 finale.",
]


@pytest.mark.parametrize("text", DONE_TO_HIM)
def test_an_object_pronoun_after_the_outcome_is_whom_it_happens_to(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", DONE_TO_HIM_INNOCENT)
def test_an_object_pronoun_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


def test_the_burial_sentence_is_tagged_too() -> None:
    """tuning10: the burial was the sentence left in the open."""
    text = (
        "Deke gets hurt when Apollo 24's engine fires on its own, and I spent all of 1x10 "
        "hoping he'd pull through. He doesn't. Ellen buries him up there."
    )
    finding = inspect(text, matcher())
    tagged = tag_finding(finding)
    assert finding and tagged is not None and "||Ellen buries him up there.||" in tagged


THEY_THE_CREW = [
    "The Mars crew is great. They wait for a rescue.",
    "Think about the Mars crew's choice in the finale. There is one ride off the planet. They "
    "give it to the pregnant woman and her father and settle in to wait for a rescue, however "
    "long that turns out to be.",
    "The Happy Valley crew make their choice in the s3 finale. They stay behind on Mars.",
    "Die Besatzung auf dem Mars trifft im Finale eine Wahl. Sie bleiben auf dem Mars zurück.",
    "La tripulación de Marte toma una decisión en el final. Ellos se quedan en Marte "
    "esperando un rescate.",
    "L'équipage de Mars fait un choix dans le final. Ils restent bloqués sur Mars.",
    "Экипаж на Марсе делает выбор в финале. Они остаются на Марсе ждать спасения.",
]

THEY_THE_CREW_INNOCENT = [
    "The crew of my cruise ship was great. They wait for a rescue every time the engine breaks.",
    "My film crew wrapped early. They stay on Mars in the game we played after.",
    "Mi tripulación de vela es genial. Ellos se quedan en Marte en el videojuego.",
    "The Mars crew is great. My neighbours wait for a rescue too.",
    "The crew is great. Their wait for a rescue in my fanfic is long.",
    # another episode
    "The Mars crew is great in season 3. They wait for a rescue in episode 4.",
    "The heist crew in season 4. They pull it off in episode 2.",
]


@pytest.mark.parametrize("text", THEY_THE_CREW)
def test_they_after_a_crowd_is_the_crowd(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", THEY_THE_CREW_INNOCENT)
def test_a_crowd_look_alike_is_left(text: str) -> None:
    assert not spoils(text)
