import {
  AutocompleteArrayInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from "react-admin";
import { jalaliYearChoices } from "../engagement/periods";
import { BudgetBandInput } from "./activityReportEnums";

/** The report's content; a new report also names its NGO and year. */
export const ActivityReportForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm>
    {isNew && (
      <ReferenceInput source="ngoId" reference="ngos">
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
    )}
    {isNew && <SelectInput source="year" choices={jalaliYearChoices()} validate={required()} />}
    <TextInput source="activities" validate={required()} multiline minRows={4} fullWidth />
    <NumberInput source="beneficiaries" min={0} step={1} validate={required()} />
    <NumberInput source="volunteers" min={0} step={1} validate={required()} />
    <ReferenceArrayInput source="countiesCovered" reference="counties" perPage={500}>
      <AutocompleteArrayInput optionText="name" />
    </ReferenceArrayInput>
    <BudgetBandInput source="budgetBand" validate={required()} />
  </SimpleForm>
);
