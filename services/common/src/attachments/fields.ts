import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from "typeorm";

/** What an attached file is to its record. */
export enum AttachmentKind {
  MINUTES = "MINUTES",
  ATTENDANCE_SHEET = "ATTENDANCE_SHEET",
  PHOTO = "PHOTO",
  LICENCE_SCAN = "LICENCE_SCAN",
  COMPLETION_EVIDENCE = "COMPLETION_EVIDENCE",
  DOCUMENT = "DOCUMENT",
}
registerEnumType(AttachmentKind, {
  name: "AttachmentKind",
  description: "What an attached file is to its record (which kinds a record takes: docs/attachments.md).",
  valuesConfig: {
    MINUTES: { description: "Minutes of a meeting (صورت‌جلسه)." },
    ATTENDANCE_SHEET: { description: "The signed attendance sheet of a meeting (فهرست حاضران امضاشده)." },
    PHOTO: { description: "A photo (عکس)." },
    LICENCE_SCAN: { description: "The scanned licence (تصویر پروانه)." },
    COMPLETION_EVIDENCE: { description: "Evidence that a resolution was carried out (مستند انجام مصوبه)." },
    DOCUMENT: { description: "Any other document of the record (سند دیگر)." },
  },
});

/**
 * The columns and fields every attachment has, wherever its record lives (each owning service's `attachment` table
 * extends it with the link to its record). The file itself is in the gateway's storage under `sha256`.
 */
@ObjectType({ description: "A file attached to a record (never a type of its own in the schema)." })
export abstract class AttachmentFields {
  @Field(() => ID, { description: "Identifier of the attachment (UUID); the file is at `/attachments/<id>`." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => AttachmentKind, { description: "What the file is to its record." })
  @Column({ type: "varchar", length: 32 })
  kind!: AttachmentKind;

  @Field({ description: "The file's name as uploaded (cleaned of path parts and control characters)." })
  @Column({ type: "text" })
  fileName!: string;

  @Field({ description: "The media type found in the file's content (not the one the uploader declared)." })
  @Column({ type: "varchar", length: 100 })
  mediaType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  @Column({ type: "integer" })
  sizeBytes!: number;

  @Field({ description: "SHA-256 of the content (hex); files are stored once per content." })
  @Column({ type: "char", length: 64 })
  sha256!: string;

  @Field(() => String, { nullable: true, description: "Username of whoever uploaded it." })
  @Column({ type: "text", nullable: true })
  uploadedBy!: string | null;

  @Field({ description: "When it was attached (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

/** A file the gateway has stored, to attach to a record (sent by the gateway's upload route, POST /attachments). */
@InputType({ description: "A stored file to attach; the gateway's upload route (POST /attachments) fills it in." })
export class AttachmentFileInput {
  @Field(() => AttachmentKind, { description: "What the file is to its record." })
  kind!: AttachmentKind;

  @Field({ description: "The file's name as uploaded." })
  fileName!: string;

  @Field({ description: "The media type found in the content." })
  mediaType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  sizeBytes!: number;

  @Field({ description: "SHA-256 of the content (hex)." })
  sha256!: string;

  @Field({ description: "The gateway's signature over the stored file (only the upload route can make one)." })
  receipt!: string;
}
