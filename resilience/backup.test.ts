/**
 * `npm run backup -- <file>` while the server is taking sign-ups: the copy passes
 * PRAGMA integrity_check, and a server started on the copy serves the same meetings.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { projectRoot } from "../db/connection";
import { createTestMeeting } from "../db/testing";
import { portFor } from "../app/testing/ports";
import { startServer } from "../app/testing/server";
import {
  count,
  honeypotTimestamp,
  postForm,
  rsvpFields,
  SESSION_SECRET,
  startApp,
  type RunningApp,
} from "./support/app";

let app: RunningApp;
let restored: { base: string; process: ChildProcess; stop: () => void } | undefined;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "folkemote-backup-"));

beforeAll(async () => {
  app = await startApp({
    port: portFor(30),
    prepare: (db) => {
      for (const slug of ["backup-a", "backup-b", "backup-c"])
        createTestMeeting(db, { slug, capacity: 50 });
    },
  });
});

afterAll(async () => {
  if (restored && restored.process.exitCode === null) {
    const exited = new Promise((r) => restored!.process.once("exit", r));
    restored.stop();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await app?.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
});

function runBackup(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "backup", "--", file], {
      cwd: projectRoot(),
      env: { ...process.env, DATA_DIR: app.dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

it("copies the database online under load, and the copy serves the same meetings", async () => {
  const url = `${app.base}/meetings/backup-a`;
  const validFrom = await honeypotTimestamp(url);
  // Sign-ups keep arriving, 8 at a time, until the backup is done (bounded by count).
  let backupDone = false;
  let sent = 0;
  const statuses: number[] = [];
  const load = Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      for (let i = 0; !backupDone && i < 400; i++) {
        sent++;
        const r = await postForm(
          url,
          rsvpFields(validFrom, {
            name: `Person ${worker}-${i}`,
            email: `backup-${worker}-${i}@example.no`,
          }),
        );
        statuses.push(r.status);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1_000)); // the load is running
  const file = path.join(workDir, "copy.sqlite");
  const atStart = sent;
  const backup = await runBackup(file);
  const duringBackup = sent;
  backupDone = true;
  await load;

  expect(backup.code, backup.output).toBe(0);
  expect(backup.output).toMatch(/integrity_check ok/);
  // Sign-ups were going on while the backup ran.
  expect(duringBackup - atStart).toBeGreaterThan(8);
  expect(statuses.filter((s) => s !== 302)).toEqual([]);
  // A second backup to the same name is refused rather than overwriting the first.
  const again = await runBackup(file);
  expect(again.code).toBe(1);
  expect(again.output).toMatch(/exists already/);

  const copy = new Database(file, { readonly: true, fileMustExist: true });
  expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  const meetingsInCopy = copy
    .prepare("SELECT slug, title, starts_at FROM meetings ORDER BY id")
    .all();
  const copied = (copy.prepare("SELECT count(*) AS n FROM registrations").get() as { n: number }).n;
  copy.close();
  expect(meetingsInCopy).toEqual(
    app.db.prepare("SELECT slug, title, starts_at FROM meetings ORDER BY id").all(),
  );
  expect(copied).toBeGreaterThan(0);
  expect(copied).toBeLessThanOrEqual(count(app.db, "SELECT count(*) AS n FROM registrations"));

  // Restore: the copy as a fresh server's database.
  const restoreDir = path.join(workDir, "restored");
  fs.mkdirSync(restoreDir);
  fs.copyFileSync(file, path.join(restoreDir, "folkemote.sqlite"));
  restored = await startServer(
    restoreDir,
    { NODE_ENV: "production", SESSION_SECRET },
    { port: portFor(31) },
  );
  const home = await (await fetch(`${restored.base}/`)).text();
  const original = await (await fetch(`${app.base}/`)).text();
  const links = (html: string) =>
    [...html.matchAll(/href="(\/meetings\/[^"/]+)"/g)].map((m) => m[1]).sort();
  expect(links(home).length).toBeGreaterThanOrEqual(3);
  expect(links(home)).toEqual(links(original));
  for (const slug of ["backup-a", "backup-b", "backup-c"]) {
    const page = await fetch(`${restored.base}/meetings/${slug}`);
    expect(page.status, slug).toBe(200);
  }
});
