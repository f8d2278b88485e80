"""Round 15b, what is said: classes of outcome wording missed in tuning10, each with
variants in several phrasings and languages and innocent look-alikes (the everyday and
figurative uses of the same words) that must stay untagged. Canon (data/canon,
../shared/reference/fam-facts.json): Ed shoots down the Sea Dragon (S2 finale); Danny
confesses and is exiled to the North Korean lander, where he lives alone (S3 finale).

(1) The Sea Dragon brought down: "the thing he brings down is the Sea Dragon", "brought the
    Sea Dragon down" (not "brought the house down", "brings down the mood").
(2) Danny sent to live alone, and the North Korean lander said as a craft ("nave",
    "vaisseau"), in Spanish, French, Italian and Portuguese: "lo mandan a vivir solo a la
    nave norcoreana" (not someone's brother who moved out to live alone).
(3) The Johnson Space Center and the astronaut office named in full in other languages, in
    a role: "la directora del Centro Espacial Johnson", "der Chef des Astronautenbüros" (not
    a visit to the real centre, nor its real staff).
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1) the Sea Dragon brought down
    "In 2x10 he's the one doing the shooting, and the thing Ed brings down is the Sea Dragon.",
    "Ed brings down the Sea Dragon in the s2 finale",
    "s2 finale: Ed brought the Sea Dragon down instead of the Buran",
    "the Sea Dragon gets brought down by Pathfinder at the end of season 2",
    "Ed decides to bring down the Sea Dragon rather than start a war",
    # (2) Danny sent to live alone at the lander, the lander as a craft
    "Danny confiesa lo del taladro y lo mandan a vivir solo a la nave norcoreana.",
    "En el final de la T3 mandan a Danny a vivir solo al módulo norcoreano.",
    "Danny acaba en la nave norcoreana, solo, en el final de la temporada 3.",
    "Danny avoue tout et on l'envoie vivre seul dans le vaisseau nord-coréen.",
    "Danny confessa e lo mandano a vivere da solo nella nave nordcoreana.",
    "Danny confessa e o mandam viver sozinho na nave norte-coreana.",
    # (3) JSC and the astronaut office in full, in other languages
    "Reseña del 3x10: la directora del Centro Espacial Johnson hace creer a todo el mundo "
    "que murió en la explosión.",
    "la directora del Centro Espacial Johnson muere en el final de la T3",
    "La directrice du Centre spatial Johnson fait croire à tout le monde qu'elle est morte, "
    "fin de la saison 3.",
    "la direttrice del Centro spaziale Johnson finge la sua morte nel finale della stagione 3",
    "a diretora do Centro Espacial Johnson finge a própria morte no final da temporada 3",
    "Staffelfinale 1: Der Chef des Astronautenbüros überlebt seine Verletzungen nicht.",
    "Der Leiter des Astronautenbüros stirbt im Finale der ersten Staffel.",
]

INNOCENT = [
    # (1) the same verb with other objects, the Sea Dragon's own scene
    "My Sea Dragon cosplay brought the house down at the con.",
    "Ed's speech in 2x10 brought the house down at our watch party.",
    "Ed brings down the mood at the barbecue in 1x02",
    "Gary's jokes brought the whole Pathfinder crew down in 2x04",
    "the Sea Dragon model kit I bought brought me down to earth, half the parts were missing",
    "the shipping fees for my Sea Dragon model brought down the price of nothing",
    # (2) someone moving out to live alone, the craft with nobody in it
    "Mi hermano Danny se fue a vivir solo a Madrid el año pasado.",
    "Mis padres me mandaron a vivir solo a los 18 y fue lo mejor.",
    "Mon frère Danny est parti vivre seul à Lyon.",
    "Mio cugino Danny è andato a vivere da solo a Milano.",
    "La nave norcoreana aparece por primera vez en el 3x05.",
    # (3) the real centre and its real staff, a visit
    "Visité el Centro Espacial Johnson en Houston el verano pasado y me morí de calor.",
    "Mi tía trabajó en el Centro Espacial Johnson toda su vida.",
    "Le vrai directeur du Centre spatial Johnson a pris sa retraite en 2005.",
    "Im echten Leben war Deke Slayton Chef des Astronautenbüros.",
    "Mein Onkel war Ingenieur im Raumfahrtzentrum in Houston.",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15b_outcome_wording_is_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15b_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
