/**
 * The documents the benchmarks send, shared with the test that shows the gateway's plan for them
 * (gateway/test/query-plan.spec.ts): what a firm's dashboard asks for.
 */

/** One client's row on the dashboard: assignments with member names, the firm's name, groups, payroll status. */
const CLIENT_ROW = `id businessName myPermissions firmLink { permissions firm { name } }
  assignments { role member { firstName lastName } } groups { name } timeTracking { status }`;

module.exports = {
  ME: '{ me { id firstName lastName permissions firm { id name } } }',
  /** The dashboard: the first page (50) of the firm's clients, with the total. */
  DASHBOARD: `{ myClientsPage(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${CLIENT_ROW} } } } }`,
  /** The same rows, every client at once (the unpaginated list some screens still use). */
  CLIENT_LIST: `{ myClients { ${CLIENT_ROW} } }`,
};
