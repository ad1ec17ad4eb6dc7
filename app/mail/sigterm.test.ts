import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { listMessages } from "../../db/outbox";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { register } from "../registrations/registrations.server";
import { startServer } from "../testing/server";

const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("SIGTERM with a mail backlog and a hung SMTP server", () => {
  it("ends well within a 30 s grace period, having tried only the sends in flight", async () => {
    const env = tempDatabase("folkemote.sqlite");
    cleanups.push(env.cleanup);
    const ctx = { db: env.db, publicUrl: "http://127.0.0.1", mailFrom: "post@roros.kommune.no" };
    const meeting = createTestMeeting(env.db, { capacity: 100 });
    for (let i = 1; i <= 20; i++) {
      register(ctx, meeting, {
        name: `Person ${i}`,
        email: `p${i}@example.no`,
        partySize: 1,
        needs: noNeeds,
      });
    }
    env.db.close();

    // Accepts connections and never greets.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    hung.unref();
    cleanups.push(() => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => hung.close(r));
    });
    const port = (hung.address() as net.AddressInfo).port;

    const server = await startServer(env.dir, {
      SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      SMTP_TIMEOUT_SECONDS: "3",
      SMTP_MAX_CONNECTIONS: "2",
    });
    cleanups.push(() => server.process.kill("SIGKILL"));
    // Let the worker get stuck on the hung server.
    const deadline = Date.now() + 5_000;
    while (sockets.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(sockets.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) =>
      server.process.once("exit", (code) => resolve(code)),
    );
    server.stop();
    // 0: it finished its own shutdown. Had anything hung, server.js's deadline (13 s here,
    // well within the 30 s a process manager gives) would have exited with 1.
    expect(await exited).toBe(0);

    const db = openDatabase(env.file);
    cleanups.push(() => db.close());
    const messages = listMessages(db);
    expect(messages).toHaveLength(20);
    expect(messages.filter((m) => m.status === "sending")).toHaveLength(0);
    expect(messages.filter((m) => m.attempts > 0).length).toBeLessThanOrEqual(2);
    expect(messages.every((m) => m.status === "pending")).toBe(true);
  }, 40_000);
});
