// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check } = require('../scripts/workspace-deps.cjs') as { check(write?: boolean): Array<{ workspace: string; missing: string[]; unused: string[] }> };

/** Issue 7: each workspace's package.json names exactly the packages its code imports. */
describe('workspace package.json files are honest', () => {
  it('every backend workspace declares what it imports and nothing else (fix: node scripts/workspace-deps.cjs --write)', () => {
    expect(check()).toEqual([]);
  });
});
