-- Reserved for the guard's review tables (branch guardcog, 0011_guard_review.sql): this
-- file only keeps the versions in sequence until that branch is merged, and is replaced
-- by it then. It changes nothing.
SELECT 1;
