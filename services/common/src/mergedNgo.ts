import { AuthUser, Role } from "./auth";
import { RequestContext } from "./context";
import { isUuid } from "./ids";

/**
 * Where a service learns the NGO an NGO id was merged into (docs/merging.md): the survivor while the merge stands,
 * null otherwise. The registry reads its merges, engagement its own mirror of them (the merges it has applied).
 */
export type SurvivorLookup = (ctx: RequestContext, ngoId: string) => Promise<string | null>;

/**
 * The user the resolvers act as: a representative bound to an NGO that was merged into another acts for the survivor
 * (docs/merging.md, "Representatives of a merged NGO"). Their account and token keep naming the merged NGO; the
 * binding is resolved here, on every request, so a merge takes effect at once and an undo puts them back with nothing
 * to rewrite. Every other user (and a representative of an NGO not merged) is answered as is. Only the bound record
 * changes: the role, and the rule that a representative sees and changes their own NGO only, stay as they are.
 */
export async function actingRepresentative(
  ctx: RequestContext,
  user: AuthUser,
  survivorOf: SurvivorLookup,
): Promise<AuthUser> {
  if (user.role !== Role.NGO_REPRESENTATIVE || !user.boundId || !isUuid(user.boundId)) return user;
  const survivor = await survivorOf(ctx, user.boundId);
  return survivor && survivor !== user.boundId ? { ...user, boundId: survivor } : user;
}
