import { FactsSnapshot, SnapshotManager, SnapshotManagerFacts } from "../scoring";

const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * Facts of a whole country for benchmarks and scale tests: `count` managers in 450 counties of 31 provinces with a
 * year of meetings, resolutions, working groups and NGO requests (deterministic).
 */
export function syntheticFacts(count: number): FactsSnapshot {
  const days = ["2025-04-10", "2025-06-01", "2025-07-15", "2025-09-01", "2025-10-20", "2026-01-15"];
  const quarters = [1, 1, 2, 2, 3, 4];
  const managers: SnapshotManager[] = [];
  const facts: SnapshotManagerFacts[] = [];
  const licenceStates: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const county = i % 450;
    const provinceId = String(1 + (county % 31)).padStart(2, "0");
    const countyId = `${provinceId}${String(county % 99).padStart(2, "0")}`;
    const id = uuid(1, i);
    managers.push({
      id,
      name: `مدیر ${i}`,
      position: `سمت ${i}`,
      positionKind: i % 3 === 0 ? "COUNTY_GOVERNOR" : "DIRECTOR_GENERAL",
      agencyId: uuid(2, i),
      provinceId,
      countyId: i % 3 === 0 ? countyId : null,
      tenureStart: i % 10 === 0 ? "2025-09-23" : "2020-01-01",
      tenureEnd: null,
    });
    const held = i % 7;
    facts.push({
      managerId: id,
      meetings: days.slice(0, held).map((date, k) => {
        const ngo = uuid(3, (i * 7 + k) % 4000);
        licenceStates[`${ngo}|${date}`] = k % 5 === 4 ? "EXPIRED" : "ACTIVE";
        return {
          meetingId: uuid(4, i * 10 + k),
          title: `نشست ${k}`,
          kind: "QUARTERLY_PROBLEM_CENTRED",
          date,
          quarter: quarters[k],
          ngoIds: [ngo],
          countsForRegularity: true,
          problemFocused: k % 2 === 0,
          exclusionReasons: k % 2 === 0 ? [] : ["مصوبه‌ای نداشت"],
        };
      }),
      resolutions: Array.from({ length: i % 4 }, (_, k) => ({
        resolutionId: uuid(5, i * 10 + k),
        meetingId: uuid(4, i * 10),
        deadline: "2025-10-01",
        status: k % 2 ? "DONE" : "OPEN",
        completedOn: k % 2 ? "2025-09-20" : null,
        doneByDeadline: k % 2 === 1,
        overdue: k % 2 === 0,
      })),
      workingGroups:
        i % 5 === 0
          ? [
              {
                workingGroupId: uuid(6, i),
                name: "کارگروه",
                ngoMemberIds: [uuid(3, i % 4000)],
                sessionsHeld: 2,
                qualifies: true,
              },
            ]
          : [],
      requests: Array.from({ length: i % 3 }, (_, k) => ({
        kind: "PROPOSAL",
        id: uuid(7, i * 10 + k),
        ngoId: uuid(3, i % 4000),
        submittedOn: "2025-05-01",
        respondedOn: "2025-05-20",
        responseDays: 19,
        answeredWithin30Days: true,
        stillWithin30Days: false,
      })),
    });
  }
  const byCounty: Record<string, number> = {};
  const byProvince: Record<string, number> = {};
  for (const m of managers) {
    if (m.countyId) byCounty[m.countyId] = 20;
    byProvince[m.provinceId] = 200;
  }
  return { year: 1404, asOf: "2026-03-25", managers, facts, licenceStates, activeNgos: { byProvince, byCounty } };
}
