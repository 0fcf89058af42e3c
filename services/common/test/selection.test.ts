import { describe, expect, it } from "@jest/globals";
import { buildSchema, execute, GraphQLResolveInfo, parse } from "graphql";
import { selectsOnly } from "../src/selection";

/** `selectsOnly` as a resolver sees it: the decision for `Query.items` of each document. */
function decide(document: string, fields: string[]): boolean {
  const schema = buildSchema(`type Item { id: ID! name: String other: Item } type Query { items: [Item!]! }`);
  let decision: boolean | undefined;
  execute({
    schema,
    document: parse(document),
    rootValue: {
      items: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        decision = selectsOnly(info, fields);
        return [];
      },
    },
  });
  if (decision === undefined) throw new Error("the resolver did not run");
  return decision;
}

describe("selectsOnly", () => {
  it("is true when only the given fields (and __typename) are selected, through fragments", () => {
    expect(decide(`{ items { id } }`, ["id"])).toBe(true);
    expect(decide(`{ items { __typename id } }`, ["id"])).toBe(true);
    expect(decide(`{ items { ... on Item { id } } }`, ["id"])).toBe(true);
    expect(decide(`{ items { ...F } } fragment F on Item { id }`, ["id"])).toBe(true);
    expect(decide(`{ a: items { id } }`, ["id"])).toBe(true);
  });

  it("is false as soon as anything else is selected, however deep in fragments or aliases", () => {
    expect(decide(`{ items { id name } }`, ["id"])).toBe(false);
    expect(decide(`{ items { id ... on Item { name } } }`, ["id"])).toBe(false);
    expect(decide(`{ items { ...F } } fragment F on Item { id other { id } }`, ["id"])).toBe(false);
    expect(decide(`{ items { id x: name } }`, ["id"])).toBe(false);
  });
});
