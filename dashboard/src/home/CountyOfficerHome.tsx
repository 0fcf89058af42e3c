import Alert from "@mui/material/Alert";
import Chip from "@mui/material/Chip";
import List from "@mui/material/List";
import Typography from "@mui/material/Typography";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import { useQuery } from "@tanstack/react-query";
import { LinkBase, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { StatCard } from "../dashboard/StatCard";
import { HomeSection, QueryState, TileRow } from "./HomeParts";
import { COUNTY_HOME } from "./homeOperations";
import { listLink, showLink } from "./listLinks";
import { daysLeftInQuarter, type JalaliQuarter } from "./period";

interface CountyHomeData {
  overdue: {
    totalCount: number;
    items: {
      id: string;
      text: string;
      deadline: string;
      daysOverdue: number | null;
      ownerAgency: { name: string } | null;
    }[];
  };
  without: { id: string; name: string }[];
  next: { totalCount: number; items: { id: string; title: string; scheduledAt: string }[] };
  neverEngaged: { id: string; name: string }[];
}

const PROBLEM_CENTRED = "QUARTERLY_PROBLEM_CENTRED";

/** A county officer's work waiting, for the county of their account (the server applies the territory). */
export const CountyOfficerHome = ({ period, countyId }: { period: JalaliQuarter; countyId: string | null }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  // The start of the current minute: the next meetings from now, with a key that changes once a minute at most.
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const { data, isPending, error } = useQuery(
    graphqlQuery<CountyHomeData>(dataProvider, COUNTY_HOME, { ...period, from }),
  );
  const neverEngagedText =
    data &&
    translate("hamafza.home.neverEngagedCount", {
      count: formatPersianNumber(data.neverEngaged.length),
      year: toPersianDigits(period.year),
    });
  const held = data ? !data.without.some((county) => county.id === countyId) : undefined;
  const daysLeft = daysLeftInQuarter(period);
  const quarterMeetings = listLink(
    "meetings",
    { kind: PROBLEM_CENTRED, jalaliYear: period.year, jalaliQuarter: period.quarter },
    "scheduledAt DESC",
  );
  return (
    <>
      <QueryState isPending={isPending} error={error} />
      <TileRow>
        <StatCard
          resource="resolutions"
          label="hamafza.home.overdueResolutions"
          sortField="deadline"
          filter={{ overdue: true }}
        />
        <StatCard
          resource="proposals"
          label="hamafza.home.unansweredProposals"
          sortField="submittedOn"
          filter={{ answered: false }}
        />
        <StatCard
          resource="demands"
          label="hamafza.home.unansweredDemands"
          sortField="raisedOn"
          filter={{ answered: false }}
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
          <HomeSection title="hamafza.home.quarterMeeting" testId="home-quarter-meeting">
            <Alert
              severity={held ? "success" : daysLeft > 0 ? "warning" : "error"}
              action={<LinkBase to={quarterMeetings}>{translate("hamafza.home.showMeetings")}</LinkBase>}
            >
              {held
                ? translate("hamafza.home.meetingHeld")
                : translate("hamafza.home.meetingNotHeld", { days: formatPersianNumber(daysLeft) })}
            </Alert>
          </HomeSection>
          <HomeSection title="hamafza.home.oldestOverdue" testId="home-oldest-overdue">
            {data.overdue.items.length === 0 ? (
              <Alert severity="success">{translate("hamafza.home.noOverdue")}</Alert>
            ) : (
              <List dense disablePadding>
                {data.overdue.items.map((resolution) => (
                  <ListItemButton key={resolution.id} component={LinkBase} to={showLink("resolutions", resolution.id)}>
                    <ListItemText
                      primary={resolution.text}
                      secondary={translate("hamafza.home.overdueSince", {
                        date: formatJalali(resolution.deadline),
                        days: formatPersianNumber(resolution.daysOverdue ?? 0),
                        owner: resolution.ownerAgency?.name ?? "—",
                      })}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </HomeSection>
          <HomeSection title="hamafza.home.nextMeetings" testId="home-next-meetings">
            {data.next.items.length === 0 ? (
              <Alert severity="info">{translate("hamafza.home.noNextMeetings")}</Alert>
            ) : (
              <List dense disablePadding>
                {data.next.items.map((meeting) => (
                  <ListItemButton key={meeting.id} component={LinkBase} to={showLink("meetings", meeting.id)}>
                    <ListItemText
                      primary={meeting.title}
                      secondary={formatJalali(meeting.scheduledAt, { showTime: true })}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </HomeSection>
          <HomeSection title="hamafza.home.neverEngaged" testId="home-never-engaged">
            {data.neverEngaged.length > 0 ? (
              <LinkBase
                to={listLink("ngos", { ids: data.neverEngaged.map((ngo) => ngo.id) })}
                data-testid="home-never-engaged-count"
              >
                {neverEngagedText}
              </LinkBase>
            ) : (
              <Typography variant="body2" data-testid="home-never-engaged-count">
                {neverEngagedText}
              </Typography>
            )}
            <div>
              {data.neverEngaged.slice(0, 12).map((ngo) => (
                <Chip
                  key={ngo.id}
                  size="small"
                  label={ngo.name}
                  component={LinkBase}
                  to={showLink("ngos", ngo.id)}
                  clickable
                  sx={{ m: 0.25 }}
                />
              ))}
            </div>
          </HomeSection>
        </>
      )}
    </>
  );
};
