import { nowIso, type DB, type StoredLanguage } from "./connection";

export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled";

export interface Needs {
  accessibility: boolean;
  interpreter: boolean;
  other: boolean;
  text: string;
}

export type RegistrationSource = "citizen" | "organiser";

/** How one registration attends: a seat in the hall, or a place online (ADR 0016). */
export type Attendance = "hall" | "online";

export interface Registration {
  id: number;
  meetingId: number;
  name: string;
  email: string | null;
  phone: string | null;
  note: string;
  source: RegistrationSource;
  partySize: number;
  needs: Needs;
  status: RegistrationStatus;
  waitlistedAt: string | null;
  checkInCode: string;
  /** When the first of the party came through the door, or null. */
  checkedInAt: string | null;
  /** How many of the party came (1 to partySize), or null while none has. */
  checkedInPeople: number | null;
  /** The newest meeting change an organiser's phone call told this attendee about. */
  calledAboutChange: number | null;
  calledAt: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelledBy: RegistrationSource | null;
  /** Keyed hash of the client address a citizen's sign-up came from (never the address). */
  clientKey: string | null;
  /** SHA-256 of the browser id a citizen's sign-up came from (never the id itself). */
  browserKey: string | null;
  linkMailedAt: string | null;
  anonymisedAt: string | null;
  /** The page's language when the citizen signed up or last saved; mail is sent in it. */
  language: StoredLanguage;
  attendance: Attendance;
}

/** A row as SQLite returns it: the needs are four columns, booleans are 0/1. */
type Row = Omit<Registration, "needs"> & {
  needsAccessibility: number;
  needsInterpreter: number;
  needsOther: number;
  needsText: string;
};

const columns = `id, meeting_id AS meetingId, name, email, phone, note, source,
  party_size AS partySize,
  needs_accessibility AS needsAccessibility, needs_interpreter AS needsInterpreter,
  needs_other AS needsOther, needs_text AS needsText, status, waitlisted_at AS waitlistedAt,
  check_in_code AS checkInCode, checked_in_at AS checkedInAt,
  checked_in_people AS checkedInPeople, called_about_change AS calledAboutChange,
  called_at AS calledAt, created_at AS createdAt,
  updated_at AS updatedAt, cancelled_at AS cancelledAt, cancelled_by AS cancelledBy,
  client_key AS clientKey, browser_key AS browserKey, link_mailed_at AS linkMailedAt,
  anonymised_at AS anonymisedAt, language, attendance`;

function fromRow(row: Row | undefined): Registration | undefined {
  if (!row) return undefined;
  const { needsAccessibility, needsInterpreter, needsOther, needsText, ...rest } = row;
  return {
    ...rest,
    needs: {
      accessibility: needsAccessibility === 1,
      interpreter: needsInterpreter === 1,
      other: needsOther === 1,
      text: needsText,
    },
  };
}

const emailKey = (email: string) => email.trim().toLowerCase();

export function getRegistration(db: DB, id: number): Registration | undefined {
  return fromRow(
    db.prepare<unknown[], Row>(`SELECT ${columns} FROM registrations WHERE id = ?`).get(id),
  );
}

export function getRegistrationByTokenHash(db: DB, tokenHash: string): Registration | undefined {
  return fromRow(
    db
      .prepare<unknown[], Row>(
        `SELECT ${columns} FROM registrations
         WHERE id = (SELECT registration_id FROM registration_tokens WHERE token_hash = ?)`,
      )
      .get(tokenHash),
  );
}

export function addTokenHash(db: DB, registrationId: number, tokenHash: string) {
  db.prepare(
    "INSERT INTO registration_tokens (token_hash, registration_id, created_at) VALUES (?, ?, ?)",
  ).run(tokenHash, registrationId, nowIso());
}

export function isCheckInCodeTaken(db: DB, code: string): boolean {
  return db.prepare("SELECT 1 FROM registrations WHERE check_in_code = ?").get(code) !== undefined;
}

export function getRegistrationByEmail(
  db: DB,
  meetingId: number,
  email: string,
): Registration | undefined {
  return fromRow(
    db
      .prepare<unknown[], Row>(
        `SELECT ${columns} FROM registrations WHERE meeting_id = ? AND email_key = ?`,
      )
      .get(meetingId, emailKey(email)),
  );
}

/** People (sum of party sizes) holding a confirmed place of this kind. */
export function confirmedPeople(db: DB, meetingId: number, attendance: Attendance): number {
  return db
    .prepare<unknown[], { n: number }>(
      `SELECT coalesce(sum(party_size), 0) AS n FROM registrations
         WHERE meeting_id = ? AND status = 'confirmed' AND attendance = ?`,
    )
    .get(meetingId, attendance)!.n;
}

