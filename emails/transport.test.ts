import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RegistrationEmailKind, RegistrationEmailProps } from "./registration-email";
import { renderEmail } from "./render";
import { createMailer, type Mailer } from "./transport";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";
const WHEN = "torsdag 10. desember 2026 kl. 19.00–21.00";
const MANAGE_URL = "https://folkemote.example/pamelding/abc123def456";
const MEETING_URL = "https://folkemote.example/";

function payload(overrides: Partial<RegistrationEmailProps> = {}): RegistrationEmailProps {
  return {
    kind: "confirmed",
    name: "Kari Nordmann",
    partySize: 2,
    waitlistPosition: null,
    status: "confirmed",
    manageUrl: MANAGE_URL,
    meeting: {
      title: "Informasjonsmøte om småhus ved Gjøsvika",
      when: WHEN,
      venueName: "Storstuggu",
      address: "Tollef Bredals veg 1, 7374 Røros",
      mapUrl: "https://www.openstreetmap.org/?mlat=62.5747&mlon=11.3844",
      accessibility: "Trinnfri adkomst, HC-parkering og teleslynge i salen.",
      url: MEETING_URL,
      contact: "Kim Andre Nyrønning, boligkontoret, tlf. 72 41 00 00",
    },
    ...overrides,
  };
}

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//folkemote//test//NB",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "UID:test-1@folkemote.example",
  "DTSTAMP:20260101T000000Z",
  "DTSTART:20261210T180000Z",
  "DTEND:20261210T200000Z",
  "SUMMARY:Informasjonsmøte om småhus ved Gjøsvika",
  "ORGANIZER;CN=Røros kommune:mailto:postmottak@roros.kommune.no",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

interface Received {
  raw: string;
  mailFrom: string | null;
  rcptTo: string[];
  /** Whether the session was upgraded with STARTTLS. */
  secure: boolean;
}

interface TestServer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1; offers STARTTLS with smtp-server's built-in self-signed
 * cert, or with `secure` speaks TLS from the first byte (smtps).
 */
