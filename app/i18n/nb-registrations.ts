/**
 * Bokmål texts for registration safety and retention: the neutral "check your email" page,
 * coming back after cancelling, name rules, the per-client cap, bursts of sign-ups, summer
 * time in the editor and erasing personal data after the meeting.
 */
export const nbRegistrations = {
  "sent.title": "Sjekk e-posten din",
  "sent.body":
    "Takk! Vi har sendt en e-post til adressen du skrev inn. Der står det om du har fått plass eller står på ventelisten, og du får en personlig lenke der du kan se, endre eller melde deg av.",
  "sent.alreadyNote":
    "Var adressen allerede påmeldt dette møtet, er ingenting endret: da får du i stedet en e-post med lenken til påmeldingen du har.",
  "sent.noMail":
    "Ser du ikke e-posten etter noen minutter, sjekk søppelpost-mappen eller kontakt kommunen.",

  "error.name.link": "Navnet kan ikke inneholde en nettadresse. Skriv bare navnet ditt.",
  "error.name.email":
    "Navnet kan ikke inneholde en e-postadresse. Skriv e-postadressen i feltet for e-post.",
  "error.name.hidden":
    "Navnet inneholder usynlige tegn (for eksempel retningsmarkører eller tegn uten bredde). Skriv navnet på nytt.",

  "rsvp.browserLimit": {
    zero: "Du har allerede meldt på mange til dette møtet fra denne nettleseren, så vi kan ikke ta imot flere påmeldinger herfra. Kontakt kommunen hvis dere er flere som skal komme.",
    one: "Du har allerede meldt på mange til dette møtet fra denne nettleseren. Herfra kan du melde på høyst 1 person til. Velg færre, eller kontakt kommunen hvis dere er flere.",
    other:
      "Du har allerede meldt på mange til dette møtet fra denne nettleseren. Herfra kan du melde på høyst {count} personer til. Velg færre, eller kontakt kommunen hvis dere er flere.",
  },
  "rsvp.clientLimit": {
    zero: "Det er allerede meldt på mange fra samme nettverk til dette møtet, så vi kan ikke ta imot flere påmeldinger herfra. Kontakt kommunen hvis dere er flere som skal komme.",
    one: "Det er allerede meldt på mange fra samme nettverk til dette møtet. Herfra kan du melde på høyst 1 person til. Velg færre, eller kontakt kommunen hvis dere er flere.",
    other:
      "Det er allerede meldt på mange fra samme nettverk til dette møtet. Herfra kan du melde på høyst {count} personer til. Velg færre, eller kontakt kommunen hvis dere er flere.",
  },

  "confirm.cancelledRejoin":
    "Du er ikke lenger påmeldt. Ombestemmer du deg, kan du melde deg på igjen her.",
  "confirm.cancelledByOrganiser":
    "Arrangøren har meldt deg av. Kontakt kommunen hvis du mener det er feil.",
  "confirm.cancelledClosed":
    "Du er ikke lenger påmeldt. Det er ikke mulig å melde seg på dette møtet nå.",
  "confirm.rejoin": "Meld meg på igjen",
  "confirm.rejoinedBanner": "Du er påmeldt igjen. Vi har sendt en bekreftelse på e-post.",
  "confirm.rejoinedWaitlistBanner":
    "Du står på ventelisten igjen, som nummer {position}. Vi har sendt en e-post.",

  "error.time.dst.missing":
    "Klokkeslettet {time} finnes ikke {date}, fordi klokka stilles fram fra 02.00 til 03.00 den natta. Velg et annet klokkeslett.",
  "error.time.dst.ambiguous":
    "Klokkeslettet {time} finnes to ganger {date}, fordi klokka stilles tilbake fra 03.00 til 02.00 den natta. Velg et klokkeslett utenfor 02.00–03.00.",

  "privacy.howLongDays":
    "Navn, e-post, telefonnummer og det du skrev om behov slettes automatisk {days} dager etter at møtet er over. Vi beholder bare antallet påmeldte. Samtidig sletter vi navn og e-post til dem som sendte spørsmål; selve spørsmålene og svarene blir stående.",
  "privacy.howLongUpdates":
    "Ber du om oppdateringer om saken, beholder vi e-postadressen til du melder deg av, men ikke lenger enn {days} dager etter siste oppdatering om saken (eller etter møtet, hvis det er senere). Bekrefter du ikke, slettes den sammen med påmeldingene. E-postene vi har sendt deg, slettes sammen med opplysningene de gjaldt.",

  "meeting.defaultTheme.title": "Spørsmål og innspill",
  "meeting.defaultTheme.description": "Alt du lurer på eller vil si om saken.",
} as const;
