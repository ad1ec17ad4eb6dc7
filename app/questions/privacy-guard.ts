/**
 * The privacy guard: what in a text looks like personal data about someone — a Norwegian
 * national identity number (fødselsnummer or D-nummer, with both control digits right), a phone
 * number, an e-mail address, a street address, a word about health or a diagnosis. Pure and
 * shared: the server runs it on every question, answer and summary; the question form loads it
 * in the browser (a chunk of its own, fetched once the citizen starts typing) and runs the same
 * checks as they type, so nothing they write leaves the page before they send it.
 */
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import type { Finding, FindingKind } from "./findings";

/**
 * Words about health or diagnoses looked for when a meeting has no list of its own. Each
 * matches at the start of a word ("demens" also finds "demensen", "demenssykdom").
 */
export const DEFAULT_HEALTH_WORDS: readonly string[] = [
  "diagnose",
  "demens",
  "dement",
  "psykisk syk",
  "psykiatri",
  "psykose",
  "schizofren",
  "bipolar",
  "depresjon",
  "autis",
  "adhd",
  "utviklingshemm",
  "psykisk utviklingshemmet",
  "rusmisbruk",
  "rusavhengig",
  "narkoman",
  "alkoholiker",
  "epilepsi",
  "kreft",
  "hiv",
];

/** A meeting's own list (one word a line) or the default when it has none. */
export function healthWords(list: string): string[] {
  const own = list
    .split("\n")
    .map((w) => w.trim().toLocaleLowerCase("nb"))
    .filter((w) => w.length >= 2);
  return own.length > 0 ? own : [...DEFAULT_HEALTH_WORDS];
}

// No letter or digit just before or after: JavaScript's \b knows only ASCII letters.
const BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function controlDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((s, w, i) => s + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/**
 * A fødselsnummer or D-nummer (day + 40): a real date of birth and both mod-11 control digits
 * right. Synthetic test numbers (month + 80) count too, as the Tenor test register uses them.
 */
export function isNationalId(value: string): boolean {
  const s = value.replace(/\s/g, "");
  if (!/^\d{11}$/.test(s)) return false;
  const d = [...s].map(Number);
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const k1 = controlDigit(d, W1);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = controlDigit(d, W2);
  return k2 !== null && k2 === d[10];
}

const NATIONAL_ID = new RegExp(`${BEFORE}\\d{6} ?\\d{5}${AFTER}`, "gu");
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const STREET_SUFFIX = "veien|vegen|gata|gate|vei|veg|gården|garden|plassen|bakken|lia";
const ADDRESS = new RegExp(
  `${BEFORE}\\p{L}[\\p{L}-]+(?:${STREET_SUFFIX})\\s+\\d{1,4}(?:\\s?[A-Za-z])?${AFTER}`,
  "giu",
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matches(text: string, pattern: RegExp, kind: FindingKind, keep = (_: string) => true) {
  const found: Finding[] = [];
  for (const m of text.matchAll(pattern)) {
    if (!keep(m[0])) continue;
    found.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function phones(text: string, taken: Finding[]): Finding[] {
  return findPhoneNumbersInText(text, { defaultCountry: "NO" })
    .filter((p) => !taken.some((t) => p.startsAt < t.end && t.start < p.endsAt))
    .map((p) => ({
      kind: "phone" as const,
      text: text.slice(p.startsAt, p.endsAt),
      start: p.startsAt,
      end: p.endsAt,
    }));
}

/**
 * Everything in `text` that looks like personal data, in the order it appears. `words` are
 * the health words to look for (healthWords() of the meeting's list).
 */
export function findPersonalData(
  text: string,
  words: readonly string[] = DEFAULT_HEALTH_WORDS,
): Finding[] {
  const ids = matches(text, NATIONAL_ID, "nationalId", isNationalId);
  const emails = matches(text, EMAIL, "email");
  const found = [...ids, ...emails];
  found.push(...phones(text, found));
  found.push(...matches(text, ADDRESS, "address"));
  if (words.length > 0) {
    const pattern = new RegExp(
      `${BEFORE}(?:${words.map((w) => escape(w).replace(/ /g, "\\s+")).join("|")})\\p{L}*`,
      "giu",
    );
    found.push(...matches(text, pattern, "health"));
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}
