import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { bokmalForTests as bokmal, isMessageKey, translator, type Entry } from "./index";
import { nn } from "./nn";

const others = { nn, en } as const;

const forms = (entry: Entry) => (typeof entry === "string" ? ["text"] : Object.keys(entry).sort());
const placeholders = (entry: Entry) => {
  const texts = typeof entry === "string" ? [entry] : Object.values(entry);
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/{(\w+)}/g)].map((m) => m[1]))),
  ].sort();
};

describe.each(Object.entries(others))("the %s catalogue", (_language, catalogue) => {
  const entries = Object.entries(catalogue) as [keyof typeof bokmal, Entry][];

  it("has only keys bokmål has", () => {
    expect(entries.map(([key]) => key).filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("uses the same placeholders and plural forms as bokmål, key by key", () => {
    const differ = entries
      .filter(
        ([key, entry]) =>
          JSON.stringify([forms(entry), placeholders(entry)]) !==
          JSON.stringify([forms(bokmal[key]), placeholders(bokmal[key])]),
      )
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it("has no text left empty", () => {
    const empty = entries.filter(([, entry]) =>
      (typeof entry === "string" ? [entry] : Object.values(entry)).some((t) => !t.trim()),
    );
    expect(empty).toEqual([]);
  });
});

describe("translations", () => {
  it("speak nynorsk and English where bokmål says 'ikke' and 'møtene'", () => {
    expect(translator("nn")("meeting.past")).toBe("Dette møtet er over.");
    expect(translator("nn")("rsvp.notOpen")).toContain("ikkje");
    expect(translator("en")("rsvp.submit")).toBe("Sign me up");
  });

  it("choose plural forms by each language's rules", () => {
    expect(translator("nn")("index.seatsLeft", { count: 0 })).toBe(
      "Fullt – du kan stå på venteliste",
    );
    expect(translator("nn")("index.seatsLeft", { count: 1 })).toBe("1 ledig plass");
    expect(translator("nn")("index.seatsLeft", { count: 4 })).toBe("4 ledige plassar");
    expect(translator("en")("rsvp.persons", { count: 1 })).toBe("1 person");
    expect(translator("en")("rsvp.persons", { count: 3 })).toBe("3 people");
  });

  it("fall back to bokmål for organiser texts", () => {
    expect(translator("en")("admin.title")).toBe(translator("nb")("admin.title"));
  });
});

/**
 * Every key a citizen page names literally must have nynorsk and English text: a new text on
 * a citizen page that only exists in bokmål fails here (the compiler checks the catalogues
 * against the list of citizen keys; this checks the pages against the catalogues).
 */
describe("citizen pages", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const citizenFiles = [
    "root.tsx",
    ...readdirSync(path.join(root, "routes"))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => `routes/${f}`),
    ...readdirSync(path.join(root, "routes/questions")).map((f) => `routes/questions/${f}`),
    "components/meeting-facts.tsx",
    "components/questions.tsx",
    "components/question-form.tsx",
    "components/question-list.tsx",
    "components/error-summary.tsx",
    "components/add-to-calendar.tsx",
    "components/after-meeting.tsx",
    "registrations/errors.server.ts",
  ].filter((f) => !f.includes("/bench"));

  it.each(citizenFiles)("%s names only keys that exist in every language", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const named = [...source.matchAll(/"([a-z][\w]*(?:\.[\w]+)+)"/g)]
      .map((m) => m[1]!)
      .filter((key) => isMessageKey(key));
    const missing = [...new Set(named)].filter((key) => !(key in nn) || !(key in en));
    expect(missing).toEqual([]);
  });
});
