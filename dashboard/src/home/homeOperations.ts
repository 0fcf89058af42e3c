/**
 * The per-role home pages' GraphQL operations. Territory is the server's: each query answers for the signed-in
 * user's county, province or the whole country, so the home shows what the lists behind it show.
 */

/** A county officer's day: overdue resolutions (oldest first), this quarter's meeting, next meetings, waiting items. */
export const COUNTY_HOME = /* GraphQL */ `
  query CountyHome($year: Int!, $quarter: Int!, $from: DateTimeISO!) {
    overdue: overdueResolutions(limit: 5) {
      totalCount
      items {
        id
        text
        deadline
        daysOverdue
        ownerAgency {
          id
          name
        }
      }
    }
    without: countiesWithoutProblemCentredMeeting(year: $year, quarter: $quarter) {
      id
      name
    }
    next: meetings(filter: { status: PLANNED, from: $from }, sort: { field: "scheduledAt", order: ASC }, limit: 5) {
      totalCount
      items {
        id
        title
        kind
        scheduledAt
      }
    }
    neverEngaged: ngosWithoutEngagement(year: $year) {
      id
      name
    }
  }
`;

/** A province officer's quarter: meetings per county and quarter, overdue and response times by agency, NGOs. */
export const PROVINCE_HOME = /* GraphQL */ `
  query ProvinceHome($year: Int!, $quarter: Int!, $provinceId: ID) {
    meetingStatistics(fromYear: $year, kind: QUARTERLY_PROBLEM_CENTRED, provinceId: $provinceId, groupBy: COUNTY) {
      countyId
      quarter
      held
      heldWithNgos
    }
    without: countiesWithoutProblemCentredMeeting(year: $year, quarter: $quarter, provinceId: $provinceId) {
      id
      name
    }
    overdueResolutionCounts(provinceId: $provinceId) {
      ownerAgencyId
      ownerAgency {
        id
        name
      }
      overdue
    }
    responseTimes(provinceId: $provinceId, year: $year) {
      agencyId
      agency {
        id
        name
      }
      kind
      received
      answered
      averageDays
    }
    byField: ngoCounts(groupBy: FIELD, filter: { provinceId: $provinceId }) {
      key
      label
      count
    }
    byLicence: ngoCounts(groupBy: LICENCE_STATE, filter: { provinceId: $provinceId }) {
      key
      label
      count
    }
    trainingNeedSummary(byProvince: false, limit: 10, filter: { provinceId: $provinceId }) {
      topic
      topicKey
      ngoCount
    }
    parallelWork(provinceId: $provinceId, limit: 200) {
      countyId
    }
  }
`;

/** The evaluator's cycle: its state, the last run, the grade distribution and the ranking. */
export const EVALUATOR_HOME = /* GraphQL */ `
  query EvaluatorHome($year: Int!) {
    evaluationCycles(limit: 100) {
      items {
        id
        year
        state
        publishedAt
      }
    }
    evaluationRuns(year: $year) {
      id
      status
      computedAt
      finishedAt
      managersScored
    }
    evaluationGradeDistribution(filter: { year: $year }) {
      grade
      count
    }
    ranking: evaluationResults(filter: { year: $year }, sort: { field: "total", order: DESC }, limit: 200) {
      totalCount
      items {
        id
        managerName
        position
        total
        grade
        nationalRank
        adjustment {
          id
        }
      }
    }
  }
`;

/** National figures by province for analysts and administrators. */
export const NATIONAL_HOME = /* GraphQL */ `
  query NationalHome($year: Int!, $quarter: Int!) {
    ngoCounts(groupBy: PROVINCE) {
      key
      label
      count
    }
    meetingStatistics(fromYear: $year, quarter: $quarter, groupBy: PROVINCE) {
      provinceId
      kind
      total
      held
      heldWithNgos
    }
    without: countiesWithoutProblemCentredMeeting(year: $year, quarter: $quarter) {
      id
    }
  }
`;
