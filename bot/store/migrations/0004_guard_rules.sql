-- The spoiler guard's detection rules ship with the canon content (data/canon/guard.toml,
-- plus one rule per character fate), so they reload with it.

ALTER TABLE canon_fact ADD COLUMN key TEXT;  -- finale details: their id; fates: fate:<who>:<code>

CREATE TABLE canon_guard_rule (
    id         TEXT PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
    is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
    carries    TEXT NOT NULL,           -- JSON episode keys, as on canon_fact
    subjects   TEXT NOT NULL,           -- JSON array of phrases
    actions    TEXT NOT NULL,           -- JSON array of phrases; empty: a subject suffices
    covers     TEXT NOT NULL            -- JSON array of the fact keys the rule detects
) STRICT;
