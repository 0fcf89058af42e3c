import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Personal } from "@hamafza/common";

export enum BoardRole {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  SECRETARY = "SECRETARY",
  TREASURER = "TREASURER",
  CEO = "CEO",
  MEMBER = "MEMBER",
  ALTERNATE_MEMBER = "ALTERNATE_MEMBER",
  INSPECTOR = "INSPECTOR",
}
registerEnumType(BoardRole, {
  name: "BoardRole",
  description:
    "A board member's role. CHAIR, VICE_CHAIR, SECRETARY, TREASURER and CEO are held by one person at a time.",
  valuesConfig: {
    CHAIR: { description: "Chair of the board (رئیس هیئت‌مدیره)." },
    VICE_CHAIR: { description: "Vice-chair (نایب‌رئیس)." },
    SECRETARY: { description: "Secretary (دبیر / منشی)." },
    TREASURER: { description: "Treasurer (خزانه‌دار)." },
    CEO: { description: "Chief executive (مدیرعامل)." },
    MEMBER: { description: "Member of the board (عضو اصلی)." },
    ALTERNATE_MEMBER: { description: "Alternate member (عضو علی‌البدل)." },
    INSPECTOR: { description: "Inspector (بازرس)." },
  },
});

/** Roles one person holds at a time in an NGO. */
export const SINGLE_HOLDER_ROLES = new Set<BoardRole>([
  BoardRole.CHAIR,
  BoardRole.VICE_CHAIR,
  BoardRole.SECRETARY,
  BoardRole.TREASURER,
  BoardRole.CEO,
]);

@ObjectType({ description: "A member of an NGO's board of directors (هیئت‌مدیره). Takes the NGO's territory." })
@Entity({ name: "board_member" })
@Index("board_member_national_code_unique", ["ngoId", "nationalCode"], { unique: true })
export class BoardMember {
  @Field(() => ID, {
    description: "Identifier of the board seat record (UUID); send it back in `boardMembers` to keep the record.",
  })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field({ description: "Full name as typed." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => BoardRole, { description: "Role on the board." })
  @Column({ type: "varchar", length: 20 })
  role!: BoardRole;

  @Field({
    description: "National code (کد ملی), 10 digits with a valid checksum. Personal data: masked for analysts.",
  })
  @Personal("nationalCode")
  @Column({ type: "varchar", length: 10 })
  nationalCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Personal phone (mobile or landline with area code). Personal data: masked for analysts.",
  })
  @Personal("phone")
  @Column({ type: "varchar", length: 11, nullable: true })
  phone!: string | null;

  @Field(() => Int, { description: "Position in the NGO's list (0 first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;
}
