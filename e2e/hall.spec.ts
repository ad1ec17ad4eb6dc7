/**
 * The hall during the meeting: the moderation queue takes questions from phones in the hall
 * live without moving anything under the moderator's hand; the operator runs the screen from
 * a control view of their own while the projector shows the hall only the question and the
 * QR code, fitted to 1280×720 and 1920×1080, with and without JavaScript; both work by
 * keyboard alone. A live list the server turns away (its cap on open streams) says that it
 * updates on reload, and stops asking.
 */
import type { Locator, Page } from "@playwright/test";
import { startServer } from "../app/testing/server";
import { createTestMeeting, tempDatabase } from "../db/testing";
import { expect, meetingPath, newDevice, open, test } from "./support/admin";
import { approveInQueue, seedQuestion, sendQuestion } from "./support/questions";

const queueItem = (page: Page, text: string) =>
  page.locator(".queue-item").filter({ hasText: text });

/** The element's whole box lies inside the window (nothing cut off, nothing scrolled away). */
async function expectInViewport(locator: Locator, label: string) {
  const inside = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return {
      box: [box.left, box.top, box.right, box.bottom].map(Math.round),
      window: [window.innerWidth, window.innerHeight],
      inside:
        box.width > 0 &&
        box.height > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= window.innerWidth &&
        box.bottom <= window.innerHeight,
    };
  });
  expect(inside.inside, `${label}: ${JSON.stringify(inside)}`).toBe(true);
}

/** The question's text is not cut off by the box it is fitted into. */
async function expectWholeText(locator: Locator) {
  const fits = await locator.evaluate((p: HTMLElement) => {
    const box = p.parentElement!;
    return p.offsetHeight <= box.clientHeight && p.scrollWidth <= box.clientWidth;
  });
  expect(fits, "the question fits its box").toBe(true);
}

/** Nothing the operator uses is in view on the projected screen. */
async function expectNoOperatorControls(page: Page) {
  const inView = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a, button, input, select, textarea, summary")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return (
          box.width > 0 &&
          box.height > 0 &&
          box.right > 0 &&
          box.bottom > 0 &&
          box.left < window.innerWidth &&
          box.top < window.innerHeight &&
          style.visibility !== "hidden"
        );
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
  expect(inView).toEqual([]);
  await expect(page.locator("body")).not.toContainText("moderering");
}

const LONG_QUESTION =
  "Vi som bor i Gjøsvika lurer på hvordan kommunen har tenkt å følge opp beboerne i småhusene " +
  "i det daglige, hvem vi som naboer kan ringe til hvis det skjer noe en kveld eller en helg, " +
  "om det blir bemanning i nærheten hele døgnet, hvordan trafikken til og fra tomta blir mens " +
  "det bygges og etterpå, om lekeplassen ved sykehjemmet blir flyttet eller blir der den er, " +
  "og om det blir et eget møte for oss som bor nærmest før noen flytter inn, slik at vi kan " +
  "bli kjent med tjenestene og stille spørsmål direkte til dem som skal jobbe der hver dag?";

