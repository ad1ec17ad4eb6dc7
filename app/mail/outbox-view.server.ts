/** The organisers' view of one meeting's mail: states, attempts, errors, and retrying failures. */
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";
import type { Organiser } from "../../db/organisers";
import { audit } from "../auth/audit.server";
import { change, type ServiceContext } from "../platform/service.server";

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
  }));
}

/** Queues a failed message again; false when it is not this meeting's or not failed. */
export function retryMessage(ctx: ServiceContext, organiser: Organiser, meetingId: number, messageId: number): boolean {
  return change(ctx, () => {
    const message = outbox.getMessage(ctx.db, messageId);
    if (!message || message.meetingId !== meetingId) return false;
    if (!outbox.requeueFailed(ctx.db, messageId)) return false;
    audit(ctx.db, organiser, "mail.retry", { meetingId, target: message.toAddress, details: { messageId } });
    return true;
  });
}
