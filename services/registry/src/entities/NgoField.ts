import { Entity, PrimaryColumn } from "typeorm";

/** Which fields of activity an NGO works in (many to many); managed through `fieldIds` of the NGO inputs. */
@Entity({ name: "ngo_field" })
export class NgoField {
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;

  @PrimaryColumn({ type: "uuid" })
  fieldId!: string;
}
