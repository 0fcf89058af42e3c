import { AttachmentFields } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";

/** A file attached to a licence (its scan); removed with the licence. */
@ObjectType({
  description:
    "A file attached to an NGO's licence (the scan of the licence); download it from `/attachments/<id>` at the gateway.",
})
@Entity({ name: "licence_attachment" })
export class LicenceAttachment extends AttachmentFields {
  @Field(() => ID, { description: "The licence it belongs to." })
  @Column({ type: "uuid" })
  licenceId!: string;
}
