// An in-process SMTP server for resilience tests and benchmarks: accepts every message on a
// loopback port and keeps it (or only counts it), and can be stopped and started again on the
// same port to play a mail server that goes away.
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), as the client gave them. */
  rcptTo: string[];
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Messages accepted so far (all of them, also when `keep` is false). */
  count(): number;
  /** The kept messages, in arrival order. */
  messages(): ReceivedMail[];
  /** Resolves once `n` messages have arrived, or rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs: number): Promise<void>;
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
}

export function createSmtpSink(port: number, options: SmtpSinkOptions = {}): SmtpSink {
  const keep = options.keep ?? true;
  const kept: ReceivedMail[] = [];
  let received = 0;
  let server: SMTPServer | undefined;

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
          received++;
          if (keep) {
            kept.push({
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks),
            });
          }
          Promise.resolve(options.beforeReply?.(received)).then(
            () => callback(),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
        });
      },
    });

  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    count: () => received,
    messages: () => kept,
    isListening: () => server !== undefined,
    async waitFor(n, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (received < n) {
        if (Date.now() > deadline) {
          throw new Error(`SMTP sink: ${received} of ${n} messages after ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    start() {
      if (server) return Promise.resolve();
      const next = build();
      return new Promise((resolve, reject) => {
        next.once("error", reject);
        next.listen(port, "127.0.0.1", () => {
          next.removeListener("error", reject);
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
