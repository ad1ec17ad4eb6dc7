/**
 * Journey 4: the same email registering again for the same meeting updates that
 * registration instead of adding a second one, and the new personal link goes by mail only.
 */
import {
  expect,
  manageLinkIn,
  open,
  subjectStartsWith,
  test,
  waitForMail,
  waitForMails,
} from "./support/fixtures";
import { at, fillRsvp, register } from "./support/rsvp";

test("registering again with the same email updates the registration", async ({
  page,
  db,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 10 });
  const email = uniqueEmail("igjen");
  const registrations = () =>
    db
      .prepare(
        "SELECT count(*) AS n, sum(party_size) AS people FROM registrations WHERE meeting_id = ?",
      )
      .get(meeting.id) as { n: number; people: number };

  await open(page, meeting.path);
  await register(page, { name: "Berit Dobbel", email, partySize: 1 });
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await waitForMail(email, subjectStartsWith("Påmeldt:"));
  expect(registrations()).toEqual({ n: 1, people: 1 });

  // Again, with the address in capitals and three people this time.
  await open(page, meeting.path);
  await expect(page.locator("#seats")).toHaveText("9 av 10 plasser er ledige.");
  await fillRsvp(page, {
    name: "Berit Dobbel",
    email: email.toUpperCase(),
    partySize: 3,
    needs: { other: true, text: "Kommer med barnevogn" },
    consent: true,
  });
  await page.getByRole("button", { name: "Meld meg på" }).click();

  await expect(page).toHaveURL(at(`/meetings/${meeting.slug}/updated`));
  await expect(
    page.getByRole("heading", { level: 1, name: "Påmeldingen er oppdatert" }),
  ).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    "Du var allerede påmeldt med denne e-postadressen, så vi har oppdatert påmeldingen i stedet for å lage en ny.",
  );
  // The page shows no personal link: that goes to the mailbox only.
  await expect(page.locator("a#manage-link")).toHaveCount(0);
  await expect(page.locator('a[href^="/r/"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "updated page");

  await page.getByRole("link", { name: "Gå til møtesiden" }).click();
  await expect(page.locator("#seats")).toHaveText("7 av 10 plasser er ledige.");
  expect(registrations()).toEqual({ n: 1, people: 3 });

  // One "updated" mail, with the new details and a working personal link.
  const mail = await waitForMail(email, subjectStartsWith("Endret påmelding:"));
  expect(mail.subject).toBe(`Endret påmelding: ${meeting.title}`);
  expect(mail.html).toMatch(/id="party-size"[^>]*>3</);
  await open(page, manageLinkIn(mail));
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.locator("#registration-party-size")).toHaveText("3");
  await expect(page.getByText("Annet. Kommer med barnevogn")).toBeVisible();

  // No second confirmation was sent.
  const confirmations = await waitForMails(
    email,
    subjectStartsWith("Påmeldt:"),
  );
  expect(confirmations).toHaveLength(1);
});
