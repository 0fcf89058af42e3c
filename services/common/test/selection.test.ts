import { describe, expect, it } from "@jest/globals";
import { buildSchema, execute, GraphQLResolveInfo, parse } from "graphql";
import { selectsOnly, selectsPath } from "../src/selection";

/** A decision as a resolver sees it: for `Query.items` of each document. */
function decideWith(document: string, decide: (info: GraphQLResolveInfo) => boolean): boolean {
  const schema = buildSchema(`type Item { id: ID! name: String other: Item } type Query { items: [Item!]! }`);
  let decision: boolean | undefined;
  execute({
    schema,
    document: parse(document),
    rootValue: {
      items: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        decision = decide(info);
        return [];
      },
    },
  });
  if (decision === undefined) throw new Error("the resolver did not run");
  return decision;
}

const decide = (document: string, fields: string[]) => decideWith(document, (info) => selectsOnly(info, fields));
const reaches = (document: string, path: string[]) => decideWith(document, (info) => selectsPath(info, path));

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

describe("selectsPath", () => {
  it("is true when the path is selected, through aliases and fragments", () => {
    expect(reaches(`{ items { other { name } } }`, ["other", "name"])).toBe(true);
    expect(reaches(`{ items { id x: other { y: name } } }`, ["other", "name"])).toBe(true);
    expect(reaches(`{ items { ... on Item { other { ...F } } } } fragment F on Item { name }`, ["other", "name"])).toBe(
      true,
    );
    expect(reaches(`{ items { other { name @skip(if: true) } } }`, ["other", "name"])).toBe(true);
    expect(reaches(`{ items { id } }`, [])).toBe(true);
  });

  it("is false when only other fields, or the path's start alone, are selected", () => {
    expect(reaches(`{ items { id name } }`, ["other", "name"])).toBe(false);
    expect(reaches(`{ items { other { id } } }`, ["other", "name"])).toBe(false);
    expect(reaches(`{ items { name other { id } } }`, ["other", "name"])).toBe(false);
    expect(reaches(`{ items { ...F } } fragment F on Item { other { other { name } } }`, ["other", "name"])).toBe(
      false,
    );
  });
});
