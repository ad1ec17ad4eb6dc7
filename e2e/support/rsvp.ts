/** Filling the RSVP and change forms the way a person does: by their visible labels. */
import { expect, type Page } from "@playwright/test";
import { manageLinkIn, waitForMail, type Mail } from "./mail";
import { expectNoSidewaysScroll } from "./reflow";

export const labels = {
  name: "Navn (må fylles ut)",
  email: "E-post (må fylles ut)",
  partySize: "Hvor mange kommer?",
  needsAccessibility: "Tilgjengelighet, for eksempel rullestolplass eller teleslynge",
  needsInterpreter: "Tolk (språk eller tegnspråk)",
  needsOther: "Annet",
  needsText: "Beskriv gjerne behovet",
  consent:
    "Jeg har lest personvernerklæringen og godtar at opplysningene brukes til å planlegge møtet. (må fylles ut)",
} as const;

export const partyLabel = (n: number) => (n === 1 ? "1 person" : `${n} personer`);

export interface RsvpInput {
  name?: string;
  email?: string;
  partySize?: number;
  needs?: {
    accessibility?: boolean;
    interpreter?: boolean;
    other?: boolean;
    text?: string;
  };
  consent?: boolean;
}

/** Fills the RSVP form (form#rsvp) on a meeting page; fields not given are left alone. */
export async function fillRsvp(page: Page, input: RsvpInput) {
  const form = page.locator("form#rsvp");
  if (input.name !== undefined) await form.getByLabel(labels.name).fill(input.name);
  if (input.email !== undefined) await form.getByLabel(labels.email).fill(input.email);
  if (input.partySize !== undefined) {
    await form.getByLabel(labels.partySize).selectOption({ label: partyLabel(input.partySize) });
  }
  await fillNeeds(page.locator("form#rsvp"), input.needs);
  if (input.consent) await form.getByLabel(labels.consent, { exact: true }).check();
}

type Scope = ReturnType<Page["locator"]>;

export async function fillNeeds(scope: Scope, needs: RsvpInput["needs"]) {
  if (!needs) return;
  const set = async (label: string, on: boolean | undefined) => {
    if (on === undefined) return;
    await scope.getByLabel(label, { exact: true }).setChecked(on);
  };
  await set(labels.needsAccessibility, needs.accessibility);
  await set(labels.needsInterpreter, needs.interpreter);
  await set(labels.needsOther, needs.other);
  if (needs.text !== undefined) await scope.getByLabel(labels.needsText).fill(needs.text);
}

/** Subjects of the mail a new sign-up gets: a seat, or a place on the waitlist. */
export const signUpSubject = (mail: Mail) => /^(Påmeldt|Venteliste): /.test(mail.subject ?? "");

/**
 * Fills and sends the RSVP form, waits for the neutral "check your email" page, then opens
 * the personal link from the mail, as the person does. Resolves on the personal page; both
 * pages are checked for sideways scrolling at 320 px.
 */
export async function register(page: Page, input: RsvpInput & { name: string; email: string }) {
  await submitRsvp(page, input);
  const mail = await waitForMail(input.email, signUpSubject);
  await page.goto(manageLinkIn(mail));
  await expectNoSidewaysScroll(page, "personal page");
  return mail;
}

/** Fills and sends the RSVP form; resolves on the page every accepted sign-up lands on. */
export async function submitRsvp(page: Page, input: RsvpInput & { name: string; email: string }) {
  await fillRsvp(page, { consent: true, ...input });
  await page
    .locator("form#rsvp")
    .getByRole("button", { name: /Meld meg på|Sett meg på ventelisten/ })
    .click();
  await page.waitForURL(/\/meetings\/[^/]+\/sent(#.*)?$/);
  // The address changes as the router commits; the new page may render a moment later.
  await expect(page.locator("form#rsvp")).toHaveCount(0);
  await expectNoSidewaysScroll(page, "check-your-email page");
}

/** The pattern of the neutral page after a sign-up, for toHaveURL. */
export const sentPage = /\/meetings\/[^/]+\/sent(#[\w-]*)?$/;

/** The personal token in a /r/<token> URL. */
export function tokenOf(url: string): string {
  const token = /\/r\/([A-Za-z0-9_-]+)/.exec(url)?.[1];
  if (!token) throw new Error(`No manage token in ${url}`);
  return token;
}

/** A URL predicate for toHaveURL: path and query as given, any #fragment ignored. */
export const at = (pathAndQuery: string) => (url: URL) =>
  url.pathname + url.search === pathAndQuery;
