import { data } from "react-router";
import type { DB } from "../db/connection";
import { listAudit, countAudit } from "../db/audit";
import { countByStatus, lastFailure } from "../db/outbox";
import { getMeetingById, getThemes, listAllMeetings, type Meeting } from "../db/meetings";
import {
  countCheckIns,
  countRegistrations,
  getRegistration,
  listRegistrations,
  listRegistrationTimes,
  listWaitlist,
  type Registration,
} from "../db/registrations";
import { formatDate } from "./dates";
import type { AttendeeRow } from "./exports.server";
import { pendingChangeNotices } from "./admin-meetings.server";
import { needsSummary, parseFilter, type AttendeeFilter } from "./attendee-list";

/** The meeting an /admin/meetings/:id URL names, or 404. */
export function requireMeeting(db: DB, idParam: string | undefined): Meeting {
  const id = Number(idParam);
  const meeting = Number.isInteger(id) && id > 0 ? getMeetingById(db, id) : undefined;
  if (!meeting) throw data(null, { status: 404 });
  return meeting;
}

export function requireRegistration(db: DB, meeting: Meeting, idParam: string | undefined): Registration {
  const id = Number(idParam);
  const registration = Number.isInteger(id) && id > 0 ? getRegistration(db, id) : undefined;
  if (!registration || registration.meetingId !== meeting.id) throw data(null, { status: 404 });
  return registration;
}

export function meetingOverview(db: DB) {
  return listAllMeetings(db).map((meeting) => ({
    meeting,
    counts: countRegistrations(db, meeting.id),
  }));
}

/** Mail that has not gone out: organisers should know before citizens start calling. */
export function mailHealth(db: DB) {
  const counts = countByStatus(db);
  const failure = lastFailure(db);
  const retrying = failure !== undefined && counts.pending > 0;
  return { failed: counts.failed, pending: counts.pending, retrying, lastError: failure?.error ?? null };
}

/** Registered people per Oslo day, oldest first, for the dashboard chart and its table. */
function registrationsPerDay(db: DB, meetingId: number) {
  const days = new Map<string, number>();
  for (const { createdAt, partySize } of listRegistrationTimes(db, meetingId)) {
    const day = formatDate(createdAt);
    days.set(day, (days.get(day) ?? 0) + partySize);
  }
  return [...days].map(([day, people]) => ({ day, people }));
}

export function dashboard(db: DB, meeting: Meeting) {
  const counts = countRegistrations(db, meeting.id);
  return {
    meeting,
    counts,
    seatsLeft: Math.max(0, meeting.capacity - counts.confirmedPeople),
    checkIns: countCheckIns(db, meeting.id),
    perDay: registrationsPerDay(db, meeting.id),
    themes: getThemes(db, meeting.id),
    pendingChanges: pendingChangeNotices(db, meeting.id),
  };
}

export { parseFilter, type AttendeeFilter };

/** Registrations with their waitlist place, filtered and searched by name, email, phone or code. */
export function attendees(db: DB, meeting: Meeting, filter: AttendeeFilter, query: string) {
  const positions = new Map(listWaitlist(db, meeting.id).map((r, i) => [r.id, i + 1]));
  const q = query.trim().toLocaleLowerCase("nb");
  const all = listRegistrations(db, meeting.id).map((r) => ({
    ...r,
    waitlistPosition: positions.get(r.id) ?? null,
  }));
  const shown = all.filter((r) => {
    if (filter === "checkedIn" && !r.checkedInAt) return false;
    if (filter !== "all" && filter !== "checkedIn" && r.status !== filter) return false;
    if (!q) return true;
    return [r.name, r.email ?? "", r.phone ?? "", r.checkInCode]
      .some((v) => v.toLocaleLowerCase("nb").includes(q));
  });
  return { shown, counts: countRegistrations(db, meeting.id) };
}

export function toAttendeeRows(
  rows: ReturnType<typeof attendees>["shown"],
  labels: { accessibility: string; interpreter: string; other: string },
): AttendeeRow[] {
  return rows.map((r) => ({
    name: r.name,
    email: r.email,
    phone: r.phone,
    partySize: r.partySize,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    needs: needsSummary(r, labels),
    checkInCode: r.checkInCode,
    checkedInAt: r.checkedInAt,
    registeredAt: r.createdAt,
    source: r.source,
  }));
}

export function auditPage(db: DB, page: number, pageSize = 50) {
  const total = countAudit(db);
  return {
    entries: listAudit(db, { limit: pageSize, offset: (page - 1) * pageSize }),
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
