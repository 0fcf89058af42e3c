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
  // Several pages, and (with ten NGOs each) more licence-state pairs than one request carries.
  const MANAGERS = FACTS_PAGE * 4 + 345;
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
  /** Per meeting ten NGOs of its own, on 28 days: ≈ 43,000 (NGO, day) pairs, more than one licence request. */
  let wide: boolean;
  let slowFirstDay: boolean;
  let misaligned: boolean;
  let licenceRequests: { date: string; ngoIds: string[] }[][];
  /** A manager's index in `managers`, from its id. */
  const n = (managerId: string) => parseInt(managerId.slice(-12), 16);
  /** The registry's answer for an NGO: no state (an NGO that does not exist), ACTIVE or EXPIRED, by its id. */
  const stateOf = (ngoId: string) => [null, "ACTIVE", "EXPIRED"][parseInt(ngoId.slice(-4), 16) % 3];

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
        if (req.url === "/registry") {
          const asks = variables.asks as { date: string; ngoIds: string[] }[];
          licenceRequests.push(asks);
          const states = asks.map((a) => a.ngoIds.map(stateOf));
          if (misaligned) states[0].pop();
          // The request holding the first day answers last: the map must still be filled in the order asked.
          const delay = slowFirstDay && asks.some((a) => a.date === "2025-06-01") ? 300 : 0;
          setTimeout(() => answer({ data: { licenceStatesOnDays: states } }), delay);
          return;
        }
        const page = (variables.agencies as { managerId: string; agencyId: string }[]).map((m) => m.managerId);
        asked.push(page);
        if (failPage !== null && asked.length === failPage + 1)
          return answer({ errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        answer({
          data: {
            engagementFacts: {
              asOf: "2026-03-25",
              evaluationRows: {
                shared: { resolutions: [], workingGroups: [], requests: [] },
                managers: page.map((managerId, i) => ({
                  managerId,
                  meetings: [
                    {
                      meetingId: managerId.replace(/^0+1/, "3"),
                      title: "نشست",
                      kind: "QUARTERLY_PROBLEM_CENTRED",
                      date: wide ? `2025-06-${String(1 + (n(managerId) % 28)).padStart(2, "0")}` : "2025-06-01",
                      quarter: 1,
                      ngoIds: wide
                        ? Array.from({ length: 10 }, (_, k) => uuid(4, n(managerId) * 10 + k))
                        : [uuid(4, i % 50)],
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
    wide = false;
    slowFirstDay = false;
    misaligned = false;
    licenceRequests = [];
  });

  const ctx = { requestId: "r", accessToken: "t", user: { id: "u" } } as unknown as RequestContext;
  const config = () => ({ registryUrl: `${url}/registry`, engagementUrl: `${url}/engagement`, gatewaySecret: "s" });

  it("asks for every manager's facts exactly once, in pages, and gives plain JSON facts of every manager", async () => {
    const snapshot = await fetchFactsSnapshot(ctx, config(), 1404, async () => undefined);
    expect(asked.length).toBe(Math.ceil(MANAGERS / FACTS_PAGE));
    expect(asked.flat().sort()).toEqual(managers.map((m) => m.id).sort());
    expect(snapshot.formatVersion).toBe(2);
    expect(snapshot.facts.map((f) => f.managerId)).toEqual(managers.map((m) => m.id).sort());
    // 50 NGOs on one day, in one request; those the registry gives no state for are left out.
    expect(licenceRequests).toEqual([
      [{ date: "2025-06-01", ngoIds: Array.from({ length: 50 }, (_, i) => uuid(4, i)).sort() }],
    ]);
    expect(snapshot.licenceStates).toEqual(
      Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => uuid(4, i))
          .filter((id) => stateOf(id) !== null)
          .map((id) => [`${id}|2025-06-01`, stateOf(id)]),
      ),
    );
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
    expect(Object.keys(snapshot.licenceStates)).toHaveLength(33); // of 50: those with a state
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

  it("asks for the licence states in several requests and fills the map in the order asked, whichever answers first", async () => {
    wide = true;
    slowFirstDay = true;
    const snapshot = await fetchFactsSnapshot(ctx, config(), 1404, async () => undefined);
    expect(licenceRequests.length).toBeGreaterThan(1);
    const asked = licenceRequests.flat();
    expect(asked.every((a) => a.ngoIds.length <= 1000)).toBe(true);
    const pairs = managers.flatMap((_, i) =>
      Array.from({ length: 10 }, (_, k) => ({
        id: uuid(4, i * 10 + k),
        date: `2025-06-${String(1 + (i % 28)).padStart(2, "0")}`,
      })),
    );
    expect(asked.flatMap((a) => a.ngoIds.map((id) => `${id}|${a.date}`)).sort()).toEqual(
      pairs.map((p) => `${p.id}|${p.date}`).sort(),
    );
    pairs.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
    expect(Object.entries(snapshot.licenceStates)).toEqual(
      pairs.filter((p) => stateOf(p.id) !== null).map((p) => [`${p.id}|${p.date}`, stateOf(p.id)]),
    );
  });

  it("fails with SERVICE_UNAVAILABLE when the licence states do not line up with the asks", async () => {
    misaligned = true;
    const failure = await fetchFactsSnapshot(ctx, config(), 1404, async () => undefined).catch((e: unknown) => e);
    expect((failure as AppError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });
});
