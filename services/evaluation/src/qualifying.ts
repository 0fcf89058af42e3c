import { REGULARITY_MEETING_KIND } from "./rubric";
import {
  QualifyingRules,
  RawManagerFacts,
  RawMeetingFact,
  RawRequestFact,
  RawResolutionFact,
  RawWorkingGroupFact,
  SnapshotManagerFacts,
  SnapshotMeeting,
} from "./scoringTypes";

/**
 * The rubric's qualifying rules: from the raw facts the engagement service reports (what happened: meeting kinds,
 * NGOs present, agenda focus, sessions held, days asked and answered) to what counts for each indicator. Pure: the
 * thresholds come in as `QualifyingRules`, the day of judgement as `asOf`.
 */

// ---- the reasons a meeting does not count (Persian, shown as evidence) ----

export const NOT_PROBLEM_CENTRED = "نشست فصلی مسئله‌محور نیست";
export const NO_NGO = "هیچ سمنی در نشست حضور نداشت";
export const NO_FOCUS = "دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت";
export const NO_RESOLUTION = "مصوبه‌ای نداشت";

/** Whether a meeting counts for REGULARITY (a quarterly problem-centred meeting with an NGO present) and PROBLEM_FOCUS (also on a harm or demand, with a resolution), and why not. */
export function judgeMeeting(
  m: RawMeetingFact,
): Pick<SnapshotMeeting, "countsForRegularity" | "problemFocused" | "exclusionReasons"> {
  const problemCentred = m.kind === REGULARITY_MEETING_KIND;
  const withNgo = m.ngoIds.length > 0;
  const countsForRegularity = problemCentred && withNgo;
  return {
    countsForRegularity,
    problemFocused: countsForRegularity && m.hasAgendaItemOnHarmOrDemand && m.resolutions > 0,
    exclusionReasons: [
      ...(problemCentred ? [] : [NOT_PROBLEM_CENTRED]),
      ...(withNgo ? [] : [NO_NGO]),
      ...(m.hasAgendaItemOnHarmOrDemand ? [] : [NO_FOCUS]),
      ...(m.resolutions > 0 ? [] : [NO_RESOLUTION]),
    ],
  };
}

/** The quarters (1–4, ascending) with at least one meeting that counts for regularity. */
export function quartersWithEngagement(meetings: RawMeetingFact[]): number[] {
  return [...new Set(meetings.filter((m) => judgeMeeting(m).countsForRegularity).map((m) => m.quarter))].sort();
}

/** FOLLOW_THROUGH: done on or before its deadline; or overdue (open or in progress, deadline before `asOf`). */
export function judgeResolution(r: RawResolutionFact, asOf: string): { doneByDeadline: boolean; overdue: boolean } {
  return {
    doneByDeadline: r.status === "DONE" && r.completedOn !== null && r.completedOn <= r.deadline,
    overdue: (r.status === "OPEN" || r.status === "IN_PROGRESS") && r.deadline < asOf,
  };
}

/** PARTICIPATION: a working group counts with NGO members in the year and at least the rubric's sessions. */
export function workingGroupQualifies(g: RawWorkingGroupFact, rules: QualifyingRules): boolean {
  return g.ngoMemberIds.length > 0 && g.sessionsHeld >= rules.minWorkingGroupSessions;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** RESPONSIVENESS: answered within the rubric's days; or unanswered but not yet that old on `asOf` (not yet late). */
export function judgeRequest(
  r: RawRequestFact,
  asOf: string,
  rules: QualifyingRules,
): { responseDays: number | null; answeredWithin30Days: boolean; stillWithin30Days: boolean } {
  const responseDays = r.respondedOn ? daysBetween(r.submittedOn, r.respondedOn) : null;
  return {
    responseDays,
    answeredWithin30Days: responseDays !== null && responseDays <= rules.responseDays,
    stillWithin30Days: responseDays === null && daysBetween(r.submittedOn, asOf) < rules.responseDays,
  };
}

/**
 * One manager's raw facts judged by the rules: the per-manager facts the scoring measures. `requests`: the requests
 * already judged (an agency's are every one of its managers', so a snapshot judges them once per agency).
 */
export function judgeManagerFacts(
  raw: RawManagerFacts,
  asOf: string,
  rules: QualifyingRules,
  requests: SnapshotManagerFacts["requests"] = judgeRequests(raw.requests, asOf, rules),
): SnapshotManagerFacts {
  return {
    managerId: raw.managerId,
    meetings: raw.meetings.map((m) => ({
      meetingId: m.meetingId,
      title: m.title,
      kind: m.kind,
      date: m.date,
      quarter: m.quarter,
      ngoIds: m.ngoIds,
      ...judgeMeeting(m),
    })),
    resolutions: raw.resolutions.map((r) => ({
      resolutionId: r.resolutionId,
      meetingId: r.meetingId,
      deadline: r.deadline,
      status: r.status,
      completedOn: r.completedOn,
      ...judgeResolution(r, asOf),
    })),
    workingGroups: raw.workingGroups.map((g) => ({
      workingGroupId: g.workingGroupId,
      name: g.name,
      ngoMemberIds: g.ngoMemberIds,
      sessionsHeld: g.sessionsHeld,
      qualifies: workingGroupQualifies(g, rules),
    })),
    requests,
  };
}

/** RESPONSIVENESS's facts judged: each request with its response days and whether it was answered in time or is not yet late. */
export function judgeRequests(
  requests: RawRequestFact[],
  asOf: string,
  rules: QualifyingRules,
): SnapshotManagerFacts["requests"] {
  return requests.map((r) => ({
    kind: r.kind,
    id: r.id,
    ngoId: r.ngoId,
    submittedOn: r.submittedOn,
    respondedOn: r.respondedOn,
    ...judgeRequest(r, asOf, rules),
  }));
}
