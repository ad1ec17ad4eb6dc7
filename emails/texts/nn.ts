import type { Catalogue } from "./types";

/** Every word of every mail, in nynorsk. The meeting's own title, venue and text stay as written. */
export const nn: Catalogue = {
  org: "Røros kommune",
  greeting: "Hei {name},",
  people: { one: "{count} person", other: "{count} personar" },
  days: { one: "{count} dag", other: "{count} dagar" },

  "detail.when": "Når",
  "detail.where": "Kvar",
  "detail.map": "vis i kart",
  "detail.accessibility": "Tilgjenge",
  "detail.practical": "Praktisk",
  "detail.status": "Status",
  "detail.partySize": "Tal på personar",
  "detail.waitlistPosition": "Plass på ventelista",
  "detail.waitlistNumber": "Nummer {position}",
  agenda: "Kva skjer på møtet",

  "checkIn.heading": "Innsjekking",
  "checkIn.alt": "QR-kode for innsjekking, kode {code}",
  "checkIn.text": "Vis QR-koden i døra, eller sei koden {code}.",
  "checkIn.filename": "innsjekking.png",

  "calendar.attached":
    "Invitasjonen ligg ved denne e-posten, så du kan leggje møtet inn i kalenderen din.",
  "calendar.updateAttached":
    "Invitasjonen ligg ved denne e-posten, så kalenderen din får den nye informasjonen.",
  "calendar.cancelAttached":
    "Avlysinga ligg ved denne e-posten, så møtet kan takast ut av kalenderen din.",
  "calendar.links": "Legg i kalender:",
  "calendar.icsFile": ".ics-fil",
  "calendar.inviteFilename": "invitasjon.ics",
  "calendar.cancelFilename": "avlysing.ics",

  "manage.text":
    "Med den personlege lenkja di kan du sjå påmeldinga, endre talet på personar eller melde deg av. Ikkje del lenkja med andre.",
  "manage.button": "Sjå eller endre påmeldinga",
  "manage.rejoinText":
    "Skiftar du meining, kan du melde deg på igjen med den personlege lenkja di så lenge påmeldinga er open. Ikkje del lenkja med andre.",
  "manage.rejoinButton": "Sjå påmeldinga eller meld deg på igjen",

  "footer.contact": "Spørsmål om møtet? Kontakt {contact}.",
  "footer.privacy": "Vi bruker opplysingane berre til å planleggje møtet og slettar dei etterpå.",
  "footer.privacyDays":
    "Vi bruker opplysingane berre til å planleggje møtet og slettar dei {days} etter møtet.",
  "footer.automatic": "Denne e-posten er send automatisk.",
  "footer.more": "Meir om møtet: {url}",

  "registration.subject.confirmed": "Påmeld: {title}",
  "registration.subject.waitlisted": "Venteliste: {title}",
  "registration.subject.promoted": "Du har fått plass: {title}",
  "registration.subject.updated": "Endra påmelding: {title}",
  "registration.subject.cancelled": "Avmeld: {title}",
  "registration.subject.link": "Lenkja til påmeldinga di: {title}",
  "registration.heading.confirmed": "Du er påmeld",
  "registration.heading.waitlisted": "Du står på venteliste",
  "registration.heading.promoted": "Du har fått plass",
  "registration.heading.updated": "Påmeldinga er endra",
  "registration.heading.cancelled": "Du er meld av",
  "registration.heading.link": "Lenkja til påmeldinga di",
  "registration.status.confirmed": "Påmeld",
  "registration.status.waitlisted": "På venteliste",
  "registration.status.cancelled": "Avmeld",
  "registration.preview.confirmed": "Du er påmeld {title}, {when}.",
  "registration.preview.waitlisted": "Du står på venteliste til {title}.",
  "registration.preview.waitlistedAt": "Du står som nummer {position} på venteliste til {title}.",
  "registration.preview.promoted": "Det vart ledig plass: du er påmeld {title}, {when}.",
  "registration.preview.updated": "Påmeldinga di til {title} er endra.",
  "registration.preview.cancelled": "Du er meld av {title}.",
  "registration.preview.link": "Lenkja til påmeldinga di til {title}. Ingenting er endra.",
  "registration.intro.confirmed":
    "Takk for påmeldinga til {title}. Vi har sett av plass til {people}.",
  "registration.intro.waitlisted":
    "Møtet er fullt akkurat no, så du står på venteliste til {title}.",
  "registration.intro.waitlistedAt":
    "Møtet er fullt akkurat no, så du står på venteliste til {title} som nummer {position}.",
  "registration.intro.waitlistedNext":
    "Blir det ledig plass, får du ein ny e-post frå oss. Du treng ikkje gjere noko før det.",
  "registration.intro.promoted":
    "Det har vorte ledig plass, og du er flytta frå ventelista. No er du påmeld {title} med plass til {people}.",
  "registration.intro.updated": "Påmeldinga di til {title} er endra. Slik er ho no:",
  "registration.intro.cancelled": "Du er meld av {title}, {when}. Takk for at du sa frå.",
  "registration.intro.link":
    "Nokon, truleg du sjølv, prøvde å melde på denne e-postadressa til {title} ein gong til. Adressa var allereie registrert, så ingenting er endra. Slik står påmeldinga no:",
  "registration.intro.linkIgnore":
    "Har du ikkje prøvd å melde deg på, kan du sjå bort frå denne e-posten.",

  "meeting.subject.changed": "Endra: {title}, {when}",
  "meeting.subject.cancelled": "Avlyst: {title}, {when}",
  "meeting.subject.restored": "Blir halde likevel: {title}, {when}",
  "meeting.subject.reminder": "Påminning: {title}, {when}",
  "meeting.subject.message": "{subject} – {title}",
  "meeting.subject.messageDefault": "Melding",
  "meeting.heading.changed": "Møtet er endra",
  "meeting.heading.cancelled": "Møtet er avlyst",
  "meeting.heading.restored": "Møtet blir halde likevel",
  "meeting.heading.reminder": "Påminning om møtet",
  "meeting.heading.message": "Melding om møtet",
  "meeting.change.time": "Ny tid: {after} (var {before})",
  "meeting.change.place": "Ny stad: {after} (var {before})",
  "meeting.preview.changed": "{title} er endra: {changes}",
  "meeting.preview.cancelled": "{title}, {when}, er avlyst.",
  "meeting.preview.restored": "{title} blir halde likevel, {when}.",
  "meeting.preview.reminder": "{title} er {when}.",
  "meeting.intro.changed": "{title} er endra:",
  "meeting.intro.changedWaitlisted":
    "Du står framleis på ventelista. Får du plass, sender vi ein ny e-post.",
  "meeting.intro.changedConfirmed": "Plassen din gjeld framleis. Du treng ikkje gjere noko.",
  "meeting.intro.cancelled": "{title}, {when}, er avlyst.",
  "meeting.intro.cancelledWaitlisted": "{title}, {when}, er avlyst. Ventelista gjeld ikkje lenger.",
  "meeting.intro.restored": "{title} blir halde likevel, {when}. Plassen din gjeld igjen.",
  "meeting.intro.restoredWaitlisted":
    "{title} blir halde likevel, {when}. Du står på ventelista igjen.",
  "meeting.intro.reminder": "Velkomen til {title}, {when}. Vi har plass til {people}.",
  "meeting.intro.reminderWaitlisted":
    "{title} er {when}. Du står framleis på ventelista, så du har ikkje plass enno. Får du plass, sender vi ein ny e-post.",
  "meeting.intro.reminderWaitlistedAt":
    "{title} er {when}. Du står framleis på ventelista som nummer {position}, så du har ikkje plass enno. Får du plass, sender vi ein ny e-post.",

  "questionReceipt.subject": "Vi har fått spørsmålet ditt: {title}",
  "questionReceipt.preview": "Lenkja til spørsmålet ditt om {title}.",
  "questionReceipt.heading": "Takk for spørsmålet",
  "questionReceipt.intro":
    "Du sende eit spørsmål til {title}. Kommunen les det før det blir publisert på møtesida.",
  "questionReceipt.label": "Det du skreiv:",
  "questionReceipt.linkText":
    "Med lenkja under kan du sjå korleis det går med spørsmålet, endre teksten medan det ventar på moderering, og trekkje det tilbake. Lenkja er di: ikkje del ho med andre. Når spørsmålet har fått svar, eller om vi slår det saman med eit likt spørsmål, får du ein e-post til.",
  "questionReceipt.button": "Sjå, endre eller trekk tilbake spørsmålet",
  "questionReceipt.privacy":
    "Vi brukar e-postadressa berre til å skrive til deg om spørsmålet, og slettar namnet og adressa di etter møtet.",
  "questionReceipt.privacyDays":
    "Vi brukar e-postadressa berre til å skrive til deg om spørsmålet, og slettar namnet og adressa di {days} etter møtet.",

  "question.subject.answered": "Spørsmålet ditt har fått svar: {title}",
  "question.subject.merged": "Spørsmålet ditt er slått saman: {title}",
  "question.heading.answered": "Spørsmålet ditt har fått svar",
  "question.heading.merged": "Spørsmålet ditt er slått saman",
  "question.preview.answered": "Spørsmålet ditt om {title} har fått svar.",
  "question.preview.merged": "Spørsmålet ditt er slått saman med eit likt spørsmål.",
  "question.intro.answered": "Du sende eit spørsmål til {title}. No har kommunen svart.",
  "question.intro.merged":
    "Du sende eit spørsmål til {title}. Nokon andre spurde om det same, så vi har slått spørsmåla saman. Støtta spørsmålet ditt fekk, er flytta over, og du får melding når det har fått svar.",
  "question.label.answered": "Spørsmålet:",
  "question.label.merged": "Spørsmålet det no gjeld:",
  "question.subject.private": "Svar på spørsmålet du sende privat: {title}",
  "question.heading.private": "Svar på spørsmålet ditt",
  "question.preview.private": "Kommunen har svart på spørsmålet du sende privat om {title}.",
  "question.intro.private":
    "Du sende eit spørsmål privat til kommunen om {title}. Svaret er berre til deg og blir ikkje vist offentleg.",
  "question.label.private": "Spørsmålet ditt:",
  "question.button.private": "Sjå spørsmålet og svaret",
  "question.label.answer": "Svaret:",
  "question.button.answered": "Les alle svara",
  "question.button.merged": "Sjå spørsmålet",

  "caseConfirm.subject": "Stadfest abonnement: {title}",
  "caseConfirm.preview": "Stadfest at du vil få oppdateringar om {title}.",
  "caseConfirm.heading": "Stadfest abonnementet",
  "caseConfirm.text":
    "Nokon, forhåpentleg du, bad om å få e-post når kommunen har nytt om saka «{title}». Trykk på knappen for å stadfeste. Har du ikkje bede om dette, kan du sjå bort frå e-posten: då sender vi deg ikkje noko meir.",
  "caseConfirm.button": "Ja, hald meg oppdatert",

  "caseUpdate.subject": "Nytt om saka: {title}",
  "caseUpdate.lead": "Nytt om saka «{title}»",
  "caseUpdate.more": "Meir om saka: {url}",
  "caseUpdate.why": "Du får denne e-posten fordi du bad om oppdateringar. {unsubscribe}.",
  "caseUpdate.unsubscribe": "Meld deg av",
  "archiveWarning.subject": "Arkiver før sletting: {title}",
  "archiveWarning.preview": "Personopplysingane blir sletta {date}.",
  "archiveWarning.heading": "Møtet er ikkje arkivert",
  "archiveWarning.text":
    "Personopplysingane om deltakarane og dei som spurde i «{title}» blir sletta {date}, og ingen har lasta ned arkivpakken enno. Last han ned frå oversikta over møtet og legg han i sak/arkiv før det.",
  "archiveWarning.button": "Opne oversikta over møtet",
  "detail.attendance": "Deltek",
  "detail.online": "Digitalt, sendt frå {place}",
  "attendance.hall": "I salen",
  "attendance.online": "Digitalt",
  "online.heading": "Følg møtet digitalt",
  "online.link": "Sendinga: {url}",
  "online.dialIn": "Ring inn: {dialIn}",
  "online.later": "Lenkja til sendinga kjem {revealsAt}, på e-post og på den personlege sida di.",
  "online.pending": "Lenkja til sendinga kjem på den personlege sida di før møtet byrjar.",
  "online.ask": "Spørsmål under møtet sender du her: {url}",
  "calendar.online.location": "Digitalt",
  "calendar.online.link": "Lenkja til sendinga: {url}",
  "calendar.online.later":
    "Lenkja til sendinga kjem {revealsAt}, på e-post og på den personlege sida di.",
  "meeting.subject.stream": "Lenkja til sendinga: {title}, {when}",
  "meeting.heading.stream": "Møtet byrjar snart",
  "meeting.preview.stream": "{title} byrjar {when}. Her er lenkja til sendinga.",
  "meeting.intro.stream":
    "{title} byrjar {when}. Du er påmeld digitalt, og her er lenkja til sendinga.",
  "meeting.subject.recording": "Opptak: {title}",
  "meeting.heading.recording": "Opptaket frå møtet",
  "meeting.preview.recording": "Opptaket frå {title} er klart.",
  "meeting.intro.recording":
    "Takk for at du melde deg på {title}. Opptaket frå møtet kan du sjå her:",
  "meeting.recording": "Sjå opptaket: {url}",
};
