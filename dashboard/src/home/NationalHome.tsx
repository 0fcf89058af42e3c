import { useQuery } from "@tanstack/react-query";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { StatCard } from "../dashboard/StatCard";
import { HomeSection, LinkedBarChart, QueryState, TileRow } from "./HomeParts";
import { NATIONAL_HOME } from "./homeOperations";
import { listLink } from "./listLinks";
import type { JalaliQuarter } from "./period";
import { useGetList } from "react-admin";

interface NationalHomeData {
  ngoCounts: { key: string; label: string; count: number }[];
  meetingStatistics: { provinceId: string; kind: string; total: number; held: number; heldWithNgos: number }[];
  without: { id: string }[];
}

/** Analysts and administrators: national figures by province, each bar opening the province's list. */
export const NationalHome = ({ period }: { period: JalaliQuarter }) => {
  const dataProvider = useHamafzaDataProvider();
  const { data, isPending, error } = useQuery(
    graphqlQuery<NationalHomeData>(dataProvider, NATIONAL_HOME, { ...period }),
  );
  const { data: provinces = [] } = useGetList("provinces", {
    pagination: { page: 1, perPage: 50 },
    sort: { field: "name", order: "ASC" },
  });
  const name = (id: string) => provinces.find((province) => province.id === id)?.name ?? id;
  const held = new Map<string, number>();
  for (const row of data?.meetingStatistics ?? []) held.set(row.provinceId, (held.get(row.provinceId) ?? 0) + row.held);
  const without = new Map<string, number>();
  for (const county of data?.without ?? []) {
    const province = county.id.slice(0, 2);
    without.set(province, (without.get(province) ?? 0) + 1);
  }
  const byValue = <T extends { value: number }>(rows: T[]) => rows.sort((a, b) => b.value - a.value);
  const periodFilter = { jalaliYear: period.year, jalaliQuarter: period.quarter };
  return (
    <>
      <QueryState isPending={isPending} error={error} />
      <TileRow>
        <StatCard resource="ngos" label="hamafza.dashboard.ngos" sortField="name" />
        <StatCard
          resource="meetings"
          label="hamafza.home.meetingsInQuarter"
          sortField="scheduledAt"
          filter={periodFilter}
        />
        <StatCard
          resource="resolutions"
          label="hamafza.home.overdueResolutions"
          sortField="deadline"
          filter={{ overdue: true }}
        />
        <StatCard
          resource="licences"
          label="hamafza.dashboard.licencesExpiring"
          sortField="expiresOn"
          filter={{ states: ["EXPIRING"], currentOnly: true }}
        />
      </TileRow>
      {data && (
        <>
          <HomeSection title="hamafza.home.ngosByProvince" testId="home-ngos-by-province">
            <LinkedBarChart
              rows={data.ngoCounts.map((row) => ({
                key: row.key,
                label: row.label,
                value: row.count,
                to: listLink("ngos", { provinceId: row.key }),
              }))}
              valueLabel="hamafza.home.ngoCount"
              testId="chart-provinces"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.meetingsByProvince" testId="home-meetings-by-province">
            <LinkedBarChart
              rows={byValue(
                [...held].map(([provinceId, value]) => ({
                  key: provinceId,
                  label: name(provinceId),
                  value,
                  to: listLink("meetings", { provinceId, status: "HELD", ...periodFilter }, "scheduledAt DESC"),
                })),
              )}
              valueLabel="hamafza.home.heldMeetings"
              testId="chart-meetings"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.withoutByProvince" testId="home-without-by-province">
            <LinkedBarChart
              rows={byValue(
                [...without].map(([provinceId, value]) => ({
                  key: provinceId,
                  label: name(provinceId),
                  value,
                  to: listLink("counties", {
                    ids: data.without.filter((county) => county.id.startsWith(provinceId)).map((county) => county.id),
                  }),
                })),
              )}
              valueLabel="hamafza.home.counties"
              testId="chart-without"
            />
          </HomeSection>
        </>
      )}
    </>
  );
};
