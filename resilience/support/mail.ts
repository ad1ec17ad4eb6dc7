// Reading what the SMTP sink received: recipients, and whether a header was smuggled in.
import { simpleParser } from "mailparser";
import type { ReceivedMail } from "../../app/testing/smtp-sink";
import { count, waitUntil, type RunningApp } from "./app";

/** How many messages each envelope recipient received. */
export function perRecipient(mails: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) for (const to of mail.rcptTo) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/**
 * Proof that the mail worker has had its turn after the outbox drained, instead of a pause to
 * see whether a stray copy still turns up: `queue` makes one more message for `marker` (of
 * `purpose`, if given), and it is sent, with nothing else on its way. The worker takes the
 * queue oldest first, and marks a row sent only once the SMTP server has it, so any second
 * copy of an earlier message would be in the sink by then.
 */
export async function oneMoreDelivered(
  app: RunningApp,
  marker: string,
  queue: () => unknown,
  purpose?: string,
): Promise<void> {
  await queue();
  await waitUntil(
    `the message to ${marker}, queued after the drain`,
    () =>
      count(
        app.db,
        "SELECT count(*) AS n FROM outbox WHERE to_address = ? AND status = 'sent' AND purpose = coalesce(?, purpose)",
        marker,
        purpose ?? null,
      ) > 0 &&
      count(app.db, "SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')") ===
        0,
    60_000,
  );
}

/** The raw header block of a message, unfolded: one logical header per line. */
function headerLines(raw: Buffer): string[] {
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  return block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/);
}

/**
 * Problems with one message's headers: a line that is no header, a header the corpus tries to
 * smuggle in (Bcc, Cc, X-Injected), a second To, From or Subject, or more than one recipient.
 * An empty list means the message is clean. Headers the app adds on purpose are left alone.
 */
export async function headerProblems(mail: ReceivedMail): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const line of headerLines(mail.raw)) {
    const name = /^([!-9;-~]+):/.exec(line)?.[1]?.toLowerCase();
    if (!name) {
      problems.push(`not a header line: ${JSON.stringify(line.slice(0, 80))}`);
      continue;
    }
    seen.set(name, (seen.get(name) ?? 0) + 1);
    if (["bcc", "cc", "x-injected"].includes(name)) problems.push(`smuggled header ${name}`);
  }
  for (const name of ["to", "from", "subject"]) {
    if (seen.get(name) !== 1) problems.push(`${seen.get(name) ?? 0} ${name} headers`);
  }
  if (mail.rcptTo.length !== 1) problems.push(`${mail.rcptTo.length} envelope recipients`);
  const parsed = await simpleParser(mail.raw);
  const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
  if (to.length !== 1) problems.push(`${to.length} addresses in To`);
  return problems;
}
