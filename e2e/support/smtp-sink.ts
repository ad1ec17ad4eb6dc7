/**
 * A local SMTP server for the end-to-end run: accepts every message and writes it, raw, to
 * MAIL_DIR as <arrival number>.eml (written to a temp name, then renamed, so a reader never
 * sees half a message). Started by playwright.config.ts; emptied at each start.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { mailDir, smtpPort } from "./paths";

const dir = process.env.MAIL_DIR ?? mailDir;
const port = Number(process.env.SMTP_PORT ?? smtpPort);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disableReverseLookup: true,
  // Plain SMTP only: nodemailer would otherwise upgrade to STARTTLS with a self-signed cert.
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", callback);
    stream.on("end", () => {
      try {
        received += 1;
        const name = `${String(received).padStart(5, "0")}.eml`;
        const temp = path.join(dir, `.${name}.tmp`);
        writeFileSync(temp, Buffer.concat(chunks));
        renameSync(temp, path.join(dir, name));
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    });
  },
});

server.on("error", (error) => console.error("smtp-sink:", error));
server.listen(port, "127.0.0.1", () => {
  console.log(`smtp-sink listening on 127.0.0.1:${port}, writing to ${dir}`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
