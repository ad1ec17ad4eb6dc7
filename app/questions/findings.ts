/**
 * What the privacy guard (privacy-guard.ts) reports, and how a page shows it: light on purpose,
 * so a page that shows findings the server made does not carry the detectors and their phone
 * number metadata.
 */
export type FindingKind = "nationalId" | "phone" | "email" | "address" | "health";

export interface Finding {
  kind: FindingKind;
  /** What was found, as written. */
  text: string;
  start: number;
  end: number;
}

/** The order the findings are explained in: the most identifying first. */
const FINDING_KINDS: readonly FindingKind[] = ["nationalId", "phone", "email", "address", "health"];

/** The kinds found, each once, in the order they are explained. */
export function findingKinds(findings: readonly Finding[]): FindingKind[] {
  return FINDING_KINDS.filter((k) => findings.some((f) => f.kind === k));
}

/**
 * The text cut into plain parts and findings, for highlighting with <mark>. Overlapping
 * findings (a word inside an address) are shown as the first one.
 */
export function highlight(
  text: string,
  findings: readonly Finding[],
): { text: string; kind: FindingKind | null }[] {
  const parts: { text: string; kind: FindingKind | null }[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    if (f.start > at) parts.push({ text: text.slice(at, f.start), kind: null });
    parts.push({ text: text.slice(f.start, f.end), kind: f.kind });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), kind: null });
  return parts;
}
