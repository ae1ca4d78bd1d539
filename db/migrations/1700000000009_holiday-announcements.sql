-- Up Migration
-- The days off the government announced, one row a break (calendar/<year>.yaml). A year's rows
-- are replaced together by `dondoc calendar import`. The years dondoc ships are loaded at start
-- when missing (shipped = true), and never written over a year someone imported.
CREATE TABLE holiday_announcements (
  year integer NOT NULL,
  occasions text[] NOT NULL,
  off_from date NOT NULL,
  off_to date NOT NULL,
  make_up_days date[] NOT NULL DEFAULT '{}',
  notice_number text NOT NULL,
  notice_date date NOT NULL,
  notice_issuer text NOT NULL,
  source text NOT NULL,
  shipped boolean NOT NULL DEFAULT false,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, occasions)
);

-- Down Migration
DROP TABLE holiday_announcements;
