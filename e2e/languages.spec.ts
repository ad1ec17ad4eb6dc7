/**
 * Bokmål, nynorsk and English for citizens: the switcher in the header works by keyboard and
 * without JavaScript, the choice sticks (a cookie) across pages, and what is stored with a
 * sign-up is the language it was made in. Organisers' pages stay bokmål.
 */
import type { Locator, Page } from "@playwright/test";
import {
  expect,
  expectNoSidewaysScroll,
  open,
  openMeetingFromFrontPage,
  test,
  waitForMail,
} from "./support/fixtures";
import { at, sentPage, tokenOf } from "./support/rsvp";
import { manageLinkIn } from "./support/mail";

/** Presses Tab (or `key`) until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 10, key = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const switcher = (page: Page) => page.getByRole("navigation", { name: /^(Språk|Language)$/ });

test("switches to nynorsk and English by keyboard, on the meeting page and after", async ({
  page,
  createMeeting,
  expectNoAxeViolations,
}) => {
  // Thursday 10 December 2026, 19.00–21.00 in Oslo.
  const meeting = createMeeting({
    capacity: 40,
    date: "2026-12-10",
    startTime: "19:00",
    endTime: "21:00",
  });
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(switcher(page).getByRole("link", { name: "Bokmål" })).toHaveAttribute(
    "aria-current",
    "true",
  );

  // Nynorsk: the link is reached by the keyboard and followed with Enter. Coming from the front
  // page, focus is on the meeting's heading: the header is back up, by Shift+Tab.
  const nynorsk = switcher(page).getByRole("link", { name: "Nynorsk" });
  await expect(nynorsk).toHaveAttribute("hreflang", "nn");
  await expect(nynorsk).toHaveAttribute("lang", "nn");
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeFocused();
  await tabTo(page, nynorsk, 10, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(at(meeting.path));
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(nynorsk).toHaveAttribute("aria-current", "true");
  await expect(page.locator("time").first()).toHaveText(
    "torsdag 10. desember 2026 kl. 19.00–21.00",
  );
  await expect(page.locator("#seats")).toHaveText("40 av 40 plassar er ledige.");
  await expect(page.getByRole("link", { name: "Hopp til hovudinnhaldet" })).toBeAttached();
  await expect(page.getByLabel("Kor mange kjem?")).toBeVisible();
  // The meeting's own texts are the organiser's, in the language they wrote them.
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
  await expectNoAxeViolations(page, "meeting page in nynorsk");

  // English, the same way; the page's scripts now run with the English catalogue.
  await open(page, meeting.path);
  const english = switcher(page).getByRole("link", { name: "English" });
  await tabTo(page, english);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(at(meeting.path));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("time").first()).toHaveText("Thursday 10 December 2026 at 19:00–21:00");
  await expect(page.locator("#seats")).toHaveText("40 of 40 places are available.");
  await expect(page.getByRole("heading", { level: 2, name: "Sign up" })).toBeVisible();
  await expect(page).toHaveTitle(`${meeting.title} – Public meetings in Røros Municipality`);
  // The organiser wrote no English title: the bokmål one says so to a screen reader.
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "nb");
  // The venue is the organiser's Norwegian, whatever the page's language.
  await expect(page.getByText(meeting.venueName, { exact: false }).first()).toHaveAttribute(
    "lang",
    "no",
  );
  await page.waitForFunction(() => window.history.scrollRestoration === "manual");
  // Hydrated with the same texts: a client-side error message is English too.
  await page.getByRole("button", { name: "Sign me up" }).click();
  await expect(page.getByText("Enter your name.").first()).toBeVisible();
  await expectNoAxeViolations(page, "meeting page in English");

  // The choice holds on other pages, the cached front page included (Vary: Cookie).
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    page.getByRole("heading", { level: 1, name: "Upcoming public meetings" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "front page in English");
  await open(page, "/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  // Organisers' pages stay bokmål, with no switcher.
  await page.goto("/admin/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(switcher(page)).toHaveCount(0);

  // Back to bokmål.
  await open(page, meeting.path);
  await switcher(page).getByRole("link", { name: "Bokmål" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.locator("#seats")).toHaveText("40 av 40 plasser er ledige.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("registers in English and keeps English on the personal page", async ({
    page,
    browser,
    db,
    createMeeting,
    uniqueEmail,
  }) => {
    const meeting = createMeeting({ capacity: 10 });
    const email = uniqueEmail("english");
    await openMeetingFromFrontPage(page, meeting);
    await switcher(page).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(at(meeting.path));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    const form = page.locator("form#rsvp");
    await form.getByLabel("Name (required)").fill("Anna Smith");
    await form.getByLabel("Email (required)").fill(email);
    await form.getByLabel("How many people are coming?").selectOption({ label: "2 people" });
    await form
      .getByLabel(
        "I have read the privacy notice and agree that my details are used to plan the meeting. (required)",
      )
      .check();
    await form.getByRole("button", { name: "Sign me up" }).click();
    await expect(page).toHaveURL(sentPage);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expectNoSidewaysScroll(page, "check-your-email page in English");

    const stored = db.prepare("SELECT language FROM registrations WHERE email = ?").get(email) as {
      language: string;
    };
    expect(stored.language).toBe("en");

    // The personal page, from the link in the mail, in the same browser.
    const mail = await waitForMail(email);
    // The mail itself is written in English, date and all.
    expect(mail.subject).toMatch(/^Signed up: /);
    expect(mail.html).toMatch(/<html[^>]*lang="en"/);
    expect(mail.text).toContain("Hello ");
    const link = manageLinkIn(mail);
    await page.goto(link);
    const token = tokenOf(page.url());
    await expect(page).toHaveURL(at(`/r/${token}`));
    await expect(page.getByRole("heading", { level: 1, name: "You are signed up" })).toBeVisible();
    await expectNoSidewaysScroll(page, "personal page in English");

    // The mail's link carries the language, so another device opens it in English too.
    const elsewhere = await browser.newContext({ javaScriptEnabled: false });
    const phone = await elsewhere.newPage();
    await phone.goto(link);
    await expect(phone.locator("html")).toHaveAttribute("lang", "en");
    await expect(phone.getByRole("heading", { level: 1, name: "You are signed up" })).toBeVisible();
    await elsewhere.close();
    await expect(page.locator("#registration-status")).toHaveText("Signed up");

    await page.getByLabel("How many people are coming?").selectOption({ label: "3 people" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(at(`/r/${token}?saved=1`));
    await expect(page.getByText("Your changes have been saved.")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("#registration-party-size")).toHaveText("3");

    // Saving in nynorsk later makes nynorsk what the row remembers.
    await page.goto(`/r/${token}?lang=nn`);
    await expect(page).toHaveURL(at(`/r/${token}`));
    await expect(page.getByRole("heading", { level: 1, name: "Du er påmeld" })).toBeVisible();
    await page.getByRole("button", { name: "Lagre endringane" }).click();
    await expect(page.getByText("Endringane er lagra.")).toBeVisible();
    const after = db.prepare("SELECT language FROM registrations WHERE email = ?").get(email) as {
      language: string;
    };
    expect(after.language).toBe("nn");
  });

  test("shows form errors in the page's language", async ({ page, createMeeting }) => {
    const meeting = createMeeting();
    await page.goto(`${meeting.path}?lang=nn`);
    await page.locator("form#rsvp").getByRole("button", { name: "Meld meg på" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.getByText("Skriv namnet ditt.").first()).toBeVisible();
    await expect(
      page.getByText("Du må godta personvernerklæringa for å melde deg på.").first(),
    ).toBeVisible();
  });
});
