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
import { msg } from "../i18n";
import { Refusal } from "../platform/refusal.server";
import { audit } from "../platform/audit.server";
import {
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordHashingBusy,
  verifyPassword,
} from "./password.server";
import { revokeAllSessions } from "./session.server";
import {
  checkLoginAddress,
  claimLoginAttempt,
  recordLoginSuccess,
  retryAfterMinutes,
  type LoginCheck,
} from "./throttle.server";
import { idField } from "../platform/intent.server";
import { z } from "../platform/zod";

/** Seconds a busy login is asked to wait: a few hashes' time. */
const BUSY_RETRY_SECONDS = 5;

const busy = () =>
  new Refusal("error.login.busy", { status: 503, retryAfterSeconds: BUSY_RETRY_SECONDS });

function throttled(check: LoginCheck): Refusal | null {
  if (check.allowed) return null;
  return new Refusal(
    msg("error.login.throttled", { count: retryAfterMinutes(check.retryAfterSeconds) }),
    { status: 429, retryAfterSeconds: check.retryAfterSeconds },
  );
}

/**
 * For the login action, before it reads the form: a Refusal when this address would be turned
 * away whatever the form holds (hashing busy, the address blocked), else null. Counts nothing.
 */
export function loginRefusalBeforeForm(db: DB, ip: string): Refusal | null {
  if (passwordHashingBusy()) return busy();
  return throttled(checkLoginAddress(db, ip));
}

/** The organiser these credentials belong to; a Refusal when they don't, or not now. */
export async function login(
  db: DB,
  email: string,
  password: string,
  ip: string,
): Promise<Organiser> {
  // Turned away before anything is counted: a busy server is not the person's failure.
  if (passwordHashingBusy()) throw busy();
  const attempt = { email, ip };
  // One time for both: the counts' keys name the hour and the day.
  const now = new Date();
  // Counted as a failure now, before the hash: parallel guesses cannot pass the check together.
  const refused = throttled(claimLoginAttempt(db, attempt, now));
  if (refused) throw refused;
  const account = getOrganiserByEmail(db, email);
  // Without an account this still spends a hash's time, so answers don't reveal addresses.
  const valid = await verifyPassword(password, account?.passwordHash ?? null);
  if (!account || !valid || account.disabledAt) {
    audit(db, "anonymous", "login.failed", { target: email.trim().toLowerCase().slice(0, 254) });
    throw new Refusal("error.login.invalid");
  }
  recordLoginSuccess(db, attempt, now);
  if (needsRehash(account.passwordHash))
    setPasswordHash(db, account.id, await hashPassword(password));
  const organiser = getOrganiserById(db, account.id)!;
  audit(db, organiser, "login");
  return organiser;
}

/** Changes the password and ends every other session of the organiser. */
export async function changePassword(
  db: DB,
  organiser: Organiser,
  current: string,
  next: string,
  request: Request,
): Promise<void> {
  const account = getOrganiserByEmail(db, organiser.email)!;
  if (!(await verifyPassword(current, account.passwordHash))) {
    throw new Refusal("error.password.wrong", { field: "currentPassword" });
  }
  const problem = await checkPasswordPolicy(next, organiser);
  if (problem) throw new Refusal(problem, { field: "password" });
  setPasswordHash(db, organiser.id, await hashPassword(next));
  await revokeAllSessions(db, organiser.id, request);
  audit(db, organiser, "organiser.password");
}

export async function addOrganiser(
  db: DB,
  by: Organiser,
  input: { email: string; name: string; role: OrganiserRole; password: string },
): Promise<number> {
  const exists = () => new Refusal("error.organiser.exists", { field: "email" });
  if (getOrganiserByEmail(db, input.email)) throw exists();
  const problem = await checkPasswordPolicy(input.password, input);
  if (problem) throw new Refusal(problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  return immediate(db, () => {
    // Checked again: the hash took a while, and another admin may have been quicker.
    if (getOrganiserByEmail(db, input.email)) throw exists();
    const id = insertOrganiser(db, { ...input, passwordHash });
    audit(db, by, "organiser.create", { target: input.email, details: { role: input.role } });
    return id;
  });
}

/**
 * Disabling ends the organiser's sessions at once. Only admins get here and nobody can
 * disable themselves, so an active admin always remains.
 */
/** The organisers page's row buttons: close or reopen an account. */
export const accountStatusIntents = z.object({
  intent: z.enum(["disable", "enable"]),
  id: idField,
});

export async function setOrganiserDisabled(db: DB, by: Organiser, id: number, disabled: boolean) {
  const target = getOrganiserById(db, id);
  if (!target) throw new Refusal("error.forbidden", { status: 404 });
  if (disabled && target.id === by.id) throw new Refusal("error.organiser.self");
  immediate(db, () => {
    setDisabled(db, id, disabled);
    audit(db, by, disabled ? "organiser.disable" : "organiser.enable", { target: target.email });
  });
  if (disabled) await revokeAllSessions(db, id);
}

export { listOrganisers };
