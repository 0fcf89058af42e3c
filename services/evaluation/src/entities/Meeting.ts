import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A meeting owned by the engagement service, referenced by the evidence behind a result (with its attachments). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A meeting of officials with NGOs (نشست)." })
export class Meeting {
  @Field(() => ID, { description: "Hamafza's identifier of the meeting (UUID)." })
  id!: string;
}
