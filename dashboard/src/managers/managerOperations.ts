/** GraphQL operations on managers outside the list convention. */

export const END_TENURE = /* GraphQL */ `
  mutation EndManagerTenure($id: ID!, $endedOn: Date!) {
    endManagerTenure(id: $id, endedOn: $endedOn) {
      id
      tenureEnd
      isCurrent
      updatedAt
    }
  }
`;
