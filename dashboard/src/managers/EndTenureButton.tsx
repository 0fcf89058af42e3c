import EventBusyIcon from "@mui/icons-material/EventBusy";
import { required, useCanAccess, useRecordContext, type RaRecord } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { tehranTodayIso } from "../common/jalaliInput";
import { useGraphQL } from "../common/graphqlOperations";
import { END_TENURE } from "./managerOperations";

/** Ends the current tenure on a given day (the manager's last day). */
export const EndTenureButton = () => {
  const manager = useRecordContext<RaRecord>();
  const graphql = useGraphQL();
  const { canAccess } = useCanAccess({ resource: "managers", action: "edit", record: manager });
  if (!manager || !canAccess || manager.tenureEnd) return null;
  return (
    <ActionDialogButton
      label="hamafza.managers.endTenure"
      icon={<EventBusyIcon />}
      color="warning"
      intro="hamafza.managers.endTenureIntro"
      defaultValues={{ endedOn: tehranTodayIso() }}
      onSubmit={(values) => graphql(END_TENURE, { id: manager.id, endedOn: values.endedOn })}
    >
      <JalaliDateInput
        source="endedOn"
        label="hamafza.managers.endedOn"
        validate={required()}
        notInFuture
        min={manager.tenureStart}
      />
    </ActionDialogButton>
  );
};
