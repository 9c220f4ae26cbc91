import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AppBar, Box, Button, Chip, Container, List, ListItemButton, ListItemText, ListSubheader, Toolbar, Typography } from '@mui/material';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { sessionStore, useSession } from '../api/session';
import { clientMay, firmMay, isReadOnly, type FirmAction } from '../api/abilities';
import { ApiError, Loading } from './feedback';
import { AlertBell } from '../pages/alerts/alerts-page';

const NAV_WIDTH = 200;

export const Me = graphql(`
  query Me {
    me {
      id
      firstName
      lastName
      workEmail
      firmRole
      permissions
    }
    myFirm {
      id
      name
    }
  }
`);

const UnreadNotifications = graphql(`
  query UnreadNotifications {
    myNotifications(unreadOnly: true) {
      id
    }
  }
`);

const LogOut = graphql(`
  mutation LogOut {
    logOut
  }
`);

const LogOutClientAdmin = graphql(`
  mutation LogOutClientAdmin {
    logOutClientAdmin
  }
`);

type MeMember = NonNullable<MeQuery['me']>;
const MeContext = createContext<{ me: MeMember; firmName: string } | null>(null);
/** The signed-in member for the screens under it (the firm layout; component tests). */
export const MeProvider = MeContext.Provider;

/** The signed-in firm member. */
export function useMe(): { me: MeMember; firmName: string } {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside the firm layout');
  return value;
}

/**
 * Which actions the screens offer the signed-in firm member (SPEC G3, F6, C3): every screen asks
 * here, and the decision itself is in `api/abilities`.
 */
export function useCan(): {
  can: (action: FirmAction) => boolean;
  readOnly: boolean;
  onClient: (myPermissions: readonly string[]) => ReturnType<typeof clientMay>;
} {
  const can = useCanIfFirmMember();
  if (!can) throw new Error('useCan outside the firm layout');
  return can;
}

/** `useCan()` on a screen both realms share (a client admin gets null and is decided by the company's rules). */
export function useCanIfFirmMember(): ReturnType<typeof useCan> | null {
  const me = useContext(MeContext)?.me;
  if (!me) return null;
  return { can: (action) => firmMay(me, action), readOnly: isReadOnly(me), onClient: (myPermissions) => clientMay(me, myPermissions) };
}

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** How many things wait there (e.g. unread notifications). */
  count?: number;
  /** Shown only to a member who may do this (SPEC G3, F6). */
  needs?: FirmAction;
}

/**
 * The firm's navigation. Payroll (SPEC P1–P3, P7): what needs attention across clients, each
 * client's payroll from there or from the client view. The partner overview: key figures,
 * reports and tax cards (SPEC P4–P6), the access list and groups (C10, C11).
 */
const FIRM_NAV: Array<{ section: string; items: NavItem[] }> = [
  { section: 'Dashboard', items: [{ to: '/', label: 'Home', end: true }] },
  {
    section: 'Clients',
    items: [
      { to: '/clients/payroll', label: 'Payroll' },
      { to: '/clients/peo', label: 'PEO' },
      { to: '/clients/new', label: 'Add new client', needs: 'manageClients' },
    ],
  },
  { section: 'Payroll', items: [{ to: '/payroll', label: 'Needs attention' }, { to: '/alerts', label: 'Alerts' }] },
  {
    section: 'Partner overview',
    items: [
      { to: '/overview', label: 'Key figures' },
      { to: '/reports', label: 'Reports' },
      { to: '/tax-cards', label: 'Tax cards' },
      { to: '/access', label: 'Access list' },
      { to: '/groups', label: 'Groups' },
    ],
  },
  {
    section: 'Firm',
    items: [
      { to: '/firm', label: 'Firm Info' },
      { to: '/team', label: 'Team' },
      { to: '/audit', label: 'Audit trail' },
    ],
  },
];

const COMPANY_NAV: Array<{ section: string; items: NavItem[] }> = [
  {
    section: 'Manage',
    items: [
      { to: '/company', label: 'Third party', end: true },
      { to: '/company/payroll', label: 'Payroll' },
      { to: '/company/notifications', label: 'Notifications' },
      { to: '/company/audit', label: 'Audit trail' },
    ],
  },
];

