import { immediate, type DB } from "../../db/connection";
import {
  getOrganiserByEmail,
  getOrganiserById,
  insertOrganiser,
  listOrganisers,
  setDisabled,
  setPasswordHash,
  type Organiser,
  type OrganiserRole,
} from "../../db/organisers";
import { audit } from "./audit.server";
import {
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordHashingBusy,
  verifyPassword,
} from "./password.server";
import { revokeAllSessions } from "./session.server";
import { claimLoginAttempt, recordLoginSuccess, retryAfterMinutes } from "./throttle.server";

/** Seconds a busy login is asked to wait: a few hashes' time. */
const BUSY_RETRY_SECONDS = 5;

export type LoginResult =
  | { ok: true; organiser: Organiser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "busy"; retryAfterSeconds: number }
  | { ok: false; reason: "throttled"; minutes: number; retryAfterSeconds: number };

export async function login(db: DB, email: string, password: string, ip: string): Promise<LoginResult> {
  // Turned away before anything is counted: a busy server is not the person's failure.
  if (passwordHashingBusy()) return { ok: false, reason: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS };
  const attempt = { email, ip };
  // Counted as a failure now, before the hash: parallel guesses cannot pass the check together.
  const check = claimLoginAttempt(db, attempt);
  if (!check.allowed) {
    return {
      ok: false,
      reason: "throttled",
      minutes: retryAfterMinutes(check.retryAfterSeconds),
      retryAfterSeconds: check.retryAfterSeconds,
    };
  }
  const account = getOrganiserByEmail(db, email);
  // Without an account this still spends a hash's time, so answers don't reveal addresses.
  const valid = await verifyPassword(password, account?.passwordHash ?? null);
  if (!account || !valid || account.disabledAt) {
    audit(db, "anonymous", "login.failed", { target: email.trim().toLowerCase().slice(0, 254) });
    return { ok: false, reason: "invalid" };
  }
  recordLoginSuccess(db, attempt);
  if (needsRehash(account.passwordHash)) setPasswordHash(db, account.id, await hashPassword(password));
  const organiser = getOrganiserById(db, account.id)!;
  audit(db, organiser, "login");
  return { ok: true, organiser };
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/** Changes the password and ends every other session of the organiser. */
export async function changePassword(
  db: DB,
  organiser: Organiser,
  current: string,
  next: string,
  request: Request,
): Promise<PasswordChangeResult> {
  const account = getOrganiserByEmail(db, organiser.email)!;
  if (!(await verifyPassword(current, account.passwordHash))) {
    return { ok: false, field: "currentPassword", message: "error.password.wrong" };
  }
  const problem = checkPasswordPolicy(next, organiser);
  if (problem) return { ok: false, field: "newPassword", message: problem };
  setPasswordHash(db, organiser.id, await hashPassword(next));
  await revokeAllSessions(db, organiser.id, request);
  audit(db, organiser, "organiser.password");
  return { ok: true };
}

export type AddOrganiserResult = { ok: true; id: number } | { ok: false; field: "email" | "password"; message: string };

export async function addOrganiser(
  db: DB,
  by: Organiser,
  input: { email: string; name: string; role: OrganiserRole; password: string },
): Promise<AddOrganiserResult> {
  if (getOrganiserByEmail(db, input.email)) {
    return { ok: false, field: "email", message: "error.organiser.exists" };
  }
  const problem = checkPasswordPolicy(input.password, input);
  if (problem) return { ok: false, field: "password", message: problem };
  const passwordHash = await hashPassword(input.password);
  return immediate(db, (): AddOrganiserResult => {
    if (getOrganiserByEmail(db, input.email)) {
      return { ok: false, field: "email", message: "error.organiser.exists" };
    }
    const id = insertOrganiser(db, { ...input, passwordHash });
    audit(db, by, "organiser.create", { target: input.email, details: { role: input.role } });
    return { ok: true, id };
  });
}

/**
 * Disabling ends the organiser's sessions at once. Only admins get here and nobody can
 * disable themselves, so an active admin always remains.
 */
export async function setOrganiserDisabled(db: DB, by: Organiser, id: number, disabled: boolean) {
  const target = getOrganiserById(db, id);
  if (!target) return { ok: false as const, message: "error.forbidden" };
  if (disabled && target.id === by.id) return { ok: false as const, message: "error.organiser.self" };
  immediate(db, () => {
    setDisabled(db, id, disabled);
    audit(db, by, disabled ? "organiser.disable" : "organiser.enable", { target: target.email });
  });
  if (disabled) await revokeAllSessions(db, id);
  return { ok: true as const };
}

export { listOrganisers };
