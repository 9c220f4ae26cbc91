import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import type { KeyFiguresQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { ApiError, Loading, PageHeader } from '../../components/feedback';
import { GroupFilter } from '../../components/group-filter';
import { formatCentsString, formatLevel, formatMonth, monthsBefore, thisMonth } from './overview-logic';

const KeyFigures = graphql(`
  query KeyFigures($month: String!, $groupId: ID) {
    payrollKeyFigures(month: $month, groupId: $groupId) {
      month
      groupId
      payrollClients
      employeesInService
      payslipsSent
      contractorPayments
      absencesRegistered
      shifts
      shiftsAutomated
      automationLevel
      filingsWithErrorsLastMonth
      totalPaidOutCents
    }
  }
`);

type Figures = KeyFiguresQuery['payrollKeyFigures'];

/** Each key figure: its label, its value in words, and what it counts (SPEC P4). */
export function figureCards(f: Figures): Array<{ key: string; label: string; value: string; help: string }> {
  return [
    { key: 'payrollClients', label: 'Payroll clients', value: String(f.payrollClients), help: 'Time tracking connected, or pay in the month.' },
    { key: 'employeesInService', label: 'Employees in service', value: String(f.employeesInService), help: 'W2 employees with a payslip in the month.' },
    { key: 'payslipsSent', label: 'Payslips sent', value: String(f.payslipsSent), help: 'Payslips of the payroll runs in the month.' },
    { key: 'contractorPayments', label: 'Contractor payments', value: String(f.contractorPayments), help: '1099 contractors paid in the month.' },
    { key: 'absencesRegistered', label: 'Absences registered', value: String(f.absencesRegistered), help: 'Approved time off and sick leave on timecards.' },
    {
      key: 'automationLevel',
      label: 'Automation level',
      value: formatLevel(f.automationLevel),
      help: `${f.shiftsAutomated} of ${f.shifts} shifts reached a timecard with no resend and no edit.`,
    },
    {
      key: 'filingsWithErrorsLastMonth',
      label: 'Tax filings with errors',
      value: String(f.filingsWithErrorsLastMonth),
      help: `Employer filings for ${formatMonth(monthsBefore(f.month, 1))} the tax authority rejected.`,
    },
    { key: 'totalPaidOutCents', label: 'Total paid out', value: formatCentsString(f.totalPaidOutCents), help: 'Gross pay and contractor payments.' },
  ];
}

/**
 * SPEC P4: the firm's key figures for a month, across every client the member sees (C6), or one
 * group's (C10). Month and group live in the address, so a view can be shared.
 */
export function KeyFiguresPage() {
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? thisMonth();
  const groupId = params.get('group') ?? '';
  const [{ data, fetching, error }] = useQuery({ query: KeyFigures, variables: { month, groupId: groupId || null } });
  const errors = formErrors(error, {}, { month: 'month' });
  const update = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const figures = data?.payrollKeyFigures;
  return (
    <>
      <PageHeader title="Key figures" subtitle="Across every client you can see, counted once a month." />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          id="month"
          label="Month"
          type="month"
          value={month}
          onChange={(e) => update('month', e.target.value)}
          error={Boolean(errors.fields.month)}
          helperText={errors.fields.month}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
          fullWidth={false}
        />
        <GroupFilter value={groupId} onChange={(g) => update('group', g)} />
      </Stack>
      <ApiError messages={errors.general} />
      {fetching && !figures && <Loading what="Counting key figures" />}
      {figures && (
        <Box component="section" aria-label={`Key figures for ${formatMonth(figures.month)}`}>
          <Box
            component="dl"
            sx={{ m: 0, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}
          >
            {figureCards(figures).map((c) => (
              <Paper key={c.key} sx={{ p: 2 }}>
                <Typography component="dt" variant="body2" color="text.secondary" id={`figure-${c.key}-label`}>
                  {c.label}
                </Typography>
                <Typography component="dd" variant="h1" aria-labelledby={`figure-${c.key}-label`} sx={{ m: 0, fontSize: '2rem' }}>
                  {c.value}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {c.help}
                </Typography>
              </Paper>
            ))}
          </Box>
          {figures.payrollClients === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} role="note">
              No payroll client of yours had time tracking connected or pay in {formatMonth(figures.month)}.
            </Typography>
          )}
        </Box>
      )}
    </>
  );
}
