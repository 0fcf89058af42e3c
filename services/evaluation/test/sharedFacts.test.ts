import { SharedEngagementAnswer, unshareFacts } from "../src/sharedFacts";

const resolution = (id: string, ownedBy: string, ownerAgencyId: string | null) => ({
  resolutionId: id,
  meetingId: null,
  deadline: "2025-08-01",
  status: "DONE",
  completedOn: "2025-07-20",
  ownedBy,
  ownerManagerId: null,
  ownerAgencyId,
});
const request = (id: string) => ({
  kind: "DEMAND",
  id,
  ngoId: "n1",
  agencyId: "a1",
  submittedOn: "2025-05-01",
  respondedOn: null,
});
const meeting = {
  meetingId: "m1",
  title: "نشست فصلی",
  kind: "QUARTERLY_PROBLEM_CENTRED",
  date: "2025-05-02",
  quarter: 1,
  ngoIds: ["n1"],
  hasAgendaItemOnHarmOrDemand: true,
  resolutions: 1,
};

describe("unshareFacts: the engagement facts with each agency fact written once", () => {
  it("gives every manager's facts in full, a shared fact the same object for each manager naming it", () => {
    const shared = {
      resolutions: [resolution("r1", "MANAGER", null), resolution("r2", "AGENCY", "a1")],
      workingGroups: [],
      requests: [request("d1"), request("d2")],
    } as unknown as SharedEngagementAnswer["shared"];
    const rows = unshareFacts({
      shared,
      managers: [
        {
          managerId: "x",
          meetings: [meeting] as SharedEngagementAnswer["managers"][number]["meetings"],
          resolutions: [0, 1],
          workingGroups: [],
          requests: [0, 1],
        },
        { managerId: "y", meetings: [], resolutions: [1], workingGroups: [], requests: [1, 0] },
      ],
    });
    expect(JSON.parse(JSON.stringify(rows))).toEqual([
      {
        managerId: "x",
        meetings: [meeting],
        resolutions: [resolution("r1", "MANAGER", null), resolution("r2", "AGENCY", "a1")],
        workingGroups: [],
        requests: [request("d1"), request("d2")],
      },
      {
        managerId: "y",
        meetings: [],
        resolutions: [resolution("r2", "AGENCY", "a1")],
        workingGroups: [],
        requests: [request("d2"), request("d1")],
      },
    ]);
    expect(rows[1].resolutions[0]).toBe(rows[0].resolutions[1]);
    expect(rows[1].requests[1]).toBe(rows[0].requests[0]);
  });

  it("refuses a position with nothing there (an answer it cannot trust)", () => {
    const answer = {
      shared: { resolutions: [], workingGroups: [], requests: [request("d1")] },
      managers: [{ managerId: "x", meetings: [], resolutions: [], workingGroups: [], requests: [1] }],
    } as unknown as SharedEngagementAnswer;
    expect(() => unshareFacts(answer)).toThrow("no shared request at position 1");
  });
});
