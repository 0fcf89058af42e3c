import Chip from "@mui/material/Chip";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";

/** «فعال» / «غیرفعال» from the user's `disabled` flag. */
export const UserStatusField = (props: FieldProps) => {
  const disabled = useFieldValue(props) === true;
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={disabled ? "filled" : "outlined"}
      color={disabled ? "default" : "success"}
      label={translate(disabled ? "hamafza.users.disabled" : "hamafza.users.active")}
    />
  );
};
