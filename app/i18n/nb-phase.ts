/**
 * Bokmål for what a meeting's state (app/meetings/phase.ts) means on the citizens' pages: the
 * public page, the personal link, the question pages. "Avlyst" and "over" reuse
 * meeting.cancelled and meeting.past.
 */
export const nbPhase = {
  "phase.running": "Møtet pågår nå.",
  "phase.draft": "Arrangøren har tatt møtet bort fra nettsiden inntil videre.",
  "phase.draft.attendee": "Påmeldingen din er lagret.",
  "phase.cancelled.public":
    "Du kan ikke melde deg på eller sende spørsmål. Er du påmeldt, trenger du ikke å gjøre noe.",
  "phase.cancelled.attendee":
    "Du trenger ikke å gjøre noe, og du trenger ikke å melde deg av. Har du lagt møtet i kalenderen, kan du slette det der.",
  "phase.cancelled.asker": "Spørsmålet ditt blir derfor ikke tatt opp på møtet.",
  "phase.answers": "Se svarene og referatet fra møtet",
  "confirm.title.meetingCancelled": "Møtet er avlyst",
  "confirm.title.ended": "Møtet er over",
  "confirm.status.meetingCancelled": "Gjelder ikke, fordi møtet er avlyst",
  "confirm.status.waitlistedEnded": "Sto på ventelisten",
} as const;
