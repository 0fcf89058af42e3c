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

export const DISMISS_NGO_DUPLICATE = /* GraphQL */ `
  mutation DismissNgoDuplicate($firstId: ID!, $secondId: ID!, $reason: String!) {
    dismissNgoDuplicate(firstId: $firstId, secondId: $secondId, reason: $reason) {
      firstId
      secondId
    }
  }
`;

export const MERGE_NGOS = /* GraphQL */ `
  mutation MergeNgos($mergedId: ID!, $survivorId: ID!, $reason: String!) {
    mergeNgos(mergedId: $mergedId, survivorId: $survivorId, reason: $reason) {
      id
      engagementSynced
    }
  }
`;

export const NGO_MERGES = /* GraphQL */ `
  query NgoMerges($limit: Int!) {
    ngoMerges(limit: $limit) {
      id
      mergedId
      mergedName
      survivorId
      survivorName
      reason
      mergedAt
      mergedBy
    }
  }
`;

export const UNDO_NGO_MERGE = /* GraphQL */ `
  mutation UndoNgoMerge($id: ID!, $reason: String!) {
    undoNgoMerge(id: $id, reason: $reason) {
      id
      undoneAt
      engagementSynced
    }
  }
`;
