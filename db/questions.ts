import { nowIso, type DB, type StoredLanguage } from "./connection";

export type QuestionStatus = "pending" | "approved" | "rejected" | "withdrawn" | "merged";
const QUESTION_STATUSES: readonly QuestionStatus[] = [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
  "merged",
];

/** Why a question was declined: the categories counted on the public questions page. */
export type RejectCategory = "personalData" | "duplicate" | "offTopic" | "abusive";

/** An organiser's word that a question the privacy guard flagged may be published. */
export type PrivacyClearance = "reworded" | "none";

/**
 * Where a question came from: the web form before the meeting, a phone in the hall (the
 * screen's short link), or an online attendee following the stream (marked "digital").
 */
export type QuestionSource = "web" | "hall" | "online";

export interface Question {
  id: number;
  meetingId: number;
  /** The theme's title; null is "Annet". */
  theme: string | null;
  originalText: string;
  publicText: string | null;
  askerName: string | null;
  showName: boolean;
  askerEmail: string | null;
  status: QuestionStatus;
  rejectReason: string | null;
  mergedInto: number | null;
  starred: boolean;
  agendaPosition: number | null;
  answer: string | null;
  answeredAt: string | null;
  notifiedAt: string | null;
  source: QuestionSource;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  /** Distinct people who asked or supported it (askers count themselves). */
  supportCount: number;
  /** The page's language when it was asked; mail to the asker is sent in it. */
  language: StoredLanguage;
  /** Sent privately to the municipality: never public, answered by mail. */
  private: boolean;
  rejectCategory: RejectCategory | null;
  privacyCleared: PrivacyClearance | null;
}

const columns = `q.id, q.meeting_id AS meetingId, q.theme, q.original_text AS originalText,
  q.public_text AS publicText, q.asker_name AS askerName, q.show_name AS showName,
  q.asker_email AS askerEmail, q.status, q.reject_reason AS rejectReason,
  q.merged_into AS mergedInto, q.starred, q.agenda_position AS agendaPosition, q.answer,
  q.answered_at AS answeredAt, q.notified_at AS notifiedAt, q.source,
  q.created_at AS createdAt, q.updated_at AS updatedAt, q.approved_at AS approvedAt, q.language,
  q.private, q.reject_category AS rejectCategory, q.privacy_cleared AS privacyCleared,
  (SELECT count(*) FROM question_supports s WHERE s.question_id = q.id) AS supportCount`;

type Row = Omit<Question, "showName" | "starred" | "private"> & {
  showName: number;
  starred: number;
  private: number;
};
const fromRow = (row: Row): Question => ({
  ...row,
  showName: row.showName === 1,
  starred: row.starred === 1,
  private: row.private === 1,
});

export interface NewQuestion {
  meetingId: number;
  theme: string | null;
  text: string;
  askerName: string | null;
  showName: boolean;
  askerEmail: string | null;
  source: QuestionSource;
  language?: StoredLanguage;
  /** Keyed hash of the address it came from; cleared once the question is moderated. */
  clientKey?: string | null;
  private?: boolean;
}

export function insertQuestion(db: DB, q: NewQuestion): number {
  const now = nowIso();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO questions (meeting_id, theme, original_text, asker_name, show_name,
         asker_email, source, created_at, updated_at, language, client_key, private)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      q.meetingId,
      q.theme,
      q.text,
      q.askerName,
      q.showName ? 1 : 0,
      q.askerEmail,
      q.source,
      now,
      now,
      q.language ?? "nb",
      q.clientKey ?? null,
      q.private ? 1 : 0,
    );
  return Number(lastInsertRowid);
}

/** Questions from one client address that wait for moderation in a meeting. */
export function pendingFromClient(db: DB, meetingId: number, clientKey: string): number {
  return db
    .prepare<[number, string], { n: number }>(
      `SELECT count(*) AS n FROM questions
       WHERE meeting_id = ? AND client_key = ? AND status = 'pending'`,
    )
    .get(meetingId, clientKey)!.n;
}

export function getQuestion(db: DB, id: number): Question | undefined {
  const row = db.prepare(`SELECT ${columns} FROM questions q WHERE q.id = ?`).get(id) as
    Row | undefined;
  return row && fromRow(row);
}

export function addQuestionToken(db: DB, questionId: number, tokenHash: string) {
  db.prepare(
    "INSERT INTO question_tokens (token_hash, question_id, created_at) VALUES (?, ?, ?)",
  ).run(tokenHash, questionId, nowIso());
}

