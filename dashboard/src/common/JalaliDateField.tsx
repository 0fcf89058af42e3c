import Typography from "@mui/material/Typography";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { formatJalali } from "./jalali";

export interface JalaliDateFieldProps extends FieldProps {
  showTime?: boolean;
}

export const JalaliDateField = ({ showTime = false, className, emptyText, ...props }: JalaliDateFieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  const text = formatJalali(value, { showTime });
  return (
    <Typography component="span" variant="body2" className={className}>
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : "")}
    </Typography>
  );
};
