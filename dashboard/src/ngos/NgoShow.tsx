import Box from "@mui/material/Box";
import Divider from "@mui/material/Divider";
import Typography from "@mui/material/Typography";
import {
  ArrayField,
  ChipField,
  Datagrid,
  EditButton,
  Labeled,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  ResourceContextProvider,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { LtrTextField } from "../common/LtrTextField";
import { IssueLicenceButton, LicenceTransitionButtons } from "../licences/LicenceActions";
import { LicenceStateChip } from "../licences/licenceEnums";
import { AuthorityText, DaysToExpiryField } from "../licences/LicenceFields";
import { LicenceDetails } from "../licences/LicenceShow";
import { NgoPublicListing } from "./NgoPublicListing";
import { LicenceHistory } from "../licences/LicenceHistory";
import { NgoEngagementTab } from "../engagement/EngagementTabs";
import { AwardLevelField, BoardRoleField, NgoScopeField, NgoStatusChip, UrgencyChip } from "./ngoStatus";
import { PersianNumberField } from "../common/PersianNumberField";
import { NgoSupervisionSection } from "../supervision/SupervisionRecords";

const NgoShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

/** The current licence with its state, its history and the transitions; all licences below. */
const LicenceTab = () => {
  const ngo = useRecordContext<RaRecord>();
  const currentId = ngo?.licence?.id as string | undefined;
  const { data: licence } = useGetOne("licences", { id: currentId ?? "" }, { enabled: Boolean(currentId) });
  const translate = useTranslate();
  if (!ngo) return null;
  return (
    <Box sx={{ display: "flex", flexDirection: "column", gap: 1 }}>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, flexWrap: "wrap" }}>
        <Labeled label="resources.ngos.fields.licenceState">
          <LicenceStateChip source="licenceState" />
        </Labeled>
        <IssueLicenceButton />
      </Box>
      {currentId && licence && (
        <ResourceContextProvider value="licences">
          <RecordContextProvider value={licence}>
            <Section title="hamafza.licences.current" />
            <LicenceTransitionButtons />
            <LicenceDetails />
            <Section title="hamafza.licences.history" />
            <LicenceHistory />
          </RecordContextProvider>
        </ResourceContextProvider>
      )}
      {!currentId && <Typography color="text.secondary">{translate("hamafza.licences.noLicence")}</Typography>}
      <Divider sx={{ my: 2 }} />
      <Section title="hamafza.licences.all" />
      <ReferenceManyField reference="licences" target="ngoId" sort={{ field: "issuedOn", order: "DESC" }} label={false}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <LtrTextField source="number" />
          <AuthorityText label="resources.licences.fields.authority" />
          <JalaliDateField source="issuedOn" />
          <JalaliDateField source="expiresOn" />
          <DaysToExpiryField label="resources.licences.fields.daysToExpiry" />
          <LicenceStateChip source="state" label="resources.licences.fields.state" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

/** The NGO's supervision records (reviews, warnings, inspection notes) and, for officers, the add dialog. */
const SupervisionTab = () => {
  const ngo = useRecordContext<RaRecord>();
  return ngo ? <NgoSupervisionSection ngoId={String(ngo.id)} /> : null;
};

export const NgoShow = () => (
  <Show actions={<NgoShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.profile">
        <TextField source="name" />
        <LtrTextField source="nationalId" />
        <LtrTextField source="registrationNumber" emptyText="—" />
        <NgoStatusChip source="status" />
        <LicenceStateChip source="licenceState" />
        <NgoScopeField source="scope" />
        <ReferenceField source="countyId" reference="counties" link="show" />
        <ReferenceField source="provinceId" reference="provinces" link="show" />
        <JalaliDateField source="foundedOn" emptyText="—" />
        <ReferenceArrayField source="fieldIds" reference="fieldsOfActivity">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <LtrTextField source="phones" emptyText="—" />
        <TextField source="address" emptyText="—" />
        <PersianNumberField source="membersCount" emptyText="—" />
        <PersianNumberField source="volunteersCount" emptyText="—" />
        <JalaliDateField source="lastEngagementAt" showTime emptyText="—" />
        <JalaliDateField source="createdAt" showTime />
        <JalaliDateField source="updatedAt" showTime />
      </TabbedShowLayout.Tab>

      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.board" path="board">
        <ArrayField source="boardMembers" label="hamafza.ngos.boardMembers">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
            <TextField source="name" label="hamafza.ngos.board.name" />
            <BoardRoleField source="role" label="hamafza.ngos.board.role" />
            <LtrTextField source="nationalCode" label="hamafza.ngos.board.nationalCode" />
            <LtrTextField source="phone" label="hamafza.ngos.board.phone" emptyText="—" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="capabilities" label="hamafza.ngos.capabilities">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
            <TextField source="service" label="hamafza.ngos.capability.service" />
            <TextField
              source="field.name"
              label="hamafza.ngos.capability.fieldId"
              emptyText="hamafza.registry.allNgoFields"
            />
            <ReferenceArrayField
              source="coverageCountyIds"
              reference="counties"
              label="hamafza.ngos.capability.coverageCountyIds"
            >
              <SingleFieldList linkType={false}>
                <ChipField source="name" size="small" />
              </SingleFieldList>
            </ReferenceArrayField>
            <PersianNumberField
              source="volunteersAvailable"
              label="hamafza.ngos.capability.volunteersAvailable"
              emptyText="—"
            />
          </Datagrid>
        </ArrayField>
        <ArrayField source="awards" label="hamafza.ngos.awards">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
            <TextField source="title" label="hamafza.ngos.award.title" />
            <AwardLevelField source="level" label="hamafza.ngos.award.level" />
            <PersianNumberField
              source="jalaliYear"
              label="hamafza.ngos.award.jalaliYear"
              options={{ useGrouping: false }}
            />
            <TextField source="awardedBy" label="hamafza.ngos.award.awardedBy" emptyText="—" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="trainingNeeds" label="hamafza.ngos.trainingNeeds">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
            <TextField source="topic" label="hamafza.ngos.training.topic" />
            <TextField source="audience" label="hamafza.ngos.training.audience" emptyText="—" />
            <UrgencyChip source="urgency" label="hamafza.ngos.training.urgency" />
            <JalaliDateField source="createdAt" label="hamafza.ngos.training.createdAt" />
          </Datagrid>
        </ArrayField>
      </TabbedShowLayout.Tab>

      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.licence" path="licence">
        <LicenceTab />
        <NgoPublicListing />
      </TabbedShowLayout.Tab>

      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.supervision" path="supervision">
        <SupervisionTab />
      </TabbedShowLayout.Tab>

      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.meetings" path="meetings">
        <NgoEngagementTab />
      </TabbedShowLayout.Tab>

      <TabbedShowLayout.Tab label="hamafza.ngos.tabs.organisations" path="organisations">
        <ReferenceManyField
          reference="ngoHouses"
          target="memberNgoId"
          label="hamafza.ngos.houses"
          sort={{ field: "name", order: "ASC" }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
            <TextField source="name" />
            <ReferenceField source="provinceId" reference="provinces" link={false} />
            <ReferenceField source="countyId" reference="counties" link={false} emptyText="—" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField
          reference="ngoNetworks"
          target="ngoId"
          label="hamafza.ngos.networks"
          sort={{ field: "name", order: "ASC" }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
            <TextField source="name" />
            <TextField source="field.name" label="resources.ngoNetworks.fields.fieldId" />
            <ReferenceField source="coordinatorNgoId" reference="ngos" link={false} emptyText="—" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField
          reference="facilitationOffices"
          target="operatorNgoId"
          label="hamafza.ngos.offices"
          sort={{ field: "name", order: "ASC" }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
            <TextField source="name" />
            <TextField source="area.name" label="resources.facilitationOffices.fields.areaId" />
            <JalaliDateField source="openedOn" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
