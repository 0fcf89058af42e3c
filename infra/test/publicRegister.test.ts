import { bearer, login, postGraphQL, PUBLIC_LICENCE_FIELDS, PUBLIC_NGO_FIELDS, PublicNgoPage } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * The public register (GET /public, GET /public/ngos; no sign-in): only NGOs an official listed with the NGO's
 * recorded consent, only their name, fields, county and licence; rate-limited; listing audited and territorial.
 */
const RATE = 40;
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let county: string;
let admin: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("public_register", { demo: true });
  process.env.HAMAFZA_PUBLIC_RATE_PER_MINUTE = String(RATE);
  stack = await startInProcessStack(prepared);
  delete process.env.HAMAFZA_PUBLIC_RATE_PER_MINUTE;
  county = await login(stack.baseUrl, "demo.county", DEMO_PASSWORD);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(`${stack.baseUrl}/graphql`, query, variables, bearer(token));

interface FullNgo {
  id: string;
  name: string;
  nationalId: string;
  registrationNumber: string | null;
  phones: string[];
  address: string | null;
  licenceState: string;
  boardMembers: Array<{ name: string }>;
}
const FULL = `id name nationalId registrationNumber phones address licenceState boardMembers { name }`;

async function ngosOf(token: string, filter: Record<string, unknown>): Promise<FullNgo[]> {
  const answer = await gql(
    token,
    `query($filter: NgoFilter) { ngos(filter: $filter, limit: 100) { items { ${FULL} } } }`,
    {
      filter,
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.ngos.items;
}

const LIST = `mutation($id: ID!, $input: NgoPublicListingInput!) {
  listNgoPublicly(id: $id, input: $input) { id publicListing { consentOn consentNote listedBy } } }`;
const UNLIST = `mutation($id: ID!) { unlistNgoPublicly(id: $id) { id publicListing { consentOn } } }`;
const CONSENT = { consentOn: "2025-05-01", consentNote: "نامه شماره ۱۲۳ مدیرعامل سمن" };

const publicNgos = async (query = ""): Promise<{ status: number; body: PublicNgoPage; text: string }> => {
  const response = await fetch(`${stack.baseUrl}/public/ngos${query}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
};

describe("listing", () => {
  let listed: FullNgo;

  it("lists a licensed NGO of the official's territory with the NGO's consent, audited", async () => {
    const mine = await ngosOf(county, {});
    listed =
      mine.find((ngo) => ngo.licenceState !== "NONE" && ngo.boardMembers.length > 0) ??
      mine.find((ngo) => ngo.licenceState !== "NONE")!;
    const answer = await gql(county, LIST, { id: listed.id, input: CONSENT });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.listNgoPublicly.publicListing).toEqual({ ...CONSENT, listedBy: "demo.county" });
    const audit = await gql(
      admin,
      `query($id: String) { auditEntries(filter: { entityId: $id, action: "listNgoPublicly" }) { totalCount items { after } } }`,
      { id: listed.id },
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditEntries.totalCount).toBe(1);
  });

  it("shows the listed NGO to anyone, with exactly the public fields and none of its personal data", async () => {
    const { status, body, text } = await publicNgos();
    expect(status).toBe(200);
    expect(body.items.map((ngo) => ngo.id)).toEqual([listed.id]);
    expect(body.totalCount).toBe(1);
    for (const ngo of body.items) {
      expect(Object.keys(ngo).sort()).toEqual([...PUBLIC_NGO_FIELDS].sort());
      expect(Object.keys(ngo.licence!).sort()).toEqual([...PUBLIC_LICENCE_FIELDS].sort());
      expect(ngo.name).toBe(listed.name);
    }
    const personal = [
      listed.nationalId,
      listed.registrationNumber,
      listed.address,
      ...listed.phones,
      ...listed.boardMembers.map((member) => member.name),
    ].filter((value): value is string => Boolean(value));
    expect(personal.length).toBeGreaterThan(0);
    for (const value of personal) expect(text).not.toContain(value);
  });

  it("serves a Persian page that finds the NGO by a part of its name", async () => {
    const word = listed.name.split(" ").find((part) => part.length > 3)!;
    const response = await fetch(`${stack.baseUrl}/public?q=${encodeURIComponent(word)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(listed.name);
    expect(html).not.toContain(listed.nationalId);
    expect((await publicNgos(`?q=${encodeURIComponent("سمنی-که-نیست")}`)).body.totalCount).toBe(0);
  });

  it("refuses bad consent, an NGO without a licence and one outside the territory, changing nothing", async () => {
    const future = await gql(county, LIST, { id: listed.id, input: { consentOn: "2999-01-01", consentNote: " " } });
    expect(future.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const fields = (future.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(["consentNote", "consentOn"]);

    const unlicensed = (await ngosOf(county, {})).find((ngo) => ngo.licenceState === "NONE");
    if (unlicensed) {
      const refused = await gql(county, LIST, { id: unlicensed.id, input: CONSENT });
      expect(refused.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    }
    const elsewhere = (await ngosOf(admin, { provinceId: "04" }))[0]!;
    const outside = await gql(county, LIST, { id: elsewhere.id, input: CONSENT });
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(outside.errors![0]!.extensions!.code);
    expect((await publicNgos()).body.items.map((ngo) => ngo.id)).toEqual([listed.id]);
  });

  it("refuses a search it does not understand", async () => {
    const { status, body } = await publicNgos("?limit=1000");
    expect(status).toBe(400);
    expect((body as unknown as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("takes the NGO out when it withdraws its consent", async () => {
    const answer = await gql(county, UNLIST, { id: listed.id });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.unlistNgoPublicly.publicListing).toBeNull();
    expect((await publicNgos()).body.totalCount).toBe(0);
    // Again: nothing to do, no error.
    expect((await gql(county, UNLIST, { id: listed.id })).errors).toBeUndefined();
  });
});

describe("rate limit", () => {
  it("answers 429 with a Persian message once a client passes its requests per minute", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < RATE + 2; i += 1) {
      last = await fetch(`${stack.baseUrl}/public/ngos?limit=1`);
      statuses.push(last.status);
      if (last.status === 429) break;
    }
    expect(statuses).toContain(429);
    expect(last!.headers.get("retry-after")).toBe("60");
    const body = (await last!.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("LOCKED");
    expect(body.errors[0]!.message).toMatch(/[\u0600-\u06ff]/);
  });
});