test("new questions from the hall wait behind a button, and nothing moves under the moderator's hand", async ({
  page,
  admin,
  db,
  meeting,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  seedQuestion(db, meeting.id, "Hvor skal søppelbilen snu?");
  seedQuestion(db, meeting.id, "Blir det gatelys langs stien?");
  await open(page, meetingPath(meeting.id, "questions"));
  await expect(page.locator("#queue-live")).toHaveText(
    "Lista oppdateres av seg selv. Nye spørsmål legges inn når du ber om det.",
  );
  // The moderator is about to approve the question at the top, by keyboard.
  const approve = queueItem(page, "gatelys").getByRole("button", { name: /^Godkjenn/ });
  await approve.focus();
  const before = await approve.boundingBox();

  // Phones in the hall send questions through the QR code's short link.
  const phone = await newDevice(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mobile = await phone.newPage();
  await open(mobile, `/q/${meeting.id}`);
  await sendQuestion(mobile, { theme: "Annet", text: "Hvor mange parkeringsplasser blir det?" });
  await expect(page.locator("#show-fresh")).toHaveText("1 nytt spørsmål – vis");
  const announcement = page.locator("#queue-announce");
  await expect(announcement).toHaveAttribute("role", "status");
  await expect(announcement).toHaveText(
    "Nye spørsmål har kommet inn. Knappen over lista viser dem.",
  );
  await expect(page.locator("#count-pending")).toHaveText("3");

  await open(mobile, `/q/${meeting.id}`);
  await sendQuestion(mobile, { theme: "Annet", text: "Kommer det fartsdumper i gata?" });
  await expect(page.locator("#show-fresh")).toHaveText("2 nye spørsmål – vis");
  await expect(page.locator("#count-pending")).toHaveText("4");
  // Said once, when they started to wait: the region's text is the same, so nothing is re-read.
  await expect(announcement).toHaveText(
    "Nye spørsmål har kommet inn. Knappen over lista viser dem.",
  );
  // The list is as it was, the focus where the moderator left it.
  await expect(page.locator(".queue-item")).toHaveCount(2);
  await expect(approve).toBeFocused();
  expect(await approve.boundingBox()).toEqual(before);
  await expectNoAxeViolations(page, "moderation queue with new questions waiting");

  // By keyboard: the button puts them in, and the focus goes to the newest.
  await page.locator("#show-fresh").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".queue-item")).toHaveCount(4);
  await expect(queueItem(page, "fartsdumper")).toBeFocused();
  await expect(announcement).toHaveText("");
  await page.keyboard.press("Tab");
  await expect(
    queueItem(page, "fartsdumper").getByRole("button", { name: /^Godkjenn/ }),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#count-approved")).toHaveText("1");
  await expect(queueItem(page, "fartsdumper")).toHaveCount(0);

  // A second moderator handles a question: here it stays in its place, marked, its buttons gone.
  const other = await page.context().newPage();
  await open(other, meetingPath(meeting.id, "questions"));
  await queueItem(other, "søppelbilen")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();
  await expect(other.locator("#count-approved")).toHaveText("2");
  await expect(queueItem(page, "søppelbilen")).toContainText("Ikke lenger i denne lista");
  await expect(queueItem(page, "søppelbilen")).toHaveAttribute("inert", "");
  await expect(page.locator(".queue-item").nth(2)).toContainText("søppelbilen");
  await phone.close();
});

test("the operator runs the screen from their own view; the projector shows the hall only the question and the QR code", async ({
  page,
  admin,
  db,
  meeting,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  seedQuestion(db, meeting.id, "Når kommer de første beboerne?");
  seedQuestion(db, meeting.id, LONG_QUESTION);
  await open(page, meetingPath(meeting.id, "questions"));
  await approveInQueue([queueItem(page, "første beboerne"), queueItem(page, "Vi som bor")]);
  await page.getByRole("link", { name: "Styr skjermen i salen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skjermen i salen" })).toBeVisible();
  await expect(page.locator("#control-now")).toHaveText("Ingen spørsmål på skjermen.");
  await expect(page.locator("#control-next")).toHaveText("Når kommer de første beboerne?");
  await expect(page.locator("#control-pending")).toHaveText(
    "Ingen venter på moderering. Gå til modereringen",
  );
  await expectNoAxeViolations(page, "screen control view");

  // By keyboard, on the operator's laptop.
  await page.getByRole("button", { name: "Neste" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#control-now")).toContainText("Når kommer de første beboerne?");
  await page.getByRole("button", { name: "Neste" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#control-now")).toContainText("Vi som bor i Gjøsvika");
  await expect(page.locator("#control-now")).toContainText("Spørsmål 2 av 2");

  // The projector opens in a window of its own, for the second screen.
  const [projector] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: /^Åpne projektorvisningen/ }).click(),
  ]);
  await projector.waitForFunction(() => window.history.scrollRestoration === "manual");
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await projector.setViewportSize(size);
    const question = projector.locator("#presenter-question");
    await expect(question).toHaveText(LONG_QUESTION);
    await expectInViewport(projector.locator("#presenter-qr"), `QR code at ${size.width}`);
    await expectInViewport(question, `question at ${size.width}`);
    await expectWholeText(question);
    await expectNoOperatorControls(projector);
  }
  await expectNoAxeViolations(projector, "projector");

  // One screen: the arrow keys (or a clicker) step on the projector itself; the operator's
  // view follows live.
  await projector.keyboard.press("ArrowLeft");
  await expect(projector.locator("#presenter-question")).toHaveText(
    "Når kommer de første beboerne?",
  );
  await expect(page.locator("#control-now")).toContainText("Spørsmål 1 av 2");
  // Tab brings up the way back to the control view, and only then.
  await projector.keyboard.press("Tab");
  const back = projector.getByRole("link", { name: "Til kontrollvisningen" });
  await expect(back).toBeFocused();
  await expectInViewport(back, "the link back, focused");

  // Without JavaScript the long question fits too, by its length class.
  const noScript = await newDevice(browser, {
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 720 },
  });
  await noScript.addCookies(await page.context().cookies());
  const plain = await noScript.newPage();
  await open(page, meetingPath(meeting.id, "present/control"));
  await page.getByRole("button", { name: "Neste" }).click();
  await expect(page.locator("#control-now")).toContainText("Spørsmål 2 av 2");
  await plain.goto(meetingPath(meeting.id, "present"));
  await expect(plain.locator("#presenter-question")).toHaveText(LONG_QUESTION);
  await expectInViewport(plain.locator("#presenter-qr"), "QR code without JavaScript");
  await expectInViewport(plain.locator("#presenter-question"), "question without JavaScript");
  await expectWholeText(plain.locator("#presenter-question"));
  await expectNoOperatorControls(plain);
  await noScript.close();
});

