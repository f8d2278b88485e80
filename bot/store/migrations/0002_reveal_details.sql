-- Story text shown after a finale can restate that finale's outcome; such text is a
-- finale detail too. `carries` lists (as JSON episode keys) the finales it gives away.

ALTER TABLE canon_season ADD COLUMN carries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE canon_episode ADD COLUMN carries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE canon_character ADD COLUMN carries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE canon_fact ADD COLUMN carries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE canon_event ADD COLUMN carries TEXT NOT NULL DEFAULT '[]';

-- When a character's first appearance is not recorded: the earliest episode by which
-- what we say about them is known (a confirmed appearance, or the premiere of the
-- season whose pre-release casting announced them). Their intro is revealed there.
ALTER TABLE canon_character ADD COLUMN known_from INTEGER REFERENCES canon_episode (id);