export function getQuestionByTokenHash(db: DB, tokenHash: string): Question | undefined {
  const row = db
    .prepare(
      `SELECT ${columns} FROM question_tokens t JOIN questions q ON q.id = t.question_id
       WHERE t.token_hash = ?`,
    )
    .get(tokenHash) as Row | undefined;
  return row && fromRow(row);
}

/** The questions asked from this address for one meeting, oldest first (a person's own data). */
export function questionsFrom(db: DB, meetingId: number, email: string): Question[] {
  return (
    db
      .prepare(
        `SELECT ${columns} FROM questions q
         WHERE q.meeting_id = ? AND lower(q.asker_email) = lower(?)
         ORDER BY q.created_at, q.id`,
      )
      .all(meetingId, email.trim()) as Row[]
  ).map(fromRow);
}

/**
 * An asker erases their questions: a published one stays as the public reads it (its public
 * wording, theme, support and answer), without who asked or their own first wording; any other
 * (waiting, rejected, withdrawn, merged, sent privately) goes entirely. Returns how many went.
 */
export function eraseOwnQuestions(
  db: DB,
  ids: readonly number[],
): { kept: number; deleted: number } {
  const list = JSON.stringify(ids);
  db.prepare(
    "DELETE FROM question_tokens WHERE question_id IN (SELECT value FROM json_each(?))",
  ).run(list);
  const kept = db
    .prepare(
      `UPDATE questions SET asker_name = NULL, show_name = 0, asker_email = NULL, client_key = NULL,
         original_text = coalesce(public_text, original_text), updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status = 'approved' AND private = 0`,
    )
    .run(nowIso(), list).changes;
  const deleted = db
    .prepare(
      `DELETE FROM questions WHERE id IN (SELECT value FROM json_each(?))
         AND NOT (status = 'approved' AND private = 0)`,
    )
    .run(list).changes;
  return { kept, deleted };
}

/**
 * The moderation queue: a meeting's questions for the public (or, with `privately`, those sent
 * privately), optionally in one state, newest first.
 */
export function listQuestions(
  db: DB,
  meetingId: number,
  status?: QuestionStatus,
  privately = false,
): Question[] {
  return (
    db
      .prepare(
        `SELECT ${columns} FROM questions q WHERE q.meeting_id = ? AND (? IS NULL OR q.status = ?)
           AND q.private = ?
         ORDER BY q.created_at DESC, q.id DESC`,
      )
      .all(meetingId, status ?? null, status ?? null, privately ? 1 : 0) as Row[]
  ).map(fromRow);
}

