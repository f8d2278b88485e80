-- The spoiler guard's journal. A member's message is written here before the guard
-- touches it, and each step after (hidden, reposted, the author told, the mod log
-- written) is recorded as it happens, so a crash at any point loses no member's text
-- and the guard resumes where it stopped. Community data: reloading canon never
-- touches it; finished entries are pruned after the retention the README states.
CREATE TABLE community_guard_journal (
    message_id     INTEGER PRIMARY KEY,     -- the member's original message
    guild_id       INTEGER NOT NULL,
    channel_id     INTEGER NOT NULL,        -- where it was posted (a thread's own id)
    host_id        INTEGER NOT NULL,        -- whose webhook reposts it (a thread's parent)
    author_id      INTEGER NOT NULL,
    author_name    TEXT NOT NULL,
    avatar_url     TEXT NOT NULL,
    content        TEXT NOT NULL,           -- the latest text its author wrote
    revision       TEXT NOT NULL,           -- when that text was written (ISO 8601, UTC)
    reply_to       INTEGER,                 -- the message it answered, if any
    reply_channel  INTEGER,
    reply_author   TEXT,
    attachments    TEXT NOT NULL,           -- JSON: [{filename, url, size}]
    reason         TEXT NOT NULL,           -- spoiler-free: "season 3 finale details"
    rules          TEXT NOT NULL,           -- JSON: the rule keys that matched (mod log, tagged)
    edited         INTEGER NOT NULL CHECK (edited IN (0, 1)),  -- caught after an edit
    moderator      INTEGER NOT NULL CHECK (moderator IN (0, 1)),  -- a moderator asked: all tagged
    state          TEXT NOT NULL CHECK (
        state IN ('seen', 'hidden', 'reposted', 'notified', 'done', 'given_up')
    ),
    outcome        TEXT,                    -- why it is done or given up (spoiler-free)
    hide_attempts  INTEGER NOT NULL DEFAULT 0,
    repost_after   INTEGER,                 -- a repost was sent: its id is above this one
    sent_text      TEXT,                    -- the repost's exact text (sent, or being sent)
    webhook_id     INTEGER,
    repost_id      INTEGER UNIQUE,
    repost_stale   INTEGER NOT NULL DEFAULT 0 CHECK (repost_stale IN (0, 1)),
    reported       INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),
    seen_at        TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
-- What start-up resumes: everything not finished, in the members' order.
CREATE INDEX community_guard_journal_open ON community_guard_journal (message_id)
    WHERE state NOT IN ('done', 'given_up') OR reported = 0 OR repost_stale = 1;
CREATE INDEX community_guard_journal_age ON community_guard_journal (updated_at);
CREATE INDEX community_guard_journal_guild ON community_guard_journal (guild_id, seen_at);

-- Attachment bytes, downloaded before the original is deleted (Discord then deletes
-- its files too) and dropped once the repost carries them.
CREATE TABLE community_guard_file (
    message_id INTEGER NOT NULL
        REFERENCES community_guard_journal (message_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    filename   TEXT NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (message_id, position)
) STRICT;

-- The newest message the guard saw in each channel: catch-up reads back to it.
CREATE TABLE community_guard_mark (
    channel_id INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    message_id INTEGER NOT NULL
) STRICT;

-- When a server last turned the guard on (as a snowflake): catch-up never reads back
-- past it, so messages from before the guard was on are left as they were.
CREATE TABLE community_guard_since (
    guild_id   INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL
) STRICT;

-- Notices to authors, deleted after a few seconds; kept here so one that could not be
-- deleted during an outage (or a restart) is deleted later.
CREATE TABLE community_guard_notice (
    message_id INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    delete_at  TEXT NOT NULL
) STRICT;