/** Registrations holding or waiting for a place of this kind. */
export function activeRegistrations(db: DB, meetingId: number, attendance: Attendance): number {
  return db
    .prepare<unknown[], { n: number }>(
      `SELECT count(*) AS n FROM registrations
         WHERE meeting_id = ? AND status != 'cancelled' AND attendance = ?`,
    )
    .get(meetingId, attendance)!.n;
}

/** Waitlisted registrations in the order they joined the list. */
export function listWaitlist(db: DB, meetingId: number): Registration[] {
  return db
    .prepare<unknown[], Row>(
      `SELECT ${columns} FROM registrations WHERE meeting_id = ? AND status = 'waitlisted'
         ORDER BY waitlisted_at, id`,
    )
    .all(meetingId)
    .map((r) => fromRow(r)!);
}

/** 1-based place on its waitlist (the hall's, or the online one), or null when not waitlisted. */
export function waitlistPosition(db: DB, registration: Registration): number | null {
  if (registration.status !== "waitlisted" || !registration.waitlistedAt) return null;
  const { n } = db
    .prepare<unknown[], { n: number }>(
      `SELECT count(*) AS n FROM registrations WHERE meeting_id = ? AND status = 'waitlisted'
       AND attendance = ? AND (waitlisted_at < ? OR (waitlisted_at = ? AND id <= ?))`,
    )
    .get(
      registration.meetingId,
      registration.attendance,
      registration.waitlistedAt,
      registration.waitlistedAt,
      registration.id,
    )!;
  return n;
}

export function listRegistrations(db: DB, meetingId: number): Registration[] {
  return db
    .prepare<unknown[], Row>(
      `SELECT ${columns} FROM registrations WHERE meeting_id = ? ORDER BY created_at, id`,
    )
    .all(meetingId)
    .map((r) => fromRow(r)!);
}

export interface RegistrationFields {
  name: string;
  email: string | null;
  partySize: number;
  needs: Needs;
  phone?: string | null;
  note?: string;
  source?: RegistrationSource;
  clientKey?: string | null;
  /** SHA-256 of the browser id the sign-up came from (app/platform/browser-id.server.ts). */
  browserKey?: string | null;
  /** Bokmål unless given: an organiser's entry for someone who phoned is bokmål. */
  language?: StoredLanguage;
  /** In the hall unless given. */
  attendance?: Attendance;
}

export function insertRegistration(
  db: DB,
  meetingId: number,
  input: RegistrationFields,
  status: Exclude<RegistrationStatus, "cancelled">,
  checkInCode: string,
): number {
  const now = nowIso();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO registrations (meeting_id, name, email, email_key, party_size,
         needs_accessibility, needs_interpreter, needs_other, needs_text, status, waitlisted_at,
         check_in_code, consent_at, created_at, updated_at, phone, note, source, client_key,
         language, browser_key, attendance)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meetingId,
      input.name,
      input.email,
      input.email ? emailKey(input.email) : null,
      input.partySize,
      input.needs.accessibility ? 1 : 0,
      input.needs.interpreter ? 1 : 0,
      input.needs.other ? 1 : 0,
      input.needs.text,
      status,
      status === "waitlisted" ? now : null,
      checkInCode,
      // An organiser's entry for someone who phoned is not that person's own consent.
      (input.source ?? "citizen") === "citizen" ? now : null,
      now,
      now,
      input.phone ?? null,
      input.note ?? "",
      input.source ?? "citizen",
      input.clientKey ?? null,
      input.language ?? "nb",
      input.browserKey ?? null,
      input.attendance ?? "hall",
    );
  return Number(lastInsertRowid);
}

/**
 * Overwrites the person's details; status changes go through setStatus. The language changes
 * only when given (a citizen saving on their page), never when an organiser edits.
 */
export function updateDetails(
  db: DB,
  id: number,
  input: Omit<RegistrationFields, "email" | "source">,
) {
  db.prepare(
    `UPDATE registrations SET name = ?, party_size = ?, needs_accessibility = ?,
       needs_interpreter = ?, needs_other = ?, needs_text = ?, updated_at = ?,
       phone = coalesce(?, phone), note = coalesce(?, note), language = coalesce(?, language),
       attendance = coalesce(?, attendance), checked_in_people = min(checked_in_people, ?)
     WHERE id = ?`,
  ).run(
    input.name,
    input.partySize,
    input.needs.accessibility ? 1 : 0,
    input.needs.interpreter ? 1 : 0,
    input.needs.other ? 1 : 0,
    input.needs.text,
    nowIso(),
    input.phone === undefined ? null : (input.phone ?? ""),
    input.note ?? null,
    input.language ?? null,
    input.attendance ?? null,
    // A smaller party cannot have more people through the door than it has.
    input.partySize,
    id,
  );
}

