/** Bokmål texts for choosing the page's language, and small labels that had no key. */
export const nbLanguage = {
  "language.label": "Språk",
  "meeting.phone": "tlf. {phone}",
} as const;
