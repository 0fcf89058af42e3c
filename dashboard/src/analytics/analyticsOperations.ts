/**
 * The analysts' queries behind the analytics screens (one operation per screen). Each variable is named as the root
 * field's argument, so the screen's arguments are also the export's (`POST /export` passes them to the same field).
 */

export const MEETING_STATISTICS = /* GraphQL */ `
  query AnalyticsMeetingStatistics($fromYear: Int!, $quarter: Int, $provinceId: ID, $countyId: ID, $kind: MeetingKind) {
    meetingStatistics(
      fromYear: $fromYear
      quarter: $quarter
      provinceId: $provinceId
      countyId: $countyId
      kind: $kind
    ) {
      provinceId
      countyId
      county {
        name
      }
      year
      quarter
      kind
      total
      planned
      held
      cancelled
      heldWithNgos
    }
  }
`;

export const MEETING_RHYTHM = /* GraphQL */ `
  query AnalyticsMeetingRhythm($year: Int!, $provinceId: ID, $countyId: ID, $kind: MeetingKind) {
    meetingMonthlyRhythm(year: $year, provinceId: $provinceId, countyId: $countyId, kind: $kind) {
      year
      month
      total
      planned
      held
      cancelled
      heldWithNgos
      ngosPresent
    }
  }
`;

export const COUNTIES_WITHOUT_MEETING = /* GraphQL */ `
  query AnalyticsCountiesWithoutMeeting($year: Int!, $quarter: Int!, $provinceId: ID) {
    countiesWithoutProblemCentredMeeting(year: $year, quarter: $quarter, provinceId: $provinceId) {
      id
      name
      province {
        name
      }
    }
  }
`;

export const RESOLUTION_COMPLETION = /* GraphQL */ `
  query AnalyticsResolutionCompletion($deadlineYear: Int, $provinceId: ID, $countyId: ID) {
    resolutionCompletionRates(deadlineYear: $deadlineYear, provinceId: $provinceId, countyId: $countyId) {
      ownerAgencyId
      ownerAgency {
        name
      }
      total
      done
      doneOnTime
      overdue
      pending
      completionRate
      onTimeRate
    }
  }
`;

export const OVERDUE_COUNTS = /* GraphQL */ `
  query AnalyticsOverdueCounts($provinceId: ID, $countyId: ID) {
    overdueResolutionCounts(provinceId: $provinceId, countyId: $countyId) {
      ownerAgencyId
      ownerManagerId
      ownerAgency {
        name
      }
      ownerManager {
        name
      }
      overdue
      oldestDeadline
    }
  }
`;

export const RESPONSE_TIMES = /* GraphQL */ `
  query AnalyticsResponseTimes($year: Int, $provinceId: ID, $countyId: ID) {
    responseTimes(year: $year, provinceId: $provinceId, countyId: $countyId) {
      agencyId
      agency {
        name
      }
      kind
      received
      answered
      answeredWithin30Days
      unanswered
      averageDays
      medianDays
    }
  }
`;

export const NGOS_WITHOUT_ENGAGEMENT = /* GraphQL */ `
  query AnalyticsNgosWithoutEngagement($year: Int, $provinceId: ID, $countyId: ID) {
    ngosWithoutEngagement(year: $year, provinceId: $provinceId, countyId: $countyId) {
      id
      name
      county {
        name
      }
    }
  }
`;

export const TRAINING_NEEDS = /* GraphQL */ `
  query AnalyticsTrainingNeeds($filter: TrainingNeedSummaryFilter, $byProvince: Boolean!, $limit: Int!) {
    trainingNeedSummary(filter: $filter, byProvince: $byProvince, limit: $limit) {
      topic
      topicKey
      provinceId
      province {
        name
      }
      ngoCount
      highUrgency
      mediumUrgency
      lowUrgency
    }
  }
`;

export const SOCIAL_HARMS = /* GraphQL */ `
  query AnalyticsSocialHarms($year: Int, $quarter: Int, $provinceId: ID, $countyId: ID, $limit: Int!) {
    socialHarmsMostDiscussed(
      year: $year
      quarter: $quarter
      provinceId: $provinceId
      countyId: $countyId
      limit: $limit
    ) {
      socialHarm {
        id
        name
      }
      agendaItems
      meetings
      ngos
    }
  }
`;

export const EXPIRING_LICENCES = /* GraphQL */ `
  query AnalyticsExpiringLicences($provinceId: ID, $countyId: ID) {
    expiringLicences(provinceId: $provinceId, countyId: $countyId, limit: 200) {
      totalCount
      items {
        id
        number
        expiresOn
        daysToExpiry
        ngo {
          id
          name
          county {
            name
          }
        }
      }
    }
  }
`;

export const NGO_COUNTS = /* GraphQL */ `
  query AnalyticsNgoCounts($groupBy: NgoCountDimension!, $filter: NgoFilter) {
    ngoCounts(groupBy: $groupBy, filter: $filter) {
      key
      label
      count
    }
  }
`;
