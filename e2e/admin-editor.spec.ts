/**
 * Organisers 9: the meeting editor's first use. Every mistake is shown at once, each naming
 * its field; a new meeting cannot start in the past; the address (slug) follows the title;
 * the organiser previews a draft as citizens will see it, and deletes a draft (the demo
 * meeting of a fresh install too), with a confirmation step and an entry in the log.
 */
import { once } from "node:events";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { openDatabase } from "../db/connection";
import { insertOrganiser } from "../db/organisers";
import { createTestMeeting } from "../db/testing";
import { startServer } from "../app/testing/server";
import {
  adminNav,
  expect,
  fillLogin,
  open,
  organiserPassword,
  osloDateAhead,
  randomSuffix,
  test,
} from "./support/admin";
import { freshInstallDataDir } from "./support/paths";

/** Stops a server started here and waits until it has exited. */
async function stopped(server: Awaited<ReturnType<typeof startServer>>) {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exit = once(server.process, "exit");
  server.stop();
  await exit;
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const startDate = (page: Page) =>
  page.getByRole("group", { name: "Tid" }).getByLabel("Dato", { exact: true });

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test("every mistake at once, the address from the title, a preview, then the draft deleted", async ({
      page,
      admin,
      expectNoAxeViolations,
    }) => {
      const suffix = randomSuffix();
      const title = `Møte om Øvre Årvollveien ${suffix}`;
      const guidance = `Ikke skriv om enkeltbeboere i Årvollveien ${suffix}.`;
      await open(page, "/admin");
      await expect(adminNav(page)).toContainText(`Innlogget som ${admin.name}`);
      await page.getByRole("link", { name: "Nytt møte" }).click();
      await expect(page).toHaveURL("/admin/meetings/new");

      // No title, no place, a date that has been, and an end before the start: all four
      // are named in one go, each with its field, in the form's order.
      await startDate(page).fill(osloDateAhead(-7));
      await field(page, "Slutter kl.").fill("18:00");
      await field(page, "Adresse").fill("Årvollveien 1, 7374 Røros");
      await page.getByRole("button", { name: "Opprett utkast" }).click();
      const summary = page.locator("#error-summary");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("heading")).toHaveText("Skjemaet har 4 feil");
      await expect(summary.getByRole("listitem")).toHaveText([
        "Tittel: Fyll ut feltet.",
        "Dato: Tidspunktet har allerede vært. Velg en dato og et klokkeslett fram i tid.",
        "Slutter kl.: Møtet må slutte etter at det starter.",
        "Navn på stedet: Fyll ut feltet.",
      ]);
      await expect(startDate(page)).toHaveAccessibleDescription(/Tidspunktet har allerede vært/);
      await expect(field(page, "Slutter kl.")).toHaveAccessibleDescription(
        "Møtet må slutte etter at det starter.",
      );
      await expectNoAxeViolations(page, "editor with every mistake at once");
      // Each line leads to its field.
      await summary.getByRole("link", { name: /^Navn på stedet:/ }).click();
      await expect(field(page, "Navn på stedet")).toBeFocused();

      // The address follows the title as it is typed, Norwegian letters written plainly.
      await field(page, "Tittel").fill(title);
      await expect(field(page, "Adresse (slug)")).toHaveValue(`mote-om-ovre-arvollveien-${suffix}`);
      await field(page, "Navn på stedet").fill("Vardesalen");
      await startDate(page).fill(osloDateAhead(30));
      await field(page, "Slutter kl.").fill("21:00");
      await field(page, "Råd til dem som spør (valgfritt)").fill(guidance);
      await page.getByRole("button", { name: "Opprett utkast" }).click();
      await expect(page).toHaveURL(/\/admin\/meetings\/\d+\?created=1$/);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

      // The phone-in form speaks to the organiser, not to the caller.
      await page.getByRole("link", { name: "Deltakere" }).click();
      await page.getByRole("link", { name: "Legg til påmelding" }).click();
      await expect(page.getByLabel("Hvor mange kommer?")).toHaveAccessibleDescription(
        "Alle som kommer, medregnet den du melder på. Høyst 4.",
      );
      await page.getByRole("link", { name: "Avbryt" }).click();
      await adminNav(page).getByRole("link", { name: "Møter" }).click();
      await page.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

      // The preview is the public page as it will be, marked, unindexed, its forms switched off.
      await page.getByRole("link", { name: "Forhåndsvis" }).click();
      await expect(page).toHaveURL(/\/admin\/meetings\/\d+\/preview$/);
      await expect(page.getByRole("note")).toContainText(
        "Forhåndsvisning. Slik ser siden ut for innbyggerne når møtet er publisert.",
      );
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page).toHaveTitle(/^Forhåndsvisning: /);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
      const reload = await page.request.get(page.url());
      expect(reload.headers()["x-robots-tag"]).toBe("noindex");
      expect(reload.headers()["cache-control"]).toBe("no-store");
      await expect(page.locator("#rsvp-heading")).toHaveText("Meld deg på");
      await expect(page.locator("#question-guidance")).toHaveText(guidance);
      // Every control is disabled: nothing here can post.
      await expect(page.getByRole("button", { name: "Meld meg på" })).toBeDisabled();
      await expect(page.getByRole("button", { name: "Send spørsmålet" })).toBeDisabled();
      expect(
        await page
          .locator("main form button[type=submit], main form input[type=submit]")
          // The fieldset disables them: :disabled says so, the disabled property does not.
          .evaluateAll((buttons) => buttons.filter((b) => !b.matches(":disabled")).length),
      ).toBe(0);
      await expectNoAxeViolations(page, "preview of a draft");
      // Citizens cannot see it, and neither can anyone logged out.
      const anonymous = await page.context().browser()!.newContext();
      const outsider = await anonymous.request.get(page.url(), { maxRedirects: 0 });
      expect(outsider.status()).toBe(302);
      expect(outsider.headers().location).toMatch(/^\/admin\/login\?redirectTo=/);
      await anonymous.close();

      await page.getByRole("link", { name: "Tilbake til møtet" }).click();
      await page.getByRole("link", { name: "Slett utkastet" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Slette utkastet?" })).toBeVisible();
      await expect(page.getByText(`«${title}» blir slettet for godt`)).toBeVisible();
      await expectNoAxeViolations(page, "confirm deleting a draft");
      // Not yet: the way back deletes nothing.
      await page.getByRole("link", { name: "Nei, tilbake til møtet" }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await page.getByRole("link", { name: "Slett utkastet" }).click();
      await page.getByRole("button", { name: "Ja, slett utkastet" }).click();
      await expect(page).toHaveURL("/admin?deleted=1");
      await expect(page.getByRole("status")).toHaveText("Utkastet er slettet.");
      await expect(page.getByRole("link", { name: title })).toHaveCount(0);
      await expectNoAxeViolations(page, "meetings after a deletion");

      await adminNav(page).getByRole("link", { name: "Logg", exact: true }).click();
      const entry = page.getByRole("row").filter({ hasText: title });
      await expect(entry).toHaveCount(2);
      await expect(entry.first()).toContainText("meeting.delete");
      await expect(entry.first()).toContainText(admin.name);
      await expect(entry.last()).toContainText("meeting.create");
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an address left empty is made from the title on the server, and never taken twice", async ({
    page,
    createOrganiser,
  }) => {
    // Logged in through the form as it works without scripts.
    const organiser = createOrganiser();
    await page.goto("/admin/login");
    await fillLogin(page, organiser.email, organiser.password);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page).toHaveURL("/admin");
    const suffix = randomSuffix();
    const title = `Høstmøte på Ålen ${suffix}`;
    const slugs: string[] = [];
    for (let n = 0; n < 2; n++) {
      await page.goto("/admin");
      await page.getByRole("link", { name: "Nytt møte" }).click();
      await field(page, "Tittel").fill(title);
      await expect(field(page, "Adresse (slug)")).toHaveValue("");
      await startDate(page).fill(osloDateAhead(40));
      await field(page, "Navn på stedet").fill("Ålen samfunnshus");
      await field(page, "Adresse").fill("Ålen sentrum, 7380 Ålen");
      await page.getByRole("button", { name: "Opprett utkast" }).click();
      await expect(page).toHaveURL(/\/admin\/meetings\/\d+\?created=1$/);
      await page.getByRole("link", { name: "Rediger" }).click();
      slugs.push(await field(page, "Adresse (slug)").inputValue());
    }
    expect(slugs).toEqual([`hostmote-pa-alen-${suffix}`, `hostmote-pa-alen-${suffix}-2`]);
  });
});

