import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An NGO owned by the registry; engagement adds its meetings, working groups, proposals and demands. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A licensed non-governmental organisation (سمن), owned by the registry service." })
export class Ngo {
  @Field(() => ID, { description: "Hamafza's identifier of the NGO." })
  id!: string;
}

/** A county owned by the registry; engagement adds its meeting counts per Jalali quarter. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A county (شهرستان), owned by the registry service." })
export class County {
  @Field(() => ID, { description: "Four-digit county code." })
  id!: string;
}

/** A manager owned by the registry; engagement adds the meetings chaired and the resolutions owned. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A manager (county governor, director-general …), owned by the registry service." })
export class Manager {
  @Field(() => ID, { description: "Hamafza's identifier of the manager." })
  id!: string;
}

/** An agency owned by the registry; engagement adds the resolutions it owns and the proposals and demands routed to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An executive agency (دستگاه اجرایی), owned by the registry service." })
export class Agency {
  @Field(() => ID, { description: "Hamafza's identifier of the agency." })
  id!: string;
}

/** A priority need of a needs assessment, owned by the registry; engagement adds the projects made from it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A priority need found by a needs assessment, owned by the registry service." })
export class PriorityNeed {
  @Field(() => ID, { description: "Hamafza's identifier of the priority need." })
  id!: string;
}

/** A province owned by the registry; engagement adds its meetings and resolutions. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An Iranian province (استان), owned by the registry service." })
export class Province {
  @Field(() => ID, { description: "Two-digit province code." })
  id!: string;
}
