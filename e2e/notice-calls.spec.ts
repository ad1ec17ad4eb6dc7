/**
 * Change notices and the people mail does not reach: an organiser adds two people who phoned
 * in (one gave a number, one nothing), cancels the meeting, and the dashboard and the notice
 * page say who must be phoned, with the number, and who cannot be reached at all. The call is
 * marked on the notice page, stays marked once the mail has gone, is audited, and a later
 * change (the meeting is on again) asks for a new call. The message page says the same.
 */
import type { Page } from "@playwright/test";
import {
  adminNav,
  expect,
  logIn,
  meetingPath,
  signUpElsewhere,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";
import { labels } from "./support/rsvp";

async function addPhoneIn(page: Page, name: string, phone: string | null, partySize: number) {
  await page.getByRole("link", { name: "Legg til påmelding" }).click();
  const form = page.locator("form#attendee");
  await form.getByLabel("Navn", { exact: true }).fill(name);
  if (phone) await form.getByLabel("Telefon (valgfritt)").fill(phone);
  await form
    .getByLabel(labels.partySize)
    .selectOption({ label: partySize === 1 ? "1 person" : `${partySize} personer` });
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("Påmeldingen er lagt til.")).toBeVisible();
}

test("a cancel notice lists who must be phoned, with the number, and the organiser marks the call", async ({
  page,
  browser,
  createOrganiser,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 10 });
  const kari = uniqueEmail("kari");
  await signUpElsewhere(browser, meeting, [{ name: "Kari Epost", email: kari, partySize: 1 }]);

  // An administrator, who also reads the audit log at the end.
  const organiser = createOrganiser({ role: "admin" });
  await logIn(page, organiser);
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByRole("link", { name: "Deltakere" }).click();
  await addPhoneIn(page, "Per Telefon", "72 41 00 00", 2);
  await addPhoneIn(page, "Nils Nummerløs", null, 1);

  // The hall is flooded: the organiser cancels.
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByLabel("Ja, jeg vil avlyse møtet. Deltakerne må få beskjed.").check();
  await page.getByRole("button", { name: "Avlys møtet" }).click();
  await expect(page.getByRole("status")).toHaveText("Status er endret.");

  // The dashboard already says who must be phoned.
  const calls = page.getByRole("region", { name: "Må ringes" });
  await expect(calls.locator("#calls-lead")).toHaveText(
    "2 deltakere har ikke e-post og får ikke varsler om endringer på e-post. Ring dem og fortell om endringene.",
  );
  await expect(calls.getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(page, "dashboard with people to phone");

  await page.getByRole("link", { name: "Forhåndsvis og send varsel" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "notice"));
  await expect(page.locator("#recipient-count")).toHaveText("1 påmeldt får e-posten.");
  const per = calls.getByRole("listitem").filter({ hasText: "Per Telefon" });
  await expect(per).toContainText("Per Telefon (2 pers., påmeldt)");
  await expect(per.getByRole("link", { name: "72 41 00 00" })).toHaveAttribute(
    "href",
    "tel:72410000",
  );
  const nils = calls.getByRole("listitem").filter({ hasText: "Nils Nummerløs" });
  await expect(nils).toContainText(
    "Verken e-post eller telefon er registrert, så vi kan ikke nå vedkommende.",
  );
  await expect(nils.getByRole("button")).toHaveCount(0);
  await expect(
    nils.getByRole("link", { name: "Legg inn telefon eller e-post Nils Nummerløs" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "notice page with people to phone");

  // The organiser phones Per and marks it.
  await per.getByRole("button", { name: "Merk som ringt Per Telefon" }).click();
  await expect(page).toHaveURL(
    new RegExp(`${meetingPath(meeting.id, "notice")}\\?called=\\d+#calls`),
  );
  await expect(calls.getByRole("status")).toHaveText("Per Telefon er merket som ringt.");
  await expect(per).toContainText(/ringt \S+ \d+\. \S+ \d{4} kl\. \d\d\.\d\d/);
  await expect(per.getByRole("button", { name: "Angre ringt Per Telefon" })).toBeVisible();
  await expectNoAxeViolations(page, "notice page after a call");

  // The mail goes to Kari; Per stays marked as called.
  await page.getByRole("button", { name: "Send varsel" }).click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id)}?notified=1`);
  await expect(page.getByText("Varselet er lagt i køen til 1 deltaker.")).toBeVisible();
  await waitForMail(kari, subjectStartsWith("Avlyst"));
  await expect(per.getByRole("button", { name: "Angre ringt Per Telefon" })).toBeVisible();

  // Organisers' message page says the same about who mail does not reach.
  await page.getByRole("link", { name: "Skriv til deltakerne" }).click();
  const noEmail = page.getByRole("region", { name: "Må ringes" });
  await expect(noEmail).toContainText("2 deltakere har ikke e-post og får ikke meldingen.");
  await expect(noEmail.getByRole("link", { name: "72 41 00 00" })).toBeVisible();
  await expect(noEmail).toContainText("Nils Nummerløs (1 pers., påmeldt): Verken e-post");
  await expectNoAxeViolations(page, "message page with people without email");

  // The meeting is on again: Per must hear that too.
  await adminNav(page).getByRole("link", { name: "Møter" }).click();
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByRole("button", { name: "Gjenåpne møtet" }).click();
  await expect(page.getByRole("status")).toHaveText("Status er endret.");
  await expect(per.getByRole("button", { name: "Merk som ringt Per Telefon" })).toBeVisible();
  // Marked from the dashboard, the organiser stays on it.
  await per.getByRole("button", { name: "Merk som ringt Per Telefon" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath(meeting.id)}\\?called=\\d+#calls`));
  await expect(calls.getByRole("status")).toHaveText("Per Telefon er merket som ringt.");
  await expect(calls.locator("#calls-all-done")).toHaveText(
    "Alle med telefonnummer er ringt om disse endringene.",
  );

  // Both calls are in the audit log, with who marked them.
  await adminNav(page).getByRole("link", { name: "Logg", exact: true }).click();
  const logged = page
    .getByRole("row")
    .filter({ hasText: "notice.called" })
    .filter({ hasText: organiser.email });
  await expect(logged).toHaveCount(2);
  await expect(logged.first()).toContainText("Per Telefon");
});
