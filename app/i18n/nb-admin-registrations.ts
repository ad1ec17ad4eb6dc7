/** Bokmål for the organisers' attendee list and dashboard counts. */
export const nbAdminRegistrations = {
  "attendees.bursts.heading": "Påmeldinger som bør ses over",
  "attendees.bursts.intro":
    "At mange melder seg på fra samme nettverk, er vanlig: en sal på samme Wi-Fi, en arbeidsplass, naboer på samme mobilnett. Det vises ikke her. Disse gruppene kom fra samme nettverk og har i tillegg trekk som automatiske påmeldinger ofte har. Se over navnene, og kryss av bare for dem du vil melde av.",
  "attendees.bursts.group": {
    one: "{count} påmelding, {from}–{to} ({people} personer):",
    other: "{count} påmeldinger, {from}–{to} ({people} personer):",
  },
  "attendees.bursts.signs": "{signs}.",
  "attendees.bursts.sign.sameBrowser": "flere personer fra samme nettleser",
  "attendees.bursts.sign.similarNames": "navn som ligner hverandre",
  "attendees.bursts.sign.similarEmails": "e-postadresser som ligner hverandre",
  "attendees.bursts.sign.seconds": "med få sekunder mellom",
  "attendees.bursts.show": "Vis dem i listen",
  "attendees.bursts.showAll": "Vis alle påmeldinger igjen",
  "attendees.bursts.choose": "Hvem skal meldes av?",
  "attendees.bursts.cancel": "Meld av de valgte",
  "attendees.bursts.cancelConfirm":
    "De du krysser av, blir meldt av og får e-post om det. Ledige plasser går til ventelisten.",
  "attendees.bursts.noneChosen": "Kryss av for dem du vil melde av.",
  "attendees.done.cancelMany": "De valgte er meldt av.",

  "dashboard.retention":
    "Navn, kontaktopplysninger og behov slettes {date}. Antallet påmeldte blir stående.",
  "dashboard.retentionDone": "Personopplysningene ble slettet {date}. Bare antallene er igjen.",
  "attendees.anonymised": "(slettet)",
} as const;
