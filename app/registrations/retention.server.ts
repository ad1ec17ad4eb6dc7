/**
 * Retention: attendees' personal data is erased a fixed number of days after their meeting
 * ended (RETENTION_DAYS), as the privacy page and the emails promise; so is who asked its
 * questions (the questions and their answers stay), and unconfirmed requests for updates.
 * Confirmed subscriptions to updates about the case have their own rule, as the case outlives
 * the meeting: they go when the subscriber leaves, or UPDATES_RETENTION_DAYS after the last
 * update (or the meeting, if later). Counts stay: status, party size, ticked needs, check-ins
 * and times are kept; who came and how to reach them go.
 *
 * Erased means gone from the disk too: the mail written for them (rows and `.eml` files), the
 * audit log's mention of them, and the old copies of pages in SQLite's free space (the
 * connection runs with secure_delete) and WAL (emptied after each erasure).
 */
import { eraseAttendeeTargets } from "../../db/audit";
import { forgetSubscriptions, subscriptionsToForget } from "../../db/case-subscriptions";
import { immediate, truncateWal, type DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import { meetingsWithMailToErase } from "../../db/outbox";
import { eraseAskers, meetingsWithAskersToErase } from "../../db/questions";
import { anonymisedAt, anonymiseRegistrations, meetingsToAnonymise } from "../../db/registrations";
import { eraseMailOf, sweepOutboxFolder } from "../mail/erasure.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** RETENTION_DAYS: after the meeting's end, for attendees, askers and unconfirmed requests. */
  retentionDays: number;
  /** UPDATES_RETENTION_DAYS: after the case's last update, for its confirmed subscribers. */
  updatesRetentionDays: number;
  /** Where the file mailer writes `.eml` files (DATA_DIR/outbox). */
  outboxDir: string;
}

/** What one run erased. */
export interface RetentionResult {
  registrations: number;
  askers: number;
  subscriptions: number;
  mails: number;
  files: number;
}

/** When a meeting's attendees' personal data is (or was) due to be erased. */
export function anonymiseAt(meeting: Pick<Meeting, "endsAt">, retentionDays: number): string {
  return new Date(Date.parse(meeting.endsAt) + retentionDays * DAY_MS).toISOString();
}

/** Erases a case subscription's address and the mail sent to it, in the caller's transaction. */
export function forgetSubscribers(db: DB, outboxDir: string, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  forgetSubscriptions(db, ids);
  return eraseMailOf(db, outboxDir, { subscriptionIds: ids });
}

/**
 * Erases whatever a meeting past its retention still holds of people (a run that finds a
 * meeting erased already, except for a mail that was in flight then, finishes the job), each
 * meeting in its own transaction; then the subscriptions past theirs, and files in the outbox
 * folder that no mail names.
 */
export function runRetention(db: DB, policy: RetentionPolicy, now = new Date()): RetentionResult {
  const endedBefore = new Date(now.getTime() - policy.retentionDays * DAY_MS).toISOString();
  const quietSince = new Date(now.getTime() - policy.updatesRetentionDays * DAY_MS).toISOString();
  const result: RetentionResult = {
    registrations: 0,
    askers: 0,
    subscriptions: 0,
    mails: 0,
    files: 0,
  };
  const meetings = new Set([
    ...meetingsToAnonymise(db, endedBefore),
    ...meetingsWithAskersToErase(db, endedBefore),
    ...meetingsWithMailToErase(db, endedBefore),
  ]);
  for (const meetingId of [...meetings].sort((a, b) => a - b)) {
    immediate(db, () => {
      result.mails += eraseMailOf(db, policy.outboxDir, { meetingId });
      eraseAttendeeTargets(db, meetingId);
      result.registrations += anonymiseRegistrations(db, meetingId, now.toISOString()).length;
      result.askers += eraseAskers(db, meetingId);
    });
  }
  const due = new Map<number, number[]>();
  for (const { id, meetingId } of subscriptionsToForget(db, endedBefore, quietSince)) {
    due.set(meetingId, [...(due.get(meetingId) ?? []), id]);
  }
  for (const ids of due.values()) {
    immediate(db, () => {
      result.mails += forgetSubscribers(db, policy.outboxDir, ids);
      result.subscriptions += ids.length;
    });
  }
  result.files = sweepOutboxFolder(db, policy.outboxDir, now);
  return result;
}

const erasedAnything = (r: RetentionResult) =>
  r.registrations + r.askers + r.subscriptions + r.mails + r.files > 0;

export interface RetentionJob {
  /** One run now, as the timer makes it (tests; the timer keeps running). */
  runOnce(): void;
  stop(): void;
}

/**
 * Runs the erasure at start and then every `intervalMs` in the server process. The timer is
 * unref()ed, so it never keeps a finished process alive; a failure is logged and retried at
 * the next tick. The WAL is emptied at the first run (an unclean stop may have left it full)
 * and after every run that erased something, and again at each run until that succeeds (a
 * backup reading at that moment holds it).
 */
export function startRetentionJob(
  db: DB,
  policy: RetentionPolicy,
  {
    intervalMs = 60 * 60 * 1000,
    log = console,
    beforeErasure,
  }: {
    intervalMs?: number;
    log?: Pick<Console, "info" | "error">;
    /** Run before each pass: the archive warning (app/dashboard/), handed in from above. */
    beforeErasure?: () => void;
  } = {},
): RetentionJob {
  let walToEmpty = true;
  const run = () => {
    try {
      beforeErasure?.();
    } catch (error) {
      log.error("Retention: the archive warning failed; retrying at the next run.", error);
    }
    try {
      const erased = runRetention(db, policy);
      if (erasedAnything(erased)) {
        walToEmpty = true;
        log.info(
          `Retention: erased ${erased.registrations} registration(s), ${erased.askers} asker(s), ` +
            `${erased.subscriptions} subscription(s), ${erased.mails} mail(s), ${erased.files} file(s).`,
        );
      }
      if (walToEmpty) walToEmpty = !truncateWal(db);
    } catch (error) {
      log.error("Retention: erasing personal data failed; retrying at the next run.", error);
    }
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    runOnce: run,
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
