/** Citizens' texts for meetings followed online (ADR 0016). nn-online.ts and en-online.ts follow it. */
export const nbOnline = {
  "index.attendance.both": "I salen eller digitalt",
  "index.attendance.online": "Digitalt",
  "meeting.attendance": "Slik deltar du",
  "meeting.attendance.both": "I salen eller digitalt, via en sending på nett",
  "meeting.attendance.online": "Digitalt, via en sending på nett",
  "meeting.streamedFrom": "Sendes fra",
  "meeting.seatsLeftHall": "{left} av {capacity} plasser i salen er ledige.",
  "meeting.hallFull":
    "Salen er full. Du kan følge møtet digitalt i stedet, eller stå på venteliste til salen.",
  "meeting.online":
    "Du kan følge møtet digitalt. Lenken til sendingen får du {minutes} minutter før start.",
  "meeting.onlineLeft": "{left} av {capacity} digitale plasser er ledige.",
  "meeting.onlineFull": "De digitale plassene er fulle. Du kan stå på venteliste.",
  "meeting.recording": "Se opptaket fra møtet",
  "attendance.question": "I salen eller digitalt?",
  "attendance.hall": "I salen",
  "attendance.hallWaitlist": "Venteliste til salen",
  "attendance.online":
    "Digitalt – du får lenken til sendingen {minutes} minutter før start, og kan sende spørsmål underveis",
  "attendance.onlineWaitlist": "Venteliste til de digitale plassene",
  "attendance.hallFullOffer": "Salen er full, men du kan følge møtet digitalt.",
  "error.attendance.invalid": "Velg om du kommer i salen eller følger møtet digitalt.",
  "error.attendance.noRoom": "Det er ikke plass til hele følget ditt der nå. Ingenting er endret.",
  "confirm.attendance": "Deltar",
  "confirm.attendance.hall": "I salen",
  "confirm.attendance.online": "Digitalt",
  "ownData.f.attendance": "Deltar",
  "online.heading": "Følg møtet digitalt",
  "online.watch": "Åpne sendingen",
  "online.dialIn": "Ring inn: {dialIn}",
  "online.later": "Lenken til sendingen kommer her {revealsAt}. Du får den også på e-post.",
  "online.pending": "Lenken til sendingen kommer her før møtet starter.",
  "online.ask": "Send spørsmål under møtet",
  "questions.onlineHeading": "Spørsmål fra deg som følger digitalt",
  "questions.onlineIntro":
    "Spørsmålet går i samme kø som spørsmålene fra salen, merket «digitalt». Arrangøren går gjennom det før det vises.",
} as const;
