import Typography from "@mui/material/Typography";
import { useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { formatPersianNumber } from "../common/persianDigits";

/** Days to the expiry date, in words: «۱۲ روز مانده» / «۳ روز گذشته». */
export const DaysToExpiryField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const days = record?.daysToExpiry;
  if (typeof days !== "number" || record?.state === "REVOKED") return <Typography variant="body2">—</Typography>;
  const text =
    days >= 0
      ? translate("hamafza.licences.daysLeft", { days: formatPersianNumber(days) })
      : translate("hamafza.licences.daysPast", { days: formatPersianNumber(-days) });
  return (
    <Typography
      variant="body2"
      color={days < 0 ? "error" : days <= 60 ? "warning.main" : undefined}
      sx={{ whiteSpace: "nowrap" }}
    >
      {text}
    </Typography>
  );
};

/** The authority, with its name when it is «other». */
export const AuthorityText = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const kind = translate(`hamafza.licences.authorities.${record.authority}`, { _: record.authority });
  return <Typography variant="body2">{record.authorityName ? `${kind} — ${record.authorityName}` : kind}</Typography>;
};
