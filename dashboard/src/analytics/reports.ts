import { listLink } from "../home/listLinks";
import { currentJalaliQuarter } from "../home/period";
import {
  COUNTIES_WITHOUT_MEETING,
  EXPIRING_LICENCES,
  MEETING_RHYTHM,
  MEETING_STATISTICS,
  NGO_COUNTS,
  NGOS_WITHOUT_ENGAGEMENT,
  OVERDUE_COUNTS,
  RESOLUTION_COMPLETION,
  RESPONSE_TIMES,
  SOCIAL_HARMS,
  TRAINING_NEEDS,
} from "./analyticsOperations";
import { definedArgs, type Report, type ReportFilters } from "./reportTypes";

/* eslint-disable @typescript-eslint/no-explicit-any -- each report reads its own query's rows */
type Row = any;

const territory = (f: ReportFilters) => ({ provinceId: f.provinceId, countyId: f.countyId });
const H = (name: string) => `hamafza.analytics.columns.${name}`;

/** The analytics screens, in menu order. */
export const REPORTS: readonly Report<Row>[] = [
  {
    key: "meetingStatistics",
    title: "hamafza.analytics.reports.meetingStatistics.title",
    description: "hamafza.analytics.reports.meetingStatistics.description",
    filters: ["territory", "year", "quarter", "kind"],
    query: MEETING_STATISTICS,
    list: "meetingStatistics",
    args: (f) => definedArgs({ fromYear: f.year, quarter: f.quarter, kind: f.kind, ...territory(f) }),
    columns: [
      { header: H("county"), value: (r) => r.county?.name ?? r.countyId ?? r.provinceId, field: "county.name" },
      { header: H("quarter"), value: (r) => r.quarter, kind: "number", field: "quarter" },
      { header: H("kind"), value: (r) => r.kind, kind: "meetingKind", field: "kind" },
      { header: H("total"), value: (r) => r.total, kind: "number", field: "total" },
      { header: H("held"), value: (r) => r.held, kind: "number", field: "held" },
      { header: H("heldWithNgos"), value: (r) => r.heldWithNgos, kind: "number", field: "heldWithNgos" },
      { header: H("cancelled"), value: (r) => r.cancelled, kind: "number", field: "cancelled" },
    ],
    chart: {
      label: (r) => r.county?.name ?? r.countyId ?? r.provinceId,
      value: (r) => r.held,
      valueLabel: H("held"),
      sum: true,
      to: (r, f) =>
        listLink(
          "meetings",
          {
            provinceId: r.provinceId,
            countyId: r.countyId,
            kind: f.kind,
            status: "HELD",
            jalaliYear: f.year,
            jalaliQuarter: f.quarter,
          },
          "scheduledAt DESC",
        ),
    },
    rowKey: (r) => `${r.provinceId}-${r.countyId}-${r.quarter}-${r.kind}`,
  },
  {
    key: "meetingRhythm",
    title: "hamafza.analytics.reports.meetingRhythm.title",
    description: "hamafza.analytics.reports.meetingRhythm.description",
    filters: ["territory", "year", "kind"],
    query: MEETING_RHYTHM,
    list: "meetingMonthlyRhythm",
    args: (f) => definedArgs({ year: f.year, kind: f.kind ?? "NGO_EXCHANGE", ...territory(f) }),
    columns: [
      { header: H("month"), value: (r, t) => t(`hamafza.analytics.months.${r.month}`), field: "month" },
      { header: H("total"), value: (r) => r.total, kind: "number", field: "total" },
      { header: H("held"), value: (r) => r.held, kind: "number", field: "held" },
      { header: H("heldWithNgos"), value: (r) => r.heldWithNgos, kind: "number", field: "heldWithNgos" },
      { header: H("ngosPresent"), value: (r) => r.ngosPresent, kind: "number", field: "ngosPresent" },
      { header: H("cancelled"), value: (r) => r.cancelled, kind: "number", field: "cancelled" },
    ],
    chart: {
      label: (r, t) => t(`hamafza.analytics.months.${r.month}`),
      value: (r) => r.held,
      valueLabel: H("held"),
      to: (_r, f) =>
        listLink(
          "meetings",
          { ...territory(f), kind: f.kind ?? "NGO_EXCHANGE", status: "HELD", jalaliYear: f.year },
          "scheduledAt DESC",
        ),
    },
    rowKey: (r) => String(r.month),
  },
  {
    key: "countiesWithoutMeeting",
    title: "hamafza.analytics.reports.countiesWithoutMeeting.title",
    description: "hamafza.analytics.reports.countiesWithoutMeeting.description",
    filters: ["territory", "year", "requiredQuarter"],
    query: COUNTIES_WITHOUT_MEETING,
    list: "countiesWithoutProblemCentredMeeting",
    args: (f) =>
      definedArgs({ year: f.year, quarter: f.quarter ?? currentJalaliQuarter().quarter, provinceId: f.provinceId }),
    columns: [
      { header: H("county"), value: (r) => r.name, field: "name" },
      { header: H("code"), value: (r) => r.id, field: "id" },
      { header: H("province"), value: (r) => r.province?.name, field: "province.name" },
    ],
    chart: {
      label: (r) => r.province?.name ?? r.id.slice(0, 2),
      value: () => 1,
      valueLabel: H("counties"),
      sum: true,
    },
    rowKey: (r) => r.id,
  },
  {
    key: "resolutionCompletion",
    title: "hamafza.analytics.reports.resolutionCompletion.title",
    description: "hamafza.analytics.reports.resolutionCompletion.description",
    filters: ["territory", "optionalYear"],
    query: RESOLUTION_COMPLETION,
    list: "resolutionCompletionRates",
    args: (f) => definedArgs({ deadlineYear: f.year || undefined, ...territory(f) }),
    columns: [
      { header: H("agency"), value: (r) => r.ownerAgency?.name, field: "ownerAgency.name" },
      { header: H("total"), value: (r) => r.total, kind: "number", field: "total" },
      { header: H("done"), value: (r) => r.done, kind: "number", field: "done" },
      { header: H("doneOnTime"), value: (r) => r.doneOnTime, kind: "number", field: "doneOnTime" },
      { header: H("overdue"), value: (r) => r.overdue, kind: "number", field: "overdue" },
      { header: H("completionRate"), value: (r) => r.completionRate, kind: "percent", field: "completionRate" },
      { header: H("onTimeRate"), value: (r) => r.onTimeRate, kind: "percent", field: "onTimeRate" },
    ],
    chart: {
      label: (r, t) => r.ownerAgency?.name ?? t("hamafza.home.unknown"),
      value: (r) => Math.round((r.completionRate ?? 0) * 1000) / 10,
      valueLabel: H("completionRate"),
      to: (r, f) => listLink("resolutions", { ...territory(f), ownerAgencyId: r.ownerAgencyId }),
    },
    rowKey: (r, i) => r.ownerAgencyId ?? `none-${i}`,
  },
  {
    key: "overdueResolutions",
    title: "hamafza.analytics.reports.overdueResolutions.title",
    description: "hamafza.analytics.reports.overdueResolutions.description",
    filters: ["territory"],
    query: OVERDUE_COUNTS,
    list: "overdueResolutionCounts",
    args: (f) => definedArgs(territory(f)),
    columns: [
      { header: H("agency"), value: (r) => r.ownerAgency?.name, field: "ownerAgency.name" },
      { header: H("manager"), value: (r) => r.ownerManager?.name, field: "ownerManager.name" },
      { header: H("overdue"), value: (r) => r.overdue, kind: "number", field: "overdue" },
      { header: H("oldestDeadline"), value: (r) => r.oldestDeadline, kind: "date", field: "oldestDeadline" },
    ],
    chart: {
      label: (r, t) => r.ownerAgency?.name ?? r.ownerManager?.name ?? t("hamafza.home.unknown"),
      value: (r) => r.overdue,
      valueLabel: H("overdue"),
      sum: true,
      to: (r, f) =>
        listLink("resolutions", {
          ...territory(f),
          overdue: true,
          ownerAgencyId: r.ownerAgencyId,
          ownerManagerId: r.ownerAgencyId ? undefined : r.ownerManagerId,
        }),
    },
    rowKey: (r, i) => `${r.ownerAgencyId}-${r.ownerManagerId}-${i}`,
  },
  {
    key: "responseTimes",
    title: "hamafza.analytics.reports.responseTimes.title",
    description: "hamafza.analytics.reports.responseTimes.description",
    filters: ["territory", "optionalYear"],
    query: RESPONSE_TIMES,
    list: "responseTimes",
    args: (f) => definedArgs({ year: f.year || undefined, ...territory(f) }),
    columns: [
      { header: H("agency"), value: (r) => r.agency?.name, field: "agency.name" },
      {
        header: H("kind"),
        value: (r, t) => t(`hamafza.home.kinds.${r.kind}`),
        field: "kind",
        labels: (t) => ({ PROPOSAL: t("hamafza.home.kinds.PROPOSAL"), DEMAND: t("hamafza.home.kinds.DEMAND") }),
      },
      { header: H("received"), value: (r) => r.received, kind: "number", field: "received" },
      { header: H("answered"), value: (r) => r.answered, kind: "number", field: "answered" },
      { header: H("within30"), value: (r) => r.answeredWithin30Days, kind: "number", field: "answeredWithin30Days" },
      { header: H("averageDays"), value: (r) => r.averageDays, kind: "days", field: "averageDays" },
      { header: H("medianDays"), value: (r) => r.medianDays, kind: "days", field: "medianDays" },
    ],
    chart: {
      label: (r, t) => `${r.agency?.name ?? t("hamafza.home.unknown")} — ${t(`hamafza.home.kinds.${r.kind}`)}`,
      value: (r) => r.averageDays ?? 0,
      valueLabel: H("averageDays"),
      to: (r, f) =>
        listLink(r.kind === "PROPOSAL" ? "proposals" : "demands", { ...territory(f), agencyId: r.agencyId }),
    },
    rowKey: (r, i) => `${r.agencyId}-${r.kind}-${i}`,
  },
  {
    key: "ngosWithoutEngagement",
    title: "hamafza.analytics.reports.ngosWithoutEngagement.title",
    description: "hamafza.analytics.reports.ngosWithoutEngagement.description",
    filters: ["territory", "optionalYear"],
    query: NGOS_WITHOUT_ENGAGEMENT,
    list: "ngosWithoutEngagement",
    args: (f) => definedArgs({ year: f.year || undefined, ...territory(f) }),
    columns: [
      { header: H("ngo"), value: (r) => r.name, field: "name" },
      { header: H("county"), value: (r) => r.county?.name, field: "county.name" },
    ],
    chart: { label: (r) => r.county?.name ?? "—", value: () => 1, valueLabel: H("ngos"), sum: true },
    rowKey: (r) => r.id,
  },
  {
    key: "trainingNeeds",
    title: "hamafza.analytics.reports.trainingNeeds.title",
    description: "hamafza.analytics.reports.trainingNeeds.description",
    filters: ["territory", "q"],
    query: TRAINING_NEEDS,
    list: "trainingNeedSummary",
    args: (f) => ({ filter: definedArgs({ ...territory(f), q: f.q }), byProvince: true, limit: 1000 }),
    columns: [
      { header: H("topic"), value: (r) => r.topic, field: "topic" },
      { header: H("province"), value: (r) => r.province?.name, field: "province.name" },
      { header: H("ngos"), value: (r) => r.ngoCount, kind: "number", field: "ngoCount" },
      { header: H("high"), value: (r) => r.highUrgency, kind: "number", field: "highUrgency" },
      { header: H("medium"), value: (r) => r.mediumUrgency, kind: "number", field: "mediumUrgency" },
      { header: H("low"), value: (r) => r.lowUrgency, kind: "number", field: "lowUrgency" },
    ],
    chart: { label: (r) => r.topic, value: (r) => r.ngoCount, valueLabel: H("ngos"), sum: true },
    rowKey: (r) => `${r.topicKey}-${r.provinceId}`,
  },
  {
    key: "socialHarms",
    title: "hamafza.analytics.reports.socialHarms.title",
    description: "hamafza.analytics.reports.socialHarms.description",
    filters: ["territory", "optionalYear", "quarter"],
    query: SOCIAL_HARMS,
    list: "socialHarmsMostDiscussed",
    args: (f) =>
      definedArgs({ year: f.year || undefined, quarter: f.year ? f.quarter : undefined, limit: 100, ...territory(f) }),
    columns: [
      { header: H("socialHarm"), value: (r) => r.socialHarm.name, field: "socialHarm.name" },
      { header: H("meetings"), value: (r) => r.meetings, kind: "number", field: "meetings" },
      { header: H("agendaItems"), value: (r) => r.agendaItems, kind: "number", field: "agendaItems" },
      { header: H("ngos"), value: (r) => r.ngos, kind: "number", field: "ngos" },
    ],
    chart: { label: (r) => r.socialHarm.name, value: (r) => r.meetings, valueLabel: H("meetings") },
    rowKey: (r) => r.socialHarm.id,
  },
  {
    key: "expiringLicences",
    title: "hamafza.analytics.reports.expiringLicences.title",
    description: "hamafza.analytics.reports.expiringLicences.description",
    filters: ["territory"],
    query: EXPIRING_LICENCES,
    list: "expiringLicences",
    paged: true,
    args: (f) => definedArgs(territory(f)),
    columns: [
      { header: H("ngo"), value: (r) => r.ngo?.name, field: "ngo.name" },
      { header: H("county"), value: (r) => r.ngo?.county?.name, field: "ngo.county.name" },
      { header: H("licenceNumber"), value: (r) => r.number, field: "number" },
      { header: H("expiresOn"), value: (r) => r.expiresOn, kind: "date", field: "expiresOn" },
      { header: H("daysToExpiry"), value: (r) => r.daysToExpiry, kind: "number", field: "daysToExpiry" },
    ],
    chart: {
      label: (r) => r.ngo?.county?.name ?? "—",
      value: () => 1,
      valueLabel: H("licences"),
      sum: true,
    },
    rowKey: (r) => r.id,
  },
  {
    key: "ngoCounts",
    title: "hamafza.analytics.reports.ngoCounts.title",
    description: "hamafza.analytics.reports.ngoCounts.description",
    filters: ["territory", "groupBy"],
    query: NGO_COUNTS,
    list: "ngoCounts",
    args: (f) => ({ groupBy: f.groupBy ?? "FIELD", filter: definedArgs(territory(f)) }),
    columns: [
      { header: H("group"), value: (r) => r.label, field: "label" },
      { header: H("ngos"), value: (r) => r.count, kind: "number", field: "count" },
    ],
    chart: {
      label: (r) => r.label,
      value: (r) => r.count,
      valueLabel: H("ngos"),
      to: (r, f) => {
        const key = { PROVINCE: "provinceId", COUNTY: "countyId", FIELD: "fieldId", LICENCE_STATE: "licenceState" }[
          f.groupBy ?? "FIELD"
        ];
        const by = key ?? (f.groupBy === "STATUS" ? "status" : "scope");
        return listLink("ngos", { ...territory(f), [by]: r.key });
      },
    },
    rowKey: (r, i) => `${r.key}-${i}`,
  },
];

export const reportByKey = (key: string | undefined) => REPORTS.find((report) => report.key === key);
