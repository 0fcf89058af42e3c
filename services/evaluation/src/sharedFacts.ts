import { EngagementManagerAnswer } from "./snapshot";

/**
 * The engagement facts as a run reads them: `evaluationRows(shareAgencyFacts: true)`, each resolution, working group
 * and request written once in `shared` and named in each manager's row by its position there (an agency's facts are
 * otherwise repeated for each of its managers: two thirds of the answer at national scale).
 */
export interface SharedEngagementAnswer {
  shared: {
    resolutions: EngagementManagerAnswer["resolutions"];
    workingGroups: EngagementManagerAnswer["workingGroups"];
    requests: EngagementManagerAnswer["requests"];
  };
  managers: {
    managerId: string;
    meetings: EngagementManagerAnswer["meetings"];
    resolutions: number[];
    workingGroups: number[];
    requests: number[];
  }[];
}

/** Every manager's facts in full again, a shared fact being the same object in each row that names it. */
export function unshareFacts(answer: SharedEngagementAnswer): EngagementManagerAnswer[] {
  const at =
    <T>(table: T[], what: string) =>
    (position: number): T => {
      const item = table[position];
      if (item === undefined) throw new Error(`the engagement facts name no shared ${what} at position ${position}`);
      return item;
    };
  const resolution = at(answer.shared.resolutions, "resolution");
  const workingGroup = at(answer.shared.workingGroups, "working group");
  const request = at(answer.shared.requests, "request");
  return answer.managers.map((row) => ({
    managerId: row.managerId,
    meetings: row.meetings,
    resolutions: row.resolutions.map(resolution),
    workingGroups: row.workingGroups.map(workingGroup),
    requests: row.requests.map(request),
  }));
}
