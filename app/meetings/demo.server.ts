import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import type { DB } from "../../db/connection";
import { countMeetings, insertMeeting } from "../../db/meetings";
import { countOrganisers } from "../../db/organisers";
import { osloToUtc } from "../platform/dates";

/** The four themes Røros kommune named for the meeting, plus a catch-all. */
const ROROS_DEMO_THEMES = [
  {
    title: "Bekymringer tas på alvor",
    description: "Naboenes spørsmål og bekymringer skal bli hørt og tatt på alvor.",
  },
  {
    title: "Saklig informasjon tidlig",
    description: "Kommunen gir saklig informasjon om prosjektet på et tidlig tidspunkt.",
  },
  {
    title: "Dialog mellom nabolag og kommune",
    description: "Et varig samarbeid mellom nabolaget og kommunen, også etter møtet.",
  },
  {
    title: "Personvern og taushetsplikt",
    description: "Beboernes personvern og de ansattes taushetsplikt ivaretas.",
  },
  { title: "Annet", description: "Andre spørsmål om småhusene." },
];

/** What the Gjøsvika case asks of askers (migration 008 gave an existing demo the same). */
export const ROROS_QUESTION_GUIDANCE =
  "Ikke skriv navn eller opplysninger om andre personer, for eksempel om helse eller hvem som skal bo i småhusene. De som skal bo der, har krav på personvern, og kommunen har taushetsplikt.";

/**
 * Creates the Storstuggu meeting on an empty database, on a Thursday two to three weeks
 * ahead (but not in the Christmas holidays), so a fresh install has something real to look at.
 * Empty means nobody has worked in it yet: no meetings and no organisers. Once an organiser
 * has deleted the demo, the next start does not bring it back.
 */
export function seedDemoMeeting(db: DB, now = new Date()): boolean {
  if (countMeetings(db) > 0 || countOrganisers(db) > 0) return false;
  let day = addDays(now, 14);
  const holidays = (d: Date) =>
    (d.getMonth() === 11 && d.getDate() >= 20) || (d.getMonth() === 0 && d.getDate() <= 6);
  while (day.getDay() !== 4 || holidays(day)) day = addDays(day, 1);
  const date = format(day, "yyyy-MM-dd");
  insertMeeting(db, {
    slug: "smahus-gjosvika",
    title: "Informasjonsmøte om småhus ved Gjøsvika",
    description: [
      "Røros kommune planlegger småhus bak Gjøsvika sykehjem: små utleieboliger i robuste materialer som likevel ser ut som et helt vanlig hjem. Boligene er for innbyggere som trenger hjelp og støtte for å bo selv og finne sin plass i lokalsamfunnet.",
      "Vi vil informere tidlig, svare på spørsmål og høre hva naboer og andre er opptatt av. Møtet er åpent for alle som er interessert.",
      "Boligkontoret, helse- og omsorgstjenesten og byggeprosjektet er til stede.",
    ].join("\n\n"),
    startsAt: osloToUtc(date, "19:00"),
    endsAt: osloToUtc(date, "21:00"),
    venueName: "Storstuggu, Røros kulturhus",
    address: "Osloveien 2, 7374 Røros",
    mapUrl: "https://www.openstreetmap.org/search?query=Storstuggu%2C%20R%C3%B8ros",
    accessibility:
      "Trinnfri inngang fra hovedinngangen og heis til alle etasjer. Teleslynge i salen og tilgjengelig toalett. Si gjerne fra i påmeldingen om du trenger tolk eller annen tilrettelegging.",
    // The case's own word to askers; the form's neutral default names no case.
    questionGuidance: ROROS_QUESTION_GUIDANCE,
    capacity: 120,
    maxPartySize: 4,
    status: "published",
    registrationOpensAt: null,
    registrationClosesAt: osloToUtc(date, "12:00"),
    contactName: "Kim Andre Nyrønning, boligkonsulent",
    contactEmail: "postmottak@roros.kommune.no",
    contactPhone: "72 41 94 00",
    agenda: [
      { timeLabel: "19.00", title: "Velkommen og bakgrunn for småhusprosjektet" },
      { timeLabel: "19.15", title: "Hvem boligene er for, og hvordan oppfølgingen blir" },
      { timeLabel: "19.40", title: "Tomten bak Gjøsvika sykehjem og byggeplanene" },
      { timeLabel: "20.00", title: "Pause med kaffe" },
      { timeLabel: "20.15", title: "Spørsmål og dialog" },
      { timeLabel: "20.50", title: "Veien videre og hvordan vi holder kontakten" },
    ],
    themes: ROROS_DEMO_THEMES,
  });
  return true;
}
