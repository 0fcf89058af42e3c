import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, demoNgoId, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { demoAreaId } from "../src/seed/demoOrganisationIds";
import { AssessmentDimension } from "../src/entities/NeedsAssessment";
import {
  assessmentDueBefore,
  checkAssessmentContent,
  isAssessmentDue,
  matchNeeds,
  ngoWorksInArea,
} from "../src/needsAssessment/needsAssessmentRules";

/**
 * Needs assessments of informal-settlement areas (seed 003) and the coverage views (seed 004): rules without a
 * database, then the registry on the demo data as officers, an analyst and an NGO representative.
 */
const fieldsOf = (error: unknown): string[] =>
  ((error as { extensions: { fields?: Array<{ field: string }> } }).extensions.fields ?? []).map((f) => f.field).sort();

describe("needs assessment rules", () => {
  it("makes an area due after 365 days without an assessment", () => {
    expect(assessmentDueBefore("2026-03-20")).toBe("2025-03-20");
    expect(isAssessmentDue(null, "2026-03-20")).toBe(true);
    expect(isAssessmentDue("2025-03-20", "2026-03-20")).toBe(false);
    expect(isAssessmentDue("2025-03-19", "2026-03-20")).toBe(true);
  });

  it("checks the content, every problem at once", () => {
    let fields: string[] = [];
    try {
      checkAssessmentContent(
        {
          assessedOn: "2026-01-02",
          ngoIds: ["a", "a"],
          socialFindings: "x".repeat(4001),
          priorityNeeds: [
            { dimension: AssessmentDimension.SOCIAL, description: "مدرسه" },
            { dimension: AssessmentDimension.SOCIAL, description: "مدرسه" },
            { dimension: AssessmentDimension.PHYSICAL, description: "ا" },
          ],
        },
        "2026-01-01",
      );
    } catch (error) {
      fields = fieldsOf(error);
    }
    expect(fields).toEqual(["assessedOn", "ngoIds", "priorityNeeds", "priorityNeeds.2.description", "socialFindings"]);
  });

  it("asks for at least one finding or priority need, and ranks needs in list order", () => {
    expect(() =>
      checkAssessmentContent({ assessedOn: "2025-01-01", ngoIds: ["a"], priorityNeeds: [] }, "2025-02-01"),
    ).toThrow("دست‌کم یافته‌های یک بعد");
    const values = checkAssessmentContent(
      {
        assessedOn: "2025-01-01",
        ngoIds: ["a"],
        socialFindings: "  ",
        priorityNeeds: [
          { dimension: AssessmentDimension.PHYSICAL, description: " آسفالت معابر " },
          { dimension: AssessmentDimension.SOCIAL, description: "مهدکودک" },
        ],
      },
      "2025-02-01",
    );
    expect(values.socialFindings).toBeNull();
    expect(values.priorityNeeds).toEqual([
      { rank: 1, dimension: "PHYSICAL", description: "آسفالت معابر" },
      { rank: 2, dimension: "SOCIAL", description: "مهدکودک" },
    ]);
  });

  it("keeps the id of a need listed again (spelling variants match), drops the others", () => {
    const current = [
      { id: "n1", dimension: AssessmentDimension.SOCIAL, description: "مهدکودک" },
      { id: "n2", dimension: AssessmentDimension.ECONOMIC, description: "اشتغال زنان" },
    ];
    const next = [
      { dimension: AssessmentDimension.ECONOMIC, description: "اشتغال زنان" },
      { dimension: AssessmentDimension.SOCIAL, description: "مهد كودك" }, // Arabic kaf, a space for the joiner
      { dimension: AssessmentDimension.PHYSICAL, description: "مهدکودک" },
    ];
    const { keptIds, removedIds } = matchNeeds(current, next);
    expect(keptIds).toEqual(["n2", "n1", null]);
    expect(removedIds).toEqual([]);
    expect(matchNeeds(current, [next[2]!]).removedIds).toEqual(["n1", "n2"]);
  });

  it("lets an NGO work in the areas of its county and where it runs an office", () => {
    expect(ngoWorksInArea({ countyId: "1901" }, { countyId: "1901" }, false)).toBe(true);
    expect(ngoWorksInArea({ countyId: "1901" }, { countyId: "0401" }, false)).toBe(false);
    expect(ngoWorksInArea({ countyId: "1901" }, { countyId: "0401" }, true)).toBe(true);
  });
});

