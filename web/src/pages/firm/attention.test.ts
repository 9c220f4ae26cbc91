import { describe, expect, it } from 'vitest';
import { attentionItems } from './attention';

describe('home: what needs attention', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('lists expired team invitations, unassigned clients, requests about to expire and onboarding, in that order', () => {
    const items = attentionItems({
      now,
      expiredInvitations: [{ id: 'i1', firstName: 'Sam', lastName: 'Lee' }],
      unassignedClients: [{ id: 'c1', businessName: 'Acme' }],
      pendingRequests: [
        { id: 'r1', businessName: 'Soon Co', expiresAt: '2026-03-11T12:00:00Z' },
        { id: 'r2', businessName: 'Later Co', expiresAt: '2026-03-16T12:00:00Z' },
      ],
      enrollingClients: [{ id: 'c2', businessName: 'New Co', onboarding: [{ completedAt: '2026-03-01' }, { completedAt: null }] }],
    });
    expect(items.map((i) => i.key)).toEqual(['inv-i1', 'un-c1', 'req-r1', 'enr-c2']);
    expect(items[2].text).toBe('Your request to Soon Co expires in 1 day; the client has not answered.');
    expect(items[3].text).toBe('New Co is enrolling: 1 of 2 onboarding steps done.');
  });

  it('P2, P3: payroll that needs attention comes first, counting clients with overdue timecards, and links to the payroll view', () => {
    const items = attentionItems({
      now,
      expiredInvitations: [{ id: 'i1', firstName: 'Sam', lastName: 'Lee' }],
      unassignedClients: [],
      pendingRequests: [],
      enrollingClients: [],
      payroll: [{ draftsDue: [{ overdue: true }] }, { draftsDue: [] }],
    });
    expect(items.map((i) => i.key)).toEqual(['payroll', 'inv-i1']);
    expect(items[0]).toEqual({
      key: 'payroll',
      text: '2 clients need payroll attention (1 with timecards past their deadline): timecards to approve or hours that did not reach payroll.',
      to: '/payroll',
      action: 'Open payroll',
    });
  });

  it('is empty when nothing is waiting', () => {
    expect(attentionItems({ now, expiredInvitations: [], unassignedClients: [], pendingRequests: [], enrollingClients: [] })).toEqual([]);
  });

  it('C7: a long list shows its first clients and counts the rest from the totals', () => {
    const items = attentionItems({
      now,
      expiredInvitations: [],
      unassignedClients: [{ id: 'c1', businessName: 'Acme' }],
      pendingRequests: [],
      enrollingClients: [{ id: 'c2', businessName: 'New Co', onboarding: [] }],
      totals: { unassigned: 41, enrolling: 2 },
    });
    expect(items.map((i) => i.key)).toEqual(['un-c1', 'un-more', 'enr-c2', 'enr-more']);
    expect(items[1]).toMatchObject({ text: 'Nobody is assigned to 40 more clients.', to: '/access' });
    expect(items[3]).toMatchObject({ text: '1 more client is enrolling.', to: '/clients/payroll?tab=enrolling' });
    // Totals equal to what is listed add nothing.
    expect(attentionItems({ now, expiredInvitations: [], unassignedClients: [], pendingRequests: [], enrollingClients: [], totals: { unassigned: 0, enrolling: 0 } })).toEqual([]);
  });
});
