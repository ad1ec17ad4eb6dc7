import { afterEach, describe, expect, it, vi } from "vitest";
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

describe("isSpam, decrypting each timestamp once", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("decrypts the timestamp many forms share only for the first of them", async () => {
    const { encryptedValidFrom } = await honeypot().getInputProps({
      validFromTimestamp: Date.now() - 61_000,
    });
    const decrypt = vi.spyOn(crypto.subtle, "decrypt");
    for (let i = 0; i < 3; i++) {
      expect(
        await isSpam(form({ ...person, website: "", from__confirm: encryptedValidFrom })),
      ).toBe(false);
    }
    expect(decrypt).toHaveBeenCalledTimes(1);
    // The trap field is still looked at on every post.
    expect(await isSpam(form({ ...person, website: "x", from__confirm: encryptedValidFrom }))).toBe(
      true,
    );
  });

  it("checks a remembered timestamp against the clock each time", async () => {
    const now = Date.now();
    const { encryptedValidFrom } = await honeypot().getInputProps({
      validFromTimestamp: now + 3_600_000,
    });
    const post = () => isSpam(form({ ...person, website: "", from__confirm: encryptedValidFrom }));
    expect(await post()).toBe(true);
    expect(await post()).toBe(true);
    vi.useFakeTimers({ now: now + 7_200_000, toFake: ["Date"] });
    expect(await post()).toBe(false);
  });

  it("checks a value padded with whitespace but does not remember it", async () => {
    const { encryptedValidFrom } = await honeypot().getInputProps({
      validFromTimestamp: Date.now() - 122_000,
    });
    const padded = `${encryptedValidFrom}${" ".repeat(1000)}`;
    const decrypt = vi.spyOn(crypto.subtle, "decrypt");
    expect(await isSpam(form({ ...person, website: "", from__confirm: padded }))).toBe(false);
    expect(await isSpam(form({ ...person, website: "", from__confirm: padded }))).toBe(false);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it("never remembers a value that does not decrypt", async () => {
    const { encryptedValidFrom } = await honeypot().getInputProps({
      validFromTimestamp: Date.now() - 183_000,
    });
    // One character changed: AES-GCM refuses it, each time it is posted.
    const forged = `${encryptedValidFrom.slice(0, 20)}${encryptedValidFrom[20] === "A" ? "B" : "A"}${encryptedValidFrom.slice(21)}`;
    const decrypt = vi.spyOn(crypto.subtle, "decrypt");
    expect(await isSpam(form({ ...person, website: "", from__confirm: forged }))).toBe(true);
    expect(await isSpam(form({ ...person, website: "", from__confirm: forged }))).toBe(true);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });
});
