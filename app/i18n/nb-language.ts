/** Bokmål texts for choosing the page's language, and small labels that had no key. */
export const nbLanguage = {
  "language.label": "Språk",
  "meeting.phone": "tlf. {phone}",
  "privacy.languageHeading": "Språkvalg",
  "privacy.language":
    "Velger du språk øverst på siden, husker nettleseren valget i ett år i en informasjonskapsel som bare inneholder språket. Påmeldinger, spørsmål og abonnementer lagrer språket de ble sendt på.",
} as const;
