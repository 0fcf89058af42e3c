import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A manager owned by the registry; evaluation adds the manager's scores. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A manager (county governor, director-general …), owned by the registry service." })
export class Manager {
  @Field(() => ID, { description: "Hamafza's identifier of the manager." })
  id!: string;
}
