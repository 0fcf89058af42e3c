import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({
  description:
    "A service an NGO can offer (توانمندی), where it can offer it and with how many volunteers. Takes the NGO's territory.",
})
@Entity({ name: "ngo_capability" })
export class NgoCapability {
  @Field(() => ID, {
    description: "Identifier of the capability (UUID); send it back in `capabilities` to keep the record.",
  })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field({ description: "The service offered, as typed (e.g. «مشاوره روانی‌اجتماعی خانواده‌ها»)." })
  @Column({ type: "text" })
  service!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Field of activity the service belongs to; empty means all the NGO's fields.",
  })
  @Column({ type: "uuid", nullable: true })
  fieldId!: string | null;

  @Field(() => [ID], {
    description: "Codes of the counties the service covers (coverage areas); the home county is always covered.",
  })
  @Column({ type: "varchar", length: 4, array: true, default: () => "'{}'" })
  coverageCountyIds!: string[];

  @Field(() => Int, { nullable: true, description: "Volunteers available for this service." })
  @Column({ type: "integer", nullable: true })
  volunteersAvailable!: number | null;

  @Field(() => Int, { description: "Position in the NGO's list (0 first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;
}
