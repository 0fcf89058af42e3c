/** GraphQL operations of the invited users' own pages (docs/self-service.md). */

export interface MyNgo {
  id: string;
  name: string;
  nationalId: string;
  registrationNumber: string | null;
  status: string;
  licenceState: string;
  county: { name: string } | null;
  province: { name: string } | null;
  phone: string | null;
  otherPhones: string[];
  address: string | null;
  membersCount: number | null;
  volunteersCount: number | null;
  fieldIds: string[];
  fields: { id: string; name: string }[];
  boardMembers: { id: string; name: string; role: string; nationalCode: string; phone: string | null }[];
  capabilities: { id: string; service: string; fieldId: string | null; volunteersAvailable: number | null }[];
  licence: { number: string; issuedOn: string; expiresOn: string } | null;
}

export const MY_NGO = /* GraphQL */ `
  query MyNgo($id: ID!) {
    ngo(id: $id) {
      id
      name
      nationalId
      registrationNumber
      status
      licenceState
      county {
        name
      }
      province {
        name
      }
      phone
      otherPhones
      address
      membersCount
      volunteersCount
      fieldIds
      fields {
        id
        name
      }
      boardMembers {
        id
        name
        role
        nationalCode
        phone
      }
      capabilities {
        id
        service
        fieldId
        volunteersAvailable
      }
      licence {
        number
        issuedOn
        expiresOn
      }
    }
  }
`;

/** How many demands and proposals are addressed to the respondent's agency (the server keeps to that agency). */
export const MY_AGENCY_ITEMS = /* GraphQL */ `
  query MyAgencyItems($id: ID!) {
    agency(id: $id) {
      id
      name
    }
    demands(limit: 1) {
      totalCount
    }
    proposals(limit: 1) {
      totalCount
    }
  }
`;

export interface MyResult {
  id: string;
  year: number;
  managerName: string;
  position: string;
  total: number;
  grade: string;
}

/** The manager's own evaluation results (the server shows none before a cycle is under review). */
export const MY_RESULTS = /* GraphQL */ `
  query MyResults {
    evaluationResults(limit: 20) {
      items {
        id
        year
        managerName
        position
        total
        grade
      }
    }
  }
`;
