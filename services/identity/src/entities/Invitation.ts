import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Where an invitation stands (derived from its dates; see invitations/rules.ts). */
export enum InvitationState {
  OPEN = "OPEN",
  USED = "USED",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}
registerEnumType(InvitationState, {
  name: "InvitationState",
  description: "Where an invitation stands.",
  valuesConfig: {
    OPEN: { description: "Its code still works: not used, not revoked, not expired." },
    USED: { description: "The invitee set their password with it." },
    EXPIRED: { description: "Not used before it expired." },
    REVOKED: { description: "Replaced by a newer invitation, or the account was disabled." },
  },
});

/**
 * A one-time, expiring invitation of an invited user (NGO representative, agency respondent, manager) to set their
 * password. Only the code's SHA-256 is kept; the code is shown once, to the official who made it.
 */
@ObjectType({ description: "An invitation to set a password; its code was shown once, when it was made." })
@Entity({ name: "invitation" })
export class Invitation {
  @Field(() => ID, { description: "The invitation's id." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The invited user." })
  @Column({ type: "uuid" })
  userId!: string;

  @Column({ type: "text" })
  codeHash!: string;

  @Field({ description: "When the invitation was made (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  /** The official who made it. */
  @Column({ type: "text", nullable: true })
  createdById!: string | null;

  @Field({ description: "When its code stops working (UTC)." })
  @Column({ type: "timestamptz" })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the invitee used it to set their password (UTC)." })
  @Column({ type: "timestamptz", nullable: true })
  usedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was revoked (UTC): re-invited or disabled." })
  @Column({ type: "timestamptz", nullable: true })
  revokedAt!: Date | null;
}
