/**
 * The end-to-end run's SMTP server (app/testing/smtp-sink.ts, the one sink every test uses): it
 * writes each message, raw, to MAIL_DIR as <arrival number>.eml (to a temp name, then renamed,
 * so a reader never sees half a message). Started by playwright.config.ts; emptied at each start.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createSmtpSink } from "../../app/testing/smtp-sink";
import { mailDir, smtpPort } from "./paths";

const dir = process.env.MAIL_DIR ?? mailDir;
const port = Number(process.env.SMTP_PORT ?? smtpPort);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const sink = createSmtpSink(port, {
  // Files are what the journeys read; the sink need not hold every message of the run.
  keep: false,
  onMessage(raw, n) {
    const name = `${String(n).padStart(5, "0")}.eml`;
    const temp = path.join(dir, `.${name}.tmp`);
    writeFileSync(temp, raw);
    renameSync(temp, path.join(dir, name));
  },
});
await sink.start();
console.log(`smtp-sink listening on 127.0.0.1:${port}, writing to ${dir}`);
// The sink does not keep a process alive on its own: this one lives until Playwright stops it.
const alive = setInterval(() => {}, 60_000);
const stop = () => {
  clearInterval(alive);
  void sink.stop().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
