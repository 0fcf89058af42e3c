import Typography from "@mui/material/Typography";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { toPersianDigits } from "./persianDigits";

/**
 * Digits and codes (phones, national ids, licence numbers) left-to-right inside the right-to-left page, in Persian
 * digits like every number on screen.
 */
export const LtrTextField = ({ emptyText, ...props }: FieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  const text = toPersianDigits(Array.isArray(value) ? value.join("، ") : value == null ? "" : String(value));
  return (
    <Typography component="span" variant="body2" dir={text ? "ltr" : undefined} sx={{ unicodeBidi: "isolate" }}>
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : "")}
    </Typography>
  );
};
