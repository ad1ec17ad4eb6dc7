/** Bokmål for the organisers' change notices, messages to attendees, reminders and the outbox view. */
export const nbAdminCalendar = {
  "notice.title": "Varsle deltakerne om endringer",
  "notice.lead":
    "Endringene under er ikke sendt til deltakerne ennå. Alle endringer sendes samlet i én e-post.",
  "notice.nothing": "Ingen endringer venter på å bli sendt.",
  "notice.nothingToSay":
    "Endringene opphever hverandre (for eksempel avlyst og gjenåpnet), så deltakerne trenger ingen e-post. Du kan merke dem som håndtert.",
  "notice.recipients": {
    zero: "Ingen påmeldte har e-postadresse, så ingen får e-post.",
    one: "{count} påmeldt får e-posten.",
    other: "{count} påmeldte får e-posten.",
  },
  "notice.recipientsSplit":
    "Påmeldt: {confirmed}. På venteliste: {waitlisted}. De som har plass, får oppdatert kalenderinvitasjon.",
  "notice.message": "Personlig hilsen (valgfritt)",
  "notice.messageHint":
    "Vises øverst i e-posten, for eksempel en unnskyldning eller hvorfor møtet er flyttet.",
  "notice.previewButton": "Vis forhåndsvisning",
  "notice.send": "Send varsel",
  "notice.markHandled": "Merk som håndtert",
  "notice.previewHeading": "Forhåndsvisning",
  "notice.subject": "Emne: {subject}",
  "notice.previewFrame": "Forhåndsvisning av e-posten",
  "notice.sent": {
    zero: "Endringene er merket som håndtert. Ingen e-post ble sendt.",
    one: "Varselet er lagt i køen til {count} deltaker.",
    other: "Varselet er lagt i køen til {count} deltakere.",
  },
  "notice.alreadySent":
    "Disse endringene er allerede sendt. Last inn siden på nytt for å se om noe nytt venter.",
  "notice.link": "Forhåndsvis og send varsel",

  "message.title": "Skriv til deltakerne",
  "message.lead": "E-posten går gjennom utboksen, med en personlig lenke til hver mottaker.",
  "message.audience": "Hvem skal få e-posten?",
  "message.audience.all": "Alle påmeldte og alle på ventelisten",
  "message.audience.confirmed": "Bare de som har plass",
  "message.audience.waitlisted": "Bare de på ventelisten",
  "message.subject": "Emne",
  "message.body": "Melding",
  "message.send": "Send e-post",
  "message.sent": {
    zero: "Ingen mottakere med e-postadresse. Ingen e-post ble sendt.",
    one: "E-posten er lagt i køen til {count} mottaker.",
    other: "E-posten er lagt i køen til {count} mottakere.",
  },
  "message.link": "Skriv til deltakerne",

  "outbox.title": "Utboks",
  "outbox.lead": "E-post om dette møtet, nyeste først.",
  "outbox.empty": "Ingen e-post om dette møtet ennå.",
  "outbox.caption": "E-post om møtet",
  "outbox.created": "Lagt i kø",
  "outbox.to": "Til",
  "outbox.purpose": "Type",
  "outbox.state": "Status",
  "outbox.attempts": "Forsøk",
  "outbox.lastError": "Siste feil",
  "outbox.actions": "Handling",
  "outbox.retry": "Prøv igjen",
  "outbox.retried": "E-posten er lagt i køen igjen.",
  "outbox.notRetried": "Denne e-posten kan ikke sendes på nytt.",
  "outbox.status.pending": "I kø",
  "outbox.status.sending": "Sendes",
  "outbox.status.sent": "Sendt",
  "outbox.status.failed": "Feilet",
  "outbox.status.dropped": "Ikke sendt (utdatert)",
  "outbox.purpose.registration": "Påmelding",
  "outbox.purpose.notice": "Endringsvarsel",
  "outbox.purpose.reminder": "Påminnelse",
  "outbox.purpose.message": "Melding",
  "outbox.purpose.other": "Annet",
  "outbox.link": "Utboks",
  "outbox.eml": "Last ned .eml",

  "reminders.heading": "Påminnelser på e-post",
  "reminders.hoursBefore": "{hours} timer før",
  "reminders.none": "Ingen påminnelser er valgt for dette møtet.",
  "reminders.line": {
    zero: "{when} ({due}): ikke sendt ennå",
    one: "{when} ({due}): sendt til {count} påmeldt",
    other: "{when} ({due}): sendt til {count} påmeldte",
  },

  "editor.whatToBring": "Praktisk informasjon (valgfritt)",
  "editor.whatToBringHint":
    "Hva deltakerne bør ta med eller vite, for eksempel «Ta med innkallingen» eller «Kaffe fra kl. 18.30». Står på møtesiden og i påminnelsene.",
} as const;
