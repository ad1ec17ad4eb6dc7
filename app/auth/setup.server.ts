import { href } from "react-router";
import type { DB } from "../../db/connection";
import { immediate } from "../../db/connection";
import { countOrganisers, insertOrganiser } from "../../db/organisers";
import { hasValidSetupToken, insertSetupToken, useSetupToken } from "../../db/setup-tokens";
import { audit } from "../platform/audit.server";
import { hashToken, isTokenShaped, newManageToken } from "../platform/tokens.server";
import { Refusal } from "../platform/refusal.server";
import { absoluteUrl } from "../platform/paths";
import { checkPasswordPolicy, hashPassword } from "./password.server";

const SETUP_VALID_MS = 24 * 3600_000;

/**
 * First run: with no organiser yet, nobody can log in to make one, so the server prints a
 * one-time link to whoever reads its log (the person who installed it). A new link each
 * start; older ones stay valid until they expire or the first account exists.
 * Returns the token, or null when there are organisers already.
 */
export function ensureSetupLink(
  db: DB,
  publicUrl: string,
  log: (line: string) => void = console.log,
  now = new Date(),
): string | null {
  if (countOrganisers(db) > 0) return null;
  const token = newManageToken();
  insertSetupToken(
    db,
    hashToken(token),
    new Date(now.getTime() + SETUP_VALID_MS).toISOString(),
    now.toISOString(),
  );
  const link = absoluteUrl(publicUrl, href("/admin/setup/:token", { token }));
  log(`No organiser yet. Create the first admin account within 24 hours: ${link}`);
  return token;
}

/** For the setup page's loader: show the form only for a usable link while nobody exists. */
export function isSetupTokenUsable(db: DB, token: string, now = new Date()): boolean {
  return (
    isTokenShaped(token) &&
    countOrganisers(db) === 0 &&
    hasValidSetupToken(db, hashToken(token), now.toISOString())
  );
}

/** Uses up the token: true once, for an unused and unexpired token. */
export function consumeSetupToken(db: DB, token: string, now = new Date()): boolean {
  return isTokenShaped(token) && useSetupToken(db, hashToken(token), now.toISOString());
}

/** A setup link that is used up, expired or never existed. */
const invalidLink = () => new Refusal("setup.invalid", { status: 404 });

/**
 * The setup page's action: checks the password, then in one transaction makes sure nobody
 * beat us to it, uses the token and creates the admin. Input is assumed validated (email
 * shape, name length) by the form schema.
 */
export async function createFirstAdmin(
  db: DB,
  token: string,
  input: { email: string; name: string; password: string },
  now = new Date(),
): Promise<number> {
  if (!isSetupTokenUsable(db, token, now)) throw invalidLink();
  const problem = await checkPasswordPolicy(input.password, input);
  if (problem) throw new Refusal(problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  // Re-checked inside the transaction: the hash took a while, and two tabs may race.
  return immediate(db, () => {
    if (countOrganisers(db) > 0 || !consumeSetupToken(db, token, now)) throw invalidLink();
    const organiserId = insertOrganiser(db, { ...input, role: "admin", passwordHash });
    audit(db, "setup", "organiser.create", {
      target: input.email.trim().toLowerCase(),
      details: { role: "admin" },
    });
    return organiserId;
  });
}
