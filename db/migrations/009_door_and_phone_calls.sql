-- The door and notices by phone (issue 15): part of a party checked in, calls to attendees
-- without email, and whether the organiser has chosen the panel's order.

-- How many of the party came through the door: NULL while none has, else 1 up to the party
-- size (app/registrations/registrations.server.ts checkIn). checked_in_at stays the first
-- arrival's time. A registration checked in before this migration came as a whole party.
ALTER TABLE registrations ADD COLUMN checked_in_people INTEGER CHECK (checked_in_people >= 1);
UPDATE registrations SET checked_in_people = party_size WHERE checked_in_at IS NOT NULL;

-- An attendee without email hears about a change notice by phone. The newest change the
-- organiser's call told them about, and when the call was marked: a later change asks for a
-- new call. Personal data: retention erases both with the name and number.
ALTER TABLE registrations ADD COLUMN called_about_change INTEGER;
ALTER TABLE registrations ADD COLUMN called_at TEXT;

-- Set when an organiser first moves a question in the panel's order. Until then the panel's
-- exports group the questions by theme; after it they follow the organiser's order.
ALTER TABLE question_boards ADD COLUMN agenda_ordered_at TEXT;
