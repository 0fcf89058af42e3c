import { Versioned } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { County } from "./County";
import { Province } from "./Province";

/** A network of aligned NGOs (شبکه تشکل‌های همسو): NGOs of one field that coordinate instead of competing. */
@ObjectType({
  description:
    "A network of aligned NGOs (شبکه تشکل‌های همسو): NGOs of one field of activity in a province or county, with a coordinating NGO.",
})
@Entity({ name: "ngo_network" })
export class NgoNetwork extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the network (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as typed, e.g. «شبکه تشکل‌های جوانان استان زنجان»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => ID, { description: "The network's field of activity (from the fields-of-activity taxonomy)." })
  @Index()
  @Column({ type: "uuid" })
  fieldId!: string;

  @Field(() => ID, { nullable: true, description: "The coordinating NGO's id; empty if that NGO was deleted." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  coordinatorNgoId!: string | null;

  @Field(() => ID, { description: "Code of the network's province." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "Code of the network's county; empty for a provincial network." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Province, { nullable: true, description: "The network's province." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "The network's county, for a county network." })
  county?: County;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An NGO's membership of a network. */
@Entity({ name: "ngo_network_member" })
export class NgoNetworkMember {
  @PrimaryColumn({ type: "uuid" })
  ngoNetworkId!: string;

  @Index()
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;
}
