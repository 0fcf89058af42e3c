import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import {
  Datagrid,
  FunctionField,
  ReferenceField,
  ReferenceManyField,
  TextField,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { formatPersianDecimal, toPersianDigits } from "../common/persianDigits";
import { GradeChip } from "../evaluation/EvaluationResultList";
import { MeetingKindField, MeetingStatusField } from "../meetings/meetingEnums";
import { Section } from "../meetings/MeetingShow";
import { DemandStatusChip, DimensionField, FollowUpChip, ProposalStatusChip } from "./engagementEnums";

/**
 * The engagement tabs of the NGO and manager pages: drop `<NgoEngagementTab />` into an NGO's show page
 * and `<ManagerEngagementTab />` into a manager's (both read the page's record).
 */
/** `text` is a translation key. */
const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate(text)}</Typography>;
};

const MeetingRows = () => {
  const translate = useTranslate();
  return (
    <Datagrid
      bulkActionButtons={false}
      rowClick="show"
      resource="meetings"
      empty={<Empty text="hamafza.engagement.noMeeting" />}
    >
      <TextField source="title" label="hamafza.common.title" />
      <MeetingKindField source="kind" label={translate("hamafza.common.kind")} />
      <JalaliDateField source="scheduledAt" showTime label={translate("hamafza.common.time")} />
      <MeetingStatusField source="status" label={translate("hamafza.common.status")} />
    </Datagrid>
  );
};

export const NgoEngagementTab = () => {
  const translate = useTranslate();
  return (
    <Stack>
      <Section title="hamafza.engagement.meetingsAttended">
        <ReferenceManyField
          reference="meetings"
          target="ngoId"
          sort={{ field: "scheduledAt", order: "DESC" }}
          perPage={50}
        >
          <MeetingRows />
        </ReferenceManyField>
      </Section>
      <Section title="hamafza.engagement.workingGroups">
        <ReferenceManyField
          reference="workingGroups"
          target="ngoId"
          sort={{ field: "name", order: "ASC" }}
          perPage={50}
        >
          <Datagrid
            bulkActionButtons={false}
            rowClick="show"
            empty={<Empty text="hamafza.engagement.noWorkingGroup" />}
          >
            <TextField source="name" label="hamafza.common.name" />
            <DimensionField source="dimension" label={translate("hamafza.common.dimension")} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="hamafza.engagement.proposals">
        <ReferenceManyField
          reference="proposals"
          target="ngoId"
          sort={{ field: "submittedOn", order: "DESC" }}
          perPage={50}
        >
          <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="hamafza.engagement.noProposal" />}>
            <TextField source="topic" label="hamafza.common.topic" />
            <JalaliDateField source="submittedOn" label={translate("hamafza.engagement.submittedOn")} />
            <ProposalStatusChip source="status" label={translate("hamafza.common.status")} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="hamafza.engagement.demands">
        <ReferenceManyField reference="demands" target="ngoId" sort={{ field: "raisedOn", order: "DESC" }} perPage={50}>
          <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="hamafza.engagement.noDemand" />}>
            <TextField source="title" label="hamafza.common.title" />
            <JalaliDateField source="raisedOn" label={translate("hamafza.engagement.raisedOn")} />
            <ReferenceField
              source="agencyId"
              reference="agencies"
              link={false}
              label="hamafza.common.agency"
              emptyText="—"
            />
            <DemandStatusChip source="status" label={translate("hamafza.common.status")} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Stack>
  );
};

export const ManagerEngagementTab = () => {
  const translate = useTranslate();
  return (
    <Stack>
      <Section title="hamafza.engagement.meetingsChaired">
        <ReferenceManyField
          reference="meetings"
          target="chairId"
          sort={{ field: "scheduledAt", order: "DESC" }}
          perPage={50}
        >
          <MeetingRows />
        </ReferenceManyField>
      </Section>
      <Section title="hamafza.engagement.resolutionsOwned">
        <ReferenceManyField
          reference="resolutions"
          target="ownerManagerId"
          sort={{ field: "deadline", order: "ASC" }}
          perPage={50}
        >
          <Datagrid
            bulkActionButtons={false}
            rowClick="show"
            empty={<Empty text="hamafza.engagement.noResolutionOwned" />}
          >
            <TextField source="text" label="hamafza.common.text" />
            <JalaliDateField source="deadline" label={translate("hamafza.common.deadline")} emptyText="—" />
            <FollowUpChip source="followUpStatus" label={translate("hamafza.common.followUpStatus")} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="hamafza.engagement.scores">
        <ReferenceManyField
          reference="managerScores"
          target="managerId"
          sort={{ field: "year", order: "DESC" }}
          perPage={20}
        >
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty text="hamafza.engagement.noScore" />}>
            <FunctionField label="hamafza.common.year" render={(record: RaRecord) => toPersianDigits(record.year)} />
            <FunctionField
              label="hamafza.common.score"
              render={(record: RaRecord) => formatPersianDecimal(Number(record.total))}
            />
            <GradeChip source="grade" label={translate("hamafza.common.grade")} />
            <JalaliDateField
              source="publishedAt"
              label={translate("hamafza.common.published")}
              emptyText={translate("hamafza.common.unpublished")}
            />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Stack>
  );
};
