/**
 * A reader's walk through every citizen page, in the language their cookie already holds,
 * from the front page (which the caller has checked): the meeting, signing up, the personal
 * link from the mail and what it leads to, a question and its receipt link, erasing that
 * question's data, the updates subscription and its confirmation link, the footer's pages,
 * and an address that does not exist. Each page is checked by `check` (axe and the page's
 * language). Fields are found by their names, since their labels are in the language walked.
 */
import type { Page } from "@playwright/test";
import { expect, open, type TestMeeting } from "./fixtures";
import { mailTo, manageLinkIn, receiptLinkIn, waitForMail, type Mail } from "./mail";
import { sentPage } from "./rsvp";

/** The mail to `email` with a link of this id, once it has come. */
async function mailWithLink(email: string, id: string): Promise<Mail> {
  const has = (m: Mail) => String(m.html).includes(`id="${id}"`);
  await expect.poll(async () => (await mailTo(email)).some(has), { timeout: 20_000 }).toBe(true);
  return (await mailTo(email)).find(has)!;
}

export async function walkCitizenPages(
  page: Page,
  {
    meeting,
    label,
    uniqueEmail,
    check,
  }: {
    meeting: Pick<TestMeeting, "title" | "path">;
    /** Tells this walk's addresses apart from other walks'. */
    label: string;
    uniqueEmail: (label: string) => string;
    check: (what: string) => Promise<void>;
  },
) {
  await page.getByRole("link", { name: meeting.title }).first().click();
  await expect(page).toHaveURL((url) => url.pathname === meeting.path);
  await check("meeting page");

  // Signing up, and the personal link from the mail.
  const email = uniqueEmail(`every-page-${label}`);
  const rsvp = page.locator("form#rsvp");
  await rsvp.locator('input[name="name"]').fill("Kari Nordmann");
  await rsvp.locator('input[name="email"]').fill(email);
  await rsvp.locator('input[name="consent"]').check();
  await rsvp.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(sentPage);
  await check("sent page");
  await open(page, manageLinkIn(await waitForMail(email)));
  await check("personal page");
  const personal = page.url();
  await page.locator('main a[href$="/cancel"]').first().click();
  await expect(page).toHaveURL(/\/cancel$/);
  await check("cancel page");
  await page.goBack();
  await expect(page).toHaveURL(personal);
  await page.locator('main a[href$="/data"]').first().click();
  await expect(page).toHaveURL(/\/data$/);
  await check("own data page");

  // The questions: the list (its address is the one shared), its link to the form, and the
  // receipt link from the mail.
  await open(page, `${meeting.path}/questions`);
  await check("questions list");
  await page.locator('main a[href$="/questions/new"]').first().click();
  await expect(page).toHaveURL(/\/questions\/new$/);
  await check("ask page");
  const asker = uniqueEmail(`every-page-ask-${label}`);
  const ask = page.locator('main form[action$="/questions/new"]');
  await ask.locator('select[name="theme"]').selectOption({ index: 1 });
  await ask.locator('textarea[name="text"]').fill("Kva skjer med vegen bak sjukeheimen?");
  await ask.locator('input[name="email"]').fill(asker);
  await ask.locator('button[type="submit"]').last().click();
  await expect(page).not.toHaveURL(/\/questions\/new$/);
  await open(page, receiptLinkIn(await mailWithLink(asker, "receipt-link")));
  await check("question receipt");
  await page.locator('main a[href$="/data"]').first().click();
  await expect(page).toHaveURL(/\/data$/);
  await check("question's own data page");
  await page.locator('input[name="confirm"]').check();
  await page.locator('button[name="intent"][value="erase"]').click();
  await expect(page).toHaveURL(/\/erased$/);
  await check("erased page");

  // Updates about the case: the form on the meeting page, and the link in the mail.
  await open(page, meeting.path);
  const subscriber = uniqueEmail(`every-page-updates-${label}`);
  const subscribe = page.locator('form[action$="/subscribe"]');
  await subscribe.locator('input[name="email"]').fill(subscriber);
  await subscribe.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/subscribe\?sent=1$/);
  await check("subscribe page");
  const confirm = await mailWithLink(subscriber, "confirm-link");
  const link = /<a\b[^>]*\bid="confirm-link"[^>]*>/.exec(String(confirm.html))![0];
  await open(page, /href="([^"]+)"/.exec(link)![1]!.replace(/&amp;/g, "&"));
  await check("updates link page");

  await page.getByRole("contentinfo").locator('a[href="/privacy"]').click();
  await expect(page).toHaveURL(/\/privacy$/);
  await check("privacy page");
  await page.getByRole("contentinfo").locator('a[href="/accessibility"]').click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await check("accessibility page");
  await open(page, "/finnes-ikke");
  await check("not-found page");
}
