import { normalizePersian, Role } from "@hamafza/common";
import { addDays, createNgo, errorOf, RegistryHarness, startHarness, today } from "./profileHelpers";

/*
 * Search, duplicates, parallel work and the analysts' queries, on a small hand-made registry whose expected
 * answers are worked out by hand below (no demo data).
 */
let h: RegistryHarness;
const ids: Record<string, string> = {};
const fieldIds: Record<string, string> = {};

interface Fixture {
  key: string;
  name: string;
  countyId: string;
  fields?: string[];
  phone?: string;
  registrationNumber?: string;
  status?: string;
  capabilities?: { service: string; field?: string; coverageCountyIds: string[] }[];
  trainingNeeds?: { topic: string; urgency: string; audience?: string }[];
}

/** Zanjan (19), Qazvin (26) and Isfahan (10): duplicates, parallel work, counts. */
const REGISTRY: Fixture[] = [
  {
    key: "Z1",
    name: "سمن‌های جوانان زنجان",
    countyId: "1901",
    fields: ["YOUTH"],
    phone: "02433440001",
    registrationNumber: "100",
    trainingNeeds: [
      { topic: "نگارش طرح", urgency: "HIGH", audience: "هیئت‌مدیره" },
      { topic: "حسابداری", urgency: "LOW" },
    ],
  },
  {
    key: "Z2",
    name: "انجمن حمایت از کودکان کار زنجان",
    countyId: "1901",
    fields: ["SOCIAL_HARM_PREVENTION", "CHILDREN"],
    phone: "09121000002",
    trainingNeeds: [
      { topic: "نگارش‌طرح", urgency: "MEDIUM" },
      { topic: "جذب داوطلب", urgency: "HIGH" },
    ],
  },
  {
    key: "Z3",
    name: "جمعیت پیشگیری از اعتیاد طارم",
    countyId: "1907",
    fields: ["SOCIAL_HARM_PREVENTION"],
    phone: "02434520003",
    capabilities: [
      { service: "کارگاه پیشگیری در مدارس", field: "SOCIAL_HARM_PREVENTION", coverageCountyIds: ["1901"] },
    ],
    trainingNeeds: [{ topic: "نگارش طرح", urgency: "HIGH" }],
  },
  {
    key: "Z4",
    name: "کانون جوانان داوطلب ابهر",
    countyId: "1902",
    fields: ["YOUTH"],
    capabilities: [{ service: "اردوهای جوانان", coverageCountyIds: ["1901"] }],
  },
  {
    key: "Z5",
    name: "مؤسسه خیریه نیکوکاران قیدار",
    countyId: "1904",
    fields: ["CHARITY"],
    status: "INACTIVE",
    capabilities: [{ service: "بسته معیشتی", coverageCountyIds: ["1901"] }],
  },
  { key: "D1", name: "انجمن حمايت از كودكان كار زنجان", countyId: "1902", fields: ["SOCIAL_HARM_PREVENTION"] },
  { key: "D2", name: "انجمن حمایت کودکان کار زنجان", countyId: "1903" },
  { key: "D3", name: "کانون دوستداران طبیعت", countyId: "1905", fields: ["ENVIRONMENT"], phone: "0912 100 0002" },
  {
    key: "D4",
    name: "انجمن محیط زیست سبز",
    countyId: "1906",
    fields: ["ENVIRONMENT"],
    registrationNumber: "۱۰۰",
    capabilities: [{ service: "پاکسازی طبیعت", field: "ENVIRONMENT", coverageCountyIds: ["1905"] }],
  },
  {
    key: "D5",
    name: "جمعيت پيشگيري از اعتياد طارم",
    countyId: "1905",
    fields: ["SOCIAL_HARM_PREVENTION"],
    phone: "02434520003",
  },
  {
    key: "Q1",
    name: "کانون جوانان داوطلب قزوین",
    countyId: "2601",
    fields: ["YOUTH"],
    phone: "09121000002",
    registrationNumber: "100",
    trainingNeeds: [{ topic: "نگارش طرح", urgency: "LOW", audience: "داوطلبان" }],
  },
  {
    key: "I1",
    name: "انجمن دوستداران محیط زیست اصفهان",
    countyId: "1001",
    fields: ["ENVIRONMENT"],
    trainingNeeds: [{ topic: "حسابداري", urgency: "MEDIUM" }],
  },
];

