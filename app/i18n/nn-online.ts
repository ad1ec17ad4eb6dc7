import type { nbOnline } from "./nb-online";

/** Nynorsk for nb-online.ts. */
export const nnOnline: Record<keyof typeof nbOnline, string> = {
  "index.attendance.both": "I salen eller digitalt",
  "index.attendance.online": "Digitalt",
  "meeting.attendance": "Slik deltek du",
  "meeting.attendance.both": "I salen eller digitalt, via ei sending på nett",
  "meeting.attendance.online": "Digitalt, via ei sending på nett",
  "meeting.streamedFrom": "Blir sendt frå",
  "meeting.seatsLeftHall": "{left} av {capacity} plassar i salen er ledige.",
  "meeting.hallFull":
    "Salen er full. Du kan følgje møtet digitalt i staden, eller stå på venteliste til salen.",
  "meeting.online":
    "Du kan følgje møtet digitalt. Lenkja til sendinga får du {minutes} minutt før start.",
  "meeting.onlineLeft": "{left} av {capacity} digitale plassar er ledige.",
  "meeting.onlineFull": "Dei digitale plassane er fulle. Du kan stå på venteliste.",
  "meeting.recording": "Sjå opptaket frå møtet",
  "attendance.question": "I salen eller digitalt?",
  "attendance.hall": "I salen",
  "attendance.hallWaitlist": "Venteliste til salen",
  "attendance.online":
    "Digitalt – du får lenkja til sendinga {minutes} minutt før start, og kan sende spørsmål undervegs",
  "attendance.onlineWaitlist": "Venteliste til dei digitale plassane",
  "attendance.hallFullOffer": "Salen er full, men du kan følgje møtet digitalt.",
  "error.attendance.invalid": "Vel om du kjem i salen eller følgjer møtet digitalt.",
  "error.attendance.noRoom":
    "Det er ikkje plass til heile følgjet ditt der no. Ingenting er endra.",
  "confirm.attendance": "Deltek",
  "confirm.attendance.hall": "I salen",
  "confirm.attendance.online": "Digitalt",
  "ownData.f.attendance": "Deltek",
  "online.heading": "Følg møtet digitalt",
  "online.watch": "Opne sendinga",
  "online.dialIn": "Ring inn: {dialIn}",
  "online.later": "Lenkja til sendinga kjem her {revealsAt}. Du får ho òg på e-post.",
  "online.pending": "Lenkja til sendinga kjem her før møtet byrjar.",
  "online.ask": "Send spørsmål under møtet",
  "questions.onlineHeading": "Spørsmål frå deg som følgjer digitalt",
  "questions.onlineIntro":
    "Spørsmålet går i same kø som spørsmåla frå salen, merkt «digitalt». Arrangøren går gjennom det før det blir vist.",
};
