import { describe, expect, it } from "@jest/globals";
import { heldOnCreate, isPastInstant, meetingInput } from "../src/meetings/meetingInput";

describe("recording a meeting that already took place from the create form", () => {
  const form = {
    title: "نشست فصلی",
    scheduledAt: "2025-09-22T06:30:00.000Z",
    alreadyHeld: true,
    minutes: "  خلاصه  ",
    attendance: [{ ngoId: "n1", representativeName: " علی " }, { ngoId: "" }],
  };

  it("creates it with its attendance, then marks it held at its scheduled time with the minutes", () => {
    expect(meetingInput(form)).toMatchObject({ attendees: [{ ngoId: "n1", representativeName: "علی" }] });
    expect(heldOnCreate(form)).toEqual({ status: "HELD", heldAt: form.scheduledAt, minutes: "خلاصه" });
    expect(heldOnCreate({ ...form, minutes: " " })).toEqual({ status: "HELD", heldAt: form.scheduledAt });
  });

  it("leaves a planned meeting planned", () => {
    expect(heldOnCreate({ ...form, alreadyHeld: false })).toBeNull();
    expect(heldOnCreate({ ...form, scheduledAt: undefined })).toBeNull();
  });

  it("knows a past time (the warning) from a future one", () => {
    const now = new Date("2025-09-23T00:00:00Z");
    expect(isPastInstant("2025-09-22T06:30:00.000Z", now)).toBe(true);
    expect(isPastInstant("2025-09-24T06:30:00.000Z", now)).toBe(false);
    expect(isPastInstant(null, now)).toBe(false);
    expect(isPastInstant({ invalid: true }, now)).toBe(false);
  });
});
