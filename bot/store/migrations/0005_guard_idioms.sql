-- Phrases the spoiler guard never counts ("killed it", "dying to see"): part of the
-- detection rules, so they ship and reload with the canon content.

CREATE TABLE canon_guard_idiom (
    phrase TEXT PRIMARY KEY
) STRICT;
