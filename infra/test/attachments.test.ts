import { bearer, jalaliQuarterOf, login, postGraphQL, withClient } from "@hamafza/common";
import { LocalDiskStorage } from "@hamafza/gateway";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Attachments end to end through the gateway: upload (POST /attachments) and download (GET /attachments/<id>) with
 * the record's territory, size and type refusals on the sniffed content, content-addressed storage (one file per
 * content), the audit log, and the owning services' `attachments` fields — on the demo data, files in a temporary
 * directory.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let dir: string;
const tokens: Record<"admin" | "province" | "county" | "analyst", string> = {} as never;
const MAX_BYTES = 64 * 1024;

const rows = (sql: string, params: unknown[] = []) =>
  withClient(prepared.adminUrl, async (client) => (await client.query(sql, params)).rows);
const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, bearer(token));

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "utf8");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const sha = (content: Buffer) => createHash("sha256").update(content).digest("hex");
const storedFiles = () =>
  existsSync(dir) ? readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)).map((name) => name)) : [];
const attachmentRows = async () =>
  Number(
    (
      await rows(
        `SELECT (SELECT count(*) FROM engagement.attachment) + (SELECT count(*) FROM registry.licence_attachment) AS n`,
      )
    )[0].n,
  );

async function upload(
  token: string,
  record: string,
  id: string,
  kind: string,
  content: Buffer,
  options: { type?: string; name?: string } = {},
) {
  const response = await fetch(`${stack.baseUrl}/attachments?record=${record}&id=${id}&kind=${kind}`, {
    method: "POST",
    headers: {
      ...bearer(token),
      "content-type": options.type ?? "application/pdf",
      "x-file-name": encodeURIComponent(options.name ?? "صورت‌جلسه.pdf"),
    },
    body: content,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const download = (token: string, id: string) => fetch(`${stack.baseUrl}/attachments/${id}`, { headers: bearer(token) });

let zanjanMeeting: string;
let isfahanMeeting: string;
let zanjanResolution: string;
let zanjanLicence: string;
let isfahanLicence: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hamafza-attachments-"));
  prepared = await prepareTestDatabase("attachments", { demo: true });
  stack = await startInProcessStack(prepared, {
    attachments: {
      storage: new LocalDiskStorage(dir),
      limits: { maxBytes: MAX_BYTES, types: ["application/pdf", "image/png", "image/jpeg"] },
    },
  });
  for (const name of ["admin", "province", "county", "analyst"] as const)
    tokens[name] = await login(stack.baseUrl, `demo.${name}`, DEMO_PASSWORD);
  const first = async (sql: string) => {
    const [row] = await rows(sql);
    expect(row).toBeDefined();
    return row.id as string;
  };
  zanjanMeeting = await first(
    `SELECT id FROM engagement.meeting WHERE county_id = '1901' ORDER BY scheduled_at LIMIT 1`,
  );
  isfahanMeeting = await first(
    `SELECT id FROM engagement.meeting WHERE province_id = '10' ORDER BY scheduled_at LIMIT 1`,
  );
  zanjanResolution = await first(`SELECT id FROM engagement.resolution WHERE county_id = '1901' LIMIT 1`);
  zanjanLicence = await first(
    `SELECT l.id FROM registry.licence l JOIN registry.ngo n ON n.id = l.ngo_id WHERE n.county_id = '1901' LIMIT 1`,
  );
  isfahanLicence = await first(
    `SELECT l.id FROM registry.licence l JOIN registry.ngo n ON n.id = l.ngo_id WHERE n.province_id = '10' LIMIT 1`,
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("upload and download", () => {
  const minutes = pdf("صورت‌جلسهٔ نشست فصل پاییز");
  let minutesId: string;

  it("stores the minutes of a meeting of the officer's county, audits it and serves it back to the territory", async () => {
    const { status, body } = await upload(tokens.county, "MEETING", zanjanMeeting, "MINUTES", minutes, {
      name: "C:\\scans\\صورت‌جلسه ۱۴۰۴.pdf",
    });
    expect(status).toBe(201);
    expect(body.newContent).toBe(true);
    expect(body.attachment).toMatchObject({
      kind: "MINUTES",
      fileName: "صورت‌جلسه ۱۴۰۴.pdf",
      mediaType: "application/pdf",
      sizeBytes: minutes.length,
      sha256: sha(minutes),
      uploadedBy: "demo.county",
    });
    minutesId = body.attachment.id;
    expect(existsSync(join(dir, sha(minutes).slice(0, 2), sha(minutes)))).toBe(true);

    const audit = await rows(
      `SELECT action, service, entity_type, province_id, county_id, actor_username, after FROM identity.audit_entry WHERE entity_id = $1`,
      [minutesId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "attachToMeeting",
      service: "engagement",
      entity_type: "Attachment",
      province_id: "19",
      county_id: "1901",
      actor_username: "demo.county",
    });
    expect(audit[0].after).toMatchObject({ sha256: sha(minutes), meetingId: zanjanMeeting });

    for (const token of [tokens.county, tokens.province, tokens.admin, tokens.analyst]) {
      const response = await download(token, minutesId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toContain(
        `filename*=UTF-8''${encodeURIComponent("صورت‌جلسه ۱۴۰۴.pdf")}`,
      );
      expect(Buffer.from(await response.arrayBuffer()).equals(minutes)).toBe(true);
    }

    const shown = await gql(
      tokens.province,
      `query($id: ID!) { meeting(id: $id) { attachments { id kind fileName } } }`,
      {
        id: zanjanMeeting,
      },
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.meeting.attachments).toEqual([
      { id: minutesId, kind: "MINUTES", fileName: "صورت‌جلسه ۱۴۰۴.pdf" },
    ]);
  });

  it("refuses an out-of-territory download as if the attachment did not exist, and an out-of-territory upload storing nothing", async () => {
    const photo = pdf("گزارش تصویری جلسهٔ اصفهان");
    const { status, body } = await upload(tokens.admin, "MEETING", isfahanMeeting, "DOCUMENT", photo);
    expect(status).toBe(201);
    const id = body.attachment.id;
    for (const token of [tokens.county, tokens.province]) {
      const response = await download(token, id);
      expect(response.status).toBe(404);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
    }
    expect((await download(tokens.admin, id)).status).toBe(200);
    const listed = await gql(tokens.county, `query($id: ID!) { attachment(id: $id) { id } }`, { id });
    expect(listed.data!.attachment).toBeNull();

    const before = { rows: await attachmentRows(), files: storedFiles().length };
    const refused = await upload(tokens.county, "MEETING", isfahanMeeting, "MINUTES", pdf("نباید ذخیره شود"));
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].extensions.code).toBe("NOT_FOUND");
    expect({ rows: await attachmentRows(), files: storedFiles().length }).toEqual(before);
  });

  it("stores a content once however often it is attached", async () => {
    const again = await upload(tokens.county, "RESOLUTION", zanjanResolution, "COMPLETION_EVIDENCE", minutes, {
      name: "مستند انجام.pdf",
    });
    expect(again.status).toBe(201);
    expect(again.body.newContent).toBe(false);
    expect(again.body.attachment.sha256).toBe(sha(minutes));
    expect(storedFiles().filter((name) => name === sha(minutes))).toHaveLength(1);
    const shared = await rows(`SELECT count(*)::int AS n FROM engagement.attachment WHERE sha256 = $1`, [sha(minutes)]);
    expect(shared[0].n).toBe(2);
    const resolution = await gql(tokens.county, `query($id: ID!) { resolution(id: $id) { attachments { kind } } }`, {
      id: zanjanResolution,
    });
    expect(resolution.data!.resolution.attachments).toEqual([{ kind: "COMPLETION_EVIDENCE" }]);
  });

  it("attaches a licence scan in the registry with the licence's territory", async () => {
    const scan = Buffer.concat([PNG, Buffer.from("scan of the licence")]);
    const { status, body } = await upload(tokens.county, "LICENCE", zanjanLicence, "LICENCE_SCAN", scan, {
      type: "image/png",
      name: "پروانه.png",
    });
    expect(status).toBe(201);
    expect(body.attachment.mediaType).toBe("image/png");
    const response = await download(tokens.province, body.attachment.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(scan)).toBe(true);
    const audit = await rows(`SELECT service, county_id FROM identity.audit_entry WHERE entity_id = $1`, [
      body.attachment.id,
    ]);
    expect(audit).toEqual([{ service: "registry", county_id: "1901" }]);
    const licence = await gql(tokens.county, `query($id: ID!) { licence(id: $id) { attachments { id } } }`, {
      id: zanjanLicence,
    });
    expect(licence.data!.licence.attachments).toEqual([{ id: body.attachment.id }]);

    const isfahan = await upload(tokens.admin, "LICENCE", isfahanLicence, "LICENCE_SCAN", pdf("پروانهٔ اصفهان"));
    expect(isfahan.status).toBe(201);
    expect((await download(tokens.county, isfahan.body.attachment.id)).status).toBe(404);
  });

  it("attaches documents to an NGO's annual activity report until it is accepted", async () => {
    const [ngo] = await rows(
      `SELECT n.id FROM registry.ngo n WHERE n.county_id = '1901' AND n.status = 'ACTIVE' ORDER BY n.name_normalized LIMIT 1`,
    );
    const created = await gql(
      tokens.county,
      `mutation($input: NgoActivityReportCreateInput!) { createNgoActivityReport(input: $input) { id } }`,
      {
        input: {
          ngoId: ngo.id,
          year: 1403,
          activities: "برگزاری کارگاه‌های آموزشی برای خانواده‌ها",
          beneficiaries: 120,
          volunteers: 8,
          countiesCovered: ["1901"],
          budgetBand: "UNDER_1B",
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const reportId = created.data!.createNgoActivityReport.id;
    const document = pdf("فهرست بهره‌مندان");
    const { status, body } = await upload(tokens.county, "ACTIVITY_REPORT", reportId, "DOCUMENT", document);
    expect(status).toBe(201);
    const response = await download(tokens.province, body.attachment.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(document)).toBe(true);
    const listed = await gql(
      tokens.county,
      `query($id: ID!) { ngoActivityReport(id: $id) { attachments { id kind } } }`,
      { id: reportId },
    );
    expect(listed.data!.ngoActivityReport.attachments).toEqual([{ id: body.attachment.id, kind: "DOCUMENT" }]);
    // Once accepted the report is final: no more attachments.
    const accepted = await gql(
      tokens.county,
      `mutation($id: ID!) { reviewNgoActivityReport(id: $id, decision: ACCEPTED) { status } }`,
      { id: reportId },
    );
    expect(accepted.data!.reviewNgoActivityReport.status).toBe("ACCEPTED");
    const late = await upload(
      tokens.county,
      "ACTIVITY_REPORT",
      reportId,
      "PHOTO",
      Buffer.concat([PNG, Buffer.from("x")]),
      {
        type: "image/png",
        name: "عکس.png",
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.errors[0].extensions.code).toBe("INVALID_TRANSITION");
  });

  it("removes an attachment with an audit entry; its download is then refused", async () => {
    const removed = await gql(tokens.county, `mutation($id: ID!) { removeAttachment(id: $id) { id } }`, {
      id: minutesId,
    });
    expect(removed.errors).toBeUndefined();
    const audit = await rows(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`, [minutesId]);
    expect(audit.map((a) => a.action)).toEqual(["attachToMeeting", "removeAttachment"]);
    expect((await download(tokens.county, minutesId)).status).toBe(404);
  });
});

describe("evaluation evidence", () => {
  const EVIDENCE = `{
    evaluationResults(filter: { year: 1404 }, limit: 200) {
      items { indicators { evidence { kind id meeting { id attachments { id fileName } } } } }
    }
  }`;
  type Evidence = { kind: string; id: string; meeting: { id: string; attachments: { id: string }[] } | null };
  const evidenceOf = async () => {
    const answer = await gql(tokens.admin, EVIDENCE);
    expect(answer.errors).toBeUndefined();
    return (answer.data!.evaluationResults.items as { indicators: { evidence: Evidence[] }[] }[]).flatMap((result) =>
      result.indicators.flatMap((indicator) => indicator.evidence),
    );
  };

  it("links a counted meeting to its attachments, and other evidence to no meeting", async () => {
    const before = await evidenceOf();
    const meetingEvidence = before.find((e) => e.kind === "MEETING")!;
    expect(meetingEvidence).toBeDefined();
    expect(meetingEvidence.meeting?.id).toBe(meetingEvidence.id);
    expect(before.filter((e) => e.kind !== "MEETING").every((e) => e.meeting === null)).toBe(true);

    const sheet = pdf("فهرست حاضران امضاشده");
    const { status, body } = await upload(tokens.admin, "MEETING", meetingEvidence.id, "ATTENDANCE_SHEET", sheet);
    expect(status).toBe(201);
    const after = (await evidenceOf()).find((e) => e.kind === "MEETING" && e.id === meetingEvidence.id)!;
    expect(after.meeting!.attachments.map((a) => a.id)).toContain(body.attachment.id);
  });
});

describe("refusals leave storage and database unchanged", () => {
  let before: { rows: number; files: number };
  beforeEach(async () => {
    before = { rows: await attachmentRows(), files: storedFiles().length };
  });
  afterEach(async () => {
    expect({ rows: await attachmentRows(), files: storedFiles().length }).toEqual(before);
  });

  it("refuses a file over the size limit (413)", async () => {
    const big = Buffer.concat([pdf("بزرگ"), Buffer.alloc(MAX_BYTES, 0x20)]);
    const { status, body } = await upload(tokens.county, "MEETING", zanjanMeeting, "MINUTES", big);
    expect(status).toBe(413);
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", maxBytes: MAX_BYTES });
    expect(body.errors[0].message).toContain("بزرگ‌تر");
  });

  it("refuses content of a type not accepted, whatever it is declared to be (415)", async () => {
    for (const [content, type] of [
      [Buffer.from("<html><script>alert(1)</script></html>"), "application/pdf"],
      [Buffer.from("<html><script>alert(1)</script></html>"), "text/html"],
      // TIFF is recognised but not among this gateway's accepted types
      [Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), "image/tiff"],
    ] as const) {
      const { status, body } = await upload(tokens.county, "MEETING", zanjanMeeting, "PHOTO", content, { type });
      expect(status).toBe(415);
      expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses a declared type the content contradicts (415)", async () => {
    const { status, body } = await upload(tokens.county, "MEETING", zanjanMeeting, "PHOTO", PNG, {
      type: "application/pdf",
    });
    expect(status).toBe(415);
    expect(body.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      declared: "application/pdf",
      found: "image/png",
    });
  });

  it("refuses a kind the record does not take, a missing name, an empty body and an unknown record type (400)", async () => {
    expect((await upload(tokens.county, "MEETING", zanjanMeeting, "LICENCE_SCAN", pdf("x"))).status).toBe(400);
    expect((await upload(tokens.county, "MEETING", zanjanMeeting, "MINUTES", pdf("x"), { name: "" })).status).toBe(400);
    expect((await upload(tokens.county, "MEETING", zanjanMeeting, "MINUTES", Buffer.alloc(0))).status).toBe(400);
    const unknown = await upload(tokens.county, "NGO", zanjanMeeting, "MINUTES", pdf("x"));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses roles that may not change records (403) and anonymous callers (401)", async () => {
    const analyst = await upload(tokens.analyst, "MEETING", zanjanMeeting, "MINUTES", pdf("تحلیلگر"));
    expect(analyst.status).toBe(403);
    expect(analyst.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const anonymous = await fetch(`${stack.baseUrl}/attachments?record=MEETING&id=${zanjanMeeting}&kind=MINUTES`, {
      method: "POST",
      headers: { "content-type": "application/pdf", "x-file-name": "a.pdf" },
      body: pdf("ناشناس"),
    });
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${stack.baseUrl}/attachments/${zanjanMeeting}`)).status).toBe(401);
  });

  it("refuses a GraphQL attach that names a file the gateway did not store (forged receipt)", async () => {
    const forged = await gql(
      tokens.county,
      `mutation($id: ID!, $file: AttachmentFileInput!) { attachToMeeting(meetingId: $id, file: $file) { id } }`,
      {
        id: zanjanMeeting,
        file: {
          kind: "MINUTES",
          fileName: "x.pdf",
          mediaType: "application/pdf",
          sizeBytes: 10,
          sha256: "b".repeat(64),
          receipt: "not-a-receipt",
        },
      },
    );
    expect(forged.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("a meeting frozen by a locked evaluation year", () => {
  it("takes no new attachment and loses none (LOCKED)", async () => {
    const [held] = await rows(
      `SELECT id, held_at FROM engagement.meeting WHERE county_id = '1901' AND status = 'HELD' AND held_at IS NOT NULL ORDER BY held_at DESC LIMIT 1`,
    );
    const sheet = await upload(tokens.county, "MEETING", held.id, "ATTENDANCE_SHEET", pdf("پیش از قفل"));
    expect(sheet.status).toBe(201);
    const year = jalaliQuarterOf(new Date(held.held_at)).year;
    await rows(`INSERT INTO engagement.engagement_period_lock (year, province_id, reason) VALUES ($1, '19', 'test')`, [
      year,
    ]);
    try {
      const before = { rows: await attachmentRows(), files: storedFiles().length };
      const refused = await upload(tokens.county, "MEETING", held.id, "MINUTES", pdf("پس از قفل"));
      expect(refused.status).toBe(423);
      expect(refused.body.errors[0].extensions.code).toBe("LOCKED");
      const removed = await gql(tokens.county, `mutation($id: ID!) { removeAttachment(id: $id) { id } }`, {
        id: sheet.body.attachment.id,
      });
      expect(removed.errors?.[0].extensions?.code).toBe("LOCKED");
      // the probe passed, so the content was stored before the owner refused: only the row count must not change
      expect(await attachmentRows()).toBe(before.rows);
    } finally {
      await rows(`DELETE FROM engagement.engagement_period_lock WHERE reason = 'test'`);
    }
  });
});
