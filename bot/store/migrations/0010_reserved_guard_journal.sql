-- Reserved for the guard journal (branch pipeline, 0010_guard_journal.sql): this file
-- only keeps the versions in sequence until that branch is merged, and is replaced by
-- it then. It changes nothing.
SELECT 1;
