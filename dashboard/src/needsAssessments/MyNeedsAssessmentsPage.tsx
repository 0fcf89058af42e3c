import AddIcon from "@mui/icons-material/Add";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import {
  ArrayInput,
  required,
  ResourceContextProvider,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  useGetIdentity,
  useTranslate,
} from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { formatPersianNumber } from "../common/persianDigits";
import {
  FILE_NEEDS_ASSESSMENT,
  MY_ASSESSABLE_AREAS,
  MY_NEEDS_ASSESSMENTS,
  type MyNeedsAssessment,
} from "./myNeedsAssessmentOperations";
import { AssessmentDimensionInput } from "./needsAssessmentEnums";
import { MY_NGO, type MyNgo } from "../selfService/selfServiceOperations";

const FINDINGS = ["socialFindings", "economicFindings", "physicalFindings", "environmentalFindings"] as const;

/** The representative files an assessment of an area their NGO works in, naming their own NGO. */
const FileAssessmentButton = ({ ngoId }: { ngoId: string }) => {
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const areas = useQuery(
    graphqlQuery<{ myAssessableAreas: { id: string; name: string }[] }>(dataProvider, MY_ASSESSABLE_AREAS),
  );
  // The iterator needs the resource its inputs belong to.
  return (
    <ResourceContextProvider value="needsAssessments">
      <ActionDialogButton
        label="hamafza.needsAssessments.mine.file"
        icon={<AddIcon />}
        intro="hamafza.needsAssessments.mine.fileIntro"
        successMessage="hamafza.needsAssessments.mine.filed"
        defaultValues={{ priorityNeeds: [] }}
        onSubmit={(values) =>
          dataProvider.graphql(FILE_NEEDS_ASSESSMENT, {
            input: {
              areaId: values.areaId,
              assessedOn: values.assessedOn,
              ngoIds: [ngoId],
              ...Object.fromEntries(FINDINGS.map((field) => [field, values[field] || null])),
              priorityNeeds: ((values.priorityNeeds as { dimension?: string; description?: string }[]) ?? []).map(
                (need) => ({ dimension: need.dimension, description: need.description ?? "" }),
              ),
            },
          })
        }
        onDone={() => invalidate(MY_NEEDS_ASSESSMENTS)}
      >
        <SelectInput
          source="areaId"
          label="resources.needsAssessments.fields.areaId"
          choices={areas.data?.myAssessableAreas ?? []}
          isPending={areas.isPending}
          validate={required()}
          helperText="hamafza.needsAssessments.mine.areaHelp"
          fullWidth
        />
        <JalaliDateInput
          source="assessedOn"
          label="resources.needsAssessments.fields.assessedOn"
          validate={required()}
          notInFuture
        />
        {FINDINGS.map((field) => (
          <TextInput
            key={field}
            source={field}
            label={`resources.needsAssessments.fields.${field}`}
            multiline
            fullWidth
          />
        ))}
        <ArrayInput
          source="priorityNeeds"
          label="resources.needsAssessments.fields.priorityNeeds"
          helperText="hamafza.needsAssessments.needsHelp"
        >
          <SimpleFormIterator>
            <AssessmentDimensionInput
              source="dimension"
              label="resources.needsAssessments.fields.dimension"
              validate={required()}
            />
            <TextInput
              source="description"
              label="resources.needsAssessments.fields.description"
              validate={required()}
              fullWidth
            />
          </SimpleFormIterator>
        </ArrayInput>
      </ActionDialogButton>
    </ResourceContextProvider>
  );
};

/**
 * An NGO representative's needs assessments (seed 003; phone-first, one column): those their NGO took part in, latest
 * first, with the priority needs; and a new one for an area the NGO works in.
 */
export const MyNeedsAssessmentsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { identity } = useGetIdentity();
  const boundId = (identity as HamafzaIdentity | undefined)?.boundId;
  // The NGO the representative acts for: the one the session names, or the NGO it was merged into (the registry's
  // `ngo(id:)` answers the survivor; docs/merging.md). The same query as the NGO page's, so it is asked once.
  const myNgo = useQuery({
    ...graphqlQuery<{ ngo: MyNgo | null }>(dataProvider, MY_NGO, { id: boundId }),
    enabled: !!boundId,
  });
  const ngoId = myNgo.data?.ngo?.id;
  const { data, error } = useQuery(
    graphqlQuery<{ needsAssessments: { items: MyNeedsAssessment[] } }>(dataProvider, MY_NEEDS_ASSESSMENTS),
  );
  const items = data?.needsAssessments.items ?? [];
  // The area's name: from the assessment when the area is readable, else from the NGO's own areas.
  const areas = useQuery(
    graphqlQuery<{ myAssessableAreas: { id: string; name: string }[] }>(dataProvider, MY_ASSESSABLE_AREAS),
  );
  const areaName = (assessment: MyNeedsAssessment) =>
    assessment.area?.name ?? areas.data?.myAssessableAreas.find((area) => area.id === assessment.areaId)?.name ?? "—";
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="my-needs-assessments">
      <Title title={translate("hamafza.needsAssessments.mine.title")} />
      <Typography variant="body2" color="text.secondary">
        {translate("hamafza.needsAssessments.mine.hint")}
      </Typography>
      {ngoId && (
        <Box>
          <FileAssessmentButton ngoId={ngoId} />
        </Box>
      )}
      {error && <Typography color="error">{error.message}</Typography>}
      {data && items.length === 0 && <Typography>{translate("hamafza.needsAssessments.mine.empty")}</Typography>}
      {items.map((assessment) => (
        <Card key={assessment.id} variant="outlined" data-testid="my-needs-assessment">
          <CardContent>
            <Typography variant="subtitle1" component="h2">
              {areaName(assessment)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatJalali(assessment.assessedOn)}
            </Typography>
            {[...assessment.priorityNeeds]
              .sort((a, b) => a.rank - b.rank)
              .map((need) => (
                <Typography key={need.id} variant="body2">
                  {`${formatPersianNumber(need.rank)}. ${need.description} (${translate(
                    `hamafza.enums.assessmentDimension.${need.dimension}`,
                  )})`}
                </Typography>
              ))}
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};
