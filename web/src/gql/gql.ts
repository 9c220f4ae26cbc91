/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n": typeof types.ClientTestMeDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      expiresAt\n      refreshToken\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  fragment SignedInSession on FirmSession {\n    accessToken\n    expiresAt\n    refreshToken\n    member {\n      id\n      firstName\n      lastName\n    }\n  }\n": typeof types.SignedInSessionFragmentDoc,
    "\n  query ClientPickerPage($search: String, $first: Int!, $after: String) {\n    myClientsPage(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          firmLink {\n            permissions\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClientPickerPageDocument,
    "\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n": typeof types.GroupOptionsDocument,
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n": typeof types.MeDocument,
    "\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n": typeof types.LogOutClientAdminDocument,
    "\n  query AlertCount {\n    myAlerts(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.AlertCountDocument,
    "\n  query MyAlerts($first: Int!, $after: String) {\n    myAlerts(first: $first, after: $after) {\n      totalCount\n      nextCursor\n      alerts {\n        id\n        kind\n        dueAt\n        overdue\n        summary\n        link\n        client {\n          id\n          businessName\n        }\n      }\n    }\n    myAlertDigest {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n": typeof types.MyAlertsDocument,
    "\n  mutation SetAlertDigest($optIn: Boolean!) {\n    setAlertDigest(optIn: $optIn) {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n": typeof types.SetAlertDigestDocument,
    "\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.FirmAuditDocument,
    "\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": typeof types.ClientAuditDocument,
    "\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": typeof types.InvitationAuditDocument,
    "\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": typeof types.AuditNamesDocument,
    "\n  query AuditServiceAccountNames {\n    serviceAccounts {\n      id\n      name\n    }\n  }\n": typeof types.AuditServiceAccountNamesDocument,
    "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n": typeof types.AcceptFirmInvitationDocument,
    "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n": typeof types.ConnectedClientDocument,
    "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      ...SignedInSession\n    }\n  }\n": typeof types.ConfirmFirmSignUpDocument,
    "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AcceptMemberInvitationDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      next\n      challenge\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": typeof types.LogInClientAdminDocument,
    "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": typeof types.SignUpFirmDocument,
    "\n  mutation CompleteSignIn($challenge: String!, $code: String!) {\n    completeSignIn(challenge: $challenge, code: $code) {\n      ...SignedInSession\n    }\n  }\n": typeof types.CompleteSignInDocument,
    "\n  mutation BeginTwoFactorEnrolment($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      otpauthUri\n      secret\n      qrCode\n      expiresAt\n    }\n  }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      title\n      body\n      createdAt\n      read\n      invitation {\n        id\n        status\n      }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  query ReviewFirmRequest {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      businessNameMatches\n      platform\n      accountantName\n      accountantEmail\n      permissions\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n": typeof types.ReviewFirmRequestDocument,
    "\n  query RequestNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n      invitation {\n        id\n      }\n    }\n  }\n": typeof types.RequestNotificationsDocument,
    "\n  mutation MarkRequestNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n    }\n  }\n": typeof types.MarkRequestNotificationReadDocument,
    "\n  mutation AcceptFirmRequest($invitationId: ID!, $permissions: [ClientPermission!]) {\n    acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) {\n      id\n      status\n      permissions\n    }\n  }\n": typeof types.AcceptFirmRequestDocument,
    "\n  mutation RejectFirmRequest($invitationId: ID!) {\n    rejectFirmRequest(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": typeof types.RejectFirmRequestDocument,
    "\n  query ThirdParty {\n    myClientCompany {\n      id\n      businessName\n      fein\n      platform\n      status\n      firmLink {\n        permissions\n        linkedAt\n        firm {\n          id\n          name\n          website\n        }\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      admins {\n        id\n        permissions\n      }\n    }\n    sentFirmInvitations {\n      id\n      status\n      accountantName\n      accountantEmail\n      permissions\n      sentAt\n      expiresAt\n      acceptedAt\n    }\n  }\n": typeof types.ThirdPartyDocument,
    "\n  query ReceivedFirmRequests {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      accountantName\n      accountantEmail\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n": typeof types.ReceivedFirmRequestsDocument,
    "\n  mutation InviteAccountantFirm($input: InviteAccountantFirmInput!) {\n    inviteAccountantFirm(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.InviteAccountantFirmDocument,
    "\n  mutation UpdateFirmLinkPermissions($permissions: [ClientPermission!]!) {\n    updateFirmLinkPermissions(permissions: $permissions) {\n      permissions\n    }\n  }\n": typeof types.UpdateFirmLinkPermissionsDocument,
    "\n  mutation EndFirmLink {\n    endFirmLink\n  }\n": typeof types.EndFirmLinkDocument,
    "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.AccessListDocument,
    "\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n": typeof types.GrantAccessToClientsDocument,
    "\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n": typeof types.EndMemberAccessDocument,
    "\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n": typeof types.RequestClientAccessDocument,
    "\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AddPayrollClientDocument,
    "\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReferClientToPeoDocument,
    "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n": typeof types.AssignMemberDocument,
    "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n    }\n  }\n": typeof types.UpdateAssignmentDocument,
    "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        endsAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n": typeof types.ClientViewDocument,
    "\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": typeof types.UnassignMemberDocument,
    "\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n": typeof types.CompleteOnboardingStepDocument,
    "\n  query ClientPage($platform: Platform!, $status: ClientStatus!, $groupId: ID, $first: Int, $after: String) {\n    myClientsPage(platform: $platform, status: $status, groupId: $groupId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          status\n          myPermissions\n          firmLink {\n            linkedAt\n          }\n          assignments {\n            role\n            member {\n              id\n              firstName\n              lastName\n            }\n          }\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClientPageDocument,
    "\n  query ClientTabs($platform: Platform!, $groupId: ID) {\n    active: myClientsPage(platform: $platform, status: ACTIVE, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    enrolling: myClientsPage(platform: $platform, status: ENROLLING, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.ClientTabsDocument,
    "\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawPeoReferralDocument,
    "\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.PeoReferralsDocument,
    "\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n": typeof types.FirmInfoDocument,
    "\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n": typeof types.ResendMemberInvitationDocument,
    "\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeMemberInvitationDocument,
    "\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateMemberDocument,
    "\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n": typeof types.UpdateFirmDocument,
    "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.CreateClientGroupDocument,
    "\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": typeof types.AddClientsToGroupDocument,
    "\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": typeof types.RemoveClientsFromGroupDocument,
    "\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n": typeof types.DeleteClientGroupDocument,
    "\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n": typeof types.MarkGroupPeriodDocument,
    "\n  query Home($listed: Int!) {\n    activeClientCount\n    enrolling: myClientsPage(status: ENROLLING, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query UnassignedClients($listed: Int!) {\n    myClientsPage(status: ACTIVE, unassigned: true, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": typeof types.UnassignedClientsDocument,
    "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n": typeof types.ExpiredInvitationsDocument,
    "\n  query LeaverReport($memberId: ID!) {\n    leaverReport(memberId: $memberId) {\n      memberId\n      member {\n        id\n        firstName\n        lastName\n        active\n      }\n      seesAllClients\n      reachableClients {\n        client {\n          id\n        }\n        businessName\n        platform\n        assigned\n        role\n        permissions\n        endsAt\n      }\n      soleResponsibleClients {\n        client {\n          id\n        }\n        businessName\n      }\n      serviceAccountsCreated {\n        id\n        name\n        createdAt\n        revokedAt\n      }\n      pendingMemberInvitations {\n        id\n        email\n        expiresAt\n      }\n      pendingClientRequests {\n        id\n        businessName\n        expiresAt\n      }\n    }\n  }\n": typeof types.LeaverReportDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  query ServiceAccounts {\n    serviceAccounts {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      endsAt\n      endedAt\n      createdBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.ServiceAccountsDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      secret\n      serviceAccount {\n        id\n        name\n        scopes\n      }\n    }\n  }\n": typeof types.CreateServiceAccountDocument,
    "\n  mutation RevokeServiceAccount($id: ID!) {\n    revokeServiceAccount(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeServiceAccountDocument,
    "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n  }\n": typeof types.MemberAccessDocument,
    "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": typeof types.TeamUnassignDocument,
    "\n  query TwoFactorStatus {\n    me {\n      id\n      twoFactorEnabled\n    }\n    myFirm {\n      id\n      twoFactorRequired\n      members {\n        id\n        firstName\n        lastName\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation RequireTwoFactor($required: Boolean!) {\n    requireTwoFactor(required: $required) {\n      id\n      twoFactorRequired\n    }\n  }\n": typeof types.RequireTwoFactorDocument,
    "\n  mutation ResetMemberTwoFactor($memberId: ID!) {\n    resetMemberTwoFactor(memberId: $memberId) {\n      id\n      twoFactorEnabled\n    }\n  }\n": typeof types.ResetMemberTwoFactorDocument,
    "\n  query KeyFigures($month: String!, $groupId: ID) {\n    payrollKeyFigures(month: $month, groupId: $groupId) {\n      month\n      groupId\n      payrollClients\n      employeesInService\n      payslipsSent\n      contractorPayments\n      absencesRegistered\n      shifts\n      shiftsAutomated\n      automationLevel\n      filingsWithErrorsLastMonth\n      totalPaidOutCents\n    }\n  }\n": typeof types.KeyFiguresDocument,
    "\n  query UsageReport($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        month\n        payslips\n        contractorPayments\n        absences\n        shifts\n        shiftsAutomated\n        automationLevel\n        totalPaidOutCents\n      }\n      nextCursor\n    }\n  }\n": typeof types.UsageReportDocument,
    "\n  query MyPayrollClientsReport($groupId: ID, $first: Int, $after: String) {\n    myPayrollClients(groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        role\n        timeTrackingStatus\n        lastSyncStatus\n        lastSyncedAt\n      }\n      nextCursor\n    }\n  }\n": typeof types.MyPayrollClientsReportDocument,
    "\n  query TermReport($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        term\n        payslips\n        grossPayCents\n        taxWithheldCents\n        employerTaxCents\n        contractorPaymentsCents\n      }\n      nextCursor\n    }\n  }\n": typeof types.TermReportDocument,
    "\n  query TaxCardSetup {\n    myClients {\n      id\n      businessName\n      taxAuthority {\n        fein\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    taxCardFetches(last: 10) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      fetched\n      failed\n      pending\n      requestedBy {\n        realm\n        id\n      }\n    }\n  }\n": typeof types.TaxCardSetupDocument,
    "\n  query TaxCardFetch($id: ID!) {\n    taxCardFetch(id: $id) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      pending\n      fetched\n      failed\n      clients {\n        client {\n          id\n          businessName\n        }\n        status\n        reason\n        cardCount\n        attempts\n        updatedAt\n      }\n    }\n  }\n": typeof types.TaxCardFetchDocument,
    "\n  mutation FetchTaxCards($input: FetchTaxCardsInput!) {\n    fetchTaxCards(input: $input) {\n      id\n      status\n      total\n      pending\n    }\n  }\n": typeof types.FetchTaxCardsDocument,
    "\n  mutation RetryTaxCardFetch($fetchId: ID!) {\n    retryTaxCardFetch(fetchId: $fetchId) {\n      id\n      status\n      pending\n      failed\n    }\n  }\n": typeof types.RetryTaxCardFetchDocument,
    "\n  fragment PayrollSummary on ClientCompany {\n    id\n    businessName\n    timeTracking {\n      status\n      lastSyncedAt\n      providerCompanyId\n      timeZone\n      payFrequency\n      connectedAt\n      lastSyncStatus\n      lastSyncError\n      nextSyncAt\n      syncRunning\n      retryAttempts\n    }\n    payPeriods(last: 8) {\n      id\n      startDate\n      endDate\n      deadline\n      deadlineMovedFor\n      paid\n      draftCount\n      approvedCount\n    }\n    hoursSyncWeeks(last: 8) {\n      weekStart\n      weekEnd\n      sent\n      toSend\n      errors\n      needsAttention\n    }\n  }\n": typeof types.PayrollSummaryFragmentDoc,
    "\n  query FirmClientPayroll {\n    myClients {\n      ...PayrollSummary\n      myPermissions\n    }\n  }\n": typeof types.FirmClientPayrollDocument,
    "\n  query CompanyPayroll {\n    myClientCompany {\n      ...PayrollSummary\n      admins {\n        id\n        permissions\n      }\n    }\n  }\n": typeof types.CompanyPayrollDocument,
    "\n  fragment PayrollSyncs on ClientCompany {\n    id\n    timeTracking {\n      status\n      syncs(last: 10) {\n        id\n        cause\n        startedBy {\n          realm\n          id\n        }\n        startedAt\n        finishedAt\n        status\n        error\n        attempt\n        changeCount\n        shiftsSent\n        changes {\n          what\n          side\n          detail\n          at\n        }\n      }\n    }\n  }\n": typeof types.PayrollSyncsFragmentDoc,
    "\n  query FirmPayrollSyncs {\n    myClients {\n      ...PayrollSyncs\n    }\n  }\n": typeof types.FirmPayrollSyncsDocument,
    "\n  query CompanyPayrollSyncs {\n    myClientCompany {\n      ...PayrollSyncs\n    }\n  }\n": typeof types.CompanyPayrollSyncsDocument,
    "\n  fragment PayrollMembers on ClientCompany {\n    id\n    payrollMembers {\n      id\n      firstName\n      lastName\n      email\n      kind\n      isManager\n      isAdmin\n      payRateCents\n      removedAt\n      pendingSync\n    }\n  }\n": typeof types.PayrollMembersFragmentDoc,
    "\n  query FirmPayrollMembers {\n    myClients {\n      ...PayrollMembers\n    }\n  }\n": typeof types.FirmPayrollMembersDocument,
    "\n  query CompanyPayrollMembers {\n    myClientCompany {\n      ...PayrollMembers\n    }\n  }\n": typeof types.CompanyPayrollMembersDocument,
    "\n  fragment TimecardFields on Timecard {\n    id\n    periodId\n    status\n    edited\n    approvedAt\n    shiftMinutes\n    adjustmentMinutes\n    ptoMinutes\n    holidayMinutes\n    totalMinutes\n    member {\n      id\n      firstName\n      lastName\n      kind\n      payRateCents\n    }\n    entries {\n      date\n      kind\n      minutes\n      shiftId\n      adjustment\n    }\n  }\n": typeof types.TimecardFieldsFragmentDoc,
    "\n  fragment PeriodTimecards on ClientCompany {\n    id\n    timecards(periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n": typeof types.PeriodTimecardsFragmentDoc,
    "\n  query FirmTimecards($periodId: ID!) {\n    myClients {\n      ...PeriodTimecards\n    }\n  }\n": typeof types.FirmTimecardsDocument,
    "\n  query CompanyTimecards($periodId: ID!) {\n    myClientCompany {\n      ...PeriodTimecards\n    }\n  }\n": typeof types.CompanyTimecardsDocument,
    "\n  fragment WeekReport on ClientCompany {\n    id\n    hoursSyncReport(weekStart: $weekStart) {\n      week {\n        weekStart\n        weekEnd\n        sent\n        toSend\n        errors\n        needsAttention\n      }\n      workers {\n        timeTrackingWorkerId\n        member {\n          id\n          firstName\n          lastName\n          payRateCents\n        }\n        shifts {\n          shiftId\n          date\n          start\n          end\n          minutes\n          status\n          sentAt\n          reason\n          attempts\n        }\n      }\n    }\n  }\n": typeof types.WeekReportFragmentDoc,
    "\n  query FirmHoursSyncReport($weekStart: String!) {\n    myClients {\n      ...WeekReport\n    }\n  }\n": typeof types.FirmHoursSyncReportDocument,
    "\n  query CompanyHoursSyncReport($weekStart: String!) {\n    myClientCompany {\n      ...WeekReport\n    }\n  }\n": typeof types.CompanyHoursSyncReportDocument,
    "\n  fragment PayrollRuns on ClientCompany {\n    id\n    payrollRuns(last: 20) {\n      id\n      periodId\n      periodStart\n      periodEnd\n      runBy {\n        realm\n        id\n      }\n      grossCents\n      contractorCents\n      employerTaxCents\n      completedAt\n      payslips {\n        kind\n        totalCents\n        employerTaxCents\n        member {\n          id\n          firstName\n          lastName\n        }\n        lines {\n          kind\n          minutes\n          rateCents\n          amountCents\n        }\n      }\n    }\n    employerTaxFilings {\n      month\n      grossCents\n      employerTaxCents\n      taxWithheldCents\n      runs\n      status\n      errors {\n        code\n        message\n      }\n      lastAttemptError\n      nextAttemptAt\n    }\n  }\n": typeof types.PayrollRunsFragmentDoc,
    "\n  query FirmPayrollRuns {\n    myClients {\n      ...PayrollRuns\n    }\n  }\n": typeof types.FirmPayrollRunsDocument,
    "\n  query CompanyPayrollRuns {\n    myClientCompany {\n      ...PayrollRuns\n    }\n  }\n": typeof types.CompanyPayrollRunsDocument,
    "\n  mutation ConnectTimeTracking($input: ConnectTimeTrackingInput!) {\n    connectTimeTracking(input: $input) {\n      status\n      providerCompanyId\n      payFrequency\n      timeZone\n    }\n  }\n": typeof types.ConnectTimeTrackingDocument,
    "\n  mutation DisconnectTimeTracking($clientId: ID!) {\n    disconnectTimeTracking(clientId: $clientId) {\n      status\n    }\n  }\n": typeof types.DisconnectTimeTrackingDocument,
    "\n  mutation RefreshTimeTracking($clientId: ID!) {\n    refreshTimeTracking(clientId: $clientId) {\n      id\n      status\n      error\n      changeCount\n      shiftsSent\n    }\n  }\n": typeof types.RefreshTimeTrackingDocument,
    "\n  mutation UpdatePayRate($memberId: ID!, $payRateCents: Int) {\n    updatePayrollMember(memberId: $memberId, input: { payRateCents: $payRateCents }) {\n      id\n      payRateCents\n      pendingSync\n    }\n  }\n": typeof types.UpdatePayRateDocument,
    "\n  mutation UpdateTimecard($timecardId: ID!, $input: UpdateTimecardInput!) {\n    updateTimecard(timecardId: $timecardId, input: $input) {\n      ...TimecardFields\n    }\n  }\n": typeof types.UpdateTimecardDocument,
    "\n  mutation ApproveTimecard($timecardId: ID!) {\n    approveTimecard(timecardId: $timecardId) {\n      ...TimecardFields\n    }\n  }\n": typeof types.ApproveTimecardDocument,
    "\n  mutation ApproveAllTimecards($clientId: ID!, $periodId: ID!) {\n    approveAllTimecards(clientId: $clientId, periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n": typeof types.ApproveAllTimecardsDocument,
    "\n  mutation ResendShift($clientId: ID!, $shiftId: ID!) {\n    resendShift(clientId: $clientId, shiftId: $shiftId) {\n      shiftId\n      status\n      sentAt\n      reason\n      attempts\n    }\n  }\n": typeof types.ResendShiftDocument,
    "\n  mutation RunPayroll($clientId: ID!, $periodId: ID!) {\n    runPayroll(clientId: $clientId, periodId: $periodId) {\n      id\n      periodId\n      grossCents\n      contractorCents\n      employerTaxCents\n      payslips {\n        kind\n        totalCents\n      }\n    }\n  }\n": typeof types.RunPayrollDocument,
    "\n  query PayrollAttention {\n    payrollAttention {\n      client {\n        id\n        businessName\n      }\n      draftsDue {\n        periodId\n        startDate\n        endDate\n        deadline\n        drafts\n        daysLeft\n        overdue\n      }\n      weeksWithErrors {\n        weekStart\n        weekEnd\n        errors\n        toSend\n      }\n    }\n  }\n": typeof types.PayrollAttentionDocument,
};
const documents: Documents = {
    "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n": types.ClientTestMeDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      expiresAt\n      refreshToken\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  fragment SignedInSession on FirmSession {\n    accessToken\n    expiresAt\n    refreshToken\n    member {\n      id\n      firstName\n      lastName\n    }\n  }\n": types.SignedInSessionFragmentDoc,
    "\n  query ClientPickerPage($search: String, $first: Int!, $after: String) {\n    myClientsPage(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          firmLink {\n            permissions\n          }\n        }\n      }\n    }\n  }\n": types.ClientPickerPageDocument,
    "\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n": types.GroupOptionsDocument,
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n": types.MeDocument,
    "\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n": types.LogOutClientAdminDocument,
    "\n  query AlertCount {\n    myAlerts(first: 1) {\n      totalCount\n    }\n  }\n": types.AlertCountDocument,
    "\n  query MyAlerts($first: Int!, $after: String) {\n    myAlerts(first: $first, after: $after) {\n      totalCount\n      nextCursor\n      alerts {\n        id\n        kind\n        dueAt\n        overdue\n        summary\n        link\n        client {\n          id\n          businessName\n        }\n      }\n    }\n    myAlertDigest {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n": types.MyAlertsDocument,
    "\n  mutation SetAlertDigest($optIn: Boolean!) {\n    setAlertDigest(optIn: $optIn) {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n": types.SetAlertDigestDocument,
    "\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.FirmAuditDocument,
    "\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": types.ClientAuditDocument,
    "\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": types.InvitationAuditDocument,
    "\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": types.AuditNamesDocument,
    "\n  query AuditServiceAccountNames {\n    serviceAccounts {\n      id\n      name\n    }\n  }\n": types.AuditServiceAccountNamesDocument,
    "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n": types.AcceptFirmInvitationDocument,
    "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n": types.ConnectedClientDocument,
    "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      ...SignedInSession\n    }\n  }\n": types.ConfirmFirmSignUpDocument,
    "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AcceptMemberInvitationDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      next\n      challenge\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": types.LogInClientAdminDocument,
    "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": types.SignUpFirmDocument,
    "\n  mutation CompleteSignIn($challenge: String!, $code: String!) {\n    completeSignIn(challenge: $challenge, code: $code) {\n      ...SignedInSession\n    }\n  }\n": types.CompleteSignInDocument,
    "\n  mutation BeginTwoFactorEnrolment($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      otpauthUri\n      secret\n      qrCode\n      expiresAt\n    }\n  }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      title\n      body\n      createdAt\n      read\n      invitation {\n        id\n        status\n      }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  query ReviewFirmRequest {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      businessNameMatches\n      platform\n      accountantName\n      accountantEmail\n      permissions\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n": types.ReviewFirmRequestDocument,
    "\n  query RequestNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n      invitation {\n        id\n      }\n    }\n  }\n": types.RequestNotificationsDocument,
    "\n  mutation MarkRequestNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n    }\n  }\n": types.MarkRequestNotificationReadDocument,
    "\n  mutation AcceptFirmRequest($invitationId: ID!, $permissions: [ClientPermission!]) {\n    acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) {\n      id\n      status\n      permissions\n    }\n  }\n": types.AcceptFirmRequestDocument,
    "\n  mutation RejectFirmRequest($invitationId: ID!) {\n    rejectFirmRequest(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": types.RejectFirmRequestDocument,
    "\n  query ThirdParty {\n    myClientCompany {\n      id\n      businessName\n      fein\n      platform\n      status\n      firmLink {\n        permissions\n        linkedAt\n        firm {\n          id\n          name\n          website\n        }\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      admins {\n        id\n        permissions\n      }\n    }\n    sentFirmInvitations {\n      id\n      status\n      accountantName\n      accountantEmail\n      permissions\n      sentAt\n      expiresAt\n      acceptedAt\n    }\n  }\n": types.ThirdPartyDocument,
    "\n  query ReceivedFirmRequests {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      accountantName\n      accountantEmail\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n": types.ReceivedFirmRequestsDocument,
    "\n  mutation InviteAccountantFirm($input: InviteAccountantFirmInput!) {\n    inviteAccountantFirm(input: $input) {\n      id\n      status\n    }\n  }\n": types.InviteAccountantFirmDocument,
    "\n  mutation UpdateFirmLinkPermissions($permissions: [ClientPermission!]!) {\n    updateFirmLinkPermissions(permissions: $permissions) {\n      permissions\n    }\n  }\n": types.UpdateFirmLinkPermissionsDocument,
    "\n  mutation EndFirmLink {\n    endFirmLink\n  }\n": types.EndFirmLinkDocument,
    "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.AccessListDocument,
    "\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n": types.GrantAccessToClientsDocument,
    "\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n": types.EndMemberAccessDocument,
    "\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n": types.RequestClientAccessDocument,
    "\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n": types.AddPayrollClientDocument,
    "\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReferClientToPeoDocument,
    "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n": types.AssignMemberDocument,
    "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n    }\n  }\n": types.UpdateAssignmentDocument,
    "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        endsAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n": types.ClientViewDocument,
    "\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": types.UnassignMemberDocument,
    "\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n": types.CompleteOnboardingStepDocument,
    "\n  query ClientPage($platform: Platform!, $status: ClientStatus!, $groupId: ID, $first: Int, $after: String) {\n    myClientsPage(platform: $platform, status: $status, groupId: $groupId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          status\n          myPermissions\n          firmLink {\n            linkedAt\n          }\n          assignments {\n            role\n            member {\n              id\n              firstName\n              lastName\n            }\n          }\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n  }\n": types.ClientPageDocument,
    "\n  query ClientTabs($platform: Platform!, $groupId: ID) {\n    active: myClientsPage(platform: $platform, status: ACTIVE, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    enrolling: myClientsPage(platform: $platform, status: ENROLLING, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.ClientTabsDocument,
    "\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n": types.WithdrawPeoReferralDocument,
    "\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.PeoReferralsDocument,
    "\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n": types.FirmInfoDocument,
    "\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n": types.ResendMemberInvitationDocument,
    "\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": types.RevokeMemberInvitationDocument,
    "\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n": types.DeactivateMemberDocument,
    "\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n": types.UpdateFirmDocument,
    "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n  }\n": types.GroupsDocument,
    "\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n": types.CreateClientGroupDocument,
    "\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": types.AddClientsToGroupDocument,
    "\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": types.RemoveClientsFromGroupDocument,
    "\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n": types.DeleteClientGroupDocument,
    "\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n": types.MarkGroupPeriodDocument,
    "\n  query Home($listed: Int!) {\n    activeClientCount\n    enrolling: myClientsPage(status: ENROLLING, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  query UnassignedClients($listed: Int!) {\n    myClientsPage(status: ACTIVE, unassigned: true, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": types.UnassignedClientsDocument,
    "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n": types.ExpiredInvitationsDocument,
    "\n  query LeaverReport($memberId: ID!) {\n    leaverReport(memberId: $memberId) {\n      memberId\n      member {\n        id\n        firstName\n        lastName\n        active\n      }\n      seesAllClients\n      reachableClients {\n        client {\n          id\n        }\n        businessName\n        platform\n        assigned\n        role\n        permissions\n        endsAt\n      }\n      soleResponsibleClients {\n        client {\n          id\n        }\n        businessName\n      }\n      serviceAccountsCreated {\n        id\n        name\n        createdAt\n        revokedAt\n      }\n      pendingMemberInvitations {\n        id\n        email\n        expiresAt\n      }\n      pendingClientRequests {\n        id\n        businessName\n        expiresAt\n      }\n    }\n  }\n": types.LeaverReportDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n": types.UpdateMemberDocument,
    "\n  query ServiceAccounts {\n    serviceAccounts {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      endsAt\n      endedAt\n      createdBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.ServiceAccountsDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      secret\n      serviceAccount {\n        id\n        name\n        scopes\n      }\n    }\n  }\n": types.CreateServiceAccountDocument,
    "\n  mutation RevokeServiceAccount($id: ID!) {\n    revokeServiceAccount(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeServiceAccountDocument,
    "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n  }\n": types.MemberAccessDocument,
    "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": types.TeamUnassignDocument,
    "\n  query TwoFactorStatus {\n    me {\n      id\n      twoFactorEnabled\n    }\n    myFirm {\n      id\n      twoFactorRequired\n      members {\n        id\n        firstName\n        lastName\n        twoFactorEnabled\n      }\n    }\n  }\n": types.TwoFactorStatusDocument,
    "\n  mutation RequireTwoFactor($required: Boolean!) {\n    requireTwoFactor(required: $required) {\n      id\n      twoFactorRequired\n    }\n  }\n": types.RequireTwoFactorDocument,
    "\n  mutation ResetMemberTwoFactor($memberId: ID!) {\n    resetMemberTwoFactor(memberId: $memberId) {\n      id\n      twoFactorEnabled\n    }\n  }\n": types.ResetMemberTwoFactorDocument,
    "\n  query KeyFigures($month: String!, $groupId: ID) {\n    payrollKeyFigures(month: $month, groupId: $groupId) {\n      month\n      groupId\n      payrollClients\n      employeesInService\n      payslipsSent\n      contractorPayments\n      absencesRegistered\n      shifts\n      shiftsAutomated\n      automationLevel\n      filingsWithErrorsLastMonth\n      totalPaidOutCents\n    }\n  }\n": types.KeyFiguresDocument,
    "\n  query UsageReport($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        month\n        payslips\n        contractorPayments\n        absences\n        shifts\n        shiftsAutomated\n        automationLevel\n        totalPaidOutCents\n      }\n      nextCursor\n    }\n  }\n": types.UsageReportDocument,
    "\n  query MyPayrollClientsReport($groupId: ID, $first: Int, $after: String) {\n    myPayrollClients(groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        role\n        timeTrackingStatus\n        lastSyncStatus\n        lastSyncedAt\n      }\n      nextCursor\n    }\n  }\n": types.MyPayrollClientsReportDocument,
    "\n  query TermReport($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        term\n        payslips\n        grossPayCents\n        taxWithheldCents\n        employerTaxCents\n        contractorPaymentsCents\n      }\n      nextCursor\n    }\n  }\n": types.TermReportDocument,
    "\n  query TaxCardSetup {\n    myClients {\n      id\n      businessName\n      taxAuthority {\n        fein\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    taxCardFetches(last: 10) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      fetched\n      failed\n      pending\n      requestedBy {\n        realm\n        id\n      }\n    }\n  }\n": types.TaxCardSetupDocument,
    "\n  query TaxCardFetch($id: ID!) {\n    taxCardFetch(id: $id) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      pending\n      fetched\n      failed\n      clients {\n        client {\n          id\n          businessName\n        }\n        status\n        reason\n        cardCount\n        attempts\n        updatedAt\n      }\n    }\n  }\n": types.TaxCardFetchDocument,
    "\n  mutation FetchTaxCards($input: FetchTaxCardsInput!) {\n    fetchTaxCards(input: $input) {\n      id\n      status\n      total\n      pending\n    }\n  }\n": types.FetchTaxCardsDocument,
    "\n  mutation RetryTaxCardFetch($fetchId: ID!) {\n    retryTaxCardFetch(fetchId: $fetchId) {\n      id\n      status\n      pending\n      failed\n    }\n  }\n": types.RetryTaxCardFetchDocument,
    "\n  fragment PayrollSummary on ClientCompany {\n    id\n    businessName\n    timeTracking {\n      status\n      lastSyncedAt\n      providerCompanyId\n      timeZone\n      payFrequency\n      connectedAt\n      lastSyncStatus\n      lastSyncError\n      nextSyncAt\n      syncRunning\n      retryAttempts\n    }\n    payPeriods(last: 8) {\n      id\n      startDate\n      endDate\n      deadline\n      deadlineMovedFor\n      paid\n      draftCount\n      approvedCount\n    }\n    hoursSyncWeeks(last: 8) {\n      weekStart\n      weekEnd\n      sent\n      toSend\n      errors\n      needsAttention\n    }\n  }\n": types.PayrollSummaryFragmentDoc,
    "\n  query FirmClientPayroll {\n    myClients {\n      ...PayrollSummary\n      myPermissions\n    }\n  }\n": types.FirmClientPayrollDocument,
    "\n  query CompanyPayroll {\n    myClientCompany {\n      ...PayrollSummary\n      admins {\n        id\n        permissions\n      }\n    }\n  }\n": types.CompanyPayrollDocument,
    "\n  fragment PayrollSyncs on ClientCompany {\n    id\n    timeTracking {\n      status\n      syncs(last: 10) {\n        id\n        cause\n        startedBy {\n          realm\n          id\n        }\n        startedAt\n        finishedAt\n        status\n        error\n        attempt\n        changeCount\n        shiftsSent\n        changes {\n          what\n          side\n          detail\n          at\n        }\n      }\n    }\n  }\n": types.PayrollSyncsFragmentDoc,
    "\n  query FirmPayrollSyncs {\n    myClients {\n      ...PayrollSyncs\n    }\n  }\n": types.FirmPayrollSyncsDocument,
    "\n  query CompanyPayrollSyncs {\n    myClientCompany {\n      ...PayrollSyncs\n    }\n  }\n": types.CompanyPayrollSyncsDocument,
    "\n  fragment PayrollMembers on ClientCompany {\n    id\n    payrollMembers {\n      id\n      firstName\n      lastName\n      email\n      kind\n      isManager\n      isAdmin\n      payRateCents\n      removedAt\n      pendingSync\n    }\n  }\n": types.PayrollMembersFragmentDoc,
    "\n  query FirmPayrollMembers {\n    myClients {\n      ...PayrollMembers\n    }\n  }\n": types.FirmPayrollMembersDocument,
    "\n  query CompanyPayrollMembers {\n    myClientCompany {\n      ...PayrollMembers\n    }\n  }\n": types.CompanyPayrollMembersDocument,
    "\n  fragment TimecardFields on Timecard {\n    id\n    periodId\n    status\n    edited\n    approvedAt\n    shiftMinutes\n    adjustmentMinutes\n    ptoMinutes\n    holidayMinutes\n    totalMinutes\n    member {\n      id\n      firstName\n      lastName\n      kind\n      payRateCents\n    }\n    entries {\n      date\n      kind\n      minutes\n      shiftId\n      adjustment\n    }\n  }\n": types.TimecardFieldsFragmentDoc,
    "\n  fragment PeriodTimecards on ClientCompany {\n    id\n    timecards(periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n": types.PeriodTimecardsFragmentDoc,
    "\n  query FirmTimecards($periodId: ID!) {\n    myClients {\n      ...PeriodTimecards\n    }\n  }\n": types.FirmTimecardsDocument,
    "\n  query CompanyTimecards($periodId: ID!) {\n    myClientCompany {\n      ...PeriodTimecards\n    }\n  }\n": types.CompanyTimecardsDocument,
    "\n  fragment WeekReport on ClientCompany {\n    id\n    hoursSyncReport(weekStart: $weekStart) {\n      week {\n        weekStart\n        weekEnd\n        sent\n        toSend\n        errors\n        needsAttention\n      }\n      workers {\n        timeTrackingWorkerId\n        member {\n          id\n          firstName\n          lastName\n          payRateCents\n        }\n        shifts {\n          shiftId\n          date\n          start\n          end\n          minutes\n          status\n          sentAt\n          reason\n          attempts\n        }\n      }\n    }\n  }\n": types.WeekReportFragmentDoc,
    "\n  query FirmHoursSyncReport($weekStart: String!) {\n    myClients {\n      ...WeekReport\n    }\n  }\n": types.FirmHoursSyncReportDocument,
    "\n  query CompanyHoursSyncReport($weekStart: String!) {\n    myClientCompany {\n      ...WeekReport\n    }\n  }\n": types.CompanyHoursSyncReportDocument,
    "\n  fragment PayrollRuns on ClientCompany {\n    id\n    payrollRuns(last: 20) {\n      id\n      periodId\n      periodStart\n      periodEnd\n      runBy {\n        realm\n        id\n      }\n      grossCents\n      contractorCents\n      employerTaxCents\n      completedAt\n      payslips {\n        kind\n        totalCents\n        employerTaxCents\n        member {\n          id\n          firstName\n          lastName\n        }\n        lines {\n          kind\n          minutes\n          rateCents\n          amountCents\n        }\n      }\n    }\n    employerTaxFilings {\n      month\n      grossCents\n      employerTaxCents\n      taxWithheldCents\n      runs\n      status\n      errors {\n        code\n        message\n      }\n      lastAttemptError\n      nextAttemptAt\n    }\n  }\n": types.PayrollRunsFragmentDoc,
    "\n  query FirmPayrollRuns {\n    myClients {\n      ...PayrollRuns\n    }\n  }\n": types.FirmPayrollRunsDocument,
    "\n  query CompanyPayrollRuns {\n    myClientCompany {\n      ...PayrollRuns\n    }\n  }\n": types.CompanyPayrollRunsDocument,
    "\n  mutation ConnectTimeTracking($input: ConnectTimeTrackingInput!) {\n    connectTimeTracking(input: $input) {\n      status\n      providerCompanyId\n      payFrequency\n      timeZone\n    }\n  }\n": types.ConnectTimeTrackingDocument,
    "\n  mutation DisconnectTimeTracking($clientId: ID!) {\n    disconnectTimeTracking(clientId: $clientId) {\n      status\n    }\n  }\n": types.DisconnectTimeTrackingDocument,
    "\n  mutation RefreshTimeTracking($clientId: ID!) {\n    refreshTimeTracking(clientId: $clientId) {\n      id\n      status\n      error\n      changeCount\n      shiftsSent\n    }\n  }\n": types.RefreshTimeTrackingDocument,
    "\n  mutation UpdatePayRate($memberId: ID!, $payRateCents: Int) {\n    updatePayrollMember(memberId: $memberId, input: { payRateCents: $payRateCents }) {\n      id\n      payRateCents\n      pendingSync\n    }\n  }\n": types.UpdatePayRateDocument,
    "\n  mutation UpdateTimecard($timecardId: ID!, $input: UpdateTimecardInput!) {\n    updateTimecard(timecardId: $timecardId, input: $input) {\n      ...TimecardFields\n    }\n  }\n": types.UpdateTimecardDocument,
    "\n  mutation ApproveTimecard($timecardId: ID!) {\n    approveTimecard(timecardId: $timecardId) {\n      ...TimecardFields\n    }\n  }\n": types.ApproveTimecardDocument,
    "\n  mutation ApproveAllTimecards($clientId: ID!, $periodId: ID!) {\n    approveAllTimecards(clientId: $clientId, periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n": types.ApproveAllTimecardsDocument,
    "\n  mutation ResendShift($clientId: ID!, $shiftId: ID!) {\n    resendShift(clientId: $clientId, shiftId: $shiftId) {\n      shiftId\n      status\n      sentAt\n      reason\n      attempts\n    }\n  }\n": types.ResendShiftDocument,
    "\n  mutation RunPayroll($clientId: ID!, $periodId: ID!) {\n    runPayroll(clientId: $clientId, periodId: $periodId) {\n      id\n      periodId\n      grossCents\n      contractorCents\n      employerTaxCents\n      payslips {\n        kind\n        totalCents\n      }\n    }\n  }\n": types.RunPayrollDocument,
    "\n  query PayrollAttention {\n    payrollAttention {\n      client {\n        id\n        businessName\n      }\n      draftsDue {\n        periodId\n        startDate\n        endDate\n        deadline\n        drafts\n        daysLeft\n        overdue\n      }\n      weeksWithErrors {\n        weekStart\n        weekEnd\n        errors\n        toSend\n      }\n    }\n  }\n": types.PayrollAttentionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      expiresAt\n      refreshToken\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      expiresAt\n      refreshToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignedInSession on FirmSession {\n    accessToken\n    expiresAt\n    refreshToken\n    member {\n      id\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  fragment SignedInSession on FirmSession {\n    accessToken\n    expiresAt\n    refreshToken\n    member {\n      id\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientPickerPage($search: String, $first: Int!, $after: String) {\n    myClientsPage(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          firmLink {\n            permissions\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientPickerPage($search: String, $first: Int!, $after: String) {\n    myClientsPage(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          firmLink {\n            permissions\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n"): (typeof documents)["\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertCount {\n    myAlerts(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AlertCount {\n    myAlerts(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAlerts($first: Int!, $after: String) {\n    myAlerts(first: $first, after: $after) {\n      totalCount\n      nextCursor\n      alerts {\n        id\n        kind\n        dueAt\n        overdue\n        summary\n        link\n        client {\n          id\n          businessName\n        }\n      }\n    }\n    myAlertDigest {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n"): (typeof documents)["\n  query MyAlerts($first: Int!, $after: String) {\n    myAlerts(first: $first, after: $after) {\n      totalCount\n      nextCursor\n      alerts {\n        id\n        kind\n        dueAt\n        overdue\n        summary\n        link\n        client {\n          id\n          businessName\n        }\n      }\n    }\n    myAlertDigest {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAlertDigest($optIn: Boolean!) {\n    setAlertDigest(optIn: $optIn) {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n"): (typeof documents)["\n  mutation SetAlertDigest($optIn: Boolean!) {\n    setAlertDigest(optIn: $optIn) {\n      optedIn\n      suspended\n      lastSentOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n"): (typeof documents)["\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n"): (typeof documents)["\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"): (typeof documents)["\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditServiceAccountNames {\n    serviceAccounts {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditServiceAccountNames {\n    serviceAccounts {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n"): (typeof documents)["\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      ...SignedInSession\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      ...SignedInSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      next\n      challenge\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      next\n      challenge\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignIn($challenge: String!, $code: String!) {\n    completeSignIn(challenge: $challenge, code: $code) {\n      ...SignedInSession\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSignIn($challenge: String!, $code: String!) {\n    completeSignIn(challenge: $challenge, code: $code) {\n      ...SignedInSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      otpauthUri\n      secret\n      qrCode\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      otpauthUri\n      secret\n      qrCode\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        ...SignedInSession\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      title\n      body\n      createdAt\n      read\n      invitation {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      title\n      body\n      createdAt\n      read\n      invitation {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewFirmRequest {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      businessNameMatches\n      platform\n      accountantName\n      accountantEmail\n      permissions\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ReviewFirmRequest {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      businessNameMatches\n      platform\n      accountantName\n      accountantEmail\n      permissions\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n      invitation {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n      invitation {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRequestNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n    }\n  }\n"): (typeof documents)["\n  mutation MarkRequestNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptFirmRequest($invitationId: ID!, $permissions: [ClientPermission!]) {\n    acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) {\n      id\n      status\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptFirmRequest($invitationId: ID!, $permissions: [ClientPermission!]) {\n    acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) {\n      id\n      status\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectFirmRequest($invitationId: ID!) {\n    rejectFirmRequest(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RejectFirmRequest($invitationId: ID!) {\n    rejectFirmRequest(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThirdParty {\n    myClientCompany {\n      id\n      businessName\n      fein\n      platform\n      status\n      firmLink {\n        permissions\n        linkedAt\n        firm {\n          id\n          name\n          website\n        }\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      admins {\n        id\n        permissions\n      }\n    }\n    sentFirmInvitations {\n      id\n      status\n      accountantName\n      accountantEmail\n      permissions\n      sentAt\n      expiresAt\n      acceptedAt\n    }\n  }\n"): (typeof documents)["\n  query ThirdParty {\n    myClientCompany {\n      id\n      businessName\n      fein\n      platform\n      status\n      firmLink {\n        permissions\n        linkedAt\n        firm {\n          id\n          name\n          website\n        }\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      admins {\n        id\n        permissions\n      }\n    }\n    sentFirmInvitations {\n      id\n      status\n      accountantName\n      accountantEmail\n      permissions\n      sentAt\n      expiresAt\n      acceptedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedFirmRequests {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      accountantName\n      accountantEmail\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ReceivedFirmRequests {\n    receivedFirmRequests {\n      id\n      status\n      businessName\n      accountantName\n      accountantEmail\n      requestedPermissions\n      sentAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteAccountantFirm($input: InviteAccountantFirmInput!) {\n    inviteAccountantFirm(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation InviteAccountantFirm($input: InviteAccountantFirmInput!) {\n    inviteAccountantFirm(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFirmLinkPermissions($permissions: [ClientPermission!]!) {\n    updateFirmLinkPermissions(permissions: $permissions) {\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFirmLinkPermissions($permissions: [ClientPermission!]!) {\n    updateFirmLinkPermissions(permissions: $permissions) {\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndFirmLink {\n    endFirmLink\n  }\n"): (typeof documents)["\n  mutation EndFirmLink {\n    endFirmLink\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n"): (typeof documents)["\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n"): (typeof documents)["\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        endsAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        endsAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientPage($platform: Platform!, $status: ClientStatus!, $groupId: ID, $first: Int, $after: String) {\n    myClientsPage(platform: $platform, status: $status, groupId: $groupId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          status\n          myPermissions\n          firmLink {\n            linkedAt\n          }\n          assignments {\n            role\n            member {\n              id\n              firstName\n              lastName\n            }\n          }\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientPage($platform: Platform!, $status: ClientStatus!, $groupId: ID, $first: Int, $after: String) {\n    myClientsPage(platform: $platform, status: $status, groupId: $groupId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          businessName\n          fein\n          status\n          myPermissions\n          firmLink {\n            linkedAt\n          }\n          assignments {\n            role\n            member {\n              id\n              firstName\n              lastName\n            }\n          }\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientTabs($platform: Platform!, $groupId: ID) {\n    active: myClientsPage(platform: $platform, status: ACTIVE, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    enrolling: myClientsPage(platform: $platform, status: ENROLLING, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientTabs($platform: Platform!, $groupId: ID) {\n    active: myClientsPage(platform: $platform, status: ACTIVE, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    enrolling: myClientsPage(platform: $platform, status: ENROLLING, groupId: $groupId, first: 1) {\n      totalCount\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n"): (typeof documents)["\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home($listed: Int!) {\n    activeClientCount\n    enrolling: myClientsPage(status: ENROLLING, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home($listed: Int!) {\n    activeClientCount\n    enrolling: myClientsPage(status: ENROLLING, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n          onboarding {\n            step\n            completedAt\n          }\n        }\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnassignedClients($listed: Int!) {\n    myClientsPage(status: ACTIVE, unassigned: true, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnassignedClients($listed: Int!) {\n    myClientsPage(status: ACTIVE, unassigned: true, first: $listed) {\n      totalCount\n      edges {\n        node {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaverReport($memberId: ID!) {\n    leaverReport(memberId: $memberId) {\n      memberId\n      member {\n        id\n        firstName\n        lastName\n        active\n      }\n      seesAllClients\n      reachableClients {\n        client {\n          id\n        }\n        businessName\n        platform\n        assigned\n        role\n        permissions\n        endsAt\n      }\n      soleResponsibleClients {\n        client {\n          id\n        }\n        businessName\n      }\n      serviceAccountsCreated {\n        id\n        name\n        createdAt\n        revokedAt\n      }\n      pendingMemberInvitations {\n        id\n        email\n        expiresAt\n      }\n      pendingClientRequests {\n        id\n        businessName\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaverReport($memberId: ID!) {\n    leaverReport(memberId: $memberId) {\n      memberId\n      member {\n        id\n        firstName\n        lastName\n        active\n      }\n      seesAllClients\n      reachableClients {\n        client {\n          id\n        }\n        businessName\n        platform\n        assigned\n        role\n        permissions\n        endsAt\n      }\n      soleResponsibleClients {\n        client {\n          id\n        }\n        businessName\n      }\n      serviceAccountsCreated {\n        id\n        name\n        createdAt\n        revokedAt\n      }\n      pendingMemberInvitations {\n        id\n        email\n        expiresAt\n      }\n      pendingClientRequests {\n        id\n        businessName\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceAccounts {\n    serviceAccounts {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      endsAt\n      endedAt\n      createdBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceAccounts {\n    serviceAccounts {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      endsAt\n      endedAt\n      createdBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      secret\n      serviceAccount {\n        id\n        name\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      secret\n      serviceAccount {\n        id\n        name\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeServiceAccount($id: ID!) {\n    revokeServiceAccount(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeServiceAccount($id: ID!) {\n    revokeServiceAccount(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      endsAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus {\n    me {\n      id\n      twoFactorEnabled\n    }\n    myFirm {\n      id\n      twoFactorRequired\n      members {\n        id\n        firstName\n        lastName\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  query TwoFactorStatus {\n    me {\n      id\n      twoFactorEnabled\n    }\n    myFirm {\n      id\n      twoFactorRequired\n      members {\n        id\n        firstName\n        lastName\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequireTwoFactor($required: Boolean!) {\n    requireTwoFactor(required: $required) {\n      id\n      twoFactorRequired\n    }\n  }\n"): (typeof documents)["\n  mutation RequireTwoFactor($required: Boolean!) {\n    requireTwoFactor(required: $required) {\n      id\n      twoFactorRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetMemberTwoFactor($memberId: ID!) {\n    resetMemberTwoFactor(memberId: $memberId) {\n      id\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  mutation ResetMemberTwoFactor($memberId: ID!) {\n    resetMemberTwoFactor(memberId: $memberId) {\n      id\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyFigures($month: String!, $groupId: ID) {\n    payrollKeyFigures(month: $month, groupId: $groupId) {\n      month\n      groupId\n      payrollClients\n      employeesInService\n      payslipsSent\n      contractorPayments\n      absencesRegistered\n      shifts\n      shiftsAutomated\n      automationLevel\n      filingsWithErrorsLastMonth\n      totalPaidOutCents\n    }\n  }\n"): (typeof documents)["\n  query KeyFigures($month: String!, $groupId: ID) {\n    payrollKeyFigures(month: $month, groupId: $groupId) {\n      month\n      groupId\n      payrollClients\n      employeesInService\n      payslipsSent\n      contractorPayments\n      absencesRegistered\n      shifts\n      shiftsAutomated\n      automationLevel\n      filingsWithErrorsLastMonth\n      totalPaidOutCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageReport($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        month\n        payslips\n        contractorPayments\n        absences\n        shifts\n        shiftsAutomated\n        automationLevel\n        totalPaidOutCents\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query UsageReport($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        month\n        payslips\n        contractorPayments\n        absences\n        shifts\n        shiftsAutomated\n        automationLevel\n        totalPaidOutCents\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPayrollClientsReport($groupId: ID, $first: Int, $after: String) {\n    myPayrollClients(groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        role\n        timeTrackingStatus\n        lastSyncStatus\n        lastSyncedAt\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query MyPayrollClientsReport($groupId: ID, $first: Int, $after: String) {\n    myPayrollClients(groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        role\n        timeTrackingStatus\n        lastSyncStatus\n        lastSyncedAt\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TermReport($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        term\n        payslips\n        grossPayCents\n        taxWithheldCents\n        employerTaxCents\n        contractorPaymentsCents\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query TermReport($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {\n    payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {\n      rows {\n        client {\n          id\n          businessName\n        }\n        term\n        payslips\n        grossPayCents\n        taxWithheldCents\n        employerTaxCents\n        contractorPaymentsCents\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxCardSetup {\n    myClients {\n      id\n      businessName\n      taxAuthority {\n        fein\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    taxCardFetches(last: 10) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      fetched\n      failed\n      pending\n      requestedBy {\n        realm\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaxCardSetup {\n    myClients {\n      id\n      businessName\n      taxAuthority {\n        fein\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    taxCardFetches(last: 10) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      fetched\n      failed\n      pending\n      requestedBy {\n        realm\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxCardFetch($id: ID!) {\n    taxCardFetch(id: $id) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      pending\n      fetched\n      failed\n      clients {\n        client {\n          id\n          businessName\n        }\n        status\n        reason\n        cardCount\n        attempts\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaxCardFetch($id: ID!) {\n    taxCardFetch(id: $id) {\n      id\n      year\n      status\n      startedAt\n      finishedAt\n      total\n      pending\n      fetched\n      failed\n      clients {\n        client {\n          id\n          businessName\n        }\n        status\n        reason\n        cardCount\n        attempts\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FetchTaxCards($input: FetchTaxCardsInput!) {\n    fetchTaxCards(input: $input) {\n      id\n      status\n      total\n      pending\n    }\n  }\n"): (typeof documents)["\n  mutation FetchTaxCards($input: FetchTaxCardsInput!) {\n    fetchTaxCards(input: $input) {\n      id\n      status\n      total\n      pending\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryTaxCardFetch($fetchId: ID!) {\n    retryTaxCardFetch(fetchId: $fetchId) {\n      id\n      status\n      pending\n      failed\n    }\n  }\n"): (typeof documents)["\n  mutation RetryTaxCardFetch($fetchId: ID!) {\n    retryTaxCardFetch(fetchId: $fetchId) {\n      id\n      status\n      pending\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayrollSummary on ClientCompany {\n    id\n    businessName\n    timeTracking {\n      status\n      lastSyncedAt\n      providerCompanyId\n      timeZone\n      payFrequency\n      connectedAt\n      lastSyncStatus\n      lastSyncError\n      nextSyncAt\n      syncRunning\n      retryAttempts\n    }\n    payPeriods(last: 8) {\n      id\n      startDate\n      endDate\n      deadline\n      deadlineMovedFor\n      paid\n      draftCount\n      approvedCount\n    }\n    hoursSyncWeeks(last: 8) {\n      weekStart\n      weekEnd\n      sent\n      toSend\n      errors\n      needsAttention\n    }\n  }\n"): (typeof documents)["\n  fragment PayrollSummary on ClientCompany {\n    id\n    businessName\n    timeTracking {\n      status\n      lastSyncedAt\n      providerCompanyId\n      timeZone\n      payFrequency\n      connectedAt\n      lastSyncStatus\n      lastSyncError\n      nextSyncAt\n      syncRunning\n      retryAttempts\n    }\n    payPeriods(last: 8) {\n      id\n      startDate\n      endDate\n      deadline\n      deadlineMovedFor\n      paid\n      draftCount\n      approvedCount\n    }\n    hoursSyncWeeks(last: 8) {\n      weekStart\n      weekEnd\n      sent\n      toSend\n      errors\n      needsAttention\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmClientPayroll {\n    myClients {\n      ...PayrollSummary\n      myPermissions\n    }\n  }\n"): (typeof documents)["\n  query FirmClientPayroll {\n    myClients {\n      ...PayrollSummary\n      myPermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyPayroll {\n    myClientCompany {\n      ...PayrollSummary\n      admins {\n        id\n        permissions\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompanyPayroll {\n    myClientCompany {\n      ...PayrollSummary\n      admins {\n        id\n        permissions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayrollSyncs on ClientCompany {\n    id\n    timeTracking {\n      status\n      syncs(last: 10) {\n        id\n        cause\n        startedBy {\n          realm\n          id\n        }\n        startedAt\n        finishedAt\n        status\n        error\n        attempt\n        changeCount\n        shiftsSent\n        changes {\n          what\n          side\n          detail\n          at\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PayrollSyncs on ClientCompany {\n    id\n    timeTracking {\n      status\n      syncs(last: 10) {\n        id\n        cause\n        startedBy {\n          realm\n          id\n        }\n        startedAt\n        finishedAt\n        status\n        error\n        attempt\n        changeCount\n        shiftsSent\n        changes {\n          what\n          side\n          detail\n          at\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmPayrollSyncs {\n    myClients {\n      ...PayrollSyncs\n    }\n  }\n"): (typeof documents)["\n  query FirmPayrollSyncs {\n    myClients {\n      ...PayrollSyncs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyPayrollSyncs {\n    myClientCompany {\n      ...PayrollSyncs\n    }\n  }\n"): (typeof documents)["\n  query CompanyPayrollSyncs {\n    myClientCompany {\n      ...PayrollSyncs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayrollMembers on ClientCompany {\n    id\n    payrollMembers {\n      id\n      firstName\n      lastName\n      email\n      kind\n      isManager\n      isAdmin\n      payRateCents\n      removedAt\n      pendingSync\n    }\n  }\n"): (typeof documents)["\n  fragment PayrollMembers on ClientCompany {\n    id\n    payrollMembers {\n      id\n      firstName\n      lastName\n      email\n      kind\n      isManager\n      isAdmin\n      payRateCents\n      removedAt\n      pendingSync\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmPayrollMembers {\n    myClients {\n      ...PayrollMembers\n    }\n  }\n"): (typeof documents)["\n  query FirmPayrollMembers {\n    myClients {\n      ...PayrollMembers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyPayrollMembers {\n    myClientCompany {\n      ...PayrollMembers\n    }\n  }\n"): (typeof documents)["\n  query CompanyPayrollMembers {\n    myClientCompany {\n      ...PayrollMembers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimecardFields on Timecard {\n    id\n    periodId\n    status\n    edited\n    approvedAt\n    shiftMinutes\n    adjustmentMinutes\n    ptoMinutes\n    holidayMinutes\n    totalMinutes\n    member {\n      id\n      firstName\n      lastName\n      kind\n      payRateCents\n    }\n    entries {\n      date\n      kind\n      minutes\n      shiftId\n      adjustment\n    }\n  }\n"): (typeof documents)["\n  fragment TimecardFields on Timecard {\n    id\n    periodId\n    status\n    edited\n    approvedAt\n    shiftMinutes\n    adjustmentMinutes\n    ptoMinutes\n    holidayMinutes\n    totalMinutes\n    member {\n      id\n      firstName\n      lastName\n      kind\n      payRateCents\n    }\n    entries {\n      date\n      kind\n      minutes\n      shiftId\n      adjustment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PeriodTimecards on ClientCompany {\n    id\n    timecards(periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n"): (typeof documents)["\n  fragment PeriodTimecards on ClientCompany {\n    id\n    timecards(periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmTimecards($periodId: ID!) {\n    myClients {\n      ...PeriodTimecards\n    }\n  }\n"): (typeof documents)["\n  query FirmTimecards($periodId: ID!) {\n    myClients {\n      ...PeriodTimecards\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyTimecards($periodId: ID!) {\n    myClientCompany {\n      ...PeriodTimecards\n    }\n  }\n"): (typeof documents)["\n  query CompanyTimecards($periodId: ID!) {\n    myClientCompany {\n      ...PeriodTimecards\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WeekReport on ClientCompany {\n    id\n    hoursSyncReport(weekStart: $weekStart) {\n      week {\n        weekStart\n        weekEnd\n        sent\n        toSend\n        errors\n        needsAttention\n      }\n      workers {\n        timeTrackingWorkerId\n        member {\n          id\n          firstName\n          lastName\n          payRateCents\n        }\n        shifts {\n          shiftId\n          date\n          start\n          end\n          minutes\n          status\n          sentAt\n          reason\n          attempts\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WeekReport on ClientCompany {\n    id\n    hoursSyncReport(weekStart: $weekStart) {\n      week {\n        weekStart\n        weekEnd\n        sent\n        toSend\n        errors\n        needsAttention\n      }\n      workers {\n        timeTrackingWorkerId\n        member {\n          id\n          firstName\n          lastName\n          payRateCents\n        }\n        shifts {\n          shiftId\n          date\n          start\n          end\n          minutes\n          status\n          sentAt\n          reason\n          attempts\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmHoursSyncReport($weekStart: String!) {\n    myClients {\n      ...WeekReport\n    }\n  }\n"): (typeof documents)["\n  query FirmHoursSyncReport($weekStart: String!) {\n    myClients {\n      ...WeekReport\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyHoursSyncReport($weekStart: String!) {\n    myClientCompany {\n      ...WeekReport\n    }\n  }\n"): (typeof documents)["\n  query CompanyHoursSyncReport($weekStart: String!) {\n    myClientCompany {\n      ...WeekReport\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayrollRuns on ClientCompany {\n    id\n    payrollRuns(last: 20) {\n      id\n      periodId\n      periodStart\n      periodEnd\n      runBy {\n        realm\n        id\n      }\n      grossCents\n      contractorCents\n      employerTaxCents\n      completedAt\n      payslips {\n        kind\n        totalCents\n        employerTaxCents\n        member {\n          id\n          firstName\n          lastName\n        }\n        lines {\n          kind\n          minutes\n          rateCents\n          amountCents\n        }\n      }\n    }\n    employerTaxFilings {\n      month\n      grossCents\n      employerTaxCents\n      taxWithheldCents\n      runs\n      status\n      errors {\n        code\n        message\n      }\n      lastAttemptError\n      nextAttemptAt\n    }\n  }\n"): (typeof documents)["\n  fragment PayrollRuns on ClientCompany {\n    id\n    payrollRuns(last: 20) {\n      id\n      periodId\n      periodStart\n      periodEnd\n      runBy {\n        realm\n        id\n      }\n      grossCents\n      contractorCents\n      employerTaxCents\n      completedAt\n      payslips {\n        kind\n        totalCents\n        employerTaxCents\n        member {\n          id\n          firstName\n          lastName\n        }\n        lines {\n          kind\n          minutes\n          rateCents\n          amountCents\n        }\n      }\n    }\n    employerTaxFilings {\n      month\n      grossCents\n      employerTaxCents\n      taxWithheldCents\n      runs\n      status\n      errors {\n        code\n        message\n      }\n      lastAttemptError\n      nextAttemptAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmPayrollRuns {\n    myClients {\n      ...PayrollRuns\n    }\n  }\n"): (typeof documents)["\n  query FirmPayrollRuns {\n    myClients {\n      ...PayrollRuns\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyPayrollRuns {\n    myClientCompany {\n      ...PayrollRuns\n    }\n  }\n"): (typeof documents)["\n  query CompanyPayrollRuns {\n    myClientCompany {\n      ...PayrollRuns\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectTimeTracking($input: ConnectTimeTrackingInput!) {\n    connectTimeTracking(input: $input) {\n      status\n      providerCompanyId\n      payFrequency\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectTimeTracking($input: ConnectTimeTrackingInput!) {\n    connectTimeTracking(input: $input) {\n      status\n      providerCompanyId\n      payFrequency\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectTimeTracking($clientId: ID!) {\n    disconnectTimeTracking(clientId: $clientId) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DisconnectTimeTracking($clientId: ID!) {\n    disconnectTimeTracking(clientId: $clientId) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshTimeTracking($clientId: ID!) {\n    refreshTimeTracking(clientId: $clientId) {\n      id\n      status\n      error\n      changeCount\n      shiftsSent\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshTimeTracking($clientId: ID!) {\n    refreshTimeTracking(clientId: $clientId) {\n      id\n      status\n      error\n      changeCount\n      shiftsSent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePayRate($memberId: ID!, $payRateCents: Int) {\n    updatePayrollMember(memberId: $memberId, input: { payRateCents: $payRateCents }) {\n      id\n      payRateCents\n      pendingSync\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePayRate($memberId: ID!, $payRateCents: Int) {\n    updatePayrollMember(memberId: $memberId, input: { payRateCents: $payRateCents }) {\n      id\n      payRateCents\n      pendingSync\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTimecard($timecardId: ID!, $input: UpdateTimecardInput!) {\n    updateTimecard(timecardId: $timecardId, input: $input) {\n      ...TimecardFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTimecard($timecardId: ID!, $input: UpdateTimecardInput!) {\n    updateTimecard(timecardId: $timecardId, input: $input) {\n      ...TimecardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveTimecard($timecardId: ID!) {\n    approveTimecard(timecardId: $timecardId) {\n      ...TimecardFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveTimecard($timecardId: ID!) {\n    approveTimecard(timecardId: $timecardId) {\n      ...TimecardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAllTimecards($clientId: ID!, $periodId: ID!) {\n    approveAllTimecards(clientId: $clientId, periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveAllTimecards($clientId: ID!, $periodId: ID!) {\n    approveAllTimecards(clientId: $clientId, periodId: $periodId) {\n      ...TimecardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendShift($clientId: ID!, $shiftId: ID!) {\n    resendShift(clientId: $clientId, shiftId: $shiftId) {\n      shiftId\n      status\n      sentAt\n      reason\n      attempts\n    }\n  }\n"): (typeof documents)["\n  mutation ResendShift($clientId: ID!, $shiftId: ID!) {\n    resendShift(clientId: $clientId, shiftId: $shiftId) {\n      shiftId\n      status\n      sentAt\n      reason\n      attempts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunPayroll($clientId: ID!, $periodId: ID!) {\n    runPayroll(clientId: $clientId, periodId: $periodId) {\n      id\n      periodId\n      grossCents\n      contractorCents\n      employerTaxCents\n      payslips {\n        kind\n        totalCents\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RunPayroll($clientId: ID!, $periodId: ID!) {\n    runPayroll(clientId: $clientId, periodId: $periodId) {\n      id\n      periodId\n      grossCents\n      contractorCents\n      employerTaxCents\n      payslips {\n        kind\n        totalCents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayrollAttention {\n    payrollAttention {\n      client {\n        id\n        businessName\n      }\n      draftsDue {\n        periodId\n        startDate\n        endDate\n        deadline\n        drafts\n        daysLeft\n        overdue\n      }\n      weeksWithErrors {\n        weekStart\n        weekEnd\n        errors\n        toSend\n      }\n    }\n  }\n"): (typeof documents)["\n  query PayrollAttention {\n    payrollAttention {\n      client {\n        id\n        businessName\n      }\n      draftsDue {\n        periodId\n        startDate\n        endDate\n        deadline\n        drafts\n        daysLeft\n        overdue\n      }\n      weeksWithErrors {\n        weekStart\n        weekEnd\n        errors\n        toSend\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;