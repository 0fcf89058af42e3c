import { createTestDatabase, openAndMigrate, postGraphQL, RunningServer } from "@hamafza/common";
import { createEvaluationDataSource, loadEvaluationDemoData, startEvaluation } from "@hamafza/evaluation";
import { DataSource } from "typeorm";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let server: RunningServer;

const M1 = "16fd2706-8baf-433b-82eb-8c7fada847da";
const M2 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const M3 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

beforeAll(async () => {
  database = await createTestDatabase("evaluation");
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await openAndMigrate(db);
  await loadEvaluationDemoData(db, {
    year: 1404,
    regularity: [
      { managerId: M1, quartersWithMeeting: 4 },
      { managerId: M2, quartersWithMeeting: 3 },
      { managerId: M3, quartersWithMeeting: 1 },
    ],
  });
  server = await startEvaluation({ db, port: 0 });
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("manager scores", () => {
  it("lists scores highest first with their grade bands", async () => {
    const result = await postGraphQL(server.url, `{ managerScores(filter: { year: 1404 }) { totalCount items { managerId total grade manager { id } } } }`);
    expect(result.data!.managerScores).toEqual({
      totalCount: 3,
      items: [
        { managerId: M1, total: 100, grade: "EXCELLENT", manager: { id: M1 } },
        { managerId: M2, total: 75, grade: "GOOD", manager: { id: M2 } },
        { managerId: M3, total: 25, grade: "NEEDS_IMPROVEMENT", manager: { id: M3 } },
      ],
    });
  });

  it("adds Manager.scores through _entities", async () => {
    const result = await postGraphQL(server.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Manager { id scores { year total } } } }`, {
      r: [{ __typename: "Manager", id: M2 }],
    });
    expect(result.data!._entities).toEqual([{ id: M2, scores: [{ year: 1404, total: 75 }] }]);
  });

  it("does not load demo scores twice", async () => {
    expect(await loadEvaluationDemoData(db, { year: 1404, regularity: [{ managerId: M1, quartersWithMeeting: 0 }] })).toEqual({ scores: 0 });
  });
});
