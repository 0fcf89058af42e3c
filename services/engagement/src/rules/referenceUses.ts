/**
 * Where engagement's records name registry records: the table, the column and the Persian name of what the
 * record is. One list, used to answer the registry's "is this still used?" before it deletes (docs/references.md).
 */
export const REFERENCE_USES = {
  Ngo: [
    { table: "meeting_attendance", column: "ngo_id", label: "حضور در نشست" },
    { table: "proposal", column: "ngo_id", label: "طرح" },
    { table: "demand", column: "ngo_id", label: "مطالبه" },
    { table: "working_group_member", column: "ngo_id", label: "عضویت در کارگروه" },
    { table: "project_partner", column: "ngo_id", label: "مشارکت در پروژه" },
  ],
  Manager: [
    { table: "meeting", column: "chair_id", label: "ریاست نشست" },
    { table: "meeting_official", column: "manager_id", label: "حضور در نشست" },
    { table: "resolution", column: "owner_manager_id", label: "مسئولیت مصوبه" },
    { table: "working_group", column: "chair_manager_id", label: "ریاست کارگروه" },
  ],
  Agency: [
    { table: "meeting", column: "organising_agency_id", label: "برگزاری نشست" },
    { table: "meeting_official", column: "agency_id", label: "حضور در نشست" },
    { table: "resolution", column: "owner_agency_id", label: "مسئولیت مصوبه" },
    { table: "project", column: "responsible_agency_id", label: "مسئولیت پروژه" },
    { table: "proposal", column: "agency_id", label: "طرح دریافتی" },
    { table: "demand", column: "agency_id", label: "مطالبه دریافتی" },
    { table: "working_group", column: "chair_agency_id", label: "ریاست کارگروه" },
    { table: "working_group_member", column: "agency_id", label: "عضویت در کارگروه" },
  ],
  NgoHouse: [
    { table: "meeting", column: "venue_ngo_house_id", label: "میزبانی نشست" },
    { table: "working_group", column: "parent_ngo_house_id", label: "کارگروه" },
  ],
  InformalSettlementArea: [{ table: "project", column: "area_id", label: "پروژه" }],
  PriorityNeed: [{ table: "project", column: "priority_need_id", label: "پروژه" }],
} as const;

export type ReferencedType = keyof typeof REFERENCE_USES;

/** One SQL statement counting, per id, every use of it (UNION ALL over the tables that name the type). */
export function referenceUsesSql(type: ReferencedType): string {
  return REFERENCE_USES[type]
    .map(
      (use, index) =>
        `SELECT ${column(use.column)}::text AS id, ${index} AS use, count(*)::int AS n FROM ${column(use.table)} WHERE ${column(use.column)} = ANY($1::uuid[]) GROUP BY 1`,
    )
    .join(" UNION ALL ");
}

const column = (name: string) => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
};

/** "۳ حضور در نشست، ۱ طرح" — what uses an id, for a Persian message. */
export function describeUses(type: ReferencedType, counts: { use: number; n: number }[]): string {
  return counts.map(({ use, n }) => `${n.toLocaleString("fa-IR")} ${REFERENCE_USES[type][use].label}`).join("، ");
}