async function startServer(opts: { reject?: boolean; secure?: boolean } = {}): Promise<TestServer> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: opts.secure ?? false,
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (opts.reject) {
          const error = Object.assign(new Error("Message rejected by policy"), {
            responseCode: 554,
          });
          callback(error);
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        received.push({
          raw: Buffer.concat(chunks).toString("utf8"),
          mailFrom: mailFrom ? mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.server.unref();
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** nodemailer upgrades with STARTTLS when offered; the test server's cert is self-signed. */
function smtpUrl(port: number) {
  return `smtp://127.0.0.1:${port}?tls.rejectUnauthorized=false`;
}

/** The header block of a raw message (before the first empty line). */
function headerBlock(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return end === -1 ? raw : raw.slice(0, end);
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const obj = Array.isArray(field) ? field[0] : field;
  return obj?.value ?? [];
}

function count(haystack: string, re: RegExp): number {
  return haystack.match(re)?.length ?? 0;
}

const mailers: Mailer[] = [];
afterEach(() => {
  for (const m of mailers.splice(0)) m.close();
});

describe("createMailer (smtp)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("delivers a rendered confirmation with exactly one calendar part", async () => {
    const mailer = createMailer({
      smtpUrl: smtpUrl(server.port),
      outboxDir: "/nonexistent",
      from: FROM,
    });
    mailers.push(mailer);
    expect(mailer.kind).toBe("smtp");

    const email = await renderEmail("registration", payload());
    const before = server.received.length;
    const { messageId } = await mailer.send({
      to: { name: "Kari Nordmann", address: "kari@example.com" },
      ...email,
      icalEvent: { method: "REQUEST", content: ICS, filename: "folkemote.ics" },
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(server.received.length).toBe(before + 1);
    const msg = server.received.at(-1)!;
    expect(msg.rcptTo).toEqual(["kari@example.com"]);
    expect(msg.mailFrom).toBe("postmottak@roros.kommune.no");
    expect(msg.secure).toBe(true);

    const parsed = await simpleParser(msg.raw);
    expect(parsed.subject).toBe("Påmeldt: Informasjonsmøte om småhus ved Gjøsvika");
    expect(parsed.messageId).toBe(messageId);
    expect(firstAddress(parsed.to)).toEqual([
      { name: "Kari Nordmann", address: "kari@example.com" },
    ]);
    expect(firstAddress(parsed.from)).toEqual([
      { name: "Røros kommune", address: "postmottak@roros.kommune.no" },
    ]);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.html).toContain(`href="${MANAGE_URL}"`);
    expect(parsed.html).toMatch(/<a[^>]*id="manage-link"/);
    expect(parsed.text).toContain(WHEN);
    expect(parsed.text).toContain(MANAGE_URL);

    // nodemailer's icalEvent yields one text/calendar alternative (with the method) plus one
    // application/ics attachment of the same content; we add nothing of our own.
    const raw = msg.raw;
    expect(count(raw, /^Content-Type:\s*text\/calendar/gim)).toBe(1);
    expect(raw).toMatch(/^Content-Type:\s*text\/calendar;[^\n]*method=REQUEST/im);
    expect(count(raw, /^Content-Type:\s*application\/ics/gim)).toBe(1);
    expect(raw).toMatch(/^Content-Type:\s*multipart\/mixed/im);
    expect(raw).toMatch(/^Content-Type:\s*multipart\/alternative/im);
    const ics = parsed.attachments.filter((a) => a.contentType === "application/ics");
    expect(ics).toHaveLength(1);
    expect(ics[0]!.filename).toBe("folkemote.ics");
    expect(ics[0]!.content.toString("utf8")).toBe(ICS);
  });

  it("sends no calendar parts without an icalEvent", async () => {
    const mailer = createMailer({
      smtpUrl: smtpUrl(server.port),
      outboxDir: "/nonexistent",
      from: FROM,
    });
    mailers.push(mailer);
    const email = await renderEmail(
      "registration",
      payload({
        kind: "waitlisted",
        status: "waitlisted",
        waitlistPosition: 4,
      }),
    );
    await mailer.send({
      to: { name: null, address: "ola@example.com" },
      ...email,
    });
    const msg = server.received.at(-1)!;
    expect(msg.rcptTo).toEqual(["ola@example.com"]);
    expect(msg.raw).not.toMatch(/text\/calendar|application\/ics/i);
    const parsed = await simpleParser(msg.raw);
    expect(parsed.subject).toBe("Venteliste: Informasjonsmøte om småhus ved Gjøsvika");
    expect(firstAddress(parsed.to)).toEqual([{ name: "", address: "ola@example.com" }]);
  });

  it("cannot be made to add headers or recipients through the name, and escapes it in HTML", async () => {
    const mailer = createMailer({
      smtpUrl: smtpUrl(server.port),
      outboxDir: "/nonexistent",
      from: FROM,
    });
    mailers.push(mailer);
    const names = [
      "Eve\r\nBcc: evil@example.com",
      "<script>alert(1)</script>",
      '"Mallory", evil@example.com <evil2@example.com>',
    ];
    for (const name of names) {
      const email = await renderEmail("registration", payload({ name }));
      expect(email.html).not.toMatch(/<script/i);
      await mailer.send({
        to: { name, address: "target@example.com" },
        ...email,
      });
      const msg = server.received.at(-1)!;
      expect(msg.rcptTo).toEqual(["target@example.com"]);
      const headers = headerBlock(msg.raw);
      expect(headers).not.toMatch(/^Bcc:/im);
      expect(headers).not.toMatch(/^Cc:/im);
      expect(msg.raw).not.toContain("evil@example.com>");
      const parsed = await simpleParser(msg.raw);
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.cc).toBeUndefined();
      const to = firstAddress(parsed.to);
      expect(to).toHaveLength(1);
      expect(to[0]!.address).toBe("target@example.com");
      expect(to[0]!.name).not.toMatch(/[\r\n]/);
      expect(parsed.html).not.toMatch(/<script/i);
    }
    const scriptMail = await renderEmail(
      "registration",
      payload({ name: "<script>alert(1)</script>" }),
    );
    expect(scriptMail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("rejects when the server refuses the message", async () => {
    const refusing = await startServer({ reject: true });
    try {
      const mailer = createMailer({
        smtpUrl: smtpUrl(refusing.port),
        outboxDir: "/nonexistent",
        from: FROM,
      });
      mailers.push(mailer);
      const email = await renderEmail("registration", payload());
      await expect(
        mailer.send({
          to: { name: "Kari", address: "kari@example.com" },
          ...email,
        }),
      ).rejects.toMatchObject({ responseCode: 554 });
      expect(refusing.received).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });

  it("delivers over smtps, TLS from the first byte on the connection it opened", async () => {
    const tlsServer = await startServer({ secure: true });
    try {
      const mailer = createMailer({
        smtpUrl: `smtps://127.0.0.1:${tlsServer.port}?tls.rejectUnauthorized=false`,
        outboxDir: "/nonexistent",
        from: FROM,
      });
      mailers.push(mailer);
      const email = await renderEmail("registration", payload());
      const { messageId } = await mailer.send({
        to: { name: "Kari Nordmann", address: "kari@example.com" },
        ...email,
      });
      expect(tlsServer.received).toHaveLength(1);
      expect(tlsServer.received[0]!.secure).toBe(true);
      expect((await simpleParser(tlsServer.received[0]!.raw)).messageId).toBe(messageId);
    } finally {
      await tlsServer.close();
    }
  });

  it("rejects when nothing listens on the port", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const mailer = createMailer({
      smtpUrl: smtpUrl(port),
      outboxDir: "/nonexistent",
      from: FROM,
    });
    mailers.push(mailer);
    const email = await renderEmail("registration", payload());
    await expect(
      mailer.send({
        to: { name: "Kari", address: "kari@example.com" },
        ...email,
      }),
    ).rejects.toThrow();
  });

  it("refuses a recipient address with line breaks", async () => {
    const mailer = createMailer({
      smtpUrl: smtpUrl(server.port),
      outboxDir: "/nonexistent",
      from: FROM,
    });
    mailers.push(mailer);
    const before = server.received.length;
    const email = await renderEmail("registration", payload());
    await expect(
      mailer.send({
        to: { name: null, address: "a@example.com\r\nBcc: evil@example.com" },
        ...email,
      }),
    ).rejects.toThrow(/recipient/);
    expect(server.received.length).toBe(before);
  });
});

describe("createMailer (file)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "folkemote-outbox-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one parseable .eml file, creating the directory", async () => {
    const outboxDir = path.join(dir, "nested", "outbox");
    const mailer = createMailer({ outboxDir, from: FROM });
    mailers.push(mailer);
    expect(mailer.kind).toBe("file");

    const email = await renderEmail("registration", payload({ kind: "promoted" }));
    const { messageId } = await mailer.send({
      to: { name: "Kari Nordmann", address: "kari@example.com" },
      ...email,
      icalEvent: { method: "REQUEST", content: ICS },
    });

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{16}\.eml$/);

    const raw = await readFile(path.join(outboxDir, file), "utf8");
    expect(raw).not.toContain("\r\n");
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe("Du har fått plass: Informasjonsmøte om småhus ved Gjøsvika");
    expect(parsed.messageId).toBe(messageId);
    expect(firstAddress(parsed.to)).toEqual([
      { name: "Kari Nordmann", address: "kari@example.com" },
    ]);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.html).toContain(MANAGE_URL);
    expect(count(raw, /^Content-Type:\s*text\/calendar/gim)).toBe(1);
  });

  it("writes the Message-ID its key makes, and makes its own for a key that does not fit the header", async () => {
    const outboxDir = path.join(dir, "keys");
    const mailer = createMailer({ outboxDir, from: FROM });
    mailers.push(mailer);
    const email = await renderEmail("registration", payload({ kind: "promoted" }));
    const to = { name: "Kari Nordmann", address: "kari@example.com" };
    const key = "8f5b2c1e-0d4a-4b7e-9c3f-2a6d1e8b7c90";
    const sent = await mailer.send({ to, ...email, messageKey: key });
    const again = await mailer.send({ to, ...email, messageKey: key });
    const hostile = await mailer.send({ to, ...email, messageKey: "x>\r\nBcc: eve@example.com" });
    expect(sent.messageId).toBe(`<${key}@roros.kommune.no>`);
    expect(again.messageId).toBe(sent.messageId);
    expect(hostile.messageId).not.toContain("x>");
    for (const file of [sent.file, again.file, hostile.file]) {
      const parsed = await simpleParser(await readFile(path.join(outboxDir, file!), "utf8"));
      expect(parsed.headers.has("bcc")).toBe(false);
      expect(parsed.messageId).toBe(file === hostile.file ? hostile.messageId : sent.messageId);
    }
  });
});

