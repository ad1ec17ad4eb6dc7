// The one SMTP server the tests talk to: unit tests, the end-to-end run (e2e/support/smtp-sink.ts
// writes what it receives to files), resilience tests and benchmarks. It accepts every message
// on a loopback port and keeps it, raw and parsed (or only counts it), and can be stopped and
// started again on the same port to play a mail server that goes away.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), as the client gave them. */
  rcptTo: string[];
  raw: Buffer;
}

export interface SmtpSink {
  /** The port it listens on (the one the system chose, for port 0, once started). */
  readonly port: number;
  readonly url: string;
  /** Messages accepted so far (all of them, also when `keep` is false). */
  count(): number;
  /** The kept messages, in arrival order. */
  messages(): ReceivedMail[];
  /** The kept messages as mailparser reads them, in arrival order. */
  readonly received: ParsedMail[];
  /**
   * Resolves with the parsed messages once `n` have arrived (and, when kept, been parsed), or
   * rejects after `timeoutMs`.
   */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  isListening(): boolean;
  start(): Promise<void>;
  /** Stops listening; connections still open are dropped after a short grace period. */
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Keep the raw messages (default) or only count them. */
  keep?: boolean;
  /**
   * Runs after message `n` is stored and before the sink answers 250, for tests that kill
   * the sender at the worst moment: delivered, but the sender not yet told.
   */
  beforeReply?: (n: number) => void | Promise<void>;
  /** Runs for each message, kept or not, before the sink answers 250 (the e2e run writes files). */
  onMessage?: (raw: Buffer, n: number) => void;
}

export function createSmtpSink(port: number, options: SmtpSinkOptions = {}): SmtpSink {
  const keep = options.keep ?? true;
  const kept: ReceivedMail[] = [];
  const parsed: ParsedMail[] = [];
  let received = 0;
  let parsedCount = 0;
  let server: SMTPServer | undefined;
  let listeningPort = port;

  const build = () =>
    new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      // Plain SMTP: nodemailer would otherwise upgrade to STARTTLS with a self-signed cert.
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      size: 10 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", callback);
        stream.on("end", () => {
          const n = ++received;
          const raw = Buffer.concat(chunks);
          try {
            options.onMessage?.(raw, n);
          } catch (error) {
            return callback(error instanceof Error ? error : new Error(String(error)));
          }
          let parse: Promise<void> | null = null;
          if (keep) {
            const index =
              kept.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw }) - 1;
            // Parsed into its arrival's place, however long each message takes to parse.
            parse = simpleParser(raw).then((mail) => {
              parsed[index] = mail;
              parsedCount++;
            });
          }
          Promise.resolve(parse)
            .then(() => options.beforeReply?.(n))
            .then(
              () => callback(),
              (error: unknown) =>
                callback(error instanceof Error ? error : new Error(String(error))),
            );
        });
      },
    });

  const sink: SmtpSink = {
    get port() {
      return listeningPort;
    },
    get url() {
      return `smtp://127.0.0.1:${listeningPort}?ignoreTLS=true`;
    },
    count: () => received,
    messages: () => kept,
    received: parsed,
    isListening: () => server !== undefined,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received < n || (keep && parsedCount < n)) {
        if (Date.now() > deadline) {
          throw new Error(`SMTP sink: ${received} of ${n} messages after ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return parsed;
    },
    start() {
      if (server) return Promise.resolve();
      const next = build();
      return new Promise((resolve, reject) => {
        next.once("error", reject);
        next.listen(listeningPort, "127.0.0.1", () => {
          next.removeListener("error", reject);
          listeningPort = (next.server.address() as { port: number }).port;
          next.on("error", () => {});
          // Never keep a test or benchmark process alive on its own.
          next.server.unref();
          server = next;
          resolve();
        });
      });
    },
    stop() {
      const current = server;
      server = undefined;
      if (!current) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        timer.unref();
        current.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
  return sink;
}

/** A sink started on `port` (0: one the system chooses). */
export async function startSmtpSink(port = 0, options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const sink = createSmtpSink(port, options);
  await sink.start();
  return sink;
}
