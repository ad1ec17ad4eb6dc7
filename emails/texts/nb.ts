/**
 * Every word of every mail, in bokmål: the reference catalogue. nn.ts and en.ts must have
 * each key (compile error otherwise) with the same {placeholders} (emails/languages.test.ts checks).
 * Plurals are { one, other } chosen by Intl.PluralRules on `count`.
 */
export const nb = {
  org: "Røros kommune",
  greeting: "Hei {name},",
  people: { one: "{count} person", other: "{count} personer" },
  days: { one: "{count} dag", other: "{count} dager" },

  "detail.when": "Når",
  "detail.where": "Hvor",
  "detail.map": "vis i kart",
  "detail.accessibility": "Tilgjengelighet",
  "detail.practical": "Praktisk",
  "detail.status": "Status",
  "detail.partySize": "Antall personer",
  "detail.waitlistPosition": "Plass på ventelisten",
  "detail.waitlistNumber": "Nummer {position}",
  agenda: "Hva skjer på møtet",

  "checkIn.heading": "Innsjekking",
  "checkIn.alt": "QR-kode for innsjekking, kode {code}",
  "checkIn.text": "Vis QR-koden i døra, eller si koden {code}.",
  "checkIn.filename": "innsjekking.png",

  "calendar.attached":
    "Invitasjonen ligger ved denne e-posten, så du kan legge møtet inn i kalenderen din.",
  "calendar.updateAttached":
    "Invitasjonen ligger ved denne e-posten, så kalenderen din får den nye informasjonen.",
  "calendar.cancelAttached":
    "Avlysningen ligger ved denne e-posten, så møtet kan tas ut av kalenderen din.",
  "calendar.links": "Legg i kalender:",
  "calendar.icsFile": ".ics-fil",
  "calendar.inviteFilename": "invitasjon.ics",
  "calendar.cancelFilename": "avlysning.ics",

  "manage.text":
    "Med den personlige lenken din kan du se påmeldingen, endre antall personer eller melde deg av. Ikke del lenken med andre.",
  "manage.button": "Se eller endre påmeldingen",
  "manage.rejoinText":
    "Ombestemmer du deg, kan du melde deg på igjen med den personlige lenken din så lenge påmeldingen er åpen. Ikke del lenken med andre.",
  "manage.rejoinButton": "Se påmeldingen eller meld deg på igjen",

  "footer.contact": "Spørsmål om møtet? Kontakt {contact}.",
  "footer.privacy": "Vi bruker opplysningene bare til å planlegge møtet og sletter dem etterpå.",
  "footer.privacyDays":
    "Vi bruker opplysningene bare til å planlegge møtet og sletter dem {days} etter møtet.",
  "footer.automatic": "Denne e-posten er sendt automatisk.",
  "footer.more": "Mer om møtet: {url}",

  "registration.subject.confirmed": "Påmeldt: {title}",
  "registration.subject.waitlisted": "Venteliste: {title}",
  "registration.subject.promoted": "Du har fått plass: {title}",
  "registration.subject.updated": "Endret påmelding: {title}",
  "registration.subject.cancelled": "Avmeldt: {title}",
  "registration.subject.link": "Lenken til påmeldingen din: {title}",
  "registration.heading.confirmed": "Du er påmeldt",
  "registration.heading.waitlisted": "Du står på venteliste",
  "registration.heading.promoted": "Du har fått plass",
  "registration.heading.updated": "Påmeldingen er endret",
  "registration.heading.cancelled": "Du er meldt av",
  "registration.heading.link": "Lenken til påmeldingen din",
  "registration.status.confirmed": "Påmeldt",
  "registration.status.waitlisted": "På venteliste",
  "registration.status.cancelled": "Avmeldt",
  "registration.preview.confirmed": "Du er påmeldt {title}, {when}.",
  "registration.preview.waitlisted": "Du står på venteliste til {title}.",
  "registration.preview.waitlistedAt": "Du står som nummer {position} på venteliste til {title}.",
  "registration.preview.promoted": "Det ble ledig plass: du er påmeldt {title}, {when}.",
  "registration.preview.updated": "Påmeldingen din til {title} er endret.",
  "registration.preview.cancelled": "Du er meldt av {title}.",
  "registration.preview.link": "Lenken til påmeldingen din til {title}. Ingenting er endret.",
  "registration.intro.confirmed":
    "Takk for påmeldingen til {title}. Vi har satt av plass til {people}.",
  "registration.intro.waitlisted":
    "Møtet er fullt akkurat nå, så du står på venteliste til {title}.",
  "registration.intro.waitlistedAt":
    "Møtet er fullt akkurat nå, så du står på venteliste til {title} som nummer {position}.",
  "registration.intro.waitlistedNext":
    "Blir det ledig plass, får du en ny e-post fra oss. Du trenger ikke gjøre noe før det.",
  "registration.intro.promoted":
    "Det har blitt ledig plass, og du er flyttet fra ventelisten. Du er nå påmeldt {title} med plass til {people}.",
  "registration.intro.updated": "Påmeldingen din til {title} er endret. Slik er den nå:",
  "registration.intro.cancelled": "Du er meldt av {title}, {when}. Takk for at du sa fra.",
  "registration.intro.link":
    "Noen, trolig du selv, prøvde å melde på denne e-postadressen til {title} en gang til. Adressen var allerede registrert, så ingenting er endret. Slik står påmeldingen nå:",
  "registration.intro.linkIgnore":
    "Har du ikke prøvd å melde deg på, kan du se bort fra denne e-posten.",

  "meeting.subject.changed": "Endret: {title}, {when}",
  "meeting.subject.cancelled": "Avlyst: {title}, {when}",
  "meeting.subject.restored": "Blir holdt likevel: {title}, {when}",
  "meeting.subject.reminder": "Påminnelse: {title}, {when}",
  "meeting.subject.message": "{subject} – {title}",
  "meeting.subject.messageDefault": "Melding",
  "meeting.heading.changed": "Møtet er endret",
  "meeting.heading.cancelled": "Møtet er avlyst",
  "meeting.heading.restored": "Møtet blir likevel holdt",
  "meeting.heading.reminder": "Påminnelse om møtet",
  "meeting.heading.message": "Melding om møtet",
  "meeting.change.time": "Ny tid: {after} (var {before})",
  "meeting.change.place": "Nytt sted: {after} (var {before})",
  "meeting.preview.changed": "{title} er endret: {changes}",
  "meeting.preview.cancelled": "{title}, {when}, er avlyst.",
  "meeting.preview.restored": "{title} blir holdt likevel, {when}.",
  "meeting.preview.reminder": "{title} er {when}.",
  "meeting.intro.changed": "{title} er endret:",
  "meeting.intro.changedWaitlisted":
    "Du står fortsatt på ventelisten. Får du plass, sender vi en ny e-post.",
  "meeting.intro.changedConfirmed": "Plassen din gjelder fortsatt. Du trenger ikke gjøre noe.",
  "meeting.intro.cancelled": "{title}, {when}, er avlyst.",
  "meeting.intro.cancelledWaitlisted":
    "{title}, {when}, er avlyst. Ventelisten gjelder ikke lenger.",
  "meeting.intro.restored": "{title} blir holdt likevel, {when}. Plassen din gjelder igjen.",
  "meeting.intro.restoredWaitlisted":
    "{title} blir holdt likevel, {when}. Du står på ventelisten igjen.",
  "meeting.intro.reminder": "Velkommen til {title}, {when}. Vi har plass til {people}.",
  "meeting.intro.reminderWaitlisted":
    "{title} er {when}. Du står fortsatt på ventelisten, så du har ikke plass ennå. Får du plass, sender vi en ny e-post.",
  "meeting.intro.reminderWaitlistedAt":
    "{title} er {when}. Du står fortsatt på ventelisten som nummer {position}, så du har ikke plass ennå. Får du plass, sender vi en ny e-post.",

  "questionReceipt.subject": "Spørsmålet ditt er mottatt: {title}",
  "questionReceipt.preview": "Lenken til spørsmålet ditt om {title}.",
  "questionReceipt.heading": "Takk for spørsmålet",
  "questionReceipt.intro":
    "Du sendte et spørsmål til {title}. Kommunen leser det før det blir publisert på møtesiden.",
  "questionReceipt.label": "Det du skrev:",
  "questionReceipt.linkText":
    "Med lenken under kan du se hvordan det går med spørsmålet, endre teksten mens det venter på moderering, og trekke det tilbake. Lenken er din: ikke del den med andre. Når spørsmålet er besvart, eller hvis vi slår det sammen med et likt spørsmål, får du en e-post til.",
  "questionReceipt.button": "Se, endre eller trekk tilbake spørsmålet",
  "questionReceipt.privacy":
    "Vi bruker e-postadressen bare til å skrive til deg om spørsmålet, og sletter navnet og adressen din etter møtet.",
  "questionReceipt.privacyDays":
    "Vi bruker e-postadressen bare til å skrive til deg om spørsmålet, og sletter navnet og adressen din {days} etter møtet.",

  "question.subject.answered": "Spørsmålet ditt er besvart: {title}",
  "question.subject.merged": "Spørsmålet ditt er slått sammen: {title}",
  "question.heading.answered": "Spørsmålet ditt er besvart",
  "question.heading.merged": "Spørsmålet ditt er slått sammen",
  "question.preview.answered": "Spørsmålet ditt om {title} er besvart.",
  "question.preview.merged": "Spørsmålet ditt er slått sammen med et likt spørsmål.",
  "question.intro.answered": "Du sendte et spørsmål til {title}. Nå har kommunen svart.",
  "question.intro.merged":
    "Du sendte et spørsmål til {title}. Noen andre spurte om det samme, så vi har slått spørsmålene sammen. Støtten ditt spørsmål fikk, er flyttet over, og du får beskjed når det blir besvart.",
  "question.label.answered": "Spørsmålet:",
  "question.label.merged": "Spørsmålet det nå gjelder:",
  "question.subject.private": "Svar på spørsmålet du sendte privat: {title}",
  "question.heading.private": "Svar på spørsmålet ditt",
  "question.preview.private": "Kommunen har svart på spørsmålet du sendte privat om {title}.",
  "question.intro.private":
    "Du sendte et spørsmål privat til kommunen om {title}. Svaret er bare til deg og vises ikke offentlig.",
  "question.label.private": "Spørsmålet ditt:",
  "question.button.private": "Se spørsmålet og svaret",
  "question.label.answer": "Svaret:",
  "question.button.answered": "Les alle svarene",
  "question.button.merged": "Se spørsmålet",

  "caseConfirm.subject": "Bekreft abonnement: {title}",
  "caseConfirm.preview": "Bekreft at du vil få oppdateringer om {title}.",
  "caseConfirm.heading": "Bekreft abonnementet",
  "caseConfirm.text":
    "Noen, forhåpentligvis du, ba om å få e-post når kommunen har nytt om saken «{title}». Trykk på knappen for å bekrefte. Har du ikke bedt om dette, kan du se bort fra e-posten: da sender vi deg ingenting mer.",
  "caseConfirm.button": "Ja, hold meg oppdatert",

  "caseUpdate.subject": "Nytt om saken: {title}",
  "caseUpdate.lead": "Nytt om saken «{title}»",
  "caseUpdate.more": "Mer om saken: {url}",
  "caseUpdate.why": "Du får denne e-posten fordi du ba om oppdateringer. {unsubscribe}.",
  "caseUpdate.unsubscribe": "Meld deg av",
  "archiveWarning.subject": "Arkiver før sletting: {title}",
  "archiveWarning.preview": "Personopplysningene slettes {date}.",
  "archiveWarning.heading": "Møtet er ikke arkivert",
  "archiveWarning.text":
    "Personopplysningene om deltakerne og dem som spurte i «{title}» slettes {date}, og ingen har lastet ned arkivpakken ennå. Last den ned fra møtets oversikt og legg den i sak/arkiv før det.",
  "archiveWarning.button": "Åpne møtets oversikt",
  "detail.attendance": "Deltar",
  "detail.online": "Digitalt, sendes fra {place}",
  "attendance.hall": "I salen",
  "attendance.online": "Digitalt",
  "online.heading": "Følg møtet digitalt",
  "online.link": "Sendingen: {url}",
  "online.dialIn": "Ring inn: {dialIn}",
  "online.later":
    "Lenken til sendingen kommer {revealsAt}, på e-post og på den personlige siden din.",
  "online.pending": "Lenken til sendingen kommer på den personlige siden din før møtet starter.",
  "online.ask": "Spørsmål under møtet sender du her: {url}",
  "calendar.online.location": "Digitalt",
  "calendar.online.link": "Lenken til sendingen: {url}",
  "calendar.online.later":
    "Lenken til sendingen kommer {revealsAt}, på e-post og på den personlige siden din.",
  "meeting.subject.stream": "Lenken til sendingen: {title}, {when}",
  "meeting.heading.stream": "Møtet starter snart",
  "meeting.preview.stream": "{title} starter {when}. Her er lenken til sendingen.",
  "meeting.intro.stream":
    "{title} starter {when}. Du er påmeldt digitalt, og her er lenken til sendingen.",
  "meeting.subject.recording": "Opptak: {title}",
  "meeting.heading.recording": "Opptaket fra møtet",
  "meeting.preview.recording": "Opptaket fra {title} er klart.",
  "meeting.intro.recording":
    "Takk for at du meldte deg på {title}. Opptaket fra møtet kan du se her:",
  "meeting.recording": "Se opptaket: {url}",
} as const;