test("a fresh install's demo meeting can be taken down and deleted, and the log says so", async ({
  page,
  organiserPasswordHash,
  expectNoAxeViolations,
}) => {
  // Two starts of a server of its own, on top of the journey.
  test.slow();
  rmSync(freshInstallDataDir, { recursive: true, force: true });
  let server = await startServer(freshInstallDataDir, { SEED_DEMO: "true" });
  try {
    const db = openDatabase(path.join(freshInstallDataDir, "folkemote.sqlite"));
    const email = `demo-${randomSuffix()}@kommune.example`;
    insertOrganiser(db, {
      email,
      name: "Dina Demo",
      role: "admin",
      passwordHash: organiserPasswordHash,
    });
    db.close();
    const demo = "Informasjonsmøte om småhus ved Gjøsvika";

    // Citizens see the demo on the front page of a new install.
    await open(page, `${server.base}/`);
    await expect(page.getByRole("link", { name: demo })).toBeVisible();

    await open(page, `${server.base}/admin/login`);
    await fillLogin(page, email, organiserPassword);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page).toHaveURL(`${server.base}/admin`);
    await page.getByRole("link", { name: demo }).click();
    // Published, it cannot be deleted: it is taken back to a draft first.
    await expect(page.getByRole("link", { name: "Slett utkastet" })).toHaveCount(0);
    await page.getByRole("button", { name: "Gjør til utkast" }).click();
    await expect(page.getByText("Status: Utkast")).toBeVisible();
    await page.getByRole("link", { name: "Slett utkastet" }).click();
    await expect(page.getByText(`«${demo}» blir slettet for godt`)).toBeVisible();
    await page.getByRole("button", { name: "Ja, slett utkastet" }).click();
    await expect(page).toHaveURL(`${server.base}/admin?deleted=1`);
    await expect(page.getByText("Ingen møter ennå.")).toBeVisible();
    await expectNoAxeViolations(page, "meetings of a fresh install after the demo went");

    await adminNav(page).getByRole("link", { name: "Logg", exact: true }).click();
    const entry = page.getByRole("row").filter({ hasText: "meeting.delete" });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(demo);
    await expect(entry).toContainText("Dina Demo");

    // Gone for citizens too, and still gone after a restart: the demo is for empty databases.
    await stopped(server);
    server = await startServer(freshInstallDataDir, { SEED_DEMO: "true" });
    await open(page, `${server.base}/`);
    await expect(page.getByRole("link", { name: demo })).toHaveCount(0);
    expect((await page.request.get(`${server.base}/meetings/smahus-gjosvika`)).status()).toBe(404);
  } finally {
    await stopped(server);
  }
});

