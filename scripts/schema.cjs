#!/usr/bin/env node
/**
 * The schema as a product (issue 14): the public GraphQL API is documented, linted and guarded
 * against breaking changes.
 *
 * - `lintSdl`: the schema lint (ESLint with @graphql-eslint's schema rules, config below) over
 *   each subgraph's `src/schema.graphql` and over the public (API) schema composed in
 *   `schema/supergraph.graphql`;
 * - `describedElements`: every type, field, argument, input field and enum value of the API
 *   schema, and which of them lack a description;
 * - `checkBreaking`: GraphQL Inspector's `diff` of the API schema as last released
 *   (`schema/baseline.graphql`) against the current one; breaking changes fail unless
 *   `schema/CHANGELOG.md` accepts them under "## Unreleased";
 * - `release`: `npm run schema:release` makes the current API schema the baseline and files the
 *   Unreleased entries, with every change since the last release, under today's date.
 *
 * Run by `test/schema/*.spec.ts` (so `npm test` runs them); `node scripts/schema.cjs lint|check`
 * prints the same findings by hand.
 */
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  printSchema,
  buildSchema,
} = require('graphql');
const { Supergraph } = require('@apollo/federation-internals');
const { diff, CriticalityLevel } = require('@graphql-inspector/core');
const { Linter } = require('eslint');
const graphqlEslint = require('@graphql-eslint/eslint-plugin');

const ROOT = join(__dirname, '..');
const SUPERGRAPH_PATH = join(ROOT, 'schema/supergraph.graphql');
const BASELINE_PATH = join(ROOT, 'schema/baseline.graphql');
const CHANGELOG_PATH = join(ROOT, 'schema/CHANGELOG.md');

