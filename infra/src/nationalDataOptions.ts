import { Client, QueryResult } from "pg";

/**
 * What the national data set takes and answers (`seedNationalData`, nationalData.ts), and the fixed vocabularies and
 * years it draws from.
 */
export interface NationalDataOptions {
  managers: number;
  counties?: number;
  ngosPerCounty?: number;
  directoratesPerProvince?: number;
  departmentsPerCounty?: number;
  /** Proposals plus demands per county (half each), besides 40 per province to its directorates (default 20). */
  requestsPerCounty?: number;
  /**
   * The day the licence expiries are set from (ISO date; default today in Tehran): the licences valid over the
   * evaluated year stay valid for 180–880 days after it (and after the year), so the mix of licence states "as of
   * today" is the same whenever the set is seeded. Everything else is fixed calendar dates.
   */
  referenceDate?: string;
  log?: (line: string) => void;
}

export interface NationalDataSummary {
  counties: number;
  syntheticCounties: number;
  agencies: number;
  managers: number;
  ngos: number;
  licences: number;
  meetings: number;
  heldMeetings: number;
  attendance: number;
  agendaItems: number;
  resolutions: number;
  workingGroups: number;
  proposals: number;
  demands: number;
  durationMs: number;
}

export const DIRECTORATE_TOPICS = [
  "بهزیستی",
  "آموزش و پرورش",
  "ورزش و جوانان",
  "فرهنگ و ارشاد اسلامی",
  "تعاون کار و رفاه اجتماعی",
  "میراث فرهنگی",
  "منابع طبیعی",
  "امور بانوان و خانواده",
  "کمیته امداد",
  "بهداشت",
];
export const DIMENSIONS = ["SOCIAL", "ECONOMIC", "PHYSICAL", "ENVIRONMENTAL", "CULTURAL", "HEALTH", "OTHER"];
export const DEMAND_CATEGORIES = [
  "MEMBERS_INSURANCE",
  "INFRASTRUCTURE",
  "OFFICIAL_RECOGNITION",
  "EMPLOYMENT_OF_DISABLED",
  "FUNDING",
  "OTHER",
];
/** The evaluated year; meetings and working-group sessions cover the year before it too. */
export const YEAR = 1404;
export const FIRST_YEAR = YEAR - 1;

/** What the two seeding steps (nationalRegistryRows.ts, nationalEngagementRows.ts) share: one connection and the plan. */
export interface NationalSeeding {
  /** The database owner's connection, with `search_path` set and the seeding's temporary function and tables. */
  client: Client;
  /** Runs one statement and logs its row count and time. */
  step: (name: string, sql: string, params?: unknown[]) => Promise<QueryResult>;
  log: (line: string) => void;
  /** Counties wanted in all (synthetic ones fill provinces the reference data leaves empty). */
  targetCounties: number;
  /** Managers. */
  N: number;
  /** NGOs per county. */
  K: number;
  /** Directorates-general per province. */
  D: number;
  /** Departments per county. */
  C: number;
  /** Proposals plus demands per county. */
  R: number;
  /** The evaluated year's quarter bounds: quarter q is [Q[q-1], Q[q]) in Tehran calendar days (ISO dates). */
  Q: string[];
  /** Every quarter from FIRST_YEAR to YEAR: [year, quarter, first day, first day of the next quarter]. */
  quarters: (string | number)[][];
  /** The day licence expiries are set from (ISO date). */
  referenceDate: string;
}
