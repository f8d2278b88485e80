-- Community data shared by every fambot process: the same tables as SQLite's community_*
-- (bot/store/migrations), in PostgreSQL's types. Canon is not here: each process loads
-- it from data/canon into its own SQLite.

CREATE TABLE community_series_progress (
    user_id    bigint NOT NULL,
    series     text NOT NULL,               -- the series' code ('' for For All Mankind)
    episode_id integer,                     -- NULL: caught up
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, series)
);

CREATE TABLE community_guild_policy (
    guild_id       bigint PRIMARY KEY,
    embargo_days   integer NOT NULL CHECK (embargo_days BETWEEN 0 AND 60),
    tag_finales    boolean NOT NULL,
    guard_enabled  boolean NOT NULL,
    log_channel_id bigint,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- kind: 'spoiler' (replies need no tags), 'exempt' (the guard leaves it alone)
CREATE TABLE community_channel (
    guild_id   bigint NOT NULL,
    channel_id bigint NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('spoiler', 'exempt')),
    PRIMARY KEY (guild_id, channel_id, kind)
);

CREATE TABLE community_exempt_role (
    guild_id bigint NOT NULL,
    role_id  bigint NOT NULL,
    PRIMARY KEY (guild_id, role_id)
);

CREATE TABLE community_guard_term (
    guild_id   bigint NOT NULL,
    term       text NOT NULL,
    added_by   bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (guild_id, term)
);

-- 'cache': seen in the bot's own view of permissions; 'discord': Discord refused a request.
CREATE TABLE community_permission_gap (
    guild_id    bigint NOT NULL,
    channel_id  bigint NOT NULL,
    permission  text NOT NULL,
    reported_at timestamptz NOT NULL,
    source      text NOT NULL CHECK (source IN ('cache', 'discord')),
    PRIMARY KEY (guild_id, channel_id, permission)
);

CREATE TABLE community_guard_action (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guild_id   bigint NOT NULL,
    channel_id bigint NOT NULL,
    author_id  bigint NOT NULL,
    message_id bigint NOT NULL,
    repost_id  bigint,
    reason     text NOT NULL,               -- spoiler-free: rule ids and episode codes
    acted_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_guard_action_guild ON community_guard_action (guild_id, acted_at);

CREATE TABLE community_report (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reporter_id bigint NOT NULL,
    guild_id    bigint,                     -- NULL: sent from a direct message
    channel_id  bigint,
    message_id  bigint,                     -- the reply the button was under
    subject     text NOT NULL,              -- e.g. 'character:ed-baldwin'
    text        text NOT NULL,              -- what is wrong, as the member wrote it
    source      text,                       -- where they saw the right answer, if they said
    created_at  timestamptz NOT NULL DEFAULT now(),
    logged      boolean NOT NULL DEFAULT false  -- reached the mod log
);
CREATE INDEX community_report_reporter ON community_report (reporter_id, created_at);
CREATE INDEX community_report_created ON community_report (created_at);

-- What every process caches, versioned: a member's progress ('user', user id), a server's
-- settings and lists ('guild', guild id), a server's permission gaps ('gaps', guild id).
-- A write bumps its row (which also makes writers to one key take turns) and announces
-- scope:key:version on the fambot_community channel; a process replaces what it holds
-- only with a newer version, whatever order the news arrives in.
CREATE TABLE community_version (
    scope   text NOT NULL CHECK (scope IN ('user', 'guild', 'gaps')),
    key     bigint NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (scope, key)
);
