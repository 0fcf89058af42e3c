import { useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import {
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
  type RaRecord,
  useTranslate,
} from "react-admin";
import { formatJalali } from "../common/jalali";
import { JalaliDateField } from "../common/JalaliDateField";
import { toPersianDigits } from "../common/persianDigits";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { FollowUpChip, FollowUpStatusInput } from "../engagement/engagementEnums";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { OVERDUE_RESOLUTIONS } from "./resolutionOperations";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

interface Named {
  id: string;
  name?: string;
  title?: string;
}

interface OverdueData {
  overdueResolutions: {
    totalCount: number;
    items: {
      id: string;
      text: string;
      deadline: string;
      daysOverdue: number;
      meeting?: Named;
      ownerAgency?: Named;
      ownerManager?: Named;
    }[];
  };
  overdueResolutionCounts: { ownerAgency?: Named; ownerManager?: Named; overdue: number; oldestDeadline: string }[];
}

const owner = (row: { ownerAgency?: Named; ownerManager?: Named }) =>
  [row.ownerAgency?.name, row.ownerManager?.name].filter(Boolean).join(" / ") || "—";

/** Overdue resolutions first: longest overdue at the top, and how many each owner has. */
const OverduePanel = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error, isPending } = useQuery(graphqlQuery<OverdueData>(dataProvider, OVERDUE_RESOLUTIONS));
  return (
    <Card variant="outlined" sx={{ mb: 2, mt: 1, overflowX: "auto" }} data-testid="overdue-resolutions">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate("hamafza.resolutions.overdue")}{" "}
          {data ? `(${toPersianDigits(data.overdueResolutions.totalCount)})` : ""}
        </Typography>
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && data.overdueResolutions.totalCount === 0 && (
          <Alert severity="success">{translate("hamafza.resolutions.noOverdue")}</Alert>
        )}
        {data && data.overdueResolutions.totalCount > 0 && (
          <Stack direction={{ xs: "column", lg: "row" }} gap={2} alignItems="flex-start">
            <Table size="small" sx={{ flex: 3 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate("hamafza.common.resolution")}</TableCell>
                  <TableCell>{translate("hamafza.common.meeting")}</TableCell>
                  <TableCell>{translate("hamafza.common.responsible")}</TableCell>
                  <TableCell>{translate("hamafza.common.deadline")}</TableCell>
                  <TableCell>{translate("hamafza.resolutions.delay")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.overdueResolutions.items.map((row) => (
                  <TableRow key={row.id} hover>
                    <TableCell>
                      <Link href={`#/resolutions/${row.id}/show`}>{row.text}</Link>
                    </TableCell>
                    <TableCell>
                      {row.meeting ? <Link href={`#/meetings/${row.meeting.id}/show`}>{row.meeting.title}</Link> : "—"}
                    </TableCell>
                    <TableCell>{owner(row)}</TableCell>
                    <TableCell>{formatJalali(row.deadline)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color="error"
                        label={translate("hamafza.resolutions.days", { days: row.daysOverdue })}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Table size="small" sx={{ flex: 2 }} aria-label={translate("hamafza.resolutions.overdueByOwner")}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate("hamafza.common.responsible")}</TableCell>
                  <TableCell>{translate("hamafza.resolutions.overdueCount")}</TableCell>
                  <TableCell>{translate("hamafza.resolutions.oldestDeadline")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.overdueResolutionCounts.map((row, index) => (
                  <TableRow key={index}>
                    <TableCell>{owner(row)}</TableCell>
                    <TableCell>{toPersianDigits(row.overdue)}</TableCell>
                    <TableCell>{formatJalali(row.oldestDeadline)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

const resolutionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <FollowUpStatusInput key="followUpStatus" source="followUpStatus" alwaysOn />,
  ...jalaliPeriodFilters(true),
  <NullableBooleanInput key="overdue" source="overdue" />,
  <ReferenceFilterInput key="ownerAgencyId" source="ownerAgencyId" reference="agencies" />,
  <ReferenceFilterInput key="ownerManagerId" source="ownerManagerId" reference="managers" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** The follow-up board: overdue resolutions first, then every resolution with its follow-up state. */
export const ResolutionList = () => (
  <>
    <OverduePanel />
    <List
      actions={<ListActions />}
      filters={resolutionFilters}
      sort={{ field: "deadline", order: "ASC" }}
      title="hamafza.resolutions.followUp"
    >
      <ResponsiveDatagrid
        rowClick="show"
        bulkActionButtons={false}
        primaryText={(record: RaRecord) => record.text}
        secondaryText={<JalaliDateField source="deadline" emptyText="—" />}
        tertiaryText={<FollowUpChip source="followUpStatus" />}
      >
        <TextField source="text" />
        <ReferenceField source="meetingId" reference="meetings" link="show" sortable={false} />
        <ReferenceField source="ownerAgencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
        <ReferenceField source="ownerManagerId" reference="managers" link={false} sortable={false} emptyText="—" />
        <JalaliDateField source="deadline" emptyText="—" />
        <FollowUpChip source="followUpStatus" sortable={false} />
        <FunctionField
          source="daysOverdue"
          sortable={false}
          render={(record: RaRecord) => (record.daysOverdue ? toPersianDigits(record.daysOverdue) : "")}
        />
      </ResponsiveDatagrid>
    </List>
  </>
);
