"""How far the frame rules reach: the distances, in characters, within which a word or a name belongs to a value."""

from __future__ import annotations

# How far (in characters) a cue may stand from the value it names.
CUE_REACH = 220
# A scope word belongs to a value when it stands this close to the value, or to the value's cue.
QUALIFIER_REACH = 60
QUALIFIER_CUE_REACH = 30
# A value this close to the start of its sentence is a fronted adverbial ("On May 4, ..., X was announced"):
# its cue may stand past a clause break.
FRONTED = 25
# How much farther a fact's word stands when a comma stands between it and the value.
COMMA_PENALTY = 30.0
# How much farther a money fact's word stands for its date than a date fact's word ("a deal signed in May").
DATED_PENALTY = 40.0
# How far a cue may stand from a count of a noun of its own ("une application en plusieurs langues").
NOUN_REACH = 30
# How far before a name a place preposition may stand ("in the southern Varnholm province").
PLACE_REACH = 40
# How far apart two variants of a list stand ("X Pro和X Max", "the Pro version and the Max version").
LIST_GAP = 20
