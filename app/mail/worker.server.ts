/**
 * Mail: delivering what the domains queued in the outbox table. Nothing sends mail directly;
 * a change writes its messages in its own transaction and this worker delivers them, with
 * retries, after the change has committed. This folder is plumbing and knows no domain: what
 * a mail says is decided where it is queued (registrations/attendee-mail.server.ts,
 * notices/, questions/), and a domain that must stop a queued mail hands the worker a
 * `withhold` check at start (app/services.server.ts). Beside it: render.server.ts (a template
 * to subject, HTML and text), outbox-view.server.ts (the organisers' view of a meeting's mail,
 * with retry) and erasure.server.ts (the .eml copies retention removes).
 */
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";
import { renderEmail } from "./render.server";
import type { Mailer } from "../../emails/transport";

export interface MailWorkerOptions {
  db: DB;
  mailer: Mailer;
  /** First retry after this long; each further retry waits twice as long. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** After this many failed attempts a message is marked failed and left for an organiser. */
  maxAttempts?: number;
  /** How often the queue is looked at even when nobody kicks the worker. */
  pollMs?: number;
  /** Messages handed to the mailer at once; match the SMTP pool's connections. */
  concurrency?: number;
  log?: (message: string) => void;
  /**
   * Asked just before each send: a reason to drop the message instead (a reminder for a meeting
   * that moved, say), or null to send it. The composition module hands in the domains' checks;
   * the worker itself knows no domain.
   */
  withhold?: (message: outbox.OutboxMessage) => string | null;
  /**
   * Resolves when the message may be rendered and sent, with a function to call once it is
   * done: rendering and sending take the thread for milliseconds, so the composition module
   * lets page requests go first (platform/turns.server.ts `spread`).
   */
  takeTurn?: () => Promise<() => void>;
}

export interface MailWorker {
  start(): void;
  /** Look at the queue now (after a transaction queued mail). */
  kick(): void;
  /** Sends everything that is due; resolves with the number sent. */
  runOnce(): Promise<number>;
  /**
   * Takes no new message (checked between messages), waits for the sends in progress to
   * finish or time out at the SMTP layer, and resolves. What is left stays queued for the
   * next start.
   */
  stop(): Promise<void>;
}

export function retryDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers the durable outbox. Rows are only marked sent after the SMTP server accepted them,
 * so a crash or restart at any point resends rather than loses (at-least-once).
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const {
    db,
    mailer,
    retryBaseMs = 30_000,
    retryMaxMs = 60 * 60_000,
    maxAttempts = 10,
    pollMs = 5_000,
    concurrency = 1,
    log = (m) => console.log(m),
    withhold = () => null,
    takeTurn = () => Promise.resolve(() => {}),
  } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;
  // runOnce() called directly (tests, scripts) sends even when the worker was never started.
  let draining = false;

  async function deliver(message: outbox.OutboxMessage): Promise<boolean> {
    const withheld = withhold(message);
    if (withheld) {
      outbox.markDropped(db, message.id, withheld);
      log(`mail ${message.id}: dropped (${withheld})`);
      return false;
    }
    const done = await takeTurn();
    try {
      const { subject, html, text, inlineImages } = await renderEmail(
        message.template,
        JSON.parse(message.payload ?? "null"),
      );
      const { messageId, file } = await mailer.send({
        to: { name: message.toName, address: message.toAddress },
        replyTo: message.replyTo,
        messageKey: message.messageKey,
        headers: message.headers
          ? (JSON.parse(message.headers) as Record<string, string>)
          : undefined,
        subject,
        html,
        text,
        inlineImages,
        icalEvent:
          message.ical && message.icalMethod
            ? {
                method: message.icalMethod,
                content: message.ical,
                filename: message.icalFilename ?? "invitasjon.ics",
              }
            : undefined,
      });
      outbox.markSent(db, message.id, messageId, file ?? null);
      return true;
    } catch (error) {
      const attempt = message.attempts + 1;
      const reason = error instanceof Error ? error.message : String(error);
      const next =
        attempt >= maxAttempts
          ? null
          : new Date(Date.now() + retryDelay(attempt, retryBaseMs, retryMaxMs)).toISOString();
      outbox.markAttemptFailed(db, message.id, reason, next);
      log(
        next
          ? `mail ${message.id}: attempt ${attempt} failed (${reason}); retrying at ${next}`
          : `mail ${message.id}: giving up after ${attempt} attempts (${reason})`,
      );
      return false;
    } finally {
      done();
    }
  }

  async function sendDue(): Promise<number> {
    let sent = 0;
    // Only what was due when this run began: a message that fails now waits for its retry.
    const runStart = new Date().toISOString();
    // `concurrency` lanes, each taking the next due message as soon as its last one is done:
    // a slow message holds up only its own lane. A lane's pick marks the message as sending
    // in the same statement (outbox.takeDue), so no two lanes take the same message.
    async function lane() {
      for (;;) {
        // Checked between messages: after SIGTERM no new message is started.
        if (stopped && !draining) return;
        const message = outbox.takeDue(db, runStart);
        if (!message) return;
        if (await deliver(message)) sent++;
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return sent;
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    draining = stopped;
    running = sendDue().finally(() => {
      draining = false;
      running = undefined;
      if (again && !stopped) {
        again = false;
        void runOnce();
      }
    });
    return running;
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void runOnce()
        .catch((e) => log(`mail worker: ${e instanceof Error ? e.message : String(e)}`))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    start() {
      stopped = false;
      const resumed = outbox.requeueInterrupted(db);
      if (resumed > 0)
        log(`mail worker: ${resumed} message(s) interrupted mid-send are queued again`);
      void runOnce().catch(() => {});
      schedule();
    },
    kick() {
      if (!stopped) void runOnce().catch(() => {});
    },
    runOnce,
    async stop() {
      stopped = true;
      draining = false;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
