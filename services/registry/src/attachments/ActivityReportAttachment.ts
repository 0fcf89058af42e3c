import { AttachmentFields } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";

/** A file attached to an NGO's annual activity report (its documents, photos); removed with the report. */
@ObjectType({
  description:
    "A file attached to an NGO's annual activity report (documents, photos); download it from `/attachments/<id>` at the gateway.",
})
@Entity({ name: "activity_report_attachment" })
export class ActivityReportAttachment extends AttachmentFields {
  @Field(() => ID, { description: "The report it belongs to." })
  @Column({ type: "uuid" })
  reportId!: string;
}
