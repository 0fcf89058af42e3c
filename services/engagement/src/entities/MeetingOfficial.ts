import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** An official (a registry manager) present at a meeting, with the role or title in which they attended. */
@ObjectType({
  description:
    "An official present at a meeting (مسئول حاضر در نشست): a registry manager, with the role in which they attended.",
})
@Entity({ name: "meeting_official" })
@Index("meeting_official_meeting_manager_unique", ["meetingId", "managerId"], { unique: true })
export class MeetingOfficial {
  @Field(() => ID, { description: "Identifier of the row (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The meeting." })
  @Column({ type: "uuid" })
  meetingId!: string;

  @Field(() => ID, { description: "The official's manager id (registry)." })
  @Index()
  @Column({ type: "uuid" })
  managerId!: string;

  @Field(() => ID, { nullable: true, description: "The agency the official represented (registry), if given." })
  @Column({ type: "uuid", nullable: true })
  agencyId!: string | null;

  @Field({ description: "Role or title at the meeting, as typed (e.g. «رئیس جلسه»، «دبیر جلسه»، «نماینده بهزیستی»)." })
  @Column({ type: "text" })
  role!: string;
}
