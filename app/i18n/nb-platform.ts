/**
 * Norwegian bokmål for what the platform answers on its own: refused request bodies, a busy
 * login, and the other error pages the root error boundary shows. Same rules as nb.ts.
 */
export const nbPlatform = {
  "error.forbidden.title": "Ingen tilgang",
  "error.forbidden": "Du har ikke tilgang til denne siden.",
  "error.crossSite": "Forespørselen kom fra et annet nettsted og ble avvist.",
  "error.unsupportedType.title": "Skjemaet kunne ikke leses",
  "error.unsupportedType.body":
    "Vi tar bare imot skjemaer sendt fra nettsiden. Gå tilbake, last inn siden på nytt og send skjemaet derfra.",
  "error.brokenForm.title": "Skjemaet kom ikke fram i sin helhet",
  "error.brokenForm.body":
    "Noe gikk galt på veien, og vi kunne ikke lese skjemaet. Last inn siden på nytt og prøv igjen.",
  "error.tooLarge.title": "For mye innhold",
  "error.tooLarge.body":
    "Det som ble sendt, var større enn vi tar imot. Gå tilbake og prøv igjen med mindre innhold.",
  "error.busy.title": "Mange logger inn akkurat nå",
  "error.busy.body": "Vent noen sekunder og prøv igjen.",
  "error.login.busy": "Mange logger inn akkurat nå. Vent noen sekunder og prøv igjen.",
  "error.methodNotAllowed.title": "Dette kan ikke sendes hit",
  "error.methodNotAllowed.body": "Siden tar ikke imot skjemaer. Gå tilbake og prøv igjen.",
} as const;
