import GroupsIcon from "@mui/icons-material/Groups";
import { ArrayInput, required, ResourceContextProvider, SimpleFormIterator, TextInput } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { useHamafzaDataProvider } from "../common/graphqlOperations";
import { BoardRoleInput } from "../ngos/ngoStatus";
import { validateNationalCode, validatePhone } from "../ngos/ngoValidation";
import { UPDATE_MY_NGO_BOARD, type MyNgo } from "./selfServiceOperations";

const ltr = { htmlInput: { dir: "ltr" } };

type BoardMember = MyNgo["boardMembers"][number];

/** The representative keeps their NGO's board up to date (the list replaces the board; members keep their ids). */
export const EditBoardButton = ({ ngo }: { ngo: MyNgo }) => {
  const dataProvider = useHamafzaDataProvider();
  // The board's inputs are the NGO's (the iterator needs the resource they belong to).
  return (
    <ResourceContextProvider value="ngos">
      <ActionDialogButton
        label="hamafza.selfService.ngo.editBoard"
        icon={<GroupsIcon />}
        successMessage="hamafza.selfService.ngo.saved"
        defaultValues={{ boardMembers: ngo.boardMembers }}
        onSubmit={(values) =>
          dataProvider.graphql(UPDATE_MY_NGO_BOARD, {
            input: {
              boardMembers: ((values.boardMembers as BoardMember[] | undefined) ?? []).map((member) => ({
                id: member.id ?? null,
                name: member.name,
                role: member.role,
                nationalCode: member.nationalCode,
                phone: member.phone || null,
              })),
            },
          })
        }
      >
        <ArrayInput source="boardMembers" label="hamafza.ngos.boardMembers">
          <SimpleFormIterator disableReordering>
            <TextInput source="name" label="hamafza.ngos.board.name" validate={required()} />
            <BoardRoleInput source="role" label="hamafza.ngos.board.role" validate={required()} />
            <TextInput
              source="nationalCode"
              label="hamafza.ngos.board.nationalCode"
              validate={[required(), validateNationalCode]}
              slotProps={ltr}
            />
            <TextInput source="phone" label="hamafza.ngos.board.phone" validate={validatePhone} slotProps={ltr} />
          </SimpleFormIterator>
        </ArrayInput>
      </ActionDialogButton>
    </ResourceContextProvider>
  );
};