test("a draft whose time has passed keeps its other fields editable but cannot be published", async ({
  page,
  admin,
  db,
  expectNoAxeViolations,
}) => {
  void admin;
  const title = `Utkast som ble liggende ${randomSuffix()}`;
  const startsAt = new Date(Date.now() - 3 * 24 * 3600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  createTestMeeting(db, {
    slug: `liggende-${randomSuffix()}`,
    title,
    status: "draft",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
  });
  await open(page, "/admin");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("button", { name: "Publiser" })).toHaveCount(0);
  await expect(page.locator("#publish-refused")).toHaveText(
    "Starttidspunktet har allerede vært, så møtet kan ikke publiseres. Flytt det til et nytt tidspunkt under Rediger.",
  );
  await expectNoAxeViolations(page, "dashboard of a draft whose time has passed");
  // A post that asks anyway is refused with the reason, and the meeting stays a draft.
  const refused = await page.request.post(page.url(), {
    form: { intent: "publish" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(400);
  await page.reload();
  await expect(page.getByText("Status: Utkast")).toBeVisible();

  // Left where it is, the rest of it can still change (the summary after the fact, say).
  await page.getByRole("link", { name: "Rediger", exact: true }).click();
  await field(page, "Antall plasser").fill("75");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");
  await expect(page.locator("#stat-registered")).toHaveText("0 / 75");
});
