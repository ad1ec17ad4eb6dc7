import { nowIso, type DB } from "./connection";

export function insertSetupToken(db: DB, tokenHash: string, expiresAt: string, now = nowIso()) {
  db.prepare("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)").run(
    tokenHash,
    now,
    expiresAt,
  );
}

/** Marks the token used if it is unused and unexpired; one statement, so only one caller wins. */
export function useSetupToken(db: DB, tokenHash: string, now = nowIso()): boolean {
  return (
    db
      .prepare(
        `UPDATE setup_tokens SET used_at = ?
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
      )
      .run(now, tokenHash, now).changes === 1
  );
}

export function hasValidSetupToken(db: DB, tokenHash: string, now = nowIso()): boolean {
  return (
    db
      .prepare(
        "SELECT 1 FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
      )
      .get(tokenHash, now) !== undefined
  );
}
