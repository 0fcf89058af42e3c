import { useTranslate } from "react-admin";
import Chip from "@mui/material/Chip";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableFooter from "@mui/material/TableFooter";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { toPersianDigits } from "../common/persianDigits";
import { weightSum, type Indicator } from "./rubric";

export type EditableIndicator = Indicator & { weight: number | string; target: number | string };

export type IndicatorErrors = Record<string, Partial<Record<"weight" | "target" | "code", string>>>;

type RubricChange = (code: string, key: "weight" | "target", value: string) => void;

/** A weight or target: an input with its server/client error when editable, the Persian number otherwise. */
const NumberCell = ({
  row,
  field,
  label,
  max,
  editable,
  onChange,
  errors,
}: {
  row: EditableIndicator;
  field: "weight" | "target";
  label: string;
  max?: number;
  editable: boolean;
  onChange?: RubricChange;
  errors?: IndicatorErrors;
}) =>
  editable ? (
    <TextField
      size="small"
      type="number"
      value={row[field]}
      onChange={(event) => onChange?.(row.code, field, event.target.value)}
      error={Boolean(errors?.[row.code]?.[field])}
      helperText={errors?.[row.code]?.[field]}
      slotProps={{ htmlInput: { min: 0, max, step: "any", "aria-label": `${label} ${row.code}` } }}
    />
  ) : (
    <>{toPersianDigits(row[field])}</>
  );

/**
 * The rubric table: weights and targets editable (or read-only), with the live sum of the weights. Used by the
 * cycle's rubric editor and by the what-if screen; `errors` (per code) are shown under the inputs.
 */
export const RubricFields = ({
  rows,
  editable,
  onChange,
  errors,
}: {
  rows: EditableIndicator[];
  editable: boolean;
  onChange?: RubricChange;
  errors?: IndicatorErrors;
}) => {
  const translate = useTranslate();
  const sum = weightSum(rows);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate("hamafza.common.indicator")}</TableCell>
          <TableCell>{translate("hamafza.evaluation.rule")}</TableCell>
          <TableCell>{translate("hamafza.common.weight")}</TableCell>
          <TableCell>{translate("hamafza.common.target")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.code}>
            <TableCell>
              {/* The Persian title leads; the English code (used in the API and what-if) only as a small note. */}
              <Typography variant="body2">
                {row.title}{" "}
                <Typography component="code" variant="caption" color="text.secondary" dir="ltr">
                  {row.code}
                </Typography>
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {row.definition}
              </Typography>
              {errors?.[row.code]?.code && (
                <Typography variant="caption" color="error" display="block">
                  {errors[row.code].code}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {row.rule === "BANDED"
                ? translate("hamafza.evaluation.ruleBanded")
                : translate("hamafza.evaluation.ruleLinear")}
            </TableCell>
            <TableCell sx={{ width: 130 }}>
              <NumberCell
                row={row}
                field="weight"
                label={translate("hamafza.common.weight")}
                max={100}
                editable={editable}
                onChange={onChange}
                errors={errors}
              />
            </TableCell>
            <TableCell sx={{ width: 150 }}>
              <NumberCell
                row={row}
                field="target"
                label={translate("hamafza.common.target")}
                editable={editable}
                onChange={onChange}
                errors={errors}
              />{" "}
              <Typography variant="caption">{row.unit}</Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={3}>{translate("hamafza.evaluation.weightSum")}</TableCell>
          <TableCell colSpan={2}>
            <Chip
              data-testid="weight-sum"
              color={sum === 100 ? "success" : "error"}
              label={translate("hamafza.evaluation.weightSumOf100", { sum })}
            />
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
