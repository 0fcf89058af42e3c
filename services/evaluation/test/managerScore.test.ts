import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEvaluationDataSource, startEvaluation } from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
const as: Partial<Record<Role, Record<string, string>>> = {};
const gql = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[role]);

const M1 = "16fd2706-8baf-433b-82eb-8c7fada847da";
const M2 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const M3 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

beforeAll(async () => {
  database = await prepareTestDatabase("evaluation", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  // `manager_score` rows as runs leave them (runs themselves are tested in cycle.test.ts); province 19's published.
  await db.query(
    `INSERT INTO manager_score (manager_id, year, total, grade, province_id, county_id, published_at)
     VALUES ($1, 1404, 100, 'EXCELLENT', '19', '1901', now()), ($2, 1404, 75, 'GOOD', '19', NULL, now()), ($3, 1404, 25, 'NEEDS_IMPROVEMENT', '04', '0401', NULL)`,
    [M1, M2, M3],
  );
  server = await startEvaluation({ db, port: 0, security });
  as[Role.EVALUATOR] = await subgraphHeaders(security, { role: Role.EVALUATOR });
  as[Role.ANALYST] = await subgraphHeaders(security, { role: Role.ANALYST });
  as[Role.COUNTY_OFFICER] = await subgraphHeaders(security, {
    role: Role.COUNTY_OFFICER,
    provinceId: "19",
    countyId: "1901",
  });
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("manager scores", () => {
  it("lists scores highest first with their grade bands", async () => {
    const result = await gql(
      Role.EVALUATOR,
      `{ managerScores(filter: { year: 1404 }) { totalCount items { managerId total grade manager { id } } } }`,
    );
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
    const result = await gql(
      Role.EVALUATOR,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Manager { id scores { year total } } } }`,
      {
        r: [{ __typename: "Manager", id: M2 }],
      },
    );
    expect(result.data!._entities).toEqual([{ id: M2, scores: [{ year: 1404, total: 75 }] }]);
  });

  it("shows other roles only published scores, and only in their territory", async () => {
    const query = `{ managerScores { items { managerId publishedAt } } }`;
    const analyst = await gql(Role.ANALYST, query);
    expect(analyst.data!.managerScores.items.map((s: { managerId: string }) => s.managerId).sort()).toEqual(
      [M1, M2].sort(),
    );
    const county = await gql(Role.COUNTY_OFFICER, query);
    // County 1901's manager, and the provincial manager of province 19 (province-level items it takes part in).
    expect(county.data!.managerScores.items.map((s: { managerId: string }) => s.managerId).sort()).toEqual(
      [M1, M2].sort(),
    );
    const unpublished = await gql(
      Role.ANALYST,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Manager { id scores { year } } } }`,
      {
        r: [{ __typename: "Manager", id: M3 }],
      },
    );
    expect(unpublished.data!._entities).toEqual([{ id: M3, scores: [] }]);
  });
});
