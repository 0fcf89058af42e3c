import { describe, expect, it } from "@jest/globals";
import { STAFF_ROLES } from "../src/auth/roles";
import { territoryNeeds, withRoleTerritory } from "../src/users/userTerritory";
import { parseUsername } from "../src/users/username";

describe("user territory per role", () => {
  // The users screen makes staff accounts only (invited users come by invitation, bound to a record).
  it("asks officers for their territory and lets evaluators and analysts choose one", () => {
    expect(Object.fromEntries(STAFF_ROLES.map((role) => [role, territoryNeeds(role)]))).toEqual({
      ADMIN: { province: "none", county: "none" },
      PROVINCE_OFFICER: { province: "required", county: "none" },
      COUNTY_OFFICER: { province: "required", county: "required" },
      EVALUATOR: { province: "optional", county: "none" },
      ANALYST: { province: "optional", county: "optional" },
    });
    expect(territoryNeeds(undefined)).toEqual({ province: "none", county: "none" });
  });

  it("clears the territory a role does not have, so a role change removes it on the server", () => {
    const officer = { role: "COUNTY_OFFICER", provinceId: "19", countyId: "1901", displayName: "x" };
    expect(withRoleTerritory(officer)).toEqual(officer);
    expect(withRoleTerritory({ ...officer, role: "ADMIN" })).toEqual({
      ...officer,
      role: "ADMIN",
      provinceId: null,
      countyId: null,
    });
    expect(withRoleTerritory({ ...officer, role: "PROVINCE_OFFICER" })).toEqual({
      ...officer,
      role: "PROVINCE_OFFICER",
      countyId: null,
    });
    expect(withRoleTerritory({ ...officer, role: "EVALUATOR" })).toEqual({
      ...officer,
      role: "EVALUATOR",
      countyId: null,
    });
    expect(withRoleTerritory({ ...officer, role: "ANALYST" })).toEqual({ ...officer, role: "ANALYST" });
  });

  it("turns an empty choice into null (the whole country) and drops a county without its province", () => {
    expect(withRoleTerritory({ role: "EVALUATOR", provinceId: "" })).toEqual({
      role: "EVALUATOR",
      provinceId: null,
      countyId: null,
    });
    expect(withRoleTerritory({ role: "ANALYST", provinceId: null, countyId: "1901" })).toEqual({
      role: "ANALYST",
      provinceId: null,
      countyId: null,
    });
  });

  it("writes usernames as the server compares them", () => {
    expect(parseUsername(" Demo.County۱ ")).toBe("demo.county1");
    expect(parseUsername("user٢")).toBe("user2");
  });
});
