import Chip from "@mui/material/Chip";
import { useQuery } from "@tanstack/react-query";
import { LinkBase, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatPersianNumber } from "../common/persianDigits";
import { StatCard } from "../dashboard/StatCard";
import { PARALLEL_WORK_PATH } from "../registry/paths";
import { analyticsPath } from "../analytics/analyticsPaths";
import { HomeSection, LinkedBarChart, NumberTile, QueryState, TileRow } from "./HomeParts";
import { MeetingHeatTable, type QuarterCount } from "./MeetingHeatTable";
import { PROVINCE_HOME } from "./homeOperations";
import { listLink } from "./listLinks";
import { agencyRows, responseRows } from "./homeRows";
import type { JalaliQuarter } from "./period";

export interface ProvinceHomeData {
  meetingStatistics: QuarterCount[];
  without: { id: string; name: string }[];
  overdueResolutionCounts: { ownerAgencyId: string | null; ownerAgency: { name: string } | null; overdue: number }[];
  responseTimes: {
    agencyId: string | null;
    agency: { name: string } | null;
    kind: "PROPOSAL" | "DEMAND";
    received: number;
    answered: number;
    averageDays: number | null;
  }[];
  byField: { key: string | null; label: string; count: number }[];
  byLicence: { key: string | null; label: string; count: number }[];
  trainingNeedSummary: { topic: string; topicKey: string; ngoCount: number }[];
  parallelWork: { countyId: string }[];
}

const days = (value: number) => formatPersianNumber(Math.round(value * 10) / 10);

/** A province officer's quarter: the province's counties on one screen (the server applies the territory). */
export const ProvinceOfficerHome = ({ period, provinceId }: { period: JalaliQuarter; provinceId: string | null }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const province = provinceId ?? undefined;
  const { data, isPending, error } = useQuery(
    graphqlQuery<ProvinceHomeData>(dataProvider, PROVINCE_HOME, { ...period, provinceId: province }),
  );
  const unknown = translate("hamafza.home.unknown");
  return (
    <>
      <QueryState isPending={isPending} error={error} />
      <TileRow>
        <StatCard resource="ngos" label="hamafza.dashboard.ngos" sortField="name" />
        <StatCard
          resource="resolutions"
          label="hamafza.home.overdueResolutions"
          sortField="deadline"
          filter={{ overdue: true }}
        />
        {data && (
          <NumberTile
            label="hamafza.home.countiesWithoutMeeting"
            value={data.without.length}
            to={
              data.without.length
                ? listLink("counties", { ids: data.without.map((county) => county.id) })
                : // None without: the quarter's meetings that count, one per county at least.
                  listLink(
                    "meetings",
                    {
                      provinceId: province,
                      kind: "QUARTERLY_PROBLEM_CENTRED",
                      status: "HELD",
                      withNgos: true,
                      jalaliYear: period.year,
                      jalaliQuarter: period.quarter,
                    },
                    "scheduledAt DESC",
                  )
            }
            testId="home-without-meeting"
          />
        )}
        {data && (
          <NumberTile
            label="hamafza.home.parallelWork"
            value={data.parallelWork.length}
            to={PARALLEL_WORK_PATH}
            testId="home-parallel-work"
          />
        )}
      </TileRow>
      {data && (
        <>
          <HomeSection title="hamafza.home.heatTable" testId="home-heat" wide>
            <MeetingHeatTable year={period.year} provinceId={province} rows={data.meetingStatistics} />
            {data.without.length > 0 && (
              <div>
                {data.without.map((county) => (
                  <Chip
                    key={county.id}
                    size="small"
                    color="error"
                    variant="outlined"
                    label={county.name}
                    component={LinkBase}
                    to={listLink("meetings", { countyId: county.id, jalaliYear: period.year }, "scheduledAt DESC")}
                    clickable
                    sx={{ m: 0.25 }}
                  />
                ))}
              </div>
            )}
          </HomeSection>
          <HomeSection title="hamafza.home.overdueByAgency" testId="home-overdue-by-agency">
            <LinkedBarChart
              rows={agencyRows(data.overdueResolutionCounts, unknown)}
              valueLabel="hamafza.home.overdueResolutions"
              testId="chart-overdue"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.responseTimes" testId="home-response-times">
            <LinkedBarChart
              rows={responseRows(data.responseTimes, unknown, translate)}
              valueLabel="hamafza.home.averageDays"
              format={days}
              testId="chart-response"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.ngosByField" testId="home-ngos-by-field">
            <LinkedBarChart
              rows={data.byField.map((row) => ({
                key: row.key ?? "none",
                label: row.label,
                value: row.count,
                to: listLink("ngos", { provinceId: province, fieldId: row.key }),
              }))}
              valueLabel="hamafza.home.ngoCount"
              testId="chart-field"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.ngosByLicence" testId="home-ngos-by-licence">
            <LinkedBarChart
              rows={data.byLicence.map((row) => ({
                key: row.key ?? "none",
                label: row.label,
                value: row.count,
                to: listLink("ngos", { provinceId: province, licenceState: row.key }),
              }))}
              valueLabel="hamafza.home.ngoCount"
              testId="chart-licence"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.trainingNeeds" testId="home-training-needs">
            <LinkedBarChart
              rows={data.trainingNeedSummary.map((row) => ({
                key: row.topicKey,
                label: row.topic,
                value: row.ngoCount,
                to: analyticsPath("trainingNeeds", { provinceId: province, q: row.topic }),
              }))}
              valueLabel="hamafza.home.ngoCount"
              testId="chart-training"
            />
          </HomeSection>
        </>
      )}
    </>
  );
};
