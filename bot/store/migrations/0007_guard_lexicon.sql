-- What the spoiler guard knows (the vocabulary in data/canon/guard/ and the characters'
-- names, roles and relations), as one JSON document: it ships and reloads with the canon
-- content, like the rules.

CREATE TABLE canon_guard_lexicon (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
) STRICT;
