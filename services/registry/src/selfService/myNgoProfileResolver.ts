import { Ctx, Mutation, Resolver } from "type-graphql";
import {
  Allow,
  claimForWrite,
  ExpectedVersionArg,
  InputArg,
  inTransaction,
  recordChange,
  RequestContext,
  Role,
} from "@hamafza/common";
import { Ngo } from "../entities/Ngo";
import { profileSnapshot, saveNgoProfile } from "../resolvers/ngoProfileRules";
import { applyNgoInput, NGO_CONSTRAINTS } from "../resolvers/ngoRules";
import { boundNgoForWrite } from "./boundNgo";
import { MyNgoProfileInput } from "./myNgoProfileInputs";

/** NGO self-service (docs/self-service.md): a representative keeps their own NGO's unregulated fields up to date. */
@Resolver(() => Ngo)
export class MyNgoProfileResolver {
  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => Ngo, {
    description:
      "The signed-in representative changes their own NGO's contact details, address, member and volunteer counts, board, capabilities and fields of activity (same checks as an official's edit; audited). FORBIDDEN once the NGO is dissolved or merged or its licence revoked.",
  })
  updateMyNgoProfile(
    @Ctx() ctx: RequestContext,
    @InputArg(MyNgoProfileInput) input: MyNgoProfileInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await boundNgoForWrite(em, ctx);
      claimForWrite(ngo, ctx, expectedVersion, "سمن");
      const before = { ...ngo, ...(await profileSnapshot(em, ngo.id, input)) };
      await applyNgoInput(em, ngo, input);
      const saved = await em.save(ngo);
      const profile = await saveNgoProfile(em, saved.id, input);
      await recordChange(em, ctx, "updateMyNgoProfile", "Ngo", { before, after: { ...saved, ...profile } });
      return saved;
    });
  }
}
