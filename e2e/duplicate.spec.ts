/**
 * Journey 4: the same email signing up again for the same meeting changes nothing. The
 * browser sees the same page as for a new sign-up; the mailbox gets its personal link (once
 * an hour at most), so typing someone else's address neither alters nor reveals anything.
 */
import {
  expect,
  manageLinkIn,
  open,
  openMeetingFromFrontPage,
  subjectStartsWith,
  test,
  waitForMail,
  waitForMails,
} from "./support/fixtures";
import { fillRsvp, register, sentPage } from "./support/rsvp";

test("signing up again with a known email changes nothing and mails the link", async ({
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
        "SELECT count(*) AS n, sum(party_size) AS people, min(name) AS name, min(needs_text) AS needs FROM registrations WHERE meeting_id = ?",
      )
      .get(meeting.id) as { n: number; people: number; name: string; needs: string };

  await openMeetingFromFrontPage(page, meeting);
  await register(page, { name: "Berit Dobbel", email, partySize: 1 });
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  expect(registrations()).toEqual({ n: 1, people: 1, name: "Berit Dobbel", needs: "" });

  // Someone else types her address, in capitals, with another name and three people.
  const tryAgain = async () => {
    await openMeetingFromFrontPage(page, meeting);
    await fillRsvp(page, {
      name: "Noen Andre",
      email: email.toUpperCase(),
      partySize: 3,
      needs: { other: true, text: "Overskrevet" },
      consent: true,
    });
    await page.getByRole("button", { name: "Meld meg på" }).click();
    // The same page a new sign-up lands on: nothing tells that the address was known.
    await expect(page).toHaveURL(sentPage);
    await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
    await expect(page.locator('a[href^="/r/"]')).toHaveCount(0);
  };
  await tryAgain();
  await expectNoAxeViolations(page, "check-your-email page");
  await page.getByRole("link", { name: /Gå til møtesiden/ }).click();
  await expect(page.locator("#seats")).toHaveText("9 av 10 plasser er ledige.");
  expect(registrations()).toEqual({ n: 1, people: 1, name: "Berit Dobbel", needs: "" });

  // Her mailbox gets one mail with her personal link; the registration is as she left it.
  const mail = await waitForMail(email, subjectStartsWith("Lenken til påmeldingen din:"));
  expect(mail.text).toContain("ingenting er endret");
  expect(mail.html).toMatch(/id="party-size"[^>]*>1</);
  await open(page, manageLinkIn(mail));
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.locator("#registration-party-size")).toHaveText("1");
  await expect(page.getByText("Berit Dobbel")).toBeVisible();

  // A second try within the hour queues nothing more, and still changes nothing. The sign-up
  // queues its mail in the same transaction as it answers, so by the "check your email" page
  // the outbox holds all the mail there will be: her confirmation and the one link, both sent.
  await tryAgain();
  const outbox = () =>
    db
      .prepare("SELECT status FROM outbox WHERE lower(to_address) = ? ORDER BY id")
      .all(email.toLowerCase()) as { status: string }[];
  expect(outbox()).toHaveLength(2);
  await expect.poll(() => outbox().map((m) => m.status)).toEqual(["sent", "sent"]);
  expect(await waitForMails(email, subjectStartsWith("Lenken til påmeldingen din:"))).toHaveLength(
    1,
  );
  expect(await waitForMails(email, subjectStartsWith("Påmeldt:"))).toHaveLength(1);
  expect(registrations()).toEqual({ n: 1, people: 1, name: "Berit Dobbel", needs: "" });
});
