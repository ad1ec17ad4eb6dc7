import { nowIso, type DB } from "./connection";

export type MeetingStatus = "draft" | "published" | "cancelled";

export interface Meeting {
  id: number;
  slug: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  address: string;
  mapUrl: string | null;
  accessibility: string;
  capacity: number;
  maxPartySize: number;
  status: MeetingStatus;
  sequence: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItem {
  position: number;
  timeLabel: string | null;
  title: string;
}

export interface QuestionTheme {
  id: number;
  position: number;
  title: string;
  description: string;
}

export type NewMeeting = Omit<Meeting, "id" | "sequence" | "createdAt" | "updatedAt"> & {
  agenda?: Omit<AgendaItem, "position">[];
  themes?: Omit<QuestionTheme, "id" | "position">[];
};

const columns = `id, slug, title, description, starts_at AS startsAt, ends_at AS endsAt,
  venue_name AS venueName, address, map_url AS mapUrl, accessibility, capacity,
  max_party_size AS maxPartySize, status, sequence,
  registration_opens_at AS registrationOpensAt, registration_closes_at AS registrationClosesAt,
  contact_name AS contactName, contact_email AS contactEmail, contact_phone AS contactPhone,
  created_at AS createdAt, updated_at AS updatedAt`;

export function getMeetingBySlug(db: DB, slug: string): Meeting | undefined {
  return db.prepare(`SELECT ${columns} FROM meetings WHERE slug = ?`).get(slug) as
    | Meeting
    | undefined;
}

export function getMeetingById(db: DB, id: number): Meeting | undefined {
  return db.prepare(`SELECT ${columns} FROM meetings WHERE id = ?`).get(id) as
    | Meeting
    | undefined;
}

/** Published meetings that have not ended yet, soonest first. */
export function listUpcomingPublished(db: DB, now = nowIso()): Meeting[] {
  return db
    .prepare(
      `SELECT ${columns} FROM meetings WHERE status = 'published' AND ends_at > ? ORDER BY starts_at`,
    )
    .all(now) as Meeting[];
}

export function countMeetings(db: DB): number {
  return (db.prepare("SELECT count(*) AS n FROM meetings").get() as { n: number }).n;
}

export function insertMeeting(db: DB, m: NewMeeting): number {
  const now = nowIso();
  const insert = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO meetings (slug, title, description, starts_at, ends_at, venue_name, address,
           map_url, accessibility, capacity, max_party_size, status, registration_opens_at,
           registration_closes_at, contact_name, contact_email, contact_phone, created_at, updated_at)
         VALUES (@slug, @title, @description, @startsAt, @endsAt, @venueName, @address, @mapUrl,
           @accessibility, @capacity, @maxPartySize, @status, @registrationOpensAt,
           @registrationClosesAt, @contactName, @contactEmail, @contactPhone, @now, @now)`,
      )
      .run({ ...m, now });
    const id = Number(lastInsertRowid);
    replaceAgenda(db, id, m.agenda ?? []);
    replaceThemes(db, id, m.themes ?? []);
    return id;
  });
  return insert();
}

export function replaceAgenda(db: DB, meetingId: number, items: Omit<AgendaItem, "position">[]) {
  db.prepare("DELETE FROM agenda_items WHERE meeting_id = ?").run(meetingId);
  const stmt = db.prepare(
    "INSERT INTO agenda_items (meeting_id, position, time_label, title) VALUES (?, ?, ?, ?)",
  );
  items.forEach((item, i) => stmt.run(meetingId, i + 1, item.timeLabel ?? null, item.title));
}

export function replaceThemes(
  db: DB,
  meetingId: number,
  themes: Omit<QuestionTheme, "id" | "position">[],
) {
  db.prepare("DELETE FROM question_themes WHERE meeting_id = ?").run(meetingId);
  const stmt = db.prepare(
    "INSERT INTO question_themes (meeting_id, position, title, description) VALUES (?, ?, ?, ?)",
  );
  themes.forEach((t, i) => stmt.run(meetingId, i + 1, t.title, t.description));
}

export function getAgenda(db: DB, meetingId: number): AgendaItem[] {
  return db
    .prepare(
      `SELECT position, time_label AS timeLabel, title FROM agenda_items
       WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId) as AgendaItem[];
}

export function getThemes(db: DB, meetingId: number): QuestionTheme[] {
  return db
    .prepare(
      `SELECT id, position, title, description FROM question_themes
       WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId) as QuestionTheme[];
}

/** Moves a meeting in time; the calendar SEQUENCE goes up so calendars accept the update. */
export function rescheduleMeeting(db: DB, id: number, startsAt: string, endsAt: string) {
  db.prepare(
    `UPDATE meetings SET starts_at = ?, ends_at = ?, sequence = sequence + 1, updated_at = ?
     WHERE id = ?`,
  ).run(startsAt, endsAt, nowIso(), id);
}

export function setMeetingCapacity(db: DB, id: number, capacity: number) {
  db.prepare("UPDATE meetings SET capacity = ?, updated_at = ? WHERE id = ?").run(
    capacity,
    nowIso(),
    id,
  );
}
