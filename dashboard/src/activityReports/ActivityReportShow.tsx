import CheckIcon from "@mui/icons-material/Check";
import ReplayIcon from "@mui/icons-material/Replay";
import {
  EditButton,
  ReferenceArrayField,
  ReferenceField,
  required,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  ChipField,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from "react-admin";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { ActionDialogButton } from "../common/ActionDialog";
import { PersianNumberField } from "../common/PersianNumberField";
import { JalaliDateField } from "../common/JalaliDateField";
import { useGraphQL } from "../common/graphqlOperations";
import { ActivityReportStatusChip, BudgetBandField } from "./activityReportEnums";
import { REVIEW_ACTIVITY_REPORT } from "./activityReportOperations";

/** Review of a submitted report: accept, or return it for correction with a note. */
const ReviewButtons = () => {
  const record = useRecordContext();
  const graphql = useGraphQL();
  if (record?.status !== "SUBMITTED") return null;
  const review = (decision: string, note?: unknown) =>
    graphql(REVIEW_ACTIVITY_REPORT, { id: record.id, decision, note: note ? String(note) : null });
  return (
    <>
      <ActionDialogButton
        label="hamafza.activityReports.accept"
        icon={<CheckIcon />}
        title="hamafza.activityReports.acceptTitle"
        onSubmit={() => review("ACCEPTED")}
      />
      <ActionDialogButton
        label="hamafza.activityReports.return"
        icon={<ReplayIcon />}
        color="warning"
        title="hamafza.activityReports.returnTitle"
        onSubmit={(values) => review("NEEDS_CORRECTION", values.note)}
      >
        <TextInput source="note" label="hamafza.activityReports.note" validate={required()} multiline fullWidth />
      </ActionDialogButton>
    </>
  );
};

const Actions = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: "ngoActivityReports", action: "edit" });
  if (!canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      <ReviewButtons />
      {record && record.status !== "ACCEPTED" ? <EditButton /> : null}
    </TopToolbar>
  );
};

export const ActivityReportShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <ReferenceField source="ngoId" reference="ngos" link="show" />
      <PersianNumberField source="year" options={{ useGrouping: false }} />
      <ActivityReportStatusChip source="status" />
      <TextField source="activities" sx={{ whiteSpace: "pre-wrap" }} />
      <PersianNumberField source="beneficiaries" />
      <PersianNumberField source="volunteers" />
      <ReferenceArrayField source="countiesCovered" reference="counties">
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <BudgetBandField source="budgetBand" />
      <TextField source="reviewNote" emptyText="—" />
      <TextField source="reviewedBy" emptyText="—" />
      <JalaliDateField source="reviewedAt" showTime emptyText="—" />
      <AttachmentsPanel record="ACTIVITY_REPORT" resource="ngoActivityReports" />
    </SimpleShowLayout>
  </Show>
);
