import { nowIso, type DB } from "./connection";

export type MeetingStatus = "draft" | "published" | "cancelled";

/** How a meeting can be attended: in the hall, online (streamed), or both (ADR 0016). */
export type MeetingAttendance = "hall" | "online" | "both";

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
  /** What attendees should bring or know in practice; may be empty. */
  whatToBring: string;
  /** What the question form tells askers about this case; empty for the neutral default. */
  questionGuidance: string;
  capacity: number;
  maxPartySize: number;
  status: MeetingStatus;
  sequence: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** Hours before the start at which reminders go out. */
  reminderHours: number[];
  attendance: MeetingAttendance;
  /** Minutes before the start from which online attendees see the stream link. */
  streamRevealMinutes: number;
  /** Online places, counted in people; null for no limit. */
  onlineCapacity: number | null;
  /** The recording's address, added after the meeting. */
  recordingUrl: string | null;
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

export type NewMeeting = Omit<
  Meeting,
  | "id"
  | "sequence"
  | "createdAt"
  | "updatedAt"
  | "reminderHours"
  | "whatToBring"
  | "questionGuidance"
  | OnlineFields
  | "recordingUrl"
> &
  Partial<Pick<Meeting, OnlineFields | "recordingUrl">> & {
    whatToBring?: string;
    questionGuidance?: string;
    reminderHours?: number[];
    agenda?: Omit<AgendaItem, "position">[];
    themes?: Omit<QuestionTheme, "id" | "position">[];
  };

/** The editor's fields for online attendance (the stream itself is MeetingStream). */
type OnlineFields = "attendance" | "streamRevealMinutes" | "onlineCapacity";

/** What a meeting created or saved without online fields gets: the hall only. */
const onlineDefaults = (m: Partial<Pick<Meeting, OnlineFields>>) => ({
  attendance: m.attendance ?? "hall",
  streamRevealMinutes: m.streamRevealMinutes ?? 15,
  onlineCapacity: m.onlineCapacity ?? null,
});

/**
 * Where online attendees follow the meeting. Kept out of Meeting on purpose: what pages,
 * feeds and loaders get of a meeting cannot carry it. Only the stream rule
 * (app/registrations/stream.server.ts) and the editor read it.
 */
export interface MeetingStream {
  /** The stream's https address; null until the organiser has it. */
  streamUrl: string | null;
  /** Phone dial-in (number and code); may be empty. */
  dialIn: string;
}

export function getMeetingStream(db: DB, id: number): MeetingStream {
  return (
    db
      .prepare<unknown[], MeetingStream>(
        "SELECT stream_url AS streamUrl, dial_in AS dialIn FROM meetings WHERE id = ?",
      )
      .get(id) ?? { streamUrl: null, dialIn: "" }
  );
}

export function setMeetingStream(db: DB, id: number, stream: MeetingStream) {
  db.prepare("UPDATE meetings SET stream_url = ?, dial_in = ? WHERE id = ?").run(
    stream.streamUrl,
    stream.dialIn,
    id,
  );
}

const columns = `id, slug, title, description, starts_at AS startsAt, ends_at AS endsAt,
  venue_name AS venueName, address, map_url AS mapUrl, accessibility, what_to_bring AS whatToBring,
  question_guidance AS questionGuidance, capacity,
  max_party_size AS maxPartySize, status, sequence,
  registration_opens_at AS registrationOpensAt, registration_closes_at AS registrationClosesAt,
  contact_name AS contactName, contact_email AS contactEmail, contact_phone AS contactPhone,
  reminder_hours AS reminderHours, attendance,
  stream_reveal_minutes AS streamRevealMinutes, online_capacity AS onlineCapacity,
  recording_url AS recordingUrl, created_at AS createdAt, updated_at AS updatedAt`;

type Row = Omit<Meeting, "reminderHours"> & { reminderHours: string };
const fromRow = (row: Row | undefined): Meeting | undefined =>
  row && { ...row, reminderHours: JSON.parse(row.reminderHours) as number[] };

