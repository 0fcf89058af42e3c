import Alert from "@mui/material/Alert";
import {
  Edit,
  FormDataConsumer,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useTranslate,
} from "react-admin";
import { AuthorityInput } from "./licenceEnums";

const LicenceEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const Intro = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate("hamafza.licences.correctIntro")}
    </Alert>
  );
};

/** Corrects a licence's number or authority (typing mistakes); dates and state change only by the transitions. */
export const LicenceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<LicenceEditToolbar />}>
      <Intro />
      <TextInput source="number" validate={required()} slotProps={{ htmlInput: { dir: "ltr" } }} />
      <AuthorityInput source="authority" validate={required()} />
      <FormDataConsumer>
        {({ formData }) => formData.authority === "OTHER" && <TextInput source="authorityName" validate={required()} />}
      </FormDataConsumer>
    </SimpleForm>
  </Edit>
);
