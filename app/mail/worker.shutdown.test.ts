import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMessages, markSending } from "../../db/outbox";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer, type Mailer } from "../../emails/transport";
import type { ServiceContext } from "../platform/service.server";
import { register } from "../registrations/registrations.server";
import { createMailWorker } from "./worker.server";

const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
const FROM = "Røros kommune <postmottak@roros.kommune.no>";

let env: ReturnType<typeof tempDatabase>;
let ctx: ServiceContext;
let hung: net.Server | undefined;
let sink: SmtpSink | undefined;
const sockets: net.Socket[] = [];
const mailers: Mailer[] = [];

beforeEach(() => {
  env = tempDatabase();
  ctx = { db: env.db, publicUrl: "https://moter.roros.kommune.no", mailFrom: FROM };
});
afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise((r) => (hung ? hung.close(r) : r(undefined)));
  hung = undefined;
  await sink?.stop();
  sink = undefined;
  env.cleanup();
});

/** An SMTP server that accepts connections and then says nothing: a hung mail server. */
async function hungServer(): Promise<number> {
  hung = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((r) => hung!.listen(0, "127.0.0.1", r));
  hung.unref();
  return (hung.address() as net.AddressInfo).port;
}

function backlog(n: number) {
  const id = createTestMeeting(env.db, { capacity: 100 });
  for (let i = 1; i <= n; i++) {
    register(ctx, id, {
      name: `Person ${i}`,
      email: `p${i}@example.no`,
      partySize: 1,
      needs: noNeeds,
    });
  }
}

describe("mail worker shutdown", () => {
  it("stops when the SMTP timeout ends the sends in flight, with a backlog and a hung SMTP server, and resends little", async () => {
    backlog(10);
    const port = await hungServer();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      outboxDir: env.dir,
      from: FROM,
      timeoutMs: 1_000,
    });
    mailers.push(mailer);
    const worker = createMailWorker({
      db: env.db,
      mailer,
      concurrency: 2,
      retryBaseMs: 60_000,
      log: () => {},
    });
    worker.start();
    // Wait until the worker is stuck on the hung server.
    const deadline = Date.now() + 5_000;
    while (!listMessages(env.db).some((m) => m.status === "sending") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(listMessages(env.db).some((m) => m.status === "sending")).toBe(true);

    await worker.stop();

    const messages = listMessages(env.db);
    // Only the sends in flight were tried, and the SMTP timeout (1 s here, 10 s by default, a
    // third of the 30 s a process manager waits after SIGTERM) is what ended them; the rest of
    // the backlog was left untouched.
    const tried = messages.filter((m) => m.attempts > 0);
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.length).toBeLessThanOrEqual(2);
    // The greeting and socket timeouts are both the SMTP timeout; on a busy machine either
    // may fire first on a server that never speaks.
    for (const m of tried) expect(m.lastError).toMatch(/^(Greeting never received|Timeout)/);
    expect(
      messages.filter((m) => m.attempts === 0 && m.status === "pending").length,
    ).toBeGreaterThanOrEqual(8);
    expect(messages.some((m) => m.status === "sent")).toBe(false);
    expect(messages.some((m) => m.status === "sending")).toBe(false);
  }, 30_000);

  it("after a crash mid-send, the next start queues the message again and delivers it", async () => {
    backlog(1);
    const [message] = listMessages(env.db);
    markSending(env.db, message!.id);
    sink = await startSmtpSink();
    const mailer = createMailer({ smtpUrl: sink.url, outboxDir: env.dir, from: FROM });
    mailers.push(mailer);
    const worker = createMailWorker({ db: env.db, mailer, log: () => {} });
    worker.start();
    await sink.waitFor(1);
    await worker.stop();
    expect(listMessages(env.db)[0]!.status).toBe("sent");
  });
});
