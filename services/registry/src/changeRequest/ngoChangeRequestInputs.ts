import { Field, ID, InputType, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { NgoChangeRequest, NgoChangeRequestStatus } from "./NgoChangeRequest";

@ObjectType({ description: "A page of change requests of NGOs' regulated fields." })
export class NgoChangeRequestPage extends PageOf(NgoChangeRequest) {}

@InputType({ description: "Filter change requests; all given conditions must hold." })
export class NgoChangeRequestFilter {
  @Field(() => [ID], { nullable: true, description: "Only these requests." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this NGO's requests." })
  ngoId?: string;

  @Field(() => NgoChangeRequestStatus, { nullable: true, description: "Only requests in this state." })
  status?: NgoChangeRequestStatus;
}

@InputType({
  description:
    "A representative's request to change their NGO's regulated fields: give only the fields to change (at least one), why, and the document behind it.",
})
export class NgoChangeRequestInput {
  @Field(() => String, { nullable: true, description: "The new name (2–200 characters)." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "The new national identifier (11 digits, valid checksum)." })
  nationalId?: string | null;

  @Field(() => String, { nullable: true, description: "The new registration number (up to 50 characters)." })
  registrationNumber?: string | null;

  @Field({ description: "Why the change is asked for (5–1000 characters)." })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A reference to the document behind the change, e.g. the Official Gazette notice (up to 300 characters).",
  })
  reference?: string | null;
}
