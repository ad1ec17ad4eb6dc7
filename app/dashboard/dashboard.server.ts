/**
 * The organisers' overview: the meeting list and one meeting's dashboard, gathered from every
 * domain (registrations, reminders, retention, pending notices). It sits above them all.
 */
import type { DB } from "../../db/connection";
import { getMeetingStream, getThemes, listAllMeetings, type Meeting } from "../../db/meetings";
import { attendeeMailsSent } from "../../db/attendee-mail-claims";
import { mayAddRecording } from "../meetings/recording.server";
import { streamRevealsAt } from "../registrations/stream.server";
import { countCheckIns, countRegistrations, listRegistrationTimes } from "../../db/registrations";
import { formatDate } from "../platform/dates";
import { pendingChangeNotices } from "../meetings/editor.server";
import { meetingPhase } from "../meetings/phase";
import { seatsLeft } from "../registrations/registrations.server";
import { reminderSchedule } from "../reminders/reminders.server";
import { retentionStatus } from "../registrations/retention.server";
import { archiveStatus } from "./archive.server";

export function meetingOverview(db: DB) {
  return listAllMeetings(db).map((meeting) => ({
    meeting,
    phase: meetingPhase(meeting),
    counts: countRegistrations(db, meeting.id),
  }));
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

/**
 * Online attendance on the dashboard: whether the stream is in (never what it is: the
 * dashboard is no place to copy it from by mistake), when it is revealed, what went out.
 */
function onlineStatus(db: DB, meeting: Meeting) {
  const stream = getMeetingStream(db, meeting.id);
  return {
    streamSet: stream.streamUrl !== null,
    dialInSet: stream.dialIn !== "",
    revealsAt: streamRevealsAt(meeting).toISOString(),
    streamMailsSent: attendeeMailsSent(db, meeting.id, "stream", meeting.startsAt),
  };
}

export function dashboard(db: DB, meeting: Meeting, retentionDays: number) {
  const counts = countRegistrations(db, meeting.id);
  return {
    meeting,
    phase: meetingPhase(meeting),
    counts,
    seatsLeft: seatsLeft(db, meeting),
    online: meeting.attendance === "hall" ? null : onlineStatus(db, meeting),
    recording: {
      mayAdd: mayAddRecording(meeting),
      mailed: attendeeMailsSent(db, meeting.id, "recording"),
    },
    checkIns: countCheckIns(db, meeting.id),
    perDay: registrationsPerDay(db, meeting.id),
    themes: getThemes(db, meeting.id),
    pendingChanges: pendingChangeNotices(db, meeting.id),
    reminders: reminderSchedule(db, meeting),
    retention: retentionStatus(db, meeting, retentionDays),
    archive: archiveStatus(db, meeting, retentionDays),
  };
}
