import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import Accordion from "@mui/material/Accordion";
import AccordionDetails from "@mui/material/AccordionDetails";
import AccordionSummary from "@mui/material/AccordionSummary";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useTranslate } from "react-admin";
import { formatPersianDecimal } from "../common/persianDigits";
import { EvidenceList } from "./EvidenceList";
import { FileObjectionButton } from "./ObjectionDialogs";
import { splitEvidence, type Evidence } from "./rubric";

export interface ScoredIndicator {
  code: string;
  title: string;
  unit: string;
  raw: number;
  numerator: number;
  denominator?: number | null;
  score: number;
  weight: number;
  appliedWeight: number;
  applicable: boolean;
  notApplicableReason?: string | null;
  contribution: number;
  evidence: Evidence[];
}

const n = (value: number | null | undefined) => (value == null ? "—" : formatPersianDecimal(value, 2, true));

/**
 * A result's indicators as cards, one column on a phone (the manager's screen): score or «not applicable» with the
 * reason, applied weight, the evidence counted and excluded, and the objection button while the cycle is under review.
 */
export const IndicatorCards = ({
  resultId,
  indicators,
  canObject,
}: {
  resultId: string;
  indicators: ScoredIndicator[];
  canObject: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5} data-testid="indicator-cards">
      {indicators.map((indicator) => {
        const { counted, excluded } = splitEvidence(indicator.evidence);
        return (
          <Card key={indicator.code} variant="outlined" data-testid={`indicator-${indicator.code}`}>
            <CardContent>
              <Stack direction="row" flexWrap="wrap" gap={1} alignItems="center">
                <Typography variant="subtitle1" sx={{ flex: 1, minWidth: 180 }}>
                  {indicator.title}
                </Typography>
                {indicator.applicable ? (
                  <Chip label={`${translate("hamafza.common.score")} ${n(indicator.score)}`} color="primary" />
                ) : (
                  <Chip label={translate("hamafza.evaluation.notApplicable")} variant="outlined" />
                )}
              </Stack>
              {indicator.applicable ? (
                <Typography variant="body2" color="text.secondary">
                  {n(indicator.raw)} {indicator.unit}
                  {indicator.denominator != null &&
                    ` (${n(indicator.numerator)} ${translate("hamafza.evaluation.of")} ${n(indicator.denominator)})`}
                  {" — "}
                  {translate("hamafza.evaluation.appliedWeight")} {n(indicator.appliedWeight)}
                  {" — "}
                  {translate("hamafza.evaluation.contribution")} {n(indicator.contribution)}
                </Typography>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {indicator.notApplicableReason}
                </Typography>
              )}
              <Accordion disableGutters variant="outlined" sx={{ mt: 1 }}>
                <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                  <Typography variant="body2">
                    {translate("hamafza.evaluation.evidenceSummary", {
                      indicator: indicator.title,
                      counted: counted.length,
                      excluded: excluded.length,
                    })}
                  </Typography>
                </AccordionSummary>
                <AccordionDetails>
                  <Stack direction={{ xs: "column", md: "row" }} gap={2}>
                    <EvidenceList items={counted} counted />
                    <EvidenceList items={excluded} counted={false} />
                  </Stack>
                </AccordionDetails>
              </Accordion>
              {canObject && (
                <Stack direction="row" sx={{ mt: 1 }}>
                  <FileObjectionButton
                    resultId={resultId}
                    indicatorCode={indicator.code}
                    indicatorTitle={indicator.title}
                  />
                </Stack>
              )}
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
};
