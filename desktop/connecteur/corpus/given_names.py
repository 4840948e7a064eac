"""Common given names, to tell "Valérie Fernandez" from "Fernandez Valérie".

The resources name their authors either way round; a name is read family-first only
when its last word is a known given name and its first word is not. A name whose
order cannot be told this way is kept whole, as written (see :mod:`.citations`).
"""

from __future__ import annotations

_NAMES = """
adam adrien agnès ahmed alain alexandre alexis ali alice amandine amélie anaïs andré
anne annie antoine arnaud aude aurélie aurélien axelle baptiste bastien béatrice benjamin
benoît bérénice bernard boris brigitte bruno camille carlos carole caroline catherine
cécile cédric céline charles charlotte chloé christelle christian christine christophe
claire claude clémence clément colette constance corentin corinne cyril damien daniel
danièle danielle david delphine denis diana diane didier dimitri dominique édith edgar
élisabeth élodie elsa émilie emma emmanuel éric eric estelle étienne eva évelyne fabien
fabienne fabrice florence florent florian françois françoise franck frank frédéric
frédérique gabriel gabrielle gaël gaëlle gaëtan geert geoffroy george georges gérald
gérard ghislaine gilles gisèle grégoire grégory guillaume hadrien hassan hélène henri
hervé hugo hugues ingrid irène isabel isabelle ivan jacqueline jacques james jean jeanne
jérôme joan joanna joël joëlle johanna john jonathan jordan joseph josiane jules julia
julie julien juliette justine karim karine karl kevin laura laure laurence laurent laurie
léa léo léonie lionel lise louis louise loïc luc lucas lucie lucien lucille ludovic magali
manon marc marcel margaux maria marianne marie marine marion marius martin martine
marvin mathias mathieu mathilde matthias matthieu maud maxime mehdi mélanie michaël
michel michèle michelle mickaël mohamed monique morgan morgane muriel myriam nabil nadia
nadine nassim nathalie nathan nicholas nicolas nicole nina noël noémie océane odile olivier
omar pascal pascale pascaline patrice patricia patrick paul pauline peggy peter philippe
pierre quentin rachel rachid raphaël raymond régis réjane rémi rémy renaud rené richard
robert rodolphe roger romain rose roxane sabine samir samuel sandra sandrine sarah
sébastien serge séverine simon solange solène sonia sophie stella stéphane stéphanie
suzanne sylvain sylvie sylviane théo thibault thierry thomas tristan valentin valentine
valérie vanessa véronique victor victoria vincent virginie william xavier yann yannick
yasmine yoann yves yvonne zoé
"""

GIVEN_NAMES = frozenset(_NAMES.split())


def is_given_name(word: str) -> bool:
    """Whether ``word`` (``Pierre-Henri`` too) is a known given name."""
    parts = word.casefold().split("-")
    return bool(word) and all(part in GIVEN_NAMES for part in parts)
