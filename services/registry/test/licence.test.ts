import { Role } from "@hamafza/common";
import { withStatementCount } from "@hamafza/common/testing";
import { LicenceState } from "@hamafza/registry/dist/entities/Licence";
import { deriveLicenceState, licenceStatesSql } from "@hamafza/registry/dist/resolvers/licenceState";
import { addDays, badFields, createNgo, errorOf, RegistryHarness, startHarness, today } from "./profileHelpers";

let h: RegistryHarness;
beforeAll(async () => {
  h = await startHarness("licence");
});
afterAll(async () => {
  delete process.env.HAMAFZA_LICENCE_EXPIRING_DAYS;
  await h?.stop();
});

const LICENCE = `id number authority authorityName issuedOn expiresOn status state suspendedUntil statusReason daysToExpiry
  history { action fromState toState effectiveOn reason status expiresOn previousExpiresOn suspendedUntil actorUsername }`;
const ISSUE = `mutation($input: LicenceIssueInput!) { issueLicence(input: $input) { ${LICENCE} } }`;
const RENEW = `mutation($id: ID!, $input: LicenceRenewInput!) { renewLicence(id: $id, input: $input) { ${LICENCE} } }`;
const SUSPEND = `mutation($id: ID!, $input: LicenceSuspendInput!) { suspendLicence(id: $id, input: $input) { ${LICENCE} } }`;
const REINSTATE = `mutation($id: ID!, $input: LicenceReinstateInput!) { reinstateLicence(id: $id, input: $input) { ${LICENCE} } }`;
const REVOKE = `mutation($id: ID!, $input: LicenceRevokeInput!) { revokeLicence(id: $id, input: $input) { ${LICENCE} } }`;

/** Licence rows and history entries: a refused mutation must change neither. */
const snapshot = async () => ({
  licences: await h.count("licence"),
  events: await h.count("licence_event"),
  rows: JSON.stringify(await h.db.query(`SELECT id, status, expires_on, suspended_until FROM licence ORDER BY id`)),
});

describe("licence state rule", () => {
  const t = "2025-06-15";
  const cases: [string, string | null, string, number][] = [];
  for (const status of ["ACTIVE", "SUSPENDED", "REVOKED"]) {
    for (const until of [null, "2025-06-14", "2025-06-15", "2025-07-01"]) {
      for (const expires of ["2025-06-14", "2025-06-15", "2025-06-16", "2025-08-14", "2025-08-15", "2026-01-01"]) {
        for (const window of [0, 60])
          if (status === "SUSPENDED" || until === null) cases.push([status, until, expires, window]);
      }
    }
  }

  it(`agrees between deriveLicenceState (read time) and SQL licence_state (filters) on ${cases.length} cases`, async () => {
    const sql = await h.db.query(
      `SELECT licence_state(s, u, e, $4::date, w) AS state FROM unnest($1::text[], $2::date[], $3::date[], $5::int[]) WITH ORDINALITY AS c(s, u, e, w, i) ORDER BY i`,
      [cases.map((c) => c[0]), cases.map((c) => c[1]), cases.map((c) => c[2]), t, cases.map((c) => c[3])],
    );
    const js = cases.map(([status, until, expires, window]) =>
      deriveLicenceState({ status: status as never, suspendedUntil: until, expiresOn: expires }, t, window),
    );
    expect(sql.map((r: { state: string }) => r.state)).toEqual(js);
    // Spot checks of the rule itself.
    expect(
      deriveLicenceState({ status: "ACTIVE" as never, suspendedUntil: null, expiresOn: "2025-06-14" }, t, 60),
    ).toBe("EXPIRED");
    expect(
      deriveLicenceState({ status: "ACTIVE" as never, suspendedUntil: null, expiresOn: "2025-06-15" }, t, 60),
    ).toBe("EXPIRING");
    expect(
      deriveLicenceState({ status: "ACTIVE" as never, suspendedUntil: null, expiresOn: "2025-08-14" }, t, 60),
    ).toBe("EXPIRING");
    expect(
      deriveLicenceState({ status: "ACTIVE" as never, suspendedUntil: null, expiresOn: "2025-08-15" }, t, 60),
    ).toBe("ACTIVE");
    expect(
      deriveLicenceState(
        { status: "SUSPENDED" as never, suspendedUntil: "2025-06-15", expiresOn: "2026-01-01" },
        t,
        60,
      ),
    ).toBe("SUSPENDED");
    expect(
      deriveLicenceState(
        { status: "SUSPENDED" as never, suspendedUntil: "2025-06-14", expiresOn: "2026-01-01" },
        t,
        60,
      ),
    ).toBe("ACTIVE");
    expect(deriveLicenceState(null, t, 60)).toBe("NONE");
  });

  it("selects with licenceStatesSql exactly the rows licence_state puts in the states asked", async () => {
    // The cases above, plus no licence at all and an issued licence without an end date (the function's ELSE).
    const all: [string | null, string | null, string | null, number][] = [
      ...cases,
      [null, null, null, 60],
      ["ACTIVE", null, null, 60],
      ["SUSPENDED", "2025-06-14", null, 0],
    ];
    const columns = { status: "c.s", suspendedUntil: "c.u", expiresOn: "c.e" };
    const asked: LicenceState[][] = [
      ...Object.values(LicenceState).map((state) => [state]),
      [],
      ["EXPIRING", "EXPIRED"],
    ].map((states) => states as LicenceState[]);
    for (const states of asked) {
      // The TypeORM parameters as the lists pass them, written out for a plain statement.
      const condition = licenceStatesSql(columns, states)
        .replace(/:licenceToday/g, `'${t}'`)
        .replace(/:licenceWindow/g, "c.w");
      const rows: { i: string; state: string; selected: boolean }[] = await h.db.query(
        `SELECT c.i, licence_state(c.s, c.u, c.e, $4::date, c.w) AS state, (${condition}) IS TRUE AS selected
           FROM unnest($1::text[], $2::date[], $3::date[], $5::int[]) WITH ORDINALITY AS c(s, u, e, w, i) ORDER BY c.i`,
        [all.map((c) => c[0]), all.map((c) => c[1]), all.map((c) => c[2]), t, all.map((c) => c[3])],
      );
      expect(rows.map((r) => [r.state, r.selected])).toEqual(
        rows.map((r) => [r.state, (states as string[]).includes(r.state)]),
      );
    }
    // Every state is reached by some case, so each condition was checked selecting rows as well as refusing them.
    const reached: { state: string }[] = await h.db.query(
      `SELECT DISTINCT licence_state(s, u, e, $4::date, w) AS state FROM unnest($1::text[], $2::date[], $3::date[], $5::int[]) AS c(s, u, e, w)`,
      [all.map((c) => c[0]), all.map((c) => c[1]), all.map((c) => c[2]), t, all.map((c) => c[3])],
    );
    expect(reached.map((r) => r.state).sort()).toEqual(Object.values(LicenceState).sort());
  });
});

