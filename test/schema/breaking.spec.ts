import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';
import { schemaTools as tools } from './tools';

/**
 * Issue 14: the public API schema (composed in schema/supergraph.graphql) against the one last
 * released (schema/baseline.graphql), with GraphQL Inspector's diff. A breaking change fails
 * unless schema/CHANGELOG.md accepts it under "## Unreleased" with a line
 * `- accepted-breaking: <the change's message>`; `npm run schema:release` then makes the current
 * schema the baseline and files the entries under the day's date.
 */
describe('breaking changes of the public API schema', () => {
  it('none since schema/baseline.graphql that schema/CHANGELOG.md does not accept (dangerous ones are printed)', async () => {
    const result = await tools.checkBreaking(readFileSync(tools.BASELINE_PATH, 'utf8'), tools.currentApiSdl(), readFileSync(tools.CHANGELOG_PATH, 'utf8'));
    if (result.dangerous.length) console.log(tools.describeDangerous(result));
    expect(tools.describeCheck(result)).toBe('');
  });

  /** The current API schema with `Firm.website` removed and `Query.myClients(platform:)` made required. */
  function brokenCopy(sdl: string): string {
    const document = visit(parse(sdl), {
      FieldDefinition(node: FieldDefinitionNode, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1] as { name?: { value: string } } | undefined;
        if (owner?.name?.value === 'Firm' && node.name.value === 'website') return null;
        return undefined;
      },
      InputValueDefinition(node: InputValueDefinitionNode, _key, _parent, _path, ancestors) {
        const field = ancestors[ancestors.length - 1] as FieldDefinitionNode | undefined;
        if (field?.kind === Kind.FIELD_DEFINITION && field.name.value === 'myClients' && node.name.value === 'platform' && node.type.kind !== Kind.NON_NULL_TYPE) {
          return { ...node, type: { kind: Kind.NON_NULL_TYPE, type: node.type } };
        }
        return undefined;
      },
    });
    return print(document);
  }

  const REMOVED = "Field 'website' was removed from object type 'Firm'";

  it('fails a deliberately broken change (a removed field, an argument made required) until the changelog accepts both', async () => {
    const released = tools.currentApiSdl();
    const broken = brokenCopy(released);

    const refused = await tools.checkBreaking(released, broken, '# Schema changelog\n\n## Unreleased\n');
    expect(refused.unaccepted.map((c) => c.path).sort()).toEqual(['Firm.website', 'Query.myClients.platform']);
    expect(refused.unaccepted.map((c) => c.message)).toContain(REMOVED);
    const printed = tools.describeCheck(refused);
    expect(printed).toContain(`- accepted-breaking: ${REMOVED}`);

    // Accepted in an earlier release's section: still refused; only Unreleased entries count.
    const acceptedLastTime = `# Schema changelog\n\n## Unreleased\n\n## 2026-01-01\n\n${refused.unaccepted.map((c) => `- accepted-breaking: ${c.message}`).join('\n')}\n`;
    expect((await tools.checkBreaking(released, broken, acceptedLastTime)).unaccepted).toHaveLength(2);

    const accepted = `# Schema changelog\n\n## Unreleased\n\n${refused.unaccepted.map((c) => `- accepted-breaking: ${c.message}`).join('\n')}\n  Clients filter by platform on their side; the website moves to firm settings.\n`;
    const passed = await tools.checkBreaking(released, broken, accepted);
    expect(passed.unaccepted).toEqual([]);
    expect(tools.describeCheck(passed)).toBe('');
  });

  it('an acceptance that matches no breaking change fails the check (a typo, or the change was undone)', async () => {
    const released = tools.currentApiSdl();
    const result = await tools.checkBreaking(released, released, `## Unreleased\n- accepted-breaking: Field 'website' was removed from object type 'Firm'\n`);
    expect(result.changes).toEqual([]);
    expect(result.stale).toEqual(["Field 'website' was removed from object type 'Firm'"]);
    expect(tools.describeCheck(result)).toContain('not a breaking change of this schema');
  });

  it('additions are safe, a new enum value is dangerous and printed, and none of them needs an acceptance', async () => {
    const released = tools.currentApiSdl();
    const added = released
      .replace(/enum Platform \{/, 'enum Platform {\n  "A future platform."\n  BENEFITS')
      .replace(/type Firm \{/, 'type Firm {\n  "Where the firm is based."\n  city: String');
    const result = await tools.checkBreaking(released, added, '## Unreleased\n');
    expect(result.unaccepted).toEqual([]);
    expect(result.safe.map((c) => c.path)).toContain('Firm.city');
    expect(result.dangerous.map((c) => c.path)).toContain('Platform.BENEFITS');
    expect(tools.describeDangerous(result)).toContain('dangerous: Platform.BENEFITS');
  });

  it('npm run schema:release refuses an unaccepted breaking change, else moves the baseline and files the Unreleased entries under the date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-release-'));
    try {
      const baselinePath = join(dir, 'baseline.graphql');
      const changelogPath = join(dir, 'CHANGELOG.md');
      const released = tools.currentApiSdl();
      const broken = brokenCopy(released);
      writeFileSync(baselinePath, released);
      writeFileSync(changelogPath, '# Schema changelog\n\nIntro.\n\n## Unreleased\n\n## 2026-01-01\n\n- older entry\n');

      const refused = await tools.release({ date: '2026-09-01', baselinePath, changelogPath, currentSdl: broken });
      expect(refused.released).toBe(false);
      expect(refused.message).toContain('accepted-breaking:');
      expect(readFileSync(baselinePath, 'utf8')).toBe(released);

      const check = await tools.checkBreaking(released, broken, '');
      const entries = check.breaking.map((c) => `- accepted-breaking: ${c.message}`).join('\n');
      writeFileSync(changelogPath, `# Schema changelog\n\nIntro.\n\n## Unreleased\n\n${entries}\n\n## 2026-01-01\n\n- older entry\n`);
      const done = await tools.release({ date: '2026-09-01', baselinePath, changelogPath, currentSdl: broken });
      expect(done.released).toBe(true);
      expect(readFileSync(baselinePath, 'utf8')).toBe(broken);
      const changelog = readFileSync(changelogPath, 'utf8');
      expect(tools.unreleasedEntries(changelog).accepted).toEqual([]);
      expect(changelog.indexOf('## Unreleased')).toBeLessThan(changelog.indexOf('## 2026-09-01'));
      expect(changelog.indexOf('## 2026-09-01')).toBeLessThan(changelog.indexOf('## 2026-01-01'));
      expect(changelog).toContain(`- accepted-breaking: ${REMOVED}`);
      expect(changelog).toContain(`Breaking:\n\n- ${REMOVED}`);
      expect(changelog).toContain('- older entry');

      // Released: the same schema again is nothing to release, and the check passes with the moved entries.
      expect((await tools.checkBreaking(broken, broken, changelog)).unaccepted).toEqual([]);
      expect((await tools.release({ date: '2026-09-02', baselinePath, changelogPath, currentSdl: broken })).released).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
