-- The spoiler guard's review band: the SQLite tables of bot/store/migrations/0011, in
-- PostgreSQL's types, shared by every process. A server's threshold is cached by every
-- process (read for each message the guard checks), so it gets a version scope of its
-- own ('sensitivity', guild id) and is announced on the change feed like the rest.
CREATE TABLE community_guard_sensitivity (
    guild_id   bigint PRIMARY KEY,
    threshold  double precision NOT NULL CHECK (threshold BETWEEN 0.3 AND 0.95),
    set_by     bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A message the guard was unsure about, shown to the moderators; once decided, a
-- labelled example. The first decision wins: it is recorded only while label IS NULL.
CREATE TABLE community_guard_review (
    message_id     bigint PRIMARY KEY,
    guild_id       bigint NOT NULL,
    channel_id     bigint NOT NULL,
    author_id      bigint NOT NULL,
    content        text NOT NULL,               -- member text
    score          double precision NOT NULL,
    threshold      double precision NOT NULL,
    rules          text NOT NULL,               -- JSON: rule keys (tags only)
    log_message_id bigint,
    seen_at        timestamptz NOT NULL,
    label          text CHECK (label IN ('spoiler', 'fine')),
    decided_by     bigint,
    decided_at     timestamptz,
    CHECK ((label IS NULL) = (decided_by IS NULL) AND (label IS NULL) = (decided_at IS NULL))
);
CREATE INDEX community_guard_review_guild ON community_guard_review (guild_id, decided_at);
CREATE INDEX community_guard_review_open ON community_guard_review (seen_at) WHERE label IS NULL;

ALTER TABLE community_version DROP CONSTRAINT community_version_scope_check;
ALTER TABLE community_version ADD CONSTRAINT community_version_scope_check
    CHECK (scope IN ('user', 'guild', 'gaps', 'sensitivity'));
