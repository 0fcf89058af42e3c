import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardActions from "@mui/material/CardActions";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import type { NgoChangeRequestRow } from "./ngoChangeRequestOperations";

const STATUS_COLOUR = { PENDING: "warning", APPROVED: "success", REJECTED: "error" } as const;

/** One change request: the NGO, the fields asked to change (was → asked), why, who filed and who decided. */
export const ChangeRequestCard = ({
  request,
  showNgo,
  actions,
}: {
  request: NgoChangeRequestRow;
  showNgo?: boolean;
  actions?: ReactNode;
}) => {
  const translate = useTranslate();
  const when = (value: string | null) => formatJalali(value, { showTime: true });
  return (
    <Card variant="outlined" data-testid="change-request" data-status={request.status}>
      <CardContent>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, alignItems: "center", mb: 1 }}>
          <Chip
            size="small"
            color={STATUS_COLOUR[request.status]}
            label={translate(`hamafza.enums.ngoChangeRequestStatus.${request.status}`)}
          />
          {showNgo && request.ngo && (
            <Typography variant="subtitle1" component="span">
              {request.ngo.name}
            </Typography>
          )}
        </Box>
        {request.changes.map((change) => (
          <Typography key={change.field} variant="body1" sx={{ overflowWrap: "anywhere" }}>
            {translate("hamafza.selfService.changeRequests.change", {
              field: translate(`hamafza.enums.ngoRegulatedField.${change.field}`),
              current: change.current ?? translate("hamafza.selfService.changeRequests.none"),
              requested: change.requested,
            })}
          </Typography>
        ))}
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate("hamafza.selfService.changeRequests.reason")}: {request.reason}
        </Typography>
        {request.reference && (
          <Typography variant="body2">
            {translate("hamafza.selfService.changeRequests.reference")}: {request.reference}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate("hamafza.selfService.changeRequests.filedBy", {
            who: request.requestedBy,
            when: when(request.createdAt),
          })}
        </Typography>
        {request.decidedAt && (
          <Typography variant="caption" color="text.secondary" component="div">
            {translate("hamafza.selfService.changeRequests.decided", {
              who: request.decidedBy ?? "",
              when: when(request.decidedAt),
            })}
          </Typography>
        )}
        {request.decisionNote && (
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="change-request-note">
            {translate("hamafza.selfService.changeRequests.decisionNote")}: {request.decisionNote}
          </Typography>
        )}
      </CardContent>
      {actions && <CardActions sx={{ flexWrap: "wrap" }}>{actions}</CardActions>}
    </Card>
  );
};
