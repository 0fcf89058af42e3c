import { FactsSnapshotV2, QUALIFYING_RULES, SnapshotAgencyFacts, SnapshotManager, SnapshotOwnFacts } from "../scoring";

const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** Managers per agency, as in the national data set (20,000 managers, 3,000 agencies). */
const MANAGERS_PER_AGENCY = 20_000 / 3_000;

/**
 * Facts of a whole country for benchmarks and scale tests, as a format 2 snapshot: `count` managers in 450 counties
 * of 31 provinces sharing agencies (≈ 6.7 managers each), with a year of meetings and own resolutions per manager,
 * and per agency the resolutions it owns, the working groups it chairs and the NGO requests routed to it
 * (deterministic).
 */
export function syntheticFacts(count: number): FactsSnapshotV2 {
  const days = ["2025-04-10", "2025-06-01", "2025-07-15", "2025-09-01", "2025-10-20", "2026-01-15"];
  const quarters = [1, 1, 2, 2, 3, 4];
  const agencyCount = Math.max(1, Math.round(count / MANAGERS_PER_AGENCY));
  const managers: SnapshotManager[] = [];
  const facts: SnapshotOwnFacts[] = [];
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
      agencyId: uuid(2, i % agencyCount),
      provinceId,
      countyId: i % 3 === 0 ? countyId : null,
      tenureStart: i % 10 === 0 ? "2025-09-23" : "2020-01-01",
      tenureEnd: null,
    });
    const held = i % 7;
    const own: SnapshotOwnFacts = {
      managerId: id,
      meetings: days.slice(0, held).map((date, k) => {
        const ngo = uuid(3, (i * 7 + k) % 4000);
        licenceStates[`${ngo}|${date}`] = k % 5 === 4 ? "EXPIRED" : "ACTIVE";
        return {
          meetingId: uuid(4, i * 10 + k),
          title: `نشست ${k}`,
          kind: k === 5 ? "NGO_EXCHANGE" : "QUARTERLY_PROBLEM_CENTRED",
          date,
          quarter: quarters[k],
          ngoIds: [ngo],
          hasAgendaItemOnHarmOrDemand: k % 3 !== 1,
          resolutions: k % 2 === 0 ? 1 : 0,
        };
      }),
      resolutions: Array.from({ length: i % 3 }, (_, k) => ({
        resolutionId: uuid(5, i * 10 + k),
        meetingId: uuid(4, i * 10),
        deadline: "2025-10-01",
        status: k % 2 ? "DONE" : "OPEN",
        completedOn: k % 2 ? "2025-09-20" : null,
      })),
      workingGroups:
        i % 11 === 0
          ? [
              {
                workingGroupId: uuid(6, i),
                name: `کارگروه مدیر ${i}`,
                ngoMemberIds: [uuid(3, i % 4000)],
                sessionsHeld: 2,
              },
            ]
          : [],
    };
    if (own.meetings.length || own.resolutions.length || own.workingGroups.length) facts.push(own);
  }
  const agencies: SnapshotAgencyFacts[] = Array.from({ length: agencyCount }, (_, j) => ({
    agencyId: uuid(2, j),
    resolutions: Array.from({ length: 4 + (j % 6) }, (_, k) => ({
      resolutionId: uuid(8, j * 20 + k),
      meetingId: uuid(4, j * 10),
      deadline: ["2025-06-01", "2025-10-01", "2026-02-01", "2026-03-15"][k % 4],
      status: ["DONE", "OPEN", "IN_PROGRESS", "DONE", "CANCELLED"][k % 5],
      completedOn: k % 5 === 0 ? "2025-05-20" : k % 5 === 3 ? "2026-03-18" : null,
      ownerManagerId: k === 0 ? uuid(1, j) : null,
    })),
    workingGroups:
      j % 2 === 0
        ? [
            {
              workingGroupId: uuid(9, j),
              name: "کارگروه",
              ngoMemberIds: j % 4 ? [uuid(3, j % 4000)] : [],
              sessionsHeld: 1 + (j % 3),
            },
          ]
        : [],
    requests: Array.from({ length: 2 + (j % 9) }, (_, k) => ({
      kind: k % 2 ? "DEMAND" : "PROPOSAL",
      id: uuid(7, j * 20 + k),
      ngoId: uuid(3, (j + k) % 4000),
      submittedOn: ["2025-05-01", "2025-08-10", "2026-03-01"][k % 3],
      respondedOn: k % 4 === 0 ? null : k % 4 === 1 ? "2025-05-20" : k % 4 === 2 ? "2025-09-30" : "2026-03-10",
    })).map((r) => (r.respondedOn && r.respondedOn < r.submittedOn ? { ...r, respondedOn: null } : r)),
  }));
  const byCounty: Record<string, number> = {};
  const byProvince: Record<string, number> = {};
  for (const m of managers) {
    if (m.countyId) byCounty[m.countyId] = 20;
    byProvince[m.provinceId] = 200;
  }
  return {
    formatVersion: 2,
    year: 1404,
    asOf: "2026-03-25",
    rules: { ...QUALIFYING_RULES },
    managers,
    facts,
    agencies,
    licenceStates,
    activeNgos: { byProvince, byCounty },
  };
}
