import CalculateIcon from '@mui/icons-material/Calculate';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import SaveIcon from '@mui/icons-material/Save';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { Title, useNotify, usePermissions } from 'react-admin';
import { canRoleAccess } from '../auth/access';
import type { Role } from '../auth/roles';
import { formatJalali } from '../common/jalali';
import { toPersianDigits } from '../common/persianDigits';
import { useGraphQL, useGraphQLQuery } from '../common/useGraphQL';
import { currentJalaliYear } from '../engagement/periods';
import { CHANGE_STATE, CREATE_CYCLE, CYCLES, DISTRIBUTION, RUN_EVALUATION, RUNS, UPDATE_RUBRIC, type Cycle, type Run } from './evaluationApi';
import { GradeChart } from './GradeChart';
import { IndicatorAveragesByCounty } from './IndicatorAveragesByCounty';
import {
  canCompute,
  CYCLE_STATE_LABELS,
  nextCycleStates,
  rubricChanges,
  rubricProblem,
  weightSum,
  type CycleState,
  type Indicator,
} from './rubric';

export const EVALUATION_PATH = '/evaluation';

const STATE_COLORS: Record<CycleState, 'default' | 'info' | 'warning' | 'success' | 'primary'> = {
  DRAFT: 'default',
  OPEN: 'info',
  UNDER_REVIEW: 'warning',
  FINAL: 'primary',
  PUBLISHED: 'success',
};

const TRANSITION_LABELS: Record<CycleState, string> = {
  DRAFT: 'بازگشت به پیش‌نویس',
  OPEN: 'باز کردن دوره (مجاز به محاسبه)',
  UNDER_REVIEW: 'ارسال برای بازبینی',
  FINAL: 'نهایی‌کردن و قفل سال',
  PUBLISHED: 'انتشار نتایج',
};

type EditableIndicator = Indicator & { weight: number | string; target: number | string };

/** The rubric of a cycle: weights and targets editable while DRAFT, with their sum shown live. */
const RubricEditor = ({ cycle, editable, onSaved }: { cycle: Cycle; editable: boolean; onSaved: (cycle: Cycle) => void }) => {
  const graphql = useGraphQL();
  const notify = useNotify();
  const [rows, setRows] = useState<EditableIndicator[]>(cycle.indicators);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => setRows(cycle.indicators), [cycle]);
  const sum = weightSum(rows);
  const invalid = rubricProblem(rows as Partial<Indicator>[]);
  const changes = rubricChanges(cycle.indicators, rows as Partial<Indicator>[]);

  const set = (code: string, key: 'weight' | 'target', value: string) =>
    setRows((current) => current.map((row) => (row.code === code ? { ...row, [key]: value } : row)));

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      const data = await graphql<{ updateEvaluationRubric: Cycle }>(UPDATE_RUBRIC, { year: cycle.year, indicators: changes });
      notify('شاخص‌های ارزیابی ذخیره شد.', { type: 'success' });
      onSaved(data.updateEvaluationRubric);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box data-testid="rubric-editor">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>کد</TableCell>
            <TableCell>شاخص</TableCell>
            <TableCell>قاعده</TableCell>
            <TableCell>وزن</TableCell>
            <TableCell>هدف</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.code}>
              <TableCell dir="ltr">{row.code}</TableCell>
              <TableCell>
                <Typography variant="body2">{row.title}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {row.definition}
                </Typography>
              </TableCell>
              <TableCell>{row.rule === 'BANDED' ? 'پله‌ای' : 'خطی تا سقف ۱۰۰'}</TableCell>
              <TableCell sx={{ width: 110 }}>
                {editable ? (
                  <TextField
                    size="small"
                    type="number"
                    value={row.weight}
                    onChange={(event) => set(row.code, 'weight', event.target.value)}
                    slotProps={{ htmlInput: { min: 0, max: 100, step: 'any', 'aria-label': `وزن ${row.code}` } }}
                  />
                ) : (
                  toPersianDigits(row.weight)
                )}
              </TableCell>
              <TableCell sx={{ width: 130 }}>
                {editable ? (
                  <TextField
                    size="small"
                    type="number"
                    value={row.target}
                    onChange={(event) => set(row.code, 'target', event.target.value)}
                    slotProps={{ htmlInput: { min: 0, step: 'any', 'aria-label': `هدف ${row.code}` } }}
                  />
                ) : (
                  toPersianDigits(row.target)
                )}{' '}
                <Typography variant="caption">{row.unit}</Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={3}>جمع وزن‌ها</TableCell>
            <TableCell colSpan={2}>
              <Chip
                data-testid="weight-sum"
                color={sum === 100 ? 'success' : 'error'}
                label={`${toPersianDigits(sum)} از ۱۰۰`}
              />
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
      {editable && invalid && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {invalid}
        </Alert>
      )}
      {problem && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {problem}
        </Alert>
      )}
      {editable && (
        <Button
          sx={{ mt: 1 }}
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={Boolean(invalid) || changes.length === 0 || saving}
          onClick={save}
        >
          ذخیره شاخص‌ها
        </Button>
      )}
      {!editable && (
        <Typography variant="caption" color="text.secondary">
          وزن‌ها و هدف‌ها فقط وقتی دوره «پیش‌نویس» است تغییر می‌کنند.
        </Typography>
      )}
    </Box>
  );
};

