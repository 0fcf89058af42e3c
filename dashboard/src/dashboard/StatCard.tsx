import Card from "@mui/material/Card";
import CardActionArea from "@mui/material/CardActionArea";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { LinkBase, useCreatePath, useGetList, useTranslate } from "react-admin";
import { formatPersianNumber } from "../common/persianDigits";

export interface StatCardProps {
  resource: string;
  label: string;
  /** A field the list may be sorted by (the count does not depend on it). */
  sortField: string;
  /** Count only these records; the card opens the list with the same filter. */
  filter?: Record<string, unknown>;
}

export const StatCard = ({ resource, label, sortField, filter }: StatCardProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, {
    pagination: { page: 1, perPage: 1 },
    sort: { field: sortField, order: "ASC" },
    filter,
  });
  const listPath = createPath({ resource, type: "list" });
  const to = filter ? `${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}` : listPath;
  const value = isPending || error || total == null ? "—" : formatPersianNumber(total);
  return (
    <Card sx={{ flex: "1 1 150px" }}>
      <CardActionArea component={LinkBase} to={to}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography variant="h4" component="p" sx={{ fontWeight: 700 }}>
            {value}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
