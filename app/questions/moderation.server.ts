/**
 * The organisers' moderation: the queue and its counts, and each change to a question (approve,
 * reject, reword, theme, star, answer, merge, the panel's order), audit-logged in one
 * transaction that also queues any mail to the asker.
 */
import { immediate, type DB } from "../../db/connection";
import { getMeetingById, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import * as q from "../../db/questions";
import type {
  PrivacyClearance,
  Question,
  QuestionStatus,
  RejectCategory,
} from "../../db/questions";
import { audit } from "../platform/audit.server";
import { notFound } from "../platform/refusal.server";
import { change, type ServiceContext } from "../platform/service.server";
import { idField } from "../platform/intent.server";
import { z } from "../platform/zod";
import { questionsChanged } from "./live.server";
import {
  appendToAgenda,
  audienceOf,
  clearCurrentIf,
  meetingThemeChoices,
  privacyFindings,
  QuestionError,
  renumberAgenda,
} from "./questions.server";
import { queuePrivateAnswer, queueNotice } from "./question-mail.server";
import { findingKinds } from "./findings";
import { questionSettingsSchema } from "./forms";
import { REJECT_CATEGORIES, type SourceFilter } from "./limits";
import { DEFAULT_HEALTH_WORDS, healthWords } from "./privacy-guard";

/** The moderation queue's buttons (readIntent in app/platform/intent.server.ts). */
export const moderationIntents = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reorder"),
    // The panel's order as a comma-separated list of ids (the drag-and-drop list posts it).
    order: z
      .string()
      .max(20_000)
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0),
      ),
  }),
  z.object({
    intent: z.literal("reject"),
    questionId: idField,
    // A category the public counts can show; an unknown one is left out rather than refused.
    category: z.enum(REJECT_CATEGORIES).nullable().catch(null),
    reason: z
      .string()
      .default("")
      .transform((v) => v.trim().slice(0, 500)),
  }),
  z.object({
    intent: z.literal("approve"),
    questionId: idField,
    // How the organiser cleared a flagged question (publishClearance refuses without it).
    privacyCleared: z.enum(["reworded", "none"]).nullable().catch(null),
  }),
  z.object({
    intent: z.enum(["star", "unstar", "answered", "unanswered", "up", "down", "show"]),
    questionId: idField,
  }),
  questionSettingsSchema.extend({ intent: z.literal("settings") }),
]);

/** A question of this meeting, or 404 (organiser routes). */
export function requireQuestion(db: DB, meeting: Meeting, idParam: unknown): Question {
  const id = Number(idParam);
  const question = Number.isInteger(id) && id > 0 ? q.getQuestion(db, id) : undefined;
  if (!question || question.meetingId !== meeting.id) notFound();
  return question;
}

export function moderationQueue(
  db: DB,
  meeting: Meeting,
  status: QuestionStatus | "all" | "private",
  source: SourceFilter = "all",
) {
  const questions = (
    status === "private"
      ? q.listQuestions(db, meeting.id, undefined, true)
      : q.listQuestions(db, meeting.id, status === "all" ? undefined : status)
  ).filter((x) => source === "all" || x.source === source);
  return {
    counts: q.countByStatus(db, meeting.id),
    privateCounts: privateQuestionCount(db, meeting),
    questions: questions.map((x) => ({
      ...x,
      merged: q.listMergedInto(db, x.id).length,
      findings: privacyFindings(db, meeting.id, x.originalText),
      publicFindings: x.publicText ? privacyFindings(db, meeting.id, x.publicText) : [],
    })),
    agenda: q.listAgenda(db, meeting.id),
    board: q.getBoard(db, meeting.id),
    choices: meetingThemeChoices(db, meeting),
  };
}

/** For the meeting's dashboard: how many questions wait for moderation. */
export function pendingQuestionCount(db: DB, meeting: Meeting): number {
  return q.countByStatus(db, meeting.id).pending;
}

/** Questions sent privately to the municipality, and how many of them have been answered. */
export function privateQuestionCount(db: DB, meeting: Meeting) {
  return q.countPrivate(db, meeting.id);
}

type Change = (question: Question) => Record<string, unknown> | void;

/** Runs one organiser change on one question, audit-logged, in one transaction. */
function moderate(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  action: string,
  apply: Change,
): Question {
  // Some moderation mails the asker: change() wakes the worker once it has committed.
  const { before, updated } = change(ctx, () => {
    const current = q.getQuestion(ctx.db, questionId);
    if (!current) throw new QuestionError("notFound");
    const details = apply(current) ?? {};
    audit(ctx.db, organiser, `question.${action}`, {
      meetingId: current.meetingId,
      target: `#${current.id}`,
      details: { questionId: current.id, ...details },
    });
    return { before: current, updated: q.getQuestion(ctx.db, questionId)! };
  });
  // A merge moves support to the kept question, which the public may see.
  questionsChanged(
    updated.meetingId,
    action === "merge" ? "everyone" : audienceOf(before, updated),
  );
  return updated;
}

