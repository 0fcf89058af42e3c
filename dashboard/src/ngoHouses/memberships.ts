/** The house form edits `memberships` (NGO and joining day, as read); `createNgoHouse` / `updateNgoHouse` take `members`. */
export function membershipsToMembers<T extends Record<string, unknown>>(
  data: T,
): Omit<T, "memberships"> & { members?: unknown[] } {
  const { memberships, ...rest } = data;
  if (!Array.isArray(memberships)) return rest;
  return {
    ...rest,
    members: memberships
      .filter((membership) => membership && membership.ngoId)
      .map((membership) => ({ ngoId: membership.ngoId, joinedOn: membership.joinedOn ?? null })),
  };
}
