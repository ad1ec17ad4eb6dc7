/**
 * Organisers 7: the door, on the organiser's phone. A code read aloud and typed any way finds
 * the person; three of a party of four come and are checked in as three, then the fourth; the
 * QR code's link checks in a party of one; the waitlist is at the door, marked, after the seats,
 * on the check-in page and on the paper list. Starts at the login page, as the organiser does.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  logIn,
  meetingPath,
  open,
  openMailHtml,
  signUpElsewhere,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The check-in code as the attendee's confirmation shows it (and they read it out). */
async function codeInConfirmation(page: Page, email: string) {
  const mail = await waitForMail(email, subjectStartsWith("Påmeldt"));
  const view = await openMailHtml(page.context(), mail);
  const code = (await view.locator("#check-in-code").textContent())!.trim();
  await view.close();
  return code;
}

test("a code read aloud finds the person, and part of a party is checked in", async ({
  page,
  browser,
  createOrganiser,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 5, maxPartySize: 4 });
  const kari = uniqueEmail("kari");
  const per = uniqueEmail("per");
  await signUpElsewhere(browser, meeting, [
    { name: "Kari Kvikne", email: kari, partySize: 4 },
    { name: "Per Pålsson", email: per, partySize: 1 },
  ]);
  const kariCode = await codeInConfirmation(page, kari);
  const perCode = await codeInConfirmation(page, per);

  // At the door: the organiser logs in on the phone and opens the meeting from the list.
  await logIn(page, createOrganiser());
  await page.getByRole("link", { name: meeting.title }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id));
  await page.getByRole("link", { name: "Innsjekking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innsjekking" })).toBeVisible();
  const count = page.locator("#checkin-count");
  await expect(count).toHaveText("0 av 5 påmeldte personer har møtt");

  // Kari reads her code out; the organiser types it as heard, by keyboard alone.
  const heard = kariCode.toLowerCase().replace("-", " ");
  expect(heard).toMatch(/^[a-z2-9]{3} [a-z2-9]{3}$/);
  await page.getByLabel("Søk på navn eller kode").focus();
  await page.keyboard.type(heard);
  await page.keyboard.press("Enter");
  const results = page.locator(".checkin-results > li");
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Kari Kvikne");
  await expect(results).toContainText("4 pers.");
  await expect(results).toContainText(kariCode);

  // Three of the four have come.
  const howMany = page.getByLabel("Hvor mange har møtt? Kari Kvikne");
  await expect(howMany).toHaveValue("4");
  await howMany.focus();
  await page.keyboard.press("ArrowUp");
  await expect(howMany).toHaveValue("3");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Merk som møtt Kari Kvikne" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Kari Kvikne: 3 av 4 er merket som møtt.");
  await expect(count).toHaveText("3 av 5 påmeldte personer har møtt");
  await expect(results).toContainText(/Møtt kl\. \d\d\.\d\d: 3 av 4/);
  await expectNoAxeViolations(page, "party partly checked in");
  await expectNoSidewaysScroll(page, "check-in page");

  // The dashboard counts people, not parties.
  await page.getByRole("link", { name: meeting.title }).click();
  await expect(page.locator("#stat-checked-in")).toHaveText("3 / 5");
  await page.goBack();

  // The fourth comes later: the count goes up. A wrong count is undone.
  await page.getByLabel("Hvor mange har møtt? Kari Kvikne").selectOption("4");
  await page.getByRole("button", { name: "Endre antall Kari Kvikne" }).click();
  await expect(page.getByRole("status")).toHaveText("Kari Kvikne er merket som møtt.");
  await expect(count).toHaveText("4 av 5 påmeldte personer har møtt");
  await page.getByRole("button", { name: "Angre Kari Kvikne" }).click();
  await expect(page.getByRole("status")).toHaveText("Innsjekkingen av Kari Kvikne er angret.");
  await expect(count).toHaveText("0 av 5 påmeldte personer har møtt");
  await expect(page.getByRole("button", { name: "Merk som møtt Kari Kvikne" })).toBeVisible();

  // Per shows the QR code on his confirmation: the camera opens the link it holds.
  await open(page, `${meetingPath(meeting.id, "checkin")}?code=${perCode}`);
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Per Pålsson");
  // A party of one has nothing to count.
  await expect(results.getByRole("combobox")).toHaveCount(0);
  await results.getByRole("button", { name: "Merk som møtt Per Pålsson" }).click();
  await expect(page.getByRole("status")).toHaveText("Per Pålsson er merket som møtt.");
  await expect(count).toHaveText("1 av 5 påmeldte personer har møtt");
});

test("the waitlist is at the door, marked, after the seats: on the check-in page and on paper", async ({
  page,
  browser,
  createOrganiser,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 5, maxPartySize: 4 });
  expect(
    await signUpElsewhere(browser, meeting, [
      { name: "Kari Venter", email: uniqueEmail("kari"), partySize: 4 },
      { name: "Per Pålsson", email: uniqueEmail("per"), partySize: 1 },
      { name: "Wenche Venter", email: uniqueEmail("wenche"), partySize: 2 },
    ]),
  ).toEqual(["Påmeldt", "Påmeldt", "Venteliste, nummer 1"]);

  await logIn(page, createOrganiser());
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByRole("link", { name: "Innsjekking" }).click();
  await page.getByLabel("Søk på navn eller kode").fill("venter");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  const results = page.locator(".checkin-results > li");
  await expect(results).toHaveCount(2);
  // Kari, who has seats, first; Wenche after her, marked as waiting.
  await expect(results.nth(0)).toContainText("Kari Venter");
  await expect(results.nth(0).locator(".notice-warning")).toHaveCount(0);
  await expect(results.nth(1)).toContainText("Wenche Venter");
  await expect(results.nth(1).locator(".notice-warning")).toHaveText(
    "Står på venteliste, nummer 1",
  );
  await expectNoAxeViolations(page, "check-in with the waitlist");
  await expectNoSidewaysScroll(page, "check-in page with the waitlist");

  // The paper list: the seats by surname, then the waitlist, marked and numbered.
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByRole("link", { name: "Deltakere" }).click();
  await page.getByRole("link", { name: "Utskrift for innsjekking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innsjekkingsliste" })).toBeVisible();
  await expect(page.locator("#print-confirmed").getByRole("rowheader")).toHaveText([
    "Pålsson, Per",
    "Venter, Kari",
  ]);
  await expect(page.locator("#print-waitlist-lead")).toHaveText(
    "1 påmelding venter på plass. Blir det ledige plasser, slipp inn i denne rekkefølgen.",
  );
  const waitlist = page.getByRole("region", { name: "Venteliste" });
  await expect(waitlist.getByRole("columnheader")).toHaveText([
    "Nr.",
    "Møtt",
    "Navn",
    "Antall",
    "Kode",
    "Behov",
  ]);
  await expect(waitlist.getByRole("rowheader")).toHaveText(["Venter, Wenche"]);
  await expect(waitlist.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("1");
  await expectNoAxeViolations(page, "door list with the waitlist");
  await expectNoSidewaysScroll(page, "door list");
});
