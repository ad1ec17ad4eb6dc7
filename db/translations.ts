import type { DB } from "./connection";

/** One imported text: a key's text, or one plural form of it. */
export interface TranslationRow {
  key: string;
  form: "" | "zero" | "one" | "two" | "other";
  text: string;
}

/** A language's imported texts, by key and form. */
export function translationsOf(db: DB, language: string): TranslationRow[] {
  return db
    .prepare<[string], TranslationRow>(
      "SELECT key, form, text FROM translations WHERE language = ? ORDER BY key, form",
    )
    .all(language);
}

/** Replaces all of a language's texts with these, in one transaction. */
export function replaceTranslations(db: DB, language: string, rows: readonly TranslationRow[]) {
  const remove = db.prepare("DELETE FROM translations WHERE language = ?");
  const insert = db.prepare(
    "INSERT INTO translations (language, key, form, text) VALUES (?, ?, ?, ?)",
  );
  db.transaction(() => {
    remove.run(language);
    for (const row of rows) insert.run(language, row.key, row.form, row.text);
  }).immediate();
}
