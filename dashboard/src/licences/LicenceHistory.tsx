import { ArrayField, Datagrid, TextField } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { LicenceActionField, LicenceStateChip } from "./licenceEnums";

/** A licence's history (`history`, oldest first), part of the licence record. */
export const LicenceHistory = () => (
  <ArrayField source="history" label="hamafza.licences.history">
    <Datagrid bulkActionButtons={false} rowClick={false} sx={{ "& td": { verticalAlign: "top" } }}>
      <JalaliDateField source="effectiveOn" label="hamafza.licences.effectiveOn" />
      <LicenceActionField source="action" label="hamafza.licences.action" />
      <LicenceStateChip source="fromState" label="hamafza.licences.fromState" />
      <LicenceStateChip source="toState" label="hamafza.licences.toState" />
      <JalaliDateField source="expiresOn" label="resources.licences.fields.expiresOn" />
      <JalaliDateField source="suspendedUntil" label="hamafza.licences.suspendedUntil" emptyText="—" />
      <TextField source="reason" label="hamafza.licences.reason" emptyText="—" />
      <TextField source="actorUsername" label="hamafza.licences.actor" emptyText="—" />
      <JalaliDateField source="occurredAt" label="hamafza.licences.occurredAt" showTime />
    </Datagrid>
  </ArrayField>
);
