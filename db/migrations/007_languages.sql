-- The language a citizen used when they signed up, asked or subscribed, so what we send them
-- later is in that language. 'nb' (bokmål) for every row from before, and for sign-ups an
-- organiser adds by hand.
ALTER TABLE registrations ADD COLUMN language TEXT NOT NULL DEFAULT 'nb'
  CHECK (language IN ('nb', 'nn', 'en'));
ALTER TABLE questions ADD COLUMN language TEXT NOT NULL DEFAULT 'nb'
  CHECK (language IN ('nb', 'nn', 'en'));
ALTER TABLE case_subscriptions ADD COLUMN language TEXT NOT NULL DEFAULT 'nb'
  CHECK (language IN ('nb', 'nn', 'en'));
