import { randomBytes } from "node:crypto";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { connectHoldingSocket } from "./smtp-socket";

export interface OutgoingMail {
  to: { name: string | null; address: string };
  subject: string;
  html: string;
  text: string;
  /**
   * Passed to nodemailer's `icalEvent` as-is; `method` must match METHOD in the ics.
   * Nodemailer adds the calendar parts itself (a text/calendar alternative plus an
   * application/ics attachment); do not attach the ics separately.
   */
  icalEvent?: { method: string; content: string; filename?: string };
  /** Where replies go (the meeting's contact); the From address does not take replies. */
  replyTo?: string | null;
  /** Inline images the HTML refers to by cid:… */
  inlineImages?: { cid: string; filename: string; contentType: string; content: Buffer }[];
  /** Extra headers (List-Unsubscribe …); values are made one line, names must be plain tokens. */
  headers?: Record<string, string>;
  /**
   * The unique part of the Message-ID, the same for every attempt at this mail (the outbox
   * row's): `<key@the From address's domain>`. Without it nodemailer makes a new one each time.
   */
  messageKey?: string | null;
}

export interface Mailer {
  /** `file`: the .eml's name in the outbox folder, for the file mailer. */
  send(mail: OutgoingMail): Promise<{ messageId: string; file?: string }>;
  close(): void;
  kind: "smtp" | "file";
}

export interface MailerOptions {
  /** smtp:// or smtps:// URL, optionally with user:pass@ and nodemailer query options. */
  smtpUrl?: string;
  /** Where .eml files go when no SMTP URL is set. */
  outboxDir: string;
  /** From header, e.g. "Røros kommune <postmottak@roros.kommune.no>". */
  from: string;
  /** At most this many SMTP connections at once (Exchange Online allows only a few). */
  maxConnections?: number;
  /** At most this many messages per second over all connections. */
  maxMessagesPerSecond?: number;
  /** DKIM signing, when a key is configured. */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /**
   * Connection, greeting and socket timeouts. Well below the 30 s a process manager waits
   * after SIGTERM, so a hung SMTP server cannot keep the shutdown waiting.
   */
  timeoutMs?: number;
}

/** Strips CR, LF and other control characters (header injection defence in depth). */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

function checkAddress(address: string): string {
  // A recipient address never holds whitespace or control characters; refuse rather than guess.
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u.test(address)) {
    throw new Error("Invalid recipient address");
  }
  return address;
}

function extraHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new Error(`Invalid header name "${name}"`);
    out[name] = oneLine(value);
  }
  return out;
}

/** The From address as the header takes it, and its domain (for Message-IDs): one per mailer. */
interface Sender {
  from: string;
  domain: string | undefined;
}

function senderOf(from: string): Sender {
  return { from: oneLine(from), domain: /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] };
}

/**
 * The Message-ID for a key, on the From address's domain as nodemailer's own are; undefined
 * (nodemailer makes one) when either is not plain enough for the header.
 */
function messageIdFor(key: string | null | undefined, domain: string | undefined) {
  if (!key || !domain || !/^[A-Za-z0-9.-]+$/.test(key)) return undefined;
  return `<${key}@${domain}>`;
}

function toMailOptions(mail: OutgoingMail, sender: Sender): SendMailOptions {
  const messageId = messageIdFor(mail.messageKey, sender.domain);
  const name = mail.to.name === null ? "" : oneLine(mail.to.name);
  const options: SendMailOptions = {
    from: sender.from,
    // An address object: nodemailer quotes/encodes the name itself, so quotes, commas,
    // angle brackets or line breaks in it cannot add recipients or headers.
    to: { name, address: checkAddress(mail.to.address) },
    subject: oneLine(mail.subject),
    html: mail.html,
    text: mail.text,
    headers: { ...extraHeaders(mail.headers), "Auto-Submitted": "auto-generated" },
    ...(mail.replyTo ? { replyTo: checkAddress(oneLine(mail.replyTo)) } : {}),
    // Content is always given inline; never let nodemailer read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(messageId ? { messageId } : {}),
  };
  if (mail.inlineImages?.length) {
    options.attachments = mail.inlineImages.map((image) => ({
      cid: image.cid,
      filename: image.filename,
      contentType: image.contentType,
      content: image.content,
      contentDisposition: "inline" as const,
    }));
  }
  if (mail.icalEvent) {
    const { method, content, filename } = mail.icalEvent;
    options.icalEvent =
      filename === undefined ? { method, content } : { method, content, filename };
  }
  return options;
}

function createSmtpMailer(opts: MailerOptions & { smtpUrl: string }): Mailer {
  const timeout = opts.timeoutMs ?? 10_000;
  const sender = senderOf(opts.from);
  // A pool: fan-out (a notice to every attendee) reuses a few connections instead of opening
  // one per message. The rate is kept by our own gate: the pool's limiter lets a whole round
  // of connections through before it starts counting.
  const gate = rateGate(opts.maxMessagesPerSecond ?? 5);
  const transporter = nodemailer.createTransport({
    url: opts.smtpUrl,
    pool: true,
    maxConnections: opts.maxConnections ?? 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Our own outbox retries with backoff; a pool that requeues on dropped connections would
    // only stretch a shutdown.
    maxRequeues: 1,
    // Each connection a socket that sends what a turn of the loop wrote in one go
    // (emails/smtp-socket.ts).
    getSocket: connectHoldingSocket,
    ...(opts.dkim ? { dkim: opts.dkim } : {}),
  });
  return {
    kind: "smtp",
    async send(mail) {
      const options = toMailOptions(mail, sender);
      await gate();
      const info = await transporter.sendMail(options);
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}

/**
 * Resolves when another message may start: at most `perSecond` starts in any one-second
 * window. Callers are let through in the order they asked.
 */
function rateGate(perSecond: number): () => Promise<void> {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const turn = queue.then(async () => {
      for (;;) {
        const now = Date.now();
        while (starts.length > 0 && starts[0]! <= now - 1000) starts.shift();
        if (starts.length < perSecond) {
          starts.push(now);
          return;
        }
        await new Promise((r) => setTimeout(r, starts[0]! + 1000 - now));
      }
    });
    queue = turn.catch(() => {});
    return turn;
  };
}

function createFileMailer(outboxDir: string, from: string, dkim?: MailerOptions["dkim"]): Mailer {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
    ...(dkim ? { dkim } : {}),
  });
  const sender = senderOf(from);
  return {
    kind: "file",
    async send(mail) {
      const info = await transporter.sendMail(toMailOptions(mail, sender));
      const message = info.message;
      if (!Buffer.isBuffer(message)) throw new Error("stream transport did not return a buffer");

      await mkdir(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replaceAll(":", "-");
      const base = `${stamp}-${randomBytes(8).toString("hex")}`;
      const finalPath = path.join(outboxDir, `${base}.eml`);
      // Same directory so rename is atomic; the temp name does not end in .eml.
      const tempPath = path.join(outboxDir, `.${base}.eml.tmp`);
      try {
        await writeFile(tempPath, message, { flag: "wx" });
        await rename(tempPath, finalPath);
      } catch (error) {
        await unlink(tempPath).catch(() => {});
        throw error;
      }
      return { messageId: info.messageId, file: `${base}.eml` };
    },
    close() {
      transporter.close();
    },
  };
}

/** The one mail transport: SMTP when a URL is given, else .eml files in outboxDir. */
export function createMailer(opts: MailerOptions): Mailer {
  return opts.smtpUrl
    ? createSmtpMailer({ ...opts, smtpUrl: opts.smtpUrl })
    : createFileMailer(opts.outboxDir, opts.from, opts.dkim);
}
