import { FieldResolver, Resolver, Root } from "type-graphql";
import { Meeting } from "../entities/Meeting";
import { EvidenceRecord } from "../entities/Run";

/** Links from the evidence to the records themselves, resolved by their owning service through the supergraph. */
@Resolver(() => EvidenceRecord)
export class EvidenceLinksResolver {
  @FieldResolver(() => Meeting, {
    nullable: true,
    description:
      "The meeting, when the evidence is one (kind MEETING): its `attachments` (minutes, signed attendance sheet, photos) are the proof behind a counted meeting. Empty for other kinds and for meetings outside the user's territory.",
  })
  meeting(@Root() evidence: EvidenceRecord): Meeting | null {
    return evidence.kind === "MEETING" ? { id: evidence.id } : null;
  }
}
