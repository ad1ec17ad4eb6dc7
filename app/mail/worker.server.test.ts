import type { IncomingMessage, ServerResponse } from "node:http";
import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { countByStatus, listMessages } from "../../db/outbox";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer, type Mailer } from "../../emails/transport";
import { osloToUtc } from "../platform/dates";
import { createTurns } from "../platform/turns.server";
import { mailHealth } from "./outbox-view.server";
import { createMailWorker, retryDelay, type MailWorkerOptions } from "./worker.server";
import type { ServiceContext } from "../platform/service.server";
import { register } from "../registrations/registrations.server";
// A free port is an SMTP server that is down.
import { freePort } from "../testing/server";
import { noNeeds } from "../testing/services";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";

let env: ReturnType<typeof tempDatabase>;
let ctx: ServiceContext;
let sink: SmtpSink | undefined;
// Pooled SMTP connections stay open until closed; the sink would wait for them.
const mailers: Mailer[] = [];
const track = (mailer: Mailer) => (mailers.push(mailer), mailer);

beforeEach(() => {
  env = tempDatabase();
  ctx = { db: env.db, publicUrl: "https://moter.roros.kommune.no", mailFrom: FROM };
});
afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  await sink?.stop();
  sink = undefined;
  env.cleanup();
});

/** A mail worker over the test database sending to `smtpUrl` (none: .eml files), quietly. */
function workerTo(
  smtpUrl: string | undefined,
  options: Partial<MailWorkerOptions> & { outboxDir?: string } = {},
) {
  const { outboxDir = env.dir, ...rest } = options;
  const mailer = track(createMailer({ smtpUrl, outboxDir, from: FROM }));
  return createMailWorker({ db: env.db, mailer, log: () => {}, ...rest });
}

/** A page request as the turns see it: one whose visitor is still connected. */
const visitor = { socket: { destroyed: false } } as IncomingMessage;

/** An SMTP URL on a port nothing listens on: a server that is down. */
const downAt = (port: number) => `smtp://127.0.0.1:${port}?ignoreTLS=true`;

/** Kari signs up, which queues her confirmation. */
const kariSignsUp = (meetingId: number) =>
  register(ctx, meetingId, {
    name: "Kari",
    email: "kari@example.no",
    partySize: 1,
    needs: noNeeds,
  });

function calendarOf(mail: { attachments: { contentType: string; content: Buffer }[] }) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) throw new Error("no text/calendar part");
  const vcalendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  const vevent = vcalendar.getFirstSubcomponent("vevent")!;
  return { vcalendar, vevent };
}

