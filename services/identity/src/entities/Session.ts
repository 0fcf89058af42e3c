import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One sign-in: tokens carry its id; sign-out, a password reset or a role change revokes it. */
@Entity({ name: "session" })
export class Session {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index()
  @Column({ type: "uuid" })
  userId!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  /** Absolute end: refreshing never extends a session past it. */
  @Column({ type: "timestamptz" })
  expiresAt!: Date;

  @Column({ type: "timestamptz", nullable: true })
  revokedAt!: Date | null;

  @Column({ type: "text", nullable: true })
  clientAddress!: string | null;
}
