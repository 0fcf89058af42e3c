import {
  AppError,
  AuthUser,
  canRead,
  canWrite,
  generateServiceSecurity,
  provinceScopeOf,
  Role,
  signAccessToken,
  territoryCondition,
  verifyAccessToken,
} from "@hamafza/common";

const NGO_ID = "11111111-1111-4111-8111-111111111111";
const OTHER_ID = "22222222-2222-4222-8222-222222222222";
const user = (role: Role, extra: Partial<AuthUser> = {}): AuthUser => ({
  id: "u",
  username: "u",
  role,
  provinceId: null,
  countyId: null,
  sessionId: "s",
  ...extra,
});
const COLUMNS = { province: "n.province_id", county: "n.county_id" };

describe("scope of invited roles", () => {
  it("gives an invited user no row of a table that does not name their record, never the whole country", () => {
    for (const role of [Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT, Role.MANAGER]) {
      expect(territoryCondition(user(role, { boundId: NGO_ID }), COLUMNS)).toEqual({ sql: "1 = 0", params: {} });
      expect(canRead(user(role, { boundId: NGO_ID }), { provinceId: "19", countyId: "1901" })).toBe(false);
      expect(canWrite(user(role, { boundId: NGO_ID }), { provinceId: "19", countyId: "1901" })).toBe(false);
      expect(() => provinceScopeOf(user(role, { boundId: NGO_ID }))).toThrow(AppError);
    }
    // Staff without a territory still mean the whole country.
    expect(territoryCondition(user(Role.ANALYST), COLUMNS)).toBeNull();
  });

  it("matches an invited user's own record on the column of its kind only", () => {
    const rep = user(Role.NGO_REPRESENTATIVE, { boundId: NGO_ID });
    expect(territoryCondition(rep, { ...COLUMNS, ngo: "n.id" }, "x")).toEqual({
      sql: "n.id = :xBound",
      params: { xBound: NGO_ID },
    });
    // A condition over a linked table names the record with `:bound`.
    expect(
      territoryCondition(
        rep,
        { ...COLUMNS, ngo: "EXISTS (SELECT 1 FROM a WHERE a.m = m.id AND a.ngo_id = :bound)" },
        "x",
      ),
    ).toEqual({
      sql: "(EXISTS (SELECT 1 FROM a WHERE a.m = m.id AND a.ngo_id = :xBound))",
      params: { xBound: NGO_ID },
    });
    // An agency column does not open the table to an NGO representative.
    expect(territoryCondition(rep, { ...COLUMNS, agency: "d.agency_id" })).toEqual({ sql: "1 = 0", params: {} });
    const respondent = user(Role.AGENCY_RESPONDENT, { boundId: OTHER_ID });
    expect(territoryCondition(respondent, { ...COLUMNS, agency: "d.agency_id" })?.params).toEqual({
      scopeBound: OTHER_ID,
    });
    expect(canRead(rep, { provinceId: "19", countyId: null }, { ngo: NGO_ID })).toBe(true);
    expect(canRead(rep, { provinceId: "19", countyId: null }, { ngo: OTHER_ID })).toBe(false);
    expect(canRead(rep, { provinceId: "19", countyId: null }, { agency: NGO_ID })).toBe(false);
    // Without a bound record (a malformed user) nothing matches.
    expect(territoryCondition(user(Role.MANAGER), { ...COLUMNS, manager: "m.id" })).toEqual({
      sql: "1 = 0",
      params: {},
    });
  });

  it("carries the bound record in the token and refuses invited tokens without one (and staff tokens with one)", async () => {
    const security = generateServiceSecurity();
    const later = new Date(Date.now() + 60_000);
    const rep = user(Role.NGO_REPRESENTATIVE, { boundId: NGO_ID });
    expect(await verifyAccessToken(security.keys, await signAccessToken(security.keys, rep, later))).toMatchObject({
      role: Role.NGO_REPRESENTATIVE,
      boundId: NGO_ID,
    });
    const unbound = await signAccessToken(security.keys, user(Role.NGO_REPRESENTATIVE), later);
    await expect(verifyAccessToken(security.keys, unbound)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    const boundStaff = await signAccessToken(security.keys, user(Role.ANALYST, { boundId: NGO_ID }), later);
    await expect(verifyAccessToken(security.keys, boundStaff)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
