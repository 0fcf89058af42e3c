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
  capabilities: {
    id: string;
    service: string;
    fieldId: string | null;
    coverageCountyIds: string[];
    volunteersAvailable: number | null;
  }[];
  licence: { number: string; issuedOn: string; expiresOn: string } | null;
  publicListing: { consentOn: string } | null;
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
        coverageCountyIds
        volunteersAvailable
      }
      licence {
        number
        issuedOn
        expiresOn
      }
      publicListing {
        consentOn
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

/** The representative changes the unregulated fields of their own NGO. */
export const UPDATE_MY_NGO_PROFILE = /* GraphQL */ `
  mutation UpdateMyNgoProfile($input: MyNgoProfileInput!) {
    updateMyNgoProfile(input: $input) {
      id
      phone
      otherPhones
      address
      membersCount
      volunteersCount
    }
  }
`;

/** The representative asks to change regulated fields (name, national id, registration number). */
export const REQUEST_NGO_CHANGE = /* GraphQL */ `
  mutation RequestNgoChange($input: NgoChangeRequestInput!) {
    requestNgoChange(input: $input) {
      id
      status
    }
  }
`;

/** The representative withdraws their NGO's consent to the public register (it leaves the register at once). */
export const WITHDRAW_MY_PUBLIC_LISTING_CONSENT = /* GraphQL */ `
  mutation WithdrawMyPublicListingConsent {
    withdrawMyPublicListingConsent {
      id
    }
  }
`;

/** The representative replaces their NGO's board (members keep their ids). */
export const UPDATE_MY_NGO_BOARD = /* GraphQL */ `
  mutation UpdateMyNgoBoard($input: MyNgoProfileInput!) {
    updateMyNgoProfile(input: $input) {
      id
      boardMembers {
        id
        name
        role
        nationalCode
        phone
      }
    }
  }
`;

/** The catalogue of fields of activity, to choose the NGO's fields and a capability's field from. */
export const FIELDS_OF_ACTIVITY_CHOICES = /* GraphQL */ `
  query FieldsOfActivityChoices {
    fieldsOfActivity(limit: 200) {
      items {
        id
        name
      }
    }
  }
`;

/** The representative replaces their NGO's fields of activity and capabilities. */
export const UPDATE_MY_NGO_ACTIVITY = /* GraphQL */ `
  mutation UpdateMyNgoActivity($input: MyNgoProfileInput!) {
    updateMyNgoProfile(input: $input) {
      id
      fieldIds
    }
  }
`;
