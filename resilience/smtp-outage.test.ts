/**
 * The mail server goes away for a while: sign-ups keep working, their mail waits in the
 * outbox, and once the server is back every queued message is delivered exactly once.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestMeeting } from "../db/testing";
import { portFor } from "../app/testing/ports";
import { createSmtpSink, type SmtpSink } from "../app/testing/smtp-sink";
import {
  count,
  honeypotTimestamp,
  postForm,
  rsvpFields,
  startApp,
  waitUntil,
  type RunningApp,
  FAST_MAIL,
} from "./support/app";
import { oneMoreDelivered, perRecipient } from "./support/mail";

let app: RunningApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = createSmtpSink(portFor(22));
  await sink.start();
  app = await startApp({
    port: portFor(23),
    env: { SMTP_URL: sink.url, MAIL_RETRY_BASE_SECONDS: "0.2", ...FAST_MAIL },
    prepare: (db) => void createTestMeeting(db, { slug: "outage", capacity: 100 }),
  });
});

afterAll(async () => {
  await app?.cleanup();
  await sink?.stop();
});

it("delivers every message queued while the SMTP server was down, exactly once", async () => {
  const url = `${app.base}/meetings/outage`;
  const validFrom = await honeypotTimestamp(url);
  const signUp = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = await postForm(
        url,
        rsvpFields(validFrom, { name: `Person ${i}`, email: `outage-${i}@example.no` }),
      );
      expect(r.status, `sign-up ${i}`).toBe(302);
    }
  };

  await signUp(0, 5);
  await sink.waitFor(5, 20_000);

  await sink.stop();
  await signUp(5, 30);
  // The worker has tried and failed while the server was away; nothing was marked sent.
  await waitUntil(
    "failed attempts while SMTP is down",
    () =>
      count(
        app.db,
        "SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND attempts >= 2",
      ) === 25,
    20_000,
  );
  expect(count(app.db, "SELECT count(*) AS n FROM outbox WHERE status = 'sent'")).toBe(5);
  expect(count(app.db, "SELECT count(*) AS n FROM outbox WHERE status = 'failed'")).toBe(0);

  await sink.start();
  await waitUntil(
    "the outbox to drain",
    () => count(app.db, "SELECT count(*) AS n FROM outbox WHERE status != 'sent'") === 0,
    60_000,
  );
  // One more sign-up, delivered after the drain: a stray duplicate would have come before it.
  await oneMoreDelivered(app, "outage-30@example.no", () => signUp(30, 31));

  expect(sink.count()).toBe(31);
  const received = perRecipient(sink.messages());
  expect(received.size).toBe(31);
  expect([...received.values()].every((n) => n === 1)).toBe(true);
});
