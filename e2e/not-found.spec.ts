/** Journey 7: unknown links answer 404 with a Norwegian page, not an error or a blank page. */
import { expect, open, test } from "./support/fixtures";

// axe runs once per kind of 404 page: the others render through the same error boundary.
const cases = [
  {
    what: "a malformed personal link",
    path: "/r/finnes-ikke",
    heading: "Fant ikke påmeldingen",
    axe: true,
  },
  {
    what: "a well-formed but unknown personal link",
    path: `/r/${"A".repeat(43)}`,
    heading: "Fant ikke påmeldingen",
  },
  {
    what: "cancelling with an unknown link",
    path: `/r/${"B".repeat(43)}/cancel`,
    heading: "Fant ikke påmeldingen",
  },
  {
    what: "an unknown meeting",
    path: "/meetings/finnes-ikke",
    heading: "Fant ikke møtet",
    axe: true,
  },
  {
    what: "the check-your-email page of an unknown meeting",
    path: "/meetings/finnes-ikke/sent",
    heading: "Fant ikke møtet",
  },
  {
    what: "an unknown page",
    path: "/finnes/ikke",
    heading: "Fant ikke siden",
    axe: true,
  },
];

for (const { what, path, heading, axe } of cases) {
  test(`${what} answers 404 "${heading}"`, async ({ page, expectNoAxeViolations }) => {
    const response = await open(page, path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(heading);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("link", { name: "Gå til forsiden" })).toHaveAttribute("href", "/");
    if (axe) await expectNoAxeViolations(page);
  });
}

test("the calendar file of an unknown meeting is a 404", async ({ request }) => {
  const response = await request.get("/meetings/finnes-ikke/calendar.ics");
  expect(response.status()).toBe(404);
});
