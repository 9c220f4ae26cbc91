import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { SUPERGRAPH_PATH } from '../src/compose';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DASHBOARD, CLIENT_LIST } = require('../../bench/queries.cjs') as { DASHBOARD: string; CLIENT_LIST: string };

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const planner = new QueryPlanner(supergraph);

function planOf(query: string): QueryPlan {
  return planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
}

/** The subgraph of every fetch in the plan, in plan order. */
function fetchesOf(node: PlanNode | SubscriptionNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Flatten':
      return fetchesOf(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    case 'Condition':
      return [...fetchesOf(node.ifClause), ...fetchesOf(node.elseClause)];
    default:
      throw new Error(`unexpected plan node ${node.kind}`);
  }
}

describe('issue 13: the gateway plans the dashboard in at most two subgraph fetches', () => {
  it('the dashboard page (myClientsPage with assignments, member and firm names, groups, payroll status): clients, then payroll-sync', () => {
    const plan = planOf(DASHBOARD);
    console.log(`[query plan] dashboard:\n${prettyFormatQueryPlan(plan)}`);
    expect(fetchesOf(plan.node)).toEqual(['clients', 'payroll-sync']);
  });

  it('the unpaginated client list with the same rows: the same two fetches', () => {
    expect(fetchesOf(planOf(CLIENT_LIST).node)).toEqual(['clients', 'payroll-sync']);
  });

  it('asking for what the roster copy does not keep (a member\'s work email) still reaches firms for it', () => {
    const fetches = fetchesOf(planOf('{ myClients { assignments { member { firstName workEmail } } } }').node);
    expect(fetches).toEqual(['clients', 'firms']);
  });
});