/** Every subgraph's one SDL file: `services/<name>/src/schema.graphql`. */
function subgraphSdlFiles() {
  const dir = join(ROOT, 'services');
  return readdirSync(dir)
    .map((name) => ({ name, path: join(dir, name, 'src/schema.graphql') }))
    .filter((s) => existsSync(s.path))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The public API schema (what the gateway serves: no join__/link__ machinery) of a supergraph. */
function apiSchemaOf(supergraphSdl) {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The committed supergraph's API schema, printed as SDL (`schema/baseline.graphql` holds a released one). */
function currentApiSdl() {
  return printSchema(apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')));
}

// ---------------------------------------------------------------------------------------------
// The lint
// ---------------------------------------------------------------------------------------------

/**
 * An entity stub (`type Member @key(fields: "id", resolvable: false) { id: ID! }`) only names an
 * entity another subgraph owns; the owner's descriptions are the ones the API shows (composition
 * takes the one non-empty description), so stubs and their key fields carry none.
 */
const ENTITY_STUB =
  'ObjectTypeDefinition:has(Directive[name.value="key"] > Argument[name.value="resolvable"] > BooleanValue[value=false])';

/**
 * The rules, and why (@graphql-eslint's schema rules; https://the-guild.dev/graphql/eslint/rules).
 * Left out on purpose:
 * - description-style: one-line "…" and block """…""" descriptions both read well; forcing one
 *   style is churn.
 * - input-name: it also wants every mutation argument named `input` with a type named after the
 *   mutation (`unassignMember(clientId:, memberId:)`, `GrantAccessInput`); renaming public
 *   arguments and types breaks every client for no reader's benefit. The `Input` suffix is
 *   enforced by naming-convention instead.
 * - strict-id-in-types: value types (`PayLine`, `SupportHours`, `AdvisorSupport`) have no identity
 *   of their own; an id would be invented.
 * - alphabetize: fields are ordered by meaning (id, name, then details), not by letter.
 * - no-scalar-result-type-on-mutation, require-nullable-result-in-root: `logOut: Boolean!`,
 *   `endMemberAccess: Int!` are released; changing result types is breaking.
 * - require-deprecation-date: Apollo's `@deprecated` has no date argument; the reason says when.
 */
function lintRules({ subgraph }) {
  const ignoredSelectors = subgraph ? [ENTITY_STUB, `${ENTITY_STUB} FieldDefinition`] : [];
  return {
    // Issue 14: every type, field, argument, input field, enum value (and directive) is described.
    '@graphql-eslint/require-description': [
      'error',
      {
        types: true,
        rootField: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: true,
        DirectiveDefinition: true,
        ...(ignoredSelectors.length ? { ignoredSelectors } : {}),
      },
    ],
    // Names as GitHub's and Shopify's APIs have them: types PascalCase, fields and arguments
    // camelCase, enum values SCREAMING_CASE, input types end in `Input`; no `get…` queries, no
    // `…Type`/`…Enum` suffixes (the recommended set's prefixes and suffixes).
    '@graphql-eslint/naming-convention': [
      'error',
      {
        types: 'PascalCase',
        FieldDefinition: 'camelCase',
        InputValueDefinition: 'camelCase',
        Argument: 'camelCase',
        DirectiveDefinition: 'camelCase',
        EnumValueDefinition: 'UPPER_CASE',
        InputObjectTypeDefinition: { style: 'PascalCase', requiredSuffixes: ['Input'] },
        'FieldDefinition[parent.name.value=Query]': { forbiddenPrefixes: ['query', 'get'], forbiddenSuffixes: ['Query'] },
        'FieldDefinition[parent.name.value=Mutation]': { forbiddenPrefixes: ['mutation'], forbiddenSuffixes: ['Mutation'] },
        'FieldDefinition[parent.name.value=Subscription]': { forbiddenPrefixes: ['subscription'], forbiddenSuffixes: ['Subscription'] },
        'EnumTypeDefinition,EnumTypeExtension': { forbiddenPrefixes: ['Enum'], forbiddenSuffixes: ['Enum'] },
        'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPrefixes: ['Type'], forbiddenSuffixes: ['Type'] },
      },
    ],
    // A `# comment` where a description belongs is invisible in the explorer and in codegen.
    '@graphql-eslint/no-hashtag-description': 'error',
    // `@deprecated` without a reason tells a client nothing about what to use instead.
    '@graphql-eslint/require-deprecation-reason': 'error',
    // `Firm.firmName` says "firm" twice.
    '@graphql-eslint/no-typename-prefix': 'error',
    // Two enum values that differ only in case are one value spelled twice.
    '@graphql-eslint/unique-enum-value-names': 'error',
    // Cursor connections (https://relay.dev/graphql/connections.htm), for the lists that get
    // paginated: they only look at `…Connection` / `…Edge` types and the fields returning them.
    '@graphql-eslint/relay-connection-types': 'error',
    '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
    '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
    // PageInfo as the cursor spec has it (a subgraph that paginates declares it @shareable).
    '@graphql-eslint/relay-page-info': subgraph ? 'off' : 'error',
  };
}

/**
 * Lints one SDL document; `subgraph: true` for a subgraph's file (federation directives, entity
 * stubs), false for the composed API schema. Returns ESLint's messages (`ruleId`, `message`, `line`).
 */
function lintSdl(sdl, { name = 'schema.graphql', subgraph = false } = {}) {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      files: ['**/*.graphql'],
      languageOptions: { parser: graphqlEslint.parser, parserOptions: { graphQLConfig: { schema: sdl } } },
      plugins: { '@graphql-eslint': graphqlEslint },
      rules: lintRules({ subgraph }),
    },
  ];
  return linter.verify(sdl, config, { filename: name.endsWith('.graphql') ? name : `${name}.graphql` });
}

/** One line per finding, `file:line:column rule message`. */
function formatFindings(name, messages) {
  return messages.map((m) => `${name}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? 'parse'} ${m.message}`);
}

// ---------------------------------------------------------------------------------------------
// Descriptions, counted
// ---------------------------------------------------------------------------------------------

/**
 * Every element of a schema a reader meets: named types (not introspection's, not the built-in
 * scalars), their fields, the fields' arguments, input fields, enum values, and custom
 * directives with their arguments. Returns the coordinates (`Type.field(arg:)`) of each and of
 * those without a description.
 */
function describedElements(schema) {
  const all = [];
  const undocumented = [];
  const see = (coordinate, description) => {
    all.push(coordinate);
    if (!description || !description.trim()) undocumented.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    see(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        see(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) see(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) see(`${type.name}.${field.name}`, field.description);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) see(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    see(`@${directive.name}`, directive.description);
    for (const arg of directive.args) see(`@${directive.name}(${arg.name}:)`, arg.description);
  }
  return { total: all.length, all, undocumented };
}

// ---------------------------------------------------------------------------------------------
// Breaking changes and the changelog
// ---------------------------------------------------------------------------------------------

const ACCEPTED = /^\s*[-*]?\s*accepted-breaking:\s*(.+?)\s*$/;

/**
 * The changelog's `## ` headings outside ``` fences (an example in the prose is not a section):
 * `{ title, start, bodyStart, end }` as line indexes, `end` exclusive.
 */
function sections(lines) {
  const found = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced && /^## /.test(line)) found.push({ title: line.slice(3).trim(), start: i, bodyStart: i + 1 });
  });
  found.forEach((s, i) => (s.end = i + 1 < found.length ? found[i + 1].start : lines.length));
  return found;
}

