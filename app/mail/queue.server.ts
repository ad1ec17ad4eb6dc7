/**
 * The one way a domain queues a mail: typed by template (the map in emails/render.ts is the
 * source, so a misspelt template or a payload of the wrong shape does not compile), with its
 * meeting, its purpose and the person it was written for required. The meeting puts it in the
 * organisers' outbox view; the owner lets retention erase it with that person's data, never by
 * address (ADR 0012). Call it inside the change's transaction (platform/service.server.ts
 * `change()`), which wakes the worker once the change has committed.
 */
import type { DB } from "../../db/connection";
import * as outbox from "../../db/outbox";
import type { TemplateName, TemplatePayloads } from "../../emails/render";

/** Whom a mail was written for. */
export type MailOwner =
  | { registrationId: number }
  | { questionId: number }
  | { subscriptionId: number }
  | { organiserId: number };

export interface MailEnvelope {
  toAddress: string;
  toName?: string | null;
  meetingId: number;
  owner: MailOwner;
  purpose: outbox.OutboxPurpose;
  replyTo?: string | null;
  /** Extra mail headers, such as List-Unsubscribe. */
  headers?: Record<string, string> | null;
  /** The calendar part, when the mail carries one, and its attachment's name. */
  calendar?: { method: string; ical: string; filename: string } | null;
}

/** Queues one mail in the caller's transaction; returns its outbox id. */
export function queueMail<T extends TemplateName>(
  db: DB,
  template: T,
  payload: TemplatePayloads[T],
  envelope: MailEnvelope,
): number {
  const { owner, calendar, ...rest } = envelope;
  return outbox.enqueue(db, {
    ...rest,
    template,
    payload,
    icalMethod: calendar?.method ?? null,
    ical: calendar?.ical ?? null,
    icalFilename: calendar?.filename ?? null,
    registrationId: "registrationId" in owner ? owner.registrationId : null,
    questionId: "questionId" in owner ? owner.questionId : null,
    subscriptionId: "subscriptionId" in owner ? owner.subscriptionId : null,
    organiserId: "organiserId" in owner ? owner.organiserId : null,
  });
}
