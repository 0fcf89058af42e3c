import { login, postGraphQL, withClient } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * A committee turns a priority need of a needs assessment (registry) into a project (engagement): the project keeps
 * the need's id, checked with the registry when written (docs/references.md), and the two read each other through
 * the supergraph (docs/coverage.md).
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};
const gql = (user: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, { authorization: `Bearer ${tokens[user]}` });
const CREATE_PROJECT = `mutation($input: ProjectCreateInput!) { createProject(input: $input) { id priorityNeedId } }`;

beforeAll(async () => {
  prepared = await prepareTestDatabase("needprojects", { demo: true });
  stack = await startInProcessStack(prepared);
  for (const user of ["demo.admin", "demo.province"]) tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

it("makes a project from a priority need, checked with the registry, reads each from the other, and keeps the need", async () => {
  const places = await gql(
    "demo.province",
    `{ informalSettlementAreas(filter: { countyId: "1901" }, limit: 1) { items { id } } ngos(filter: { countyId: "1901" }, limit: 1) { items { id } }
       workingGroups(limit: 1) { items { id } } }`,
  );
  expect(places.errors).toBeUndefined();
  const assessment = await gql(
    "demo.province",
    `mutation($input: NeedsAssessmentCreateInput!) { createNeedsAssessment(input: $input) { id priorityNeeds { id } } }`,
    {
      input: {
        areaId: places.data!.informalSettlementAreas.items[0].id,
        assessedOn: "2025-06-01",
        ngoIds: [places.data!.ngos.items[0].id],
        priorityNeeds: [{ dimension: "PHYSICAL", description: "روشنایی معابر اصلی محله" }],
      },
    },
  );
  expect(assessment.errors).toBeUndefined();
  const needId = assessment.data!.createNeedsAssessment.priorityNeeds[0].id;
  const input = {
    title: "روشنایی معابر اصلی محله",
    provinceId: "19",
    countyId: "1901",
    workingGroupId: places.data!.workingGroups.items[0].id,
    priorityNeedId: needId,
  };

  const before = await withClient(
    prepared.adminUrl,
    async (c) => (await c.query(`SELECT count(*) FROM engagement.project`)).rows[0].count,
  );
  const unknown = await gql("demo.province", CREATE_PROJECT, {
    input: { ...input, priorityNeedId: "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60" },
  });
  expect(unknown.errors![0]!.extensions).toMatchObject({
    code: "BAD_USER_INPUT",
    fields: [{ field: "priorityNeedId" }],
  });
  const after = await withClient(
    prepared.adminUrl,
    async (c) => (await c.query(`SELECT count(*) FROM engagement.project`)).rows[0].count,
  );
  expect(after).toBe(before);

  const project = await gql("demo.province", CREATE_PROJECT, { input });
  expect(project.errors).toBeUndefined();
  const projectId = project.data!.createProject.id;
  const read = await gql(
    "demo.province",
    `query($p: ID!, $a: ID!) { project(id: $p) { priorityNeed { id description dimension } }
       needsAssessment(id: $a) { priorityNeeds { id projects { id } } } }`,
    { p: projectId, a: assessment.data!.createNeedsAssessment.id },
  );
  expect(read.errors).toBeUndefined();
  expect(read.data!.project.priorityNeed).toEqual({
    id: needId,
    description: "روشنایی معابر اصلی محله",
    dimension: "PHYSICAL",
  });
  expect(read.data!.needsAssessment.priorityNeeds).toEqual([{ id: needId, projects: [{ id: projectId }] }]);

  // The need a project was made from cannot be removed: neither by leaving it out nor with its assessment.
  const assessmentId = assessment.data!.createNeedsAssessment.id;
  const UPDATE = `mutation($id: ID!, $input: NeedsAssessmentUpdateInput!) { updateNeedsAssessment(id: $id, input: $input) { priorityNeeds { id } } }`;
  const content = { assessedOn: "2025-06-01", ngoIds: [places.data!.ngos.items[0].id] };
  const dropped = await gql("demo.province", UPDATE, {
    id: assessmentId,
    input: { ...content, priorityNeeds: [{ dimension: "SOCIAL", description: "مهدکودک محله" }] },
  });
  expect(dropped.errors![0]!.extensions!.code).toBe("CONFLICT");
  const kept = await gql("demo.province", UPDATE, {
    id: assessmentId,
    input: {
      ...content,
      priorityNeeds: [
        { dimension: "PHYSICAL", description: "روشنایی معابر اصلی محله" },
        { dimension: "SOCIAL", description: "مهدکودک محله" },
      ],
    },
  });
  expect(kept.data!.updateNeedsAssessment.priorityNeeds[0]).toEqual({ id: needId });
  const deleted = await gql("demo.province", `mutation($id: ID!) { deleteNeedsAssessment(id: $id) { id } }`, {
    id: assessmentId,
  });
  expect(deleted.errors![0]!.extensions!.code).toBe("CONFLICT");
  const needs = await withClient(
    prepared.adminUrl,
    async (c) =>
      (await c.query(`SELECT count(*) FROM registry.needs_assessment_priority WHERE id = $1`, [needId])).rows[0].count,
  );
  expect(Number(needs)).toBe(1);
}, 120_000);
