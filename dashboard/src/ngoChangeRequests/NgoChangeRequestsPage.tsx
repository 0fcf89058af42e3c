import CheckIcon from "@mui/icons-material/Check";
import CloseIcon from "@mui/icons-material/Close";
import Box from "@mui/material/Box";
import FormControlLabel from "@mui/material/FormControlLabel";
import Switch from "@mui/material/Switch";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TextInput, Title, usePermissions, useTranslate } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { ChangeRequestCard } from "./ChangeRequestCard";
import {
  APPROVE_NGO_CHANGE_REQUEST,
  NGO_CHANGE_REQUESTS,
  REJECT_NGO_CHANGE_REQUEST,
  type NgoChangeRequestRow,
} from "./ngoChangeRequestOperations";

/** Officials: change requests of NGOs of their territory (pending first by default); approve or reject with a reason. */
export const NgoChangeRequestsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { permissions } = usePermissions<Role | undefined>();
  const [pendingOnly, setPendingOnly] = useState(true);
  const { data, error } = useQuery(
    graphqlQuery<{ ngoChangeRequests: { totalCount: number; items: NgoChangeRequestRow[] } }>(
      dataProvider,
      NGO_CHANGE_REQUESTS,
      { filter: pendingOnly ? { status: "PENDING" } : {}, limit: 100 },
    ),
  );
  if (!canRoleAccess(permissions, { action: "list", resource: "ngoChangeRequests" })) return null;
  const canDecide = canRoleAccess(permissions, { action: "edit", resource: "ngoChangeRequests" });
  const items = data?.ngoChangeRequests.items ?? [];
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="ngo-change-requests">
      <Title title={translate("hamafza.selfService.changeRequests.officialsTitle")} />
      <Typography variant="body2">{translate("hamafza.selfService.changeRequests.officialsIntro")}</Typography>
      <FormControlLabel
        control={<Switch checked={pendingOnly} onChange={(event) => setPendingOnly(event.target.checked)} />}
        label={translate("hamafza.selfService.changeRequests.pendingOnly")}
      />
      {error && <Typography color="error">{error.message}</Typography>}
      {data && items.length === 0 && <Typography>{translate("hamafza.selfService.changeRequests.empty")}</Typography>}
      {items.map((request) => (
        <ChangeRequestCard
          key={request.id}
          request={request}
          showNgo
          actions={
            canDecide && request.status === "PENDING" ? (
              <>
                <ActionDialogButton
                  label="hamafza.selfService.changeRequests.approve"
                  icon={<CheckIcon />}
                  intro="hamafza.selfService.changeRequests.approveIntro"
                  successMessage="hamafza.selfService.changeRequests.approved"
                  color="success"
                  onSubmit={(values) =>
                    dataProvider.graphql(APPROVE_NGO_CHANGE_REQUEST, { id: request.id, note: values.note || null })
                  }
                >
                  <TextInput source="note" label="hamafza.selfService.changeRequests.approveNote" multiline />
                </ActionDialogButton>
                <ActionDialogButton
                  label="hamafza.selfService.changeRequests.reject"
                  icon={<CloseIcon />}
                  intro="hamafza.selfService.changeRequests.rejectIntro"
                  successMessage="hamafza.selfService.changeRequests.rejected"
                  color="error"
                  onSubmit={(values) =>
                    dataProvider.graphql(REJECT_NGO_CHANGE_REQUEST, { id: request.id, reason: values.reason ?? "" })
                  }
                >
                  <TextInput source="reason" label="hamafza.selfService.changeRequests.rejectReason" multiline />
                </ActionDialogButton>
              </>
            ) : undefined
          }
        />
      ))}
    </Box>
  );
};
