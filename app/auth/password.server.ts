import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { MessageKey } from "../i18n";

/**
 * scrypt at N = 2^17, r = 8, p = 1 (OWASP's recommendation): about 128 MiB and a few hundred
 * milliseconds per hash. The parameters are stored with each hash, so they can be raised later
 * and old hashes upgraded at the next login (needsRehash).
 */
const CURRENT = { log2N: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;

interface Parsed {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/**
 * At most two hashes at a time. Each one holds a libuv thread (of four) and 128 MiB for a few
 * hundred milliseconds; unbounded, a burst of logins took every thread that gzip, file
 * writes and the honeypot's crypto also need, and the front page waited 10–25 s.
 */
const MAX_HASHING = 2;
/** Logins beyond this many waiting are turned away (503) rather than queued. */
const MAX_WAITING = 4;
let hashing = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < MAX_HASHING) hashing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

/** True when a login should be answered 503 instead of joining the queue for a hash. */
export function passwordHashingBusy(): boolean {
  return hashing >= MAX_HASHING && waiting.length >= MAX_WAITING;
}

function deriveKey(
  password: string,
  salt: Buffer,
  params: Pick<Parsed, "log2N" | "r" | "p">,
  keyLength: number,
) {
  return withHashSlot(() => scryptKey(password, salt, params, keyLength));
}

function scryptKey(
  password: string,
  salt: Buffer,
  params: Pick<Parsed, "log2N" | "r" | "p">,
  keyLength: number,
) {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is below that. Twice the need.
    maxmem: Math.max(256 * 1024 * 1024, 256 * N * params.r),
  };
  return new Promise<Buffer>((resolve, reject) => {
    // NFC: "ø" typed on a Mac and on Windows must give the same hash.
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parse(stored: string): Parsed | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [log2N, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,2}$/.test(n!) ? Number(n) : NaN));
  // Sanity bounds: a corrupt row must not make us allocate gigabytes.
  if (!log2N || !r || !p || log2N < 10 || log2N > 20 || r > 16 || p > 4) return null;
  const salt = Buffer.from(parts[4]!, "base64url");
  const hash = Buffer.from(parts[5]!, "base64url");
  if (salt.length < 16 || hash.length < 16) return null;
  return { log2N, r, p, salt, hash };
}

/** "scrypt$17$8$1$<salt>$<hash>", base64url parts, N written as log2. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, CURRENT, KEY_BYTES);
  const { log2N, r, p } = CURRENT;
  return `scrypt$${log2N}$${r}$${p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

// Random, matching nothing: checking against it costs what a real check costs.
const DUMMY: Parsed = {
  ...CURRENT,
  salt: randomBytes(SALT_BYTES),
  hash: randomBytes(KEY_BYTES),
};

/**
 * True when the password matches. Pass null when there is no such account: a hash is still
 * computed, so the answer takes as long and doesn't tell which addresses have accounts.
 */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  const parsed = stored ? parse(stored) : null;
  const target = parsed ?? DUMMY;
  const key = await deriveKey(password, target.salt, target, target.hash.length);
  return timingSafeEqual(key, target.hash) && parsed !== null;
}

/** True when the hash was made with other parameters (or is unreadable): hash again at login. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.log2N !== CURRENT.log2N ||
    parsed.r !== CURRENT.r ||
    parsed.p !== CURRENT.p ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.hash.length !== KEY_BYTES
  );
}

/**
 * About 50 000 of the most used passwords, all lower case: 4 MB of heap with its module, for
 * the few passwords a server checks in its life (setup, a new organiser, a change). Loaded at
 * the first check, not at boot, and kept from then on (ADR 0009).
 */
let common: Promise<Set<string>> | undefined;
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())),
    (error: unknown) => {
      common = undefined; // the next check tries again
      throw error;
    },
  );
  return common;
}

/** "Password123!" is "password" with a suffix that every cracking rule tries first. */
const ENDING = /[\d\s!?.#@$%&*]+$/u;

/** Letters and digits only, lower case: "Kari.Nordmann" and "kari nordmann" compare equal. */
const simplify = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** The parts of a name or address a password must not contain. */
function personalWords(email: string, name: string): string[] {
  const local = email.trim().split("@")[0] ?? "";
  const whole = [simplify(local), simplify(name)];
  // Single words too ("nordmann"), but not short ones that hide in ordinary words ("ola").
  const parts = [...local.split(/[._+-]/), ...name.split(/\s+/)].map(simplify);
  return [...whole, ...parts].filter((word) => word.length >= 4);
}

export type PasswordProblem = Extract<
  MessageKey,
  | "error.password.tooShort"
  | "error.password.tooLong"
  | "error.password.common"
  | "error.password.personal"
>;

/** null when the password is acceptable, else the message key saying why not. */
export async function checkPasswordPolicy(
  password: string,
  person: { email: string; name: string },
): Promise<PasswordProblem | null> {
  // Count characters as people see them, not UTF-16 units.
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return "error.password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "error.password.tooLong";

  const lower = password.normalize("NFC").toLowerCase().trim();
  const stem = lower.replace(ENDING, "");
  const common = await commonPasswords();
  if (common.has(lower) || (stem !== "" && common.has(stem))) return "error.password.common";

  const simple = simplify(password);
  if (personalWords(person.email, person.name).some((word) => simple.includes(word))) {
    return "error.password.personal";
  }
  return null;
}
