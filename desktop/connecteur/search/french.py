"""French word lists for search: stop words, elisions, and the names people give
to kinds of items.

All words are written folded (lower case, no accents, ``œ`` → ``oe``) because they
are compared with folded tokens.
"""

from __future__ import annotations

# Elided forms (``l’usager``, ``jusqu’ici``): once the tokenizer has split on the
# apostrophe they are left alone as tokens and must go.
ELISIONS = frozenset({
    "l", "d", "qu", "n", "s", "c", "j", "m", "t",
    "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
})

# The Snowball list (as shipped in whoosh.lang.stopwords, folded), completed with the
# articles, determiners, pronouns and conjunctions it lacks. Words that carry meaning
# in a query (« sans », « contre », « non », « moins ») are deliberately kept.
_SNOWBALL = """
ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayante ayantes
ayants ayez ayons c ce ces d dans de des du elle en es est et eu eue eues eumes eurent
eus eusse eussent eusses eussiez eussions eut eutes eux furent fus fusse fussent fusses
fussiez fussions fut fumes futes il j je l la le leur lui m ma mais me mes moi mon meme
n ne nos notre nous on ont ou par pas pour qu que qui s sa se sera serai seraient serais
serait seras serez seriez serions serons seront ses soient sois soit sommes son sont
soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y a etaient etais
etait etant etante etantes etants etiez etions ete etee etees etes etre
"""
_COMPLETION = """
les plus cette comme cet celle celles celui ceux ci ca cela ceci dont donc ils elles
leurs lorsque puisque quand quel quels quelle quelles quoi si tout tous toute toutes
aussi ainsi alors car chez entre vers tres trop peu etc lequel laquelle lesquels
lesquelles auquel auxquels auxquelles duquel desquels desquelles ou avoir ni meme memes
autre autres sinon dont afin apres avant depuis pendant selon parmi
"""
STOP_WORDS = frozenset(_SNOWBALL.split()) | frozenset(_COMPLETION.split()) | ELISIONS

# Folded (singular) words whose Snowball stem is wrong for this library: ``usager``
# would share ``usag`` with ``usage`` (a user is not a use), and ``publique`` would
# not meet ``public`` (the same adjective).
STEM_OVERRIDES = {"usager": "usager", "usagere": "usager", "publique": "public"}

# Words of a web address that say nothing about it.
URL_NOISE = frozenset({"http", "https", "ftp", "www", "html", "htm", "php", "asp", "aspx",
                       "index"})

# What a user may type after ``type:`` → the kind stored in the index.
KIND_ALIASES: dict[str, str] = {
    "session": "session", "sessions": "session",
    "lead": "lead", "leads": "lead", "piste": "lead", "pistes": "lead",
    "reflexion": "lead",
    "field_site": "field_site", "fieldsite": "field_site", "terrain": "field_site",
    "terrains": "field_site",
    "resource": "resource", "resources": "resource", "ressource": "resource",
    "ressources": "resource", "reference": "resource", "references": "resource",
    "speaker": "speaker", "speakers": "speaker", "intervenant": "speaker",
    "intervenants": "speaker", "intervenante": "speaker", "intervenantes": "speaker",
    "intervenant.e": "speaker", "intervenant.e.s": "speaker",
    "note": "note", "notes": "note",
}

# The French name of each kind, as shown in messages and on the command line.
KIND_LABELS: dict[str, str] = {
    "session": "session", "lead": "piste de réflexion", "field_site": "terrain",
    "resource": "ressource", "speaker": "intervenant·e", "note": "note",
}
KIND_PLURALS: dict[str, str] = {
    "session": "sessions", "lead": "pistes de réflexion", "field_site": "terrains",
    "resource": "ressources", "speaker": "intervenant·e·s", "note": "notes",
}

# Words too general to say what an item is about — light verbs, question words, vague
# nouns and adverbs — left out when looking for related items: sharing « existe » and
# « mise en place » does not make a charter of commons related to a lead on the memory
# of past expertise. Searching for them still works. Compared by stem, so one form of
# each is enough (but a conjugated form may have a stem of its own).
_RELATED_IGNORED = """
probleme problematique question questionnement enjeu point sujet maniere facon moyen
cas chose type niveau forme partie part place mise lieu lieux exemple ex fait fois temps
periode situation besoin nouveau nouvelle nouveaux nouvelles grand grande
certain certaine chaque autre meme propre different differente general generale
exister mettre mis passer passe faire pouvoir peut peuvent devoir doit falloir faut
aller va venir donner prendre permettre permet rendre voir savoir dire trouver poser
tenir arriver sembler rester agir agit apparaitre apparu etre avoir vient viennent
prend prennent met mettent font donne donnent rend rendent semble reste trouve
pose tient voit dit
comment pourquoi combien bien mieux encore deja toujours jamais souvent vraiment
notamment plutot beaucoup davantage surtout particulier particulierement ensemble
"""
RELATED_IGNORED = frozenset(_RELATED_IGNORED.split())
