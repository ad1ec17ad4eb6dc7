/**
 * Reading what the SMTP sink (./smtp-sink.ts) received: every message is a file in mailDir,
 * named by arrival order. Helpers poll that folder, parse with mailparser and filter by
 * recipient; calendar parts are read with ical.js.
 */
import type { BrowserContext, Page } from "@playwright/test";
import ICAL from "ical.js";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { mailDir } from "./paths";

export type Mail = ParsedMail & { file: string };

// Files never change once renamed into place, so each is parsed once per worker.
const parsed = new Map<string, Promise<Mail>>();

/** Every mail received so far, in arrival order. */
export async function allMail(): Promise<Mail[]> {
  let names: string[];
  try {
    names = (await readdir(mailDir)).filter((n) => n.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(
    names.map((name) => {
      let mail = parsed.get(name);
      if (!mail) {
        const file = path.join(mailDir, name);
        mail = readFile(file)
          .then((raw) => simpleParser(raw))
          .then((m) => Object.assign(m, { file }));
        parsed.set(name, mail);
      }
      return mail;
    }),
  );
}

function recipients(mail: ParsedMail): string[] {
  const to: AddressObject[] = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** Mail received so far for one address, in arrival order. */
export async function mailTo(to: string): Promise<Mail[]> {
  const address = to.toLowerCase();
  return (await allMail()).filter((m) => recipients(m).includes(address));
}

export interface WaitOptions {
  /** How many matching mails to wait for (default 1). */
  count?: number;
  timeout?: number;
}

/**
 * Polls until `count` mails to `to` match `predicate` (e.g. a subject check) and returns the
 * matching mails, oldest first. Fails with what did arrive for that address.
 */
export async function waitForMails(
  to: string,
  predicate: (mail: Mail) => boolean = () => true,
  { count = 1, timeout = 15_000 }: WaitOptions = {},
): Promise<Mail[]> {
  const deadline = Date.now() + timeout;
  let delay = 100;
  for (;;) {
    const all = await mailTo(to);
    const matching = all.filter(predicate);
    if (matching.length >= count) return matching;
    if (Date.now() > deadline) {
      const got = all.map((m) => `  "${m.subject ?? ""}"`).join("\n") || "  (none)";
      throw new Error(
        `Waited ${timeout} ms for ${count} matching mail(s) to ${to}; found ${matching.length}. Received for that address:\n${got}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** The first mail to `to` that matches `predicate`, waiting for it to arrive. */
export async function waitForMail(
  to: string,
  predicate?: (mail: Mail) => boolean,
  options?: Omit<WaitOptions, "count">,
): Promise<Mail> {
  const [mail] = await waitForMails(to, predicate, { ...options, count: 1 });
  return mail!;
}

export const subjectStartsWith = (prefix: string) => (mail: Mail) =>
  (mail.subject ?? "").startsWith(prefix);

/** The mail's HTML in a page of its own, to read it with locators (#status, a#manage-link …). */
export async function openMailHtml(context: BrowserContext, mail: Mail): Promise<Page> {
  if (typeof mail.html !== "string") throw new Error(`Mail "${mail.subject}" has no HTML part`);
  const page = await context.newPage();
  await page.setContent(mail.html, { waitUntil: "domcontentloaded" });
  return page;
}

/** The href of the mail's link with this id. */
function linkIn(mail: Mail, id: string): string {
  const html = typeof mail.html === "string" ? mail.html : "";
  const tag = new RegExp(`<a\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  const href = tag && /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (!href) throw new Error(`No a#${id} in mail "${mail.subject}"`);
  return href.replaceAll("&amp;", "&");
}

/** The href of the mail's "Se eller endre påmeldingen" button (a#manage-link). */
export const manageLinkIn = (mail: Mail) => linkIn(mail, "manage-link");

/** The asker's private link in a question's receipt (a#receipt-link). */
export const receiptLinkIn = (mail: Mail) => linkIn(mail, "receipt-link");

export interface CalendarParts {
  /** The text/calendar alternative part (what mail clients show as an invite). */
  alternative: Attachment | undefined;
  /** The application/ics attachment. */
  attachment: Attachment | undefined;
}

export function calendarParts(mail: Mail): CalendarParts {
  const type = (a: Attachment) => a.contentType.toLowerCase();
  return {
    alternative: mail.attachments.find((a) => type(a) === "text/calendar"),
    attachment: mail.attachments.find((a) => type(a) === "application/ics"),
  };
}

export interface ParsedCalendar {
  text: string;
  method: string | null;
  uid: string | null;
  sequence: number | null;
  status: string | null;
  /** DTSTART as an instant (ISO string, UTC). */
  start: string | null;
  end: string | null;
  /** True when DTSTART is written in UTC (…Z), not as a floating or zoned local time. */
  startIsUtc: boolean;
}

/** Parses an iCalendar text with ical.js and picks out what invites are judged by. */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("No VEVENT in calendar");
  const time = (name: string) => {
    const value = event.getFirstPropertyValue(name);
    return value instanceof ICAL.Time ? value : null;
  };
  const start = time("dtstart");
  const end = time("dtend");
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const sequence = event.getFirstPropertyValue("sequence");
  return {
    text,
    method: str(calendar.getFirstPropertyValue("method")),
    uid: str(event.getFirstPropertyValue("uid")),
    sequence: sequence === null ? null : Number(sequence),
    status: str(event.getFirstPropertyValue("status")),
    start: start ? start.toJSDate().toISOString() : null,
    end: end ? end.toJSDate().toISOString() : null,
    startIsUtc: start?.zone === ICAL.Timezone.utcTimezone,
  };
}

/** "2026-12-10T18:00:00.000Z" → "20261210T180000Z", as DTSTART writes a UTC time. */
export const icsUtc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
