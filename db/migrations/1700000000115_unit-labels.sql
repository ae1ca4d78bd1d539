-- Up Migration
-- How pages name a unit in a list: its name, and where two units share one (each province has its
-- "Công an tỉnh"), its province after it (domain/unit-tree.ts choiceLabels). Kept by every write of
-- the directory (db/unit-labels.ts); empty until then, when the name stands in.
ALTER TABLE units ADD COLUMN label text;

-- Down Migration
ALTER TABLE units DROP COLUMN label;
