-- Community data: per-user and per-server rows. Reloading canon never touches these
-- tables, and nothing here references canon rows by foreign key (episode keys are
-- stable integers, season * 100 + number, checked by the code that writes them).

CREATE TABLE community_progress (
    user_id    INTEGER PRIMARY KEY,
    episode_id INTEGER,                 -- NULL: caught up
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE community_guild_policy (
    guild_id       INTEGER PRIMARY KEY,
    embargo_days   INTEGER NOT NULL DEFAULT 7 CHECK (embargo_days BETWEEN 0 AND 60),
    tag_finales    INTEGER NOT NULL DEFAULT 1 CHECK (tag_finales IN (0, 1)),
    guard_enabled  INTEGER NOT NULL DEFAULT 0 CHECK (guard_enabled IN (0, 1)),
    log_channel_id INTEGER,
    updated_at     TEXT NOT NULL
) STRICT;

-- kind: 'spoiler' (replies need no tags), 'exempt' (the guard leaves it alone)
CREATE TABLE community_channel (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('spoiler', 'exempt')),
    PRIMARY KEY (guild_id, channel_id, kind)
) STRICT;

CREATE TABLE community_exempt_role (
    guild_id INTEGER NOT NULL,
    role_id  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, role_id)
) STRICT;

-- Extra words an admin wants the guard to treat as spoilers in this server.
CREATE TABLE community_guard_term (
    guild_id   INTEGER NOT NULL,
    term       TEXT NOT NULL,
    added_by   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, term)
) STRICT;

-- A missing permission is reported once, then remembered until it is granted.
CREATE TABLE community_permission_gap (
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    permission  TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id, permission)
) STRICT;

CREATE TABLE community_guard_action (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    author_id   INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    repost_id   INTEGER,
    reason      TEXT NOT NULL,          -- spoiler-free: rule ids and episode codes
    acted_at    TEXT NOT NULL
) STRICT;
CREATE INDEX community_guard_action_guild ON community_guard_action (guild_id, acted_at);
