/** GraphQL operations on users outside the list convention. */

export const RESET_USER_PASSWORD = /* GraphQL */ `
  mutation ResetUserPassword($id: ID!, $password: String) {
    resetUserPassword(id: $id, password: $password) {
      temporaryPassword
      user {
        id
        updatedAt
      }
    }
  }
`;
