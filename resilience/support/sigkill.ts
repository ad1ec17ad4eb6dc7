// What the SIGKILL tests share: a fan-out of mail to many registrations, the server killed at
// the worst moment in the middle of it, and the promise of ADR 0003 checked after the restart.
import { expect } from "vitest";
import type { DB } from "../../db/connection";
import { createTestMeeting } from "../../db/testing";
import { register } from "../../app/registrations/registrations.server";
import { noNeeds } from "../../app/testing/services";
import { createSmtpSink, type SmtpSink } from "../../app/testing/smtp-sink";
import { count, startApp, waitUntil, type RunningApp } from "./app";
import { perRecipient } from "./mail";

export interface KillRun {
  app: RunningApp;
  sink: SmtpSink;
  /** The meeting the `people` registrations are for. */
  meetingId: number;
  people: number;
  killAfter: number;
  emailOf(i: number): string;
}

/**
 * `people` registrations at one meeting, an SMTP sink that kills the server when it has stored
 * the `killAfter`-th message but not yet answered 250 (delivered, not yet marked sent), and the
 * server started on that data. `prepare` adds what the fan-out needs (e.g. reminders due).
 */
export async function startKillMidFanOut(options: {
  sinkPort: number;
  appPort: number;
  people: number;
  killAfter: number;
  emailPrefix: string;
  env: Record<string, string>;
  prepare?: (db: DB, meetingId: number) => void;
}): Promise<KillRun> {
  const { people, killAfter, emailPrefix } = options;
  const emailOf = (i: number) => `${emailPrefix}-${i}@example.no`;
  let meetingId = 0;
  const sink = createSmtpSink(options.sinkPort, {
    beforeReply: async (n) => {
      // Only the server sends mail, so `app` is assigned by the time this runs.
      if (n === killAfter) await app.kill();
    },
  });
  await sink.start();
  const app = await startApp({
    port: options.appPort,
    env: { SMTP_URL: sink.url, MAIL_RETRY_BASE_SECONDS: "0.2", ...options.env },
    prepare: (db) => {
      meetingId = createTestMeeting(db, { capacity: people });
      const ctx = serviceContext(db);
      for (let i = 0; i < people; i++) {
        register(ctx, meetingId, {
          name: `Person ${i}`,
          email: emailOf(i),
          partySize: 1,
          needs: noNeeds,
        });
      }
      options.prepare?.(db, meetingId);
    },
  });
  return { app, sink, meetingId, people, killAfter, emailOf };
}

/** For registering people from the test process, as the sign-up form does. */
export const serviceContext = (db: DB) => ({
  db,
  publicUrl: "http://127.0.0.1",
  mailFrom: "post@example.no",
});

/**
 * Waits for the kill and counts what was in flight at it: received by the sink but not marked
 * sent by the rows `sentSql` counts. The kill must have come before the fan-out was done.
 */
export async function inFlightAtKill(run: KillRun, sentSql: string) {
  await run.sink.waitFor(run.killAfter, 60_000);
  await waitUntil("the kill", () => run.app.process.signalCode === "SIGKILL", 10_000);
  const receivedAtKill = run.sink.count();
  const inFlight = receivedAtKill - count(run.app.db, sentSql);
  expect(receivedAtKill).toBeLessThan(run.people);
  return { receivedAtKill, inFlight };
}

/** Everyone got their mail; the only duplicates are messages that were in flight at the kill. */
export function expectEveryoneServed(
  run: KillRun,
  kill: { receivedAtKill: number; inFlight: number },
  what: string,
) {
  const people = new Set(Array.from({ length: run.people }, (_, i) => run.emailOf(i)));
  const toPeople = run.sink.messages().filter((m) => m.rcptTo.every((to) => people.has(to)));
  const received = perRecipient(toPeople);
  const duplicates = toPeople.length - received.size;
  console.log(
    `SIGKILL after ${kill.receivedAtKill} of ${run.people} ${what}: ${kill.inFlight} in flight at the kill, ${duplicates} duplicate(s) after the restart`,
  );
  expect(received.size).toBe(run.people);
  for (let i = 0; i < run.people; i++) {
    const email = run.emailOf(i);
    expect(received.get(email), email).toBeGreaterThanOrEqual(1);
  }
  expect(kill.inFlight).toBeGreaterThanOrEqual(1);
  expect(duplicates).toBeLessThanOrEqual(kill.inFlight);
  // A copy sent again is the same message to the receiving side: its Message-ID is the first's.
  const ids = new Map<string, Set<string>>();
  for (const mail of toPeople) {
    const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(mail.raw.toString("utf8"))?.[1] ?? "none";
    for (const to of mail.rcptTo) ids.set(to, (ids.get(to) ?? new Set()).add(id));
  }
  for (const [to, seen] of ids) expect([...seen], to).toHaveLength(1);
  expect(new Set([...ids.values()].flatMap((seen) => [...seen])).size).toBe(run.people);
}
