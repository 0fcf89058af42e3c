import { useTranslate } from "react-admin";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { toPersianDigits } from "../common/persianDigits";
import { GRADE_LABELS, gradeShares, type Grade } from "./rubric";

const BAR_COLORS: Readonly<Record<Grade, string>> = {
  EXCELLENT: "success.main",
  GOOD: "info.main",
  ACCEPTABLE: "warning.main",
  NEEDS_IMPROVEMENT: "error.main",
};

/** Distribution of grades as horizontal bars made of MUI boxes (`@mui/x-charts` is not installed). */
export const GradeChart = ({ counts }: { counts: readonly { grade: string; count: number }[] }) => {
  const translate = useTranslate();
  const rows = gradeShares(counts);
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Stack
      spacing={1}
      role="figure"
      aria-label={translate("hamafza.evaluation.gradeDistribution")}
      data-testid="grade-chart"
    >
      {rows.map((row) => (
        <Stack key={row.grade} direction="row" alignItems="center" spacing={1}>
          <Typography variant="body2" sx={{ width: 110, flexShrink: 0 }}>
            {GRADE_LABELS[row.grade as Grade] ?? row.grade}
          </Typography>
          <Box sx={{ flex: 1, bgcolor: "action.hover", borderRadius: 1, height: 22 }}>
            <Box
              sx={{
                width: `${(row.count / max) * 100}%`,
                minWidth: row.count ? 4 : 0,
                height: "100%",
                borderRadius: 1,
                bgcolor: BAR_COLORS[row.grade as Grade] ?? "primary.main",
              }}
            />
          </Box>
          <Typography variant="body2" sx={{ width: 90, flexShrink: 0 }}>
            {toPersianDigits(`${row.count} (${row.percent}٪)`)}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};
