/**
 * Mail to askers who gave an address: the receipt with their private link, and the notice when
 * their question is answered or merged into another. The mail is theirs: their erasure takes it.
 */
import { linkInLanguage } from "../platform/language.server";
import { href } from "react-router";
import { type Meeting } from "../../db/meetings";
import { queueMail } from "../mail/queue.server";
import type { Question } from "../../db/questions";
import type { QuestionNoticeProps, QuestionReceiptProps } from "../../emails/question-emails";
import { type ServiceContext } from "../platform/service.server";
import { absoluteUrl } from "../platform/paths";

const questionsUrl = (ctx: Pick<ServiceContext, "publicUrl">, meeting: Pick<Meeting, "slug">) =>
  absoluteUrl(ctx.publicUrl, href("/meetings/:slug/questions", { slug: meeting.slug }));
export const receiptUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/question/:token", { token }));

/**
 * The receipt for an asker who gave an address: what they wrote and the private link (status,
 * edit, withdraw), in the language they asked in. The mail is theirs, so their erasure takes it.
 */
export function queueReceipt(
  ctx: ServiceContext,
  meeting: Meeting,
  asker: Question,
  token: string,
) {
  if (!asker.askerEmail) return;
  const payload: QuestionReceiptProps = {
    language: asker.language,
    meetingTitle: meeting.title,
    question: asker.originalText,
    receiptUrl: linkInLanguage(receiptUrl(ctx, token), asker.language),
    retentionDays: ctx.retentionDays,
  };
  queueMail(ctx.db, "question-receipt", payload, {
    toAddress: asker.askerEmail,
    toName: asker.askerName,
    purpose: "other",
    meetingId: meeting.id,
    owner: { questionId: asker.id },
  });
}

/**
 * Tells an asker who gave an address what became of their question: answered, or merged into
 * `kept` (the notice points there). The mail is theirs. False when there is no address.
 */
export function queueNotice(
  ctx: ServiceContext,
  meeting: Meeting,
  asker: Question,
  kind: "answered" | "merged",
  kept: Question,
): boolean {
  if (!asker.askerEmail) return false;
  const payload: QuestionNoticeProps = {
    language: asker.language,
    kind,
    meetingTitle: meeting.title,
    question: kept.publicText ?? kept.originalText,
    answer: kind === "answered" ? kept.answer : null,
    url: linkInLanguage(`${questionsUrl(ctx, meeting)}#question-${kept.id}`, asker.language),
  };
  queueMail(ctx.db, "question-notice", payload, {
    toAddress: asker.askerEmail,
    toName: asker.askerName,
    purpose: "other",
    meetingId: meeting.id,
    owner: { questionId: asker.id },
  });
  return true;
}