export function getMeetingBySlug(db: DB, slug: string): Meeting | undefined {
  return fromRow(
    db.prepare<unknown[], Row>(`SELECT ${columns} FROM meetings WHERE slug = ?`).get(slug),
  );
}

export function getMeetingById(db: DB, id: number): Meeting | undefined {
  return fromRow(
    db.prepare<unknown[], Row>(`SELECT ${columns} FROM meetings WHERE id = ?`).get(id),
  );
}

export function isSlugTaken(db: DB, slug: string, exceptId?: number): boolean {
  return (
    db
      .prepare("SELECT 1 FROM meetings WHERE slug = ? AND id IS NOT ?")
      .get(slug, exceptId ?? null) !== undefined
  );
}

/** Every meeting for organisers: upcoming first (soonest first), then past (latest first). */
export function listAllMeetings(db: DB, now = nowIso()): Meeting[] {
  return db
    .prepare<unknown[], Row>(
      `SELECT ${columns} FROM meetings
         ORDER BY ends_at <= ?, CASE WHEN ends_at > ? THEN starts_at END,
                  CASE WHEN ends_at <= ? THEN starts_at END DESC`,
    )
    .all(now, now, now)
    .map((r) => fromRow(r)!);
}

/** Published meetings that have not ended yet, soonest first. */
export function listUpcomingPublished(db: DB, now = nowIso()): Meeting[] {
  return db
    .prepare<unknown[], Row>(
      `SELECT ${columns} FROM meetings WHERE status = 'published' AND ends_at > ? ORDER BY starts_at`,
    )
    .all(now)
    .map((r) => fromRow(r)!);
}

export function countMeetings(db: DB): number {
  return db.prepare<unknown[], { n: number }>("SELECT count(*) AS n FROM meetings").get()!.n;
}

export function insertMeeting(db: DB, m: NewMeeting): number {
  const now = nowIso();
  const insert = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO meetings (slug, title, description, starts_at, ends_at, venue_name, address,
           map_url, accessibility, capacity, max_party_size, status, registration_opens_at,
           registration_closes_at, contact_name, contact_email, contact_phone, reminder_hours,
           what_to_bring, question_guidance, attendance, stream_reveal_minutes, online_capacity,
           recording_url, created_at, updated_at)
         VALUES (@slug, @title, @description, @startsAt, @endsAt, @venueName, @address, @mapUrl,
           @accessibility, @capacity, @maxPartySize, @status, @registrationOpensAt,
           @registrationClosesAt, @contactName, @contactEmail, @contactPhone, @reminderHours,
           @whatToBring, @questionGuidance, @attendance, @streamRevealMinutes, @onlineCapacity,
           @recordingUrl, @now, @now)`,
      )
      .run({
        ...m,
        ...onlineDefaults(m),
        recordingUrl: m.recordingUrl ?? null,
        agenda: undefined,
        themes: undefined,
        reminderHours: JSON.stringify(m.reminderHours ?? [168, 24]),
        whatToBring: m.whatToBring ?? "",
        questionGuidance: m.questionGuidance ?? "",
        now,
      });
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
    .prepare<unknown[], AgendaItem>(
      `SELECT position, time_label AS timeLabel, title FROM agenda_items
       WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId);
}

