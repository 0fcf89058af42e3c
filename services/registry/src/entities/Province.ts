import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

@Directive('@key(fields: "id")')
@ObjectType({
  description: "An Iranian province (استان), governed by a provincial governorate (استانداری). Reference data.",
})
@Entity({ name: "province" })
export class Province {
  @Field(() => ID, {
    description: "The official two-digit province code (e.g. `19` for Zanjan); stable across installations.",
  })
  @PrimaryColumn({ type: "varchar", length: 2 })
  id!: string;

  @Field({ description: "The official two-digit province code; the same as `id`." })
  get code(): string {
    return this.id;
  }

  @Field({ description: "Official Persian name, e.g. «زنجان»." })
  @Column({ type: "text" })
  name!: string;

  @Field({ description: "English name, e.g. `Zanjan`." })
  @Column({ type: "text" })
  nameEn!: string;

  @Index()
  @Column({ type: "text" })
  nameNormalized!: string;
}
