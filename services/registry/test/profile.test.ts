import { Role } from "@hamafza/common";
import { demoNgoId, demoNgos, loadRegistryDemoData } from "@hamafza/registry";
import { isValidNationalCode, normalizePhone, parseFlexibleDate } from "@hamafza/registry/dist/validation";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badFields, createNgo, errorOf, nextNationalId, RegistryHarness, startHarness } from "./profileHelpers";

let h: RegistryHarness;
beforeAll(async () => {
  // The registry's demo data only (NGOs, managers, organisations and the demo profiles), without other services.
  h = await startHarness("profile");
  await loadRegistryDemoData(h.db);
});
afterAll(async () => {
  await h?.stop();
});

const FIELDS = `{ fieldsOfActivity(limit: 200) { totalCount items { id code name description sortOrder } } }`;
const fieldIdOf = async (code: string): Promise<string> =>
  (await h.admin(`query($c: [String!]) { fieldsOfActivity(filter: { codes: $c }) { items { id } } }`, { c: [code] }))
    .data!.fieldsOfActivity.items[0].id;

describe("fields of activity (taxonomy)", () => {
  it("is seeded with the fields of DOMAIN.md under the codes of the demo CSV, in their order", async () => {
    const result = await h.admin(FIELDS);
    const codes = result.data!.fieldsOfActivity.items.map((f: { code: string }) => f.code);
    const csvCodes = readFileSync(join(__dirname, "..", "data", "demo-ngos.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[4]);
    expect(codes).toEqual(expect.arrayContaining([...new Set(csvCodes)]));
    expect(codes.slice(0, 10)).toEqual([
      "YOUTH",
      "SOCIAL_HARM_PREVENTION",
      "DISABILITY",
      "WOMEN_FAMILY",
      "ENVIRONMENT",
      "HEALTH",
      "CULTURE",
      "CHARITY",
      "EDUCATION",
      "URBAN_DEVELOPMENT",
    ]);
    const youth = result.data!.fieldsOfActivity.items[0];
    expect(youth.name).toBe("جوانان");
    const byId = await h.admin(`query($id: ID!) { fieldOfActivity(id: $id) { code } }`, { id: youth.id });
    expect(byId.data!.fieldOfActivity.code).toBe("YOUTH");
    const entities = await h.admin(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on FieldOfActivity { code } } }`,
      {
        r: [
          { __typename: "FieldOfActivity", id: youth.id },
          { __typename: "FieldOfActivity", id: "not-a-uuid" },
        ],
      },
    );
    expect(entities.data!._entities).toEqual([{ code: "YOUTH" }, null]);
    const search = await h.admin(`{ fieldsOfActivity(filter: { q: "زنان و خانواده" }) { items { code } } }`);
    expect(search.data!.fieldsOfActivity.items).toEqual([{ code: "WOMEN_FAMILY" }]);
  });

  it("lets administrators add, rename and delete fields, with validation, uniqueness and audit", async () => {
    const before = await h.count("field_of_activity");
    const invalid = await h.admin(`mutation { createFieldOfActivity(input: { code: "refugees!", name: "x" }) { id } }`);
    expect(badFields(invalid)).toEqual(["code", "name"]);
    const duplicateCode = await h.admin(
      `mutation { createFieldOfActivity(input: { code: "youth", name: "جوانان و نوجوانان" }) { id } }`,
    );
    expect(errorOf(duplicateCode)?.extensions?.code).toBe("CONFLICT");
    const duplicateName = await h.admin(
      `mutation { createFieldOfActivity(input: { code: "YOUTH_2", name: "جوانان" }) { id } }`,
    );
    expect(errorOf(duplicateName)?.extensions?.code).toBe("CONFLICT");
    const officer = await (
      await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "19" })
    )(`mutation { createFieldOfActivity(input: { code: "REFUGEES", name: "پناهندگان" }) { id } }`);
    expect(errorOf(officer)?.extensions?.code).toBe("FORBIDDEN");
    expect(await h.count("field_of_activity")).toBe(before);

    const created = await h.admin(
      `mutation { createFieldOfActivity(input: { code: "refugees", name: " پناهندگان  و  مهاجران ", description: "اتباع و مهاجران" }) { id code name sortOrder } }`,
    );
    expect(created.data!.createFieldOfActivity).toMatchObject({ code: "REFUGEES", name: "پناهندگان و مهاجران" });
    const maxOrder = Math.max(
      ...(await h.admin(FIELDS))
        .data!.fieldsOfActivity.items.filter((f: { code: string }) => f.code !== "REFUGEES")
        .map((f: { sortOrder: number }) => f.sortOrder),
    );
    expect(created.data!.createFieldOfActivity.sortOrder).toBeGreaterThan(maxOrder);
    const id = created.data!.createFieldOfActivity.id;
    const renamed = await h.admin(
      `mutation($id: ID!) { updateFieldOfActivity(id: $id, input: { name: "مهاجران", description: null }) { name description code } }`,
      { id },
    );
    expect(renamed.data!.updateFieldOfActivity).toEqual({ name: "مهاجران", description: null, code: "REFUGEES" });

    const ngoId = await createNgo(h, { name: "انجمن حمایت از مهاجران زنجان", countyId: "1901", fieldIds: [id] });
    const inUse = await h.admin(`mutation($id: ID!) { deleteFieldOfActivity(id: $id) { id } }`, { id });
    expect(errorOf(inUse)?.extensions?.code).toBe("CONFLICT");
    expect(errorOf(inUse)?.message).toContain("۱ سمن");
    await h.admin(`mutation($id: ID!) { updateNgo(id: $id, input: { fieldIds: [] }) { id } }`, { id: ngoId });
    const deleted = await h.admin(`mutation($id: ID!) { deleteFieldOfActivity(id: $id) { code } }`, { id });
    expect(deleted.data!.deleteFieldOfActivity.code).toBe("REFUGEES");
    expect(await h.count("field_of_activity")).toBe(before);
    const audit = await h.superQuery(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`, [id]);
    expect(audit.map((a) => a.action)).toEqual([
      "createFieldOfActivity",
      "updateFieldOfActivity",
      "deleteFieldOfActivity",
    ]);
  });
});

