-- Member units of the groups a plan names ("UBND các xã, phường" → UBND xã Tân Chi, UBND xã Đại Lai, ...), declared
-- by an admin (`units add`). A task led by a group with members is tracked per member: each progress row says whose
-- share it is in `updates.unit`. Rows written before (unit NULL) keep their meaning: the task as a whole.
CREATE TABLE member_units (
  plan       TEXT NOT NULL,
  grp        TEXT NOT NULL,
  name       TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (plan, grp, name)
);

ALTER TABLE updates ADD COLUMN unit TEXT;
