/**
 * Retention: attendees' personal data is erased a fixed number of days after their meeting
 * ended (RETENTION_DAYS), as the privacy page and the emails promise; so is who asked its
 * questions (the questions and their answers stay). Counts stay: status,
 * party size, ticked needs, check-ins and times are kept; who came and how to reach them go.
 */
import { immediate, type DB } from "../../db/connection";
import { eraseAttendeeTargets } from "../../db/audit";
import type { Meeting } from "../../db/meetings";
import { eraseForRegistrations } from "../../db/outbox";
import { eraseAskers, meetingsWithAskersToErase } from "../../db/questions";
import { anonymisedAt, anonymiseRegistrations, meetingsToAnonymise } from "../../db/registrations";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a meeting's attendees' personal data is (or was) due to be erased. */
export function anonymiseAt(meeting: Pick<Meeting, "endsAt">, retentionDays: number): string {
  return new Date(Date.parse(meeting.endsAt) + retentionDays * DAY_MS).toISOString();
}

/**
 * Erases the personal data of every meeting whose retention has run out: names, email,
 * phone, needs text, organisers' notes, client keys, personal links, the mail about them
 * and their names in the audit log. Each meeting in its own transaction. Returns how many
 * registrations were erased.
 */
export function anonymiseEndedMeetings(db: DB, retentionDays: number, now = new Date()): number {
  const endedBefore = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  let erased = 0;
  for (const meetingId of meetingsToAnonymise(db, endedBefore)) {
    erased += immediate(db, () => {
      // Outbox rows are found through their registrations, so they go first.
      eraseForRegistrations(db, meetingId);
      eraseAttendeeTargets(db, meetingId);
      return anonymiseRegistrations(db, meetingId, now.toISOString()).length;
    });
  }
  // Who asked the meeting's questions goes at the same time; the questions stay.
  for (const meetingId of meetingsWithAskersToErase(db, endedBefore)) {
    immediate(db, () => eraseAskers(db, meetingId));
  }
  return erased;
}

export interface RetentionJob {
  stop(): void;
}

/**
 * Runs the erasure at start and then every `intervalMs` in the server process. The timer is
 * unref()ed, so it never keeps a finished process alive; a failure is logged and retried at
 * the next tick.
 */
export function startRetentionJob(
  db: DB,
  retentionDays: number,
  {
    intervalMs = 60 * 60 * 1000,
    log = console,
  }: { intervalMs?: number; log?: Pick<Console, "info" | "error"> } = {},
): RetentionJob {
  const run = () => {
    try {
      const erased = anonymiseEndedMeetings(db, retentionDays);
      if (erased > 0) log.info(`Retention: erased personal data of ${erased} registration(s).`);
    } catch (error) {
      log.error("Retention: erasing personal data failed; retrying at the next run.", error);
    }
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

/** For the organisers' dashboard: when this meeting's personal data goes, or went. */
export function retentionStatus(db: DB, meeting: Meeting, retentionDays: number) {
  return {
    anonymiseAt: anonymiseAt(meeting, retentionDays),
    anonymisedAt: anonymisedAt(db, meeting.id),
  };
}
