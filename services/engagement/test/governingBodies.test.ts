import { GoverningBodies1767260000002 } from "../src/migrations/1767260000002-GoverningBodies";
import { bodyMismatch } from "../src/governingBody/governingBodyRules";
import { ADMIN, EngagementHarness, QAZVIN_OFFICER, startHarness, uuid, ZANJAN_OFFICER } from "./helpers";

/**
 * Bodies committees belong to (seed 003: Qazvin's secretariat for empowering inefficient urban areas), replacing the
 * free-text `parentBody`: the data migration, committees attached by `bodyId`, a body's committees, members and
 * projects, territory, and the deprecated text following the body.
 */
describe("governing body rules", () => {
  it("takes committees of its province, and of its county for a county body", () => {
    expect(bodyMismatch({ provinceId: "26", countyId: null }, { provinceId: "26", countyId: "2601" })).toBeNull();
    expect(bodyMismatch({ provinceId: "26", countyId: null }, { provinceId: "19", countyId: null })).not.toBeNull();
    expect(bodyMismatch({ provinceId: "26", countyId: "2601" }, { provinceId: "26", countyId: null })).not.toBeNull();
  });
});

describe("governing bodies on the engagement subgraph", () => {
  let h: EngagementHarness;
  beforeAll(async () => {
    h = await startHarness("governingbodies");
  });
  afterAll(() => h?.stop());

  const SECRETARIAT = "دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان قزوین";
  const group = (input: string, as = ADMIN) =>
    h.gql(
      `mutation { createWorkingGroup(input: { name: "کمیته تخصصی کالبدی", dimension: PHYSICAL, provinceId: "26"${input} }) { id bodyId parentBody body { id name } } }`,
      {},
      as,
    );

  it("turns the free text of existing committees into one body per province and spelling", async () => {
    const migration = new GoverningBodies1767260000002();
    const runner = h.db.createQueryRunner();
    try {
      await migration.down(runner);
      // The first spelling typed names the body; a later variant (Arabic yeh, no joiner) joins it.
      await h.rows(
        `INSERT INTO engagement.working_group (name, name_normalized, dimension, province_id, parent_body) VALUES
          ('کمیته اجتماعی', 'a1', 'SOCIAL', '26', $1), ('کمیته زنجان', 'a3', 'SOCIAL', '19', $1),
          ('کمیته بی‌نهاد', 'a4', 'SOCIAL', '19', NULL)`,
        [SECRETARIAT],
      );
      await h.rows(
        `INSERT INTO engagement.working_group (name, name_normalized, dimension, province_id, parent_body, created_at) VALUES
          ('کمیته اقتصادی', 'a2', 'ECONOMIC', '26', $1, now() + interval '1 second')`,
        [SECRETARIAT.replaceAll("ی", "ي").replaceAll("\u200c", " ")],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const bodies = await h.rows(`SELECT id, name, province_id FROM engagement.governing_body ORDER BY province_id`);
    expect(bodies.map((b) => [b.province_id, b.name])).toEqual([
      ["19", SECRETARIAT],
      ["26", SECRETARIAT],
    ]);
    const linked = await h.rows(
      `SELECT g.name, b.province_id FROM engagement.working_group g LEFT JOIN engagement.governing_body b ON b.id = g.body_id ORDER BY g.name`,
    );
    expect(Object.fromEntries(linked.map((row) => [row.name, row.province_id]))).toEqual({
      "کمیته اجتماعی": "26",
      "کمیته اقتصادی": "26",
      "کمیته زنجان": "19",
      "کمیته بی‌نهاد": null,
    });
  });

  it("attaches committees to a body of their province, the old text following the body's name", async () => {
    const qazvin = await h.gql(
      `{ governingBodies(filter: { provinceId: "26" }) { items { id name workingGroups { name } } } }`,
      {},
      QAZVIN_OFFICER,
    );
    const body = qazvin.data!.governingBodies.items[0];
    expect(body.workingGroups.map((g: { name: string }) => g.name).sort()).toEqual(
      ["کمیته اقتصادی", "کمیته اجتماعی"].sort(),
    );
    const attached = await group(`, bodyId: "${body.id}", parentBody: "متن کهنه"`, QAZVIN_OFFICER);
    expect(attached.data!.createWorkingGroup).toMatchObject({
      bodyId: body.id,
      parentBody: SECRETARIAT,
      body: { id: body.id },
    });
    const zanjanBody = (await h.rows(`SELECT id FROM engagement.governing_body WHERE province_id = '19'`))[0].id;
    const before = await h.count("working_group");
    const wrong = await group(`, bodyId: "${zanjanBody}"`);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "bodyId" }] });
    const hidden = await group(`, bodyId: "${zanjanBody}"`, QAZVIN_OFFICER);
    expect(hidden.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await h.count("working_group")).toBe(before);
    const seen = await h.gql(`query($id: ID!) { governingBody(id: $id) { id } }`, { id: zanjanBody }, QAZVIN_OFFICER);
    expect(seen.data!.governingBody).toBeNull();
  });

  it("lists a body's members and projects, renames it everywhere, and refuses deleting it while it has committees", async () => {
    const body = (await h.rows(`SELECT id FROM engagement.governing_body WHERE province_id = '26'`))[0].id;
    const committee = (await h.rows(`SELECT id FROM engagement.working_group WHERE body_id = $1 LIMIT 1`, [body]))[0]
      .id;
    const member = await h.gql(
      `mutation($g: ID!) { createWorkingGroupMember(input: { workingGroupId: $g, ngoId: "${uuid(7)}", joinedOn: "2025-05-01" }) { id } }`,
      { g: committee },
    );
    expect(member.errors).toBeUndefined();
    const project = await h.gql(
      `mutation($g: ID!) { createProject(input: { workingGroupId: $g, title: "بهسازی معابر محله", provinceId: "26", countyId: "2601", plannedEndOn: "2026-12-01" }) { id } }`,
      { g: committee },
    );
    expect(project.errors).toBeUndefined();
    const renamed = await h.gql(
      `mutation($id: ID!) { updateGoverningBody(id: $id, input: { name: "دبیرخانه ستاد توانمندسازی استان قزوین" }) { name version members { ngoId } projects { id } } }`,
      { id: body },
      ZANJAN_OFFICER,
    );
    expect(renamed.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const ok = await h.gql(
      `mutation($id: ID!) { updateGoverningBody(id: $id, input: { name: "دبیرخانه ستاد توانمندسازی استان قزوین" }) { name version members { ngoId } projects { id } } }`,
      { id: body },
      QAZVIN_OFFICER,
    );
    expect(ok.data!.updateGoverningBody).toMatchObject({
      version: 2,
      members: [{ ngoId: uuid(7) }],
      projects: [{ id: project.data!.createProject.id }],
    });
    const texts = await h.rows(`SELECT DISTINCT parent_body FROM engagement.working_group WHERE body_id = $1`, [body]);
    expect(texts).toEqual([{ parent_body: "دبیرخانه ستاد توانمندسازی استان قزوین" }]);
    const refused = await h.gql(`mutation($id: ID!) { deleteGoverningBody(id: $id) { id } }`, { id: body });
    expect(refused.errors![0]!.extensions!.code).toBe("CONFLICT");
  });
});
