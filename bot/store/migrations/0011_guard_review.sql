-- The spoiler guard's review band (issue 9). Community data: reloading canon never
-- touches these tables.

-- How sure the guard must be before it tags a message in this server (server policy).
-- No row: the guard's default. The review band sits below it (see bot/sensitivity.py).
CREATE TABLE community_guard_sensitivity (
    guild_id   INTEGER PRIMARY KEY,
    threshold  REAL NOT NULL CHECK (threshold BETWEEN 0.3 AND 0.95),
    set_by     INTEGER NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- A message the guard was unsure about: shown to the moderators in the mod log with
-- Tag it / Not a spoiler, nothing deleted. Once decided it is a labelled example the
-- server can export (/spoilers guard examples). Undecided rows are pruned after a while;
-- decided ones are capped per server (oldest first). See docs/spoiler-guard.md.
CREATE TABLE community_guard_review (
    message_id     INTEGER PRIMARY KEY,   -- the member's message
    guild_id       INTEGER NOT NULL,
    channel_id     INTEGER NOT NULL,
    author_id      INTEGER NOT NULL,
    content        TEXT NOT NULL,         -- the text as the guard read it (member text)
    score          REAL NOT NULL,         -- the guard's score when it asked
    threshold      REAL NOT NULL,         -- the server's threshold then
    rules          TEXT NOT NULL,         -- JSON: rule keys (they name things: tags only)
    log_message_id INTEGER,               -- the mod-log card, once posted
    seen_at        TEXT NOT NULL,
    label          TEXT CHECK (label IN ('spoiler', 'fine')),  -- NULL: not decided yet
    decided_by     INTEGER,
    decided_at     TEXT,
    CHECK ((label IS NULL) = (decided_by IS NULL) AND (label IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX community_guard_review_guild ON community_guard_review (guild_id, decided_at);
CREATE INDEX community_guard_review_open ON community_guard_review (seen_at) WHERE label IS NULL;
