/**
 * Reminders: the schedule organisers tick in the editor (a week, two days or a day before, at
 * the start's Oslo time; or hours before), made real.
 *
 * This module owns the rules and the scheduler that applies them in the server process:
 * - Due times are computed from the meeting's current start, so a moved meeting's reminders
 *   follow it; what was sent is recorded against the start time it was written for, and a
 *   queued reminder whose meeting has since moved is dropped by the mail worker, through the
 *   withholdStaleReminders check app/services.server.ts hands it.
 * - Each reminder is claimed (a UNIQUE row per registration, offset and start time) in the
 *   same transaction that queues its mail, so it goes out exactly once, across scheduler runs,
 *   restarts and racing processes.
 * - Only the most recent due offset is sent: a scheduler that was down does not send the week
 *   and the day reminders together.
 * - Cancelled registrations, registrations without email, and people who signed up after or
 *   just before a reminder's time (their confirmation is fresh) get none.
 * - Waitlisted people get the waitlist wording and no calendar part; seat holders get the
 *   latest calendar part.
 */
import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns/subDays";
import { getMeetingById } from "../../db/meetings";
import { getRegistration } from "../../db/registrations";
import { memo } from "../platform/memo";
import type { Meeting } from "../../db/meetings";
import {
  attachOutbox,
  claimedPerOffset,
  claimReminder,
  meetingsWithReminders,
  queuedReminder,
  registrationsToRemind,
  type ReminderMeeting,
} from "../../db/reminders";
import type { DB } from "../../db/connection";
import type { OutboxMessage } from "../../db/outbox";
import { queueMeetingMail } from "../registrations/attendee-mail.server";
import { TIME_ZONE } from "../platform/dates";
import { change, type ServiceContext } from "../platform/service.server";
import { serverTurns } from "../platform/turns.server";
import { issueToken } from "../registrations/registrations.server";
import { queueDueAttendeeMails, staleStreamMailReason } from "./attendee-mails.server";

const HOUR = 3_600_000;
/** No meeting offers reminders further ahead than this. */
const HORIZON_HOURS = 31 * 24;

/**
 * When the reminder `hours` before a meeting goes out. Whole days ("1 uke før" is 168) are
 * calendar days in Oslo, at the start's wall-clock time: a week before a 19.00 meeting is 19.00
 * a week before, also when the clocks change in between (then 167 or 169 hours). Shorter
 * offsets are hours. The offset stays the reminder's key, so claims made before still hold.
 */
export function reminderDueAt(startsAt: string, hours: number): Date {
  const start = Date.parse(startsAt);
  if (hours < 24 || hours % 24 !== 0) return new Date(start - hours * HOUR);
  return new Date(calendarDaysBefore(start, hours / 24));
}

// The time zone arithmetic costs about half a millisecond, and every attendee of a meeting has
// the same start: a fan-out of 10,000 asked it 10,000 times each scheduler tick. Few starts are
// live at once; the cache is emptied when it grows past them.
const daysBefore = memo<number>(1000);
function calendarDaysBefore(start: number, days: number): number {
  return daysBefore(`${start}/${days}`, () =>
    subDays(new TZDate(start, TIME_ZONE), days).getTime(),
  );
}

/**
 * How long before a reminder's time a sign-up must be for the reminder to make sense: half
 * the offset, at most 12 hours (someone who signed up 3 hours before the day-before reminder
 * has their confirmation in front of them).
 */
const lateSignUpGapHours = (hours: number) => Math.min(hours / 2, 12);

/**
 * The reminder to send now for a meeting, or null: the rules above, in one place. The most
 * recent due offset (a scheduler that was down sends the day reminder, not the week one too),
 * and who it is for: people who signed up by `signedUpBy` (ISO time), later ones have their
 * confirmation fresh. Those whose claim for it (or a later one) exists are left out where the
 * registrations are read (db/reminders.ts registrationsToRemind).
 */
export function reminderDue(
  meeting: Pick<ReminderMeeting, "startsAt" | "reminderHours">,
  now: Date,
): { hours: number; signedUpBy: string } | null {
  const due = offsetsDue(meeting.reminderHours, meeting.startsAt).find(
    (o) => o.dueAt <= now.getTime(),
  );
  if (!due) return null;
  const signedUpBy = new Date(due.dueAt - lateSignUpGapHours(due.hours) * HOUR).toISOString();
  return { hours: due.hours, signedUpBy };
}

// Asked for every meeting at every scheduler tick; the time zone arithmetic is kept.
const meetingOffsets = memo<{ hours: number; dueAt: number }[]>(1000);
/** A meeting's offsets with their due times, shortest offset (latest due time) first. */
function offsetsDue(reminderHours: string, startsAt: string) {
  return meetingOffsets(`${startsAt}/${reminderHours}`, () =>
    (JSON.parse(reminderHours) as number[])
      .filter((h) => h > 0)
      .sort((a, b) => a - b)
      .map((hours) => ({ hours, dueAt: reminderDueAt(startsAt, hours).getTime() })),
  );
}

/** How many reminders one transaction takes: a fan-out of thousands never holds the write
 * lock, or the event loop, for more than about 20 ms at a time (under a millisecond each). */
const BATCH = 25;

/** One batch: a meeting's reminder and some of the registrations owed it. */
interface DueBatch {
  meetingId: number;
  startsAt: string;
  hours: number;
  registrationIds: number[];
}

