/**
 * What the public reads of a meeting's questions: the paged, sorted list and the few on the
 * meeting page, published questions only, with the reader's own support marked.
 */
import { type DB } from "../../db/connection";
import { type Meeting } from "../../db/meetings";
import { meetingPhase } from "../meetings/phase";
import * as q from "../../db/questions";
import type { Question, PublicSort, OpenModerationCounts } from "../../db/questions";

export type { OpenModerationCounts };
import { meetingAfterView } from "./after.server";
import type { PageLanguage } from "../i18n";
import { questionConstraint, subscribeConstraint } from "./forms";
import {
  meetingHealthWords,
  meetingThemeChoices,
  moderationCriteria,
  publicQuestion,
  questionsClosedReason,
} from "./questions.server";

const PAGE_SIZE = 20;

export interface PublicListOptions {
  sort: PublicSort;
  /** Theme choice value ("1".."n", "0" for Annet) or null for all themes. */
  theme: string | null;
  page: number;
  supporterKey: string | null;
}

/** Approved questions grouped by theme (in the meeting's theme order), one page at a time. */
export function publicQuestionList(db: DB, meeting: Meeting, options: PublicListOptions) {
  const choices = meetingThemeChoices(db, meeting);
  const choice =
    options.theme === null ? undefined : choices.find((c) => c.value === options.theme);
  const page = Math.max(1, Math.min(options.page, 1000));
  const { questions, total } = q.pageApproved(db, meeting.id, {
    sort: options.sort,
    theme: choice ? choice.title : undefined,
    limit: page * PAGE_SIZE,
    offset: 0,
  });
  const supported = options.supporterKey
    ? q.supportedBy(
        db,
        questions.map((x) => x.id),
        options.supporterKey,
      )
    : new Set<number>();
  const known = new Set(choices.map((c) => c.title));
  // A theme renamed or removed since the question was sent falls under "Annet".
  const themeOf = (x: Question) => (x.theme !== null && known.has(x.theme) ? x.theme : null);
  const groups = choices
    .map((c) => ({
      value: c.value,
      label: c.label,
      questions: questions
        .filter((x) => themeOf(x) === c.title)
        .map((x) => ({ ...publicQuestion(x), supported: supported.has(x.id) })),
    }))
    .filter((g) => g.questions.length > 0);
  const board = q.getBoard(db, meeting.id);
  const current = board.currentQuestionId ? q.getQuestion(db, board.currentQuestionId) : undefined;
  return {
    groups,
    choices,
    shown: questions.length,
    total,
    page,
    hasMore: questions.length < total,
    sort: options.sort,
    theme: choice?.value ?? null,
    // The board may hold a question from a rehearsal: the panel answers only during the meeting.
    nowAnswering:
      current && current.status === "approved" && meetingPhase(meeting) === "running"
        ? publicQuestion(current)
        : null,
    answersPublished: board.answersPublishedAt !== null,
    summary: board.answersPublishedAt ? board.summary : "",
  };
}

/** What the meeting page shows of questions: the form, the most supported, and what came after. */
export function meetingPageQuestions(
  db: DB,
  meeting: Meeting,
  supporterKey: string | null,
  language: PageLanguage,
) {
  const choices = meetingThemeChoices(db, meeting);
  return {
    choices,
    constraint: questionConstraint(),
    subscribeConstraint: subscribeConstraint(),
    closedReason: questionsClosedReason(meeting),
    list: publicQuestionList(db, meeting, { sort: "support", theme: null, page: 1, supporterKey }),
    after: meetingAfterView(db, meeting, language),
    healthWords: meetingHealthWords(db, meeting.id),
    criteria: moderationCriteria(db, meeting.id),
  };
}

/**
 * Open moderation: what became of the meeting's questions, as numbers only (never a declined
 * question's text), for the public questions page.
 */
export function openModeration(db: DB, meeting: Meeting) {
  return q.openModerationCounts(db, meeting.id);
}
