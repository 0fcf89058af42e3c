import "reflect-metadata";
import { describe, expect, it, jest } from "@jest/globals";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { execute, GraphQLResolveInfo, GraphQLSchema, parse } from "graphql";
import gql from "graphql-tag";
import merge from "lodash.merge";
import {
  Arg,
  buildSchema,
  createResolversMap,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { buildFederatedSchema } from "../src/federation";

@ObjectType({ description: "A base type." })
class Base {
  @Field(() => ID, { description: "Id." })
  id!: string;

  @Field(() => String, { description: "Inherited plain field." })
  inherited!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A thing." })
class Thing extends Base {
  @Field(() => String, { name: "title", description: "A plain field under another schema name." })
  label!: string;

  @Field(() => Int, { description: "A plain field." })
  size!: number;

  @UseMiddleware(async (_data, next) => `masked:${String(await next())}`)
  @Field(() => String, { description: "A field with a middleware." })
  secret!: string;

  /** Set by `new Thing()`: kept by the root conversion only when the representation has no own value. */
  @Field(() => String, { nullable: true, description: "A field with an initialiser." })
  note: string | null = "from the class";
}

interface TestContext {
  prefix: string;
}

@Resolver(() => Thing)
class ThingResolver {
  private readonly calls = { count: 0 };

  @FieldResolver(() => String, { description: "Root, context and info." })
  described(@Root() thing: Thing, @Ctx() ctx: TestContext, @Info() info: GraphQLResolveInfo): string {
    this.calls.count++;
    return `${ctx.prefix}:${thing.label}:${info.fieldName}:${thing instanceof Thing}:${thing.note}`;
  }

  @FieldResolver(() => String, { description: "A context property." })
  prefixOnly(@Ctx("prefix") prefix: string): string {
    return prefix;
  }

  @FieldResolver(() => String, { description: "Asynchronous." })
  async later(@Root() thing: Thing): Promise<string> {
    return `later:${thing.size}`;
  }

  @FieldResolver(() => Int, { description: "With an argument: keeps type-graphql's wrapper." })
  times(@Root() thing: Thing, @Arg("n", () => Int, { description: "Factor." }) n: number): number {
    return thing.size * n;
  }

  @FieldResolver(() => Int, { description: "The same resolver instance on every call." })
  callCount(): number {
    return this.calls.count;
  }
}

@Resolver()
class RootResolver {
  @Query(() => Int, { description: "Anything: type-graphql needs a query." })
  anything(): number {
    return 1;
  }
}

const references = {
  Thing: {
    // Plain objects, as `_entities` hands representations or rows to the field resolvers.
    __resolveReference: (ref: { id: string }) => ({
      id: ref.id,
      inherited: `inherited ${ref.id}`,
      label: `label ${ref.id}`,
      size: Number(ref.id),
      secret: `secret ${ref.id}`,
      ...(ref.id === "2" ? { note: null } : {}),
    }),
  },
};

/** The same subgraph with type-graphql's own wrappers on every field (what `buildFederatedSchema` did before). */
async function referenceSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [ThingResolver, RootResolver],
    orphanedTypes: [Thing],
    validate: false,
    skipCheck: true,
  });
  return buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: merge(createResolversMap(schema), references) as GraphQLResolverMap<unknown>,
  });
}

const QUERY = parse(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing {
  id inherited title size secret note described prefixOnly later times(n: 3) callCount
  again: described } } }`);

async function answer(schema: GraphQLSchema, ids: string[]) {
  return execute({
    schema,
    document: QUERY,
    variableValues: { r: ids.map((id) => ({ __typename: "Thing", id })) },
    contextValue: { prefix: "ctx" },
  });
}

describe("leanFieldResolvers (buildFederatedSchema)", () => {
  const ids = Array.from({ length: 20 }, (_, i) => String(i + 1));

  it("answers exactly as type-graphql's own field wrappers do", async () => {
    const lean = await buildFederatedSchema(
      { resolvers: [ThingResolver, RootResolver], orphanedTypes: [Thing] },
      references,
    );
    const reference = await referenceSchema();
    const leanAnswer = await answer(lean, ids);
    const referenceAnswer = await answer(reference, ids);
    expect(leanAnswer.errors).toBeUndefined();
    // The call counter is per resolver instance; each schema has its own, and both count the same calls.
    expect(JSON.parse(JSON.stringify(leanAnswer))).toEqual(JSON.parse(JSON.stringify(referenceAnswer)));
    const first = (leanAnswer.data as { _entities: Record<string, unknown>[] })._entities[1];
    expect(first).toMatchObject({
      title: "label 2",
      secret: "masked:secret 2",
      described: "ctx:label 2:described:true:null",
      again: "ctx:label 2:described:true:null",
      times: 6,
      note: null,
    });
    // The root is converted to its class (type-graphql's convertToType): the initialiser shows where the
    // representation has no value of its own; the plain field reads the representation itself.
    const entity1 = (leanAnswer.data as { _entities: Record<string, unknown>[] })._entities[0];
    expect(entity1).toMatchObject({ note: null, described: "ctx:label 1:described:true:from the class", times: 3 });
  });

  it("calls a field without sorting its parameters or building type-graphql's per-call objects", async () => {
    const lean = await buildFederatedSchema(
      { resolvers: [ThingResolver, RootResolver], orphanedTypes: [Thing] },
      references,
    );
    const document = parse(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id title size described prefixOnly } } }`,
    );
    const sort = jest.spyOn(Array.prototype, "sort");
    try {
      const result = await execute({
        schema: lean,
        document,
        variableValues: { r: ids.map((id) => ({ __typename: "Thing", id })) },
        contextValue: { prefix: "ctx" },
      });
      expect(result.errors).toBeUndefined();
      // type-graphql's getParams sorts the parameter list on every call (3 field resolvers × 20 entities).
      expect(sort).not.toHaveBeenCalled();
    } finally {
      sort.mockRestore();
    }
  });
});
