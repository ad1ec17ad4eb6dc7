import { describe, expect, it } from "vitest";
import { findingKinds, highlight } from "./findings";
import { findPersonalData, healthWords, isNationalId, DEFAULT_HEALTH_WORDS } from "./privacy-guard";

const kinds = (text: string, words?: string[]) => findPersonalData(text, words).map((f) => f.kind);
const texts = (text: string) => findPersonalData(text).map((f) => f.text);

describe("national identity numbers", () => {
  it("knows a fødselsnummer and a D-nummer by their control digits", () => {
    // 15.03.85, individual number 101, control digits 9 and 0 (worked out by hand).
    expect(isNationalId("15038510190")).toBe(true);
    expect(isNationalId("31129910065")).toBe(true);
    // D-nummer: day + 40.
    expect(isNationalId("55038510184")).toBe(true);
  });

  it("flags one in a question, with or without a space after the date", () => {
    expect(texts("Naboen har fødselsnummer 15038510190, det står på postkassa")).toEqual([
      "15038510190",
    ]);
    expect(kinds("Fnr 150385 10190 til han som skal flytte inn")).toEqual(["nationalId"]);
  });

  it("does not flag 11 digits with a wrong control digit", () => {
    expect(isNationalId("15038510191")).toBe(false);
    expect(isNationalId("15038510180")).toBe(false);
    expect(kinds("Saksnummer 15038510191 i arkivet")).not.toContain("nationalId");
  });

  it("does not flag a date-like number that fails the check, nor a number that is no date", () => {
    expect(isNationalId("10122026190")).toBe(false);
    expect(isNationalId("32019912345")).toBe(false);
    expect(kinds("Se sak 10122026190 fra planutvalget")).not.toContain("nationalId");
  });
});

describe("phone numbers", () => {
  it("flags Norwegian mobile and landline numbers, with and without +47", () => {
    expect(kinds("Ring Per på 912 34 567 om dette")).toEqual(["phone"]);
    expect(kinds("Hun har nummer 91234567")).toEqual(["phone"]);
    expect(kinds("Tlf. +47 72 41 94 00")).toEqual(["phone"]);
    expect(kinds("ring 0047 912 34 567")).toEqual(["phone"]);
  });

  it("flags an international number", () => {
    expect(kinds("Sønnen hans har +46 70 123 45 67")).toEqual(["phone"]);
  });

  it("does not take a meeting time, a count or a date for a phone number", () => {
    expect(kinds("Møtet er klokka 19.00 i Storstuggu")).toEqual([]);
    expect(kinds("Vi var 20 deltakere sist")).toEqual([]);
    expect(kinds("Torsdag 10.12.2026 kl. 19.00–21.00")).toEqual([]);
    expect(kinds("Byggestart 2024 2025 eller senere?")).toEqual([]);
    expect(kinds("Hvorfor koster det 12 000 000 kroner?")).toEqual([]);
  });
});

describe("e-mail addresses", () => {
  it("flags an address", () => {
    expect(texts("Skriv til kari.nordmann@example.no om hun får plass")).toEqual([
      "kari.nordmann@example.no",
    ]);
  });

  it("does not flag an @ without a domain", () => {
    expect(kinds("Vi møtes @ Storstuggu")).toEqual([]);
  });
});

describe("street addresses", () => {
  it("flags Røros-style addresses", () => {
    expect(texts("Han bor i Gjøsvikvegen 12 nå")).toEqual(["Gjøsvikvegen 12"]);
    expect(texts("Familien i Kjerkgata 5B")).toEqual(["Kjerkgata 5B"]);
    expect(kinds("Skal de flytte fra Osloveien 3?")).toEqual(["address"]);
    expect(kinds("Hyttbakken 7 og Ormhaugvegen 2 A")).toEqual(["address", "address"]);
    expect(kinds("nede i Sundveglia 14")).toEqual(["address"]);
  });

  it("does not flag a street without a number, or a road word alone", () => {
    expect(kinds("Blir det mer trafikk i Gjøsvikvegen?")).toEqual([]);
    expect(kinds("Vi gikk vegen 3 ganger")).toEqual([]);
    expect(kinds("Kjerkgata har 2 fortau")).toEqual([]);
  });
});

describe("health words", () => {
  it("flags a diagnosis at the start of a word, any case", () => {
    expect(kinds("Er det riktig at han har demens?")).toEqual(["health"]);
    expect(texts("Hun fikk DIAGNOSEN i fjor")).toEqual(["DIAGNOSEN"]);
    expect(kinds("Han er psykisk  syk")).toEqual(["health"]);
  });

  it("does not flag a word that only contains one", () => {
    // "kreft" inside "arbeidskreft" is not a diagnosis.
    expect(kinds("Kommunen mangler arbeidskreft")).toEqual([]);
    expect(kinds("Hvor mange plasser blir det?")).toEqual([]);
  });

  it("uses a meeting's own list, or the default when it is empty", () => {
    expect(healthWords("")).toEqual(DEFAULT_HEALTH_WORDS);
    expect(healthWords(" Rusomsorg \n\nx\n")).toEqual(["rusomsorg"]);
    expect(kinds("Er det rusomsorg?", healthWords("rusomsorg"))).toEqual(["health"]);
    expect(kinds("Har han demens?", healthWords("rusomsorg"))).toEqual([]);
  });
});

describe("several findings", () => {
  it("lists each kind once, the most identifying first, and highlights in order", () => {
    const text = "Ola i Gjøsvikvegen 12 har demens, ring 912 34 567";
    const findings = findPersonalData(text);
    expect(findingKinds(findings)).toEqual(["phone", "address", "health"]);
    expect(highlight(text, findings)).toEqual([
      { text: "Ola i ", kind: null },
      { text: "Gjøsvikvegen 12", kind: "address" },
      { text: " har ", kind: null },
      { text: "demens", kind: "health" },
      { text: ", ring ", kind: null },
      { text: "912 34 567", kind: "phone" },
    ]);
  });

  it("finds nothing in an ordinary question", () => {
    expect(
      findPersonalData("Hvor mange småhus blir det, og når starter byggingen bak sykehjemmet?"),
    ).toEqual([]);
  });
});
