import { withClient } from "@hamafza/common";

/** A GraphQL request the load runs repeat: the query and variables sent as one JSON body. */
export interface Scenario {
  id: string;
  title: string;
  body: string;
}

/** Ids the scenarios ask about, picked from the seeded data (the busiest province, county and NGO). */
export async function pickTargets(adminUrl: string): Promise<{ provinceId: string; countyId: string; ngoId: string }> {
  return withClient(adminUrl, async (client) => {
    const one = async (sql: string) => Object.values((await client.query(sql)).rows[0] ?? {})[0] as string;
    const provinceId = await one(
      `SELECT province_id FROM registry.ngo GROUP BY province_id ORDER BY count(*) DESC, province_id LIMIT 1`,
    );
    const countyId = await one(
      `SELECT county_id FROM engagement.meeting WHERE county_id IS NOT NULL AND held_at IS NOT NULL GROUP BY county_id ORDER BY count(*) DESC, county_id LIMIT 1`,
    );
    const ngoId = await one(
      `SELECT ngo_id FROM engagement.meeting_attendance GROUP BY ngo_id ORDER BY count(*) DESC, ngo_id LIMIT 1`,
    );
    return { provinceId, countyId, ngoId };
  });
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** S1–S5: what the dashboard and analysts ask most. */
export function loadScenarios(t: { provinceId: string; countyId: string; ngoId: string }): Scenario[] {
  return [
    {
      id: "S1",
      title: "NGO list page (25, province, licence state, meeting count)",
      // The count of each NGO's meetings is the nested page's total (counted per NGO, none read); until the eighth
      // round of issue 13 it was `meetings { id }`, every attended meeting's id to be counted by the client.
      body: body(
        `query S1($p: ID!) { ngos(limit: 25, filter: { provinceId: $p, licenceState: ACTIVE }) { totalCount items { id name status county { name } licenceState meetingsAttended { totalCount } } } }`,
        { p: t.provinceId },
      ),
    },
    {
      id: "S2",
      title: "NGO detail across registry, engagement, evaluation",
      body: body(
        `query S2($id: ID!) { ngo(id: $id) { id name nationalId county { name province { name } } licence { number state expiresOn } fields { name }
           meetings { title meetingDate status chair { name scores { total grade } } } proposals { topic status } demands { title status } } }`,
        { id: t.ngoId },
      ),
    },
    {
      id: "S3",
      title: "county meetings of 1404 Q2 with attendance licence flags and resolutions",
      body: body(
        `query S3($c: ID!) { meetings(limit: 25, filter: { countyId: $c, jalaliYear: 1404, jalaliQuarter: 2 }) { totalCount items { title meetingDate
           attendance { ngo { name } licenceStateOnMeetingDate licenceFlagged } resolutions { text status deadline } } } }`,
        { c: t.countyId },
      ),
    },
    {
      id: "S4",
      title: "province scoreboard of 1404 (page of 25)",
      body: body(
        `query S4($p: ID!) { evaluationResults(limit: 25, filter: { year: 1404, provinceId: $p }, sort: { field: "provinceRank", order: ASC }) { totalCount items { managerName position total grade provinceRank } } }`,
        { p: t.provinceId },
      ),
    },
    {
      id: "S5",
      title: "analyst: problem-centred meetings per county per quarter, nationwide",
      body: body(
        `query S5 { meetingStatistics(fromYear: 1403, toYear: 1404, groupBy: COUNTY, kind: QUARTERLY_PROBLEM_CENTRED) { provinceId countyId year quarter total held heldWithNgos } }`,
        {},
      ),
    },
  ];
}
