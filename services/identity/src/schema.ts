import { buildFederatedSchema } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import { AuditEntry } from "./entities/AuditEntry";
import { LoginThrottle } from "./entities/LoginThrottle";
import { Session } from "./entities/Session";
import { User } from "./entities/User";
import { AuditEntryResolver } from "./resolvers/audit";
import { UserResolver } from "./resolvers/user";

export const identityEntities = [User, Session, LoginThrottle, AuditEntry];

/** The identity subgraph schema: users, the signed-in user, and the audit log. */
export function buildIdentitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [UserResolver, AuditEntryResolver] });
}
