import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A province owned by the registry; evaluation adds its evaluation summary. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A province (استان), owned by the registry service." })
export class Province {
  @Field(() => ID, { description: "Two-digit province code." })
  id!: string;
}

/** A county owned by the registry; evaluation adds its evaluation summary. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A county (شهرستان), owned by the registry service." })
export class County {
  @Field(() => ID, { description: "Four-digit county code." })
  id!: string;
}
