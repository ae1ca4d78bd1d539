-- Up Migration
-- The office keeps its own directory: each unit's focal point (đầu mối), the substitute of a head
-- who is away, whether the unit still exists, and the unit it was merged into in a reorganisation.
-- A merged or closed unit's rows stay, so its history reads under the unit that took it over.
ALTER TABLE units
  ADD COLUMN focal_name       text,
  ADD COLUMN focal_email      text,
  ADD COLUMN substitute_name  text,
  ADD COLUMN substitute_email text,
  ADD COLUMN substitute_from  date,
  ADD COLUMN substitute_to    date,
  ADD COLUMN active           boolean NOT NULL DEFAULT true,
  ADD COLUMN merged_into      text,
  ADD COLUMN closed_at        timestamptz;
CREATE INDEX units_merged_into ON units (merged_into) WHERE merged_into IS NOT NULL;

-- Down Migration
DROP INDEX units_merged_into;
ALTER TABLE units DROP COLUMN focal_name, DROP COLUMN focal_email, DROP COLUMN substitute_name,
  DROP COLUMN substitute_email, DROP COLUMN substitute_from, DROP COLUMN substitute_to, DROP COLUMN active,
  DROP COLUMN merged_into, DROP COLUMN closed_at;
