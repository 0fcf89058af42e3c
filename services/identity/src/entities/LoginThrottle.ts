import { Column, Entity, PrimaryColumn } from "typeorm";

/** Failed sign-ins counted per account name (`account:<name>`) and per network address (`address:<ip>`). */
@Entity({ name: "login_throttle" })
export class LoginThrottle {
  @PrimaryColumn({ type: "text" })
  key!: string;

  @Column({ type: "integer", default: 0 })
  failures!: number;

  @Column({ type: "timestamptz" })
  windowStartedAt!: Date;

  @Column({ type: "timestamptz", nullable: true })
  lockedUntil!: Date | null;
}
