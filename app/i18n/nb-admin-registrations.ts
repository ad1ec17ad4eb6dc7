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

  "dashboard.archive.heading": "Arkiv",
  "dashboard.archive.intro":
    "Arkivpakken er det kommunen arkiverer i sak/arkiv før personopplysningene slettes: møtet og programmet, spørsmålene med tema, svar og støtte, referatet, antall påmeldte, på venteliste og sjekket inn, og endringene. Den har ingen personopplysninger, med mindre du krysser av nedenfor.",
  "dashboard.archive.personal": "Ta med personopplysninger (deltakerlisten og hvem som spurte)",
  "dashboard.archive.personalHelp": "Bare når arkivet skal ha dem. Valget føres i loggen.",
  "dashboard.archive.pdf": "Last ned som PDF",
  "dashboard.archive.csv": "Spørsmålene som CSV",
  "dashboard.archive.json": "Alt som JSON",
  "dashboard.archive.none":
    "Ikke arkivert ennå. Last ned arkivpakken før personopplysningene slettes {date}.",
  "dashboard.archive.done": "Arkivpakke lastet ned {date} ({format}), før slettingen {erasure}.",
  "dashboard.archive.late":
    "Arkivpakke lastet ned {date} ({format}), etter slettingen {erasure}: den har ingen personopplysninger.",
} as const;
