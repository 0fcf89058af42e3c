import { Field, ID, InputType, Int } from "type-graphql";

/**
 * The filter and the create/update inputs every managed catalogue takes. Each catalogue's input classes extend these
 * with their own type names and wording; the fields and their order are the same for all.
 */

export interface CatalogueFilterDescriptions {
  ids: string;
  q: string;
  active: string;
}

export function CatalogueFilter(describe: CatalogueFilterDescriptions) {
  @InputType({ description: "Filter a managed catalogue (never a type of its own in the schema)." })
  abstract class Filter {
    @Field(() => [ID], { nullable: true, description: describe.ids })
    ids?: string[];

    @Field({ nullable: true, description: describe.q })
    q?: string;

    @Field({ nullable: true, description: describe.active })
    active?: boolean;
  }
  return Filter;
}

export interface CatalogueCreateDescriptions {
  code: string;
  name: string;
  description: string;
  sortOrder: string;
}

export function CatalogueCreateInput(describe: CatalogueCreateDescriptions) {
  @InputType({ description: "A new entry of a managed catalogue (never a type of its own in the schema)." })
  abstract class CreateInput {
    @Field({ description: describe.code })
    code!: string;

    @Field({ description: describe.name })
    name!: string;

    @Field(() => String, { nullable: true, description: describe.description })
    description?: string | null;

    @Field(() => Int, { nullable: true, description: describe.sortOrder })
    sortOrder?: number | null;
  }
  return CreateInput;
}

export interface CatalogueUpdateDescriptions {
  name: string;
  description: string;
  sortOrder: string;
  active: string;
}

export function CatalogueUpdateInput(describe: CatalogueUpdateDescriptions) {
  @InputType({ description: "Changes to an entry of a managed catalogue (never a type of its own in the schema)." })
  abstract class UpdateInput {
    @Field({ nullable: true, description: describe.name })
    name?: string;

    @Field(() => String, { nullable: true, description: describe.description })
    description?: string | null;

    @Field(() => Int, { nullable: true, description: describe.sortOrder })
    sortOrder?: number | null;

    @Field({ nullable: true, description: describe.active })
    active?: boolean;
  }
  return UpdateInput;
}

/** The fields the catalogue outline reads from a filter and from the inputs. */
export type CatalogueFilterInput = InstanceType<ReturnType<typeof CatalogueFilter>>;
export type CatalogueCreateFields = InstanceType<ReturnType<typeof CatalogueCreateInput>>;
export type CatalogueUpdateFields = InstanceType<ReturnType<typeof CatalogueUpdateInput>>;
