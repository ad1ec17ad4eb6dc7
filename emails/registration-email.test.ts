import { describe, expect, it } from "vitest";
import type { RegistrationEmailProps } from "./registration-email";
import { renderEmail } from "./render";

const base: RegistrationEmailProps = {
  kind: "confirmed",
  name: "Kari Nordmann",
  partySize: 1,
  waitlistPosition: null,
  status: "confirmed",
  manageUrl: "https://moter.roros.kommune.no/r/abc",
  meeting: {
    title: "Informasjonsmøte om småhus ved Gjøsvika",
    when: "torsdag 10. desember 2026 kl. 19.00–21.00",
    venueName: "Storstuggu",
    address: "Osloveien 2, 7374 Røros",
    mapUrl: null,
    accessibility: "",
    url: "https://moter.roros.kommune.no/meetings/smahus-gjosvika-med-et-langt-navn-som-ikke-far-plass-pa-en-telefon",
    contact: null,
  },
};

describe("registration email wording", () => {
  it("takes 'Hva skjer på møtet' from the meeting's agenda, and leaves it out without one", async () => {
    const withAgenda = await renderEmail("registration", {
      ...base,
      meeting: {
        ...base.meeting,
        agenda: ["19.00 Velkommen ved ordføreren", "19.15 Småhusene: plan og tidslinje"],
      },
    });
    expect(withAgenda.html).toContain("Hva skjer på møtet</h2>");
    expect(withAgenda.text).toContain("19.15 Småhusene: plan og tidslinje");
    expect(withAgenda.text).not.toContain("Kommunen orienterer om saken");
    const without = await renderEmail("registration", base);
    expect(without.html).not.toContain("Hva skjer på møtet");
  });

  it("says 'Du er meldt av' with the title and date apart", async () => {
    const { html, text } = await renderEmail("registration", {
      ...base,
      kind: "cancelled",
      status: "cancelled",
    });
    expect(html).toContain("Du er meldt av</h1>");
    expect(text).toContain(
      "Du er meldt av Informasjonsmøte om småhus ved Gjøsvika, torsdag 10. desember",
    );
  });

  it("tells an updated seat holder the invitation is attached and offers web-calendar links", async () => {
    const { text, html } = await renderEmail("registration", {
      ...base,
      kind: "updated",
      calendarLinks: {
        google: "https://calendar.google.com/calendar/render?action=TEMPLATE",
        outlook: "https://outlook.live.com/calendar/0/deeplink/compose",
        office365: "https://outlook.office.com/calendar/0/deeplink/compose",
        ics: "https://moter.roros.kommune.no/meetings/smahus/calendar.ics",
      },
    });
    expect(text).toContain("Invitasjonen ligger ved");
    expect(html).toContain('id="add-to-calendar"');
    expect(html).toContain("https://outlook.office.com/calendar/0/deeplink/compose");
  });

  it("lets long links wrap on a narrow phone", async () => {
    const { html } = await renderEmail("registration", base);
    const link = new RegExp(
      `<a[^>]*style="[^"]*overflow-wrap:anywhere[^"]*"[^>]*>${base.meeting.url.replaceAll("/", "\\/").replaceAll(".", "\\.")}`,
    );
    expect(html).toMatch(link);
  });
});
