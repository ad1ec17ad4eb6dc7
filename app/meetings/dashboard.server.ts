/**
 * The organisers' overview of meetings: the meeting list, one meeting's dashboard and the
 * health of its mail.
 */
import { data } from "react-router";
import type { DB } from "../../db/connection";
import { countByStatus, lastFailure } from "../../db/outbox";
import { getMeetingById, getThemes, listAllMeetings, type Meeting } from "../../db/meetings";
import { countCheckIns, countRegistrations, listRegistrationTimes } from "../../db/registrations";
import { formatDate } from "../platform/dates";
import { pendingChangeNotices } from "./editor.server";
import { meetingPhase } from "./phase";
import { seatsLeft } from "../registrations/registrations.server";
import { reminderSchedule } from "../reminders/reminders.server";
import { retentionStatus } from "../registrations/retention.server";

/** The meeting an /admin/meetings/:id URL names, or 404. */
export function requireMeeting(db: DB, idParam: string | undefined): Meeting {
  const id = Number(idParam);
  const meeting = Number.isInteger(id) && id > 0 ? getMeetingById(db, id) : undefined;
  if (!meeting) throw data(null, { status: 404 });
  return meeting;
}

export function meetingOverview(db: DB) {
  return listAllMeetings(db).map((meeting) => ({
    meeting,
    phase: meetingPhase(meeting),
    counts: countRegistrations(db, meeting.id),
  }));
}

/** Mail that has not gone out: organisers should know before citizens start calling. */
export function mailHealth(db: DB) {
  const counts = countByStatus(db);
  const failure = lastFailure(db);
  const retrying = failure !== undefined && counts.pending > 0;
  return {
    failed: counts.failed,
    pending: counts.pending,
    retrying,
    lastError: failure?.error ?? null,
  };
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

export function dashboard(db: DB, meeting: Meeting, retentionDays: number) {
  const counts = countRegistrations(db, meeting.id);
  return {
    meeting,
    phase: meetingPhase(meeting),
    counts,
    seatsLeft: seatsLeft(db, meeting),
    checkIns: countCheckIns(db, meeting.id),
    perDay: registrationsPerDay(db, meeting.id),
    themes: getThemes(db, meeting.id),
    pendingChanges: pendingChangeNotices(db, meeting.id),
    reminders: reminderSchedule(db, meeting),
    retention: retentionStatus(db, meeting, retentionDays),
  };
}