describe("licence lifecycle", () => {
  let ngoId: string;
  let licenceId: string;
  const issued = addDays(today(), -400);
  const expires = addDays(today(), 700);

  beforeAll(async () => {
    ngoId = await createNgo(h, { name: "انجمن آزمون پروانه زنجان", countyId: "1901", foundedOn: "2015-03-01" });
  });

  it("an NGO without a licence shows NONE", async () => {
    const result = await h.admin(`query($id: ID!) { ngo(id: $id) { licence { id } licenceState licences { id } } }`, {
      id: ngoId,
    });
    expect(result.data!.ngo).toEqual({ licence: null, licenceState: "NONE", licences: [] });
  });

  it("validates the issue input, reporting every field, and writes nothing", async () => {
    const before = await snapshot();
    const result = await h.admin(ISSUE, {
      input: {
        ngoId,
        number: "",
        authority: "OTHER",
        authorityName: null,
        issuedOn: addDays(today(), 3),
        expiresOn: addDays(today(), 2),
      },
    });
    expect(errorOf(result)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badFields(result)).toEqual(["authorityName", "expiresOn", "issuedOn", "number"]);
    const beforeFounding = await h.admin(ISSUE, {
      input: { ngoId, number: "۱۹/۱۲۳", authority: "GOVERNORATE", issuedOn: "2014-01-01", expiresOn: "2019-01-01" },
    });
    expect(badFields(beforeFounding)).toEqual(["issuedOn"]);
    expect(await snapshot()).toEqual(before);
  });

  it("issues a licence with its history entry and audit entry", async () => {
    const result = await h.admin(ISSUE, {
      input: { ngoId, number: "۱۹/۱۴۰۲/۵۵۱", authority: "GOVERNORATE", issuedOn: issued, expiresOn: expires },
    });
    expect(result.errors).toBeUndefined();
    const licence = result.data!.issueLicence;
    licenceId = licence.id;
    expect(licence).toMatchObject({
      number: "19/1402/551",
      status: "ACTIVE",
      state: "ACTIVE",
      issuedOn: issued,
      expiresOn: expires,
      daysToExpiry: 700,
    });
    expect(licence.history).toEqual([
      expect.objectContaining({
        action: "ISSUE",
        fromState: "NONE",
        toState: "ACTIVE",
        effectiveOn: issued,
        status: "ACTIVE",
        expiresOn: expires,
        actorUsername: "test.admin",
      }),
    ]);
    const ngo = await h.admin(`query($id: ID!) { ngo(id: $id) { licence { id } licenceState } }`, { id: ngoId });
    expect(ngo.data!.ngo).toEqual({ licence: { id: licenceId }, licenceState: "ACTIVE" });
    const audit = await h.superQuery(
      `SELECT action, entity_type, province_id, county_id FROM identity.audit_entry WHERE entity_id = $1`,
      [licenceId],
    );
    expect(audit).toEqual([{ action: "issueLicence", entity_type: "Licence", province_id: "19", county_id: "1901" }]);
  });

  it("refuses issuing a second licence while the current one is valid, naming its state", async () => {
    const before = await snapshot();
    const result = await h.admin(ISSUE, {
      input: { ngoId, number: "19/999", authority: "GOVERNORATE", issuedOn: today(), expiresOn: addDays(today(), 365) },
    });
    expect(errorOf(result)?.extensions?.code).toBe("INVALID_TRANSITION");
    expect(errorOf(result)?.extensions?.state).toBe("ACTIVE");
    expect(errorOf(result)?.message).toContain("«معتبر»");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a renewal that does not extend the expiry, then renews", async () => {
    const before = await snapshot();
    const shorter = await h.admin(RENEW, { id: licenceId, input: { expiresOn: addDays(expires, -1) } });
    expect(badFields(shorter)).toEqual(["expiresOn"]);
    const future = await h.admin(RENEW, {
      id: licenceId,
      input: { expiresOn: addDays(expires, 365), effectiveOn: addDays(today(), 1) },
    });
    expect(badFields(future)).toEqual(["effectiveOn"]);
    const beforeIssue = await h.admin(RENEW, {
      id: licenceId,
      input: { expiresOn: addDays(expires, 365), effectiveOn: addDays(issued, -1) },
    });
    expect(errorOf(beforeIssue)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await snapshot()).toEqual(before);

    const renewed = await h.admin(RENEW, {
      id: licenceId,
      input: { expiresOn: addDays(expires, 365), reason: "نامه ۱۲۳" },
    });
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data!.renewLicence).toMatchObject({ expiresOn: addDays(expires, 365), state: "ACTIVE" });
    expect(renewed.data!.renewLicence.history[1]).toMatchObject({
      action: "RENEW",
      fromState: "ACTIVE",
      toState: "ACTIVE",
      previousExpiresOn: expires,
      reason: "نامه ۱۲۳",
      effectiveOn: today(),
    });
  });

  it("suspends with a reason and an end, and refuses renewal and a second suspension while suspended", async () => {
    const noReason = await h.admin(SUSPEND, { id: licenceId, input: { reason: " " } });
    expect(badFields(noReason)).toEqual(["reason"]);
    const untilBefore = await h.admin(SUSPEND, {
      id: licenceId,
      input: { reason: "گزارش مالی ارائه نشد", until: addDays(today(), -1) },
    });
    expect(badFields(untilBefore)).toEqual(["until"]);

    const suspended = await h.admin(SUSPEND, {
      id: licenceId,
      input: { reason: "گزارش مالی ارائه نشد", until: addDays(today(), 30) },
    });
    expect(suspended.data!.suspendLicence).toMatchObject({
      status: "SUSPENDED",
      state: "SUSPENDED",
      suspendedUntil: addDays(today(), 30),
      statusReason: "گزارش مالی ارائه نشد",
    });
    expect(suspended.data!.suspendLicence.history[2]).toMatchObject({
      action: "SUSPEND",
      fromState: "ACTIVE",
      toState: "SUSPENDED",
      suspendedUntil: addDays(today(), 30),
    });

    const before = await snapshot();
    for (const [query, input] of [
      [RENEW, { expiresOn: addDays(expires, 800) }],
      [SUSPEND, { reason: "دوباره" }],
    ] as const) {
      const refused = await h.admin(query, { id: licenceId, input });
      expect(errorOf(refused)?.extensions?.code).toBe("INVALID_TRANSITION");
      expect(errorOf(refused)?.message).toContain("«تعلیق‌شده»");
    }
    const ngo = await h.admin(`query($id: ID!) { ngo(id: $id) { licenceState } }`, { id: ngoId });
    expect(ngo.data!.ngo.licenceState).toBe("SUSPENDED");
    expect(await snapshot()).toEqual(before);
  });

  it("reinstates only a suspended licence", async () => {
    const reinstated = await h.admin(REINSTATE, { id: licenceId, input: {} });
    expect(reinstated.data!.reinstateLicence).toMatchObject({
      status: "ACTIVE",
      state: "ACTIVE",
      suspendedUntil: null,
      statusReason: null,
    });
    expect(reinstated.data!.reinstateLicence.history[3]).toMatchObject({
      action: "REINSTATE",
      fromState: "SUSPENDED",
      toState: "ACTIVE",
    });
    const before = await snapshot();
    const again = await h.admin(REINSTATE, { id: licenceId, input: {} });
    expect(errorOf(again)?.extensions?.code).toBe("INVALID_TRANSITION");
    expect(errorOf(again)?.message).toContain("«معتبر»");
    expect(await snapshot()).toEqual(before);
  });

  it("revokes, after which nothing but a new issue is possible", async () => {
    const revoked = await h.admin(REVOKE, { id: licenceId, input: { reason: "تخلف از اساسنامه" } });
    expect(revoked.data!.revokeLicence).toMatchObject({
      status: "REVOKED",
      state: "REVOKED",
      statusReason: "تخلف از اساسنامه",
    });
    const before = await snapshot();
    for (const [query, input] of [
      [RENEW, { expiresOn: addDays(expires, 900) }],
      [SUSPEND, { reason: "علت" }],
      [REINSTATE, {}],
      [REVOKE, { reason: "دوباره لغو" }],
    ] as const) {
      const refused = await h.admin(query, { id: licenceId, input });
      expect(errorOf(refused)?.extensions?.code).toBe("INVALID_TRANSITION");
      expect(errorOf(refused)?.extensions?.state).toBe("REVOKED");
      expect(errorOf(refused)?.message).toContain("«لغوشده»");
    }
    expect(await snapshot()).toEqual(before);

    const fresh = await h.admin(ISSUE, {
      input: {
        ngoId,
        number: "19/1405/10",
        authority: "OTHER",
        authorityName: "سازمان بهزیستی استان زنجان",
        issuedOn: today(),
        expiresOn: addDays(today(), 1825),
      },
    });
    expect(fresh.errors).toBeUndefined();
    const ngo = await h.admin(
      `query($id: ID!) { ngo(id: $id) { licence { id authorityName } licenceState licences { id state } } }`,
      { id: ngoId },
    );
    expect(ngo.data!.ngo.licence).toEqual({
      id: fresh.data!.issueLicence.id,
      authorityName: "سازمان بهزیستی استان زنجان",
    });
    expect(ngo.data!.ngo.licences).toEqual([
      { id: fresh.data!.issueLicence.id, state: "ACTIVE" },
      { id: licenceId, state: "REVOKED" },
    ]);
    const actions = await h.superQuery(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at, id`, [
      licenceId,
    ]);
    expect(actions.map((a) => a.action).sort()).toEqual([
      "issueLicence",
      "reinstateLicence",
      "renewLicence",
      "revokeLicence",
      "suspendLicence",
    ]);
  });

  it("refuses the same licence number twice for an NGO, and corrects and deletes a licence", async () => {
    const other = await createNgo(h, { name: "جمعیت آزمون شماره پروانه", countyId: "1902" });
    const first = await h.admin(ISSUE, {
      input: {
        ngoId: other,
        number: "19/77",
        authority: "COUNTY_GOVERNORATE",
        issuedOn: "2020-01-01",
        expiresOn: "2021-01-01",
      },
    });
    expect(first.data!.issueLicence.state).toBe("EXPIRED");
    const duplicate = await h.admin(ISSUE, {
      input: {
        ngoId: other,
        number: "19/77",
        authority: "COUNTY_GOVERNORATE",
        issuedOn: "2021-02-01",
        expiresOn: addDays(today(), 100),
      },
    });
    expect(errorOf(duplicate)?.extensions?.code).toBe("CONFLICT");
    const corrected = await h.admin(
      `mutation($id: ID!) { updateLicence(id: $id, input: { number: "19/78", authority: OTHER }) { id } }`,
      { id: first.data!.issueLicence.id },
    );
    expect(badFields(corrected)).toEqual(["authorityName"]);
    const fixed = await h.admin(
      `mutation($id: ID!) { updateLicence(id: $id, input: { number: "19/78" }) { number } }`,
      { id: first.data!.issueLicence.id },
    );
    expect(fixed.data!.updateLicence.number).toBe("19/78");
    const before = await h.count("licence_event");
    const deleted = await h.admin(`mutation($id: ID!) { deleteLicence(id: $id) { id number } }`, {
      id: first.data!.issueLicence.id,
    });
    expect(deleted.data!.deleteLicence.number).toBe("19/78");
    expect(await h.count("licence_event")).toBe(before - 1);
    expect(
      (await h.admin(`query($id: ID!) { licence(id: $id) { id } }`, { id: first.data!.issueLicence.id })).data!.licence,
    ).toBeNull();
  });
});

describe("EXPIRING and EXPIRED from the dates", () => {
  let expiringNgo: string;
  let expiredNgo: string;
  let expiringLicence: string;
  let expiredLicence: string;

  beforeAll(async () => {
    expiringNgo = await createNgo(h, { name: "کانون آزمون انقضای نزدیک", countyId: "1903" });
    expiredNgo = await createNgo(h, { name: "کانون آزمون انقضای گذشته", countyId: "1903" });
    const issue = async (ngoId: string, expiresOn: string) =>
      (
        await h.admin(ISSUE, {
          input: {
            ngoId,
            number: `T-${expiresOn}`,
            authority: "COUNTY_GOVERNORATE",
            issuedOn: "2020-01-01",
            expiresOn,
          },
        })
      ).data!.issueLicence.id;
    expiringLicence = await issue(expiringNgo, addDays(today(), 10));
    expiredLicence = await issue(expiredNgo, addDays(today(), -1));
  });

  it("derives EXPIRING within the window and EXPIRED after the expiry day", async () => {
    const result = await h.admin(
      `query($ids: [ID!]) { ngos(filter: { ids: $ids }) { items { id licenceState licence { state daysToExpiry } } } }`,
      { ids: [expiringNgo, expiredNgo] },
    );
    const byId = Object.fromEntries(result.data!.ngos.items.map((n: { id: string }) => [n.id, n]));
    expect(byId[expiringNgo]).toMatchObject({
      licenceState: "EXPIRING",
      licence: { state: "EXPIRING", daysToExpiry: 10 },
    });
    expect(byId[expiredNgo]).toMatchObject({
      licenceState: "EXPIRED",
      licence: { state: "EXPIRED", daysToExpiry: -1 },
    });
  });

  it("takes the window from HAMAFZA_LICENCE_EXPIRING_DAYS, in reads and in SQL filters alike", async () => {
    const states = async () => {
      const result = await h.admin(
        `query($id: ID!) { ngo(id: $id) { licenceState } ngos(filter: { licenceState: EXPIRING }) { items { id } } }`,
        { id: expiringNgo },
      );
      return {
        state: result.data!.ngo.licenceState,
        expiring: result.data!.ngos.items.map((n: { id: string }) => n.id),
      };
    };
    expect(await states()).toEqual({ state: "EXPIRING", expiring: [expiringNgo] });
    process.env.HAMAFZA_LICENCE_EXPIRING_DAYS = "5";
    try {
      expect(await states()).toEqual({ state: "ACTIVE", expiring: [] });
    } finally {
      delete process.env.HAMAFZA_LICENCE_EXPIRING_DAYS;
    }
  });

  it("refuses suspending an expired licence, and renews it", async () => {
    const before = await snapshot();
    const refused = await h.admin(SUSPEND, { id: expiredLicence, input: { reason: "آزمون تعلیق" } });
    expect(errorOf(refused)?.extensions?.code).toBe("INVALID_TRANSITION");
    expect(errorOf(refused)?.message).toContain("«منقضی»");
    expect(await snapshot()).toEqual(before);
    const renewed = await h.admin(RENEW, { id: expiredLicence, input: { expiresOn: addDays(today(), 1000) } });
    expect(renewed.data!.renewLicence.history[1]).toMatchObject({
      action: "RENEW",
      fromState: "EXPIRED",
      toState: "ACTIVE",
    });
  });

  it("filters licences by state in SQL and lists the ones expiring within N days", async () => {
    const byState = await h.admin(
      `{ licences(filter: { states: [EXPIRING, EXPIRED] }, limit: 200) { totalCount items { id state } } }`,
    );
    for (const item of byState.data!.licences.items) expect(["EXPIRING", "EXPIRED"]).toContain(item.state);
    expect(byState.data!.licences.items.map((l: { id: string }) => l.id)).toContain(expiringLicence);
    const all = await h.admin(`{ licences(limit: 200) { items { id state } } }`);
    const expected = all
      .data!.licences.items.filter((l: { state: string }) => ["EXPIRING", "EXPIRED"].includes(l.state))
      .map((l: { id: string }) => l.id)
      .sort();
    expect(byState.data!.licences.items.map((l: { id: string }) => l.id).sort()).toEqual(expected);

    const soon = await h.admin(
      `{ a: expiringLicences(days: 30) { totalCount items { id daysToExpiry } } b: expiringLicences(days: 9) { totalCount } }`,
    );
    expect(soon.data!.a.items.map((l: { id: string }) => l.id)).toEqual([expiringLicence]);
    expect(soon.data!.b.totalCount).toBe(0);
    const bad = await h.admin(`{ expiringLicences(days: -1) { totalCount } }`);
    expect(errorOf(bad)?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("counts NGOs by licence state with the same rule as each NGO's licenceState", async () => {
    const result = await h.admin(
      `{ ngoCounts(groupBy: LICENCE_STATE) { key count label } ngos(limit: 200) { items { licenceState } } }`,
    );
    const expected: Record<string, number> = {};
    for (const ngo of result.data!.ngos.items) expected[ngo.licenceState] = (expected[ngo.licenceState] ?? 0) + 1;
    expect(
      Object.fromEntries(result.data!.ngoCounts.map((c: { key: string; count: number }) => [c.key, c.count])),
    ).toEqual(expected);
    expect(result.data!.ngoCounts.find((c: { key: string }) => c.key === "REVOKED")).toBeUndefined();
    expect(result.data!.ngoCounts.find((c: { key: string }) => c.key === "EXPIRING").label).toBe("در آستانه انقضا");
  });
});

describe("licence state on a past day, from the history", () => {
  let ngoA: string;
  let ngoB: string;
  let firstLicence: string;
  let secondLicence: string;

  beforeAll(async () => {
    ngoA = await createNgo(h, { name: "انجمن آزمون تاریخچه پروانه", countyId: "1901", foundedOn: "2019-01-01" });
    ngoB = await createNgo(h, { name: "انجمن آزمون بدون پروانه", countyId: "1902" });
    firstLicence = (
      await h.admin(ISSUE, {
        input: {
          ngoId: ngoA,
          number: "H-1",
          authority: "GOVERNORATE",
          issuedOn: "2020-01-01",
          expiresOn: "2023-01-01",
        },
      })
    ).data!.issueLicence.id;
    const steps = [
      await h.admin(SUSPEND, {
        id: firstLicence,
        input: { reason: "بازرسی", until: "2021-12-31", effectiveOn: "2021-06-01" },
      }),
      await h.admin(RENEW, { id: firstLicence, input: { expiresOn: "2024-01-01", effectiveOn: "2022-03-01" } }),
      await h.admin(REVOKE, { id: firstLicence, input: { reason: "تخلف", effectiveOn: "2023-06-01" } }),
    ];
    for (const step of steps) expect(step.errors).toBeUndefined();
    const out = await h.admin(SUSPEND, {
      id: firstLicence,
      input: { reason: "پیش از آخرین رویداد", effectiveOn: "2023-01-01" },
    });
    expect(errorOf(out)?.extensions?.code).toBe("INVALID_TRANSITION");
    const early = await h.admin(ISSUE, {
      input: { ngoId: ngoA, number: "H-0", authority: "GOVERNORATE", issuedOn: "2019-06-01", expiresOn: "2030-01-01" },
    });
    expect(badFields(early)).toEqual(["issuedOn"]);
    secondLicence = (
      await h.admin(ISSUE, {
        input: {
          ngoId: ngoA,
          number: "H-2",
          authority: "GOVERNORATE",
          issuedOn: "2023-08-01",
          expiresOn: "2028-08-01",
        },
      })
    ).data!.issueLicence.id;
  });

  const expectations: [string, string, "first" | "second" | null][] = [
    ["2019-12-31", "NONE", null],
    ["2020-01-01", "ACTIVE", "first"],
    ["2021-05-31", "ACTIVE", "first"],
    ["2021-06-01", "SUSPENDED", "first"],
    ["2021-12-31", "SUSPENDED", "first"], // the suspension's last day
    ["2022-01-01", "ACTIVE", "first"], // lapsed
    ["2022-02-15", "ACTIVE", "first"],
    ["2022-12-15", "ACTIVE", "first"], // renewed on 2022-03-01: no longer expiring on 2023-01-01
    ["2023-06-01", "REVOKED", "first"],
    ["2023-12-01", "ACTIVE", "second"],
    ["2023-07-31", "REVOKED", "first"],
    ["2023-08-01", "ACTIVE", "second"],
    ["2028-07-01", "EXPIRING", "second"],
    ["2028-08-02", "EXPIRED", "second"],
  ];

  it.each(expectations)("on %s the NGO's licence was %s", async (date, state, which) => {
    const result = await h.admin(
      `query($ids: [ID!]!, $date: Date!) { licenceStatesOn(ngoIds: $ids, date: $date) { ngoId date state licenceId } }`,
      { ids: [ngoA, ngoB], date },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.licenceStatesOn).toEqual([
      {
        ngoId: ngoA,
        date,
        state,
        licenceId: which === "first" ? firstLicence : which === "second" ? secondLicence : null,
      },
      { ngoId: ngoB, date, state: "NONE", licenceId: null },
    ]);
  });

  it("answers the same through Ngo.licenceStateOn, batched across NGOs and dates", async () => {
    const result = await h.admin(
      `query($ids: [ID!]) { ngos(filter: { ids: $ids }) { items { id a: licenceStateOn(date: "2021-07-01") b: licenceStateOn(date: "2022-12-15") c: licenceStateOn(date: "2019-01-01") } } }`,
      {
        ids: [ngoA, ngoB],
      },
    );
    const byId = Object.fromEntries(result.data!.ngos.items.map((n: { id: string }) => [n.id, n]));
    expect(byId[ngoA]).toEqual({ id: ngoA, a: "SUSPENDED", b: "ACTIVE", c: "NONE" });
    expect(byId[ngoB]).toEqual({ id: ngoB, a: "NONE", b: "NONE", c: "NONE" });
  });

  it("answers many dates in one request with one statement, as many as for one date", async () => {
    const aliased = (dates: string[]) =>
      `query($ids: [ID!]!) { ${dates.map((date, i) => `d${i}: licenceStatesOn(ngoIds: $ids, date: "${date}") { ngoId date state licenceId }`).join(" ")} }`;
    const dates = expectations.map(([date]) => date);
    await h.admin(aliased(dates.slice(0, 1)), { ids: [ngoA, ngoB] }); // warm-up
    const one = await withStatementCount(() => h.admin(aliased(dates.slice(0, 1)), { ids: [ngoA, ngoB] }));
    const many = await withStatementCount(() => h.admin(aliased(dates), { ids: [ngoA, ngoB] }));
    expect(many.result.errors).toBeUndefined();
    expect(many.count).toBe(one.count);
    expect(many.statements.filter((sql) => sql.includes("licence_event")).length).toBe(1);
    expectations.forEach(([date, state, which], i) => {
      expect(many.result.data![`d${i}`]).toEqual([
        {
          ngoId: ngoA,
          date,
          state,
          licenceId: which === "first" ? firstLicence : which === "second" ? secondLicence : null,
        },
        { ngoId: ngoB, date, state: "NONE", licenceId: null },
      ]);
    });
  });

  const ON_DAYS = `query($asks: [LicenceStatesAsk!]!) { licenceStatesOnDays(asks: $asks) }`;

  it("answers many (day, NGOs) asks as one JSON value aligned to the asks, with one statement, as licenceStatesOn does", async () => {
    const absent = "00000000-0000-4000-8000-00000000abcd";
    const asks = expectations.map(([date], i) => ({
      date,
      ngoIds: i % 2 ? [ngoB, absent, ngoA] : [ngoA, ngoB, ngoA],
    }));
    const many = await withStatementCount(() => h.admin(ON_DAYS, { asks }));
    expect(many.result.errors).toBeUndefined();
    expect(many.statements.filter((sql) => sql.includes("licence_event")).length).toBe(1);
    expect(many.result.data!.licenceStatesOnDays).toEqual(
      expectations.map(([, state], i) => (i % 2 ? ["NONE", null, state] : [state, "NONE", state])),
    );
    // The same states as licenceStatesOn, pair by pair.
    const old = await h.admin(
      `query($ids: [ID!]!) { ${expectations.map(([date], i) => `d${i}: licenceStatesOn(ngoIds: $ids, date: "${date}") { ngoId state }`).join(" ")} }`,
      { ids: [ngoA, ngoB, absent] },
    );
    asks.forEach((ask, i) =>
      ask.ngoIds.forEach((id, j) =>
        expect(many.result.data!.licenceStatesOnDays[i][j]).toBe(
          old.data![`d${i}`].find((row: { ngoId: string }) => row.ngoId === id)?.state ?? null,
        ),
      ),
    );
    expect((await h.admin(ON_DAYS, { asks: [] })).data!.licenceStatesOnDays).toEqual([]);
    expect((await h.admin(ON_DAYS, { asks: [{ date: "2021-06-01", ngoIds: [] }] })).data!.licenceStatesOnDays).toEqual([
      [],
    ]);
  });

  it("refuses bad days and ids in licenceStatesOnDays with BAD_USER_INPUT and a Persian message", async () => {
    const badDay = await h.admin(ON_DAYS, {
      asks: [
        { date: "2021-06-01", ngoIds: [ngoA] },
        { date: "1404-01-01", ngoIds: [ngoA] },
      ],
    });
    expect(errorOf(badDay)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badFields(badDay)).toEqual(["asks[1].date"]);
    expect(errorOf(badDay)!.message).toMatch(/[\u0600-\u06FF]/);
    const badId = await h.admin(ON_DAYS, { asks: [{ date: "2021-06-01", ngoIds: [ngoA, "not-a-uuid"] }] });
    expect(errorOf(badId)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badFields(badId)).toEqual(["asks"]);
    expect(errorOf(badId)!.extensions!.fields[0].message).toBe("شناسه یکی از سمن‌ها معتبر نیست.");
    const tooMany = await h.admin(ON_DAYS, {
      // Short ids, so the body stays under the subgraph's limit: the size is refused before the ids are read.
      asks: [{ date: "2021-06-01", ngoIds: Array.from({ length: 100_001 }, () => "x") }],
    });
    expect(errorOf(tooMany)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errorOf(tooMany)!.message).toBe("حداکثر ۱۰۰٬۰۰۰ جفت سمن و روز در هر پرسش.");
  });
});

describe("licences and territory", () => {
  let zanjanNgo: string;
  let abharNgo: string;
  let isfahanNgo: string;
  let abharLicence: string;
  let isfahanLicence: string;

  beforeAll(async () => {
    zanjanNgo = await createNgo(h, { name: "انجمن آزمون قلمرو زنجان", countyId: "1901" });
    abharNgo = await createNgo(h, { name: "انجمن آزمون قلمرو ابهر", countyId: "1902" });
    isfahanNgo = await createNgo(h, { name: "انجمن آزمون قلمرو اصفهان", countyId: "1001" });
    abharLicence = (
      await h.admin(ISSUE, {
        input: {
          ngoId: abharNgo,
          number: "A-1",
          authority: "COUNTY_GOVERNORATE",
          issuedOn: "2024-01-01",
          expiresOn: "2029-01-01",
        },
      })
    ).data!.issueLicence.id;
    isfahanLicence = (
      await h.admin(ISSUE, {
        input: {
          ngoId: isfahanNgo,
          number: "I-1",
          authority: "GOVERNORATE",
          issuedOn: "2024-01-01",
          expiresOn: "2029-01-01",
        },
      })
    ).data!.issueLicence.id;
  });

  it("lets a county officer issue in its county only; elsewhere the NGO and licence are not found", async () => {
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    const before = await snapshot();
    const other = await county(ISSUE, {
      input: {
        ngoId: abharNgo,
        number: "X",
        authority: "COUNTY_GOVERNORATE",
        issuedOn: "2024-01-01",
        expiresOn: "2029-01-01",
      },
    });
    expect(errorOf(other)?.extensions?.code).toBe("NOT_FOUND");
    const suspend = await county(SUSPEND, { id: abharLicence, input: { reason: "آزمون قلمرو" } });
    expect(errorOf(suspend)?.extensions?.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    const own = await county(ISSUE, {
      input: {
        ngoId: zanjanNgo,
        number: "Z-1",
        authority: "COUNTY_GOVERNORATE",
        issuedOn: "2024-01-01",
        expiresOn: "2029-01-01",
      },
    });
    expect(own.data!.issueLicence.state).toBe("ACTIVE");
    const seen = await county(
      `query($a: ID!) { licences(limit: 200) { items { ngo { countyId } } } licence(id: $a) { id } }`,
      { a: abharLicence },
    );
    expect(seen.data!.licence).toBeNull();
    expect(new Set(seen.data!.licences.items.map((l: { ngo: { countyId: string } }) => l.ngo.countyId))).toEqual(
      new Set(["1901"]),
    );
  });

  it("limits a province officer to its province and leaves out NGOs outside the territory in licenceStatesOn", async () => {
    const province = await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const refused = await province(SUSPEND, { id: isfahanLicence, input: { reason: "آزمون قلمرو" } });
    expect(errorOf(refused)?.extensions?.code).toBe("NOT_FOUND");
    const allowed = await province(SUSPEND, { id: abharLicence, input: { reason: "آزمون قلمرو استان" } });
    expect(allowed.data!.suspendLicence.state).toBe("SUSPENDED");
    const states = await province(
      `query($ids: [ID!]!) { licenceStatesOn(ngoIds: $ids, date: "2025-01-01") { ngoId state } }`,
      { ids: [abharNgo, isfahanNgo, "not-a-uuid"] },
    );
    expect(states.data!.licenceStatesOn).toEqual([{ ngoId: abharNgo, state: "ACTIVE" }]);
    // The compact form is the evaluators' only.
    const onDays = await province(`query($asks: [LicenceStatesAsk!]!) { licenceStatesOnDays(asks: $asks) }`, {
      asks: [{ date: "2025-01-01", ngoIds: [abharNgo] }],
    });
    expect(errorOf(onDays)?.extensions?.code).toBe("FORBIDDEN");
    expect(onDays.data?.licenceStatesOnDays ?? null).toBeNull();
    const audit = await h.superQuery(
      `SELECT actor_role, province_id, county_id FROM identity.audit_entry WHERE action = 'suspendLicence' AND entity_id = $1`,
      [abharLicence],
    );
    expect(audit).toEqual([{ actor_role: "PROVINCE_OFFICER", province_id: "19", county_id: "1902" }]);
  });

  it("gives a provincial evaluator the licence state of NGOs from other provinces (their meetings' attendees), and only the state", async () => {
    const evaluator = await h.as({ role: Role.EVALUATOR, provinceId: "19" });
    const states = await evaluator(
      `query($ids: [ID!]!) { licenceStatesOn(ngoIds: $ids, date: "2025-01-01") { ngoId state } }`,
      { ids: [abharNgo, isfahanNgo, "not-a-uuid"] },
    );
    expect(states.errors).toBeUndefined();
    expect(new Set(states.data!.licenceStatesOn.map((row: { ngoId: string }) => row.ngoId))).toEqual(
      new Set([abharNgo, isfahanNgo]),
    );
    expect(states.data!.licenceStatesOn.find((row: { ngoId: string }) => row.ngoId === isfahanNgo).state).toBe(
      "ACTIVE",
    );
    const onDays = await evaluator(`query($asks: [LicenceStatesAsk!]!) { licenceStatesOnDays(asks: $asks) }`, {
      asks: [{ date: "2025-01-01", ngoIds: [isfahanNgo, abharNgo] }],
    });
    expect(onDays.errors).toBeUndefined();
    expect(onDays.data!.licenceStatesOnDays).toEqual([["ACTIVE", "ACTIVE"]]);
    // The NGO itself stays outside the evaluator's territory.
    const ngo = await evaluator(`query($id: ID!) { ngo(id: $id) { id } }`, { id: isfahanNgo });
    expect(ngo.data!.ngo).toBeNull();
  });
});

describe("the current licence kept on the NGO's row (issue 13)", () => {
  /** NGOs whose row columns differ from their latest issued licence (`currentLicenceStateSql`'s rule). */
  const stale = () =>
    h.db.query(
      `SELECT n.id FROM ngo n
         LEFT JOIN LATERAL (SELECT l.status, l.suspended_until, l.expires_on FROM licence l WHERE l.ngo_id = n.id
                             ORDER BY l.issued_on DESC, l.created_at DESC LIMIT 1) cur ON true
        WHERE (n.current_licence_status, n.current_licence_suspended_until, n.current_licence_expires_on)
              IS DISTINCT FROM (cur.status, cur.suspended_until, cur.expires_on)`,
    );
  const columns = async (id: string) =>
    (
      await h.db.query(
        `SELECT current_licence_status AS status, current_licence_expires_on::text AS expires FROM ngo WHERE id = $1`,
        [id],
      )
    )[0];

  it("matches the latest licence of every NGO after every mutation above (issue, renew, suspend, reinstate, revoke, correct, delete)", async () => {
    expect(
      Number((await h.db.query(`SELECT count(*) FROM ngo WHERE current_licence_status IS NOT NULL`))[0].count),
    ).toBeGreaterThan(3);
    expect(await stale()).toEqual([]);
  });

  it("follows bulk inserts, moves and deletes written in SQL", async () => {
    const a = await createNgo(h, { name: "انجمن آزمون ستون پروانه", countyId: "1901" });
    const b = await createNgo(h, { name: "جمعیت آزمون ستون پروانه", countyId: "1901" });
    expect(await columns(a)).toEqual({ status: null, expires: null });
    // One statement, three rows, two NGOs: the statement-level trigger sees them all.
    await h.db.query(
      `INSERT INTO licence (ngo_id, number, authority, issued_on, expires_on, status)
       VALUES ($1, 'B/1', 'COUNTY_GOVERNORATE', '2020-01-01', '2022-01-01', 'ACTIVE'),
              ($1, 'B/2', 'COUNTY_GOVERNORATE', '2022-01-01', '2030-01-01', 'SUSPENDED'),
              ($2, 'B/3', 'COUNTY_GOVERNORATE', '2021-01-01', '2031-01-01', 'ACTIVE')`,
      [a, b],
    );
    expect(await columns(a)).toEqual({ status: "SUSPENDED", expires: "2030-01-01" });
    expect(await columns(b)).toEqual({ status: "ACTIVE", expires: "2031-01-01" });
    await h.db.query(`UPDATE licence SET ngo_id = $2 WHERE ngo_id = $1 AND number = 'B/2'`, [a, b]);
    expect(await columns(a)).toEqual({ status: "ACTIVE", expires: "2022-01-01" });
    expect(await columns(b)).toEqual({ status: "SUSPENDED", expires: "2030-01-01" });
    await h.db.query(`DELETE FROM licence WHERE ngo_id IN ($1, $2)`, [a, b]);
    expect(await columns(a)).toEqual({ status: null, expires: null });
    expect(await columns(b)).toEqual({ status: null, expires: null });
    expect(await stale()).toEqual([]);
  });

  it("stays right when two transactions write one NGO's licences at once (the later commit recomputes from both)", async () => {
    const ngo = await createNgo(h, { name: "کانون آزمون هم‌زمانی پروانه", countyId: "1901" });
    const first = h.db.createQueryRunner();
    const second = h.db.createQueryRunner();
    const insert = `INSERT INTO licence (ngo_id, number, authority, issued_on, expires_on, status) VALUES ($1, $2, 'COUNTY_GOVERNORATE', $3, $4, 'ACTIVE')`;
    try {
      await first.connect();
      await second.connect();
      // The first writes the NGO's latest licence and holds its transaction open.
      await first.startTransaction();
      await first.query(insert, [ngo, "C/2", "2024-01-01", "2034-01-01"]);
      // The second writes an older one meanwhile: its trigger waits for the NGO's row, then must see the first's.
      await second.startTransaction();
      const waiting = second.query(insert, [ngo, "C/1", "2023-01-01", "2033-01-01"]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.commitTransaction();
      await waiting;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    expect(await columns(ngo)).toEqual({ status: "ACTIVE", expires: "2034-01-01" });
    expect(await stale()).toEqual([]);
  });

  it("gives the same state in lists (row columns) as for one NGO (licence read), and filters by it alike", async () => {
    const list = await h.admin(`{ ngos(limit: 200) { totalCount items { id licenceState } } }`);
    expect(list.errors).toBeUndefined();
    const items: { id: string; licenceState: string }[] = list.data!.ngos.items;
    expect(items.length).toBe(list.data!.ngos.totalCount);
    const one = await h.admin(
      `query($ids: [ID!]!) { ngos(limit: 200, filter: { ids: $ids }) { items { id } } ${items
        .map((ngo, i) => `n${i}: ngo(id: "${ngo.id}") { licenceState }`)
        .join(" ")} }`,
      { ids: [] },
    );
    expect(items.map((ngo, i) => one.data![`n${i}`].licenceState)).toEqual(items.map((ngo) => ngo.licenceState));
    const states = new Set(items.map((ngo) => ngo.licenceState));
    expect(states.size).toBeGreaterThanOrEqual(3);
    for (const state of ["ACTIVE", "EXPIRING", "EXPIRED", "SUSPENDED", "REVOKED", "NONE"]) {
      const filtered = await h.admin(
        `query($s: LicenceState!) { ngos(limit: 200, filter: { licenceState: $s }) { totalCount items { id } } }`,
        {
          s: state,
        },
      );
      expect(filtered.data!.ngos.items.map((ngo: { id: string }) => ngo.id).sort()).toEqual(
        items
          .filter((ngo) => ngo.licenceState === state)
          .map((ngo) => ngo.id)
          .sort(),
      );
    }
  });

  it("keeps the columns right when a licence is written from a session of another search path", async () => {
    const ngo = await createNgo(h, { name: "انجمن آزمون مسیر جستجو", countyId: "1901" });
    await h.superQuery(
      `INSERT INTO registry.licence (ngo_id, number, authority, issued_on, expires_on, status)
       VALUES ($1, 'S/1', 'COUNTY_GOVERNORATE', '2024-01-01', '2034-01-01', 'SUSPENDED')`,
      [ngo],
    );
    expect(await columns(ngo)).toEqual({ status: "SUSPENDED", expires: "2034-01-01" });
    await h.superQuery(`DELETE FROM registry.licence WHERE ngo_id = $1`, [ngo]);
    expect(await columns(ngo)).toEqual({ status: null, expires: null });
  });

  it("gives a mutation's returned NGO the state its licence has, as ngo(id) does", async () => {
    const [row] = await h.db.query(
      `SELECT id FROM ngo WHERE current_licence_status IS NOT NULL AND status <> 'MERGED' ORDER BY id LIMIT 1`,
    );
    const read = await h.admin(`query($id: ID!) { ngo(id: $id) { licenceState membersCount } }`, { id: row.id });
    expect(read.data!.ngo.licenceState).not.toBe("NONE");
    const updated = await h.admin(
      `mutation($id: ID!, $n: Int) { updateNgo(id: $id, input: { membersCount: $n }) { licenceState } }`,
      { id: row.id, n: (read.data!.ngo.membersCount ?? 0) + 1 },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateNgo.licenceState).toBe(read.data!.ngo.licenceState);
  });

  it("answers a list's licenceState without reading licences: page and count only", async () => {
    const query = `{ ngos(limit: 2, filter: { licenceState: ACTIVE }) { totalCount items { id licenceState } } }`;
    await h.admin(query); // warm-up
    const { result, count, statements } = await withStatementCount(() => h.admin(query));
    expect(result.errors).toBeUndefined();
    expect(statements.filter((sql) => /\blicence\b/.test(sql))).toEqual([]);
    expect(count).toBe(2);
  });
});
