import { describe, expect, it } from "vitest";
import { honeypot, isSpam } from "./honeypot.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const person = { name: "Kari Nordmann", email: "kari@example.no", partySize: "1", consent: "on" };

describe("isSpam", () => {
  it("lets a form through that carries the page's timestamp and an empty trap field", async () => {
    const { encryptedValidFrom } = await honeypot().getInputProps({
      validFromTimestamp: Date.now() - 5000,
    });
    expect(await isSpam(form({ ...person, website: "", from__confirm: encryptedValidFrom }))).toBe(
      false,
    );
  });

  it("treats a post without the timestamp as spam, with or without the trap field", async () => {
    // A bare curl post: the library skips its whole check when both fields are missing.
    expect(await isSpam(form(person))).toBe(true);
    expect(await isSpam(form({ ...person, website: "" }))).toBe(true);
    expect(await isSpam(form({ ...person, website: "", from__confirm: "" }))).toBe(true);
  });

  it("treats a filled trap field and a forged or future timestamp as spam", async () => {
    const { encryptedValidFrom } = await honeypot().getInputProps();
    expect(
      await isSpam(
        form({ ...person, website: "https://spam.example", from__confirm: encryptedValidFrom }),
      ),
    ).toBe(true);
    expect(await isSpam(form({ ...person, website: "", from__confirm: "not-encrypted" }))).toBe(
      true,
    );
    const future = await honeypot().getInputProps({ validFromTimestamp: Date.now() + 3_600_000 });
    expect(
      await isSpam(form({ ...person, website: "", from__confirm: future.encryptedValidFrom })),
    ).toBe(true);
  });
});