/** An organiser may add or correct the email of a registration made by hand. */
export function setEmail(db: DB, id: number, email: string | null) {
  db.prepare("UPDATE registrations SET email = ?, email_key = ?, updated_at = ? WHERE id = ?").run(
    email,
    email ? emailKey(email) : null,
    nowIso(),
    id,
  );
}

/**
 * How many of the party have arrived; null for none. The first arrival's time is kept when a
 * later count replaces an earlier one.
 */
export function setCheckedIn(db: DB, id: number, people: number | null, at = nowIso()) {
  db.prepare(
    `UPDATE registrations SET checked_in_people = @people, updated_at = @at,
       checked_in_at = CASE WHEN @people IS NULL THEN NULL ELSE coalesce(checked_in_at, @at) END
     WHERE id = @id`,
  ).run({ id, people, at });
}

/** An organiser phoned the attendee about the changes up to `changeId`; null takes it back. */
export function setCalled(db: DB, id: number, changeId: number | null, at = nowIso()) {
  db.prepare(
    "UPDATE registrations SET called_about_change = ?, called_at = ?, updated_at = ? WHERE id = ?",
  ).run(changeId, changeId === null ? null : at, at, id);
}

export interface CheckInCounts {
  arrivedPeople: number;
  arrivedRegistrations: number;
  expectedPeople: number;
}

/** The door's counts: check-in is for the hall, so online attendees are not expected there. */
export function countCheckIns(db: DB, meetingId: number): CheckInCounts {
  return db
    .prepare<unknown[], CheckInCounts>(
      `SELECT
         coalesce(sum(checked_in_people), 0) AS arrivedPeople,
         count(checked_in_at) AS arrivedRegistrations,
         coalesce(sum(CASE WHEN status = 'confirmed' THEN party_size END), 0) AS expectedPeople
       FROM registrations WHERE meeting_id = ? AND status != 'cancelled' AND attendance = 'hall'`,
    )
    .get(meetingId)!;
}

/** Registrations per day (Oslo days are computed by the caller from createdAt). */
export function listRegistrationTimes(
  db: DB,
  meetingId: number,
): { createdAt: string; partySize: number }[] {
  return db
    .prepare<unknown[], { createdAt: string; partySize: number }>(
      `SELECT created_at AS createdAt, party_size AS partySize FROM registrations
       WHERE meeting_id = ? ORDER BY created_at`,
    )
    .all(meetingId);
}

export function setStatus(
  db: DB,
  id: number,
  status: RegistrationStatus,
  cancelledBy: RegistrationSource | null = null,
) {
  const now = nowIso();
  db.prepare(
    `UPDATE registrations SET status = ?, updated_at = ?,
       waitlisted_at = CASE WHEN ? = 'waitlisted' THEN coalesce(waitlisted_at, ?)
                            WHEN ? = 'confirmed' THEN NULL ELSE waitlisted_at END,
       cancelled_at = CASE WHEN ? = 'cancelled' THEN ? ELSE NULL END,
       cancelled_by = CASE WHEN ? = 'cancelled' THEN ? ELSE NULL END
     WHERE id = ?`,
  ).run(status, now, status, now, status, status, now, status, cancelledBy, id);
}

/** People (sum of party sizes) in live registrations that came from one client address. */
export function peopleFromClient(db: DB, meetingId: number, clientKey: string): number {
  return (
    db
      .prepare(
        `SELECT coalesce(sum(party_size), 0) AS n FROM registrations
         WHERE meeting_id = ? AND client_key = ? AND status != 'cancelled'`,
      )
      .get(meetingId, clientKey) as { n: number }
  ).n;
}

/** People (sum of party sizes) in live registrations that came from one browser. */
export function peopleFromBrowser(db: DB, meetingId: number, browserKey: string): number {
  return (
    db
      .prepare(
        `SELECT coalesce(sum(party_size), 0) AS n FROM registrations
         WHERE meeting_id = ? AND browser_key = ? AND status != 'cancelled'`,
      )
      .get(meetingId, browserKey) as { n: number }
  ).n;
}