test("a live list the server turns away says it updates on reload, and stops asking", async ({
  browser,
}) => {
  // A server of its own that keeps one live stream per address open.
  const data = tempDatabase("folkemote.sqlite");
  const meetingId = createTestMeeting(data.db, { slug: `live-cap-${Date.now()}` });
  const slug = (
    data.db.prepare("SELECT slug FROM meetings WHERE id = ?").get(meetingId) as {
      slug: string;
    }
  ).slug;
  data.db.close();
  const server = await startServer(data.dir, { LIVE_STREAMS_PER_ADDRESS: "1" });
  const context = await browser.newContext();
  try {
    const list = `${server.base}/meetings/${slug}/questions`;
    const first = await context.newPage();
    await open(first, list);
    await expect(first.locator(".live-note")).toHaveText("Listen oppdateres av seg selv.");

    const second = await context.newPage();
    const asked: string[] = [];
    second.on("request", (r) => {
      if (r.url().endsWith("/questions/events")) asked.push(r.url());
    });
    await open(second, list);
    const note = second.locator(".live-note");
    // EventSource gave up on the 429 for good ("off" is set only once it is CLOSED).
    await expect(note).toHaveAttribute("data-live", "off");
    await expect(note).toHaveText("Last inn siden på nytt for å se de siste endringene.");
    expect(asked).toHaveLength(1);

    // Once the first page is gone, a reload is live again.
    await first.close();
    await expect(async () => {
      await second.reload();
      await expect(note).toHaveAttribute("data-live", "live", { timeout: 2_000 });
    }).toPass();
    await expect(note).toHaveText("Listen oppdateres av seg selv.");
  } finally {
    await context.close();
    server.stop();
    await new Promise((resolve) => server.process.once("exit", resolve));
    data.cleanup();
  }
});
