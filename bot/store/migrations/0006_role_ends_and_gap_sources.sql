-- A cast listing's last season can give away how a character leaves ("seasons 1–2"):
-- the fate that ends the role is stored with it, so the seasons are shown only as
-- that fate would be.
ALTER TABLE canon_role ADD COLUMN ended_by INTEGER REFERENCES canon_episode (id);
ALTER TABLE canon_role ADD COLUMN ended_by_finale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE canon_role ADD COLUMN ended_by_carries TEXT NOT NULL DEFAULT '[]';

-- 'cache': the bot saw the gap in its own view of permissions (re-checked each time);
-- 'discord': Discord refused a request (kept until channels or roles change, or a restart).
ALTER TABLE community_permission_gap ADD COLUMN source TEXT NOT NULL DEFAULT 'cache';
