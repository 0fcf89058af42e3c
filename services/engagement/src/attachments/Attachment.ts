import { AttachmentFields } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";

/** A file attached to a meeting, a resolution or a project (exactly one; removed with its record). */
@ObjectType({
  description:
    "A file attached to a meeting (minutes, signed attendance sheet, photos), a resolution (evidence of completion) or a project; download it from `/attachments/<id>` at the gateway.",
})
@Entity({ name: "attachment" })
export class Attachment extends AttachmentFields {
  @Field(() => ID, { nullable: true, description: "The meeting it belongs to." })
  @Column({ type: "uuid", nullable: true })
  meetingId!: string | null;

  @Field(() => ID, { nullable: true, description: "The resolution it belongs to." })
  @Column({ type: "uuid", nullable: true })
  resolutionId!: string | null;

  @Field(() => ID, { nullable: true, description: "The project it belongs to." })
  @Column({ type: "uuid", nullable: true })
  projectId!: string | null;
}