/**
 * The lines under `## Unreleased` (up to the next `## ` heading), and the breaking changes they
 * accept: `- accepted-breaking: <the change's message, exactly as the check prints it>`.
 */
function unreleasedEntries(changelog) {
  const lines = changelog.split('\n');
  const unreleased = sections(lines).find((s) => s.title === 'Unreleased');
  if (!unreleased) return { lines: [], accepted: [] };
  const body = lines.slice(unreleased.bodyStart, unreleased.end);
  const accepted = body.map((l) => ACCEPTED.exec(l)?.[1]).filter((m) => m !== undefined);
  return { lines: body, accepted };
}

/**
 * GraphQL Inspector's diff of `baselineSdl` (the API schema as last released) against
 * `currentSdl`. `breaking` are refused unless `changelog` accepts them; `dangerous` (a new enum
 * value, an argument's default changed, …) are printed; `stale` are acceptances that match no
 * change (a typo, or a change that was undone).
 */
async function checkBreaking(baselineSdl, currentSdl, changelog) {
  const changes = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const { accepted } = unreleasedEntries(changelog);
  const of = (level) => changes.filter((c) => c.criticality.level === level);
  const breaking = of(CriticalityLevel.Breaking);
  return {
    changes,
    breaking,
    dangerous: of(CriticalityLevel.Dangerous),
    safe: of(CriticalityLevel.NonBreaking),
    unaccepted: breaking.filter((c) => !accepted.includes(c.message)),
    stale: accepted.filter((message) => !breaking.some((c) => c.message === message)),
  };
}

/** What a failed check prints: the changes and the lines that would accept them. */
function describeCheck(result) {
  const out = [];
  if (result.unaccepted.length) {
    out.push(`${result.unaccepted.length} breaking change(s) of the public API schema not accepted in schema/CHANGELOG.md:`);
    for (const c of result.unaccepted) out.push(`  ${c.path ?? ''}: ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`);
    out.push('Keep the API compatible (add, deprecate with @deprecated(reason:), remove later), or accept each one under "## Unreleased":');
    for (const c of result.unaccepted) out.push(`- accepted-breaking: ${c.message}`);
  }
  if (result.stale.length) {
    out.push('Accepted in schema/CHANGELOG.md but not a breaking change of this schema (typo, or undone?):');
    for (const m of result.stale) out.push(`  accepted-breaking: ${m}`);
  }
  return out.join('\n');
}

/** The dangerous changes, for the log: they break no query but may surprise a client. */
function describeDangerous(result) {
  return result.dangerous.map((c) => `dangerous: ${c.path ?? ''}: ${c.message}${c.criticality.reason ? ` — ${c.criticality.reason}` : ''}`).join('\n');
}

/**
 * `npm run schema:release`: refuses while a breaking change is not accepted; otherwise writes the
 * current API schema to `schema/baseline.graphql` and moves the Unreleased entries, with the list
 * of changes since the last release, under `## <date>` (the Unreleased heading stays, empty).
 */
