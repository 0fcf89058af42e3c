import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  regex,
  required,
  SimpleFormIterator,
  TabbedForm,
  TextArrayInput,
  TextInput,
  type TabbedFormProps,
} from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";
import { currentJalaliYear } from "../engagement/periods";
import { AwardLevelInput, BoardRoleInput, NgoScopeInput, NgoStatusInput, UrgencyInput } from "./ngoStatus";
import { validateLegalNationalId, validateNationalCode, validatePhone, validatePhones } from "./ngoValidation";

const ltr = { htmlInput: { dir: "ltr" } };
const validateJalaliYear = [required(), regex(/^1[2-4]\d\d$/, "hamafza.ngos.jalaliYearRule")];

/**
 * The whole NGO in one form, as `createNgo` / `updateNgo` take it: details, fields of activity, phones, and the
 * board, capabilities, awards and training needs as lists (each list replaces the NGO's; items keep their ids).
 */
export const NgoForm = (props: Omit<TabbedFormProps, "children">) => (
  <TabbedForm {...props}>
    <TabbedForm.Tab label="hamafza.ngos.tabs.profile">
      <TextInput source="name" validate={[required(), maxLength(300)]} fullWidth />
      <TextInput
        source="nationalId"
        validate={[required(), validateLegalNationalId]}
        helperText="hamafza.ngos.nationalIdHelp"
        slotProps={ltr}
      />
      <TextInput source="registrationNumber" slotProps={ltr} />
      <ProvinceCountyInputs countyRequired countyHelp="hamafza.ngos.countyHelp" />
      <NgoScopeInput source="scope" />
      <NgoStatusInput source="status" />
      <JalaliDateInput source="foundedOn" notInFuture />
      <ReferenceArrayInput
        source="fieldIds"
        reference="fieldsOfActivity"
        sort={{ field: "sortOrder", order: "ASC" }}
        perPage={100}
      >
        <AutocompleteArrayInput fullWidth />
      </ReferenceArrayInput>
      <TextInput source="phone" validate={validatePhone} helperText="hamafza.ngos.phoneHelp" slotProps={ltr} />
      <TextArrayInput
        source="otherPhones"
        validate={validatePhones}
        helperText="hamafza.ngos.otherPhonesHelp"
        fullWidth
      />
      <TextInput source="address" multiline fullWidth />
      <NumberInput source="membersCount" min={0} validate={minValue(0)} />
      <NumberInput source="volunteersCount" min={0} validate={minValue(0)} />
    </TabbedForm.Tab>

    <TabbedForm.Tab label="hamafza.ngos.tabs.boardOnly" path="board">
      <ArrayInput source="boardMembers" label="hamafza.ngos.boardMembers">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="name" validate={required()} />
          <BoardRoleInput source="role" validate={required()} />
          <TextInput source="nationalCode" validate={[required(), validateNationalCode]} slotProps={ltr} />
          <TextInput source="phone" validate={validatePhone} slotProps={ltr} />
        </SimpleFormIterator>
      </ArrayInput>
    </TabbedForm.Tab>

    <TabbedForm.Tab label="hamafza.ngos.tabs.capabilities" path="capabilities">
      <ArrayInput source="capabilities" label="hamafza.ngos.capabilities">
        <SimpleFormIterator disableReordering>
          <TextInput source="service" validate={required()} fullWidth />
          <FormDataConsumer>
            {({ formData }) => (
              <ReferenceInput
                source="fieldId"
                reference="fieldsOfActivity"
                sort={{ field: "sortOrder", order: "ASC" }}
                perPage={100}
                filter={Array.isArray(formData.fieldIds) && formData.fieldIds.length ? { ids: formData.fieldIds } : {}}
              >
                <AutocompleteInput helperText="hamafza.ngos.capabilityFieldHelp" sx={{ minWidth: 280 }} />
              </ReferenceInput>
            )}
          </FormDataConsumer>
          <ReferenceArrayInput
            source="coverageCountyIds"
            reference="counties"
            sort={{ field: "name", order: "ASC" }}
            perPage={50}
          >
            <AutocompleteArrayInput helperText="hamafza.ngos.coverageHelp" sx={{ minWidth: 320 }} />
          </ReferenceArrayInput>
          <NumberInput source="volunteersAvailable" min={0} validate={minValue(0)} />
        </SimpleFormIterator>
      </ArrayInput>
    </TabbedForm.Tab>

    <TabbedForm.Tab label="hamafza.ngos.tabs.awards" path="awards">
      <ArrayInput source="awards" label="hamafza.ngos.awards">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="title" validate={required()} />
          <AwardLevelInput source="level" validate={required()} />
          <NumberInput
            source="jalaliYear"
            validate={validateJalaliYear}
            max={currentJalaliYear()}
            helperText="hamafza.ngos.jalaliYearHelp"
          />
          <TextInput source="awardedBy" />
        </SimpleFormIterator>
      </ArrayInput>
    </TabbedForm.Tab>

    <TabbedForm.Tab label="hamafza.ngos.tabs.trainingNeeds" path="training">
      <ArrayInput source="trainingNeeds" label="hamafza.ngos.trainingNeeds">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="topic" validate={required()} />
          <TextInput source="audience" />
          <UrgencyInput source="urgency" defaultValue="MEDIUM" />
        </SimpleFormIterator>
      </ArrayInput>
    </TabbedForm.Tab>
  </TabbedForm>
);
