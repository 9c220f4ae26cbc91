import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './api/session';
import { CompanyLayout, FirmLayout } from './components/layout';
import { Empty } from './components/feedback';
import { LogInPage } from './pages/auth/log-in';
import { SignUpPage } from './pages/auth/sign-up';
import { ConfirmSignUpPage } from './pages/auth/confirm-sign-up';
import { JoinPage } from './pages/auth/join';
import { AcceptFirmInvitationPage } from './pages/auth/accept-firm-invitation';
import { HomePage } from './pages/firm/home';
import { FirmInfoPage } from './pages/firm/firm-info';
import { ClientsPage } from './pages/firm/clients';
import { ClientViewPage } from './pages/firm/client-view';
import { TeamPage } from './pages/firm/team';
import { AddClientPage } from './pages/firm/add-client';
import { GroupsPage } from './pages/firm/groups';
import { AccessPage } from './pages/firm/access';
import { CompanyAuditPage, FirmAuditPage } from './pages/audit';
import { ThirdPartyPage } from './pages/company/third-party';
import { ReviewRequestPage } from './pages/company/review-request';
import { NotificationsPage } from './pages/company/notifications';
import { ClientPayrollPage } from './pages/payroll/client-payroll';
import { PayrollAttentionPage } from './pages/payroll/attention-page';
import { KeyFiguresPage } from './pages/overview/key-figures';
import { ReportsPage } from './pages/overview/reports';
import { TaxCardsPage } from './pages/overview/tax-cards';
import { AlertsPage } from './pages/alerts/alerts-page';

/** A client admin who opens the app's root lands on their company's screens. */
function FirmOrCompany() {
  const session = useSession();
  return session?.realm === 'client' ? <Navigate to="/company" replace /> : <FirmLayout />;
}

/**
 * Every screen and the links emails carry (the services build them from APP_URL):
 *  - `/signup/confirm?token=…`     a firm sign-up's confirmation (SPEC F3)
 *  - `/join?token=…`               a team invitation (SPEC F5)
 *  - `/invitations/accept?token=…` a client's invitation to an accountant (SPEC I5)
 *  - `/requests/:id`               a firm's request, for the client admin (SPEC I4)
 * Payroll (SPEC P1–P3, P7): `/payroll` (the firm's clients needing attention), a client's at
 * `/clients/view/:clientId/payroll?tab=…&period=…&week=…`, a client admin's at `/company/payroll`.
 * Partner overview (SPEC P4–P6): `/overview?month=…&group=…`, `/reports?tab=…`, `/tax-cards?fetch=…`.
 * Alerts (SPEC F12): `/alerts`, the feed the bell opens and the digest's emails link to.
 * The gateway answers every path that is not /graphql, /health or /ready with this app.
 */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LogInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/signup/confirm" element={<ConfirmSignUpPage />} />
      <Route path="/join" element={<JoinPage />} />
      <Route path="/invitations/accept" element={<AcceptFirmInvitationPage />} />
      <Route element={<FirmOrCompany />}>
        <Route index element={<HomePage />} />
        <Route path="clients/new" element={<AddClientPage />} />
        <Route path="clients/view/:clientId" element={<ClientViewPage />} />
        <Route path="clients/view/:clientId/payroll" element={<ClientPayrollPage realm="firm" />} />
        <Route path="clients/:platform" element={<ClientsPage />} />
        <Route path="firm" element={<FirmInfoPage />} />
        <Route path="team" element={<TeamPage />} />
        <Route path="team/:memberId" element={<TeamPage />} />
        <Route path="access" element={<AccessPage />} />
        <Route path="groups" element={<GroupsPage />} />
        <Route path="audit" element={<FirmAuditPage />} />
        <Route path="payroll" element={<PayrollAttentionPage />} />
        <Route path="overview" element={<KeyFiguresPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="tax-cards" element={<TaxCardsPage />} />
        <Route path="alerts" element={<AlertsPage />} />
      </Route>
      <Route element={<CompanyLayout />}>
        <Route path="company" element={<ThirdPartyPage />} />
        <Route path="company/payroll" element={<ClientPayrollPage realm="client" />} />
        <Route path="company/notifications" element={<NotificationsPage />} />
        <Route path="company/audit" element={<CompanyAuditPage />} />
        <Route path="requests/:invitationId" element={<ReviewRequestPage />} />
      </Route>
      <Route path="*" element={<Empty>This page does not exist.</Empty>} />
    </Routes>
  );
}