describe("renderEmail", () => {
  it("throws for an unknown template", async () => {
    await expect(renderEmail("nope", payload())).rejects.toThrow(
      /Unknown email template "nope".*registration/,
    );
    await expect(renderEmail("toString", payload())).rejects.toThrow(/Unknown email template/);
  });

  it("throws for a bad payload", async () => {
    await expect(renderEmail("registration", null)).rejects.toThrow(/Invalid payload/);
    await expect(renderEmail("registration", { ...payload(), partySize: 0 })).rejects.toThrow(
      /Invalid payload for email template "registration": partySize/,
    );
    await expect(renderEmail("registration", { ...payload(), kind: "deleted" })).rejects.toThrow(
      /kind/,
    );
    await expect(
      renderEmail("registration", {
        ...payload(),
        manageUrl: "javascript:alert(1)",
      }),
    ).rejects.toThrow(/manageUrl/);
    const { meeting, ...noMeeting } = payload();
    void meeting;
    await expect(renderEmail("registration", noMeeting)).rejects.toThrow(/meeting/);
  });

  it("keeps line breaks out of the subject", async () => {
    const p = payload();
    const { subject } = await renderEmail("registration", {
      ...p,
      meeting: { ...p.meeting, title: "Møte\r\nBcc: evil@example.com\n" },
    });
    expect(subject).toBe("Påmeldt: Møte Bcc: evil@example.com");
  });

  const cases: {
    kind: RegistrationEmailKind;
    props: Partial<RegistrationEmailProps>;
    subject: string;
    heading: string;
    ids: string[];
    absent: string[];
  }[] = [
    {
      kind: "confirmed",
      props: {},
      subject: "Påmeldt: ",
      heading: "Du er påmeldt",
      ids: ["status", "party-size", "when", "manage-link"],
      absent: ["waitlist-position"],
    },
    {
      kind: "waitlisted",
      props: { status: "waitlisted", waitlistPosition: 3 },
      subject: "Venteliste: ",
      heading: "Du står på venteliste",
      ids: ["status", "party-size", "waitlist-position", "when", "manage-link"],
      absent: [],
    },
    {
      kind: "promoted",
      props: {},
      subject: "Du har fått plass: ",
      heading: "Du har fått plass",
      ids: ["status", "party-size", "when", "manage-link"],
      absent: ["waitlist-position"],
    },
    {
      kind: "updated",
      props: { partySize: 4 },
      subject: "Endret påmelding: ",
      heading: "Påmeldingen er endret",
      ids: ["status", "party-size", "when", "manage-link"],
      absent: ["waitlist-position"],
    },
    {
      kind: "updated",
      props: { status: "waitlisted", waitlistPosition: 7 },
      subject: "Endret påmelding: ",
      heading: "Påmeldingen er endret",
      ids: ["status", "party-size", "waitlist-position", "when", "manage-link"],
      absent: [],
    },
    {
      kind: "cancelled",
      props: { status: "cancelled" },
      subject: "Avmeldt: ",
      heading: "Du er meldt av",
      ids: ["status", "when"],
      absent: ["waitlist-position", "manage-link", "party-size"],
    },
    {
      kind: "cancelled",
      props: { status: "cancelled", canRejoin: true },
      subject: "Avmeldt: ",
      heading: "Du er meldt av",
      ids: ["status", "when", "manage-link"],
      absent: ["waitlist-position", "party-size"],
    },
    {
      kind: "link",
      props: {},
      subject: "Lenken til påmeldingen din: ",
      heading: "Lenken til påmeldingen din",
      ids: ["status", "party-size", "when", "manage-link"],
      absent: ["waitlist-position"],
    },
    {
      kind: "link",
      props: { status: "cancelled", canRejoin: true },
      subject: "Lenken til påmeldingen din: ",
      heading: "Lenken til påmeldingen din",
      ids: ["status", "when", "manage-link"],
      absent: ["waitlist-position", "party-size"],
    },
  ];

  it("says how long personal data is kept when the payload carries RETENTION_DAYS", async () => {
    const { text } = await renderEmail("registration", payload({ retentionDays: 90 }));
    expect(text).toContain(
      "Vi bruker opplysningene bare til å planlegge møtet og sletter dem 90 dager etter møtet.",
    );
  });

  it("keeps a hostile name inert in the greeting, in HTML and in plain text", async () => {
    const name = "Kari\u202E\u200B <b>Nordmann</b>";
    const { html, text } = await renderEmail("registration", payload({ kind: "link", name }));
    expect(text).toContain("Hei Kari <b>Nordmann</b>,");
    expect(html).toContain("Hei <!-- -->Kari &lt;b&gt;Nordmann&lt;/b&gt;");
    // The RTL override and zero-width space never reach the greeting.
    const greetings = [...(html + text).matchAll(/Hei [^,]*,/g)].map((m) => m[0]);
    expect(greetings.length).toBeGreaterThanOrEqual(2);
    for (const greeting of greetings) expect(greeting).not.toMatch(/[\u202E\u200B]/);
  });

  it.each(cases)("renders $kind ($props.status) with its stable ids", async (c) => {
    const p = payload({ kind: c.kind, ...c.props });
    const { subject, html, text } = await renderEmail("registration", p);
    expect(subject).toBe(`${c.subject}${p.meeting.title}`);
    expect(html).toMatch(/^<!DOCTYPE html/i);
    expect(html).toMatch(/<html[^>]*lang="nb"/);
    expect(html).toContain(c.heading);
    for (const id of c.ids) expect(count(html, new RegExp(`id="${id}"`, "g")), id).toBe(1);
    for (const id of c.absent) expect(html, id).not.toContain(`id="${id}"`);
    expect(text).toContain(
      "Vi bruker opplysningene bare til å planlegge møtet og sletter dem etterpå.",
    );
    expect(text).toContain(WHEN);
    expect(text).not.toMatch(/<[a-z]/i);

    if (c.kind === "cancelled" && !c.props.canRejoin) {
      expect(html).not.toContain(MANAGE_URL);
      expect(html).toContain(`href="${MEETING_URL}"`);
      expect(text).not.toContain("melde deg på igjen");
    } else {
      if (c.props.canRejoin) expect(text).toContain("melde deg på igjen");
      expect(html).toMatch(
        new RegExp(
          `<a[^>]*href="${MANAGE_URL}"[^>]*id="manage-link"|<a[^>]*id="manage-link"[^>]*href="${MANAGE_URL}"`,
        ),
      );
    }
    if (c.ids.includes("waitlist-position")) {
      expect(html).toMatch(new RegExp(`id="waitlist-position"[^>]*>${c.props.waitlistPosition}<`));
    }
    if (c.ids.includes("party-size")) {
      expect(html).toMatch(new RegExp(`id="party-size"[^>]*>${p.partySize}<`));
    }
    // Every mail about a held seat carries the calendar part, updates too.
    const attached = p.status === "confirmed" && c.kind !== "cancelled";
    expect(text.includes("Invitasjonen ligger ved"), "calendar line").toBe(attached);
  });
});
