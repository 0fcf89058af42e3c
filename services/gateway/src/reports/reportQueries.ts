/** The GraphQL operations behind each printable report, run through the gateway as the caller (their territory). */

export const MEETING_REPORT_QUERY = `query MeetingReport($id: ID!) {
  meeting(id: $id) {
    id title kind status scheduledAt heldAt venue minutes cancellationReason
    county { name province { name } }
    chair { name position }
    organisingAgency { name }
    attendance { representativeName licenceFlagged ngo { name } }
    officials { role manager { name position } agency { name } }
    agendaItems { position topic notes socialHarm { name } }
    resolutions { text deadline followUpStatus ownerAgency { name } ownerManager { name } }
  }
}`;

export const SCORECARD_REPORT_QUERY = `query ScorecardReport($id: ID!) {
  evaluationResult(id: $id) {
    id year managerName position total grade adjustedTotal adjustedGrade provinceRank nationalRank publishedAt
    manager { agency { name } county { name } province { name } }
    indicators {
      code title unit raw numerator denominator target proratedTarget achievement score weight contribution
      applicable appliedWeight notApplicableReason
      evidence { kind label date counted reasons }
    }
    adjustments { points justification adjustedAt }
  }
}`;

/** Rows printed per section of the county report; the report says how many more there are. */
export const COUNTY_REPORT_ROWS = 200;

export const COUNTY_QUARTER_REPORT_QUERY = `query CountyQuarterReport($id: ID!, $year: Int!, $quarter: Int!) {
  county(id: $id) { name province { name } }
  meetings(
    filter: { countyId: $id, jalaliYear: $year, jalaliQuarter: $quarter }
    sort: { field: "scheduledAt" }
    limit: ${COUNTY_REPORT_ROWS}
  ) {
    totalCount
    items { title kind status scheduledAt ngoCount countsAsEngagement resolutions { followUpStatus } }
  }
  resolutions(filter: { countyId: $id, overdue: true }, sort: { field: "deadline" }, limit: ${COUNTY_REPORT_ROWS}) {
    totalCount
    items { text deadline daysOverdue ownerAgency { name } meeting { title } }
  }
}`;

interface Named {
  name: string;
}

export interface MeetingReportData {
  id: string;
  title: string;
  kind: string;
  status: string;
  scheduledAt: string;
  heldAt: string | null;
  venue: string | null;
  minutes: string | null;
  cancellationReason: string | null;
  county: (Named & { province: Named | null }) | null;
  chair: (Named & { position: string }) | null;
  organisingAgency: Named | null;
  attendance: Array<{ representativeName: string | null; licenceFlagged: boolean | null; ngo: Named | null }>;
  officials: Array<{ role: string; manager: (Named & { position: string }) | null; agency: Named | null }>;
  agendaItems: Array<{ position: number; topic: string; notes: string | null; socialHarm: Named | null }>;
  resolutions: Array<{
    text: string;
    deadline: string | null;
    followUpStatus: string;
    ownerAgency: Named | null;
    ownerManager: Named | null;
  }>;
}

export interface ScorecardReportData {
  id: string;
  year: number;
  managerName: string;
  position: string;
  total: number;
  grade: string;
  adjustedTotal: number;
  adjustedGrade: string;
  provinceRank: number;
  nationalRank: number;
  publishedAt: string | null;
  manager: { agency: Named | null; county: Named | null; province: Named | null } | null;
  indicators: Array<{
    code: string;
    title: string;
    unit: string;
    raw: number;
    numerator: number;
    denominator: number | null;
    target: number;
    proratedTarget: number;
    achievement: number;
    score: number;
    weight: number;
    contribution: number;
    /** Rules version 2: false when the indicator had no occasion (its weight spread over the others). */
    applicable: boolean;
    appliedWeight: number;
    notApplicableReason: string | null;
    evidence: Array<{ kind: string; label: string; date: string | null; counted: boolean; reasons: string[] }>;
  }>;
  adjustments: Array<{ points: number; justification: string; adjustedAt: string }>;
}

export interface CountyQuarterReportData {
  county: (Named & { province: Named | null }) | null;
  meetings: {
    totalCount: number;
    items: Array<{
      title: string;
      kind: string;
      status: string;
      scheduledAt: string;
      ngoCount: number;
      countsAsEngagement: boolean;
      resolutions: Array<{ followUpStatus: string }>;
    }>;
  } | null;
  resolutions: {
    totalCount: number;
    items: Array<{
      text: string;
      deadline: string | null;
      daysOverdue: number | null;
      ownerAgency: Named | null;
      meeting: { title: string } | null;
    }>;
  } | null;
}
