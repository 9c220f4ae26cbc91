import { readFileSync } from 'node:fs';
import { buildSchema, parse, print, type GraphQLResolveInfo } from 'graphql';
import type { FirmMemberIdentity, Identity } from '@advisor/kit';
import type { FeedEvent, SubscriptionField } from './feed';
import { SubscriberStream } from './stream';
import { entityQuery } from './through-gateway';
import { mayReceive } from './visibility';

const FIRM_A = '00000000-0000-4000-8000-00000000000a';
const FIRM_B = '00000000-0000-4000-8000-00000000000b';
const CLIENT = '00000000-0000-4000-8000-0000000000c1';
const ME = '00000000-0000-4000-8000-0000000000d1';

const member = (permissions: string[] = [], firmRole: 'ADMIN' | 'MEMBER' = 'MEMBER'): FirmMemberIdentity =>
  ({ realm: 'firm', memberId: ME, firmId: FIRM_A, firmRole, permissions }) as unknown as FirmMemberIdentity;
const event = (field: SubscriptionField, scope: FeedEvent['scope']): FeedEvent => ({ field, scope, payload: {} });

describe('G2, C6: who may receive an event, decided before anything is resolved', () => {
  const visible = async () => true;
  const hidden = async () => false;

  it('another firm never receives an event naming a firm, whatever the subgraph would say', async () => {
    const e = event('assignmentChanged', { clientId: CLIENT, firmId: FIRM_B, memberId: ME });
    expect(await mayReceive(member(['VIEW_ALL_CLIENTS']), e, visible)).toBe(false);
    expect(await mayReceive(member([], 'ADMIN'), event('clientLinked', { clientId: CLIENT, firmId: FIRM_B }), visible)).toBe(false);
  });

  it('VIEW_ALL_CLIENTS members and ADMINs get every event of their firm without a check', async () => {
    const noCall = async () => {
      throw new Error('no check expected');
    };
    expect(await mayReceive(member(['VIEW_ALL_CLIENTS']), event('clientLinked', { clientId: CLIENT, firmId: FIRM_A }), noCall)).toBe(true);
    expect(await mayReceive(member([], 'ADMIN'), event('clientUnlinked', { clientId: CLIENT, firmId: FIRM_A }), noCall)).toBe(true);
  });

  it('other members: their own assignment, else what the clients service says they see; an ended link only to those who see all', async () => {
    const plain = member();
    expect(await mayReceive(plain, event('assignmentChanged', { clientId: CLIENT, firmId: FIRM_A, memberId: ME }), hidden)).toBe(true);
    expect(await mayReceive(plain, event('assignmentChanged', { clientId: CLIENT, firmId: FIRM_A, memberId: FIRM_B }), hidden)).toBe(false);
    expect(await mayReceive(plain, event('assignmentChanged', { clientId: CLIENT, firmId: FIRM_A, memberId: FIRM_B }), visible)).toBe(true);
    expect(await mayReceive(plain, event('clientUnlinked', { clientId: CLIENT, firmId: FIRM_A }), visible)).toBe(false);
    expect(await mayReceive(plain, event('timecardsSynced', { clientId: CLIENT }), visible)).toBe(true);
    expect(await mayReceive(plain, event('timecardsSynced', { clientId: CLIENT }), hidden)).toBe(false);
  });

  it('events naming no firm (payroll) are checked even for members who see all: the client must be linked to their firm', async () => {
    expect(await mayReceive(member(['VIEW_ALL_CLIENTS']), event('payrollRunCompleted', { clientId: CLIENT }), hidden)).toBe(false);
  });

  it('a client admin receives their own company\'s events only; nobody anonymous receives anything', async () => {
    const admin = { realm: 'client', clientId: CLIENT, clientAdminId: ME, permissions: [] } as unknown as Identity;
    expect(await mayReceive(admin, event('syncFailed', { clientId: CLIENT }), hidden)).toBe(true);
    expect(await mayReceive(admin, event('syncFailed', { clientId: FIRM_B }), visible)).toBe(false);
    expect(await mayReceive({ realm: 'anonymous' }, event('syncFailed', { clientId: CLIENT }), visible)).toBe(false);
  });
});

describe('G2: a subscriber that falls behind is cut off, not buffered without bound', () => {
  it('the queue holds at most maxQueued events; one more ends the stream and reports the overflow once', async () => {
    let overflows = 0;
    let unlistened = 0;
    const stream = new SubscriberStream({ maxQueued: 3, accept: async () => true, onOverflow: () => overflows++, unlisten: () => unlistened++ });
    for (let i = 0; i < 3; i++) stream.push(event('syncFailed', { clientId: String(i) }));
    expect(stream.queued()).toBe(3);
    stream.push(event('syncFailed', { clientId: '3' }));
    stream.push(event('syncFailed', { clientId: '4' }));
    expect(overflows).toBe(1);
    expect(unlistened).toBe(1);
    expect(stream.queued()).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('skips the events the subscriber may not see and yields the others in order', async () => {
    const stream = new SubscriberStream({ maxQueued: 10, accept: async (e) => e.scope.clientId !== 'hidden', onOverflow: () => undefined, unlisten: () => undefined });
    for (const clientId of ['one', 'hidden', 'two']) stream.push({ field: 'syncFailed', scope: { clientId }, payload: { clientId } });
    expect((await stream.next()).value).toEqual({ clientId: 'one' });
    expect((await stream.next()).value).toEqual({ clientId: 'two' });
    await stream.return();
    expect((await stream.next()).done).toBe(true);
  });
});

describe('G2: an event\'s entity field becomes a query over the federated graph', () => {
  it('carries the subscriber\'s selection, the fragments and variables it uses, and __typename everywhere', () => {
    const document = parse(`subscription S($n: Int, $unused: ID) {
      assignmentChanged { client { name: businessName ...P } }
    }
    fragment P on ClientCompany { payPeriods(first: $n) { start } }
    fragment Unused on ClientCompany { id }`);
    const operation = document.definitions[0] as any;
    const clientField = operation.selectionSet.selections[0].selectionSet.selections[0];
    const info = {
      fieldNodes: [clientField],
      fragments: Object.fromEntries(document.definitions.filter((d: any) => d.kind === 'FragmentDefinition').map((d: any) => [d.name.value, d])),
      operation,
    } as unknown as GraphQLResolveInfo;
    const printed = print(entityQuery('clientCompany', info)).replace(/\s+/g, ' ');
    expect(printed).toContain('query SubscriptionPayload($subscriptionEntityId: ID!, $n: Int)');
    expect(printed).toContain('entity: clientCompany(id: $subscriptionEntityId) { name: businessName ...P __typename }');
    expect(printed).toContain('fragment P on ClientCompany { payPeriods(first: $n) { start __typename } __typename }');
    expect(printed).not.toContain('Unused');
    expect(printed).not.toContain('$unused');
  });

  it('the subscriptions SDL extends the schema with a Subscription root', () => {
    const sdl = readFileSync(require.resolve('./subscriptions.graphql'), 'utf8');
    expect(sdl).toContain('extend schema');
    expect(() => buildSchema('type Query { a: Int } type ClientCompany { id: ID } enum InvitationKind { A } enum InvitationActorRealm { A } enum PayrollActorRealm { A } enum ClientPermission { A } enum ClientRole { A }\n' + sdl)).not.toThrow();
  });
});
