/** A user as the API shows them to others (`Person`): enough to name them. */
export interface PersonName {
  displayName: string;
}

/**
 * The name to show for a user the API refers to by username (who ran a run, who adjusted a score): the person's
 * full name, or the username when identity no longer knows the user.
 */
export function personName(person: PersonName | null | undefined, username: string): string {
  return person?.displayName || username;
}
