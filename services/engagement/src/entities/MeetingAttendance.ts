import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Meeting } from "./Meeting";

/** An NGO present at a meeting, with the name of its representative. */
@Entity({ name: "meeting_attendance" })
export class MeetingAttendance {
  @PrimaryColumn({ type: "uuid" })
  meetingId!: string;

  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;

  @Column({ type: "text", nullable: true })
  representativeName!: string | null;

  @ManyToOne(() => Meeting, (m) => m.attendance, { onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id" })
  meeting!: Meeting;
}
