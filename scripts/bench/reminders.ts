/**
 * Reminder fan-out: many registrations at one meeting, then the time until the SMTP sink has
 * accepted every reminder (target ≥ 500 messages/s, zero missing).
 * The running server's own scheduler (app/reminders/) finds them due and queues them; the
 * clock runs from the moment they fall due until the sink has the last one.
 */
import { performance } from "node:perf_hooks";
import { immediate, type DB } from "../../db/connection";
import { register } from "../../app/registrations/registrations.server";
import { makeRemindersDue } from "../../app/testing/reminders";

export interface FanOutResult {
  registrations: number;
  received: number;
  seconds: number;
  perSecond: number;
  missing: number;
  /** Messages the sink got beyond one per registration. */
  extra: number;
  /**
   * This meeting's reminders tried more than once (a sent message counts its last attempt too),
   * and the errors of those still not sent.
   */
  retried: number;
  errors: string[];
}

/**
 * Registers `count` people directly through the registration rules and marks their
 * confirmation mails as long sent, so only reminders reach the sink afterwards. One
 * transaction: the running server's mail worker never sees those confirmations pending (it
 * sent a few of them before, which the fan-out then counted as extra).
 */
function prepare(db: DB, meetingId: number, count: number) {
  const ctx = { db, publicUrl: "http://127.0.0.1", mailFrom: "post@example.no" };
  const needs = { accessibility: false, interpreter: false, other: false, text: "" };
  immediate(db, () => {
    for (let i = 0; i < count; i++) {
      register(ctx, meetingId, {
        name: `Person ${i}`,
        email: `fanout-${i}@example.no`,
        partySize: 1,
        needs,
      });
    }
    db.prepare(
      "UPDATE outbox SET status = 'sent', payload = NULL, ical = NULL, sent_at = created_at",
    ).run();
  });
}

/**
 * `during` runs once the reminders are due, alongside the fan-out (the meeting page measured
 * while it goes on); its result comes back with the fan-out's.
 */
export async function reminderFanOut<T>(options: {
  db: DB;
  meetingId: number;
  registrations: number;
  sinkCount: () => number;
  timeoutMs: number;
  during: () => Promise<T>;
}): Promise<FanOutResult & { during: T }> {
  const { db, meetingId, registrations, sinkCount, timeoutMs } = options;
  prepare(db, meetingId, registrations);
  const before = sinkCount();
  const t0 = performance.now();
  makeRemindersDue(db, meetingId);
  const deadline = t0 + timeoutMs;
  // Let the scheduler's first batches start before the page is measured alongside.
  await new Promise((r) => setTimeout(r, 3_000));
  const during = await options.during();
  while (sinkCount() - before < registrations && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  const received = sinkCount() - before;
  const retries = db
    .prepare<[number], { lastError: string | null }>(
      `SELECT last_error AS lastError FROM outbox
       WHERE meeting_id = ? AND purpose = 'reminder' AND attempts > 1`,
    )
    .all(meetingId);
  return {
    during,
    registrations,
    received,
    seconds,
    perSecond: received / seconds,
    missing: Math.max(0, registrations - received),
    extra: Math.max(0, received - registrations),
    retried: retries.length,
    errors: [...new Set(retries.map((r) => r.lastError ?? "?"))].slice(0, 5),
  };
}
