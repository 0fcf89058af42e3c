import { buildFederatedSchema } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "./auth/policy";
import { AuditEntry } from "./entities/AuditEntry";
import { CalendarFeed } from "./entities/CalendarFeed";
import { Notification, NotificationPreference } from "./entities/Notification";
import { Person } from "./entities/Person";
import { LoginThrottle } from "./entities/LoginThrottle";
import { Session } from "./entities/Session";
import { SavedQuery } from "./entities/SavedQuery";
import { User } from "./entities/User";
import { AuditEntryResolver } from "./resolvers/audit";
import { CalendarFeedResolver } from "./resolvers/calendarFeed";
import { Invitation } from "./entities/Invitation";
import { InvitationResolver, UserInvitationResolver } from "./resolvers/invitation";
import { NotificationResolver } from "./resolvers/notification";
import { SavedQueryResolver } from "./resolvers/savedQuery";
import { UserResolver } from "./resolvers/user";
import { personByUsername } from "./people";

export const identityEntities = [
  User,
  Session,
  LoginThrottle,
  AuditEntry,
  Notification,
  NotificationPreference,
  CalendarFeed,
  SavedQuery,
  Invitation,
];

/**
 * The identity subgraph schema: users, the signed-in user, and the audit log; resolvers get the sign-in policy.
 * `Person` (a user's name, role and territory) is what other subgraphs refer to by username.
 */
export function buildIdentitySchema(policy: LoginPolicy = DEFAULT_LOGIN_POLICY): Promise<GraphQLSchema> {
  const userResolver = new UserResolver(policy);
  const invitationResolver = new InvitationResolver(policy);
  return buildFederatedSchema(
    {
      resolvers: [
        UserResolver,
        AuditEntryResolver,
        NotificationResolver,
        CalendarFeedResolver,
        SavedQueryResolver,
        InvitationResolver,
        UserInvitationResolver,
      ],
      container: {
        get: (someClass: new () => unknown) =>
          someClass === UserResolver
            ? userResolver
            : someClass === InvitationResolver
              ? invitationResolver
              : new someClass(),
      },
      orphanedTypes: [Person],
    },
    { Person: { __resolveReference: personByUsername } },
  );
}