/** Tehran (23): names with the spelling traps of real submissions, for the search table. No fields, no licences. */
const SEARCH: Fixture[] = [
  { key: "T1", name: "کانون فرهنگی‌هنری ۱۴۰۰ تهران", countyId: "2301" },
  { key: "T2", name: "انجمن حمایت از بیماران کلیوی", countyId: "2302" },
  { key: "T3", name: "مؤسسه نیکوکاری مهر", countyId: "2303" },
  { key: "T4", name: "جمعیت امداد دانشجویی", countyId: "2304" },
  { key: "T5", name: "خانه‌ی سمن‌های شهریار", countyId: "2311" },
  { key: "T6", name: "انجمن علمی 2020 دانشجویان", countyId: "2305" },
  { key: "T7", name: "کانون توسعه پایدار", countyId: "2306" },
  { key: "T8", name: "انجمن صنفی بانوان کارآفرین", countyId: "2307" },
  { key: "T9", name: "جمعیت داوطلبان هلال احمر", countyId: "2308" },
  { key: "T10", name: "بنیاد کودک", countyId: "2309" },
  { key: "T11", name: "انجمن حامیان محیط‌زیست", countyId: "2310" },
  { key: "T12", name: "مرکز نیکوکاری الهادی", countyId: "2312" },
  { key: "T13", name: "انجمن تأمین مسکن", countyId: "2313" },
  { key: "T14", name: "انجمن حمایت از معلولان جسمی‌حرکتی", countyId: "2314" },
];
const nameOf = (key: string) => [...REGISTRY, ...SEARCH].find((f) => f.key === key)!.name;