function SideNav({ nav }: { nav: typeof FIRM_NAV }) {
  return (
    <Box component="nav" aria-label="Main" sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      {nav.map((group) => (
        <List key={group.section} dense subheader={<ListSubheader disableSticky>{group.section}</ListSubheader>}>
          {group.items.map((item) => (
            <ListItemButton
              key={item.to}
              component={NavLink}
              to={item.to}
              end={item.end}
              sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
            >
              <ListItemText primary={item.label} />
              {item.count ? <Chip size="small" color="primary" label={item.count} aria-label={`${item.count} unread`} /> : null}
            </ListItemButton>
          ))}
        </List>
      ))}
    </Box>
  );
}

function Shell({ title, who, nav, onLogOut, children, bar }: { title: string; who: string; nav: typeof FIRM_NAV; onLogOut: () => void; children: ReactNode; bar?: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ fontSize: '1rem', fontWeight: 600 }}>
            Advisor Dashboard
          </Typography>
          <Typography variant="body2" sx={{ ml: 2, opacity: 0.85 }}>
            {title}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          {bar}
          <Typography variant="body2" sx={{ mr: 2 }}>
            {who}
          </Typography>
          <Button color="inherit" size="small" onClick={onLogOut}>
            Log out
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1 }}>
        <SideNav nav={nav} />
        <Container component="main" maxWidth="xl" sx={{ py: 3 }}>
          {children}
        </Container>
      </Box>
    </Box>
  );
}

function useLoginRedirect(realm: 'firm' | 'client') {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return `/login?as=${realm}&next=${next}`;
}

/** Screens of a signed-in firm member. */
export function FirmLayout() {
  const session = useSession();
  const loginPath = useLoginRedirect('firm');
  if (session?.realm !== 'firm') return <Navigate to={loginPath} replace />;
  return <FirmShell />;
}

function FirmShell() {
  const navigate = useNavigate();
  const session = useSession();
  const [{ data, fetching, error }, refetchMe] = useQuery({ query: Me, requestPolicy: 'cache-first' });
  // A renewed token may carry a changed role or permissions (SPEC F6): read them again.
  const firstToken = useRef(session?.accessToken);
  useEffect(() => {
    if (session?.accessToken && session.accessToken !== firstToken.current) refetchMe({ requestPolicy: 'network-only' });
  }, [session?.accessToken, refetchMe]);
  const [, logOut] = useMutation(LogOut);
  const onLogOut = async () => {
    await logOut({});
    sessionStore.set(null);
    navigate('/login');
  };
  if (fetching && !data) return <Loading what="Opening your dashboard" />;
  if (!data?.me || !data.myFirm) {
    return (
      <Container sx={{ py: 4 }}>
        <ApiError error={error} messages={error ? undefined : ['Your session has ended. Sign in again.']} />
        <Button onClick={onLogOut}>Sign in again</Button>
      </Container>
    );
  }
  const me = data.me;
  const nav = FIRM_NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.needs || firmMay(me, i.needs)) }));
  return (
    <MeContext.Provider value={{ me, firmName: data.myFirm.name }}>
      <Shell title={data.myFirm.name} who={`${me.firstName} ${me.lastName}`} nav={nav} onLogOut={onLogOut} bar={<AlertBell />}>
        <Outlet />
      </Shell>
    </MeContext.Provider>
  );
}

/** Screens of a signed-in client admin (the client company's own account). */
export function CompanyLayout() {
  const session = useSession();
  const loginPath = useLoginRedirect('client');
  if (session?.realm !== 'client') return <Navigate to={loginPath} replace />;
  return <CompanyShell companyName={session.companyName} who={session.name} />;
}

function CompanyShell({ companyName, who }: { companyName: string; who: string }) {
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: UnreadNotifications });
  const unread = data?.myNotifications.length ?? 0;
  const nav = COMPANY_NAV.map((g) => ({ ...g, items: g.items.map((i) => (i.to === '/company/notifications' ? { ...i, count: unread } : i)) }));
  const [, logOut] = useMutation(LogOutClientAdmin);
  const onLogOut = async () => {
    // SPEC G7: the session ends at the gateway too, not only in this tab.
    await logOut({});
    sessionStore.set(null);
    navigate('/login?as=client');
  };
  return (
    <Shell title={companyName} who={who} nav={nav} onLogOut={onLogOut}>
      <Outlet />
    </Shell>
  );
}
