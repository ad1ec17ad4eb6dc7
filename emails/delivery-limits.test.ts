import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createMailer, type Mailer, type OutgoingMail } from "./transport";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";
const mail = (n: number): OutgoingMail => ({
  to: { name: `Person ${n}`, address: `p${n}@example.no` },
  replyTo: "siri@roros.kommune.no",
  subject: `Melding ${n}`,
  html: `<p>Melding ${n}</p>`,
  text: `Melding ${n}`,
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real SMTP server that counts how many connections are open at once. */
async function countingServer() {
  let open = 0;
  let peak = 0;
  let messages = 0;
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      open++;
      peak = Math.max(peak, open);
      callback();
    },
    onClose() {
      open--;
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        messages++;
        // A little work per message, so parallel sends overlap.
        setTimeout(() => callback(), 30);
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  server.server.unref();
  cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    peak: () => peak,
    messages: () => messages,
  };
}

function track(mailer: Mailer) {
  cleanups.push(() => mailer.close());
  return mailer;
}

describe("delivery limits", () => {
  it("never opens more SMTP connections than configured, even for a burst", async () => {
    const server = await countingServer();
    const mailer = track(
      createMailer({
        smtpUrl: server.url,
        outboxDir: "/nonexistent",
        from: FROM,
        maxConnections: 2,
        maxMessagesPerSecond: 100,
      }),
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => mailer.send(mail(i))));
    expect(server.messages()).toBe(8);
    expect(server.peak()).toBeLessThanOrEqual(2);
  });

  it("keeps to the configured messages per second", async () => {
    const server = await countingServer();
    const mailer = track(
      createMailer({
        smtpUrl: server.url,
        outboxDir: "/nonexistent",
        from: FROM,
        maxConnections: 3,
        maxMessagesPerSecond: 2,
      }),
    );
    const began = Date.now();
    await Promise.all(Array.from({ length: 5 }, (_, i) => mailer.send(mail(i))));
    // 5 messages at 2 per second need at least three one-second windows.
    expect(Date.now() - began).toBeGreaterThanOrEqual(1900);
    expect(server.messages()).toBe(5);
  });

  it("signs with DKIM when a key is configured, and sets Reply-To", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-dkim-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const mailer = track(
      createMailer({
        outboxDir: dir,
        from: FROM,
        dkim: {
          domainName: "roros.kommune.no",
          keySelector: "folkemote",
          privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        },
      }),
    );
    await mailer.send(mail(1));
    const [file] = readdirSync(dir).filter((f) => f.endsWith(".eml"));
    const raw = readFileSync(path.join(dir, file!), "utf8");
    const header = /^DKIM-Signature: (.+(?:\n[ \t].+)*)/m.exec(raw)?.[1]?.replace(/\s+/g, " ");
    expect(header).toMatch(/\bd=roros\.kommune\.no;/);
    expect(header).toMatch(/\bs=folkemote;/);
    expect(raw).toMatch(/^Reply-To: siri@roros\.kommune\.no$/m);
  });

  it("refuses a Reply-To that tries to add a header", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-reply-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const mailer = track(createMailer({ outboxDir: dir, from: FROM }));
    await expect(
      mailer.send({ ...mail(1), replyTo: "siri@roros.kommune.no\r\nBcc: x@evil.example" }),
    ).rejects.toThrow(/Invalid recipient address/);
  });
});
