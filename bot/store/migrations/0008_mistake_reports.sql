-- Members report mistakes in the canon data from a button under a lookup reply. Each
-- report is community data: who sent it, what it is about, what they wrote, and when.
-- Reloading canon never touches it; `python -m bot reports` prints them for maintainers.

CREATE TABLE community_report (
    id          INTEGER PRIMARY KEY,
    reporter_id INTEGER NOT NULL,
    guild_id    INTEGER,                -- NULL: sent from a direct message
    channel_id  INTEGER,
    message_id  INTEGER,                -- the reply the button was under
    subject     TEXT NOT NULL,          -- what the reply was about, e.g. 'character:ed-baldwin'
    text        TEXT NOT NULL,          -- what is wrong, as the member wrote it
    source      TEXT,                   -- where they saw the right answer, if they said
    created_at  TEXT NOT NULL,
    logged      INTEGER NOT NULL DEFAULT 0 CHECK (logged IN (0, 1))  -- reached the mod log
) STRICT;
CREATE INDEX community_report_reporter ON community_report (reporter_id, created_at);
CREATE INDEX community_report_created ON community_report (created_at);
