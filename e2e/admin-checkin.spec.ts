/**
 * Organisers 6: checking people in at the door, on a phone. By name search, and by the QR
 * code on the citizen's confirmation page, which opens the check-in page at that registration.
 */
import { qrMismatches } from "../app/testing/qr";
import { adminNav, expect, meetingPath, newDevice, open, test } from "./support/admin";
import { appUrl } from "./support/paths";
import { register } from "./support/rsvp";

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
});

test("checks people in by name and by the QR code, and undoes a mistake", async ({
  page,
  browser,
  admin,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 10 });

  // Two citizens register on their own phones.
  const citizens = await newDevice(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  let code: string;
  try {
    const citizen = await citizens.newPage();
    await open(citizen, meeting.path);
    await register(citizen, {
      name: "Per Pålsson",
      email: uniqueEmail("per"),
      partySize: 1,
    });
    await open(citizen, meeting.path);
    await register(citizen, {
      name: "Kari Kvikne",
      email: uniqueEmail("kari"),
      partySize: 2,
    });
    await expect(citizen.locator("#registration-status")).toHaveText("Påmeldt");

    // Kari's confirmation shows a short code and a QR code of the check-in address.
    const checkIn = citizen.getByRole("region", { name: "Innsjekking" });
    code = (await checkIn.locator("#check-in-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const qr = checkIn.getByRole("img");
    await expect(qr).toHaveAccessibleName(new RegExp(code));
    const src = await qr.getAttribute("src");
    const expectedUrl = `${appUrl}/admin/meetings/${meeting.id}/checkin?code=${code}`;
    // Read back module by module: the code holds exactly that URL.
    expect(src).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(src!.slice(src!.indexOf(",") + 1), "base64");
    expect(qrMismatches(png, expectedUrl), "QR code of the check-in URL").toEqual([]);
  } finally {
    await citizens.close();
  }

  // At the door, the organiser's phone.
  await open(page, meetingPath(meeting.id, "checkin"));
  await expect(page.getByRole("heading", { level: 1, name: "Innsjekking" })).toBeVisible();
  await expect(adminNav(page)).toContainText(`Innlogget som ${admin.name}`);
  const count = page.locator("#checkin-count");
  await expect(count).toHaveText("0 av 3 påmeldte personer har møtt");
  await expectNoAxeViolations(page, "check-in page");

  const search = page.getByLabel("Søk på navn eller kode");
  await search.fill("pålsson");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  const results = page.locator(".checkin-results > li");
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Per Pålsson");
  await expectNoAxeViolations(page, "check-in search results");

  await results.getByRole("button", { name: "Merk som møtt Per Pålsson" }).click();
  await expect(page.getByRole("status")).toHaveText("Per Pålsson er merket som møtt.");
  await expect(count).toHaveText("1 av 3 påmeldte personer har møtt");
  await expect(results).toContainText(/Møtt kl\. \d\d\.\d\d/);

  // Wrong person: undo.
  await results.getByRole("button", { name: "Angre Per Pålsson" }).click();
  await expect(page.getByRole("status")).toHaveText("Innsjekkingen av Per Pålsson er angret.");
  await expect(count).toHaveText("0 av 3 påmeldte personer har møtt");
  await expect(results.getByRole("button", { name: "Merk som møtt Per Pålsson" })).toBeVisible();

  // Kari shows her QR code: the camera opens its URL, which lands on her registration.
  await open(page, `${meetingPath(meeting.id, "checkin")}?code=${code}`);
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Kari Kvikne");
  await expect(results).toContainText("2 pers.");
  await expect(results).toContainText(code);
  await results.getByRole("button", { name: "Merk som møtt Kari Kvikne" }).click();
  await expect(page.getByRole("status")).toHaveText("Kari Kvikne er merket som møtt.");
  await expect(count).toHaveText("2 av 3 påmeldte personer har møtt");

  // Nothing on the page is wider than the phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "check-in page after a QR scan");

  await open(page, meetingPath(meeting.id));
  await expect(page.locator("#stat-checked-in")).toHaveText("2 / 3");
});
