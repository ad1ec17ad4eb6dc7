/** Bokmål for the translations page (/admin/translations, app/translations/). */
export const nbAdminTranslations = {
  "admin.nav.translations": "Språk",
  "translations.title": "Språk for innbyggerne",
  "translations.intro":
    "Bokmål, nynorsk og engelsk følger med appen. Andre språk, som sørsamisk, legges inn av en oversetter: last ned fila, la oversetteren fylle ut kolonnen «Oversettelse», og last den opp igjen. Tekster som mangler, vises på bokmål. Ingen tekst lages maskinelt.",
  "translations.status": {
    zero: "Ingen av {total} tekster er oversatt ennå. Språket vises ikke for innbyggerne før minst én tekst er lastet opp.",
    one: "{count} av {total} tekster er oversatt.",
    other: "{count} av {total} tekster er oversatt.",
  },
  "translations.offered": "Innbyggerne kan velge språket i språkvelgeren.",
  "translations.download": "Last ned fila til oversetteren",
  "translations.download.xlsx": "Excel (.xlsx)",
  "translations.download.csv": "CSV med komma",
  "translations.download.csvSemicolon": "CSV med semikolon (Excel med norske innstillinger)",
  "translations.download.hint":
    "Fila har én rad per tekst: nøkkel, form (for tekster som avhenger av et tall), bokmålsteksten og oversettelsen så langt. Plassholdere i krøllparentes, som {example}, skal stå urørt i oversettelsen.",
  "translations.upload": "Last opp utfylt fil",
  "translations.upload.file": "Fil (.xlsx eller .csv)",
  "translations.upload.hint":
    "Fila erstatter alle tekstene for språket. Den kontrolleres først; har den feil, lagres ingenting, og du får vite hvilke rader som må rettes.",
  "translations.upload.submit": "Last opp",
  "translations.upload.adminOnly": "Bare administratorer kan laste opp oversettelser.",
  "translations.imported": {
    one: "Fila er lastet opp: {count} tekst er oversatt.",
    other: "Fila er lastet opp: {count} tekster er oversatt.",
  },
  "translations.cleared": "Alle tekstene for språket er fjernet. Innbyggerne ser det ikke lenger.",
  "translations.clear": "Fjern alle tekstene for {language}",
  "translations.refused": "Fila ble ikke lastet opp. Rett disse radene og prøv igjen:",
  "translations.missing": "Tekster som mangler ({count})",
  "translations.missing.key": "Nøkkel",
  "translations.missing.bokmal": "Bokmål",
  "translations.problem.row": "Rad {row}",
  "translations.problem.header":
    "Fant ikke kolonnene «Nøkkel», «Form» og «Oversettelse» i første rad. Bruk fila du lastet ned.",
  "translations.problem.encoding": "Fila er ikke lagret som UTF-8. Lagre den som «CSV UTF-8».",
  "translations.problem.unreadable": "Fila kan ikke leses som regneark (.xlsx) eller CSV.",
  "translations.problem.tooManyRows": "Fila har flere rader enn appen har tekster.",
  "translations.problem.noTexts":
    "Fila har ingen oversatte tekster. Vil du fjerne språket, bruk knappen for det.",
  "translations.problem.unknownKey": "«{key}» er ingen tekst i appen.",
  "translations.problem.wrongForm": "«{key}» har ikke denne formen.",
  "translations.problem.duplicate": "«{key}» står flere ganger med samme form.",
  "translations.problem.tooLong": "Teksten for «{key}» er for lang (høyst {max} tegn).",
  "translations.problem.control": "Teksten for «{key}» har usynlige kontrolltegn.",
  "translations.problem.braces":
    "Teksten for «{key}» har en krøllparentes som ikke hører til en plassholder.",
  "translations.problem.pluralIncomplete":
    "«{key}» avhenger av et tall og trenger både formen «one» og «other».",
  "translations.problem.unknownPlaceholder":
    "Teksten for «{key}» har plassholderen {placeholder}, som ikke finnes i bokmålsteksten.",
  "translations.problem.missingPlaceholder":
    "Teksten for «{key}» mangler plassholderen {placeholder}.",
  "translations.error.noFile": "Velg fila som skal lastes opp.",
  "translations.error.language": "Ukjent språk.",
} as const;

/** Bokmål for a meeting's texts in other languages (/admin/meetings/:id/texts/:language). */
export const nbAdminMeetingTexts = {
  "meetingTexts.title": "Møtetekstene på {language}",
  "meetingTexts.languages": "Språk for møtetekstene",
  "meetingTexts.language.nn": "nynorsk",
  "meetingTexts.language.en": "engelsk",
  "meetingTexts.language.sma": "sørsamisk",
  "meetingTexts.intro":
    "Skriv møtetekstene på dette språket for innbyggerne som leser sidene, e-postene og kalenderen på det. Et felt du lar stå tomt, vises på bokmål. Lister og eksport er alltid på bokmål.",
  "meetingTexts.field.title": "Tittel",
  "meetingTexts.field.description": "Beskrivelse",
  "meetingTexts.field.agenda": "Program",
  "meetingTexts.field.accessibility": "Tilgjengelighet",
  "meetingTexts.field.whatToBring": "Praktisk informasjon",
  "meetingTexts.field.questionGuidance": "Veiledning ved spørsmålsskjemaet",
  "meetingTexts.bokmal": "På bokmål: {text}",
  "meetingTexts.bokmalEmpty": "Tomt på bokmål.",
  "meetingTexts.agendaHint": {
    one: "Én linje, for programpunktet på bokmål; klokkeslettet hentes derfra.",
    other:
      "Én linje per programpunkt, {count} linjer i samme rekkefølge som på bokmål; klokkeslettene hentes derfra.",
  },
  "meetingTexts.save": "Lagre",
  "meetingTexts.back": "Tilbake til møtet",
  "meetingTexts.saved": "Møtetekstene på {language} er lagret.",
  "meetingTexts.error.agendaLines": {
    one: "Programmet må ha én linje, som på bokmål.",
    other: "Programmet må ha {count} linjer, én per programpunkt, som på bokmål.",
  },
  "meetingTexts.dashboard": "Møtetekstene på andre språk",
  "meetingTexts.dashboard.hint":
    "Tittel, beskrivelse, program og praktisk informasjon kan skrives på nynorsk, engelsk og sørsamisk. Det som ikke er skrevet, vises på bokmål.",
  "meetingTexts.dashboard.written": "skrevet",
  "meetingTexts.dashboard.notWritten": "ikke skrevet",
} as const;
