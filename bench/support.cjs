/** What the benchmarks share: a firm signed up (verified, by the operator), clients made through the gateway. */

async function signUp(system, n) {
  const domain = `bench-${n}-${Date.now().toString(36)}.example`;
  // SPEC F3: a founder confirms the work email by mail; the benchmark runs the system in-process,
  // as its operator, so it signs the firm up verified.
  const s = await system.services.firms.domain.signUp.signUpVerifiedByOperator({
    firmName: `Bench ${n}`, website: `https://${domain}`, founder: { firstName: 'B', lastName: 'Ench', workEmail: `b@${domain}`, jobRole: 'Partner',
      workPhone: '+1 212 555 0100', cellPhone: '+1 212 555 0101', personalEmail: 'b@home.example', username: `bench.${n}.${Date.now().toString(36)}`, password: 'benchmark passphrase' },
  });
  return { token: s.accessToken, memberId: s.member.id, firmId: s.member.firmId };
}

/**
 * `n` clients of the firm, made as people and the platform make them, through the gateway (SPEC
 * C1, G6, I3, I4, C4): the platform account registers each company; the firm's founder asks for
 * it by FEIN; its admin signs in and accepts; the founder is linked and assigned. So every
 * service holds what it would in production (payroll-sync's access copy included). Eight at a time.
 */
/** FEINs unique within one bench process (a random start, then one after another): random ones collided at 1,000 clients. */
let feinSeq = Math.floor(Math.random() * 4_000_000);

async function seedClients(system, firm, n) {
  const { gatewayRequest, registerClientAsPlatform } = require('../system/dist');
  const gql = async (query, variables, token) => {
    const res = await gatewayRequest(system.gatewayUrl, query, variables, token);
    if (res.errors) throw new Error(`bench seeding: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const run = Date.now().toString(36);
  const one = async (i) => {
    const fein = `47-${String(1000000 + (feinSeq++ % 8999999))}`;
    const admin = { email: `owner${i}.${run}.${Math.random().toString(36).slice(2, 8)}@bench-client.example`, password: 'bench client admin 1' };
    const businessName = `Client ${String(i).padStart(5, '0')}`;
    const id = await registerClientAsPlatform(system, {
      businessName, fein, platform: 'PAYROLL', status: 'ACTIVE',
      customerSuccess: { name: 'CS', phone: '+1 212 555 0100', email: 'cs@platform.example' },
      admins: [{ firstName: 'O', lastName: 'Wner', ...admin, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }],
    });
    let requestId;
    for (let attempt = 0; attempt < 400 && !requestId; attempt++) {
      const res = await gatewayRequest(system.gatewayUrl, 'mutation($i: RequestClientAccessInput!) { requestClientAccess(input: $i) { id } }',
        { i: { businessName, fein, platform: 'PAYROLL', permissions: ['VIEW_COMPANY'] } }, firm.token);
      if (res.data?.requestClientAccess) requestId = res.data.requestClientAccess.id;
      else if (res.errors?.[0]?.extensions?.code === 'CLIENT_NOT_FOUND_ON_PLATFORM') await new Promise((r) => setTimeout(r, 25));
      else throw new Error(`bench seeding: ${JSON.stringify(res.errors)}`);
    }
    if (!requestId) throw new Error(`bench seeding: the invitations service never learned of ${businessName}`);
    const owner = (await gql('mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }', { e: admin.email, p: admin.password })).logInClientAdmin.accessToken;
    await gql('mutation($id: ID!) { acceptFirmRequest(invitationId: $id) { status } }', { id: requestId }, owner);
    return id;
  };
  const ids = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(8, n) }, async () => {
    for (let i = next++; i < n; i = next++) ids[i] = await one(i);
  }));
  // The links reach the firm's list (and payroll-sync's copy) through the event pipeline.
  const deadline = Date.now() + 300_000;
  for (;;) {
    const listed = (await gql('{ activeClientCount }', {}, firm.token)).activeClientCount;
    if (listed >= n) break;
    if (Date.now() > deadline) throw new Error(`bench seeding: ${listed} of ${n} clients linked`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return ids;
}

/**
 * `n` new Payroll clients the firm adds itself (SPEC C8, `addPayrollClient`: the company, its
 * link and the founder's assignment, with their events), through the gateway like any firm member:
 * 10 per request as aliased mutations (SPEC G7 allows up to 20 aliases), two requests at a time
 * (a request's mutations run one after another; more per request could pass the 15 s subgraph limit
 * on a loaded machine).
 * For the 10,000-client firm, where the platform's registration and each admin's sign-in and
 * acceptance (two argon2 hashes per client) would take the benchmark an hour.
 */
async function seedPayrollClients(system, firm, n, { perRequest = 10, parallel = 2 } = {}) {
  const { gatewayRequest } = require('../system/dist');
  // FEINs with prefix 52, unique in this run (another run has its own databases).
  const base = Math.floor(Math.random() * 8_000_000);
  const batches = [];
  for (let i = 0; i < n; i += perRequest) batches.push(Array.from({ length: Math.min(perRequest, n - i) }, (_, j) => i + j));
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let b = next++; b < batches.length; b = next++) {
      const fields = batches[b].map((i) => `c${i}: addPayrollClient(input: { businessName: "Client ${String(i).padStart(5, '0')}", fein: "52-${String(base + i).padStart(7, '0')}" }) { id }`);
      const res = await gatewayRequest(system.gatewayUrl, `mutation { ${fields.join(' ')} }`, {}, firm.token);
      if (res.errors) throw new Error(`bench seeding: ${JSON.stringify(res.errors).slice(0, 500)}`);
    }
  }));
}

/** Waits until no service sends SQL for 500 ms (consumers done applying the seeding's events). */
async function settle(system, timeoutMs = 60_000) {
  const counts = () => Object.values(system.services).map((s) => s.db.statementCount).join('/');
  const deadline = Date.now() + timeoutMs;
  let last = counts();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = counts();
    if (now === last) return;
    last = now;
  }
}

module.exports = { signUp, seedClients, seedPayrollClients, settle };