/**
 * Whether a question may be published (approved), and with which clearance: the one rule every
 * path to the public list, the projector and the panel's export goes through. A private
 * question never is; one where the privacy guard found personal data in the asker's words
 * needs an organiser's word that it was reworded or holds none.
 */
function publishClearance(
  db: DB,
  question: Question,
  clearance: PrivacyClearance | null,
): PrivacyClearance | null {
  if (question.private) throw new QuestionError("private");
  if (question.status === "merged" || question.status === "withdrawn")
    throw new QuestionError("notPending");
  const flagged = privacyFindings(db, question.meetingId, question.originalText).length > 0;
  if (!flagged) return null;
  const given = clearance ?? question.privacyCleared;
  if (!given) throw new QuestionError("privacyUnconfirmed");
  return given;
}

export function approveQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  clearance: PrivacyClearance | null = null,
) {
  return moderate(ctx, organiser, questionId, "approve", (current) => {
    const cleared = publishClearance(ctx.db, current, clearance);
    if (current.status === "approved") return;
    if (cleared && cleared !== current.privacyCleared) {
      q.setPrivacyCleared(ctx.db, current.id, cleared);
    }
    q.setStatus(ctx.db, current.id, "approved");
    appendToAgenda(ctx.db, current);
    return {
      from: current.status,
      ...(cleared
        ? {
            privacyCleared: cleared,
            findings: findingKinds(
              privacyFindings(ctx.db, current.meetingId, current.originalText),
            ),
          }
        : {}),
    };
  });
}

export function rejectQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  category: RejectCategory | null,
  reason: string | null,
) {
  return moderate(ctx, organiser, questionId, "reject", (current) => {
    if (current.status === "merged" || current.status === "withdrawn")
      throw new QuestionError("notPending");
    if (!category) throw new QuestionError("rejectCategory");
    q.setStatus(ctx.db, current.id, "rejected", { rejectReason: reason, rejectCategory: category });
    clearCurrentIf(ctx.db, current);
    renumberAgenda(ctx.db, current.meetingId);
    return { from: current.status, category, reason };
  });
}

/** New public wording; the asker's original stays, for organisers only. */
export function rewordQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  publicText: string,
) {
  return moderate(ctx, organiser, questionId, "reword", (current) => {
    const wording = publicText === current.originalText ? null : publicText;
    q.setPublicText(ctx.db, current.id, wording);
    return { before: current.publicText, after: wording };
  });
}

export function changeTheme(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  questionId: number,
  themeValue: string,
) {
  const choice = meetingThemeChoices(ctx.db, meeting).find((c) => c.value === themeValue);
  if (!choice) throw new QuestionError("notFound");
  return moderate(ctx, organiser, questionId, "theme", (current) => {
    q.setTheme(ctx.db, current.id, choice.title);
    return { before: current.theme, after: choice.title };
  });
}

export function starQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  starred: boolean,
) {
  return moderate(ctx, organiser, questionId, starred ? "star" : "unstar", (current) => {
    q.setStarred(ctx.db, current.id, starred);
  });
}

export function markQuestionAnswered(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  answered: boolean,
) {
  return moderate(ctx, organiser, questionId, answered ? "answered" : "unanswered", (current) => {
    q.markAnswered(ctx.db, current.id, answered);
  });
}

/**
 * The guard on what organisers write (answers, the summary): a warning, not a block. Refuses
 * with "privacyWarning" while the text looks like it names or describes someone and the
 * organiser has not said to save it anyway.
 */
export function warnOnPersonalData(
  db: DB,
  meetingId: number,
  text: string | null,
  acknowledged: boolean,
): string[] {
  const kinds = text ? findingKinds(privacyFindings(db, meetingId, text)) : [];
  if (kinds.length > 0 && !acknowledged) throw new QuestionError("privacyWarning");
  return kinds;
}

export function answerQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  answer: string | null,
  acknowledged = false,
) {
  return moderate(ctx, organiser, questionId, "answer", (current) => {
    if (current.private) throw new QuestionError("private");
    const kinds = warnOnPersonalData(ctx.db, current.meetingId, answer, acknowledged);
    q.setAnswer(ctx.db, current.id, answer);
    return { length: answer?.length ?? 0, ...(kinds.length ? { privacyWarning: kinds } : {}) };
  });
}

/**
 * Answers a private question by mail to its asker (with a fresh link to it, where the answer
 * shows too), in the same transaction as the answer and its audit entry.
 */