beforeAll(async () => {
  h = await startHarness("search");
  const fields = await h.admin(`{ fieldsOfActivity(limit: 200) { items { id code } } }`);
  for (const field of fields.data!.fieldsOfActivity.items) fieldIds[field.code] = field.id;
  for (const f of [...REGISTRY, ...SEARCH]) {
    ids[f.key] = await createNgo(h, {
      name: f.name,
      countyId: f.countyId,
      phone: f.phone,
      registrationNumber: f.registrationNumber,
      status: f.status,
      fieldIds: (f.fields ?? []).map((code) => fieldIds[code]),
      capabilities: f.capabilities?.map((c) => ({
        service: c.service,
        fieldId: c.field ? fieldIds[c.field] : null,
        coverageCountyIds: c.coverageCountyIds,
      })),
      trainingNeeds: f.trainingNeeds,
    });
  }
  const issue = async (key: string, issuedOn: string, expiresOn: string) => {
    const result = await h.admin(`mutation($input: LicenceIssueInput!) { issueLicence(input: $input) { id } }`, {
      input: { ngoId: ids[key], number: `L-${key}`, authority: "GOVERNORATE", issuedOn, expiresOn },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.issueLicence.id as string;
  };
  ids.licenceZ1 = await issue("Z1", "2022-01-01", addDays(today(), 1000));
  ids.licenceZ2 = await issue("Z2", "2022-01-01", addDays(today(), 20));
  ids.licenceZ3 = await issue("Z3", "2020-01-01", addDays(today(), -3));
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe("Persian search on NGO names (normalisation + pg_trgm)", () => {
  const variants: [string, string, string][] = [
    ["سمنهاي جوانان", "Z1", "Arabic yeh, no ZWNJ (the issue's example)"],
    ["سمن های جوانان", "Z1", "space instead of ZWNJ"],
    ["سمن‌های جوانان", "Z1", "as written"],
    ["سمن\u200Fهای جوانان", "Z1", "a right-to-left mark inside"],
    ["ســمن‌های جــوانان", "Z1", "tatweel"],
    ["سمنهای جوانان زنجان", "Z1", "full name without ZWNJ"],
    ["انجمن حمايت از بيماران كليوي", "T2", "Arabic yeh and kaf throughout"],
    ["حمایت از بیماران کلیوی", "T2", "middle of the name"],
    ["بیماران کلیوي", "T2", "one Arabic yeh"],
    ["موسسه نیکوکاری مهر", "T3", "waw without hamza"],
    ["مؤسسهٔ نیکوکاری مهر", "T3", "hamza above (ezafe) on heh"],
    ["جَمعیّت امداد", "T4", "fatha and shadda"],
    ["جمعـیت امـداد دانشجویی", "T4", "tatweel"],
    ["إمداد دانشجویی", "T4", "alef with hamza below"],
    ["خانه ی سمن ها", "T5", "spaces instead of ZWNJ"],
    ["خانۀ سمن‌های شهریار", "T5", "heh with yeh above (fuzzy)"],
    ["انجمن علمی ۲۰۲۰", "T6", "Persian digits"],
    ["انجمن علمی ٢٠٢٠", "T6", "Arabic-Indic digits"],
    ["كانون توسعه پايدار", "T7", "Arabic kaf and yeh"],
    ["کانون   توسعه", "T7", "several spaces"],
    ["کارآفرین", "T8", "one word"],
    ["بانوان کار آفرین", "T8", "space inside a word"],
    ["صنفی بانوان کارافرین", "T8", "alef instead of alef madda (fuzzy)"],
    ["داوطلبان هلال احمر", "T9", "end of the name"],
    ["داوطلبان هلال‌احمر", "T9", "ZWNJ instead of a space"],
    ["بنياد كودك", "T10", "short name, Arabic letters"],
    ["محیط زیست", "T11", "space instead of ZWNJ"],
    ["حاميان محيط  زيست", "T11", "Arabic yeh and double space"],
    ["حامیان\u00A0محیط‌زیست", "T11", "no-break space"],
    ["مركز نيكوكاري الهادي", "T12", "Arabic letters throughout"],
    ["تامین مسکن", "T13", "alef without hamza"],
    ["انجمن تأمین مسكن", "T13", "hamza and Arabic kaf"],
    ["کانون فرهنگی هنری 1400", "T1", "ASCII digits for Persian ones"],
    ["۱۴۰۰ تهران", "T1", "digits and a word"],
    ["انجمن حمایت کودکان کار زنجان", "D2", "exact, while similar names follow"],
    ["موسسه خيريه نيكوكاران قيدار", "Z5", "waw for waw-hamza, Arabic letters"],
    ["جمعیت پیشگیری از اعتیاد طارن", "Z3", "a typo in the last letter (fuzzy)"],
    ["انجمن حمایت کودکان کار زنجانی", "D2", "an extra letter (fuzzy)"],
  ];

  it(`has at least 30 real-world variants (${variants.length})`, () =>
    expect(variants.length).toBeGreaterThanOrEqual(30));

  it.each(variants)("«%s» finds %s first (%s)", async (q, key) => {
    const result = await h.admin(
      `query($q: String!) { ngos(filter: { q: $q }, limit: 10) { totalCount items { id name } } }`,
      { q },
    );
    expect(result.errors).toBeUndefined();
    const items = result.data!.ngos.items as { id: string; name: string }[];
    expect(items.length).toBeGreaterThan(0);
    // NGOs with the same normalised name (in other counties) are equally good first answers.
    expect(normalizePersian(items[0].name)).toBe(normalizePersian(nameOf(key)));
    expect(items.map((n) => n.id)).toContain(ids[key]);
  });

  // What officers type (issue 14): a letter dropped, a word left out, a plural in Arabic form. Each must find the
  // NGO near the top, in the list search and in searchNgos.
  const typos: [string, string[], string][] = [
    ["کودکن کار", ["Z2", "D1", "D2"], "a letter dropped («کودکن» for «کودکان»)"],
    ["حمایت کودکان", ["Z2", "D1"], "a word left out («از»)"],
    ["حمایت کودکان کار زنجان", ["Z2", "D1"], "a word left out, the rest as written"],
    ["معلولین", ["T14"], "the Arabic plural «ین» for «ان»"],
    ["انجمن معلولین جسمی حرکتی", ["T14"], "Arabic plural, words left out, a space for the ZWNJ"],
    ["کودکان کا", ["Z2", "D1", "D2"], "a word cut short while typing"],
  ];

  it.each(typos)("«%s» finds %j near the top (%s)", async (q, keys) => {
    const list = await h.admin(
      `query($q: String!) { ngos(filter: { q: $q }, limit: 5) { items { id } } searchNgos(q: $q, limit: 5) { ngo { id } } }`,
      { q },
    );
    expect(list.errors).toBeUndefined();
    const listed = (list.data!.ngos.items as { id: string }[]).map((n) => n.id);
    const searched = (list.data!.searchNgos as { ngo: { id: string } }[]).map((hit) => hit.ngo.id);
    for (const key of keys) {
      expect(listed).toContain(ids[key]);
      expect(searched).toContain(ids[key]);
    }
  });

  it("reads names as words: ngo_search_words keeps word boundaries, folds letters and digits, reads «ـین» as «ـان»", async () => {
    const words = async (text: string) =>
      ((await h.db.query(`SELECT ngo_search_words($1) AS w`, [text])) as { w: string }[])[0].w;
    expect(await words("انجمن حمايت از معلولين جسمی‌حرکتی")).toBe("انجمن حمایت از معلولان جسمی حرکتی");
    expect(await words("  مؤسسهٔ  خیریه\u00A0ك ۱۴۰۰ ")).toBe("موسسه خیریه ک 1400");
    expect(await words("جَمعـیّت امین زمین")).toBe("جمعیت امین زمین"); // short stems keep «ین»
    expect(await words("حمایت\u200Fکودکان")).toBe("حمایتکودکان"); // a direction mark is no boundary
    // The trigram index on the expression, which the list's search conditions can use.
    expect(await h.count(`SELECT count(*) FROM pg_indexes WHERE indexname = 'ngo_search_words_trgm'`)).toBe(1);
  });

  it("finds nothing for unrelated text, and nothing outside the user's territory", async () => {
    const none = await h.admin(`{ ngos(filter: { q: "هواپیمایی پارس" }) { totalCount } }`);
    expect(none.data!.ngos.totalCount).toBe(0);
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    const outside = await county(`{ ngos(filter: { q: "بیماران کلیوی" }) { totalCount } }`);
    expect(outside.data!.ngos.totalCount).toBe(0);
  });

  it("ranks by similarity unless a sort is given", async () => {
    const ranked = await h.admin(`{ ngos(filter: { q: "جوانان داوطلب" }) { items { name } } }`);
    const names = ranked.data!.ngos.items.map((n: { name: string }) => n.name);
    expect(names.slice(0, 2).sort()).toEqual([nameOf("Z4"), nameOf("Q1")].sort());
    const byName = await h.admin(
      `{ ngos(filter: { q: "جوانان داوطلب" }, sort: { field: "name", order: DESC }) { items { name } } }`,
    );
    const sorted = byName.data!.ngos.items.map((n: { name: string }) => normalizePersian(n.name));
    expect(sorted).toEqual([...sorted].sort().reverse());
  });

  it("also matches national ids and registration numbers typed in the search box", async () => {
    const nationalId = (await h.admin(`query($id: ID!) { ngo(id: $id) { nationalId } }`, { id: ids.T7 })).data!.ngo
      .nationalId as string;
    const byId = await h.admin(`query($q: String!) { ngos(filter: { q: $q }) { items { id } } }`, {
      q: nationalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]),
    });
    expect(byId.data!.ngos.items).toEqual([{ id: ids.T7 }]);
  });

  it("scores hits in searchNgos, best first, with a threshold", async () => {
    const result = await h.admin(
      `{ searchNgos(q: "انجمن حمایت کودکان کار", limit: 5) { similarity ngo { id name } } }`,
    );
    const hits = result.data!.searchNgos as { similarity: number; ngo: { id: string } }[];
    expect(hits[0]).toMatchObject({ similarity: 1, ngo: { id: ids.D2 } });
    expect(
      hits
        .slice(1, 3)
        .map((hit) => hit.ngo.id)
        .sort(),
    ).toEqual([ids.Z2, ids.D1].sort());
    for (let i = 1; i < hits.length; i++) expect(hits[i].similarity).toBeLessThanOrEqual(hits[i - 1].similarity);
    const strict = await h.admin(`{ searchNgos(q: "انجمن حمایت کودکان کار", minSimilarity: 0.99) { ngo { id } } }`);
    expect(strict.data!.searchNgos).toEqual([{ ngo: { id: ids.D2 } }]);
    const bad = await h.admin(`{ searchNgos(q: "x", minSimilarity: 2) { similarity } }`);
    expect(errorOf(bad)?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

type Pair = {
  first: { id: string };
  second: { id: string };
  score: number;
  reasons: string[];
  nameSimilarity: number;
  explanation: string;
};
const pairKey = (a: string, b: string) => [ids[a], ids[b]].sort().join("|");
const keyOfPair = (p: Pair) => [p.first.id, p.second.id].sort().join("|");
const DUPLICATES = `query($min: Float) { duplicateNgoCandidates(minScore: $min, limit: 500) { first { id } second { id } score reasons nameSimilarity explanation } }`;

describe("duplicate candidates", () => {
  it("finds the pairs worked out by hand, each once, with reasons and scores", async () => {
    const result = await h.admin(DUPLICATES, { min: 0.5 });
    expect(result.errors).toBeUndefined();
    const pairs = new Map((result.data!.duplicateNgoCandidates as Pair[]).map((p) => [keyOfPair(p), p]));
    const expected: [string, string, string[], number | "similarity"][] = [
      ["D5", "Z3", ["SAME_NAME_OTHER_COUNTY", "SAME_PHONE"], 0.97], // 1 − (1 − 0.9)(1 − 0.7)
      ["Z2", "D1", ["SAME_NAME_OTHER_COUNTY"], 0.9],
      ["Z2", "D2", ["SIMILAR_NAME"], "similarity"],
      ["D1", "D2", ["SIMILAR_NAME"], "similarity"],
      ["Z2", "D3", ["SAME_PHONE"], 0.7],
      ["Z2", "Q1", ["SAME_PHONE"], 0.7],
      ["D3", "Q1", ["SAME_PHONE"], 0.7],
      ["Z1", "D4", ["SAME_REGISTRATION_NUMBER"], 0.6],
    ];
    expect([...pairs.keys()].sort()).toEqual(expected.map(([a, b]) => pairKey(a, b)).sort());
    for (const [a, b, reasons, score] of expected) {
      const pair = pairs.get(pairKey(a, b))!;
      expect(pair.reasons).toEqual(reasons);
      if (score === "similarity") {
        expect(pair.nameSimilarity).toBeGreaterThanOrEqual(0.7);
        expect(pair.score).toBeCloseTo(pair.nameSimilarity, 2);
      } else expect(pair.score).toBeCloseTo(score, 3);
      expect(pair.explanation).toMatch(/[\u0600-\u06FF]/);
    }
    const scores = (result.data!.duplicateNgoCandidates as Pair[]).map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(pairs.get(pairKey("Z2", "D1"))!.explanation).toBe("نام یکسان در شهرستانی دیگر");
  });

  it("filters by score, province and county, and stays within the user's territory", async () => {
    const high = await h.admin(DUPLICATES, { min: 0.75 });
    expect((high.data!.duplicateNgoCandidates as Pair[]).map(keyOfPair).sort()).toEqual(
      [pairKey("D5", "Z3"), pairKey("Z2", "D1"), pairKey("Z2", "D2"), pairKey("D1", "D2")].sort(),
    );
    const qazvin = await h.admin(`{ duplicateNgoCandidates(provinceId: "26") { first { id } second { id } } }`);
    expect((qazvin.data!.duplicateNgoCandidates as Pair[]).map(keyOfPair).sort()).toEqual(
      [pairKey("Z2", "Q1"), pairKey("D3", "Q1")].sort(),
    );
    const province = await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const zanjan = await province(DUPLICATES, { min: 0.5 });
    const keys = (zanjan.data!.duplicateNgoCandidates as Pair[]).map(keyOfPair);
    expect(keys).toHaveLength(6);
    expect(keys.some((k) => k.includes(ids.Q1))).toBe(false);
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    expect((await county(DUPLICATES, { min: 0 })).data!.duplicateNgoCandidates).toEqual([]);
  });
});

describe("parallel work", () => {
  const PARALLEL = `query($province: ID, $county: ID, $field: ID, $min: Int) { parallelWork(provinceId: $province, countyId: $county, fieldId: $field, minNgos: $min) { countyId county { name } fieldId field { code } ngoCount ngoIds ngos { id } } }`;
  type Group = {
    countyId: string;
    field: { code: string };
    ngoCount: number;
    ngoIds: string[];
    ngos: { id: string }[];
  };
  const summary = (groups: Group[]) =>
    groups
      .map(
        (g) =>
          `${g.countyId}:${g.field.code}:${g.ngoIds
            .map((id) => Object.keys(ids).find((k) => ids[k] === id))
            .sort()
            .join("+")}`,
      )
      .sort();

  it("lists counties covered by several active NGOs of one field, from home counties and capability coverage", async () => {
    const result = await h.admin(PARALLEL, {});
    expect(result.errors).toBeUndefined();
    // Z3 covers 1901 through a capability in its field; Z4 through a capability without a field (all its fields);
    // Z5 also covers 1901 but is inactive; D4 covers D3's county 1905.
    expect(summary(result.data!.parallelWork)).toEqual([
      "1901:SOCIAL_HARM_PREVENTION:Z2+Z3",
      "1901:YOUTH:Z1+Z4",
      "1905:ENVIRONMENT:D3+D4",
    ]);
    for (const group of result.data!.parallelWork as Group[]) {
      expect(group.ngoCount).toBe(group.ngoIds.length);
      expect(group.ngos.map((n) => n.id).sort()).toEqual([...group.ngoIds].sort());
    }
  });

  it("filters by county, field and size, and stays within the user's territory", async () => {
    expect(summary((await h.admin(PARALLEL, { county: "1905" })).data!.parallelWork)).toEqual([
      "1905:ENVIRONMENT:D3+D4",
    ]);
    expect(summary((await h.admin(PARALLEL, { field: fieldIds.YOUTH })).data!.parallelWork)).toEqual([
      "1901:YOUTH:Z1+Z4",
    ]);
    expect((await h.admin(PARALLEL, { min: 3 })).data!.parallelWork).toEqual([]);
    expect((await h.admin(PARALLEL, { province: "10" })).data!.parallelWork).toEqual([]);
    expect(errorOf(await h.admin(PARALLEL, { min: 1 }))?.extensions?.code).toBe("BAD_USER_INPUT");
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    expect((await county(PARALLEL, {})).data!.parallelWork).toEqual([]);
    const analyst = await h.as({ role: Role.ANALYST, provinceId: "19" });
    expect(summary((await analyst(PARALLEL, {})).data!.parallelWork)).toHaveLength(3);
  });
});

describe("analyst queries", () => {
  const COUNTS = `query($by: NgoCountDimension!, $filter: NgoFilter) { ngoCounts(groupBy: $by, filter: $filter) { key label count province { id } county { id } field { code } } }`;
  type Count = { key: string | null; label: string; count: number; field: { code: string } | null };
  const asMap = (rows: Count[], keyOf: (row: Count) => string | null = (r) => r.key) =>
    Object.fromEntries(rows.map((r) => [keyOf(r) ?? "∅", r.count]));
  const T = SEARCH.length;

  it("counts NGOs by province, county, field, licence state and status", async () => {
    const provinces = (await h.admin(COUNTS, { by: "PROVINCE" })).data!.ngoCounts as Count[];
    expect(asMap(provinces)).toEqual({ "19": 10, "26": 1, "10": 1, "23": T });
    expect(provinces[0]).toMatchObject({ key: "23", label: "تهران" });

    const counties = (await h.admin(COUNTS, { by: "COUNTY", filter: { provinceId: "19" } })).data!.ngoCounts as Count[];
    expect(asMap(counties)).toEqual({ "1901": 2, "1902": 2, "1903": 1, "1904": 1, "1905": 2, "1906": 1, "1907": 1 });
    expect(counties.find((c) => c.key === "1902")!.label).toBe("ابهر");

    const fields = (await h.admin(COUNTS, { by: "FIELD" })).data!.ngoCounts as Count[];
    expect(asMap(fields, (r) => r.field?.code ?? null)).toEqual({
      YOUTH: 3,
      SOCIAL_HARM_PREVENTION: 4,
      CHILDREN: 1,
      CHARITY: 1,
      ENVIRONMENT: 3,
      "∅": 1 + T,
    });
    expect(fields.find((f) => f.key === null)!.label).toBe("بدون حوزه فعالیت");

    const activeZanjan = (await h.admin(COUNTS, { by: "FIELD", filter: { provinceId: "19", status: "ACTIVE" } })).data!
      .ngoCounts as Count[];
    expect(asMap(activeZanjan, (r) => r.field?.code ?? null)).toEqual({
      YOUTH: 2,
      SOCIAL_HARM_PREVENTION: 4,
      CHILDREN: 1,
      ENVIRONMENT: 2,
      "∅": 1,
    });

    const licences = (await h.admin(COUNTS, { by: "LICENCE_STATE" })).data!.ngoCounts as Count[];
    expect(asMap(licences)).toEqual({ ACTIVE: 1, EXPIRING: 1, EXPIRED: 1, NONE: 11 + T - 2 });
    expect(licences[0]).toMatchObject({ key: "NONE", label: "بدون پروانه" });

    expect(asMap((await h.admin(COUNTS, { by: "STATUS" })).data!.ngoCounts)).toEqual({ ACTIVE: 11 + T, INACTIVE: 1 });
    expect(
      asMap((await h.admin(COUNTS, { by: "COUNTY", filter: { fieldId: fieldIds.YOUTH } })).data!.ngoCounts),
    ).toEqual({ "1901": 1, "1902": 1, "2601": 1 });
  });

  it("counts within the user's territory", async () => {
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    expect(asMap((await county(COUNTS, { by: "PROVINCE" })).data!.ngoCounts)).toEqual({ "19": 2 });
    expect(asMap((await county(COUNTS, { by: "LICENCE_STATE" })).data!.ngoCounts)).toEqual({ ACTIVE: 1, EXPIRING: 1 });
    const analyst = await h.as({ role: Role.ANALYST, provinceId: "26" });
    expect(asMap((await analyst(COUNTS, { by: "FIELD" })).data!.ngoCounts, (r) => r.field?.code ?? null)).toEqual({
      YOUTH: 1,
    });
  });

  it("lists the licences expiring in the next N days", async () => {
    const result = await h.admin(
      `{ a: expiringLicences(days: 30) { totalCount items { id ngo { id } daysToExpiry } } b: expiringLicences(days: 19) { totalCount } c: expiringLicences { totalCount } }`,
    );
    expect(result.data!.a).toEqual({
      totalCount: 1,
      items: [{ id: ids.licenceZ2, ngo: { id: ids.Z2 }, daysToExpiry: 20 }],
    });
    expect(result.data!.b.totalCount).toBe(0);
    expect(result.data!.c.totalCount).toBe(1);
    const isfahan = await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "10" });
    expect((await isfahan(`{ expiringLicences(days: 30) { totalCount } }`)).data!.expiringLicences.totalCount).toBe(0);
  });

  const SUMMARY = `query($filter: TrainingNeedSummaryFilter, $by: Boolean) { trainingNeedSummary(filter: $filter, byProvince: $by) { topic topicKey provinceId province { name } ngoCount highUrgency mediumUrgency lowUrgency audiences } }`;
  type Row = {
    topic: string;
    topicKey: string;
    provinceId: string | null;
    ngoCount: number;
    highUrgency: number;
    mediumUrgency: number;
    lowUrgency: number;
    audiences: string[];
  };
  const rowsOf = (rows: Row[]) =>
    rows.map((r) => [r.topic, r.provinceId, r.ngoCount, r.highUrgency, r.mediumUrgency, r.lowUrgency]);

  it("aggregates training needs by topic (spelling variants together) and province", async () => {
    const result = await h.admin(SUMMARY, {});
    expect(result.errors).toBeUndefined();
    expect(rowsOf(result.data!.trainingNeedSummary)).toEqual([
      ["نگارش طرح", "19", 3, 2, 1, 0],
      ["جذب داوطلب", "19", 1, 1, 0, 0],
      ["حسابداری", "10", 1, 0, 1, 0], // typed «حسابداري»: counted with «حسابداری», shown with Persian letters
      ["حسابداری", "19", 1, 0, 0, 1],
      ["نگارش طرح", "26", 1, 0, 0, 1],
    ]);
    expect(result.data!.trainingNeedSummary[0]).toMatchObject({
      topicKey: "نگارشطرح",
      province: { name: "زنجان" },
      audiences: ["هیئت‌مدیره"],
    });
    const national = await h.admin(SUMMARY, { by: false });
    expect(rowsOf(national.data!.trainingNeedSummary)).toEqual([
      ["نگارش طرح", null, 4, 2, 1, 1],
      ["حسابداری", null, 2, 0, 1, 1],
      ["جذب داوطلب", null, 1, 1, 0, 0],
    ]);
    const urgent = await h.admin(SUMMARY, { filter: { urgency: "HIGH" } });
    expect(rowsOf(urgent.data!.trainingNeedSummary)).toEqual([
      ["نگارش طرح", "19", 2, 2, 0, 0],
      ["جذب داوطلب", "19", 1, 1, 0, 0],
    ]);
    const topic = await h.admin(SUMMARY, { filter: { q: "حسابداري" }, by: false });
    expect(rowsOf(topic.data!.trainingNeedSummary)).toEqual([["حسابداری", null, 2, 0, 1, 1]]);
  });

  it("refuses an unknown or malformed province or county in ngoCounts and trainingNeedSummary, in Persian", async () => {
    const COUNTS = `query($filter: NgoFilter) { ngoCounts(groupBy: FIELD, filter: $filter) { count } }`;
    for (const [query, filter, field] of [
      [COUNTS, { provinceId: "99" }, "provinceId"],
      [COUNTS, { countyId: "1999" }, "countyId"],
      [COUNTS, { provinceId: "Zanjan" }, "provinceId"],
      [COUNTS, { provinceId: "19", countyId: "2601" }, "countyId"],
      [SUMMARY, { provinceId: "99" }, "provinceId"],
      [SUMMARY, { countyId: "1999" }, "countyId"],
      [SUMMARY, { countyId: "19" }, "countyId"],
    ] as const) {
      const result = await h.admin(query, { filter });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(/[\u0600-\u06FF]/);
      expect(JSON.stringify(result.errors?.[0].extensions)).toContain(field);
    }
    const known = await h.admin(SUMMARY, { filter: { provinceId: "19", countyId: "1901" } });
    expect(known.errors).toBeUndefined();
    const zanjan = await h.as({ role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const outside = await zanjan(COUNTS, { filter: { provinceId: "26" } });
    expect(outside.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("aggregates training needs within the user's territory", async () => {
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    expect(rowsOf((await county(SUMMARY, {})).data!.trainingNeedSummary)).toEqual([
      ["نگارش طرح", "19", 2, 1, 1, 0],
      ["جذب داوطلب", "19", 1, 1, 0, 0],
      ["حسابداری", "19", 1, 0, 0, 1],
    ]);
  });
});
