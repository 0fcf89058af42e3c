import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useFieldValue, useRecordContext, useTranslate, type FieldProps } from "react-admin";
import { auditChanges, formatSnapshotValue, prettyJson } from "./auditChanges";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "./auditLabels";

/** A code shown left-to-right in a small monospace font beside its Persian label. */
const Code = ({ children }: { children: string }) => (
  <Typography
    component="code"
    variant="caption"
    dir="ltr"
    sx={{ fontFamily: "monospace", color: "text.secondary", mx: 0.5 }}
  >
    {children}
  </Typography>
);

/** A value with its Persian label when one is known, and the code as recorded. */
const LabelledCode = ({ labels, value }: { labels: Readonly<Record<string, string>>; value: unknown }) => {
  if (typeof value !== "string" || !value) return <Typography variant="body2">—</Typography>;
  const label = labels[value];
  return (
    <Typography component="span" variant="body2">
      {label ?? <Code>{value}</Code>}
      {label && <Code>{value}</Code>}
    </Typography>
  );
};

export const AuditActionField = (props: FieldProps) => (
  <LabelledCode labels={AUDIT_ACTION_LABELS} value={useFieldValue(props)} />
);

export const AuditEntityTypeField = (props: FieldProps) => (
  <LabelledCode labels={AUDIT_ENTITY_LABELS} value={useFieldValue(props)} />
);

/** A snapshot (`before` / `after`) as indented, left-to-right JSON. */
export const JsonField = (props: FieldProps) => {
  const text = prettyJson(useFieldValue(props));
  if (!text) return <Typography variant="body2">—</Typography>;
  return (
    <Box
      component="pre"
      dir="ltr"
      sx={{
        m: 0,
        p: 1.5,
        maxHeight: 360,
        overflow: "auto",
        fontFamily: "monospace",
        fontSize: "0.8rem",
        whiteSpace: "pre-wrap",
        wordBreak: "break-word",
        // 'start' of this left-to-right block; 'left' would be flipped by the RTL style plugin.
        textAlign: "start",
        bgcolor: "action.hover",
        borderRadius: 1,
      }}
    >
      {text}
    </Box>
  );
};

/** The fields the audited change touched, before and after, side by side. */
export const AuditChangesField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const rows = auditChanges(record?.before, record?.after);
  if (!rows.length) return <Typography variant="body2">{translate("hamafza.audit.noChanges")}</Typography>;
  // A creation has no «before» and a deletion no «after»: only the columns with a snapshot are shown.
  const hasBefore = record?.before != null;
  const hasAfter = record?.after != null;
  return (
    <Table size="small" sx={{ maxWidth: 960 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate("hamafza.audit.field")}</TableCell>
          {hasBefore && <TableCell>{translate("resources.auditEntries.fields.before")}</TableCell>}
          {hasAfter && <TableCell>{translate("resources.auditEntries.fields.after")}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field}>
            <TableCell dir="ltr" sx={{ fontFamily: "monospace", textAlign: "start" }}>
              {row.field}
            </TableCell>
            {hasBefore && <SnapshotCell value={row.before} />}
            {hasAfter && <SnapshotCell value={row.after} />}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const SnapshotCell = ({ value }: { value: unknown }) => (
  <TableCell dir="auto" sx={{ wordBreak: "break-word", maxWidth: 360, textAlign: "start" }}>
    {formatSnapshotValue(value)}
  </TableCell>
);
