import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Meeting } from "./Meeting";

export enum MeetingReply {
  ATTENDING = "ATTENDING",
  NOT_ATTENDING = "NOT_ATTENDING",
}
registerEnumType(MeetingReply, {
  name: "MeetingReply",
  description: "An NGO representative's reply to a meeting invitation (docs/self-service.md).",
  valuesConfig: {
    ATTENDING: { description: "The NGO will attend, with the attendee's name (شرکت می‌کنیم)." },
    NOT_ATTENDING: { description: "The NGO will not attend (شرکت نمی‌کنیم)." },
  },
});

/**
 * An NGO present at a meeting, with the name of its representative. A federation entity so that the registry can
 * add, with `@requires(fields: "ngoId meetingDate")`, the state of the NGO's licence on the meeting's day: an
 * attendance of an NGO whose licence was expired or suspended that day is recorded, and flagged there.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An NGO's attendance at a meeting (حضور سمن در نشست), with its representative. The registry adds the state of the NGO's licence on the meeting day, so attendance of an NGO with an expired or suspended licence is flagged.",
})
@Entity({ name: "meeting_attendance" })
@Index("meeting_attendance_meeting_ngo_unique", ["meetingId", "ngoId"], { unique: true })
export class MeetingAttendance {
  @Field(() => ID, {
    description: "Identifier of the attendance row (UUID); stable while the NGO stays on the meeting's list.",
  })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The meeting." })
  @Column({ type: "uuid" })
  meetingId!: string;

  @Field(() => ID, { description: "The attending NGO's id (registry)." })
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => String, { nullable: true, description: "Name of the NGO's representative at the meeting." })
  @Column({ type: "text", nullable: true })
  representativeName!: string | null;

  @Field(() => MeetingReply, {
    nullable: true,
    description:
      "The NGO representative's reply to the invitation while the meeting was planned; empty until they reply. The officials' list of a held meeting is what counts as attendance.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  reply!: MeetingReply | null;

  @Field(() => String, { nullable: true, description: "Who will attend for the NGO, as the representative replied." })
  @Column({ type: "text", nullable: true })
  replyName!: string | null;

  @Field(() => Date, { nullable: true, description: "When the representative last replied (UTC)." })
  @Column({ type: "timestamptz", nullable: true })
  repliedAt!: Date | null;

  @ManyToOne(() => Meeting, (m) => m.attendance, { onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id" })
  meeting!: Meeting;
}
