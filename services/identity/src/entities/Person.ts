import { Role } from "@hamafza/common";
import { Directive, Field, ObjectType } from "type-graphql";
import { County, Province } from "./references";

/**
 * What other users may see of a user beside their work (who ran an evaluation, who adjusted a score): the name,
 * the role and the territory, never the account's sign-in details. Other subgraphs refer to it by username.
 */
@Directive('@key(fields: "username")')
@ObjectType({
  description:
    "A user as other users see them beside their work: full name, role and territory (not the account's sign-in details).",
})
export class Person {
  @Field({ description: "Sign-in name of the user." })
  username!: string;

  @Field({ description: "Name shown in the dashboard, usually the person's Persian name." })
  displayName!: string;

  @Field(() => Role, { description: "The user's role." })
  role!: Role;

  @Field(() => Province, {
    nullable: true,
    description: "Province of the user's territory; empty for the whole country.",
  })
  province!: Province | null;

  @Field(() => County, { nullable: true, description: "County of a county-scoped user's territory." })
  county!: County | null;
}
