-- The spoiler guard's journal: the SQLite tables of bot/store/migrations/0010, in
-- PostgreSQL's types, shared by every process. Two additions decide which process acts:
-- claimed_by names the process working an entry (its presence is a session advisory
-- lock, gone when the process is), and claim_token tells a retried insert of one's own
-- from another process's. A message is journalled once (the primary key), by one
-- process, and only that process acts on it while it lives.
CREATE TABLE community_guard_journal (
    message_id     bigint PRIMARY KEY,      -- the member's original message
    guild_id       bigint NOT NULL,
    channel_id     bigint NOT NULL,         -- where it was posted (a thread's own id)
    host_id        bigint NOT NULL,         -- whose webhook reposts it (a thread's parent)
    author_id      bigint NOT NULL,
    author_name    text NOT NULL,
    avatar_url     text NOT NULL,
    content        text NOT NULL,           -- the latest text its author wrote
    revision       timestamptz NOT NULL,    -- when that text was written
    reply_to       bigint,                  -- the message it answered, if any
    reply_channel  bigint,
    reply_author   text,
    attachments    text NOT NULL,           -- JSON: [{filename, url, size}]
    reason         text NOT NULL,           -- spoiler-free: "season 3 finale details"
    rules          text NOT NULL,           -- JSON: the rule keys that matched
    edited         boolean NOT NULL,        -- caught after an edit
    moderator      boolean NOT NULL,        -- a moderator asked: all tagged
    state          text NOT NULL CHECK (
        state IN ('seen', 'hidden', 'reposted', 'notified', 'done', 'given_up')
    ),
    outcome        text,                    -- why it is done or given up (spoiler-free)
    hide_attempts  integer NOT NULL DEFAULT 0,
    repost_after   bigint,                  -- a repost was sent: its id is above this one
    sent_text      text,                    -- the repost's exact text (sent, or being sent)
    webhook_id     bigint,
    repost_id      bigint UNIQUE,
    repost_stale   boolean NOT NULL DEFAULT false,
    reported       boolean NOT NULL DEFAULT false,
    seen_at        timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    claimed_by     integer NOT NULL DEFAULT 0,  -- the process working it (0: none, as
                                                -- for entries copied from SQLite)
    claim_token    bigint NOT NULL DEFAULT 0    -- the insert that journalled it
);
-- What start-up resumes: everything not finished, in the members' order.
CREATE INDEX community_guard_journal_open ON community_guard_journal (message_id)
    WHERE state NOT IN ('done', 'given_up') OR NOT reported OR repost_stale;
CREATE INDEX community_guard_journal_age ON community_guard_journal (updated_at);
CREATE INDEX community_guard_journal_guild ON community_guard_journal (guild_id, seen_at);

-- Attachment bytes, kept until the repost carries them.
CREATE TABLE community_guard_file (
    message_id bigint NOT NULL
        REFERENCES community_guard_journal (message_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    filename   text NOT NULL,
    data       bytea NOT NULL,
    PRIMARY KEY (message_id, position)
);

-- The newest message the guard saw in each channel: catch-up reads back to it.
CREATE TABLE community_guard_mark (
    channel_id bigint PRIMARY KEY,
    guild_id   bigint NOT NULL,
    message_id bigint NOT NULL
);

-- When a server last turned the guard on (as a snowflake).
CREATE TABLE community_guard_since (
    guild_id   bigint PRIMARY KEY,
    message_id bigint NOT NULL
);

-- Notices to authors, deleted after a few seconds (by whichever process comes first:
-- deleting a message is not tied to a shard).
CREATE TABLE community_guard_notice (
    message_id bigint PRIMARY KEY,
    channel_id bigint NOT NULL,
    delete_at  timestamptz NOT NULL
);
