/** GraphQL operations of the signed-in user's own account. */

export const CHANGE_MY_PASSWORD = /* GraphQL */ `
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;
