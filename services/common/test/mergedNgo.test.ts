import { actingRepresentative, AuthUser, RequestContext, Role } from "@hamafza/common";

/**
 * `actingRepresentative` (docs/merging.md, "Representatives of a merged NGO"): only an NGO representative's bound
 * NGO is resolved to its survivor; every other user, and a representative of an NGO not merged, is answered as is.
 */
const MERGED = "11111111-1111-4111-8111-111111111111";
const SURVIVOR = "22222222-2222-4222-8222-222222222222";
const ctx = {} as RequestContext; // the lookup below answers without a database
const asked: string[] = [];
const survivorOf = async (_ctx: RequestContext, id: string) => {
  asked.push(id);
  return id === MERGED ? SURVIVOR : null;
};

const user = (role: Role, boundId: string | null): AuthUser => ({
  id: "u",
  username: "someone",
  role,
  provinceId: null,
  countyId: null,
  boundId,
  sessionId: "s",
});

beforeEach(() => {
  asked.length = 0;
});

describe("actingRepresentative", () => {
  it("resolves a representative of a merged NGO to the survivor, keeping everything else", async () => {
    const representative = user(Role.NGO_REPRESENTATIVE, MERGED);
    expect(await actingRepresentative(ctx, representative, survivorOf)).toEqual({
      ...representative,
      boundId: SURVIVOR,
    });
    expect(representative.boundId).toBe(MERGED); // the token's user is not changed
  });

  it("answers a representative of an NGO not merged as is", async () => {
    const representative = user(Role.NGO_REPRESENTATIVE, SURVIVOR);
    expect(await actingRepresentative(ctx, representative, survivorOf)).toBe(representative);
  });

  it("never asks for staff, agency respondents, managers or an id that is not a UUID", async () => {
    for (const other of [
      user(Role.PROVINCE_OFFICER, null),
      user(Role.ADMIN, null),
      user(Role.AGENCY_RESPONDENT, MERGED),
      user(Role.MANAGER, MERGED),
      user(Role.NGO_REPRESENTATIVE, "not-a-uuid"),
      user(Role.NGO_REPRESENTATIVE, null),
    ])
      expect(await actingRepresentative(ctx, other, survivorOf)).toBe(other);
    expect(asked).toEqual([]);
  });
});
