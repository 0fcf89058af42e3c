import { Field, InputType } from "type-graphql";
import { DateScalar } from "@hamafza/common";

@InputType({ description: "The NGO's consent to appear in the public register." })
export class NgoPublicListingInput {
  @Field(() => DateScalar, { description: "The day the NGO gave its consent (not in the future)." })
  consentOn!: string;

  @Field({
    description: "How the consent was given, e.g. «نامه شماره ۱۲۳ مورخ ۱۴۰۴/۰۲/۱۰ مدیرعامل» (1–500 characters).",
  })
  consentNote!: string;
}
