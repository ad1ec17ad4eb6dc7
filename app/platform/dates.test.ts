import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatMeetingTime,
  formatTime,
  osloToUtc,
  utcToOslo,
} from "./dates";

describe("Oslo dates", () => {
  it("writes meeting times the Norwegian way", () => {
    const start = osloToUtc("2026-12-10", "19:00");
    const end = osloToUtc("2026-12-10", "21:00");
    expect(formatMeetingTime(start, end)).toBe("torsdag 10. desember 2026 kl. 19.00–21.00");
  });

  it("writes dates in nynorsk and English too, in Oslo time", () => {
    const start = "2026-12-10T18:00:00.000Z";
    expect(formatDateTime(start, "nb")).toBe("torsdag 10. desember 2026 kl. 19.00");
    expect(formatDateTime(start, "nn")).toBe("torsdag 10. desember 2026 kl. 19.00");
    expect(formatDateTime(start, "en")).toBe("Thursday 10 December 2026 at 19:00");
    // Nynorsk weekdays differ from bokmål's: laurdag, not lørdag; summer time in June.
    expect(formatDate("2026-12-12T12:00:00.000Z", "nn")).toBe("laurdag 12. desember 2026");
    expect(formatDate("2026-06-14T12:00:00.000Z", "nn")).toBe("sundag 14. juni 2026");
    expect(formatDate("2026-06-16T12:00:00.000Z", "nn")).toBe("tysdag 16. juni 2026");
    expect(formatTime("2026-06-16T17:30:00.000Z", "en")).toBe("19:30");
    expect(formatMeetingTime(start, "2026-12-10T20:00:00.000Z", "en")).toBe(
      "Thursday 10 December 2026 at 19:00–21:00",
    );
    expect(formatMeetingTime(start, "2026-12-10T20:00:00.000Z", "nn")).toBe(
      "torsdag 10. desember 2026 kl. 19.00–21.00",
    );
  });

  it("converts wall time to UTC in winter and in summer", () => {
    expect(osloToUtc("2026-12-10", "19:00")).toBe("2026-12-10T18:00:00.000Z");
    expect(osloToUtc("2027-06-10", "19:00")).toBe("2027-06-10T17:00:00.000Z");
    // The night summer time starts and the night it ends.
    expect(osloToUtc("2027-03-28", "01:30")).toBe("2027-03-28T00:30:00.000Z");
    expect(osloToUtc("2027-03-28", "03:30")).toBe("2027-03-28T01:30:00.000Z");
    expect(osloToUtc("2027-10-31", "04:00")).toBe("2027-10-31T03:00:00.000Z");
  });

  it("round-trips wall times", () => {
    expect(utcToOslo(osloToUtc("2027-06-10", "07:05"))).toEqual(["2027-06-10", "07:05"]);
    expect(utcToOslo("2026-12-31T23:30:00.000Z")).toEqual(["2027-01-01", "00:30"]);
  });

  it("shows both dates for a meeting past midnight", () => {
    expect(
      formatMeetingTime(osloToUtc("2026-12-31", "22:00"), osloToUtc("2027-01-01", "01:00")),
    ).toBe("torsdag 31. desember 2026 kl. 22.00 – fredag 1. januar 2027 kl. 01.00");
  });

  it("rejects what is not a date", () => {
    expect(() => osloToUtc("tomorrow", "19:00")).toThrow(RangeError);
  });
});
