import fc from "fast-check";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { AppError, ErrorCode, RequestContext } from "@hamafza/common";
import { batchBySize, FACTS_PAGE, factsPages, fetchFactsSnapshot } from "../src/upstream";
import { packSnapshot, packSnapshotWhenReady } from "../src/snapshotPacking";

describe("batchBySize (licence-state requests under the subgraphs' body limit)", () => {
  const size = (n: number) => n;

  it("keeps consecutive items together while the estimated size stays under the limit", () => {
    expect(batchBySize([4, 3, 2, 5, 1], size, 9)).toEqual([
      [4, 3, 2],
      [5, 1],
    ]);
    expect(batchBySize([4, 3, 2, 5, 1], size, 100)).toEqual([[4, 3, 2, 5, 1]]);
  });

  it("puts an item larger than the limit alone rather than dropping it, and makes no empty batches", () => {
    expect(batchBySize([2, 20, 2], size, 9)).toEqual([[2], [20], [2]]);
    expect(batchBySize([], size, 9)).toEqual([]);
  });

  it("keeps every item exactly once and in order", () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97);
    const batches = batchBySize(items, size, 150);
    expect(batches.flat()).toEqual(items);
    for (const batch of batches) expect(batch.length === 1 || batch.reduce((a, b) => a + b, 0) <= 150).toBe(true);
  });
});

