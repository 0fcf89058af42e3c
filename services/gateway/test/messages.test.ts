import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildASTSchema, parse, validate } from "graphql";
import { persianMessage } from "../src/messages";

/**
 * Every message GraphQL's validation gives for the mistakes analysts make against the real supergraph has a
 * Persian version (the gateway answers with it; the English stays in `extensions.originalMessage`).
 */
const schema = buildASTSchema(parse(readFileSync(join(__dirname, "../../../schema/supergraph.graphql"), "utf8")), {
  assumeValidSDL: true,
});

const MISTAKES: Record<string, string> = {
  "an unknown field": `{ ngos { count } }`,
  "an unknown nested field": `{ county(id: "1901") { ngos { items { fullName } } } }`,
  "an unknown argument": `{ county(id: "1901") { ngos(first: 10) { totalCount } } }`,
  "a missing required argument": `{ countiesWithoutProblemCentredMeeting(quarter: 1) { id } }`,
  "a missing selection": `{ province(id: "19") { counties } }`,
  "a selection on a scalar": `{ province(id: "19") { name { x } } }`,
  "a wrong argument type": `{ countiesWithoutProblemCentredMeeting(year: "1404", quarter: 1) { id } }`,
  "a wrong boolean": `{ ngoCounts(groupBy: FIELD, filter: { ids: ["x"] }) { count } trainingNeedSummary(byProvince: "yes") { topic } }`,
  "a wrong enum value": `{ ngoCounts(groupBy: CITY) { count } }`,
  "an unknown input field": `{ ngos(filter: { city: "x" }) { totalCount } }`,
  "an unused variable": `query($x: Int) { provinces { totalCount } }`,
  "an undefined variable": `{ province(id: $p) { name } }`,
  "an unknown type": `query($f: NgoFilterX) { ngos(filter: $f) { totalCount } }`,
};

describe("GraphQL validation messages in Persian", () => {
  it.each(Object.entries(MISTAKES))("%s", (_label, query) => {
    const errors = validate(schema, parse(query));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      const persian = persianMessage(error.message);
      expect({ english: error.message, persian }).toEqual({ english: error.message, persian: expect.any(String) });
      expect(persian).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('says `Cannot query field "count" on type …` in Persian, naming the field and the type', () => {
    const [error] = validate(schema, parse(`{ ngos { count } }`));
    expect(error.message).toMatch(/^Cannot query field "count" on type "NgoPage"/);
    expect(persianMessage(error.message)).toBe(
      "فیلد «count» در نوع «NgoPage» وجود ندارد؛ فهرست فیلدها را در مستندات طرح (schema) ببینید.",
    );
  });
});
