import { readFileSync } from "node:fs";
import { composeSupergraph, SUPERGRAPH_PATH } from "@hamafza/schema";
import { buildASTSchema, GraphQLNamedType, isEnumType, isInputObjectType, isObjectType, parse } from "graphql";

describe("schema/supergraph.graphql", () => {
  it("matches what the code composes (run `npm run compose` after changing a schema)", async () => {
    expect(readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(await composeSupergraph());
  });

  it("describes every type and field analysts can see", async () => {
    const sdl = await composeSupergraph();
    const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const missing: string[] = [];
    const visible = (t: GraphQLNamedType) =>
      !t.name.startsWith("__") && !t.name.startsWith("join__") && !t.name.startsWith("link__");
    for (const type of Object.values(schema.getTypeMap()).filter(visible)) {
      if (!type.description && !["Query", "Mutation", "String", "Int", "Float", "Boolean", "ID"].includes(type.name))
        missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
