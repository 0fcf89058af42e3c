import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { County } from "./County";
import { Province } from "./Province";

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A person holding a management position (county governor, director-general …) over a territory: the subject of the 1404 evaluation.",
})
@Entity({ name: "manager" })
export class Manager {
  @Field(() => ID, { description: "Hamafza's identifier of the manager (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Full name, as typed." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field({ description: "Position title in Persian, e.g. «فرماندار ابهر»." })
  @Column({ type: "text" })
  position!: string;

  @Field(() => ID, { description: "Province of the position." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County of the position; empty for provincial positions." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Province, { nullable: true, description: "Province of the position." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "County of the position, if it is a county position." })
  county?: County;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
