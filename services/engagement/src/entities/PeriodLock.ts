import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * A locked evaluation period: once the evaluation cycle of a Jalali year is FINAL, the evaluation service locks
 * the year (for a province, or the whole country) and engagement records dated in it can no longer change.
 */
@ObjectType({
  description:
    "A locked evaluation period (دوره ارزیابی قفل‌شده): a Jalali year, for one province or the whole country. Engagement records dated in it cannot be changed (code LOCKED).",
})
@Entity({ name: "engagement_period_lock" })
export class EngagementPeriodLock {
  @Field(() => ID, { description: "Identifier of the lock (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => Int, { description: "The locked Jalali year." })
  @Column({ type: "integer" })
  year!: number;

  @Field(() => ID, { nullable: true, description: "The locked province; empty: the whole country." })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  /** Locks have no county; the audit log's territory needs the field. */
  countyId?: null;

  @Field(() => String, { nullable: true, description: "Why it was locked (e.g. «چرخه ارزیابی ۱۴۰۴ نهایی شد»)." })
  @Column({ type: "text", nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "Username of who locked it." })
  @Column({ type: "text", nullable: true })
  lockedBy!: string | null;

  @Field({ description: "When it was locked (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  lockedAt!: Date;
}
