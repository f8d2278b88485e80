-- Canon tables leave the numbered migrations: they are derived from data/canon, so the
-- loader builds them from bot/store/canon_schema.py on every (re)load instead. Dropping
-- them here empties canon_meta too, so the next start loads the content afresh.
-- From here on the numbered migrations hold community data only; members' rows are
-- untouched.
PRAGMA defer_foreign_keys = ON;
DROP TABLE canon_search;
DROP TABLE canon_guard_lexicon;
DROP TABLE canon_guard_idiom;
DROP TABLE canon_guard_rule;
DROP TABLE canon_event;
DROP TABLE canon_fact;
DROP TABLE canon_role;
DROP TABLE canon_actor;
DROP TABLE canon_character;
DROP TABLE canon_episode;
DROP TABLE canon_season;
DROP TABLE canon_series;
DROP TABLE canon_source;
DROP TABLE canon_meta;
