/**
 * After the meeting: the written summary, and publishing the answers with one notice per asker
 * whose question (or one theirs was merged into) is answered.
 */
import { immediate } from "../../db/connection";
import { type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import * as q from "../../db/questions";
import { audit } from "../platform/audit.server";
import { change, type ServiceContext } from "../platform/service.server";
import { questionsChanged } from "./live.server";
import { queueNotice } from "./question-mail.server";

export function saveSummary(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  summary: string,
) {
  immediate(ctx.db, () => {
    q.setSummary(ctx.db, meeting.id, summary);
    audit(ctx.db, organiser, "question.summary", {
      meetingId: meeting.id,
      details: { length: summary.length },
    });
  });
  questionsChanged(meeting.id);
}

/**
 * Publishes the written answers and the summary on the meeting page, and queues one notice
 * for each asker with an email whose question (or a question theirs was merged into) is now
 * answered. A question is noticed once: publishing again only tells newly answered askers.
 */
export function publishAnswers(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
): number {
  let notices = 0;
  change(ctx, () => {
    q.setAnswersPublished(ctx.db, meeting.id, true);
    for (const kept of q.listAgenda(ctx.db, meeting.id)) {
      if (kept.answeredAt === null) continue;
      for (const asked of [kept, ...q.listMergedInto(ctx.db, kept.id)]) {
        if (asked.notifiedAt !== null) continue;
        q.markNotified(ctx.db, asked.id);
        if (queueNotice(ctx, meeting, asked, "answered", kept)) notices++;
      }
    }
    audit(ctx.db, organiser, "question.publishAnswers", {
      meetingId: meeting.id,
      details: { notices },
    });
  });
  questionsChanged(meeting.id);
  return notices;
}

export function unpublishAnswers(ctx: ServiceContext, organiser: Organiser, meeting: Meeting) {
  immediate(ctx.db, () => {
    q.setAnswersPublished(ctx.db, meeting.id, false);
    audit(ctx.db, organiser, "question.unpublishAnswers", { meetingId: meeting.id });
  });
  questionsChanged(meeting.id);
}
