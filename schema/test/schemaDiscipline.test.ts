import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import {
  apiSchemaOf,
  breakingChanges,
  lintSchema,
  RELEASED_PATH,
  SUPERGRAPH_PATH,
  unacknowledged,
  unreleasedSection,
} from "@hamafza/schema";

/**
 * Schema discipline: the API schema of the committed supergraph is described and named by one convention, and
 * every change that breaks clients of the released schema is acknowledged in CHANGELOG.md (its Unreleased section).
 */
const CHANGELOG = readFileSync(join(__dirname, "../../CHANGELOG.md"), "utf8");
const current = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, "utf8"));
const released = apiSchemaOf(readFileSync(RELEASED_PATH, "utf8"));

describe("the supergraph's API schema", () => {
  it("describes every type, field, argument and enum value; PascalCase types, camelCase fields and arguments, UPPER_SNAKE enum values", () => {
    expect(lintSchema(current)).toEqual([]);
  });

  it("breaks nothing of the released schema that CHANGELOG.md does not acknowledge", async () => {
    const changes = await breakingChanges(released, current);
    const missing = unacknowledged(changes, CHANGELOG).map((change) => `${change.path}: ${change.message}`);
    if (missing.length)
      throw new Error(
        `Breaking changes against schema/released.graphql not named in CHANGELOG.md "## Unreleased" (add an entry naming each coordinate in backticks, with what clients must do):\n${missing.join("\n")}`,
      );
  });
});

describe("the discipline checks themselves", () => {
  const OLD = /* GraphQL */ `
    "Root."
    type Query {
      "Items."
      items("Filter." filter: String): [Item!]!
    }
    "An item."
    type Item {
      "Id."
      id: ID!
      "Name."
      name: String
    }
    "A colour."
    enum Colour {
      "Red."
      RED
      "Dark blue."
      DARK_BLUE
    }
  `;

  it("finds missing descriptions and names off the convention", () => {
    const schema = buildSchema(`
      "Root." type Query { "Items." items(Filter_by: String): [item_row!]! }
      type item_row { "Id." id: ID! Name: String }
      "A colour." enum Colour { "Red." red "Dark blue." DARK_BLUE }
    `);
    expect(lintSchema(schema).sort()).toEqual(
      [
        "Query.items(Filter_by): no description",
        "Query.items(Filter_by): not camelCase",
        "item_row: no description",
        "item_row: not PascalCase",
        "item_row.Name: no description",
        "item_row.Name: not camelCase",
        "Colour.red: not UPPER_SNAKE",
      ].sort(),
    );
    expect(lintSchema(buildSchema(OLD))).toEqual([]);
  });

  it("reports removed fields, arguments made required and removed enum values, until the changelog names them", async () => {
    const next = buildSchema(
      OLD.replace(/"Name."\s+name: String/, "")
        .replace('"Filter." filter: String', '"Filter." filter: String!')
        .replace(/"Red."\s+RED/, ""),
    );
    const changes = await breakingChanges(buildSchema(OLD), next);
    expect(changes.map((c) => c.path).sort()).toEqual(["Colour.RED", "Item.name", "Query.items.filter"]);
    // Additions are not breaking.
    expect(
      await breakingChanges(buildSchema(OLD), buildSchema(OLD.replace(/id: ID!/, 'id: ID! "New." added: Int'))),
    ).toEqual([]);
    const changelog =
      "# Changelog\n\n## Unreleased\n\n- `Item.name` removed; use `id`.\n- `Colour.RED` removed.\n\n## 1.0\n\n- `Query.items.filter` …\n";
    expect(unreleasedSection(changelog)).not.toContain("Query.items.filter");
    expect(unacknowledged(changes, changelog).map((c) => c.path)).toEqual(["Query.items.filter"]);
    expect(unacknowledged(changes, "# Changelog\n")).toHaveLength(3);
  });
});
