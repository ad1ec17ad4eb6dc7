/**
 * Norwegian bokmål: the default catalogue and the source of truth for message keys.
 * Placeholders are written {name}; other languages implement the same keys.
 */
export const nb = {
  "site.name": "Folkemøter i Røros kommune",
  "site.owner": "Røros kommune",
  "site.skipToContent": "Hopp til hovedinnholdet",
  "site.footer.privacy": "Personvern",
  "site.footer.contact": "Spørsmål om møtene? Kontakt boligkontoret i Røros kommune.",
  "site.nav.label": "Hovedmeny",
  "site.nav.meetings": "Møter",

  "index.title": "Kommende folkemøter",
  "index.intro":
    "Her finner du åpne møter der kommunen informerer og svarer på spørsmål. Alle er velkomne. Meld deg på, så vet vi hvor mange som kommer.",
  "index.empty": "Det er ingen kommende møter akkurat nå.",
  "index.seatsLeft": {
    zero: "Fullt – du kan stå på venteliste",
    one: "1 ledig plass",
    other: "{count} ledige plasser",
  },
  "index.cancelled": "Avlyst",

  "meeting.when": "Tid",
  "meeting.where": "Sted",
  "meeting.map": "Vis i kart",
  "meeting.mapNewWindow": "(ekstern nettside)",
  "meeting.accessibility": "Tilgjengelighet",
  "meeting.about": "Om møtet",
  "meeting.agenda": "Program",
  "meeting.themes": "Tema på møtet",
  "meeting.seats": "Plasser",
  "meeting.seatsLeft": "{left} av {capacity} plasser er ledige.",
  "meeting.full":
    "Møtet er fullt. Meld deg på likevel, så får du plass på ventelisten og beskjed på e-post hvis det blir ledig.",
  "meeting.contact": "Kontaktperson",
  "meeting.calendar": "Legg møtet i kalenderen (.ics)",
  "meeting.cancelled": "Møtet er avlyst.",
  "meeting.past": "Dette møtet er over.",
  "meeting.notOpenYet": "Påmeldingen åpner {when}.",
  "meeting.closed": "Påmeldingen er stengt.",
  "meeting.notFound.title": "Fant ikke møtet",
  "meeting.notFound.body":
    "Vi finner ikke noe møte på denne adressen. Det kan være flyttet eller skrevet feil.",

  "rsvp.heading": "Meld deg på",
  "rsvp.headingWaitlist": "Meld deg på ventelisten",
  "rsvp.intro": "Det tar under ett minutt. Felt merket (må fylles ut) er obligatoriske.",
  "rsvp.required": "(må fylles ut)",
  "rsvp.name": "Navn",
  "rsvp.email": "E-post",
  "rsvp.emailHint": "Vi sender bekreftelsen og en personlig lenke hit.",
  "rsvp.partySize": "Hvor mange kommer?",
  "rsvp.partySizeHint": "Inkludert deg selv. Høyst {max}.",
  "rsvp.persons": { one: "{count} person", other: "{count} personer" },
  "rsvp.needs": "Behov for tilrettelegging (valgfritt)",
  "rsvp.needs.accessibility": "Tilgjengelighet, for eksempel rullestolplass eller teleslynge",
  "rsvp.needs.interpreter": "Tolk (språk eller tegnspråk)",
  "rsvp.needs.other": "Annet",
  "rsvp.needsText": "Beskriv gjerne behovet",
  "rsvp.needsTextHint": "Skriv ikke helseopplysninger eller andre sensitive opplysninger her.",
  "rsvp.consent":
    "Jeg har lest personvernerklæringen og godtar at opplysningene brukes til å planlegge møtet.",
  "rsvp.privacyLink": "Les personvernerklæringen",
  "rsvp.submit": "Meld meg på",
  "rsvp.submitWaitlist": "Sett meg på ventelisten",
  "rsvp.honeypot": "La dette feltet stå tomt",
  "rsvp.errorSummary": { one: "Skjemaet har 1 feil", other: "Skjemaet har {count} feil" },
  "rsvp.spam": "Skjemaet kunne ikke sendes. Last inn siden på nytt og prøv igjen.",
  "rsvp.rateLimited": {
    one: "Du har sendt mange påmeldinger på kort tid. Vent ett minutt og prøv igjen.",
    other: "Du har sendt mange påmeldinger på kort tid. Vent {count} minutter og prøv igjen.",
  },
  "rsvp.notOpen": "Det er ikke mulig å melde seg på dette møtet nå.",

  "error.name.required": "Skriv navnet ditt.",
  "error.name.tooLong": "Navnet kan ha høyst 100 tegn.",
  "error.name.invalid": "Navnet kan ikke inneholde linjeskift eller andre kontrolltegn.",
  "error.email.required": "Skriv e-postadressen din.",
  "error.email.invalid": "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.",
  "error.partySize.invalid": "Velg hvor mange som kommer.",
  "error.partySize.tooMany": "Dere kan være høyst {max} personer per påmelding.",
  "error.partySize.noRoom": {
    one: "Det er bare plass til 1 person i påmeldingen din nå. Velg færre, eller meld deg av og på igjen for å stå på ventelisten.",
    other:
      "Det er bare plass til {count} personer i påmeldingen din nå. Velg færre, eller meld deg av og på igjen for å stå på ventelisten.",
  },
  "error.needsText.tooLong": "Beskrivelsen kan ha høyst 500 tegn.",
  "error.needsText.invalid": "Beskrivelsen inneholder tegn vi ikke kan ta imot.",
  "error.consent.required": "Du må godta personvernerklæringen for å melde deg på.",
  "error.intent.unknown": "Ukjent handling.",

  "confirm.title.confirmed": "Du er påmeldt",
  "confirm.title.waitlisted": "Du står på ventelisten",
  "confirm.title.cancelled": "Påmeldingen er avmeldt",
  "confirm.updatedBanner": "Endringene er lagret.",
  "confirm.position": "Du er nummer {position} på ventelisten.",
  "confirm.summary": "Påmeldingen din",
  "confirm.meeting": "Møte",
  "confirm.name": "Navn",
  "confirm.email": "E-post",
  "confirm.partySize": "Antall personer",
  "confirm.needs": "Behov",
  "confirm.needsNone": "Ingen oppgitt",
  "confirm.status": "Status",
  "confirm.status.confirmed": "Påmeldt",
  "confirm.status.waitlisted": "Venteliste, nummer {position}",
  "confirm.status.cancelled": "Avmeldt",
  "confirm.calendar": "Legg i kalenderen (.ics)",
  "confirm.checkInHeading": "Innsjekking",
  "confirm.checkInQrAlt": "QR-kode for innsjekking, kode {code}",
  "confirm.checkInText": "Vis QR-koden i døra, eller si koden din:",
  "confirm.manageHeading": "Din personlige lenke",
  "confirm.manageText":
    "Ta vare på denne lenken. Med den kan du se, endre eller melde deg av påmeldingen. Ikke del den med andre.",
  "confirm.manageLabel": "Personlig lenke",
  "confirm.changeHeading": "Endre påmeldingen",
  "confirm.save": "Lagre endringer",
  "confirm.cancelHeading": "Kan du ikke komme?",
  "confirm.cancelText": "Meld deg av, så kan plassen gå til noen på ventelisten.",
  "confirm.cancelLink": "Meld meg av",
  "confirm.backToMeeting": "Gå til møtesiden",

  "cancel.title": "Meld deg av",
  "cancel.question": "Vil du melde deg av «{title}»?",
  "cancel.waitlistNote": "Hvis du angrer, kan du melde deg på igjen, men da kan plassen være tatt.",
  "cancel.confirm": "Ja, meld meg av",
  "cancel.back": "Nei, gå tilbake",
  "cancel.done": "Du er meldt av. Vi har sendt en bekreftelse på e-post.",

  "privacy.title": "Personvern",
  "privacy.intro":
    "Røros kommune er behandlingsansvarlig for opplysningene du gir når du melder deg på et folkemøte.",
  "privacy.whatHeading": "Hva vi lagrer",
  "privacy.what":
    "Navn, e-postadresse, hvor mange som kommer, og eventuelle behov for tilrettelegging du selv oppgir. Vi lagrer også når du meldte deg på, og en kode laget fra nettverksadressen du meldte deg på fra (ikke selve adressen), slik at vi kan se og stoppe mange påmeldinger fra samme sted.",
  "privacy.whyHeading": "Hvorfor",
  "privacy.why":
    "Opplysningene brukes bare til å planlegge møtet: antall plasser, venteliste, tilrettelegging, påminnelser og beskjed hvis møtet endres eller avlyses. Grunnlaget er samtykket ditt.",
  "privacy.whoHeading": "Hvem som ser dem",
  "privacy.who":
    "Bare de ansatte i kommunen som arrangerer møtet. Opplysningene deles ikke med andre og brukes ikke til markedsføring.",
  "privacy.howLongHeading": "Hvor lenge",
  "privacy.rightsHeading": "Dine rettigheter",
  "privacy.rights":
    "Med den personlige lenken i e-posten kan du se og endre påmeldingen din eller melde deg av. Du kan også be om innsyn, retting eller sletting ved å kontakte kommunen, og du kan klage til Datatilsynet.",
  "privacy.sensitive":
    "Skriv ikke helseopplysninger eller andre sensitive opplysninger om deg selv eller andre i skjemaet.",

  "manage.notFound.title": "Fant ikke påmeldingen",
  "manage.notFound.body":
    "Lenken virker ikke. Sjekk at du har kopiert hele lenken fra e-posten.",

  "error.notFound.title": "Fant ikke siden",
  "error.notFound.body": "Siden finnes ikke. Kanskje adressen er skrevet feil?",
  "error.badRequest.title": "Noe var galt med forespørselen",
  "error.tooMany.title": "For mange forsøk",
  "error.server.title": "Noe gikk galt",
  "error.server.body": "Det oppstod en feil hos oss. Prøv igjen om litt.",
  "error.backHome": "Gå til forsiden",

  "error.password.tooShort": "Passordet må ha minst 12 tegn.",
  "error.password.tooLong": "Passordet kan ha høyst 200 tegn.",
  "error.password.common": "Passordet er for vanlig. Velg et annet.",
  "error.password.personal": "Passordet kan ikke inneholde navnet eller e-postadressen din.",
  "error.login.throttled": {
    one: "For mange mislykkede innlogginger. Vent ett minutt og prøv igjen.",
    other: "For mange mislykkede innlogginger. Vent {count} minutter og prøv igjen.",
  },
  "error.login.invalid": "Feil e-postadresse eller passord.",
} as const;