describe("national code (کد ملی) checksum", () => {
  it.each(["0499370899", "0013542419", "0084575948", "4270593776"])("accepts %s", (code) =>
    expect(isValidNationalCode(code)).toBe(true),
  );
  it.each(["0499370898", "0013542418", "1111111111", "0000000000", "499370899", "04993708990", "04993x0899", ""])(
    "refuses %s",
    (code) => expect(isValidNationalCode(code)).toBe(false),
  );
});

describe("dates typed in forms and files", () => {
  it.each([
    ["1388/04/12", "2009-07-03"],
    ["۱۳۸۸/۰۴/۱۲", "2009-07-03"],
    ["1388-4-12", "2009-07-03"],
    ["1403/12/30", "2025-03-20"],
    ["2009-07-03", "2009-07-03"],
    ["2009/7/3", "2009-07-03"],
  ])("reads %s as %s", (text, iso) => expect(parseFlexibleDate(text)).toBe(iso));
  it.each(["1388/13/01", "1402/12/30", "2023-02-30", "88/04/12", "12 تیر 1388", ""])("refuses %s", (text) =>
    expect(parseFlexibleDate(text)).toBeNull(),
  );
});

const PROFILE = `id name scope phone otherPhones phones fieldIds fields { code }
  boardMembers { id name role nationalCode phone }
  capabilities { id service coverageCountyIds coverageCounties { name } field { code } volunteersAvailable }
  awards { id title level jalaliYear awardedBy }
  trainingNeeds { id topic audience urgency }`;

