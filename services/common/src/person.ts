import { Directive, Field, ObjectType } from "type-graphql";

/**
 * A user as identity shows them to others (name, role, territory), referred to by username: the federation stub every
 * subgraph but identity uses for a "who did it" field beside the stored username (`computedByPerson`,
 * `recordedByPerson`, `createdByPerson` …); identity resolves the rest by username, one batch per answer.
 */
@Directive('@key(fields: "username", resolvable: false)')
@ObjectType({
  description:
    "A user as other users see them beside their work: full name, role and territory (not the account's sign-in details).",
})
export class Person {
  @Field({ description: "Sign-in name of the user." })
  username!: string;
}

/** The person of a stored username; null when none is stored (identity answers null for a user it no longer has). */
export const personOf = (username: string | null | undefined): Person | null => (username ? { username } : null);
