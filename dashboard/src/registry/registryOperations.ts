/** The registry's analysts' queries (duplicates, parallel work). */

export const DUPLICATE_NGO_CANDIDATES = /* GraphQL */ `
  query DuplicateNgoCandidates($provinceId: ID, $countyId: ID, $minScore: Float!, $limit: Int!) {
    duplicateNgoCandidates(provinceId: $provinceId, countyId: $countyId, minScore: $minScore, limit: $limit) {
      firstId
      secondId
      score
      reasons
      nameSimilarity
      explanation
      first {
        id
        name
        nationalId
        registrationNumber
        county {
          id
          name
        }
      }
      second {
        id
        name
        nationalId
        registrationNumber
        county {
          id
          name
        }
      }
    }
  }
`;

export const PARALLEL_WORK = /* GraphQL */ `
  query ParallelWork($fieldId: ID, $provinceId: ID, $countyId: ID, $minNgos: Int!, $limit: Int!) {
    parallelWork(fieldId: $fieldId, provinceId: $provinceId, countyId: $countyId, minNgos: $minNgos, limit: $limit) {
      countyId
      fieldId
      ngoCount
      county {
        id
        name
      }
      field {
        id
        name
      }
      ngos {
        id
        name
      }
    }
  }
`;
