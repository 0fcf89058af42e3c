import { AuthUser, Role, Validator } from "@hamafza/common";
import { canSeeSavedQuery, checkQueryDocument, checkVariables, territoryOf } from "../src/resolvers/savedQueryRules";

const user = (id: string, provinceId: string | null, countyId: string | null, role = Role.ANALYST): AuthUser => ({
  id,
  username: id,
  role,
  provinceId,
  countyId,
  sessionId: "s",
});

const problems = (check: (v: Validator) => void) => {
  const v = new Validator();
  check(v);
  try {
    v.done();
    return [];
  } catch (error) {
    return (error as { extensions: { fields: { field: string }[] } }).extensions.fields.map((f) => f.field);
  }
};

describe("saved query visibility", () => {
  const countyOwner = user("a", "19", "1901", Role.COUNTY_OFFICER);
  const row = { ownerId: "a", ...territoryOf(countyOwner) };

  it("the owner always sees it; others only when shared and of exactly the same territory", () => {
    expect(canSeeSavedQuery(countyOwner, { ...row, shared: false })).toBe(true);
    expect(canSeeSavedQuery(user("b", "19", "1901"), { ...row, shared: false })).toBe(false);
    expect(canSeeSavedQuery(user("b", "19", "1901"), { ...row, shared: true })).toBe(true);
    expect(canSeeSavedQuery(user("c", "19", null, Role.PROVINCE_OFFICER), { ...row, shared: true })).toBe(false);
    expect(canSeeSavedQuery(user("d", "19", "1902"), { ...row, shared: true })).toBe(false);
    expect(canSeeSavedQuery(user("e", null, null, Role.ADMIN), { ...row, shared: true })).toBe(false);
    const national = { ownerId: "n", shared: true, ...territoryOf(user("n", null, null)) };
    expect(canSeeSavedQuery(user("e", null, null, Role.EVALUATOR), national)).toBe(true);
    expect(canSeeSavedQuery(user("c", "19", null), national)).toBe(false);
  });

  it("a county user's territory carries its province even when the token lacks it", () => {
    expect(territoryOf({ provinceId: null, countyId: "1901" })).toEqual({ provinceId: "19", countyId: "1901" });
  });
});

describe("saved query documents", () => {
  it("accepts query operations and fragments; refuses mutations, subscriptions, syntax errors and blanks", () => {
    expect(problems((v) => checkQueryDocument(v, "{ ngos { totalCount } }"))).toEqual([]);
    expect(
      problems((v) =>
        checkQueryDocument(v, "query A { ...F } query B { me { id } } fragment F on Query { me { id } }"),
      ),
    ).toEqual([]);
    expect(problems((v) => checkQueryDocument(v, "mutation { deleteNgo(id: 1) { id } }"))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, "query A { me { id } } mutation B { x }"))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, "subscription { x }"))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, "{ ngos { "))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, "fragment F on Query { me { id } }"))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, "   "))).toEqual(["query"]);
    expect(problems((v) => checkQueryDocument(v, `{ ${"me { id } ".repeat(3000)}}`))).toEqual(["query"]);
  });

  it("variables are empty or a JSON object", () => {
    expect(problems((v) => checkVariables(v, undefined))).toEqual([]);
    expect(problems((v) => checkVariables(v, ""))).toEqual([]);
    expect(problems((v) => checkVariables(v, '{"year": 1404}'))).toEqual([]);
    expect(problems((v) => checkVariables(v, "[1]"))).toEqual(["variables"]);
    expect(problems((v) => checkVariables(v, "null"))).toEqual(["variables"]);
    expect(problems((v) => checkVariables(v, "{year: 1404}"))).toEqual(["variables"]);
  });
});
