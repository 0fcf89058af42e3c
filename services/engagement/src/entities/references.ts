import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An NGO owned by the registry; engagement adds the meetings it attended. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A licensed non-governmental organisation (سمن), owned by the registry service." })
export class Ngo {
  @Field(() => ID, { description: "Hamafza's identifier of the NGO." })
  id!: string;
}

/** A county owned by the registry, referenced by meetings. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A county (شهرستان), owned by the registry service." })
export class County {
  @Field(() => ID, { description: "Four-digit county code." })
  id!: string;
}

/** A manager owned by the registry, referenced as a meeting's chair. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A manager (county governor, director-general …), owned by the registry service." })
export class Manager {
  @Field(() => ID, { description: "Hamafza's identifier of the manager." })
  id!: string;
}
