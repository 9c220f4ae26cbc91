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
    "\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n": typeof types.GroupOptionsDocument,
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n": typeof types.MeDocument,
    "\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n": typeof types.LogOutClientAdminDocument,
    "\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.FirmAuditDocument,
    "\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": typeof types.ClientAuditDocument,
    "\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": typeof types.InvitationAuditDocument,
    "\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": typeof types.AuditNamesDocument,
    "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n": typeof types.AcceptFirmInvitationDocument,
    "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n": typeof types.ConnectedClientDocument,
    "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.ConfirmFirmSignUpDocument,
    "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AcceptMemberInvitationDocument,
    "\n  mutation LogIn($username: String!, $password: String!) {\n    logIn(username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": typeof types.LogInClientAdminDocument,
    "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        accessToken\n        expiresAt\n        refreshToken\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": typeof types.SignUpFirmDocument,
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
    "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": typeof types.AccessListDocument,
    "\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n": typeof types.GrantAccessToClientsDocument,
    "\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n": typeof types.EndMemberAccessDocument,
    "\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n": typeof types.RequestClientAccessDocument,
    "\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AddPayrollClientDocument,
    "\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReferClientToPeoDocument,
    "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n": typeof types.AssignMemberDocument,
    "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n    }\n  }\n": typeof types.UpdateAssignmentDocument,
    "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n": typeof types.ClientViewDocument,
    "\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": typeof types.UnassignMemberDocument,
    "\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n": typeof types.CompleteOnboardingStepDocument,
    "\n  query ClientList($platform: Platform!, $groupId: ID) {\n    myClients(platform: $platform, groupId: $groupId) {\n      id\n      businessName\n      fein\n      status\n      myPermissions\n      firmLink {\n        linkedAt\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.ClientListDocument,
    "\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawPeoReferralDocument,
    "\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.PeoReferralsDocument,
    "\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n": typeof types.FirmInfoDocument,
    "\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n": typeof types.ResendMemberInvitationDocument,
    "\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeMemberInvitationDocument,
    "\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateMemberDocument,
    "\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n": typeof types.UpdateFirmDocument,
    "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.CreateClientGroupDocument,
    "\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": typeof types.AddClientsToGroupDocument,
    "\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": typeof types.RemoveClientsFromGroupDocument,
    "\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n": typeof types.DeleteClientGroupDocument,
    "\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n": typeof types.MarkGroupPeriodDocument,
    "\n  query Home {\n    activeClientCount\n    myClients {\n      id\n      businessName\n      status\n      assignments {\n        member {\n          id\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n": typeof types.ExpiredInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n    myClients {\n      id\n      businessName\n      firmLink {\n        permissions\n      }\n    }\n  }\n": typeof types.MemberAccessDocument,
    "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": typeof types.TeamUnassignDocument,
};
const documents: Documents = {
    "\n  query ClientTestMe {\n    me {\n      id\n    }\n  }\n": types.ClientTestMeDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      expiresAt\n      refreshToken\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  query GroupOptions {\n    clientGroups {\n      id\n      name\n    }\n  }\n": types.GroupOptionsDocument,
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      workEmail\n      firmRole\n      permissions\n    }\n    myFirm {\n      id\n      name\n    }\n  }\n": types.MeDocument,
    "\n  query UnreadNotifications {\n    myNotifications(unreadOnly: true) {\n      id\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  mutation LogOutClientAdmin {\n    logOutClientAdmin\n  }\n": types.LogOutClientAdminDocument,
    "\n  query FirmAudit {\n    firmAuditTrail(first: 200) {\n      id\n      action\n      subjectType\n      subjectId\n      before\n      after\n      at\n      actor {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.FirmAuditDocument,
    "\n  query ClientAudit {\n    clientAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectType\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": types.ClientAuditDocument,
    "\n  query InvitationAudit {\n    invitationAuditTrail(first: 200) {\n      id\n      action\n      actorRealm\n      actorId\n      subjectId\n      before\n      after\n      at\n    }\n  }\n": types.InvitationAuditDocument,
    "\n  query AuditNames {\n    myFirm {\n      id\n      name\n      members(includeInactive: true) {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": types.AuditNamesDocument,
    "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n": types.AcceptFirmInvitationDocument,
    "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n": types.ConnectedClientDocument,
    "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.ConfirmFirmSignUpDocument,
    "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AcceptMemberInvitationDocument,
    "\n  mutation LogIn($username: String!, $password: String!) {\n    logIn(username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n": types.LogInClientAdminDocument,
    "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        accessToken\n        expiresAt\n        refreshToken\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": types.SignUpFirmDocument,
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
    "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": types.AccessListDocument,
    "\n  mutation GrantAccessToClients($input: GrantAccessInput!) {\n    grantAccessToClients(input: $input) {\n      role\n      client {\n        id\n      }\n    }\n  }\n": types.GrantAccessToClientsDocument,
    "\n  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {\n    endMemberAccess(memberId: $memberId, clientIds: $clientIds)\n  }\n": types.EndMemberAccessDocument,
    "\n  mutation RequestClientAccess($input: RequestClientAccessInput!) {\n    requestClientAccess(input: $input) {\n      id\n      status\n      platform\n    }\n  }\n": types.RequestClientAccessDocument,
    "\n  mutation AddPayrollClient($input: AddPayrollClientInput!) {\n    addPayrollClient(input: $input) {\n      id\n      status\n    }\n  }\n": types.AddPayrollClientDocument,
    "\n  mutation ReferClientToPeo($input: PeoReferralInput!) {\n    referClientToPeo(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReferClientToPeoDocument,
    "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n": types.AssignMemberDocument,
    "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n    }\n  }\n": types.UpdateAssignmentDocument,
    "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n": types.ClientViewDocument,
    "\n  mutation UnassignMember($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": types.UnassignMemberDocument,
    "\n  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {\n    completeOnboardingStep(clientId: $clientId, step: $step) {\n      id\n      status\n      onboarding {\n        step\n        completedAt\n      }\n    }\n  }\n": types.CompleteOnboardingStepDocument,
    "\n  query ClientList($platform: Platform!, $groupId: ID) {\n    myClients(platform: $platform, groupId: $groupId) {\n      id\n      businessName\n      fein\n      status\n      myPermissions\n      firmLink {\n        linkedAt\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.ClientListDocument,
    "\n  mutation WithdrawPeoReferral($referralId: ID!) {\n    withdrawPeoReferral(referralId: $referralId) {\n      id\n      status\n    }\n  }\n": types.WithdrawPeoReferralDocument,
    "\n  query PeoReferrals {\n    peoReferrals {\n      id\n      businessName\n      contactName\n      contactEmail\n      employeeCount\n      expedited\n      status\n      createdAt\n      expectedWeeksMin\n      expectedWeeksMax\n      referredBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.PeoReferralsDocument,
    "\n  query FirmInfo($includeInactive: Boolean!) {\n    myFirm {\n      id\n      name\n      website\n      domain\n      createdAt\n      members(includeInactive: $includeInactive) {\n        id\n        firstName\n        lastName\n        workEmail\n        jobRole\n        firmRole\n        permissions\n        active\n      }\n    }\n  }\n": types.FirmInfoDocument,
    "\n  query PendingInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        email\n        jobRole\n        firmRole\n        permissions\n        status\n        sentAt\n        expiresAt\n        invitedBy {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation ResendMemberInvitation($invitationId: ID!) {\n    resendMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n      expiresAt\n    }\n  }\n": types.ResendMemberInvitationDocument,
    "\n  mutation RevokeMemberInvitation($invitationId: ID!) {\n    revokeMemberInvitation(invitationId: $invitationId) {\n      id\n      status\n    }\n  }\n": types.RevokeMemberInvitationDocument,
    "\n  mutation DeactivateMember($memberId: ID!) {\n    deactivateMember(memberId: $memberId) {\n      id\n      active\n    }\n  }\n": types.DeactivateMemberDocument,
    "\n  mutation UpdateFirm($input: UpdateFirmInput!) {\n    updateFirm(input: $input) {\n      id\n      name\n      website\n    }\n  }\n": types.UpdateFirmDocument,
    "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n": types.GroupsDocument,
    "\n  mutation CreateClientGroup($name: String!) {\n    createClientGroup(name: $name) {\n      id\n      name\n    }\n  }\n": types.CreateClientGroupDocument,
    "\n  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {\n    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": types.AddClientsToGroupDocument,
    "\n  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {\n    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {\n      id\n    }\n  }\n": types.RemoveClientsFromGroupDocument,
    "\n  mutation DeleteClientGroup($groupId: ID!) {\n    deleteClientGroup(groupId: $groupId)\n  }\n": types.DeleteClientGroupDocument,
    "\n  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {\n    markGroupPeriod(input: $input) {\n      period\n      processed\n      reported\n      updatedAt\n    }\n  }\n": types.MarkGroupPeriodDocument,
    "\n  query Home {\n    activeClientCount\n    myClients {\n      id\n      businessName\n      status\n      assignments {\n        member {\n          id\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n": types.ExpiredInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      id\n      jobRole\n      firmRole\n      permissions\n    }\n  }\n": types.UpdateMemberDocument,
    "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n    myClients {\n      id\n      businessName\n      firmLink {\n        permissions\n      }\n    }\n  }\n": types.MemberAccessDocument,
    "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n": types.TeamUnassignDocument,
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
export function graphql(source: "\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptFirmInvitation($token: String!) {\n    acceptFirmInvitation(token: $token) {\n      id\n      status\n      platform\n      client {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n"): (typeof documents)["\n  query ConnectedClient {\n    myClients {\n      id\n      businessName\n      platform\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmFirmSignUp($token: String!) {\n    confirmFirmSignUp(token: $token) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {\n    acceptMemberInvitation(token: $token, username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n        firm {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($username: String!, $password: String!) {\n    logIn(username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($username: String!, $password: String!) {\n    logIn(username: $username, password: $password) {\n      accessToken\n      expiresAt\n      refreshToken\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInClientAdmin($email: String!, $password: String!) {\n    logInClientAdmin(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      clientAdmin {\n        id\n        firstName\n        lastName\n        client {\n          id\n          businessName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        accessToken\n        expiresAt\n        refreshToken\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpFirm($input: SignUpFirmInput!) {\n    signUpFirm(input: $input) {\n      status\n      workEmail\n      confirmBy\n      session {\n        accessToken\n        expiresAt\n        refreshToken\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"): (typeof documents)["\n  query AccessList($memberId: ID, $groupId: ID) {\n    accessList(memberId: $memberId, groupId: $groupId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n      }\n      member {\n        id\n        firstName\n        lastName\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignMember($input: AssignMemberInput!) {\n    assignMember(input: $input) {\n      role\n      permissions\n      effectivePermissions\n      client {\n        id\n      }\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAssignment($input: UpdateAssignmentInput!) {\n    updateAssignment(input: $input) {\n      role\n      permissions\n      effectivePermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientView {\n    myClients {\n      id\n      businessName\n      fein\n      platform\n      status\n      myPermissions\n      firmLink {\n        permissions\n        linkedAt\n      }\n      assignments {\n        role\n        permissions\n        effectivePermissions\n        assignedAt\n        member {\n          id\n          firstName\n          lastName\n          workEmail\n        }\n      }\n      support {\n        customerSuccess {\n          name\n          phone\n          email\n        }\n        hours {\n          description\n          alwaysOpen\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n      groups {\n        id\n        name\n      }\n      timeTracking {\n        status\n        lastSyncedAt\n      }\n    }\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        active\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ClientList($platform: Platform!, $groupId: ID) {\n    myClients(platform: $platform, groupId: $groupId) {\n      id\n      businessName\n      fein\n      status\n      myPermissions\n      firmLink {\n        linkedAt\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientList($platform: Platform!, $groupId: ID) {\n    myClients(platform: $platform, groupId: $groupId) {\n      id\n      businessName\n      fein\n      status\n      myPermissions\n      firmLink {\n        linkedAt\n      }\n      assignments {\n        role\n        member {\n          id\n          firstName\n          lastName\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests(platform: $platform) {\n      id\n      businessName\n      status\n      permissions\n      sentAt\n      expiresAt\n      requestedBy {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"): (typeof documents)["\n  query Groups($period: String!) {\n    clientGroups {\n      id\n      name\n      clients {\n        id\n        businessName\n      }\n      period(period: $period) {\n        client {\n          id\n        }\n        processed\n        reported\n        updatedAt\n      }\n    }\n    myClients {\n      id\n      businessName\n    }\n  }\n"];
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
export function graphql(source: "\n  query Home {\n    activeClientCount\n    myClients {\n      id\n      businessName\n      status\n      assignments {\n        member {\n          id\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    activeClientCount\n    myClients {\n      id\n      businessName\n      status\n      assignments {\n        member {\n          id\n        }\n      }\n      onboarding {\n        step\n        completedAt\n      }\n    }\n    firmRequests {\n      id\n      businessName\n      expiresAt\n    }\n    myFirm {\n      id\n      support {\n        email\n        hours\n        responseTime\n        escalationContact {\n          name\n          email\n          phone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExpiredInvitations {\n    myFirm {\n      id\n      pendingInvitations {\n        id\n        firstName\n        lastName\n        status\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query Team {\n    myFirm {\n      id\n      members {\n        id\n        firstName\n        lastName\n        jobRole\n        firmRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n    myClients {\n      id\n      businessName\n      firmLink {\n        permissions\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberAccess($memberId: ID!) {\n    accessList(memberId: $memberId) {\n      role\n      permissions\n      effectivePermissions\n      assignedAt\n      client {\n        id\n        businessName\n        platform\n        firmLink {\n          permissions\n        }\n      }\n    }\n    myClients {\n      id\n      businessName\n      firmLink {\n        permissions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {\n    unassignMember(clientId: $clientId, memberId: $memberId)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;