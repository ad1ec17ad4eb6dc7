/**
 * Erasing mail with the people it was written for (retention, unsubscribing): the outbox rows
 * of their owner, the `.eml` files the file mailer wrote for them, and the recipient in the
 * audit entries of organisers who read or retried them. Never by address: the same address
 * may own other mail, for another meeting, that must still go out.
 */
import fs from "node:fs";
import path from "node:path";
import { eraseMailTargets } from "../../db/audit";
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";

/** Only a bare file name from our own writer is ever joined to the folder. */
const isOurEml = (file: string) => path.basename(file) === file && file.endsWith(".eml");

/**
 * Erases the mail of these owners; run it in the caller's transaction. The files go first:
 * should the transaction fail after, a row names a file that is gone, which the outbox view
 * already answers with 404. Returns how many messages were erased.
 */
export function eraseMailOf(db: DB, outboxDir: string, owners: outbox.MailOwners): number {
  const rows = outbox.mailToErase(db, owners);
  if (rows.length === 0) return 0;
  for (const { emlFile } of rows) {
    if (emlFile && isOurEml(emlFile)) fs.rmSync(path.join(outboxDir, emlFile), { force: true });
  }
  const ids = rows.map((r) => r.id);
  eraseMailTargets(db, ids);
  outbox.eraseMail(db, ids);
  return rows.length;
}

/** A file this much older than now is no send in progress, whose row is about to name it. */
const SWEEP_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes `.eml` files that no outbox row names, and temporary files a crash left behind: a
 * mail the server was killed in the middle of sending is written again on the resend, and a
 * message erased while in flight keeps no file name (db/outbox.ts markSent). Returns how many
 * files went.
 */
export function sweepOutboxFolder(db: DB, outboxDir: string, now = new Date()): number {
  let names: string[];
  try {
    names = fs.readdirSync(outboxDir);
  } catch {
    return 0;
  }
  const named = outbox.emlFiles(db);
  let removed = 0;
  for (const name of names) {
    const ours = name.endsWith(".eml") || (name.startsWith(".") && name.endsWith(".eml.tmp"));
    if (!ours || named.has(name)) continue;
    const file = path.join(outboxDir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || now.getTime() - stat.mtimeMs < SWEEP_AFTER_MS) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
