import { Field, ID, InputType, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { GoverningBody } from "../entities/GoverningBody";

@ObjectType({ description: "A page of bodies." })
export class GoverningBodyPage extends PageOf(GoverningBody) {}

@InputType({ description: "Filter bodies; all given conditions must hold." })
export class GoverningBodyFilter {
  @Field(() => [ID], { nullable: true, description: "Only these bodies." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only bodies of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only bodies of this county." })
  countyId?: string;
}

@InputType({ description: "A new body committees can belong to." })
export class GoverningBodyCreateInput {
  @Field({ description: "Name (3–300 characters), unique in the province after normalisation." })
  name!: string;

  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county body (in the province)." })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: "Mandate and notes (up to 2000 characters)." })
  description?: string | null;
}

@InputType({ description: "Changes to a body; omitted fields keep their value. Its territory does not change." })
export class GoverningBodyUpdateInput {
  @Field({ nullable: true, description: "Name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "Mandate and notes." })
  description?: string | null;
}
