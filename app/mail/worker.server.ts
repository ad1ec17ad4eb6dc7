/**
 * Mail: delivering what the domains queued in the outbox table. Nothing sends mail directly;
 * a change writes its messages in its own transaction and this worker delivers them, with
 * retries, after the change has committed.
 */
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";
import { renderEmail } from "../../emails/render";
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
  log?: (message: string) => void;
}

export interface MailWorker {
  start(): void;
  /** Look at the queue now (after a transaction queued mail). */
  kick(): void;
  /** Sends everything that is due; resolves with the number sent. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for a send in progress to finish. */
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
    log = (m) => console.log(m),
  } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;

  async function sendDue(): Promise<number> {
    let sent = 0;
    // Only what was due when this run began: a message that fails now waits for its retry.
    const runStart = new Date().toISOString();
    for (;;) {
      const batch = outbox.due(db, 20, runStart);
      if (batch.length === 0) return sent;
      for (const message of batch) {
        try {
          const { subject, html, text, inlineImages } = await renderEmail(
            message.template,
            JSON.parse(message.payload ?? "null"),
          );
          const { messageId } = await mailer.send({
            to: { name: message.toName, address: message.toAddress },
            subject,
            html,
            text,
            inlineImages,
            headers: message.headers ? (JSON.parse(message.headers) as Record<string, string>) : undefined,
            icalEvent:
              message.ical && message.icalMethod
                ? { method: message.icalMethod, content: message.ical, filename: "invitation.ics" }
                : undefined,
          });
          outbox.markSent(db, message.id, messageId);
          sent++;
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
        }
      }
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = sendDue().finally(() => {
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
      void runOnce().catch(() => {});
      schedule();
    },
    kick() {
      if (!stopped) void runOnce().catch(() => {});
    },
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
