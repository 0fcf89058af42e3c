import { DataSource } from "typeorm";
import { WorkingGroup } from "../entities/WorkingGroup";
import type { EngagementDemoInput } from "./demo";
import { loadGroup } from "./demoGroups";
import { GROUPS } from "./demoGroupsData";
import { loadProvincialMeetings } from "./demoProvincialMeetings";
import { loadQuarterlyMeetingFollowUp } from "./demoQuarterlyFollowUp";
import { loadDemands, loadProposals } from "./demoRequests";

/**
 * The engagement demo beyond the quarterly meetings (fictional, Persian, consistent with the registry's demo NGOs,
 * managers, agencies, areas and NGO Houses through their deterministic ids): agenda items tied to social harms and
 * demands, resolutions (some done on time, some late, some overdue), Qazvin's secretariat committees (seed 003) and
 * Zanjan NGO House working groups with members, sessions and projects in informal settlements, provincial meetings,
 * proposals and demands with the agencies' responses. Loaded once, when there is no working group yet.
 *
 * One file per part: the quarterly meetings' follow-up (demoQuarterlyFollowUp.ts), the working groups
 * (demoGroupsData.ts, demoGroups.ts), the provincial meetings (demoProvincialMeetings.ts), and the proposals and
 * demands (demoRequests.ts); demoShared.ts holds what they share.
 */
export async function loadEngagementDomainDemo(db: DataSource, demo: EngagementDemoInput): Promise<number> {
  if ((await db.getRepository(WorkingGroup).count()) > 0) return 0;
  return db.transaction(async (em) => {
    const provinces = new Set(demo.managers.map((m) => m.provinceId));
    let meetingsAdded = 0;
    const demands = await loadDemands(em, provinces);
    await loadQuarterlyMeetingFollowUp(em);
    for (const seed of GROUPS.filter((g) => provinces.has(g.provinceId))) meetingsAdded += await loadGroup(em, seed);
    meetingsAdded += await loadProvincialMeetings(em, provinces, demands);
    await loadProposals(em, provinces);
    return meetingsAdded;
  });
}
