import AutorenewIcon from "@mui/icons-material/Autorenew";
import BlockIcon from "@mui/icons-material/Block";
import NoteAddIcon from "@mui/icons-material/NoteAdd";
import PauseCircleIcon from "@mui/icons-material/PauseCircle";
import PlayCircleIcon from "@mui/icons-material/PlayCircle";
import Box from "@mui/material/Box";
import type { ReactElement, ReactNode } from "react";
import { FormDataConsumer, required, TextInput, useCanAccess, useRecordContext, type RaRecord } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { tehranTodayIso } from "../common/jalaliInput";
import { useGraphQL } from "../common/graphqlOperations";
import { JustifyingRecordInput } from "../supervision/JustifyingRecordInput";
import { AuthorityInput } from "./licenceEnums";
import {
  allowedTransitions,
  canIssueLicence,
  compactInput,
  ISSUE_LICENCE,
  LICENCE_TRANSITIONS,
  type LicenceTransition,
} from "./licenceOperations";

const EFFECTIVE_HELP = "hamafza.licences.effectiveOnHelp";

const effectiveOn = (
  <JalaliDateInput source="effectiveOn" label="hamafza.licences.effectiveOn" notInFuture helperText={EFFECTIVE_HELP} />
);

const TRANSITION_DIALOGS: Record<
  LicenceTransition,
  {
    label: string;
    icon: ReactElement;
    color: "primary" | "error" | "warning" | "success";
    fields: string[];
    inputs: ReactNode;
  }
> = {
  renew: {
    label: "hamafza.licences.renew",
    icon: <AutorenewIcon />,
    color: "primary",
    fields: ["expiresOn", "effectiveOn", "reason"],
    inputs: (
      <>
        <JalaliDateInput source="expiresOn" label="hamafza.licences.newExpiresOn" validate={required()} />
        {effectiveOn}
        <TextInput source="reason" label="hamafza.licences.renewNote" multiline />
      </>
    ),
  },
  suspend: {
    label: "hamafza.licences.suspend",
    icon: <PauseCircleIcon />,
    color: "warning",
    fields: ["reason", "until", "effectiveOn", "supervisionRecordId"],
    inputs: (
      <>
        <TextInput source="reason" label="hamafza.licences.reason" validate={required()} multiline />
        <JalaliDateInput
          source="until"
          label="hamafza.licences.suspendedUntil"
          helperText="hamafza.licences.untilHelp"
        />
        {effectiveOn}
      </>
    ),
  },
  reinstate: {
    label: "hamafza.licences.reinstate",
    icon: <PlayCircleIcon />,
    color: "success",
    fields: ["reason", "effectiveOn"],
    inputs: (
      <>
        <TextInput source="reason" label="hamafza.licences.note" multiline />
        {effectiveOn}
      </>
    ),
  },
  revoke: {
    label: "hamafza.licences.revoke",
    icon: <BlockIcon />,
    color: "error",
    fields: ["reason", "effectiveOn", "supervisionRecordId"],
    inputs: (
      <>
        <TextInput source="reason" label="hamafza.licences.reason" validate={required()} multiline />
        {effectiveOn}
      </>
    ),
  },
};

/** The transitions a supervision record may justify (docs/activity-reports.md, "Supervision"). */
const JUSTIFIABLE: ReadonlySet<LicenceTransition> = new Set(["suspend", "revoke"]);

/** The transitions the licence in context allows, each a button with its dialog (officers only). */
export const LicenceTransitionButtons = () => {
  const licence = useRecordContext<RaRecord>();
  const graphql = useGraphQL();
  const { canAccess } = useCanAccess({ resource: "licences", action: "edit", record: licence });
  if (!licence || !canAccess) return null;
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
      {allowedTransitions(licence.state).map((transition) => {
        const dialog = TRANSITION_DIALOGS[transition];
        return (
          <ActionDialogButton
            key={transition}
            label={dialog.label}
            icon={dialog.icon}
            color={dialog.color}
            intro={`hamafza.licences.${transition}Intro`}
            submitLabel={dialog.label}
            onSubmit={(values) =>
              graphql(LICENCE_TRANSITIONS[transition], { id: licence.id, input: compactInput(values, dialog.fields) })
            }
          >
            {dialog.inputs}
            {JUSTIFIABLE.has(transition) && <JustifyingRecordInput ngoId={String(licence.ngoId)} />}
          </ActionDialogButton>
        );
      })}
    </Box>
  );
};

/** Issues a licence to the NGO in context (when it has none, or the current one expired or was revoked). */
export const IssueLicenceButton = () => {
  const ngo = useRecordContext<RaRecord>();
  const graphql = useGraphQL();
  const { canAccess } = useCanAccess({ resource: "licences", action: "edit", record: ngo });
  if (!ngo || !canAccess || !canIssueLicence(ngo.licenceState, ngo.status)) return null;
  return (
    <ActionDialogButton
      label="hamafza.licences.issue"
      icon={<NoteAddIcon />}
      intro="hamafza.licences.issueIntro"
      submitLabel="hamafza.licences.issue"
      defaultValues={{ authority: ngo.countyId ? "GOVERNORATE" : undefined, issuedOn: tehranTodayIso() }}
      onSubmit={(values) =>
        graphql(ISSUE_LICENCE, {
          input: {
            ngoId: ngo.id,
            ...compactInput(values, ["number", "authority", "authorityName", "issuedOn", "expiresOn"]),
          },
        })
      }
    >
      <TextInput
        source="number"
        label="hamafza.licences.number"
        validate={required()}
        slotProps={{ htmlInput: { dir: "ltr" } }}
      />
      <AuthorityInput source="authority" label="hamafza.licences.authority" validate={required()} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.authority === "OTHER" && (
            <TextInput source="authorityName" label="hamafza.licences.authorityName" validate={required()} />
          )
        }
      </FormDataConsumer>
      <JalaliDateInput source="issuedOn" label="hamafza.licences.issuedOn" validate={required()} notInFuture />
      <FormDataConsumer>
        {({ formData }) => (
          <JalaliDateInput
            source="expiresOn"
            label="hamafza.licences.expiresOn"
            validate={required()}
            min={typeof formData.issuedOn === "string" ? formData.issuedOn : undefined}
          />
        )}
      </FormDataConsumer>
    </ActionDialogButton>
  );
};