describe("mail worker", () => {
  it("delivers the confirmation with a calendar invite in UTC for a winter and a summer meeting", async () => {
    sink = await startSmtpSink();
    const worker = workerTo(sink.url);
    const winter = createTestMeeting(env.db, {
      startsAt: osloToUtc("2027-01-14", "19:00"),
      endsAt: osloToUtc("2027-01-14", "21:00"),
    });
    const summer = createTestMeeting(env.db, {
      startsAt: osloToUtc("2027-06-10", "19:00"),
      endsAt: osloToUtc("2027-06-10", "21:00"),
    });
    register(ctx, winter, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 2,
      needs: noNeeds,
    });
    register(ctx, summer, {
      name: "Ola Nordmann",
      email: "ola@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    expect(await worker.runOnce()).toBe(2);
    const mails = await sink.waitFor(2);

    const byAddress = (address: string) =>
      mails.find((m) => JSON.stringify(m.to).includes(address))!;
    const kari = byAddress("kari@example.no");
    expect(kari.subject).toBe("Påmeldt: Testmøte om småhus");
    expect(kari.html).toContain("Kari Nordmann");
    expect(kari.text).toContain("torsdag 14. januar 2027 kl. 19.00–21.00");
    // The door check-in: the code in the text and the QR code as an inline image.
    const qr = kari.attachments.find((a) => a.contentType === "image/png");
    expect(qr?.contentId).toBe("<checkin-qr@folkemote>");
    // mailparser resolves cid: references it can match into data: URLs.
    expect(kari.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(kari.html).toMatch(/id="check-in-code">[A-Z0-9]{3}-[A-Z0-9]{3}</);
    const w = calendarOf(byAddress("kari@example.no"));
    expect(w.vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(w.vevent.getFirstPropertyValue("uid")).toBe(`meeting-${winter}@moter.roros.kommune.no`);
    // 19.00 in Oslo is 18.00 UTC in winter (CET) and 17.00 UTC in summer (CEST).
    const winterStart = w.vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(winterStart.zone?.tzid).toBe("UTC");
    expect(winterStart.toString()).toBe("2027-01-14T18:00:00Z");
    expect(w.vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(String(w.vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe(
      "mailto:postmottak@roros.kommune.no",
    );
    expect(String(w.vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      "mailto:kari@example.no",
    );
    expect(String(w.vevent.getFirstPropertyValue("description"))).toContain(
      "https://moter.roros.kommune.no/meetings/",
    );
    expect(w.vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();

    const s = calendarOf(byAddress("ola@example.no"));
    expect((s.vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toString()).toBe(
      "2027-06-10T17:00:00Z",
    );

    // Exactly one calendar alternative per message: nodemailer's icalEvent, nothing of ours.
    for (const raw of sink.messages().map((m) => m.raw.toString("utf8"))) {
      expect(raw.match(/Content-Type: text\/calendar/gi)).toHaveLength(1);
      expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    }
    const sent = listMessages(env.db);
    expect(sent.every((m) => m.status === "sent" && m.payload === null)).toBe(true);
  });

  it("holds no more messages at once than its concurrency, however many are queued", async () => {
    // Each message is rendered (HTML, text, QR PNG, calendar part) when it is started and let
    // go when the SMTP server has answered: what the worker starts at once bounds its memory.
    let inProgress = 0;
    let peak = 0;
    const server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onMailFrom(_address, _session, callback) {
        peak = Math.max(peak, ++inProgress);
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () =>
          setTimeout(() => {
            inProgress--;
            callback();
          }, 20),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.server.unref();
    const port = (server.server.address() as { port: number }).port;
    // The pool would take ten at once: the bound must come from the worker.
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      outboxDir: env.dir,
      from: FROM,
      maxConnections: 10,
      maxMessagesPerSecond: 1000,
    });
    try {
      const worker = createMailWorker({ db: env.db, mailer, concurrency: 3, log: () => {} });
      const meeting = createTestMeeting(env.db, { capacity: 100 });
      for (let i = 0; i < 15; i++) {
        register(ctx, meeting, {
          name: `Person ${i}`,
          email: `p${i}@example.no`,
          partySize: 1,
          needs: noNeeds,
        });
      }
      expect(await worker.runOnce()).toBe(15);
      expect(countByStatus(env.db).sent).toBe(15);
      expect(peak).toBe(3);
    } finally {
      // Pooled connections stay open until the mailer closes; the server waits for them.
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("lets a slow message hold up only its own lane: the others go past it", async () => {
    // The first confirmation's server answer waits until every other one has been accepted.
    // Sent in rounds of `concurrency`, the round with the first would wait for it forever.
    const accepted: string[] = [];
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const to = session.envelope.rcptTo[0]!.address;
        stream.resume();
        stream.on("end", () => {
          if (to !== "p0@example.no") {
            accepted.push(to);
            if (accepted.length === 5) releaseFirst();
            return callback();
          }
          const giveUp = setTimeout(() => callback(new Error("the others never came")), 5_000);
          void firstHeld.then(() => {
            clearTimeout(giveUp);
            accepted.push(to);
            callback();
          });
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.server.unref();
    const port = (server.server.address() as { port: number }).port;
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      outboxDir: env.dir,
      from: FROM,
      maxConnections: 2,
      maxMessagesPerSecond: 1000,
    });
    try {
      const worker = createMailWorker({ db: env.db, mailer, concurrency: 2, log: () => {} });
      const meeting = createTestMeeting(env.db, { capacity: 100 });
      for (let i = 0; i < 6; i++) {
        register(ctx, meeting, {
          name: `Person ${i}`,
          email: `p${i}@example.no`,
          partySize: 1,
          needs: noNeeds,
        });
      }
      expect(await worker.runOnce()).toBe(6);
      expect(countByStatus(env.db).sent).toBe(6);
      expect(accepted.at(-1)).toBe("p0@example.no");
      expect(accepted.slice(0, 5).sort()).toEqual(
        ["p1", "p2", "p3", "p4", "p5"].map((p) => `${p}@example.no`),
      );
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("keeps mail while the SMTP server is down and delivers it after a restart", async () => {
    const port = await freePort();
    const meetingId = createTestMeeting(env.db);
    const down = workerTo(downAt(port), { retryBaseMs: 1 });
    kariSignsUp(meetingId);
    expect(await down.runOnce()).toBe(0);
    const [failed] = listMessages(env.db);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);
    expect(failed!.payload).not.toBeNull();
    // Organisers are told on their front page.
    expect(mailHealth(env.db)).toMatchObject({ retrying: true, pending: 1, failed: 0 });
    expect(mailHealth(env.db).lastError).toMatch(/ECONNREFUSED/);
    await down.stop();
    env.db.close();

    // "Restart": a new process opens the same file; the SMTP server is back on that port.
    const db = openDatabase(env.file);
    sink = await startSmtpSink(port);
    await new Promise((r) => setTimeout(r, 5));
    const up = workerTo(sink.url, { db });
    expect(await up.runOnce()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toMatch(/^Påmeldt: /);
    expect(countByStatus(db)).toMatchObject({ pending: 0, sent: 1, failed: 0 });
    expect(mailHealth(db)).toMatchObject({ retrying: false, failed: 0 });
    db.close();
  });

  it("sends a mail again with its first Message-ID when the server kept it but did not say so", async () => {
    // The SMTP server stores Kari's mail and then answers with an error (as when the
    // connection drops before its 250): the worker cannot know it arrived and sends it again.
    sink = await startSmtpSink(0, {
      beforeReply: (n) => {
        if (n === 1) throw new Error("lost before the reply");
      },
    });
    const worker = workerTo(sink.url, { retryBaseMs: 1 });
    const meetingId = createTestMeeting(env.db);
    kariSignsUp(meetingId);
    expect(await worker.runOnce()).toBe(0);
    expect(listMessages(env.db)[0]).toMatchObject({ status: "pending", attempts: 1 });
    register(ctx, meetingId, {
      name: "Ola",
      email: "ola@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await worker.runOnce()).toBe(2);

    const mails = await sink.waitFor(3);
    const idsTo = (address: string) =>
      mails.filter((m) => JSON.stringify(m.to).includes(address)).map((m) => m.messageId);
    const [first, again] = idsTo("kari@example.no");
    // The same message twice, as the receiving side sees it, on the From address's domain.
    expect(first).toMatch(/^<[0-9a-f-]{36}@roros\.kommune\.no>$/);
    expect(again).toBe(first);
    // Another mail is another message.
    const [ola] = idsTo("ola@example.no");
    expect(ola).toMatch(/^<[0-9a-f-]{36}@roros\.kommune\.no>$/);
    expect(ola).not.toBe(first);
    const row = env.db
      .prepare<[], { messageId: string }>("SELECT message_id AS messageId FROM outbox ORDER BY id")
      .all();
    expect(row.map((r) => r.messageId)).toEqual([first, ola]);
  });

  it("sends while pages keep the server busy, giving back each message's turn, sent or failed", async () => {
    // Visitors keep arriving: the worker's turns are paced, one message at a time.
    const turns = createTurns();
    let visitors = true;
    const visit = () =>
      turns.admit(visitor, {} as ServerResponse, () => {
        if (visitors) setTimeout(visit, 1);
      });
    visit();
    visit();
    try {
      const meetingId = createTestMeeting(env.db);
      for (const name of ["Kari", "Ola", "Per"]) {
        register(ctx, meetingId, {
          name,
          email: `${name.toLowerCase()}@example.no`,
          partySize: 1,
          needs: noNeeds,
        });
      }
      const paced = { takeTurn: turns.spread, concurrency: 3, retryBaseMs: 1 };
      // Every attempt fails: a turn kept after a failure would leave the next message waiting.
      const down = workerTo(downAt(await freePort()), paced);
      expect(await down.runOnce()).toBe(0);
      expect(listMessages(env.db).map((m) => m.attempts)).toEqual([1, 1, 1]);
      sink = await startSmtpSink(0);
      await new Promise((r) => setTimeout(r, 5));
      expect(await workerTo(sink.url, paced).runOnce()).toBe(3);
      expect(countByStatus(env.db)).toMatchObject({ pending: 0, sending: 0, sent: 3 });
    } finally {
      visitors = false;
    }
  });

  it("backs off exponentially and gives up after the last attempt, recording why", async () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000]);
    const port = await freePort();
    const meetingId = createTestMeeting(env.db);
    const worker = workerTo(downAt(port), { retryBaseMs: 60_000, maxAttempts: 2 });
    kariSignsUp(meetingId);
    const tried = Date.now();
    await worker.runOnce();
    const [first] = listMessages(env.db);
    // The first retry waits the base delay from the failed attempt, which came after `tried`.
    expect(Date.parse(first!.nextAttemptAt)).toBeGreaterThanOrEqual(tried + 60_000);
    // Not due yet: nothing is tried.
    await worker.runOnce();
    expect(listMessages(env.db)[0]!.attempts).toBe(1);
    env.db.prepare("UPDATE outbox SET next_attempt_at = ?").run(new Date(0).toISOString());
    await worker.runOnce();
    const [last] = listMessages(env.db);
    expect(last).toMatchObject({ status: "failed", attempts: 2 });
    expect(mailHealth(env.db)).toMatchObject({ failed: 1, pending: 0 });
    expect(last!.lastError).toBeTruthy();
  });

  it("writes .eml files to the outbox folder when no SMTP server is configured", async () => {
    const meetingId = createTestMeeting(env.db);
    const outboxDir = `${env.dir}/outbox`;
    const worker = workerTo(undefined, { outboxDir });
    kariSignsUp(meetingId);
    expect(await worker.runOnce()).toBe(1);
    const fs = await import("node:fs");
    const files = fs.readdirSync(outboxDir).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(`${outboxDir}/${files[0]}`, "utf8")).toContain("METHOD:REQUEST");
  });
});
