interface AttendanceRow {
  ngoId?: string;
  representativeName?: string | null;
}

/**
 * The form keeps the attendance as the record shows it (`attendance`, with each NGO's licence flag); the API takes
 * it as `attendees` (`{ ngoId, representativeName }`). Rows without an NGO are dropped; officials pass as they are
 * (the data provider keeps only `managerId`, `agencyId` and `role`).
 */
export function meetingInput(data: Record<string, unknown>): Record<string, unknown> {
  const { attendance, ...rest } = data;
  if (!Array.isArray(attendance)) return rest;
  const attendees = (attendance as (AttendanceRow | null)[])
    .filter((row): row is AttendanceRow => Boolean(row?.ngoId))
    .map((row) => ({ ngoId: row.ngoId, representativeName: row.representativeName?.trim() || null }));
  return { ...rest, attendees };
}

/** Whether a form's instant (ISO) lies before now: a meeting planned in the past was most likely held. */
export function isPastInstant(value: unknown, now = new Date()): boolean {
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) && Date.parse(value) < now.getTime();
}

/**
 * The update that marks a just-created meeting held, when the create form says it already took place: held at its
 * scheduled time, with the minutes typed; null for a planned meeting.
 */
export function heldOnCreate(data: Record<string, unknown>): Record<string, unknown> | null {
  if (!data.alreadyHeld || typeof data.scheduledAt !== "string") return null;
  const minutes = typeof data.minutes === "string" && data.minutes.trim() ? data.minutes.trim() : undefined;
  return { status: "HELD", heldAt: data.scheduledAt, ...(minutes && { minutes }) };
}
