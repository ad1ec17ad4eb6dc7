/**
 * "Hold meg oppdatert om saken": double opt-in subscriptions to later updates about a
 * meeting's case, one-click unsubscribe (RFC 8058), and organisers' updates sent through the
 * outbox. The browser always hears the same answer after subscribing, so typing someone
 * else's address reveals nothing about them.
 */
import { linkInLanguage } from "../platform/language.server";
import type { PageLanguage } from "../i18n";
import { href } from "react-router";
import {
  addSubscriptionToken,
  getSubscriptionByToken,
  insertCaseUpdate,
  listConfirmed,
  setSubscriptionStatus,
  upsertSubscription,
  type CaseSubscription,
} from "../../db/case-subscriptions";
import { immediate, truncateWal, type DB } from "../../db/connection";
import { getMeetingById, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { queueMail } from "../mail/queue.server";
import type { CaseConfirmProps, CaseUpdateProps } from "../../emails/question-emails";
import { audit } from "../platform/audit.server";
import { hashToken, isTokenShaped, newManageToken } from "../platform/tokens.server";
import { change, type ServiceContext } from "../platform/service.server";
import { absoluteUrl } from "../platform/paths";
import { meetingUrlOf } from "../meetings/links.server";
import { forgetSubscribers } from "../registrations/retention.server";

const issue = (db: DB, subscriptionId: number, purpose: "confirm" | "unsubscribe") => {
  const token = newManageToken();
  addSubscriptionToken(db, subscriptionId, purpose, hashToken(token));
  return token;
};

const confirmUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/updates/:purpose/:token", { purpose: "confirm", token }));
const unsubscribeUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/updates/:purpose/:token", { purpose: "unsubscribe", token }));

/** Asks for a subscription: a confirmation mail unless the address is confirmed already. */
export function subscribe(
  ctx: ServiceContext,
  meeting: Meeting,
  email: string,
  language?: PageLanguage,
) {
  change(ctx, () => {
    const subscription = upsertSubscription(ctx.db, meeting.id, email, language);
    if (subscription.status === "confirmed") return;
    const payload: CaseConfirmProps = {
      language: subscription.language,
      meetingTitle: meeting.title,
      confirmUrl: linkInLanguage(
        confirmUrl(ctx, issue(ctx.db, subscription.id, "confirm")),
        subscription.language,
      ),
    };
    queueMail(ctx.db, "case-confirm", payload, {
      toAddress: subscription.email,
      purpose: "other",
      meetingId: meeting.id,
      owner: { subscriptionId: subscription.id },
    });
  });
}

export function findSubscription(db: DB, purpose: "confirm" | "unsubscribe", token: string) {
  if (!isTokenShaped(token)) return undefined;
  const subscription = getSubscriptionByToken(db, purpose, hashToken(token));
  if (!subscription) return undefined;
  return { subscription, meeting: getMeetingById(db, subscription.meetingId)! };
}

export function confirmSubscription(db: DB, subscription: CaseSubscription) {
  if (subscription.status !== "confirmed") setSubscriptionStatus(db, subscription.id, "confirmed");
}

/**
 * Leaving forgets the address altogether, and the mail sent to it (the privacy page says so);
 * the WAL is emptied of the older copies, unless a backup is reading (then the retention job's
 * next run does it).
 */
export function unsubscribe(db: DB, outboxDir: string, subscription: CaseSubscription) {
  immediate(db, () => forgetSubscribers(db, outboxDir, [subscription.id]));
  truncateWal(db);
}

export function confirmedCount(db: DB, meeting: Meeting) {
  return listConfirmed(db, meeting.id).length;
}

/** An organiser's update: stored, shown on the meeting page, and mailed to every confirmed subscriber. */
export function postCaseUpdate(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  update: { title: string; body: string },
): number {
  return change(ctx, () => {
    const id = insertCaseUpdate(ctx.db, {
      meetingId: meeting.id,
      ...update,
      organiserId: organiser.id,
    });
    const subscribers = listConfirmed(ctx.db, meeting.id);
    for (const subscriber of subscribers) {
      const leave = unsubscribeUrl(ctx, issue(ctx.db, subscriber.id, "unsubscribe"));
      const payload: CaseUpdateProps = {
        language: subscriber.language,
        meetingTitle: meeting.title,
        title: update.title,
        body: update.body,
        meetingUrl: linkInLanguage(meetingUrlOf(ctx, meeting), subscriber.language),
        unsubscribeUrl: linkInLanguage(leave, subscriber.language),
      };
      queueMail(ctx.db, "case-update", payload, {
        toAddress: subscriber.email,
        purpose: "other",
        meetingId: meeting.id,
        owner: { subscriptionId: subscriber.id },
        headers: {
          "List-Unsubscribe": `<${leave}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    }
    audit(ctx.db, organiser, "caseUpdate.send", {
      meetingId: meeting.id,
      target: update.title,
      details: { updateId: id, recipients: subscribers.length },
    });
    return subscribers.length;
  });
}
