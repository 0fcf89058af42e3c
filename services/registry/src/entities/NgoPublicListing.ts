import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DateScalar } from "@hamafza/common";

/**
 * An NGO listed in the public register (docs/public-register.md): only with the NGO's consent, recorded here. The
 * row's existence is the listing; unlisting deletes it (the audit log keeps the history).
 */
@ObjectType({
  description:
    "The NGO's listing in the public register (no sign-in; name, fields, county and licence only), with the NGO's recorded consent.",
})
@Entity({ name: "ngo_public_listing" })
export class NgoPublicListing {
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;

  @Field(() => DateScalar, { description: "The day the NGO gave its consent to be listed." })
  @Column({ type: "date" })
  consentOn!: string;

  @Field({ description: "How the consent was given, e.g. the number and date of the NGO's letter." })
  @Column({ type: "text" })
  consentNote!: string;

  @Field({ description: "Who listed the NGO (user name)." })
  @Column({ type: "text" })
  listedBy!: string;

  @Field({ description: "When the NGO was listed." })
  @Column({ type: "timestamptz", default: () => "now()" })
  listedAt!: Date;
}
