import { graphql } from '../../gql';

/**
 * The payroll screens' documents (SPEC P1, P2, P3, P7). A firm member reads a client through
 * `myClients` (only the clients they see, SPEC C6), a client admin their own company through
 * `myClientCompany`; both select the same fragments, so one screen serves both.
 */

export const PayrollSummaryFragment = graphql(`
  fragment PayrollSummary on ClientCompany {
    id
    businessName
    timeTracking {
      status
      lastSyncedAt
      providerCompanyId
      timeZone
      payFrequency
      connectedAt
      lastSyncStatus
      lastSyncError
      nextSyncAt
      syncRunning
      retryAttempts
    }
    payPeriods(last: 8) {
      id
      startDate
      endDate
      deadline
      deadlineMovedFor
      paid
      draftCount
      approvedCount
    }
    hoursSyncWeeks(last: 8) {
      weekStart
      weekEnd
      sent
      toSend
      errors
      needsAttention
    }
  }
`);

export const FirmClientPayroll = graphql(`
  query FirmClientPayroll {
    myClients {
      ...PayrollSummary
      myPermissions
    }
  }
`);

export const CompanyPayroll = graphql(`
  query CompanyPayroll {
    myClientCompany {
      ...PayrollSummary
      admins {
        id
        permissions
      }
    }
  }
`);

export const PayrollSyncsFragment = graphql(`
  fragment PayrollSyncs on ClientCompany {
    id
    timeTracking {
      status
      syncs(last: 10) {
        id
        cause
        startedBy {
          realm
          id
        }
        startedAt
        finishedAt
        status
        error
        attempt
        changeCount
        shiftsSent
        changes {
          what
          side
          detail
          at
        }
      }
    }
  }
`);

export const FirmPayrollSyncs = graphql(`
  query FirmPayrollSyncs {
    myClients {
      ...PayrollSyncs
    }
  }
`);

export const CompanyPayrollSyncs = graphql(`
  query CompanyPayrollSyncs {
    myClientCompany {
      ...PayrollSyncs
    }
  }
`);

export const PayrollMembersFragment = graphql(`
  fragment PayrollMembers on ClientCompany {
    id
    payrollMembers {
      id
      firstName
      lastName
      email
      kind
      isManager
      isAdmin
      payRateCents
      removedAt
      pendingSync
    }
  }
`);

export const FirmPayrollMembers = graphql(`
  query FirmPayrollMembers {
    myClients {
      ...PayrollMembers
    }
  }
`);

export const CompanyPayrollMembers = graphql(`
  query CompanyPayrollMembers {
    myClientCompany {
      ...PayrollMembers
    }
  }
`);

export const TimecardFieldsFragment = graphql(`
  fragment TimecardFields on Timecard {
    id
    periodId
    status
    edited
    approvedAt
    shiftMinutes
    adjustmentMinutes
    ptoMinutes
    holidayMinutes
    totalMinutes
    member {
      id
      firstName
      lastName
      kind
      payRateCents
    }
    entries {
      date
      kind
      minutes
      shiftId
      adjustment
    }
  }
`);

export const PeriodTimecardsFragment = graphql(`
  fragment PeriodTimecards on ClientCompany {
    id
    timecards(periodId: $periodId) {
      ...TimecardFields
    }
  }
`);

export const FirmTimecards = graphql(`
  query FirmTimecards($periodId: ID!) {
    myClients {
      ...PeriodTimecards
    }
  }
`);

export const CompanyTimecards = graphql(`
  query CompanyTimecards($periodId: ID!) {
    myClientCompany {
      ...PeriodTimecards
    }
  }
`);

export const WeekReportFragment = graphql(`
  fragment WeekReport on ClientCompany {
    id
    hoursSyncReport(weekStart: $weekStart) {
      week {
        weekStart
        weekEnd
        sent
        toSend
        errors
        needsAttention
      }
      workers {
        timeTrackingWorkerId
        member {
          id
          firstName
          lastName
          payRateCents
        }
        shifts {
          shiftId
          date
          start
          end
          minutes
          status
          sentAt
          reason
          attempts
        }
      }
    }
  }
`);

