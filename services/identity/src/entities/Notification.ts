import { NotificationKind } from "@hamafza/common";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

registerEnumType(NotificationKind, {
  name: "NotificationKind",
  description: "What a notification is about; each user chooses the kinds they receive.",
  valuesConfig: {
    MEETING_QUARTER_DUE: {
      description: "A county (or province) has not held its problem-centred meeting of the quarter yet.",
    },
    RESOLUTION_DUE: { description: "A meeting resolution is due within 7 days." },
    RESOLUTION_OVERDUE: { description: "A meeting resolution is past its deadline and not done." },
    REQUEST_UNANSWERED: { description: "An NGO demand or proposal is past its answer deadline without an answer." },
    LICENCE_EXPIRING: { description: "An NGO's licence has entered the expiring window." },
    MEETING_INVITATION: { description: "A meeting of the user's territory has been planned (the invitation)." },
    MEETING_SOON: { description: "A planned meeting of the user's territory starts within 24 hours." },
    ACTIVITY_REPORT_DUE: {
      description: "NGOs of the user's territory have not yet submitted their annual activity report (due or overdue).",
    },
    REQUEST_SUBMITTED: {
      description: "An NGO submitted a demand or proposal to the user's agency (to the agency's respondents).",
    },
    REQUEST_ANSWERED: {
      description: "An agency accepted or rejected a demand or proposal of the user's NGO (to its representatives).",
    },
    SUPERVISION_WARNING: {
      description: "An officer recorded a supervision warning to the user's NGO (to its representatives).",
    },
    NGO_PROFILE_CHANGE: {
      description:
        "A change of an NGO's registered details or public listing: a change request to decide (officers), its decision (representatives), a withdrawn listing consent (officers).",
    },
    SYSTEM: { description: "A message of the system itself." },
  },
});

/** One notification in a user's inbox. */
@ObjectType({ description: "A notification in the signed-in user's inbox: what happened, why it was sent, and where." })
@Entity({ name: "notification" })
export class Notification {
  @Field(() => ID, { description: "Identifier of the notification (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "uuid" })
  userId!: string;

  /** The occasion it was sent for (unique per user: a reminder is delivered once per occasion). */
  @Column({ type: "text" })
  occasionKey!: string;

  @Field(() => NotificationKind, { description: "What it is about." })
  @Column({ type: "varchar", length: 40 })
  kind!: NotificationKind;

  @Field({ description: "Persian title (the subject of its email)." })
  @Column({ type: "text" })
  title!: string;

  @Field({ description: "Persian text." })
  @Column({ type: "text" })
  body!: string;

  @Field({ description: "Persian: why the user received it (e.g. the territory the user is the officer of)." })
  @Column({ type: "text" })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: "The record in the dashboard as a hash route (e.g. `#/resolutions/<id>/show`); empty when none.",
  })
  @Column({ type: "text", nullable: true })
  link!: string | null;

  @Field(() => String, { nullable: true, description: "Type of the record it is about (e.g. `Resolution`)." })
  @Column({ type: "text", nullable: true })
  recordType!: string | null;

  @Field(() => String, { nullable: true, description: "Id of the record it is about." })
  @Column({ type: "text", nullable: true })
  recordId!: string | null;

  @Field({ description: "When it was delivered (UTC)." })
  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the user marked it read (UTC); empty while unread." })
  @Column({ type: "timestamptz", nullable: true })
  readAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was emailed (UTC); empty when not (yet) emailed." })
  @Column({ type: "timestamptz", nullable: true })
  emailedAt!: Date | null;
}

/** A user's notification settings (defaults when the user has no row). */
@ObjectType({ description: "The signed-in user's notification settings." })
@Entity({ name: "notification_preference" })
export class NotificationPreference {
  @Column({ type: "uuid", primary: true })
  userId!: string;

  @Field(() => String, { nullable: true, description: "Address notifications are emailed to; empty: no email." })
  @Column({ type: "text", nullable: true })
  email!: string | null;

  @Field({ description: "Whether notifications are emailed (when an address is set and the server has SMTP)." })
  @Column({ type: "boolean", default: true })
  emailEnabled!: boolean;

  @Field({
    description: "One email a day (07:00 Tehran time) listing the day's notifications, instead of one email each.",
  })
  @Column({ type: "boolean", default: false })
  dailyDigest!: boolean;

  @Field(() => [NotificationKind], { description: "Kinds the user does not want (neither in the inbox nor by email)." })
  @Column({ type: "text", array: true, default: () => "'{}'" })
  mutedKinds!: NotificationKind[];

  @Field({ description: "When the settings were last changed (UTC)." })
  @Column({ type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