describe("factsPages (the engagement facts read in pages)", () => {
  const uuid = (prefix: number, i: number) =>
    `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

  it("property: every manager exactly once, an agency's managers in one page, pages of at most `size` (or one big agency's part)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (agencyOf, size) => {
        const managers = agencyOf.map((a, i) => ({ id: uuid(1, i), agencyId: uuid(2, a) }));
        const pages = factsPages(managers, size);
        expect(
          pages
            .flat()
            .map((m) => m.id)
            .sort(),
        ).toEqual(managers.map((m) => m.id).sort());
        for (const page of pages) expect(page.length).toBeGreaterThan(0);
        for (const page of pages) expect(page.length).toBeLessThanOrEqual(size);
        const pagesOfAgency = new Map<string, Set<number>>();
        pages.forEach((page, p) =>
          page.forEach((m) => pagesOfAgency.set(m.agencyId, (pagesOfAgency.get(m.agencyId) ?? new Set()).add(p))),
        );
        for (const [agency, seen] of pagesOfAgency) {
          const n = managers.filter((m) => m.agencyId === agency).length;
          expect(seen.size).toBeLessThanOrEqual(Math.ceil(n / size));
        }
      }),
    );
    expect(factsPages([], 10)).toEqual([]);
  });
});

describe("fetchFactsSnapshot against subgraphs answering over HTTP", () => {
  const uuid = (prefix: number, i: number) =>
    `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
  const MANAGERS = FACTS_PAGE * 2 + 345;
  const managers = Array.from({ length: MANAGERS }, (_, i) => ({
    id: uuid(1, i),
    name: `مدیر ${i}`,
    position: "فرماندار",
    positionKind: "COUNTY_GOVERNOR",
    agencyId: uuid(2, i % 700),
    provinceId: "19",
    countyId: "1901",
    tenureStart: "2020-01-01",
    tenureEnd: null,
  }));
  let server: Server;
  let url: string;
  let asked: string[][];
  let failPage: number | null;
  let failLicences: boolean;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        const answer = (data: unknown) => res.end(JSON.stringify(data));
        if (req.url === "/registry" && query.includes("managers(")) {
          const pages = Math.ceil(MANAGERS / 200);
          const page = (p: number) => managers.slice(p * 200, p * 200 + 200);
          if (query.includes("totalCount"))
            return answer({
              data: {
                managers: { totalCount: MANAGERS, items: page(0) },
                ...Object.fromEntries(
                  [
                    "provinces",
                    "counties",
                    "licensedProvinces",
                    "licensedCounties",
                    "expiringProvinces",
                    "expiringCounties",
                  ].map((k) => [k, [{ key: "19", count: 5 }]]),
                ),
              },
            });
          return answer({
            data: Object.fromEntries(
              Array.from({ length: pages - 1 }, (_, i) => [`p${i + 1}`, { items: page(i + 1) }]),
            ),
          });
        }
        if (req.url === "/registry" && failLicences)
          return answer({ errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        if (req.url === "/registry")
          return answer({
            data: Object.fromEntries(
              Object.entries(variables)
                .filter(([k]) => k.startsWith("n"))
                .map(([k, ids]) => [`l${k.slice(1)}`, (ids as string[]).map((ngoId) => ({ ngoId, state: "ACTIVE" }))]),
            ),
          });
        const page = (variables.agencies as { managerId: string; agencyId: string }[]).map((m) => m.managerId);
        asked.push(page);
        if (failPage !== null && asked.length === failPage + 1)
          return answer({ errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        answer({
          data: {
            engagementFacts: {
              asOf: "2026-03-25",
              evaluationRows: page.map((managerId, i) => ({
                managerId,
                meetings: [
                  {
                    meetingId: managerId.replace(/^0+1/, "3"),
                    title: "نشست",
                    kind: "QUARTERLY_PROBLEM_CENTRED",
                    date: "2025-06-01",
                    quarter: 1,
                    ngoIds: [uuid(4, i % 50)],
                    hasAgendaItemOnHarmOrDemand: true,
                    resolutions: 0,
                  },
                ],
                resolutions: [],
                workingGroups: [],
                requests: [],
              })),
            },
          },
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    asked = [];
    failPage = null;
    failLicences = false;
  });

  const ctx = { requestId: "r", accessToken: "t", user: { id: "u" } } as unknown as RequestContext;
  const config = () => ({ registryUrl: `${url}/registry`, engagementUrl: `${url}/engagement`, gatewaySecret: "s" });

  it("asks for every manager's facts exactly once, in pages, and gives plain JSON facts of every manager", async () => {
    const snapshot = await fetchFactsSnapshot(ctx, config(), 1404, async () => undefined);
    expect(asked.length).toBe(Math.ceil(MANAGERS / FACTS_PAGE));
    expect(asked.flat().sort()).toEqual(managers.map((m) => m.id).sort());
    expect(snapshot.formatVersion).toBe(2);
    expect(snapshot.facts.map((f) => f.managerId)).toEqual(managers.map((m) => m.id).sort());
    expect(Object.keys(snapshot.licenceStates)).toHaveLength(50);
    // What the runner scores without a JSON round trip (`jsonFacts`) must be what a round trip gives.
    expect(JSON.parse(JSON.stringify(snapshot))).toStrictEqual(snapshot);
  });

  it("fails with SERVICE_UNAVAILABLE and the Persian message when one page fails", async () => {
    failPage = 1;
    const failure = await fetchFactsSnapshot(ctx, config(), 1404, async () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect((failure as AppError).message).toBe(
      "دریافت داده‌ها از سرویس‌های ثبت یا تعامل ممکن نشد؛ کمی بعد دوباره تلاش کنید.",
    );
    expect(asked.length).toBeLessThanOrEqual(3); // no page started after the failure
  });

  it("hands the snapshot over before its licence states are in (early): packed meanwhile, the bytes of the whole", async () => {
    let statesWhenHanded = -1;
    let packing: ReturnType<typeof packSnapshotWhenReady> | undefined;
    const snapshot = await fetchFactsSnapshot(
      ctx,
      config(),
      1404,
      async () => undefined,
      (early, licences) => {
        statesWhenHanded = Object.keys(early.licenceStates).length;
        packing = packSnapshotWhenReady(early, "licenceStates", licences);
      },
    );
    expect(statesWhenHanded).toBe(0);
    expect(Object.keys(snapshot.licenceStates)).toHaveLength(50);
    const packed = await packing!;
    expect(packed.packed.equals((await packSnapshot(snapshot)).packed)).toBe(true);
  });

  it("fails with SERVICE_UNAVAILABLE when a licence-state request fails, and the early packing rejects", async () => {
    failLicences = true;
    let packing: Promise<unknown> | undefined;
    const failure = await fetchFactsSnapshot(
      ctx,
      config(),
      1404,
      async () => undefined,
      (early, licences) => {
        packing = packSnapshotWhenReady(early, "licenceStates", licences);
        packing.catch(() => undefined);
      },
    ).catch((e: unknown) => e);
    expect((failure as AppError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    await expect(packing).rejects.toBeInstanceOf(AppError);
  });
});