export const FirmHoursSyncReport = graphql(`
  query FirmHoursSyncReport($weekStart: String!) {
    myClients {
      ...WeekReport
    }
  }
`);

export const CompanyHoursSyncReport = graphql(`
  query CompanyHoursSyncReport($weekStart: String!) {
    myClientCompany {
      ...WeekReport
    }
  }
`);

export const PayrollRunsFragment = graphql(`
  fragment PayrollRuns on ClientCompany {
    id
    payrollRuns(last: 20) {
      id
      periodId
      periodStart
      periodEnd
      runBy {
        realm
        id
      }
      grossCents
      contractorCents
      employerTaxCents
      completedAt
      payslips {
        kind
        totalCents
        employerTaxCents
        member {
          id
          firstName
          lastName
        }
        lines {
          kind
          minutes
          rateCents
          amountCents
        }
      }
    }
    employerTaxFilings {
      month
      grossCents
      employerTaxCents
      taxWithheldCents
      runs
      status
      errors {
        code
        message
      }
      lastAttemptError
      nextAttemptAt
    }
  }
`);

export const FirmPayrollRuns = graphql(`
  query FirmPayrollRuns {
    myClients {
      ...PayrollRuns
    }
  }
`);

export const CompanyPayrollRuns = graphql(`
  query CompanyPayrollRuns {
    myClientCompany {
      ...PayrollRuns
    }
  }
`);

export const ConnectTimeTracking = graphql(`
  mutation ConnectTimeTracking($input: ConnectTimeTrackingInput!) {
    connectTimeTracking(input: $input) {
      status
      providerCompanyId
      payFrequency
      timeZone
    }
  }
`);

export const DisconnectTimeTracking = graphql(`
  mutation DisconnectTimeTracking($clientId: ID!) {
    disconnectTimeTracking(clientId: $clientId) {
      status
    }
  }
`);

export const RefreshTimeTracking = graphql(`
  mutation RefreshTimeTracking($clientId: ID!) {
    refreshTimeTracking(clientId: $clientId) {
      id
      status
      error
      changeCount
      shiftsSent
    }
  }
`);

export const UpdatePayRate = graphql(`
  mutation UpdatePayRate($memberId: ID!, $payRateCents: Int) {
    updatePayrollMember(memberId: $memberId, input: { payRateCents: $payRateCents }) {
      id
      payRateCents
      pendingSync
    }
  }
`);

export const UpdateTimecard = graphql(`
  mutation UpdateTimecard($timecardId: ID!, $input: UpdateTimecardInput!) {
    updateTimecard(timecardId: $timecardId, input: $input) {
      ...TimecardFields
    }
  }
`);

export const ApproveTimecard = graphql(`
  mutation ApproveTimecard($timecardId: ID!) {
    approveTimecard(timecardId: $timecardId) {
      ...TimecardFields
    }
  }
`);

export const ApproveAllTimecards = graphql(`
  mutation ApproveAllTimecards($clientId: ID!, $periodId: ID!) {
    approveAllTimecards(clientId: $clientId, periodId: $periodId) {
      ...TimecardFields
    }
  }
`);

export const ResendShift = graphql(`
  mutation ResendShift($clientId: ID!, $shiftId: ID!) {
    resendShift(clientId: $clientId, shiftId: $shiftId) {
      shiftId
      status
      sentAt
      reason
      attempts
    }
  }
`);

export const RunPayroll = graphql(`
  mutation RunPayroll($clientId: ID!, $periodId: ID!) {
    runPayroll(clientId: $clientId, periodId: $periodId) {
      id
      periodId
      grossCents
      contractorCents
      employerTaxCents
      payslips {
        kind
        totalCents
      }
    }
  }
`);

export const PayrollAttentionQuery = graphql(`
  query PayrollAttention {
    payrollAttention {
      client {
        id
        businessName
      }
      draftsDue {
        periodId
        startDate
        endDate
        deadline
        drafts
        daysLeft
        overdue
      }
      weeksWithErrors {
        weekStart
        weekEnd
        errors
        toSend
      }
    }
  }
`);
