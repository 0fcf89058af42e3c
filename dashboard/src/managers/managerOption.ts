interface ManagerLike {
  name?: string | null;
  position?: string | null;
  county?: { name?: string | null } | null;
  province?: { name?: string | null } | null;
}

/**
 * A manager as a picker shows one: names repeat across counties, so the name with the position and the county (or
 * the province for a provincial post) — «رضا موسوی — فرماندار، میاندوآب».
 */
export function managerOption(manager: ManagerLike | null | undefined): string {
  if (!manager) return "";
  const place = manager.county?.name || manager.province?.name;
  const detail = [manager.position, place].filter(Boolean).join("، ");
  return detail ? `${manager.name ?? ""} — ${detail}` : (manager.name ?? "");
}
