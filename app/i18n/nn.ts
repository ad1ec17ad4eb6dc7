/**
 * Nynorsk for citizens: every key a citizen can meet. Names of places and the meeting's own
 * texts stay as the organiser wrote them. Organisers' pages stay in bokmål (see index.ts).
 */
import type { CitizenCatalogue } from "./index";
import { nnOwnData } from "./nn-own-data";
import { nnOnline } from "./nn-online";

export const nn: CitizenCatalogue = {
  "site.name": "Folkemøte i Røros kommune",
  "site.owner": "Røros kommune",
  "site.skipToContent": "Hopp til hovudinnhaldet",
  "site.footer.privacy": "Personvern",
  "site.footer.contact": "Spørsmål om møta? Kontakt {name}:",
  "site.footer.phone": "telefon",
  "site.footer.email": "e-post",
  "site.nav.label": "Hovudmeny",
  "site.nav.meetings": "Møte",

  "site.footer.accessibility": "Tilgjenge",
  "site.footer.statement": "Tilgjengeerklæring (uustatus.no)",
  "accessibility.title": "Tilgjenge",
  "accessibility.intro":
    "Alle skal kunne finne møta, melde seg på og sende spørsmål, også med skjermlesar, med berre tastatur, med forstørring, på ein liten mobil eller utan JavaScript.",
  "accessibility.statementHeading": "Tilgjengeerklæringa",
  "accessibility.statement":
    "{owner} publiserer tilgjengeerklæringa for denne tenesta hos Digitaliseringsdirektoratet på uustatus.no, slik lova krev.",
  "accessibility.statementLink": "Les tilgjengeerklæringa på uustatus.no",
  "accessibility.statementNotLinked": "Lenkja til erklæringa er ikkje lagd inn her enno.",
  "accessibility.standardHeading": "Kva tenesta skal oppfylle",
  "accessibility.standard":
    "Tenesta skal oppfylle WCAG 2.1 nivå A og AA, som forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT) løysingar krev. Det gjeld både sidene for innbyggjarar og sidene arrangørane bruker.",
  "accessibility.howHeading": "Slik testar vi",
  "accessibility.how.axe":
    "Kvar gong koden blir endra, går automatiske testar gjennom tenesta i ein ekte nettlesar. Verktøyet axe sjekkar kvar side mot reglane for WCAG 2.1 A og AA, også sidene til arrangørane, i dei tilstandane testane kjem til, til dømes eit skjema med feil. Testane feilar om axe finn eitt einaste brot, eller om ei side ikkje er sjekka.",
  "accessibility.how.keyboard":
    "Vi testar at du kan melde deg på med berre tastatur, og at arrangørane kan moderere spørsmål og styre storskjermen med berre tastatur.",
  "accessibility.how.noScript":
    "Påmelding, endring, avmelding og spørsmål blir òg testa med JavaScript slått av.",
  "accessibility.how.reflow":
    "Kvar side blir testa i 320 pikslar breidd, som på ein liten mobil eller med 400 % forstørring, og skal ikkje måtte rullast sidelengs. Breie tabellar på sidene til arrangørane blir rulla i sitt eige felt.",
  "accessibility.gapsHeading": "Det som ikkje er godt nok enno",
  "accessibility.gap.manual":
    "Ingen som bruker skjermlesar eller andre hjelpemiddel har testa tenesta enno, og ho er ikkje revidert av andre. Automatiske testar finn berre ein del av feila.",
  "accessibility.gap.languages":
    "Axe sjekkar alle sider på bokmål, men berre nokre av dei på nynorsk og engelsk.",
  "accessibility.gap.mail":
    "E-postane tenesta sender, som stadfestingar og påminningar, blir ikkje sjekka med axe.",
  "accessibility.gap.ownTexts":
    "Møteskildring, program og svar skriv arrangørane sjølve, og PDF-vedlegg lagar dei sjølve. Tenesta sjekkar ikkje om tekstane er lette å forstå eller om vedlegga er universelt utforma.",
  "accessibility.gap.wcag22": "Tenesta er ikkje testa mot dei nye krava i WCAG 2.2.",
  "accessibility.gap.organiserNoScript":
    "Sidene til arrangørane er berre delvis testa utan JavaScript.",
  "accessibility.feedbackHeading": "Sei frå om noko ikkje verkar",
  "accessibility.feedback":
    "Får du ikkje til noko, eller er noko vanskeleg å bruke? Skriv til oss. Sei gjerne kva side det gjeld og kva du brukte, til dømes mobil, skjermlesar eller forstørring.",
  "accessibility.feedbackEmail": "E-post:",
  "accessibility.feedbackSubject": "Tilgjenge på folkemøtesidene",
  "accessibility.complaint":
    "Får du ikkje svar, eller er du ikkje nøgd med svaret, kan du klage til Tilsynet for universell utforming av IKT:",

  "index.title": "Komande folkemøte",
  "index.intro":
    "Her finn du opne møte der kommunen informerer og svarer på spørsmål. Alle er velkomne. Meld deg på, så veit vi kor mange som kjem.",
  "index.empty": "Det er ingen komande møte akkurat no.",
  "index.seatsLeft": {
    zero: "Fullt – du kan stå på venteliste",
    one: "1 ledig plass",
    other: "{count} ledige plassar",
  },
  "index.cancelled": "Avlyst",

  "meeting.when": "Tid",
  "meeting.where": "Stad",
  "meeting.map": "Vis i kart",
  "meeting.mapNewWindow": "(ekstern nettstad)",
  "meeting.accessibility": "Tilgjenge",
  "meeting.about": "Om møtet",
  "meeting.agenda": "Program",
  "meeting.themes": "Tema på møtet",
  "meeting.seats": "Plassar",
  "meeting.seatsLeft": "{left} av {capacity} plassar er ledige.",
  "meeting.full":
    "Møtet er fullt. Meld deg på likevel, så får du plass på ventelista og melding på e-post dersom det blir ledig.",
  "meeting.contact": "Kontaktperson",
  "meeting.calendar": "Legg møtet i kalenderen (.ics)",
  "meeting.cancelled": "Møtet er avlyst.",
  "meeting.past": "Dette møtet er over.",
  "meeting.notOpenYet": "Påmeldinga opnar {when}.",
  "meeting.closed": "Påmeldinga er stengd.",
  "meeting.notFound.title": "Fann ikkje møtet",
  "meeting.notFound.body":
    "Vi finn ikkje noko møte på denne adressa. Det kan vere flytta eller skrive feil.",

  "rsvp.heading": "Meld deg på",
  "rsvp.headingWaitlist": "Meld deg på ventelista",
  "rsvp.intro": "Det tek under eitt minutt. Felt merkte (må fyllast ut) er obligatoriske.",
  "rsvp.required": "(må fyllast ut)",
  "rsvp.name": "Namn",
  "rsvp.email": "E-post",
  "rsvp.emailHint": "Vi sender stadfestinga og ei personleg lenkje hit.",
  "rsvp.partySize": "Kor mange kjem?",
  "rsvp.partySizeHint": "Medrekna deg sjølv. Høgst {max}.",
  "rsvp.persons": { one: "{count} person", other: "{count} personar" },
  "rsvp.needs": "Behov for tilrettelegging (valfritt)",
  "rsvp.needs.accessibility": "Tilgjenge, til dømes rullestolplass eller teleslynge",
  "rsvp.needs.interpreter": "Tolk (språk eller teiknspråk)",
  "rsvp.needs.other": "Anna",
  "rsvp.needsText": "Skildre gjerne behovet",
  "rsvp.needsTextHint": "Skriv ikkje helseopplysingar eller andre sensitive opplysingar her.",
  "rsvp.consent":
    "Eg har lese personvernerklæringa og godtek at opplysingane blir brukte til å planleggje møtet.",
  "rsvp.privacyLink": "Les personvernerklæringa",
  "rsvp.submit": "Meld meg på",
  "rsvp.submitWaitlist": "Set meg på ventelista",
  "rsvp.honeypot": "La dette feltet stå tomt",
  "rsvp.errorSummary": { one: "Skjemaet har 1 feil", other: "Skjemaet har {count} feil" },
  "rsvp.errorFor": "{label}: {message}",
  "rsvp.spam": "Skjemaet kunne ikkje sendast. Last inn sida på nytt og prøv igjen.",
  "rsvp.rateLimited": {
    one: "Du har sendt mange påmeldingar på kort tid. Vent eitt minutt og prøv igjen.",
    other: "Du har sendt mange påmeldingar på kort tid. Vent {count} minutt og prøv igjen.",
  },
  "rsvp.rateLimitedNetwork": {
    one: "Det kjem svært mange påmeldingar frå nettverket du er på akkurat no. Vent eitt minutt og prøv igjen, eller bruk mobildata i staden for Wi-Fi.",
    other:
      "Det kjem svært mange påmeldingar frå nettverket du er på akkurat no. Vent {count} minutt og prøv igjen, eller bruk mobildata i staden for Wi-Fi.",
  },
  "rsvp.notOpen": "Det er ikkje mogleg å melde seg på dette møtet no.",

  "error.name.required": "Skriv namnet ditt.",
  "error.name.tooLong": "Namnet kan ha høgst 100 teikn.",
  "error.name.invalid": "Namnet kan ikkje innehalde linjeskift eller andre kontrollteikn.",
  "error.email.required": "Skriv e-postadressa di.",
  "error.email.invalid": "Skriv ei gyldig e-postadresse, til dømes namn@døme.no.",
  "error.partySize.invalid": "Vel kor mange som kjem.",
  "error.partySize.tooMany": "De kan vere høgst {max} personar per påmelding.",
  "error.partySize.noRoom": {
    one: "Det er berre plass til 1 person i påmeldinga di no. Vel færre, eller meld deg av og på igjen for å stå på ventelista.",
    other:
      "Det er berre plass til {count} personar i påmeldinga di no. Vel færre, eller meld deg av og på igjen for å stå på ventelista.",
  },
  "error.needsText.tooLong": "Skildringa kan ha høgst 500 teikn.",
  "error.needsText.invalid": "Skildringa inneheld teikn vi ikkje kan ta imot.",
  "error.consent.required": "Du må godta personvernerklæringa for å melde deg på.",
  "error.intent.unknown": "Ukjend handling.",

  "confirm.title.confirmed": "Du er påmeld",
  "confirm.title.waitlisted": "Du står på ventelista",
  "confirm.title.cancelled": "Du er meld av",
  "confirm.updatedBanner": "Endringane er lagra.",
  "confirm.position": "Du er nummer {position} på ventelista.",
  "confirm.summary": "Påmeldinga di",
  "confirm.meeting": "Møte",
  "confirm.name": "Namn",
  "confirm.email": "E-post",
  "confirm.partySize": "Tal på personar",
  "confirm.needs": "Behov",
  "confirm.needsNone": "Ingen oppgitt",
  "confirm.status": "Status",
  "confirm.status.confirmed": "Påmeld",
  "confirm.status.waitlisted": "Venteliste, nummer {position}",
  "confirm.status.cancelled": "Avmeld",
  "confirm.calendar": "Legg i kalenderen (.ics)",
  "confirm.checkInHeading": "Innsjekking",
  "confirm.checkInQrAlt": "QR-kode for innsjekking, kode {code}",
  "confirm.checkInText": "Vis QR-koden i døra, eller sei koden din:",
  "confirm.manageHeading": "Den personlege lenkja di",
  "confirm.manageText":
    "Ta vare på denne lenkja. Med ho kan du sjå, endre eller melde deg av påmeldinga. Ikkje del ho med andre.",
  "confirm.manageLabel": "Personleg lenkje",
  "confirm.changeHeading": "Endre påmeldinga",
  "confirm.save": "Lagre endringane",
  "confirm.cancelHeading": "Kan du ikkje kome?",
  "confirm.cancelText": "Meld deg av, så kan plassen gå til nokon på ventelista.",
  "confirm.cancelLink": "Meld meg av",
  "confirm.backToMeeting": "Gå til møtesida",

  "cancel.title": "Meld deg av",
  "cancel.question": "Vil du melde deg av «{title}»?",
  "cancel.waitlistNote":
    "Dersom du angrar, kan du melde deg på igjen, men då kan plassen vere teken.",
  "cancel.confirm": "Ja, meld meg av",
  "cancel.back": "Nei, gå tilbake",
  "cancel.done": "Vi har sendt deg ei stadfesting på e-post.",

  "privacy.title": "Personvern",
  "privacy.intro":
    "Røros kommune er behandlingsansvarleg for opplysingane du gir når du melder deg på eit folkemøte.",
  "privacy.whatHeading": "Kva vi lagrar",
  "privacy.what":
    "Namn, e-postadresse, kor mange som kjem, om de kjem i salen eller følgjer møtet digitalt, og eventuelle behov for tilrettelegging som du sjølv oppgir. Vi lagrar òg når du melde deg på, og ein kode laga frå nettverksadressa du melde deg på frå (ikkje sjølve adressa). Nettlesaren din får ein tilfeldig kode i ein informasjonskapsel, og med påmeldinga lagrar vi berre ein kontrollsum av han. Med dette kan vi sjå og stoppe mange påmeldingar frå same stad eller same nettlesar, utan å stoppe ein heil sal som bruker same trådlause nett.",
  "privacy.whyHeading": "Kvifor",
  "privacy.why":
    "Opplysingane blir berre brukte til å planleggje møtet: talet på plassar, venteliste, tilrettelegging, påminningar og melding dersom møtet blir endra eller avlyst. Grunnlaget er samtykket ditt.",
  "privacy.whoHeading": "Kven som ser dei",
  "privacy.who":
    "Berre dei tilsette i kommunen som arrangerer møtet. Opplysingane blir ikkje delte med andre og blir ikkje brukte til marknadsføring.",
  "privacy.howLongHeading": "Kor lenge",
  "privacy.rightsHeading": "Rettane dine",
  "privacy.rights":
    "Du har rett til å sjå alle opplysingane vi har om deg, få dei utleverte som ei fil, få dei retta og få dei sletta. Med den personlege lenkja i e-posten kan du òg endre påmeldinga di eller melde deg av. Du kan i tillegg kontakte kommunen, og du kan klage til Datatilsynet.",
  "privacy.sensitive":
    "Skriv ikkje helseopplysingar eller andre sensitive opplysingar om deg sjølv eller andre i skjemaet.",

  "manage.notFound.title": "Fann ikkje påmeldinga",
  "manage.notFound.body": "Lenkja verkar ikkje. Sjekk at du har kopiert heile lenkja frå e-posten.",

  "error.notFound.title": "Fann ikkje sida",
  "error.notFound.body": "Sida finst ikkje. Kanskje adressa er skriven feil?",
  "error.badRequest.title": "Noko var gale med førespurnaden",
  "error.tooMany.title": "For mange forsøk",
  "error.server.title": "Noko gjekk gale",
  "error.server.body": "Det oppstod ein feil hos oss. Prøv igjen om litt.",
  "error.backHome": "Gå til framsida",

  "error.unsupportedType.title": "Skjemaet kunne ikkje lesast",
  "error.unsupportedType.body":
    "Vi tek berre imot skjema sende frå nettsida. Gå tilbake, last inn sida på nytt og send skjemaet derifrå.",
  "error.brokenForm.title": "Skjemaet kom ikkje fram i heilskap",
  "error.brokenForm.body":
    "Noko gjekk gale på vegen, og vi kunne ikkje lese skjemaet. Last inn sida på nytt og prøv igjen.",
  "error.tooLarge.title": "For mykje innhald",
  "error.tooLarge.body":
    "Det som vart sendt, var større enn vi tek imot. Gå tilbake og prøv igjen med mindre innhald.",
  "error.methodNotAllowed.title": "Dette kan ikkje sendast hit",
  "error.methodNotAllowed.body": "Sida tek ikkje imot skjema. Gå tilbake og prøv igjen.",

  "error.forbidden.title": "Ingen tilgang",
  "error.forbidden": "Du har ikkje tilgang til denne sida.",
  "error.crossSite": "Førespurnaden kom frå ein annan nettstad og vart avvist.",
  "error.busy.title": "Mange loggar inn akkurat no",
  "error.busy.body": "Vent nokre sekund og prøv igjen.",

  "sent.title": "Sjekk e-posten din",
  "sent.body":
    "Takk! Vi har sendt ein e-post til adressa du skreiv inn. Der står det om du har fått plass eller står på ventelista, og du får ei personleg lenkje der du kan sjå, endre eller melde deg av.",
  "sent.alreadyNote":
    "Var adressa alt påmeld dette møtet, er ingenting endra: då får du i staden ein e-post med lenkja til påmeldinga du har.",
  "sent.noMail":
    "Ser du ikkje e-posten etter nokre minutt, sjekk søppelpost-mappa eller kontakt kommunen.",

  "error.name.link": "Namnet kan ikkje innehalde ei nettadresse. Skriv berre namnet ditt.",
  "error.name.email":
    "Namnet kan ikkje innehalde ei e-postadresse. Skriv e-postadressa i feltet for e-post.",
  "error.name.hidden":
    "Namnet inneheld usynlege teikn (til dømes retningsmarkørar eller teikn utan breidd). Skriv namnet på nytt.",

  "rsvp.browserLimit": {
    zero: "Du har alt meldt på mange til dette møtet frå denne nettlesaren, så vi kan ikkje ta imot fleire påmeldingar herifrå. Kontakt kommunen dersom de er fleire som skal kome.",
    one: "Du har alt meldt på mange til dette møtet frå denne nettlesaren. Herifrå kan du melde på høgst 1 person til. Vel færre, eller kontakt kommunen dersom de er fleire.",
    other:
      "Du har alt meldt på mange til dette møtet frå denne nettlesaren. Herifrå kan du melde på høgst {count} personar til. Vel færre, eller kontakt kommunen dersom de er fleire.",
  },
  "rsvp.clientLimit": {
    zero: "Det er alt meldt på mange frå same nettverk til dette møtet, så vi kan ikkje ta imot fleire påmeldingar herifrå. Kontakt kommunen dersom de er fleire som skal kome.",
    one: "Det er alt meldt på mange frå same nettverk til dette møtet. Herifrå kan du melde på høgst 1 person til. Vel færre, eller kontakt kommunen dersom de er fleire.",
    other:
      "Det er alt meldt på mange frå same nettverk til dette møtet. Herifrå kan du melde på høgst {count} personar til. Vel færre, eller kontakt kommunen dersom de er fleire.",
  },

  "confirm.cancelledRejoin":
    "Du er ikkje lenger påmeld. Ombestemmer du deg, kan du melde deg på igjen her.",
  "confirm.cancelledByOrganiser":
    "Arrangøren har meldt deg av. Kontakt kommunen dersom du meiner det er feil.",
  "confirm.cancelledClosed":
    "Du er ikkje lenger påmeld. Det er ikkje mogleg å melde seg på dette møtet no.",
  "confirm.rejoin": "Meld meg på igjen",
  "confirm.rejoinedBanner": "Du er påmeld igjen. Vi har sendt ei stadfesting på e-post.",
  "confirm.rejoinedWaitlistBanner":
    "Du står på ventelista igjen, som nummer {position}. Vi har sendt ein e-post.",

  "privacy.howLongDays":
    "Namn, e-post, telefonnummer og det du skreiv om behov blir sletta automatisk {days} dagar etter at møtet er over. Vi held berre på talet på påmelde. Samstundes slettar vi namn og e-post til dei som sende spørsmål; sjølve spørsmåla og svara blir ståande.",
  "privacy.howLongUpdates":
    "Ber du om oppdateringar om saka, tek vi vare på e-postadressa til du melder deg av, men ikkje lenger enn {days} dagar etter siste oppdatering om saka (eller etter møtet, dersom det er seinare). Stadfestar du ikkje, blir ho sletta saman med påmeldingane. E-postane vi har sendt deg, blir sletta saman med opplysningane dei galdt.",

  "questions.heading": "Spørsmål til møtet",
  "questions.askHeading": "Send eit spørsmål",
  "questions.askTitle": "Send eit spørsmål til {title}",
  "questions.askLink": "Send eit spørsmål",
  "questions.askIntro":
    "Du treng ikkje melde deg på for å spørje. Spørsmålet er anonymt dersom du ikkje sjølv vel å vise namnet ditt.",
  "questions.hallIntro": "Er du i salen? Send spørsmålet her, så kjem det til møteleiaren.",
  "questions.note.heading": "Før du skriv",
  "questions.note.moderated":
    "Kommunen les alle spørsmål før dei blir viste på nettsida. Vi svarer på så mange som mogleg på møtet, og legg ut skriftlege svar etterpå.",
  "questions.note.privacy":
    "Ikkje skriv namn eller opplysingar om andre personar, til dømes om helse eller familie. Alle har krav på personvern, og kommunen har teieplikt.",
  "questions.criteria.heading": "Slik modererer vi",
  "questions.criteria.intro":
    "Vi publiserer spørsmål som handlar om saka. Vi publiserer ikkje spørsmål som",
  "questions.criteria.people":
    "nemner eller peikar ut andre personar, eller seier noko om helsa eller livssituasjonen til nokon",
  "questions.criteria.hate": "inneheld hets, truslar, personåtak eller diskriminerande ord",
  "questions.criteria.offTopic": "ikkje handlar om saka, eller er reklame",
  "questions.criteria.duplicates":
    "Like spørsmål slår vi saman, og støtta blir lagd saman. Vi kan fjerne personopplysingar frå eit spørsmål før det blir publisert.",
  "questions.theme": "Tema",
  "questions.other": "Anna",
  "questions.text": "Spørsmålet ditt",
  "questions.textHint": "Høgst {max} teikn.",
  "questions.counter": "{count} av {max} teikn",
  "questions.counterOver": "{count} av {max} teikn – {over} for mange",
  "questions.name": "Namn (valfritt)",
  "questions.showName": "Vis namnet mitt saman med spørsmålet",
  "questions.showNameHint": "Utan avkryssing ser berre kommunen namnet.",
  "questions.email": "E-post (valfritt)",
  "questions.emailHint":
    "Då får du ei kvittering med lenkja til spørsmålet, og e-post når det er svart på eller dersom vi slår det saman med eit likt spørsmål. Vi bruker ikkje adressa til noko anna.",
  "questions.submit": "Send spørsmålet",
  "questions.closed.past": "Møtet er over, og det tek ikkje imot fleire spørsmål.",
  "questions.closed.cancelled": "Møtet er avlyst, og det tek ikkje imot spørsmål.",
  "questions.closed.draft": "Møtet tek ikkje imot spørsmål enno.",
  "questions.rateLimited": {
    one: "Du har sendt mange spørsmål på kort tid. Vent eitt minutt og prøv igjen.",
    other: "Du har sendt mange spørsmål på kort tid. Vent {count} minutt og prøv igjen.",
  },
  "questions.rateLimitedNetwork": {
    one: "Det kjem svært mange spørsmål frå nettverket du er på akkurat no. Vent eitt minutt og prøv igjen, eller bruk mobildata i staden for Wi-Fi.",
    other:
      "Det kjem svært mange spørsmål frå nettverket du er på akkurat no. Vent {count} minutt og prøv igjen, eller bruk mobildata i staden for Wi-Fi.",
  },
  "error.question.pendingLimit":
    "Det ventar alt svært mange spørsmål frå nettverket du er på. Prøv igjen når møteleiaren har gått gjennom dei, eller bruk mobildata i staden for Wi-Fi.",

  "error.question.badForm": "Skjemaet kom ikkje fram slik det skulle. Gå tilbake og prøv igjen.",
  "error.question.required": "Skriv spørsmålet ditt.",
  "error.question.tooShort": "Spørsmålet må ha minst {min} teikn.",
  "error.question.tooLong": "Spørsmålet kan ha høgst {max} teikn.",
  "error.question.invalid": "Teksten kan ikkje innehalde kontrollteikn.",
  "error.question.theme": "Vel eit tema.",
  "error.question.closed": "Møtet tek ikkje imot spørsmål no.",
  "error.question.notPending": "Spørsmålet er alt behandla, så det kan ikkje endrast.",
  "error.question.notFound": "Fann ikkje spørsmålet.",
  "error.question.notApproved": "Spørsmålet er ikkje publisert.",

  "receipt.title": "Spørsmålet ditt",
  "receipt.sent": "Takk! Spørsmålet er sendt. Det blir vist på møtesida når kommunen har lese det.",
  "receipt.mailed": "Vi har òg sendt lenkja til e-postadressa du gav opp.",
  "receipt.saved": "Endringa er lagra.",
  "receipt.withdrawn": "Spørsmålet er trekt tilbake.",
  "receipt.status": "Status",
  "receipt.status.pending": "Ventar på moderering",
  "receipt.status.approved": "Publisert",
  "receipt.status.rejected": "Ikkje publisert",
  "receipt.status.withdrawn": "Trekt tilbake",
  "receipt.status.merged": "Slått saman med eit likt spørsmål",
  "privacy.kind.nationalId": "Fødselsnummer eller D-nummer",
  "privacy.kind.phone": "Telefonnummer",
  "privacy.kind.email": "E-postadresse",
  "privacy.kind.address": "Gateadresse",
  "privacy.kind.health": "Ord om helse eller diagnose",
  "privacy.why.nationalId":
    "eit fødselsnummer peikar ut éin bestemd person og skal aldri stå i eit offentleg spørsmål.",
  "privacy.why.phone": "eit telefonnummer kan vise kven det gjeld.",
  "privacy.why.email": "ei e-postadresse kan vise kven det gjeld.",
  "privacy.why.address": "ei adresse kan vise kven som bur der.",
  "privacy.why.health": "opplysningar om helse er særleg verna, og kommunen har teieplikt om dei.",
  "privacy.step.heading": "Sjekk spørsmålet før du sender",
  "privacy.step.intro": "Det ser ut som spørsmålet inneheld opplysningar om ein person:",
  "privacy.step.why":
    "Publiserte spørsmål er offentlege. Kommunen har teieplikt og kan ikkje stadfeste eller avkrefte noko om enkeltpersonar.",
  "privacy.step.choices":
    "Du kan skrive om spørsmålet, sende det likevel til moderering (då kan det bli avvist eller skrive om), eller sende det privat til kommunen.",
  "privacy.step.sendAnyway": "Send likevel til moderering",
  "privacy.step.sendPrivately": "Send privat til kommunen",
  "privacy.step.reword":
    "Vil du skrive om? Endre teksten i feltet under og trykk «Send spørsmålet» igjen.",
  "privacy.live.found": "Det ser ut som teksten inneheld opplysningar om ein person:",
  "privacy.live.hint":
    "Sjekken skjer berre i nettlesaren din. Skriv om, eller vel å sende spørsmålet privat.",
  "questions.private": "Send privat til kommunen",
  "questions.privateHint":
    "Spørsmålet blir aldri vist offentleg. Kommunen svarar deg på e-post, så du må oppgi e-postadressa di.",
  "questions.criteriaLink": "Slik modererer vi, og kva som har skjedd med spørsmåla",
  "moderation.heading": "Kva som har skjedd med spørsmåla",
  "moderation.intro":
    "Tal for dette møtet. Vi viser aldri teksten i spørsmål som ikkje er publiserte.",
  "moderation.received": "Motteke",
  "moderation.published": "Publisert",
  "moderation.merged": "Slått saman med eit likt spørsmål",
  "moderation.answered": "Svart på",
  "moderation.declined": "Ikkje publisert: {reason}",
  "moderation.reason.personalData": "personopplysningar",
  "moderation.reason.duplicate": "likt eit anna spørsmål",
  "moderation.reason.offTopic": "handlar ikkje om saka",
  "moderation.reason.abusive": "hets eller personåtak",
  "moderation.reason.other": "anna grunn",
  "moderation.private": "Sende privat til kommunen og svara direkte, aldri viste: {count}",
  "receipt.status.private": "Sendt privat til kommunen – ventar på svar",
  "receipt.status.privateAnswered": "Sendt privat til kommunen – svart på",
  "receipt.privateText":
    "Du sende spørsmålet privat. Det blir aldri vist offentleg, og svaret kjem berre til deg.",
  "receipt.reason": "Grunn",
  "error.question.privateNeedsEmail":
    "Skriv e-postadressa di: eit privat spørsmål blir svart på e-post.",
  "error.question.private": "Eit privat spørsmål kan ikkje publiserast eller slåast saman.",
  "error.question.privacyUnconfirmed":
    "Spørsmålet kan innehalde personopplysningar. Stadfest at det er skrive om, eller at det ikkje inneheld personopplysningar, før det blir publisert.",
  "error.question.privacyWarning": "Teksten ser ut til å innehalde personopplysningar.",
  "error.question.rejectCategory": "Vel kvifor spørsmålet ikkje blir publisert.",
  "receipt.rejectedText":
    "Spørsmålet vart ikkje publisert fordi det ikkje følgde retningslinjene våre. Du kan sende eit nytt spørsmål.",
  "receipt.mergedLink": "Sjå spørsmålet det vart slått saman med",
  "receipt.meeting": "Møte",
  "receipt.theme": "Tema",
  "receipt.yourText": "Det du skreiv",
  "receipt.publicText": "Slik er det publisert",
  "receipt.answer": "Svar",
  "receipt.support": "Støtte",
  "receipt.linkHeading": "Den private lenkja di",
  "receipt.linkText":
    "Ta vare på lenkja. Med ho kan du sjå status, endre teksten medan spørsmålet ventar på moderering, og trekkje det tilbake. Ikkje del ho med andre.",
  "receipt.editHeading": "Endre spørsmålet",
  "receipt.editSubmit": "Lagre endringa",
  "receipt.withdrawHeading": "Trekk tilbake spørsmålet",
  "receipt.withdrawText": "Spørsmålet blir fjerna frå lista og frå møtet.",
  "receipt.withdrawConfirm": "Ja, eg vil trekkje tilbake spørsmålet",
  "receipt.withdrawSubmit": "Trekk tilbake",
  "receipt.withdrawNotConfirmed": "Kryss av for å stadfeste at du vil trekkje tilbake spørsmålet.",
  "receipt.notFound.title": "Fann ikkje spørsmålet",
  "receipt.notFound.body": "Lenkja er ikkje gyldig. Sjekk at du har fått med heile adressa.",
  "receipt.back": "Tilbake til møtesida",

  "list.title": "Spørsmål: {title}",
  "list.heading": "Spørsmål frå innbyggjarane",
  "list.empty": "Ingen spørsmål er publiserte enno.",
  "list.count": "Viser {shown} av {total} spørsmål.",
  "list.sort": "Sorter",
  "list.sort.support": "Mest støtta",
  "list.sort.newest": "Nyaste",
  "list.sort.agenda": "Rekkjefølgja til møteleiaren",
  "list.themeFilter": "Tema",
  "list.allThemes": "Alle tema",
  "list.apply": "Vis",
  "list.showMore": "Vis fleire spørsmål",
  "list.support": "Eg lurer òg på dette",
  "list.supportFor": "Eg lurer òg på dette: {text}",
  "list.supported": "Du lurer òg på dette",
  "list.supportCount": { one: "1 lurer på dette", other: "{count} lurer på dette" },
  "list.askedBy": "Spurt av {name}",
  "list.answered": "Svart på",
  "list.answer": "Svar frå kommunen",
  "list.nowAnswering": "No svarer panelet på",
  "list.seeAll": "Sjå alle spørsmåla",
  "list.summary": "Referat frå møtet",
  "list.attachments": "Vedlegg",
  "list.supportThanks": "Takk! Støtta er registrert.",
  "list.supportAlready": "Du har alt støtta dette spørsmålet.",
  "list.supportRateLimited": "For mange klikk på kort tid. Vent litt og prøv igjen.",
  "list.live.on": "Lista blir oppdatert av seg sjølv.",
  "list.live.off": "Last inn sida på nytt for å sjå dei siste endringane.",

  "hall.title": "Send spørsmål frå salen",

  "subscribe.heading": "Hald meg oppdatert om saka",
  "subscribe.intro":
    "Få e-post når kommunen har nytt om saka. Du må stadfeste adressa først, og du kan melde deg av med eitt klikk i kvar e-post.",
  "subscribe.email": "E-postadressa di",
  "subscribe.submit": "Hald meg oppdatert",
  "subscribe.sent.title": "Sjekk e-posten din",
  "subscribe.sent.body":
    "Dersom adressa er rett, får du straks ein e-post med ei lenkje. Trykk på ho for å stadfeste. Vi sender ingen oppdateringar før du har stadfesta.",
  "subscribe.confirm.title": "Stadfest abonnementet",
  "subscribe.confirm.body": "Stadfest at du vil få e-post om saka «{title}».",
  "subscribe.confirm.submit": "Ja, hald meg oppdatert",
  "subscribe.confirmed.title": "Du får oppdateringar",
  "subscribe.confirmed.body": "Takk! Du får e-post når kommunen har nytt om saka «{title}».",
  "subscribe.invalid.title": "Lenkja verkar ikkje",
  "subscribe.invalid.body":
    "Lenkja er ikkje gyldig lenger. Du kan melde deg på igjen frå møtesida.",
  "unsubscribe.title": "Meld deg av oppdateringar",
  "unsubscribe.body": "Vil du slutte å få e-post om saka «{title}»?",
  "unsubscribe.submit": "Meld meg av",
  "unsubscribe.done.title": "Du er meld av",
  "unsubscribe.done.body": "Du får ikkje fleire e-postar om saka «{title}».",
  "updates.heading": "Oppdateringar om saka",
  "privacy.questionsHeading": "Spørsmål og oppdateringar om saka",
  "privacy.questions":
    "Sender du eit spørsmål, lagrar vi teksten og temaet, og namn og e-post dersom du oppgir dei. Namnet blir berre vist dersom du kryssar av for det. E-posten ser berre kommunen, og vi bruker han berre til å sende deg ei kvittering med lenkja til spørsmålet, og til å seie frå når det er svart på eller slått saman med eit likt spørsmål. Når du sender eller støttar eit spørsmål, lagrar nettlesaren ein tilfeldig kode i ein informasjonskapsel, slik at kvar person berre kan støtte eit spørsmål éin gong og ikkje kan sende svært mange spørsmål; hos oss blir berre ein kontrollsum av koden lagra. Medan spørsmålet ventar på moderering, lagrar vi òg ein kode laga frå nettverksadressa det kom frå (ikkje sjølve adressa); han blir sletta når spørsmålet er behandla. Ber du om oppdateringar om saka, lagrar vi e-postadressa. Melder du deg av, slettar vi henne.",

  "meeting.whatToBring": "Praktisk",

  "calendar.add": "Legg i kalender",
  "calendar.google": "Google Kalender",
  "calendar.outlook": "Outlook.com",
  "calendar.office365": "Office 365",
  "calendar.download": "Last ned kalenderfil (.ics)",
  "calendar.subscribe": "Abonner på alle møta i kalenderen din",
  "calendar.feedName": "Folkemøte i Røros kommune",

  "phase.running": "Møtet er i gang no.",
  "phase.draft": "Arrangøren har teke møtet bort frå nettsida inntil vidare.",
  "phase.draft.attendee": "Påmeldinga di er lagra.",
  "phase.cancelled.public":
    "Du kan ikkje melde deg på eller sende spørsmål. Er du påmeld, treng du ikkje gjere noko.",
  "phase.cancelled.attendee":
    "Du treng ikkje gjere noko, og du treng ikkje melde deg av. Har du lagt møtet i kalenderen, kan du slette det der.",
  "phase.cancelled.asker": "Spørsmålet ditt blir difor ikkje teke opp på møtet.",
  "phase.answers": "Sjå svara og referatet frå møtet",
  "confirm.title.meetingCancelled": "Møtet er avlyst",
  "confirm.title.ended": "Møtet er over",
  "confirm.status.meetingCancelled": "Gjeld ikkje, fordi møtet er avlyst",
  "confirm.status.waitlistedEnded": "Stod på ventelista",

  "language.label": "Språk",
  "meeting.phone": "tlf. {phone}",
  "privacy.languageHeading": "Språkval",
  "privacy.language":
    "Vel du språk øvst på sida, hugsar nettlesaren valet i eitt år i ein informasjonskapsel som berre inneheld språket. Påmeldingar, spørsmål og abonnement lagrar språket dei vart sende på.",
  ...nnOwnData,
  ...nnOnline,
};
