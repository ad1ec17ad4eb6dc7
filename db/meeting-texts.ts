import type { DB } from "./connection";

/** The meeting texts that can be written in another language than bokmål. */
export const TRANSLATED_FIELDS = [
  "title",
  "description",
  "accessibility",
  "whatToBring",
  "agenda",
  "questionGuidance",
] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
export type TranslatedTexts = Partial<Record<TranslatedField, string>>;

/** A meeting's texts in one language, by field; a field without a text is absent. */
export function meetingTextsOf(db: DB, meetingId: number, language: string): TranslatedTexts {
  const rows = db
    .prepare<[number, string], { field: TranslatedField; text: string }>(
      "SELECT field, text FROM meeting_texts WHERE meeting_id = ? AND language = ?",
    )
    .all(meetingId, language);
  return Object.fromEntries(rows.map((r) => [r.field, r.text]));
}

/** The languages a meeting has any text in. */
export function meetingTextLanguagesOf(db: DB, meetingId: number): string[] {
  return db
    .prepare<[number], { language: string }>(
      "SELECT DISTINCT language FROM meeting_texts WHERE meeting_id = ? ORDER BY language",
    )
    .all(meetingId)
    .map((r) => r.language);
}

/** Replaces a meeting's texts in one language; an empty text is no text. */
export function replaceMeetingTexts(
  db: DB,
  meetingId: number,
  language: string,
  texts: TranslatedTexts,
) {
  const remove = db.prepare("DELETE FROM meeting_texts WHERE meeting_id = ? AND language = ?");
  const insert = db.prepare(
    "INSERT INTO meeting_texts (meeting_id, language, field, text) VALUES (?, ?, ?, ?)",
  );
  db.transaction(() => {
    remove.run(meetingId, language);
    for (const field of TRANSLATED_FIELDS) {
      const text = texts[field];
      if (text) insert.run(meetingId, language, field, text);
    }
  })();
}

/** Copies a meeting's texts in every language to another meeting (a duplicate). */
export function copyMeetingTexts(db: DB, fromMeetingId: number, toMeetingId: number) {
  db.prepare(
    `INSERT INTO meeting_texts (meeting_id, language, field, text)
     SELECT ?, language, field, text FROM meeting_texts WHERE meeting_id = ?`,
  ).run(toMeetingId, fromMeetingId);
}
