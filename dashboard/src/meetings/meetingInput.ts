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
