/**
 * Bokmål texts citizens read about calendars and changes; the organisers' notices, messages and
 * outbox view are in nb-admin-calendar.ts.
 */
export const nbCalendar = {
  "error.notice.messageTooLong": "Hilsenen kan ha høyst 5000 tegn.",
  "error.message.subjectRequired": "Skriv et emne.",
  "error.message.subjectTooLong": "Emnet kan ha høyst 150 tegn.",
  "error.message.bodyRequired": "Skriv en melding.",
  "error.message.bodyTooLong": "Meldingen kan ha høyst 5000 tegn.",
  "error.message.audience": "Velg hvem som skal få e-posten.",
  "meeting.whatToBring": "Praktisk",

  "calendar.add": "Legg i kalender",
  "calendar.google": "Google Kalender",
  "calendar.outlook": "Outlook.com",
  "calendar.office365": "Office 365",
  "calendar.download": "Last ned kalenderfil (.ics)",
  "calendar.subscribe": "Abonner på alle møtene i kalenderen din",
  "calendar.feedName": "Folkemøter i Røros kommune",
} as const;
