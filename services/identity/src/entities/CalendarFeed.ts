import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A user's private calendar feed: a secret address calendar programs poll for the meetings the user may see.
 * Only the secret's SHA-256 is kept; the address is shown once, when the feed is made.
 */
@ObjectType({ description: "The signed-in user's private calendar feed (its secret address is shown only once)." })
@Entity({ name: "calendar_feed" })
export class CalendarFeed {
  @Field(() => ID, { description: "The feed's id." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index()
  @Column({ type: "uuid" })
  userId!: string;

  @Index({ unique: true })
  @Column({ type: "text" })
  secretHash!: string;

  @Field({ description: "When the feed was made." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When a calendar program last read the feed; null: never." })
  @Column({ type: "timestamptz", nullable: true })
  lastReadAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the feed was revoked; a revoked address answers nothing." })
  @Column({ type: "timestamptz", nullable: true })
  revokedAt!: Date | null;
}