const RunsTable = ({ runs }: { runs: Run[] }) =>
  runs.length === 0 ? (
    <Typography variant="body2">هنوز محاسبه‌ای اجرا نشده است.</Typography>
  ) : (
    <Table size="small" data-testid="evaluation-runs">
      <TableHead>
        <TableRow>
          <TableCell>زمان محاسبه</TableCell>
          <TableCell>مدیران امتیازگرفته</TableCell>
          <TableCell>بدون تصدی</TableCell>
          <TableCell>مدت (میلی‌ثانیه)</TableCell>
          <TableCell>محاسبه‌کننده</TableCell>
          <TableCell>اثر انگشت نتایج</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell>{formatJalali(run.computedAt, { showTime: true })}</TableCell>
            <TableCell>{toPersianDigits(run.managersScored)}</TableCell>
            <TableCell>{toPersianDigits(run.managersWithoutTenure)}</TableCell>
            <TableCell>{toPersianDigits(run.durationMs)}</TableCell>
            <TableCell>{run.computedBy}</TableCell>
            <TableCell dir="ltr" sx={{ fontFamily: 'monospace' }}>
              {run.resultsHash.slice(0, 12)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

const CycleView = ({ cycle, canEvaluate, onChanged }: { cycle: Cycle; canEvaluate: boolean; onChanged: () => void }) => {
  const graphql = useGraphQL();
  const notify = useNotify();
  const runs = useGraphQLQuery<{ evaluationRuns: Run[] }>(RUNS, { year: cycle.year }, canEvaluate);
  const distribution = useGraphQLQuery<{ evaluationGradeDistribution: { grade: string; count: number }[] }>(DISTRIBUTION, {
    filter: { year: cycle.year },
  });
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const act = async (label: string, run: () => Promise<string>) => {
    setBusy(label);
    setProblem(undefined);
    try {
      notify(await run(), { type: 'success' });
      onChanged();
      runs.refetch();
      distribution.refetch();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };

  const compute = () =>
    act('run', async () => {
      const { runEvaluation } = await graphql<{ runEvaluation: Run }>(RUN_EVALUATION, { year: cycle.year });
      return toPersianDigits(`محاسبه انجام شد: ${runEvaluation.managersScored} مدیر در ${runEvaluation.durationMs} میلی‌ثانیه.`);
    });
  const transition = (state: CycleState) =>
    act(state, async () => {
      await graphql(CHANGE_STATE, { year: cycle.year, state });
      return `وضعیت دوره: ${CYCLE_STATE_LABELS[state]}`;
    });

  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" flexWrap="wrap" alignItems="center" gap={2}>
            <Typography variant="h6" component="h2">
              {cycle.title}
            </Typography>
            <Chip color={STATE_COLORS[cycle.state]} label={CYCLE_STATE_LABELS[cycle.state]} data-testid="cycle-state" />
            {cycle.publishedAt && <Typography variant="body2">انتشار: {formatJalali(cycle.publishedAt, { showTime: true })}</Typography>}
            <Box sx={{ flex: 1 }} />
            <Button href={`#/evaluationResults?filter=${encodeURIComponent(JSON.stringify({ year: cycle.year }))}`} startIcon={<LeaderboardIcon />}>
              جدول امتیازها
            </Button>
          </Stack>
          {canEvaluate && (
            <Stack direction="row" flexWrap="wrap" gap={1} sx={{ mt: 2 }}>
              <Button
                variant="contained"
                startIcon={<CalculateIcon />}
                disabled={!canCompute(cycle.state) || Boolean(busy)}
                onClick={compute}
              >
                اجرای محاسبه امتیازها
              </Button>
              {nextCycleStates(cycle.state).map((state) => (
                <Button key={state} variant="outlined" disabled={Boolean(busy)} onClick={() => transition(state)}>
                  {TRANSITION_LABELS[state]}
                </Button>
              ))}
            </Stack>
          )}
          {busy && (
            <Box sx={{ mt: 2 }} data-testid="evaluation-progress">
              <Typography variant="body2">{busy === 'run' ? 'در حال گردآوری داده‌ها و محاسبه امتیاز همه مدیران…' : 'در حال تغییر وضعیت…'}</Typography>
              <LinearProgress />
            </Box>
          )}
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problem}
            </Alert>
          )}
          {cycle.state === 'FINAL' && (
            <Alert severity="info" sx={{ mt: 2 }}>
              سوابق تعامل این سال قفل شده‌اند و دیگر تغییر نمی‌کنند.
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            شاخص‌ها و وزن‌ها
          </Typography>
          <RubricEditor cycle={cycle} editable={canEvaluate && cycle.state === 'DRAFT'} onSaved={onChanged} />
        </CardContent>
      </Card>
      <Stack direction={{ xs: 'column', md: 'row' }} gap={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              توزیع رتبه‌های کیفی
            </Typography>
            {distribution.error && <Alert severity="error">{distribution.error.message}</Alert>}
            {distribution.data && <GradeChart counts={distribution.data.evaluationGradeDistribution} />}
          </CardContent>
        </Card>
        {canEvaluate && (
          <Card variant="outlined" sx={{ flex: 2 }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                اجراهای محاسبه
              </Typography>
              {runs.isPending && <LinearProgress />}
              {runs.data && <RunsTable runs={runs.data.evaluationRuns} />}
            </CardContent>
          </Card>
        )}
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            میانگین امتیاز شاخص‌ها به تفکیک شهرستان
          </Typography>
          <IndicatorAveragesByCounty key={`${cycle.year}-${runs.data?.evaluationRuns.length ?? 0}`} year={cycle.year} indicators={cycle.indicators} />
        </CardContent>
      </Card>
    </Stack>
  );
};

/** Evaluation cycles: the rubric editor, computation runs and the cycle's states (by role). */
export const EvaluationCyclePage = () => {
  const { permissions } = usePermissions<Role | undefined>();
  const canEvaluate = canRoleAccess(permissions, { action: 'edit', resource: 'evaluationCycles' });
  const graphql = useGraphQL();
  const notify = useNotify();
  const cycles = useGraphQLQuery<{ evaluationCycles: Cycle[] }>(CYCLES, {});
  const [year, setYear] = useState<number>();
  const list = useMemo(() => cycles.data?.evaluationCycles ?? [], [cycles.data]);
  const cycle = list.find((candidate) => candidate.year === year) ?? list[0];
  const nextYear = Math.max(currentJalaliYear(), ...list.map((item) => item.year + 1));
  const create = async () => {
    try {
      await graphql(CREATE_CYCLE, { year: nextYear });
      setYear(nextYear);
      cycles.refetch();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="دوره‌های ارزیابی مدیران" />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label="سال ارزیابی"
          value={cycle?.year ?? ''}
          onChange={(event) => setYear(Number(event.target.value))}
          sx={{ minWidth: 160 }}
        >
          {list.map((item) => (
            <MenuItem key={item.year} value={item.year}>
              {toPersianDigits(item.year)}
            </MenuItem>
          ))}
        </TextField>
        {canEvaluate && !list.some((item) => item.year === nextYear) && (
          <Button onClick={create}>{toPersianDigits(`ایجاد دوره ${nextYear}`)}</Button>
        )}
      </Stack>
      {cycles.isPending && <LinearProgress />}
      {cycles.error && <Alert severity="error">{cycles.error.message}</Alert>}
      {cycles.data && !cycle && <Alert severity="info">دوره ارزیابی‌ای تعریف نشده است.</Alert>}
      {cycle && <CycleView cycle={cycle} canEvaluate={canEvaluate} onChanged={cycles.refetch} />}
    </Box>
  );
};