export function answerPrivately(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  answer: string,
  acknowledged = false,
) {
  return moderate(ctx, organiser, questionId, "answerPrivately", (current) => {
    if (!current.private) throw new QuestionError("notFound");
    if (current.status === "withdrawn" || current.status === "rejected")
      throw new QuestionError("notPending");
    const kinds = warnOnPersonalData(ctx.db, current.meetingId, answer, acknowledged);
    q.setAnswer(ctx.db, current.id, answer);
    const answered = q.getQuestion(ctx.db, current.id)!;
    queuePrivateAnswer(ctx, getMeetingById(ctx.db, current.meetingId)!, answered);
    return { length: answer.length, ...(kinds.length ? { privacyWarning: kinds } : {}) };
  });
}

/**
 * Merges a duplicate into the question kept: support moves over (a person who supported both
 * counts once), the duplicate points to the kept one, anything merged into the duplicate
 * earlier follows, and the duplicate's asker is told by mail where their question went.
 */
export function mergeQuestion(
  ctx: ServiceContext,
  organiser: Organiser,
  duplicateId: number,
  keptId: number,
) {
  return moderate(ctx, organiser, duplicateId, "merge", (duplicate) => {
    const kept = q.getQuestion(ctx.db, keptId);
    if (
      !kept ||
      kept.private ||
      duplicate.private ||
      kept.id === duplicate.id ||
      kept.meetingId !== duplicate.meetingId ||
      !["pending", "approved"].includes(kept.status) ||
      !["pending", "approved"].includes(duplicate.status)
    ) {
      throw new QuestionError("badMerge");
    }
    q.moveSupports(ctx.db, duplicate.id, kept.id);
    for (const earlier of q.listMergedInto(ctx.db, duplicate.id)) {
      q.setStatus(ctx.db, earlier.id, "merged", { mergedInto: kept.id });
    }
    q.setStatus(ctx.db, duplicate.id, "merged", { mergedInto: kept.id });
    clearCurrentIf(ctx.db, duplicate);
    renumberAgenda(ctx.db, duplicate.meetingId);
    queueNotice(ctx, getMeetingById(ctx.db, duplicate.meetingId)!, duplicate, "merged", kept);
    return { into: kept.id };
  });
}

/** Moves an approved question one step up or down the panel's order. */
export function moveInAgenda(
  ctx: ServiceContext,
  organiser: Organiser,
  questionId: number,
  direction: "up" | "down",
) {
  return moderate(ctx, organiser, questionId, "move", (current) => {
    if (current.status !== "approved") throw new QuestionError("notApproved");
    const order = q.listAgenda(ctx.db, current.meetingId).map((x) => x.id);
    const at = order.indexOf(current.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return { direction, moved: false };
    [order[at], order[to]] = [order[to]!, order[at]!];
    order.forEach((id, i) => q.setAgendaPosition(ctx.db, id, i + 1));
    q.markAgendaOrdered(ctx.db, current.meetingId);
    return { direction, position: to + 1 };
  });
}

/** The whole order at once (drag and drop); ids not approved for this meeting are ignored. */
export function reorderAgenda(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  ids: number[],
) {
  immediate(ctx.db, () => {
    const approved = q.listAgenda(ctx.db, meetingId).map((x) => x.id);
    const wanted = ids.filter((id, i) => approved.includes(id) && ids.indexOf(id) === i);
    const rest = approved.filter((id) => !wanted.includes(id));
    [...wanted, ...rest].forEach((id, i) => q.setAgendaPosition(ctx.db, id, i + 1));
    q.markAgendaOrdered(ctx.db, meetingId);
    audit(ctx.db, organiser, "question.reorder", {
      meetingId,
      details: { order: [...wanted, ...rest] },
    });
  });
  questionsChanged(meetingId);
}

/** A meeting's moderation criteria and health words, with the default list to start from. */
export function questionSettings(db: DB, meeting: Meeting) {
  return { ...q.getQuestionSettings(db, meeting.id), defaultWords: [...DEFAULT_HEALTH_WORDS] };
}

/**
 * Saves a meeting's moderation criteria and health words. Words that are just the default
 * list are kept as "" so the meeting follows later changes to the default.
 */
export function saveQuestionSettings(
  ctx: ServiceContext,
  organiser: Organiser,
  meeting: Meeting,
  settings: q.QuestionSettings,
) {
  const words = healthWords(settings.privacyWords);
  const isDefault =
    words.length === DEFAULT_HEALTH_WORDS.length &&
    words.every((w, i) => w === DEFAULT_HEALTH_WORDS[i]);
  const privacyWords = isDefault ? "" : words.join("\n");
  immediate(ctx.db, () => {
    q.setQuestionSettings(ctx.db, meeting.id, {
      moderationCriteria: settings.moderationCriteria.trim(),
      privacyWords,
    });
    audit(ctx.db, organiser, "question.settings", {
      meetingId: meeting.id,
      details: { criteriaLength: settings.moderationCriteria.trim().length, privacyWords },
    });
  });
  questionsChanged(meeting.id);
}
