-- What the spoiler guard knows (the vocabulary in data/canon/guard/ and every series'
-- characters: names, roles and relations), as one JSON document: it ships and reloads
-- with the canon content, like the rules.

CREATE TABLE canon_guard_lexicon (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
) STRICT;

-- The lexicon is derived from the files, and the rules now name characters and meaning
-- classes rather than spelling them out: forgetting the fingerprint makes the next start
-- load the content again, so no database runs the guard without a lexicon.
DELETE FROM canon_meta WHERE key = 'fingerprint';
