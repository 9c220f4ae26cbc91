import { readFileSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode, type StringValueNode } from 'graphql';
import { composeSupergraph, SUBGRAPHS, SUPERGRAPH_PATH } from '../src/compose';

describe('supergraph composition', () => {
  it('composes the four subgraphs without errors', () => {
    expect(() => composeSupergraph()).not.toThrow();
  });

  it('the committed schema/supergraph.graphql is up to date (run `npm run compose`)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('G1: the supergraph names exactly the four subgraphs', () => {
    const document = parse(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const graphs = document.definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
    );
    const names = graphs!.values!.map((v) => {
      const joinGraph = v.directives!.find((d) => d.name.value === 'join__graph')!;
      return (joinGraph.arguments!.find((a) => a.name.value === 'name')!.value as StringValueNode).value;
    });
    expect(names.sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });
});
