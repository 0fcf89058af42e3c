import { DemandCategory } from "../src/entities/Demand";
import { demandTopics, enumCategoryOf } from "../src/demandTopic/demandTopicRules";
import { ADMIN, EngagementHarness, startHarness, uuid, ZANJAN_COUNTY, ZANJAN_OFFICER } from "./helpers";

/**
 * The demand-category catalogue (seed 004): seeded kinds, administrators' management, demands choosing a category
 * from it (the enum following), demands written with the enum only reading the category of the same code.
 */
describe("demand category rules", () => {
  it("keeps the enum as the nearest fixed value of a catalogue category", () => {
    expect(enumCategoryOf("MEMBERS_INSURANCE")).toBe(DemandCategory.MEMBERS_INSURANCE);
    expect(enumCategoryOf("SUPPORT_FOR_DISABLED")).toBe(DemandCategory.OTHER);
  });

  it("checks a new category, every problem at once", () => {
    let fields: string[] = [];
    try {
      demandTopics.check({ code: "bad code", name: "x", sortOrder: -1 }, true);
    } catch (error) {
      fields = (error as { extensions: { fields: { field: string }[] } }).extensions.fields.map((f) => f.field).sort();
    }
    expect(fields).toEqual(["code", "name", "sortOrder"]);
  });
});

describe("demand categories on the engagement subgraph", () => {
  let h: EngagementHarness;
  beforeAll(async () => {
    h = await startHarness("demandtopics");
  });
  afterAll(() => h?.stop());

  const topics = async () =>
    (await h.gql(`{ demandTopics(limit: 100) { items { id code name active } } }`, {}, ZANJAN_COUNTY)).data!
      .demandTopics.items as { id: string; code: string; name: string; active: boolean }[];
  const createDemand = (extra: string) =>
    h.gql(
      `mutation { createDemand(input: { ngoId: "${uuid(1)}", provinceId: "19", countyId: "1901", title: "حمایت از معلولان محله", raisedOn: "2025-05-10"${extra} }) { id category topicId topic { code } } }`,
      {},
      ZANJAN_OFFICER,
    );

  it("is seeded with the kinds seed 004 names, officials' support for the disabled and for NGOs included", async () => {
    const codes = (await topics()).map((t) => t.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "MEMBERS_INSURANCE",
        "SUPPORT_FOR_DISABLED",
        "SUPPORT_FOR_NGOS",
        "INFRASTRUCTURE",
        "OFFICIAL_RECOGNITION",
        "EMPLOYMENT_OF_DISABLED",
        "OTHER",
      ]),
    );
  });

  it("lets a demand choose a catalogue category; the enum follows; the enum alone finds its category", async () => {
    const support = (await topics()).find((t) => t.code === "SUPPORT_FOR_DISABLED")!;
    const chosen = await createDemand(`, topicId: "${support.id}"`);
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.createDemand).toMatchObject({
      category: "OTHER",
      topicId: support.id,
      topic: { code: "SUPPORT_FOR_DISABLED" },
    });
    const byEnum = await createDemand(`, category: FUNDING`);
    expect(byEnum.data!.createDemand.topic).toEqual({ code: "FUNDING" });
    const before = await h.count("demand");
    const none = await createDemand("");
    expect(none.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "topicId" }] });
    const unknown = await createDemand(`, topicId: "${uuid(999)}"`);
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await h.count("demand")).toBe(before);
    const filtered = await h.gql(
      `query($t: ID) { demands(filter: { topicId: $t }) { totalCount items { id } } }`,
      { t: support.id },
      ZANJAN_OFFICER,
    );
    expect(filtered.data!.demands.items).toEqual([{ id: chosen.data!.createDemand.id }]);
  });

  it("is managed by administrators only: create, retire (no longer choosable), refuse deleting a used one", async () => {
    const denied = await h.gql(
      `mutation { createDemandTopic(input: { code: "HOUSING", name: "مسکن اعضا" }) { id } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const created = await h.gql(
      `mutation { createDemandTopic(input: { code: "HOUSING", name: "مسکن اعضا" }) { id sortOrder version } }`,
      {},
      ADMIN,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDemandTopic.id;
    const duplicate = await h.gql(
      `mutation { createDemandTopic(input: { code: "HOUSING2", name: "مسکن  اعضا" }) { id } }`,
    );
    expect(duplicate.errors![0]!.extensions!.code).toBe("CONFLICT");
    expect((await createDemand(`, topicId: "${id}"`)).errors).toBeUndefined();
    const retired = await h.gql(
      `mutation($id: ID!) { updateDemandTopic(id: $id, input: { active: false }) { active version } }`,
      { id },
    );
    expect(retired.data!.updateDemandTopic).toEqual({ active: false, version: 2 });
    const late = await createDemand(`, topicId: "${id}"`);
    expect(late.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "topicId" }] });
    const used = await h.gql(`mutation($id: ID!) { deleteDemandTopic(id: $id) { id } }`, { id });
    expect(used.errors![0]!.extensions!.code).toBe("CONFLICT");
    const audit = await h.rows(`SELECT action FROM identity.audit_entry WHERE entity_id = $1`, [id]);
    expect(audit.map((row) => row.action).sort()).toEqual(["createDemandTopic", "updateDemandTopic"]);
  });
});