/** The meeting's questions for the public (not those sent privately) in each state. */
export function countByStatus(db: DB, meetingId: number): Record<QuestionStatus, number> {
  const rows = db
    .prepare(
      `SELECT status, count(*) AS n FROM questions WHERE meeting_id = ? AND private = 0
       GROUP BY status`,
    )
    .all(meetingId) as { status: QuestionStatus; n: number }[];
  const out = Object.fromEntries(QUESTION_STATUSES.map((s) => [s, 0])) as Record<
    QuestionStatus,
    number
  >;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Questions sent privately to the municipality, and how many of them are answered. */
export function countPrivate(db: DB, meetingId: number): { total: number; answered: number } {
  return db
    .prepare<[number], { total: number; answered: number }>(
      `SELECT count(*) AS total, count(answered_at) AS answered FROM questions
       WHERE meeting_id = ? AND private = 1 AND status <> 'withdrawn'`,
    )
    .get(meetingId)!;
}

export interface OpenModerationCounts {
  received: number;
  published: number;
  merged: number;
  answered: number;
  declined: Record<RejectCategory | "other", number>;
  private: number;
}

/**
 * What became of a meeting's questions, as numbers only: received (all but those withdrawn),
 * published, merged into another, answered (published and answered) and declined per category;
 * questions sent privately are counted on their own.
 */
export function openModerationCounts(db: DB, meetingId: number): OpenModerationCounts {
  const row = db
    .prepare<
      [number],
      Omit<OpenModerationCounts, "declined"> & { other: number } & Record<RejectCategory, number>
    >(
      `SELECT
         count(*) FILTER (WHERE private = 0 AND status <> 'withdrawn') AS received,
         count(*) FILTER (WHERE private = 0 AND status = 'approved') AS published,
         count(*) FILTER (WHERE private = 0 AND status = 'merged') AS merged,
         count(*) FILTER (WHERE private = 0 AND status = 'approved' AND answered_at IS NOT NULL)
           AS answered,
         count(*) FILTER (WHERE private = 0 AND status = 'rejected'
           AND reject_category = 'personalData') AS personalData,
         count(*) FILTER (WHERE private = 0 AND status = 'rejected'
           AND reject_category = 'duplicate') AS duplicate,
         count(*) FILTER (WHERE private = 0 AND status = 'rejected'
           AND reject_category = 'offTopic') AS offTopic,
         count(*) FILTER (WHERE private = 0 AND status = 'rejected'
           AND reject_category = 'abusive') AS abusive,
         count(*) FILTER (WHERE private = 0 AND status = 'rejected' AND reject_category IS NULL)
           AS other,
         count(*) FILTER (WHERE private = 1 AND status <> 'withdrawn') AS private
       FROM questions WHERE meeting_id = ?`,
    )
    .get(meetingId)!;
  return {
    received: row.received,
    published: row.published,
    merged: row.merged,
    answered: row.answered,
    declined: {
      personalData: row.personalData,
      duplicate: row.duplicate,
      offTopic: row.offTopic,
      abusive: row.abusive,
      other: row.other,
    },
    private: row.private,
  };
}

/** Approved questions in the panel's order. */
export function listAgenda(db: DB, meetingId: number): Question[] {
  return (
    db
      .prepare(
        `SELECT ${columns} FROM questions q
         WHERE q.meeting_id = ? AND q.status = 'approved' AND q.private = 0
         ORDER BY q.agenda_position IS NULL, q.agenda_position, q.approved_at, q.id`,
      )
      .all(meetingId) as Row[]
  ).map(fromRow);
}

export type PublicSort = "support" | "newest" | "agenda";

/** One page of approved questions, optionally one theme ("" is "Annet"), and the total. */
export function pageApproved(
  db: DB,
  meetingId: number,
  options: { sort: PublicSort; theme?: string | null; limit: number; offset: number },
): { questions: Question[]; total: number } {
  const order =
    options.sort === "support"
      ? "supportCount DESC, q.approved_at DESC, q.id DESC"
      : options.sort === "agenda"
        ? "q.agenda_position IS NULL, q.agenda_position, q.id"
        : "q.created_at DESC, q.id DESC";
  const themeFilter =
    options.theme === undefined
      ? ""
      : options.theme === null
        ? "AND q.theme IS NULL"
        : "AND q.theme = @theme";
  const rows = db
    .prepare(
      `SELECT ${columns} FROM questions q
       WHERE q.meeting_id = @meetingId AND q.status = 'approved' AND q.private = 0 ${themeFilter}
       ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({
      meetingId,
      theme: options.theme ?? null,
      limit: options.limit,
      offset: options.offset,
    }) as Row[];
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM questions q
       WHERE q.meeting_id = @meetingId AND q.status = 'approved' AND q.private = 0 ${themeFilter}`,
    )
    .get({ meetingId, theme: options.theme ?? null }) as { n: number };
  return { questions: rows.map(fromRow), total: n };
}

/** Questions merged into this one (their askers are this question's askers too). */
export function listMergedInto(db: DB, questionId: number): Question[] {
  return (
    db
      .prepare(`SELECT ${columns} FROM questions q WHERE q.merged_into = ? ORDER BY q.id`)
      .all(questionId) as Row[]
  ).map(fromRow);
}

export function setQuestionText(db: DB, id: number, text: string) {
  db.prepare("UPDATE questions SET original_text = ?, updated_at = ? WHERE id = ?").run(
    text,
    nowIso(),
    id,
  );
}

export function setPublicText(db: DB, id: number, text: string | null) {
  db.prepare("UPDATE questions SET public_text = ?, updated_at = ? WHERE id = ?").run(
    text,
    nowIso(),
    id,
  );
}

export function setTheme(db: DB, id: number, theme: string | null) {
  db.prepare("UPDATE questions SET theme = ?, updated_at = ? WHERE id = ?").run(
    theme,
    nowIso(),
    id,
  );
}

export function setStarred(db: DB, id: number, starred: boolean) {
  db.prepare("UPDATE questions SET starred = ?, updated_at = ? WHERE id = ?").run(
    starred ? 1 : 0,
    nowIso(),
    id,
  );
}

export function setStatus(
  db: DB,
  id: number,
  status: QuestionStatus,
  extra: {
    rejectReason?: string | null;
    rejectCategory?: RejectCategory | null;
    mergedInto?: number | null;
  } = {},
) {
  const now = nowIso();
  db.prepare(
    `UPDATE questions SET status = @status, updated_at = @now,
       reject_reason = CASE WHEN @status = 'rejected' THEN @reason ELSE reject_reason END,
       reject_category = CASE WHEN @status = 'rejected' THEN @category ELSE NULL END,
       merged_into = CASE WHEN @status = 'merged' THEN @mergedInto ELSE NULL END,
       approved_at = CASE WHEN @status = 'approved' THEN coalesce(approved_at, @now) ELSE approved_at END,
       agenda_position = CASE WHEN @status = 'approved' THEN agenda_position ELSE NULL END,
       client_key = CASE WHEN @status = 'pending' THEN client_key ELSE NULL END
     WHERE id = @id`,
  ).run({
    id,
    status,
    now,
    reason: extra.rejectReason ?? null,
    category: extra.rejectCategory ?? null,
    mergedInto: extra.mergedInto ?? null,
  });
}

export function setPrivacyCleared(db: DB, id: number, cleared: PrivacyClearance | null) {
  db.prepare("UPDATE questions SET privacy_cleared = ?, updated_at = ? WHERE id = ?").run(
    cleared,
    nowIso(),
    id,
  );
}

export function setAgendaPosition(db: DB, id: number, position: number | null) {
  db.prepare("UPDATE questions SET agenda_position = ? WHERE id = ?").run(position, id);
}

export function setAnswer(db: DB, id: number, answer: string | null) {
  const now = nowIso();
  db.prepare(
    `UPDATE questions SET answer = ?, answered_at = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(answered_at, ?) END,
       updated_at = ? WHERE id = ?`,
  ).run(answer, answer, now, now, id);
}

export function markAnswered(db: DB, id: number, answered: boolean) {
  const now = nowIso();
  db.prepare(
    "UPDATE questions SET answered_at = CASE WHEN ? THEN coalesce(answered_at, ?) ELSE NULL END, updated_at = ? WHERE id = ?",
  ).run(answered ? 1 : 0, now, now, id);
}

export function markNotified(db: DB, id: number) {
  db.prepare("UPDATE questions SET notified_at = ? WHERE id = ?").run(nowIso(), id);
}

// --- Support -------------------------------------------------------------------------------

/** Records one person's support; false when they had already supported it. */
export function addSupport(db: DB, questionId: number, supporterKey: string): boolean {
  const result = db
    .prepare(
      "INSERT OR IGNORE INTO question_supports (question_id, supporter_key, created_at) VALUES (?, ?, ?)",
    )
    .run(questionId, supporterKey, nowIso());
  return result.changes === 1;
}

/** Which of these questions the person has supported already. */
export function supportedBy(db: DB, questionIds: number[], supporterKey: string): Set<number> {
  if (questionIds.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT question_id AS id FROM question_supports
       WHERE supporter_key = ? AND question_id IN (SELECT value FROM json_each(?))`,
    )
    .all(supporterKey, JSON.stringify(questionIds)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Moves every support of `from` to `to`; a person who supported both counts once. */
export function moveSupports(db: DB, from: number, to: number) {
  db.prepare(
    `INSERT OR IGNORE INTO question_supports (question_id, supporter_key, created_at)
     SELECT ?, supporter_key, created_at FROM question_supports WHERE question_id = ?`,
  ).run(to, from);
  db.prepare("DELETE FROM question_supports WHERE question_id = ?").run(from);
}

// --- The board: the question on the projector, the summary ---------------------------------

export interface QuestionBoard {
  meetingId: number;
  currentQuestionId: number | null;
  summary: string;
  answersPublishedAt: string | null;
}

export function getBoard(db: DB, meetingId: number): QuestionBoard {
  const row = db
    .prepare(
      `SELECT meeting_id AS meetingId, current_question_id AS currentQuestionId, summary,
         answers_published_at AS answersPublishedAt FROM question_boards WHERE meeting_id = ?`,
    )
    .get(meetingId) as QuestionBoard | undefined;
  return row ?? { meetingId, currentQuestionId: null, summary: "", answersPublishedAt: null };
}

function ensureBoard(db: DB, meetingId: number) {
  db.prepare("INSERT OR IGNORE INTO question_boards (meeting_id, updated_at) VALUES (?, ?)").run(
    meetingId,
    nowIso(),
  );
}

/** The organiser has put the panel's questions in an order of their own (kept from the first time). */
export function markAgendaOrdered(db: DB, meetingId: number, at = nowIso()) {
  ensureBoard(db, meetingId);
  db.prepare(
    `UPDATE question_boards SET agenda_ordered_at = coalesce(agenda_ordered_at, ?), updated_at = ?
     WHERE meeting_id = ?`,
  ).run(at, at, meetingId);
}

/** When the organiser first ordered the panel's questions, or null while they have not. */
export function agendaOrderedAt(db: DB, meetingId: number): string | null {
  const row = db
    .prepare("SELECT agenda_ordered_at AS at FROM question_boards WHERE meeting_id = ?")
    .get(meetingId) as { at: string | null } | undefined;
  return row?.at ?? null;
}

export function setCurrentQuestion(db: DB, meetingId: number, questionId: number | null) {
  ensureBoard(db, meetingId);
  db.prepare(
    "UPDATE question_boards SET current_question_id = ?, updated_at = ? WHERE meeting_id = ?",
  ).run(questionId, nowIso(), meetingId);
}

/** A meeting's own moderation criteria and health words ("" for the defaults). */
export interface QuestionSettings {
  moderationCriteria: string;
  privacyWords: string;
}

export function getQuestionSettings(db: DB, meetingId: number): QuestionSettings {
  const row = db
    .prepare(
      `SELECT moderation_criteria AS moderationCriteria, privacy_words AS privacyWords
       FROM question_boards WHERE meeting_id = ?`,
    )
    .get(meetingId) as QuestionSettings | undefined;
  return row ?? { moderationCriteria: "", privacyWords: "" };
}

export function setQuestionSettings(db: DB, meetingId: number, settings: QuestionSettings) {
  ensureBoard(db, meetingId);
  db.prepare(
    `UPDATE question_boards SET moderation_criteria = ?, privacy_words = ?, updated_at = ?
     WHERE meeting_id = ?`,
  ).run(settings.moderationCriteria, settings.privacyWords, nowIso(), meetingId);
}

export function setSummary(db: DB, meetingId: number, summary: string) {
  ensureBoard(db, meetingId);
  db.prepare("UPDATE question_boards SET summary = ?, updated_at = ? WHERE meeting_id = ?").run(
    summary,
    nowIso(),
    meetingId,
  );
}

export function setAnswersPublished(db: DB, meetingId: number, published: boolean) {
  ensureBoard(db, meetingId);
  const now = nowIso();
  db.prepare(
    `UPDATE question_boards SET answers_published_at = CASE WHEN ? THEN coalesce(answers_published_at, ?) ELSE NULL END,
       updated_at = ? WHERE meeting_id = ?`,
  ).run(published ? 1 : 0, now, now, meetingId);
}

/** Meetings that ended before `endedBefore` and still hold an asker's name, email or link. */
export function meetingsWithAskersToErase(db: DB, endedBefore: string): number[] {
  return db
    .prepare<[string], { id: number }>(
      `SELECT DISTINCT m.id FROM meetings m JOIN questions q ON q.meeting_id = m.id
       WHERE m.ends_at < ? AND (q.asker_name IS NOT NULL OR q.asker_email IS NOT NULL
         OR EXISTS (SELECT 1 FROM question_tokens t WHERE t.question_id = q.id))
       ORDER BY m.id`,
    )
    .all(endedBefore)
    .map((r) => r.id);
}

/**
 * Erases who asked a meeting's questions: names, emails and receipt links (the mail sent to
 * them is erased by its owner, db/outbox.ts). The questions, their public wording, support
 * counts and answers stay. Returns how many questions held something to erase.
 */
export function eraseAskers(db: DB, meetingId: number): number {
  db.prepare(
    "DELETE FROM question_tokens WHERE question_id IN (SELECT id FROM questions WHERE meeting_id = ?)",
  ).run(meetingId);
  // A question nobody moderated still holds the keyed address it came from.
  db.prepare("UPDATE questions SET client_key = NULL WHERE meeting_id = ?").run(meetingId);
  return db
    .prepare(
      `UPDATE questions SET asker_name = NULL, show_name = 0, asker_email = NULL
       WHERE meeting_id = ? AND (asker_name IS NOT NULL OR asker_email IS NOT NULL)`,
    )
    .run(meetingId).changes;
}
