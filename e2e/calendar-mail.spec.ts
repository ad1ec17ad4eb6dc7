/**
 * Mail as a phone shows it: rendered by the app's own renderer and laid out in Chromium at
 * 375 px, long links must wrap instead of widening the page.
 */
import { renderEmail } from "../emails/render";
import { expect, test } from "./support/fixtures";

const longUrl =
  "https://moter.roros.kommune.no/meetings/informasjonsmote-om-smahus-ved-gjosvika-sykehjem-for-beboere-med-behov-for-oppfolging";

test("long links in a confirmation and a reminder wrap at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const meeting = {
    title: "Informasjonsmøte om småhus ved Gjøsvika",
    when: "torsdag 10. desember 2026 kl. 19.00–21.00",
    venueName: "Storstuggu",
    address: "Osloveien 2, 7374 Røros",
    mapUrl: null,
    accessibility: "",
    url: longUrl,
    contact: null,
  };
  const confirmation = await renderEmail("registration", {
    kind: "confirmed",
    name: "Kari Nordmann",
    partySize: 1,
    waitlistPosition: null,
    status: "confirmed",
    manageUrl: `${longUrl}/r/abc`,
    meeting,
  });
  const reminder = await renderEmail("meeting", {
    kind: "reminder",
    name: "Kari Nordmann",
    status: "confirmed",
    partySize: 1,
    waitlistPosition: null,
    manageUrl: `${longUrl}/r/abc`,
    changes: [],
    message: null,
    subject: null,
    meeting: { ...meeting, agenda: ["19.00 Velkommen"] },
    calendarAttached: true,
    calendarLinks: null,
  });
  for (const { html } of [confirmation, reminder]) {
    await page.setContent(html, { waitUntil: "domcontentloaded" });
    await expect(page.getByText(longUrl).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  }
});
