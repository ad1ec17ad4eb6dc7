/**
 * Bokmål texts for the footer's accessibility links and the /accessibility page: what the
 * service is tested against, how, what is known not to be good enough yet, and where to say so.
 * Every sentence about testing must stay true of e2e/ (route-coverage, keyboard, no-JS, reflow).
 */
export const nbAccessibility = {
  "site.footer.accessibility": "Tilgjengelighet",
  "site.footer.statement": "Tilgjengelighetserklæring (uustatus.no)",

  "accessibility.title": "Tilgjengelighet",
  "accessibility.intro":
    "Alle skal kunne finne møtene, melde seg på og sende spørsmål, også med skjermleser, med bare tastatur, med forstørrelse, på en liten mobil eller uten JavaScript.",
  "accessibility.statementHeading": "Tilgjengelighetserklæringen",
  "accessibility.statement":
    "{owner} publiserer tilgjengelighetserklæringen for denne tjenesten hos Digitaliseringsdirektoratet på uustatus.no, slik loven krever.",
  "accessibility.statementLink": "Les tilgjengelighetserklæringen på uustatus.no",
  "accessibility.statementNotLinked": "Lenken til erklæringen er ikke lagt inn her ennå.",
  "accessibility.standardHeading": "Hva tjenesten skal oppfylle",
  "accessibility.standard":
    "Tjenesten skal oppfylle WCAG 2.1 nivå A og AA, som forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT) løsninger krever. Det gjelder både sidene for innbyggere og sidene arrangørene bruker.",
  "accessibility.howHeading": "Slik tester vi",
  "accessibility.how.axe":
    "Hver gang koden endres, går automatiske tester gjennom tjenesten i en ekte nettleser. Verktøyet axe sjekker hver side mot reglene for WCAG 2.1 A og AA, også arrangørenes sider, i de tilstandene testene kommer til, for eksempel et skjema med feil. Testene feiler hvis axe finner ett eneste brudd, eller hvis en side ikke er sjekket.",
  "accessibility.how.keyboard":
    "Vi tester at du kan melde deg på med bare tastatur, og at arrangørene kan moderere spørsmål og styre storskjermen med bare tastatur.",
  "accessibility.how.noScript":
    "Påmelding, endring, avmelding og spørsmål testes også med JavaScript slått av.",
  "accessibility.how.reflow":
    "Hver side testes i 320 piksler bredde, som på en liten mobil eller med 400 % forstørrelse, og skal ikke måtte rulles sidelengs. Brede tabeller på arrangørenes sider rulles i sitt eget felt.",
  "accessibility.gapsHeading": "Det som ikke er godt nok ennå",
  "accessibility.gap.manual":
    "Ingen som bruker skjermleser eller andre hjelpemidler har testet tjenesten ennå, og den er ikke revidert av andre. Automatiske tester finner bare en del av feilene.",
  "accessibility.gap.languages":
    "Axe sjekker alle sider på bokmål, men bare noen av dem på nynorsk og engelsk.",
  "accessibility.gap.mail":
    "E-postene tjenesten sender, som bekreftelser og påminnelser, sjekkes ikke med axe.",
  "accessibility.gap.ownTexts":
    "Møtebeskrivelse, program og svar skriver arrangørene selv, og PDF-vedlegg lager de selv. Tjenesten sjekker ikke om tekstene er lette å forstå eller om vedleggene er universelt utformet.",
  "accessibility.gap.wcag22": "Tjenesten er ikke testet mot de nye kravene i WCAG 2.2.",
  "accessibility.gap.organiserNoScript":
    "Arrangørenes sider er bare delvis testet uten JavaScript.",
  "accessibility.feedbackHeading": "Si fra om noe ikke virker",
  "accessibility.feedback":
    "Får du ikke til noe, eller er noe vanskelig å bruke? Skriv til oss. Si gjerne hvilken side det gjelder og hva du brukte, for eksempel mobil, skjermleser eller forstørrelse.",
  "accessibility.feedbackEmail": "E-post:",
  "accessibility.feedbackSubject": "Tilgjengelighet på folkemøtesidene",
  "accessibility.complaint":
    "Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT:",
} as const;