export function getThemes(db: DB, meetingId: number): QuestionTheme[] {
  return db
    .prepare<unknown[], QuestionTheme>(
      `SELECT id, position, title, description FROM question_themes
       WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId);
}

export type MeetingFields = Omit<NewMeeting, "status" | "agenda" | "themes"> & {
  reminderHours: number[];
};

/** Overwrites the editable fields; status and SEQUENCE change through their own functions. */
export function updateMeeting(db: DB, id: number, m: MeetingFields) {
  db.prepare(
    `UPDATE meetings SET slug = @slug, title = @title, description = @description,
       starts_at = @startsAt, ends_at = @endsAt, venue_name = @venueName, address = @address,
       map_url = @mapUrl, accessibility = @accessibility, capacity = @capacity,
       max_party_size = @maxPartySize, registration_opens_at = @registrationOpensAt,
       registration_closes_at = @registrationClosesAt, contact_name = @contactName,
       contact_email = @contactEmail, contact_phone = @contactPhone,
       reminder_hours = @reminderHours, what_to_bring = @whatToBring,
       question_guidance = @questionGuidance, attendance = @attendance,
       stream_reveal_minutes = @streamRevealMinutes, online_capacity = @onlineCapacity,
       updated_at = @now
     WHERE id = @id`,
  ).run({
    ...m,
    ...onlineDefaults(m),
    reminderHours: JSON.stringify(m.reminderHours),
    whatToBring: m.whatToBring ?? "",
    questionGuidance: m.questionGuidance ?? "",
    now: nowIso(),
    id,
  });
}

/** The recording's address, added (or corrected, or removed) after the meeting. */
export function setRecordingUrl(db: DB, id: number, url: string | null) {
  db.prepare("UPDATE meetings SET recording_url = ?, updated_at = ? WHERE id = ?").run(
    url,
    nowIso(),
    id,
  );
}

export function setMeetingStatus(db: DB, id: number, status: MeetingStatus) {
  db.prepare("UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?").run(
    status,
    nowIso(),
    id,
  );
}

/**
 * What citizens have left in a meeting: sign-ups (any status), questions and subscriptions to
 * updates. A meeting with none of these touches nobody when it goes.
 */
export function countCitizenTraces(db: DB, meetingId: number): number {
  return db
    .prepare<unknown[], { n: number }>(
      `SELECT (SELECT count(*) FROM registrations WHERE meeting_id = @id)
            + (SELECT count(*) FROM questions WHERE meeting_id = @id)
            + (SELECT count(*) FROM case_subscriptions WHERE meeting_id = @id) AS n`,
    )
    .get({ id: meetingId })!.n;
}

/** Deletes a meeting and what hangs on it (agenda, themes, attachments: ON DELETE CASCADE). */
export function deleteMeeting(db: DB, id: number) {
  db.prepare("DELETE FROM meetings WHERE id = ?").run(id);
}

/** Raises the calendar SEQUENCE, so calendars accept the next update or cancellation. */
export function bumpSequence(db: DB, id: number): number {
  db.prepare("UPDATE meetings SET sequence = sequence + 1, updated_at = ? WHERE id = ?").run(
    nowIso(),
    id,
  );
  return db
    .prepare<unknown[], { sequence: number }>("SELECT sequence FROM meetings WHERE id = ?")
    .get(id)!.sequence;
}

export type MeetingChangeKind = "time" | "place" | "cancelled" | "restored";

export interface MeetingChange {
  id: number;
  meetingId: number;
  at: string;
  organiserId: number | null;
  kind: MeetingChangeKind;
  before: string;
  after: string;
  sequence: number;
  notifiedAt: string | null;
}

export function recordMeetingChange(
  db: DB,
  change: Omit<MeetingChange, "id" | "at" | "notifiedAt">,
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO meeting_changes (meeting_id, at, organiser_id, kind, before, after, sequence)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      change.meetingId,
      nowIso(),
      change.organiserId,
      change.kind,
      change.before,
      change.after,
      change.sequence,
    );
  return Number(lastInsertRowid);
}

export function listMeetingChanges(db: DB, meetingId: number): MeetingChange[] {
  return db
    .prepare<unknown[], MeetingChange>(
      `SELECT id, meeting_id AS meetingId, at, organiser_id AS organiserId, kind, before, after,
         sequence, notified_at AS notifiedAt
       FROM meeting_changes WHERE meeting_id = ? ORDER BY at DESC, id DESC`,
    )
    .all(meetingId);
}

/**
 * Meetings for the public calendar feed: published and cancelled (never drafts), from
 * `since` on, soonest first. Cancelled ones are included so subscribers see the cancellation.
 */
export function listForCalendarFeed(db: DB, since: string): Meeting[] {
  return (
    db
      .prepare(
        `SELECT ${columns} FROM meetings WHERE status IN ('published', 'cancelled') AND ends_at > ?
         ORDER BY starts_at`,
      )
      .all(since) as Row[]
  ).map((r) => fromRow(r)!);
}