/** Every reminder due now, in batches of BATCH registrations. */
function dueBatches(db: DB, now: Date): DueBatch[] {
  const horizon = new Date(now.getTime() + HORIZON_HOURS * HOUR).toISOString();
  return meetingsWithReminders(db, now.toISOString(), horizon).flatMap((meeting) => {
    const due = reminderDue(meeting, now);
    if (!due) return [];
    const ids = registrationsToRemind(db, meeting, due.hours, due.signedUpBy);
    const batches: DueBatch[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      batches.push({
        meetingId: meeting.id,
        startsAt: meeting.startsAt,
        hours: due.hours,
        registrationIds: ids.slice(i, i + BATCH),
      });
    }
    return batches;
  });
}

/**
 * Claims and queues one batch's reminders, in one transaction, after looking again at what
 * may have changed since the batch was read (earlier batches let page requests go first).
 * What changes after the commit is the mail worker's to catch (withholdStaleReminders).
 */
function queueBatch(ctx: ServiceContext, batch: DueBatch): number {
  return change(ctx, () => {
    const meeting = getMeetingById(ctx.db, batch.meetingId);
    // Moved or withdrawn while earlier batches went: the next tick reads it afresh.
    if (meeting?.status !== "published" || meeting.startsAt !== batch.startsAt) return 0;
    let queued = 0;
    for (const registrationId of batch.registrationIds) {
      const registration = getRegistration(ctx.db, registrationId);
      // Cancelled (or erased) since the batch was read.
      if (!registration?.email || registration.status === "cancelled") continue;
      const claim = claimReminder(ctx.db, registrationId, batch.hours, batch.startsAt);
      if (claim === null) continue;
      const outboxId = queueMeetingMail(ctx, meeting, registration, {
        kind: "reminder",
        method: registration.status === "confirmed" ? "REQUEST" : null,
        manageToken: issueToken(ctx.db, registration.id),
        purpose: "reminder",
      });
      attachOutbox(ctx.db, claim, outboxId);
      queued++;
    }
    return queued;
  });
}

/** Claims and queues every reminder due now; returns how many were queued. */
export function queueDueReminders(ctx: ServiceContext, now = new Date()): number {
  let queued = 0;
  for (const batch of dueBatches(ctx.db, now)) queued += queueBatch(ctx, batch);
  return queued;
}

/**
 * The same, for the running server: between batches, page requests waiting for the event loop
 * go first (platform/turns.server.ts), and the mail worker (woken by each batch's commit)
 * starts sending.
 */
export async function queueDueRemindersInTurn(
  ctx: ServiceContext,
  now = new Date(),
  stopped: () => boolean = () => false,
): Promise<number> {
  const batches = dueBatches(ctx.db, now);
  let queued = 0;
  for (const [i, batch] of batches.entries()) {
    if (i > 0) await serverTurns.background();
    // On shutdown the rest waits for the next start: nothing is claimed that is not queued.
    if (stopped()) break;
    queued += queueBatch(ctx, batch);
  }
  return queued;
}

/** The mail worker's check for reminders (handed in by app/services.server.ts). */
export function withholdStaleReminders(db: DB) {
  return (message: Pick<OutboxMessage, "id" | "purpose">): string | null =>
    message.purpose === "reminder"
      ? (staleReminderReason(db, message.id) ?? staleStreamMailReason(db, message.id))
      : null;
}

/** Why a queued reminder must not go out any more, or null when it still should. */
function staleReminderReason(db: DB, outboxId: number): string | null {
  const row = queuedReminder(db, outboxId);
  if (!row) return null;
  if (row.meetingStatus !== "published") return "meeting not published any more";
  if (row.registrationStatus === "cancelled") return "registration cancelled";
  if (row.remindedStart !== row.startsAt) return "meeting moved";
  return null;
}

/** For the organisers' dashboard: each reminder offset, when it falls due, and how many went. */
export function reminderSchedule(db: DB, meeting: Meeting) {
  const claimed = claimedPerOffset(db, meeting.id, meeting.startsAt);
  return [...meeting.reminderHours]
    .sort((a, b) => b - a)
    .map((hours) => ({
      hours,
      dueAt: reminderDueAt(meeting.startsAt, hours).toISOString(),
      sent: claimed.get(hours) ?? 0,
    }));
}

export interface ReminderScheduler {
  start(): void;
  runOnce(now?: Date): number;
  stop(): void;
}

export function createReminderScheduler(
  ctx: ServiceContext,
  { intervalMs = 60_000, log = (m: string) => console.log(m) } = {},
): ReminderScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const runOnce = (now?: Date) => queueDueReminders(ctx, now);
  const tick = async () => {
    // A fan-out still going when the next tick comes is left to finish.
    if (running) return;
    running = true;
    try {
      const stopped = () => timer === undefined;
      const n = await queueDueRemindersInTurn(ctx, new Date(), stopped);
      if (n > 0) log(`reminders: queued ${n}`);
      const m = await queueDueAttendeeMails(ctx, new Date(), stopped);
      if (m > 0) log(`stream and recording mail: queued ${m}`);
    } catch (error) {
      log(`reminders: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  return {
    start() {
      clearInterval(timer);
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      void tick();
    },
    runOnce,
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
