import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import { reactRouterProvider, usePermissions, useTranslate } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { EVALUATION_PATH } from "./paths";

const { useParams } = reactRouterProvider;

/** The year of a compare / what-if route, and whether the role may use these screens (evaluators, administrators). */
export function useEvaluationScreen(): { year: number; canEvaluate: boolean; isPending: boolean } {
  const { year } = useParams();
  const { permissions, isPending } = usePermissions<Role | undefined>();
  return {
    year: Number(year),
    canEvaluate: canRoleAccess(permissions, { action: "edit", resource: "evaluationCycles" }),
    isPending,
  };
}

export const BackToCycle = () => {
  const translate = useTranslate();
  return (
    <Button href={`#${EVALUATION_PATH}`} startIcon={<ArrowBackIcon />}>
      {translate("hamafza.evaluation.backToCycle")}
    </Button>
  );
};

export const NotAllowed = () => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      {translate("hamafza.evaluation.notAllowed")}
    </Alert>
  );
};
