import { RequestContext } from "@hamafza/common";
import { Person } from "./entities/Person";
import { User } from "./entities/User";
import { userByUsername } from "./loaders";

/** The face of a user others see (see Person). */
export function toPerson(user: User): Person {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    province: user.provinceId ? { id: user.provinceId } : null,
    county: user.countyId ? { id: user.countyId } : null,
  };
}

/**
 * Resolves a `Person` another subgraph refers to by username, for a signed-in caller only (the gateway asks on the
 * user's behalf); null when no user has the name any more, so the referring field is empty rather than an error.
 */
export async function personByUsername(ref: { username: string }, ctx: RequestContext): Promise<Person | null> {
  if (!ctx.user) return null;
  const user = await userByUsername(ctx).load(ref.username);
  return user ? toPerson(user) : null;
}
