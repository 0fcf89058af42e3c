import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import type { Evidence } from "./rubric";

/** Where an evidence record opens in the dashboard. */
function evidenceLink(item: Evidence): string | undefined {
  switch (item.kind) {
    case "MEETING":
      return `#/meetings/${item.id}/show`;
    case "RESOLUTION":
      return `#/resolutions/${item.id}/show`;
    case "WORKING_GROUP":
      return `#/workingGroups/${item.id}/show`;
    case "PROPOSAL":
      return `#/proposals/${item.id}/show`;
    case "DEMAND":
      return `#/demands/${item.id}/show`;
    case "NGO_ATTENDANCE":
      return `#/ngos/${item.id}/show`;
    default:
      return undefined;
  }
}

export const EvidenceList = ({ items, counted }: { items: Evidence[]; counted: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="subtitle2" color={counted ? "success.main" : "error.main"}>
        {translate(counted ? "hamafza.evaluation.counted" : "hamafza.evaluation.excluded", { count: items.length })}
      </Typography>
      <List dense data-testid={counted ? "evidence-counted" : "evidence-excluded"}>
        {items.map((item) => {
          const href = evidenceLink(item);
          return (
            <ListItem key={`${item.kind}-${item.id}`} disableGutters>
              <ListItemText
                primary={href ? <Link href={href}>{item.label}</Link> : item.label}
                secondary={[item.date ? formatJalali(item.date) : "", ...item.reasons].filter(Boolean).join(" — ")}
              />
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
};
