import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Province } from "./Province";

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A county (شهرستان) of a province, governed by a county governorate (فرمانداری). Reference data.",
})
@Entity({ name: "county" })
export class County {
  @Field(() => ID, { description: "Four-digit county code: the province code and a two-digit sequence (e.g. `1901`)." })
  @PrimaryColumn({ type: "varchar", length: 4 })
  id!: string;

  @Field({ description: "The county code; the same as `id`." })
  get code(): string {
    return this.id;
  }

  @Field({ description: "Official Persian name, e.g. «ابهر»." })
  @Column({ type: "text" })
  name!: string;

  @Field({ description: "English name, e.g. `Abhar`." })
  @Column({ type: "text" })
  nameEn!: string;

  @Index()
  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => ID, { description: "Code of the province the county belongs to." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => Province, { nullable: true, description: "The province the county belongs to." })
  province?: Province;
}
