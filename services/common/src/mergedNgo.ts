import { DataSource, EntityManager } from "typeorm";
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

/** Where a service learns the NGOs merged into the given ones (merges in effect), for addressing notices. */
export type AliasLookup = (
  em: EntityManager,
  survivorIds: string[],
) => Promise<{ mergedId: string; survivorId: string }[]>;

const aliasLookups = new WeakMap<DataSource, AliasLookup>();

/**
 * Registers, for a service's data source, where it learns the NGOs merged into others: notices it requests for an
 * NGO's representatives then also reach the representatives of the NGOs merged into it, who act for it
 * (`actingRepresentative`). Identity, which delivers them, resolves recipients by `User.boundId` and knows no merges.
 */
export function followNgoMergesInNotices(db: DataSource, aliasesOf: AliasLookup): void {
  aliasLookups.set(db, aliasesOf);
}

/**
 * The requests with `ngoRepresentativesOf` widened to the NGOs merged into those named (one statement when a request
 * names NGO representatives and the data source follows merges; the requests as they are otherwise).
 */
export async function withMergedNgoRepresentatives<T extends { recipients: { ngoRepresentativesOf?: string[] } }>(
  em: EntityManager,
  requests: T[],
): Promise<T[]> {
  const aliasesOf = aliasLookups.get(em.connection);
  const named = [...new Set(requests.flatMap((r) => r.recipients.ngoRepresentativesOf ?? []))].filter(isUuid);
  if (!aliasesOf || named.length === 0) return requests;
  const aliases = await aliasesOf(em, named);
  if (aliases.length === 0) return requests;
  return requests.map((request) => {
    const of = request.recipients.ngoRepresentativesOf;
    if (!of?.length) return request;
    const added = aliases.filter((a) => of.includes(a.survivorId) && !of.includes(a.mergedId)).map((a) => a.mergedId);
    return added.length
      ? { ...request, recipients: { ...request.recipients, ngoRepresentativesOf: [...of, ...added] } }
      : request;
  });
}