describe("needs assessments and coverage on the demo registry", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let db: DataSource;
  let server: RunningServer;
  const security = generateServiceSecurity();
  const as: Record<string, Record<string, string>> = {};
  const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(server.url, query, variables, as[who]);
  const count = async (table: string) =>
    withClient(database.adminUrl, async (client) =>
      Number((await client.query(`SELECT count(*) AS n FROM registry.${table}`)).rows[0].n),
    );
  const NGO = demoNgoId("14905484270"); // Zanjan county 1901; runs Islamabad's office
  const FATEMIYEH = demoAreaId("1901", "کوی فاطمیه"); // no office
  const ISLAMABAD = demoAreaId("1901", "اسلام‌آباد"); // an office run by two NGOs
  const URMIA_AREA = demoAreaId("0401", "حسین‌آباد");
  const CREATE = `mutation($input: NeedsAssessmentCreateInput!) { createNeedsAssessment(input: $input) { id version assessedOn countyId ngoIds priorityNeeds { id rank dimension description } } }`;
  const UPDATE = `mutation($id: ID!, $input: NeedsAssessmentUpdateInput!) { updateNeedsAssessment(id: $id, input: $input) { id version assessedOn priorityNeeds { id rank description } } }`;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const content = (assessedOn: string) => ({
    assessedOn,
    ngoIds: [NGO],
    socialFindings: "نبود فضای آموزشی برای کودکان و نوجوانان محله",
    physicalFindings: "معابر خاکی و نبود روشنایی",
    priorityNeeds: [
      { dimension: "PHYSICAL", description: "آسفالت و روشنایی معابر اصلی" },
      { dimension: "SOCIAL", description: "مهدکودک محله" },
    ],
  });
  const areaNames = async (who: string, field: string, filter: Record<string, unknown> = {}) => {
    const result = await gql(
      who,
      `query($filter: AreaCoverageFilter) { ${field}(filter: $filter, limit: 200) { totalCount items { id } } }`,
      {
        filter,
      },
    );
    expect(result.errors).toBeUndefined();
    return (result.data![field] as { items: Array<{ id: string }> }).items.map((item) => item.id);
  };
  let assessmentId: string;

  beforeAll(async () => {
    database = await prepareTestDatabase("needsassessments", { demo: true });
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    as.zanjanProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
    as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
    as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
    as.representative = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: NGO });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("lists counties without a facilitation office, within the territory", async () => {
    const province = await gql(
      "zanjanProvince",
      `{ countiesWithoutFacilitationOffice(limit: 100) { totalCount items { id provinceId } } }`,
    );
    const ids = province.data!.countiesWithoutFacilitationOffice.items.map((c: { id: string }) => c.id);
    expect(ids).not.toContain("1901"); // Islamabad's office
    expect(ids).toContain("1902");
    expect(
      province.data!.countiesWithoutFacilitationOffice.items.every(
        (c: { provinceId: string }) => c.provinceId === "19",
      ),
    ).toBe(true);
    const county = await gql("zanjanCounty", `{ countiesWithoutFacilitationOffice { totalCount } }`);
    expect(county.data!.countiesWithoutFacilitationOffice.totalCount).toBe(0);
    const national = await gql(
      "analyst",
      `{ countiesWithoutFacilitationOffice(filter: { provinceId: "04" }, limit: 100) { items { id } } }`,
    );
    const urmia = national.data!.countiesWithoutFacilitationOffice.items.map((c: { id: string }) => c.id);
    expect(urmia).not.toContain("0401");
    expect(urmia.length).toBeGreaterThan(0);
  });

  it("lists areas without an office and areas no NGO covers, within the territory", async () => {
    const withoutOffice = await areaNames("zanjanCounty", "areasWithoutFacilitationOffice");
    expect(withoutOffice).toContain(FATEMIYEH);
    expect(withoutOffice).not.toContain(ISLAMABAD);
    expect(withoutOffice).not.toContain(URMIA_AREA);
    expect(await areaNames("urmiaCounty", "areasWithoutFacilitationOffice")).toEqual([]);
    const withoutNgo = await areaNames("zanjanCounty", "areasWithoutNgo", { kind: "NEIGHBOURHOOD" });
    expect(withoutNgo).toEqual([FATEMIYEH]);
  });

  it("lets an NGO representative file an assessment of an area of its county, and shows it only to its NGO", async () => {
    const created = await gql("representative", CREATE, { input: { areaId: FATEMIYEH, ...content(daysAgo(400)) } });
    expect(created.errors).toBeUndefined();
    assessmentId = created.data!.createNeedsAssessment.id;
    expect(created.data!.createNeedsAssessment).toMatchObject({ countyId: "1901", ngoIds: [NGO], version: 1 });
    expect(created.data!.createNeedsAssessment.priorityNeeds.map((n: { rank: number }) => n.rank)).toEqual([1, 2]);
    const own = await gql("representative", `{ needsAssessments { totalCount items { id area { id } } } }`);
    expect(own.data!.needsAssessments).toMatchObject({ totalCount: 1, items: [{ id: assessmentId, area: null }] });
    const urmia = await gql("urmiaCounty", `query($id: ID!) { needsAssessment(id: $id) { id } }`, { id: assessmentId });
    expect(urmia.data!.needsAssessment).toBeNull();
    const audit = await withClient(
      database.adminUrl,
      async (client) =>
        (await client.query(`SELECT after FROM identity.audit_entry WHERE entity_id = $1`, [assessmentId])).rows,
    );
    expect(audit[0].after.priorityNeeds).toHaveLength(2);
    // An NGO took part: the area is covered now, but still due (assessed 400 days ago)
    expect(await areaNames("zanjanCounty", "areasWithoutNgo")).not.toContain(FATEMIYEH);
    const due = await gql(
      "zanjanCounty",
      `{ areasDueForNeedsAssessment(limit: 100) { items { id lastNeedsAssessedOn } } }`,
    );
    expect(due.data!.areasDueForNeedsAssessment.items).toContainEqual({
      id: FATEMIYEH,
      lastNeedsAssessedOn: daysAgo(400),
    });
    const never = await gql(
      "zanjanCounty",
      `{ areasDueForNeedsAssessment(filter: { neverAssessed: true }, limit: 100) { items { id } } }`,
    );
    expect(never.data!.areasDueForNeedsAssessment.items.map((a: { id: string }) => a.id)).not.toContain(FATEMIYEH);
  });

  it("lists a representative the areas its NGO works in (what the dashboard offers for a filing), staff none", async () => {
    const AREAS = `{ myAssessableAreas { id countyId } }`;
    const mine = await gql("representative", AREAS);
    expect(mine.errors).toBeUndefined();
    const areas = mine.data!.myAssessableAreas as { id: string; countyId: string }[];
    const ids = areas.map((area) => area.id);
    expect(ids).toEqual(expect.arrayContaining([FATEMIYEH, ISLAMABAD]));
    expect(ids).not.toContain(URMIA_AREA);
    // Exactly the areas of the NGO's county and those where it runs an office (the filing rule).
    const expected = await withClient(database.adminUrl, async (client) =>
      (
        await client.query(
          `SELECT a.id FROM registry.informal_settlement_area a
            WHERE a.county_id = (SELECT county_id FROM registry.ngo WHERE id = $1)
               OR EXISTS (SELECT 1 FROM registry.facilitation_office o
                            JOIN registry.facilitation_office_operator op ON op.facilitation_office_id = o.id
                           WHERE o.area_id = a.id AND op.ngo_id = $1)`,
          [NGO],
        )
      ).rows.map((row: { id: string }) => row.id),
    );
    expect([...ids].sort()).toEqual([...expected].sort());
    const staff = await gql("zanjanCounty", AREAS);
    expect(staff.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("refuses a representative's filing outside its NGO's areas or for another NGO, writing nothing", async () => {
    const before = await count("needs_assessment");
    const outside = await gql("representative", CREATE, { input: { areaId: URMIA_AREA, ...content(daysAgo(3)) } });
    expect(outside.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const other = await gql("representative", CREATE, {
      input: { areaId: FATEMIYEH, ...content(daysAgo(3)), ngoIds: [NGO, demoNgoId("14953907576")] },
    });
    expect(fieldsOf(other.errors![0])).toEqual(["ngoIds"]);
    const update = await gql("representative", UPDATE, { id: assessmentId, input: content(daysAgo(3)) });
    expect(update.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await count("needs_assessment")).toBe(before);
  });

  it("updates an assessment, keeping the id of an unchanged need; the area is no longer due", async () => {
    const current = await gql(
      "zanjanCounty",
      `query($id: ID!) { needsAssessment(id: $id) { priorityNeeds { id description } } }`,
      {
        id: assessmentId,
      },
    );
    const social = current.data!.needsAssessment.priorityNeeds.find(
      (n: { description: string }) => n.description === "مهدکودک محله",
    );
    const input = {
      ...content(daysAgo(2)),
      priorityNeeds: [
        { dimension: "SOCIAL", description: "مهدکودک محله" },
        { dimension: "ECONOMIC", description: "آموزش مهارت و اشتغال زنان سرپرست خانوار" },
      ],
    };
    const updated = await gql("zanjanCounty", UPDATE, { id: assessmentId, input });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateNeedsAssessment.version).toBe(2);
    expect(updated.data!.updateNeedsAssessment.priorityNeeds[0]).toEqual({
      id: social.id,
      rank: 1,
      description: "مهدکودک محله",
    });
    expect(await count("needs_assessment_priority")).toBe(2);
    const due = await gql("zanjanCounty", `{ areasDueForNeedsAssessment(limit: 100) { items { id } } }`);
    expect(due.data!.areasDueForNeedsAssessment.items.map((a: { id: string }) => a.id)).not.toContain(FATEMIYEH);
  });

  it("keeps an assessed area from being deleted, and deletes the assessment with its parts", async () => {
    const area = await gql("zanjanCounty", `mutation($id: ID!) { deleteInformalSettlementArea(id: $id) { id } }`, {
      id: FATEMIYEH,
    });
    expect(area.errors![0]!.extensions!.code).toBe("CONFLICT");
    const deleted = await gql("zanjanCounty", `mutation($id: ID!) { deleteNeedsAssessment(id: $id) { id } }`, {
      id: assessmentId,
    });
    expect(deleted.errors).toBeUndefined();
    expect(await count("needs_assessment_priority")).toBe(0);
    expect(await count("needs_assessment_ngo")).toBe(0);
  });
});
