import Typography from "@mui/material/Typography";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { personName, type PersonName } from "./personName";

/**
 * A user a record refers to by username (`source`, e.g. `recordedBy`), shown by the person's name the API gives
 * beside it (`<source>Person`, e.g. `recordedByPerson`); the username when the API no longer knows the user.
 */
export const PersonNameField = ({ emptyText, ...props }: FieldProps & { source: string }) => {
  const translate = useTranslate();
  const username = useFieldValue(props) as string | null | undefined;
  const person = useFieldValue({ ...props, source: `${props.source}Person` }) as PersonName | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {username ? personName(person, username) : emptyText ? translate(emptyText, { _: emptyText }) : ""}
    </Typography>
  );
};
