import { Directive, Field, ObjectType } from "type-graphql";

/** A user as identity shows them to others (name, role, territory), referred to by username. */
@Directive('@key(fields: "username", resolvable: false)')
@ObjectType({
  description:
    "A user as other users see them beside their work: full name, role and territory (not the account's sign-in details).",
})
export class Person {
  @Field({ description: "Sign-in name of the user." })
  username!: string;
}
