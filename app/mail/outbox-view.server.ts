/** The organisers' view of one meeting's mail: states, attempts, errors, and retrying failures. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";
import type { Organiser } from "../../db/organisers";
import { audit } from "../platform/audit.server";
import { change, type ServiceContext } from "../platform/service.server";
import { idField } from "../platform/intent.server";
import { z } from "../platform/zod";

export function meetingOutbox(db: DB, meetingId: number) {
  // Only the envelope: the payload may hold a personal link.
  return outbox.listForMeeting(db, meetingId).map((m) => ({
    id: m.id,
    createdAt: m.createdAt,
    toName: m.toName,
    toAddress: m.toAddress,
    purpose: m.purpose,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    sentAt: m.sentAt,
    retryable: m.status === "failed" && m.payload !== null,
    hasEml: m.emlFile !== null,
  }));
}

/**
 * The .eml the file mailer wrote for one of this meeting's messages, or null. It holds the
 * recipient's personal link, so reading it is audit-logged like an export.
 */
export async function readEml(
  db: DB,
  organiser: Organiser,
  outboxDir: string,
  meetingId: number,
  messageId: number,
): Promise<Buffer | null> {
  const message = outbox.getMessage(db, messageId);
  if (!message?.emlFile || message.meetingId !== meetingId) return null;
  // Only a bare file name from our own writer is ever joined to the folder.
  if (path.basename(message.emlFile) !== message.emlFile || !message.emlFile.endsWith(".eml"))
    return null;
  const content = await readFile(path.join(outboxDir, message.emlFile)).catch(() => null);
  if (content) {
    audit(db, organiser, "mail.view", {
      meetingId,
      target: message.toAddress,
      details: { messageId },
    });
  }
  return content;
}

/** The outbox page's one button: send a failed message again. */
export const retryIntent = z.object({ intent: z.literal("retry"), messageId: idField });

/** Queues a failed message again; false when it is not this meeting's or not failed. */
export function retryMessage(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  messageId: number,
): boolean {
  return change(ctx, () => {
    const message = outbox.getMessage(ctx.db, messageId);
    if (!message || message.meetingId !== meetingId) return false;
    if (!outbox.requeueFailed(ctx.db, messageId)) return false;
    audit(ctx.db, organiser, "mail.retry", {
      meetingId,
      target: message.toAddress,
      details: { messageId },
    });
    return true;
  });
}

/** Mail that has not gone out: organisers should know before citizens start calling. */
export function mailHealth(db: DB) {
  const counts = outbox.countByStatus(db);
  const failure = outbox.lastFailure(db);
  const retrying = failure !== undefined && counts.pending > 0;
  return {
    failed: counts.failed,
    pending: counts.pending,
    retrying,
    lastError: failure?.error ?? null,
  };
}
