import AddIcon from "@mui/icons-material/Add";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import {
  AutocompleteInput,
  BooleanField,
  Datagrid,
  DeleteButton,
  EditButton,
  FormDataConsumer,
  Labeled,
  NumberField,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  Show,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useRecordContext,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DimensionField, MEMBER_KIND_LABELS, MemberKindField, ProjectStatusChip } from "../engagement/engagementEnums";
import { MeetingKindField, MeetingStatusField } from "../meetings/meetingEnums";
import { Section } from "../meetings/MeetingShow";

const MemberInputs = () => (
  <>
    <RadioButtonGroupInput
      source="memberKind"
      label="نوع عضو"
      choices={[
        { id: "NGO", name: MEMBER_KIND_LABELS.NGO },
        { id: "AGENCY", name: MEMBER_KIND_LABELS.AGENCY },
      ]}
      translateChoice={false}
    />
    <FormDataConsumer>
      {({ formData }) =>
        formData.memberKind === "AGENCY" ? (
          <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
            <AutocompleteInput label="دستگاه" validate={required()} fullWidth />
          </ReferenceInput>
        ) : (
          <ReferenceInput source="ngoId" reference="ngos" sort={{ field: "name", order: "ASC" }}>
            <AutocompleteInput label="سمن" validate={required()} fullWidth />
          </ReferenceInput>
        )
      }
    </FormDataConsumer>
    <TextInput source="role" label="نقش" />
    <JalaliDateInput source="joinedOn" label="تاریخ عضویت" validate={required()} />
    <JalaliDateInput source="leftOn" label="تاریخ خروج" />
  </>
);

const MemberRowActions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <Stack direction="row">
      <ActionDialogButton
        label="ثبت خروج"
        title="ویرایش عضویت"
        defaultValues={{ role: record.role ?? null, joinedOn: record.joinedOn, leftOn: record.leftOn ?? null }}
        onSubmit={(values) =>
          dataProvider.update("workingGroupMembers", { id: record.id, data: values, previousData: record })
        }
      >
        <TextInput source="role" label="نقش" />
        <JalaliDateInput source="joinedOn" label="تاریخ عضویت" validate={required()} />
        <JalaliDateInput source="leftOn" label="تاریخ خروج" />
      </ActionDialogButton>
      <DeleteButton resource="workingGroupMembers" redirect={false} mutationMode="pessimistic" label="حذف" />
    </Stack>
  );
};

const Members = () => {
  const group = useRecordContext();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: "workingGroupMembers", action: "edit" });
  if (!group) return null;
  return (
    <Stack spacing={1}>
      <ReferenceManyField
        reference="workingGroupMembers"
        target="workingGroupId"
        sort={{ field: "joinedOn", order: "ASC" }}
        perPage={200}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<Typography variant="body2">عضوی ثبت نشده است.</Typography>}
        >
          <MemberKindField source="kind" label="نوع" />
          <ReferenceField source="ngoId" reference="ngos" link="show" label="سمن" emptyText="—" />
          <ReferenceField source="agencyId" reference="agencies" link={false} label="دستگاه" emptyText="—" />
          <TextField source="role" label="نقش" emptyText="—" />
          <JalaliDateField source="joinedOn" label="عضویت" />
          <JalaliDateField source="leftOn" label="خروج" emptyText="—" />
          <BooleanField source="current" label="عضو فعلی" />
          {canAccess ? <MemberRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {canAccess && (
        <div>
          <ActionDialogButton
            label="افزودن عضو"
            icon={<AddIcon />}
            defaultValues={{ memberKind: "NGO" }}
            onSubmit={({ memberKind, ngoId, agencyId, ...values }) =>
              dataProvider.create("workingGroupMembers", {
                data: { ...values, workingGroupId: group.id, ...(memberKind === "AGENCY" ? { agencyId } : { ngoId }) },
              })
            }
          >
            <MemberInputs />
          </ActionDialogButton>
        </div>
      )}
    </Stack>
  );
};

const GroupActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const WorkingGroupShow = () => (
  <Show actions={<GroupActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="کارگروه">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled>
            <DimensionField source="dimension" />
          </Labeled>
          <Labeled>
            <TextField source="parentBody" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="parentNgoHouseId" reference="ngoHouses" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="provinceId" reference="provinces" link={false} />
          </Labeled>
          <Labeled>
            <ReferenceField source="countyId" reference="counties" link={false} emptyText="استانی" />
          </Labeled>
          <Labeled>
            <ReferenceField source="chairManagerId" reference="managers" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="chairAgencyId" reference="agencies" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="establishedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="dissolvedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <NumberField source="sessionsHeld" />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="description" emptyText="—" />
          </Labeled>
        </Stack>
      </Section>
      <Section title="اعضا">
        <Members />
      </Section>
      <Section title="جلسات">
        <ReferenceManyField
          reference="meetings"
          target="workingGroupId"
          sort={{ field: "scheduledAt", order: "DESC" }}
          perPage={50}
        >
          <Datagrid
            bulkActionButtons={false}
            rowClick="show"
            empty={<Typography variant="body2">جلسه‌ای ثبت نشده است.</Typography>}
          >
            <TextField source="title" label="عنوان" />
            <MeetingKindField source="kind" label="نوع" />
            <JalaliDateField source="scheduledAt" showTime label="زمان" />
            <MeetingStatusField source="status" label="وضعیت" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="پروژه‌ها">
        <ReferenceManyField
          reference="projects"
          target="workingGroupId"
          sort={{ field: "startOn", order: "DESC" }}
          perPage={50}
        >
          <Datagrid
            bulkActionButtons={false}
            rowClick="show"
            empty={<Typography variant="body2">پروژه‌ای تعریف نشده است.</Typography>}
          >
            <TextField source="title" label="عنوان" />
            <ReferenceField
              source="responsibleAgencyId"
              reference="agencies"
              link={false}
              label="دستگاه مسئول"
              emptyText="—"
            />
            <JalaliDateField source="startOn" label="شروع" emptyText="—" />
            <JalaliDateField source="plannedEndOn" label="پایان برنامه" emptyText="—" />
            <ProjectStatusChip source="status" label="وضعیت" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Stack>
  </Show>
);
