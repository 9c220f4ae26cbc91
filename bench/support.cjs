/** What the benchmarks share: a firm signed up (verified, by the operator), clients seeded in bulk. */
const { randomUUID } = require('node:crypto');

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

async function seedClients(system, firm, n) {
  const db = system.services.clients.db;
  // sql.js binds no Date objects: raw statements get SQLite's datetime text there.
  const stamp = () => (db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''));
  const ids = [];
  await db.transaction(async (em) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      ids.push(id);
      const now = stamp();
      await em.query('INSERT INTO client_companies (id, business_name, fein, platform, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, `Client ${i}`, `47-${String(1000000 + Math.floor(Math.random() * 8999999))}`, 'PAYROLL', 'ACTIVE', now]);
      await em.query('INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, linked_at) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), id, id, firm.firmId, '["VIEW_COMPANY"]', now]);
      await em.query('INSERT INTO assignments (id, client_id, member_id, firm_id, permissions, role, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [randomUUID(), id, firm.memberId, firm.firmId, '["VIEW_COMPANY"]', 'RESPONSIBLE', now]);
    }
  });
  return ids;
}

module.exports = { signUp, seedClients };