describe("NGO profile", () => {
  let ngoId: string;
  let youth: string;
  let children: string;

  beforeAll(async () => {
    youth = await fieldIdOf("YOUTH");
    children = await fieldIdOf("CHILDREN");
  });

  const counts = async () => ({
    ngo: await h.count("ngo"),
    board: await h.count("board_member"),
    capabilities: await h.count("ngo_capability"),
    awards: await h.count("ngo_award"),
    needs: await h.count("training_need"),
    fields: await h.count("ngo_field"),
  });

  it("creates an NGO with scope, phones, fields, board, capabilities, awards and training needs", async () => {
    const result = await h.admin(`mutation($input: NgoCreateInput!) { createNgo(input: $input) { ${PROFILE} } }`, {
      input: {
        name: "کانون نوجوانان پیشرو زنجان",
        nationalId: nextNationalId(),
        countyId: "1901",
        scope: "PROVINCIAL",
        phone: "024-3344 1258",
        otherPhones: ["۰۹۱۲ ۳۴۵ ۶۷۸۹", "+98 24 3344 1258", "00989123456789"],
        fieldIds: [children, youth, youth],
        boardMembers: [
          { name: "زهرا  محمدی", role: "CHAIR", nationalCode: "۰۴۹۹۳۷۰۸۹۹", phone: "+98 912 111 2233" },
          { name: "علی رضایی", role: "SECRETARY", nationalCode: "0013542419" },
          { name: "مریم کریمی", role: "MEMBER", nationalCode: "0084575948" },
        ],
        capabilities: [
          {
            service: "اردوهای آموزشی نوجوانان",
            fieldId: youth,
            coverageCountyIds: ["1903", "1902", "1903"],
            volunteersAvailable: 12,
          },
        ],
        awards: [
          { title: "جشنواره ملی نوجوانان", level: "NATIONAL", jalaliYear: 1402, awardedBy: "وزارت ورزش و جوانان" },
        ],
        trainingNeeds: [{ topic: "نگارش طرح", audience: "هیئت‌مدیره", urgency: "HIGH" }, { topic: "جذب داوطلب" }],
      },
    });
    expect(result.errors).toBeUndefined();
    const ngo = result.data!.createNgo;
    ngoId = ngo.id;
    expect(ngo).toMatchObject({
      scope: "PROVINCIAL",
      phone: "02433441258",
      otherPhones: ["09123456789"],
      phones: ["02433441258", "09123456789"],
      fieldIds: [youth, children],
      fields: [{ code: "YOUTH" }, { code: "CHILDREN" }],
      awards: [
        { title: "جشنواره ملی نوجوانان", level: "NATIONAL", jalaliYear: 1402, awardedBy: "وزارت ورزش و جوانان" },
      ],
    });
    expect(ngo.boardMembers.map((m: Record<string, unknown>) => [m.name, m.role, m.nationalCode, m.phone])).toEqual([
      ["زهرا محمدی", "CHAIR", "0499370899", "09121112233"],
      ["علی رضایی", "SECRETARY", "0013542419", null],
      ["مریم کریمی", "MEMBER", "0084575948", null],
    ]);
    expect(ngo.capabilities[0]).toMatchObject({
      coverageCountyIds: ["1902", "1903"],
      coverageCounties: [{ name: "ابهر" }, { name: "ایجرود" }],
      field: { code: "YOUTH" },
      volunteersAvailable: 12,
    });
    expect(ngo.trainingNeeds.map((n: Record<string, unknown>) => [n.topic, n.audience, n.urgency])).toEqual([
      ["نگارش طرح", "هیئت‌مدیره", "HIGH"],
      ["جذب داوطلب", null, "MEDIUM"],
    ]);
    const audit = await h.superQuery(
      `SELECT after FROM identity.audit_entry WHERE entity_id = $1 AND action = 'createNgo'`,
      [ngoId],
    );
    expect(audit[0].after.boardMembers).toHaveLength(3);
    expect(audit[0].after.fieldIds.sort()).toEqual([youth, children].sort());
    expect(audit[0].after.boardMembers[0]).not.toHaveProperty("nameNormalized");
  });

  it("reports every invalid profile item at once, with its path, and writes nothing", async () => {
    const before = await counts();
    const result = await h.admin(`mutation($input: NgoCreateInput!) { createNgo(input: $input) { id } }`, {
      input: {
        name: "انجمن آزمون خطاها",
        nationalId: nextNationalId(),
        countyId: "1901",
        otherPhones: ["0912345678", "09121234567"],
        fieldIds: [youth, "8f8f8f8f-8f8f-4f8f-8f8f-8f8f8f8f8f8f"],
        boardMembers: [
          { name: "زهرا محمدی", role: "CHAIR", nationalCode: "0499370898" },
          { name: "علی رضایی", role: "CHAIR", nationalCode: "0013542419", phone: "12345" },
          { name: "مریم کریمی", role: "MEMBER", nationalCode: "0013542419" },
          { name: "م", role: "MEMBER", nationalCode: "1111111111" },
        ],
        capabilities: [
          {
            service: "آموزش",
            coverageCountyIds: ["1901", "9999"],
            fieldId: "8f8f8f8f-8f8f-4f8f-8f8f-8f8f8f8f8f8f",
            volunteersAvailable: -3,
          },
        ],
        awards: [
          { title: "جایزه قدیمی", level: "NATIONAL", jalaliYear: 1299 },
          { title: "جایزه آینده", level: "INTERNATIONAL", jalaliYear: 1499 },
        ],
        trainingNeeds: [{ topic: "نگارش طرح" }, { topic: "نگارش‌طرح" }, { topic: "" }],
      },
    });
    expect(errorOf(result)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badFields(result)).toEqual(
      [
        "otherPhones.0",
        "fieldIds.1",
        "boardMembers.0.nationalCode",
        "boardMembers.1.role",
        "boardMembers.1.phone",
        "boardMembers.2.nationalCode",
        "boardMembers.3.name",
        "boardMembers.3.nationalCode",
        "capabilities.0.fieldId",
        "capabilities.0.coverageCountyIds",
        "capabilities.0.volunteersAvailable",
        "awards.0.jalaliYear",
        "awards.1.jalaliYear",
        "trainingNeeds.1.topic",
        "trainingNeeds.2.topic",
      ].sort(),
    );
    const messages = (errorOf(result)!.extensions!.fields as { field: string; message: string }[]).map(
      (f) => f.message,
    );
    expect(messages.every((m) => /[\u0600-\u06FF]/.test(m))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["09121234567", "09121234567"],
    ["۰۹۱۲۱۲۳۴۵۶۷", "09121234567"],
    ["٠٩١٢١٢٣٤٥٦٧", "09121234567"],
    ["+98 912 123 4567", "09121234567"],
    ["0098-912-123-4567", "09121234567"],
    ["(024) 3344-1258", "02433441258"],
    ["021 8877 6655", "02188776655"],
  ])("accepts the phone %s as %s (NGO and board member)", async (typed, stored) => {
    const result = await h.admin(
      `mutation($id: ID!, $input: NgoUpdateInput!) { updateNgo(id: $id, input: $input) { otherPhones boardMembers { phone } } }`,
      {
        id: ngoId,
        input: {
          otherPhones: [typed],
          boardMembers: [{ name: "زهرا محمدی", role: "CHAIR", nationalCode: "0499370899", phone: typed }],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateNgo).toEqual({
      otherPhones: stored === "02433441258" ? [] : [stored],
      boardMembers: [{ phone: stored }],
    });
  });

  it.each(["9121234567", "0912123456", "091212345678", "+9912123456", "1234", "02112345", "0912-ABC-4567"])(
    "refuses the phone %s",
    async (typed) => {
      expect(normalizePhone(typed)).toBeNull();
      const before = await counts();
      const result = await h.admin(
        `mutation($id: ID!, $input: NgoUpdateInput!) { updateNgo(id: $id, input: $input) { id } }`,
        {
          id: ngoId,
          input: {
            phone: typed,
            otherPhones: [typed],
            boardMembers: [{ name: "زهرا محمدی", role: "CHAIR", nationalCode: "0499370899", phone: typed }],
          },
        },
      );
      expect(badFields(result)).toEqual(["boardMembers.0.phone", "otherPhones.0", "phone"]);
      expect(await counts()).toEqual(before);
    },
  );

  it("replaces lists on update: kept ids stay, omitted items go, roles can be swapped, omitted lists are untouched", async () => {
    const setUp = await h.admin(
      `mutation($id: ID!, $input: NgoUpdateInput!) { updateNgo(id: $id, input: $input) { boardMembers { id role nationalCode } } }`,
      {
        id: ngoId,
        input: {
          boardMembers: [
            { name: "زهرا محمدی", role: "CHAIR", nationalCode: "0499370899" },
            { name: "علی رضایی", role: "SECRETARY", nationalCode: "0013542419" },
            { name: "مریم کریمی", role: "TREASURER", nationalCode: "0084575948" },
          ],
        },
      },
    );
    const [chair, secretary] = setUp.data!.updateNgo.boardMembers;
    const before = await h.admin(
      `query($id: ID!) { ngo(id: $id) { awards { id } trainingNeeds { id } capabilities { id } } }`,
      { id: ngoId },
    );
    const swapped = await h.admin(
      `mutation($id: ID!, $input: NgoUpdateInput!) { updateNgo(id: $id, input: $input) { ${PROFILE} } }`,
      {
        id: ngoId,
        input: {
          boardMembers: [
            { id: secretary.id, name: "علی رضایی", role: "CHAIR", nationalCode: "0013542419" },
            { id: chair.id, name: "زهرا محمدی", role: "SECRETARY", nationalCode: "0499370899" },
            {
              id: "7d7d7d7d-7d7d-4d7d-8d7d-7d7d7d7d7d7d",
              name: "حسن احمدی",
              role: "INSPECTOR",
              nationalCode: "4270593776",
            },
          ],
          fieldIds: null,
        },
      },
    );
    expect(swapped.errors).toBeUndefined();
    const members = swapped.data!.updateNgo.boardMembers;
    expect(members.map((m: { id: string; role: string }) => [m.id, m.role]).slice(0, 2)).toEqual([
      [secretary.id, "CHAIR"],
      [chair.id, "SECRETARY"],
    ]);
    expect(members[2].id).not.toBe("7d7d7d7d-7d7d-4d7d-8d7d-7d7d7d7d7d7d");
    expect(members.map((m: { nationalCode: string }) => m.nationalCode)).not.toContain("0084575948");
    expect(swapped.data!.updateNgo.fieldIds).toEqual([]);
    expect(swapped.data!.updateNgo.awards.map((a: { id: string }) => a.id)).toEqual(
      before.data!.ngo.awards.map((a: { id: string }) => a.id),
    );
    expect(swapped.data!.updateNgo.trainingNeeds.map((a: { id: string }) => a.id)).toEqual(
      before.data!.ngo.trainingNeeds.map((a: { id: string }) => a.id),
    );
    const audit = await h.superQuery(
      `SELECT before, after FROM identity.audit_entry WHERE entity_id = $1 AND action = 'updateNgo' ORDER BY at DESC LIMIT 1`,
      [ngoId],
    );
    expect(audit[0].before.boardMembers.map((m: { role: string }) => m.role)).toEqual([
      "CHAIR",
      "SECRETARY",
      "TREASURER",
    ]);
    expect(audit[0].after.boardMembers.map((m: { role: string }) => m.role)).toEqual([
      "CHAIR",
      "SECRETARY",
      "INSPECTOR",
    ]);
    expect(audit[0].before).not.toHaveProperty("awards");
  });

  it("masks board members' national codes and phones, and the NGO's phones, for analysts only", async () => {
    const query = `query($id: ID!) { ngo(id: $id) { phone otherPhones phones address boardMembers { name nationalCode phone } } }`;
    const prepared = await h.admin(
      `mutation($id: ID!) { updateNgo(id: $id, input: { otherPhones: ["09123456789"], address: "زنجان، خیابان سعدی", boardMembers: [{ name: "زهرا محمدی", role: CHAIR, nationalCode: "0499370899", phone: "09121112233" }] }) { id } }`,
      { id: ngoId },
    );
    expect(prepared.errors).toBeUndefined();
    const officer = (await (await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "19" }))(query, { id: ngoId })).data!
      .ngo;
    expect(officer).toEqual({
      phone: "02433441258",
      otherPhones: ["09123456789"],
      phones: ["02433441258", "09123456789"],
      address: "زنجان، خیابان سعدی",
      boardMembers: [{ name: "زهرا محمدی", nationalCode: "0499370899", phone: "09121112233" }],
    });
    const analyst = (await (await h.as({ role: Role.ANALYST }))(query, { id: ngoId })).data!.ngo;
    expect(analyst).toEqual({
      phone: "0243*****58",
      otherPhones: ["0912*****89"],
      phones: ["0243*****58", "0912*****89"],
      address: "*** (محرمانه)",
      boardMembers: [{ name: "زهرا محمدی", nationalCode: "*******899", phone: "0912*****33" }],
    });
    const evaluator = (await (await h.as({ role: Role.EVALUATOR }))(query, { id: ngoId })).data!.ngo;
    expect(evaluator.boardMembers[0].nationalCode).toBe("0499370899");
  });

  it("keeps children in the NGO's territory: out of territory the NGO, its board and its lists are not there", async () => {
    const abhar = await createNgo(h, {
      name: "انجمن آزمون قلمرو هیئت‌مدیره ابهر",
      countyId: "1902",
      boardMembers: [{ name: "سعید نوری", role: "CHAIR", nationalCode: "0013542419" }],
    });
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    const before = await counts();
    const update = await county(`mutation($id: ID!) { updateNgo(id: $id, input: { boardMembers: [] }) { id } }`, {
      id: abhar,
    });
    expect(errorOf(update)?.extensions?.code).toBe("NOT_FOUND");
    const move = await county(
      `mutation($id: ID!) { updateNgo(id: $id, input: { countyId: "1902", boardMembers: [] }) { id } }`,
      { id: ngoId },
    );
    expect(errorOf(move)?.extensions?.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
    const read = await county(
      `query($id: ID!) { ngo(id: $id) { boardMembers { nationalCode } } ngos(limit: 200) { items { countyId boardMembers { id } } } }`,
      { id: abhar },
    );
    expect(read.data!.ngo).toBeNull();
    expect(new Set(read.data!.ngos.items.map((n: { countyId: string }) => n.countyId))).toEqual(new Set(["1901"]));
    const own = await county(
      `mutation($id: ID!) { updateNgo(id: $id, input: { trainingNeeds: [{ topic: "حسابداری", urgency: LOW }] }) { trainingNeeds { topic } } }`,
      { id: ngoId },
    );
    expect(own.data!.updateNgo.trainingNeeds).toEqual([{ topic: "حسابداری" }]);
  });

  it("deletes an NGO with its profile, keeping the whole record in the audit log", async () => {
    const doomed = await createNgo(h, {
      name: "انجمن آزمون حذف",
      countyId: "1904",
      fieldIds: [youth],
      boardMembers: [{ name: "سعید نوری", role: "CHAIR", nationalCode: "0013542419" }],
      awards: [{ title: "تقدیرنامه", level: "NATIONAL", jalaliYear: 1400 }],
    });
    const before = await counts();
    const deleted = await h.admin(`mutation($id: ID!) { deleteNgo(id: $id) { id name } }`, { id: doomed });
    expect(deleted.data!.deleteNgo.name).toBe("انجمن آزمون حذف");
    expect(await counts()).toEqual({
      ...before,
      ngo: before.ngo - 1,
      board: before.board - 1,
      awards: before.awards - 1,
      fields: before.fields - 1,
    });
    const audit = await h.superQuery(
      `SELECT before FROM identity.audit_entry WHERE entity_id = $1 AND action = 'deleteNgo'`,
      [doomed],
    );
    expect(audit[0].before.boardMembers[0].nationalCode).toBe("0013542419");
    expect(audit[0].before.fieldIds).toEqual([youth]);
  });
});

describe("demo profiles", () => {
  it("gives every demo NGO its CSV field, a board with valid national codes and a licence with history", async () => {
    const ids = demoNgos().map((n) => n.id);
    const result = await h.admin(
      `query($ids: [ID!]) { ngos(filter: { ids: $ids }, limit: 200) { items { id nationalId fields { code } boardMembers { role nationalCode } licence { state history { action } } } } }`,
      { ids },
    );
    const items = result.data!.ngos.items as {
      id: string;
      nationalId: string;
      fields: { code: string }[];
      boardMembers: { role: string; nationalCode: string }[];
      licence: { state: string; history: { action: string }[] };
    }[];
    expect(items).toHaveLength(40);
    const csv = readFileSync(join(__dirname, "..", "data", "demo-ngos.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    for (const [, nationalId, , , field] of csv) {
      const ngo = items.find((n) => n.id === demoNgoId(nationalId))!;
      expect(ngo.fields.map((f) => f.code)).toContain(field);
      expect(ngo.boardMembers.filter((m) => m.role === "CHAIR")).toHaveLength(1);
      for (const member of ngo.boardMembers) expect(isValidNationalCode(member.nationalCode)).toBe(true);
      expect(ngo.licence.history[0].action).toBe("ISSUE");
    }
    expect(new Set(items.map((n) => n.licence.state))).toEqual(
      new Set(["ACTIVE", "EXPIRING", "EXPIRED", "SUSPENDED", "REVOKED"]),
    );
    const issuedBeforeFounding = await h.count(
      `SELECT count(*) FROM licence l JOIN ngo n ON n.id = l.ngo_id WHERE l.issued_on < n.founded_on`,
    );
    const eventsBeforeIssue = await h.count(
      `SELECT count(*) FROM licence_event e JOIN licence l ON l.id = e.licence_id WHERE e.effective_on < l.issued_on`,
    );
    expect([issuedBeforeFounding, eventsBeforeIssue]).toEqual([0, 0]);
  });

  it("loads only once", async () => {
    const before = await h.count("licence");
    expect(await loadRegistryDemoData(h.db)).toEqual({ ngos: 0, managers: 0 });
    expect(await h.count("licence")).toBe(before);
  });
});