export function setLinkMailedAt(db: DB, id: number, at: string) {
  db.prepare("UPDATE registrations SET link_mailed_at = ? WHERE id = ?").run(at, id);
}

/** Meetings that ended before `endedBefore` and still hold registrations with personal data. */
export function meetingsToAnonymise(db: DB, endedBefore: string): number[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT m.id FROM meetings m JOIN registrations r ON r.meeting_id = m.id
         WHERE m.ends_at < ? AND r.anonymised_at IS NULL ORDER BY m.id`,
      )
      .all(endedBefore) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Erases who the attendees were and what they told us, keeping what the counts need (status,
 * party size, needs ticked, times). Their personal links stop working. Returns the ids erased.
 */
export function anonymiseRegistrations(db: DB, meetingId: number, at: string): number[] {
  const ids = (
    db
      .prepare("SELECT id FROM registrations WHERE meeting_id = ? AND anonymised_at IS NULL")
      .all(meetingId) as { id: number }[]
  ).map((r) => r.id);
  if (ids.length === 0) return ids;
  db.prepare(
    `UPDATE registrations SET name = '', email = NULL, email_key = NULL, phone = NULL,
       needs_text = '', note = '', client_key = NULL, browser_key = NULL, link_mailed_at = NULL,
       called_about_change = NULL, called_at = NULL, anonymised_at = ?, updated_at = ?
     WHERE meeting_id = ? AND anonymised_at IS NULL`,
  ).run(at, at, meetingId);
  db.prepare(
    `DELETE FROM registration_tokens WHERE registration_id IN
       (SELECT id FROM registrations WHERE meeting_id = ?)`,
  ).run(meetingId);
  return ids;
}

/** One registration's personal data erased, as anonymiseRegistrations does for a meeting. */
export function anonymiseRegistration(db: DB, id: number, at: string) {
  db.prepare(
    `UPDATE registrations SET name = '', email = NULL, email_key = NULL, phone = NULL,
       needs_text = '', note = '', client_key = NULL, browser_key = NULL, link_mailed_at = NULL,
       called_about_change = NULL, called_at = NULL, anonymised_at = ?, updated_at = ?
     WHERE id = ?`,
  ).run(at, at, id);
  db.prepare("DELETE FROM registration_tokens WHERE registration_id = ?").run(id);
}

/** A re-registration after cancelling joins the back of the waitlist, not its old place. */
export function resetWaitlistPlace(db: DB, id: number) {
  db.prepare("UPDATE registrations SET waitlisted_at = NULL WHERE id = ?").run(id);
}

export interface RegistrationCounts {
  confirmedPeople: number;
  /** Of the confirmed people and registrations, those attending online. */
  onlinePeople: number;
  onlineRegistrations: number;
  confirmedRegistrations: number;
  waitlistedPeople: number;
  waitlistedRegistrations: number;
  cancelledRegistrations: number;
}

export function countRegistrations(db: DB, meetingId: number): RegistrationCounts {
  const rows = db
    .prepare<
      unknown[],
      {
        status: RegistrationStatus;
        registrations: number;
        people: number;
        onlineRegistrations: number;
        onlinePeople: number;
      }
    >(
      `SELECT status, count(*) AS registrations, coalesce(sum(party_size), 0) AS people,
         count(*) FILTER (WHERE attendance = 'online') AS onlineRegistrations,
         coalesce(sum(party_size) FILTER (WHERE attendance = 'online'), 0) AS onlinePeople
       FROM registrations WHERE meeting_id = ? GROUP BY status`,
    )
    .all(meetingId);
  const by = (s: RegistrationStatus) => rows.find((r) => r.status === s);
  return {
    confirmedPeople: by("confirmed")?.people ?? 0,
    onlinePeople: by("confirmed")?.onlinePeople ?? 0,
    onlineRegistrations: by("confirmed")?.onlineRegistrations ?? 0,
    confirmedRegistrations: by("confirmed")?.registrations ?? 0,
    waitlistedPeople: by("waitlisted")?.people ?? 0,
    waitlistedRegistrations: by("waitlisted")?.registrations ?? 0,
    cancelledRegistrations: by("cancelled")?.registrations ?? 0,
  };
}

/** When a meeting's registrations were erased: null while any still holds personal data. */
export function anonymisedAt(db: DB, meetingId: number): string | null {
  const row = db
    .prepare(
      `SELECT max(anonymised_at) AS at, count(*) - count(anonymised_at) AS left
       FROM registrations WHERE meeting_id = ?`,
    )
    .get(meetingId) as { at: string | null; left: number };
  return row.left === 0 ? row.at : null;
}
