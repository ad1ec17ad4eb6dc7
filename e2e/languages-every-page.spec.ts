/**
 * Every citizen page in nynorsk and English, axe-checked (issue 18: axe on every route in
 * every citizen language). A reader chooses the language on the front page and goes on as
 * people do: into the meeting, signing up, the personal link from the mail and what it leads
 * to, a question and its receipt link, the updates subscription and its confirmation link,
 * the footer's pages, and an address that does not exist. Fields are found by their names,
 * since their labels are in the language under test.
 */
import type { Page } from "@playwright/test";
import { expect, open, receiptLinkIn, test, waitForMail } from "./support/fixtures";
import { manageLinkIn, mailTo, type Mail } from "./support/mail";
import { sentPage } from "./support/rsvp";

const languages = [
  ["nn", "Nynorsk"],
  ["en", "English"],
] as const;

/** The mail to `email` with a link of this id, once it has come. */
async function mailWithLink(email: string, id: string): Promise<Mail> {
  await expect
    .poll(async () => (await mailTo(email)).some((m) => String(m.html).includes(`id="${id}"`)), {
      timeout: 20_000,
    })
    .toBe(true);
  return (await mailTo(email)).find((m) => String(m.html).includes(`id="${id}"`))!;
}

for (const [lang, name] of languages) {
  test(`every citizen page in ${name}`, async ({
    page,
    createMeeting,
    uniqueEmail,
    expectNoAxeViolations,
  }) => {
    const meeting = createMeeting({ capacity: 10 });
    const check = async (what: string, on: Page = page) => {
      await expect(on.locator("html")).toHaveAttribute("lang", lang);
      await expectNoAxeViolations(on, `${what} in ${name}`);
    };

    await open(page, "/");
    await page.getByRole("navigation", { name: "Språk" }).getByRole("link", { name }).click();
    await check("front page");
    await page.getByRole("link", { name: meeting.title }).first().click();
    await check("meeting page");

    // Signing up, and the personal link from the mail.
    const email = uniqueEmail(`every-page-${lang}`);
    const rsvp = page.locator("form#rsvp");
    await rsvp.locator('input[name="name"]').fill("Kari Nordmann");
    await rsvp.locator('input[name="email"]').fill(email);
    await rsvp.locator('input[name="consent"]').check();
    await rsvp.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(sentPage);
    await check("sent page");
    await open(page, manageLinkIn(await waitForMail(email)));
    await check("personal page");
    await page.locator('main a[href$="/cancel"]').first().click();
    await check("cancel page");
    await page.goBack();
    await page.locator('main a[href$="/data"]').first().click();
    await check("own data page");

    // The questions: the list (its address is the one shared), its link to the form, and the
    // receipt link from the mail.
    await open(page, `${meeting.path}/questions`);
    await check("questions list");
    await page.locator('main a[href$="/questions/new"]').first().click();
    await check("ask page");
    const asker = uniqueEmail(`every-page-ask-${lang}`);
    const ask = page.locator('main form[action$="/questions/new"]');
    await ask.locator('select[name="theme"]').selectOption({ index: 1 });
    await ask.locator('textarea[name="text"]').fill("Kva skjer med vegen bak sjukeheimen?");
    await ask.locator('input[name="email"]').fill(asker);
    await ask.locator('button[type="submit"]').last().click();
    await expect(page).not.toHaveURL(/\/questions\/new$/);
    await open(page, receiptLinkIn(await mailWithLink(asker, "receipt-link")));
    await check("question receipt");
    await page.locator('main a[href$="/data"]').first().click();
    await check("question's own data page");
    await page.locator('input[name="confirm"]').check();
    await page.locator('button[name="intent"][value="erase"]').click();
    await expect(page).toHaveURL(/\/erased$/);
    await check("erased page");

    // Updates about the case: the form on the meeting page, and the link in the mail.
    await open(page, meeting.path);
    const subscriber = uniqueEmail(`every-page-updates-${lang}`);
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
    await check("privacy page");
    await page.getByRole("contentinfo").locator('a[href="/accessibility"]').click();
    await check("accessibility page");
    await open(page, "/finnes-ikke");
    await check("not-found page");
  });
}