async function release({ date = new Date().toISOString().slice(0, 10), baselinePath = BASELINE_PATH, changelogPath = CHANGELOG_PATH, currentSdl = currentApiSdl() } = {}) {
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : `${CHANGELOG_HEADER}\n## Unreleased\n`;
  const baselineSdl = existsSync(baselinePath) ? readFileSync(baselinePath, 'utf8') : null;
  const result = baselineSdl ? await checkBreaking(baselineSdl, currentSdl, changelog) : { changes: [], breaking: [], dangerous: [], safe: [], unaccepted: [], stale: [] };
  if (result.unaccepted.length || result.stale.length) {
    return { released: false, message: describeCheck(result) };
  }
  const notes = unreleasedEntries(changelog).lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const section = [`## ${date}`, ''];
  if (notes.length) section.push(...notes, '');
  const list = (title, changes) => {
    if (!changes.length) return;
    section.push(`${title}:`, '');
    for (const c of changes) section.push(`- ${c.message}`);
    section.push('');
  };
  if (!baselineSdl) section.push('First baseline of the public API schema.', '');
  list('Breaking', result.breaking);
  list('Dangerous', result.dangerous);
  list('Safe', result.safe);
  if (baselineSdl && !result.changes.length && !notes.length) {
    return { released: false, message: 'Nothing to release: the API schema equals schema/baseline.graphql and "## Unreleased" is empty.' };
  }
  const lines = changelog.split('\n');
  const unreleased = sections(lines).find((s) => s.title === 'Unreleased');
  const next = unreleased
    ? [...lines.slice(0, unreleased.start), '## Unreleased', '', ...section, ...lines.slice(unreleased.end)]
    : [...lines, '', '## Unreleased', '', ...section];
  writeFileSync(baselinePath, currentSdl);
  writeFileSync(changelogPath, `${next.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
  return { released: true, message: `schema/baseline.graphql now holds the API schema; ${result.changes.length} change(s) filed under ${date} in schema/CHANGELOG.md` };
}

const CHANGELOG_HEADER = '# Schema changelog\n';

module.exports = {
  ROOT,
  SUPERGRAPH_PATH,
  BASELINE_PATH,
  CHANGELOG_PATH,
  subgraphSdlFiles,
  apiSchemaOf,
  currentApiSdl,
  lintSdl,
  formatFindings,
  describedElements,
  unreleasedEntries,
  checkBreaking,
  describeCheck,
  describeDangerous,
  release,
};

async function main(command) {
  if (command === 'lint') {
    let failed = false;
    for (const s of subgraphSdlFiles()) {
      const findings = formatFindings(relative(ROOT, s.path), lintSdl(readFileSync(s.path, 'utf8'), { name: s.path, subgraph: true }));
      if (findings.length) (failed = true), console.log(findings.join('\n'));
    }
    const api = formatFindings('API schema (schema/supergraph.graphql)', lintSdl(currentApiSdl(), { name: 'api-schema' }));
    if (api.length) (failed = true), console.log(api.join('\n'));
    const { total, undocumented } = describedElements(apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    console.log(`${total - undocumented.length} of ${total} API schema elements described`);
    return failed ? 1 : 0;
  }
  if (command === 'check') {
    const result = await checkBreaking(readFileSync(BASELINE_PATH, 'utf8'), currentApiSdl(), readFileSync(CHANGELOG_PATH, 'utf8'));
    if (result.dangerous.length) console.log(describeDangerous(result));
    console.log(`${result.breaking.length} breaking (${result.breaking.length - result.unaccepted.length} accepted), ${result.dangerous.length} dangerous, ${result.safe.length} safe change(s) since schema/baseline.graphql`);
    const problems = describeCheck(result);
    if (problems) console.error(problems);
    return problems ? 1 : 0;
  }
  if (command === 'release') {
    const { released, message } = await release();
    (released ? console.log : console.error)(message);
    return released ? 0 : 1;
  }
  console.error('usage: node scripts/schema.cjs lint|check|release');
  return 2;
}

if (require.main === module) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
