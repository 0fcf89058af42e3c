import { PageOf, Role } from "@hamafza/common";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { User } from "../entities/User";

/** Inputs, filter, page and answer types of users. */

@ObjectType({ description: "A page of users." })
export class UserPage extends PageOf(User) {}

@InputType({ description: "Filter users; all given conditions must hold." })
export class UserFilter {
  @Field(() => [ID], { nullable: true, description: "Only these users." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the username and display name (Persian spelling variants match)." })
  q?: string;

  @Field(() => Role, { nullable: true, description: "Only users with this role." })
  role?: Role;

  @Field(() => ID, { nullable: true, description: "Only users whose territory is in this province." })
  provinceId?: string;

  @Field({ nullable: true, description: "Only disabled (true) or enabled (false) users." })
  disabled?: boolean;
}

@InputType({ description: "A new user." })
export class UserCreateInput {
  @Field({ description: "Sign-in name: 3–40 lower-case Latin letters, digits, `.`, `_` or `-`." })
  username!: string;

  @Field({ description: "Name shown in the dashboard." })
  displayName!: string;

  @Field(() => Role, { description: "Role." })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      "Province code: required for PROVINCE_OFFICER, optional for EVALUATOR and ANALYST (empty = the whole country).",
  })
  provinceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "County code: required for COUNTY_OFFICER (the province follows from it), optional for ANALYST.",
  })
  countyId?: string | null;

  @Field({ description: "Initial password, at least 10 characters; tell it to the user privately." })
  password!: string;
}

@InputType({
  description:
    "Changes to a user; omitted fields keep their value. Changing the role, territory or disabling ends the user's sessions.",
})
export class UserUpdateInput {
  @Field({ nullable: true, description: "Name shown in the dashboard." })
  displayName?: string;

  @Field(() => Role, { nullable: true, description: "Role." })
  role?: Role;

  @Field(() => ID, { nullable: true, description: "Province code of the territory." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "County code of the territory." })
  countyId?: string | null;

  @Field({ nullable: true, description: "Disable (true) or enable (false) the account." })
  disabled?: boolean;
}

@ObjectType({ description: "The result of resetting a user's password." })
export class PasswordReset {
  @Field(() => User, { description: "The user, whose sessions have all been ended." })
  user!: User;

  @Field(() => String, {
    nullable: true,
    description: "The generated password, shown this once; empty when the administrator chose the password.",
  })
  temporaryPassword!: string | null;
}
