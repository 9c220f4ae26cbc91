import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';

export type Realm = 'firm' | 'client';

/**
 * One client's part of a payroll screen: a firm member's from `myClients` (the one with this id),
 * a client admin's from `myClientCompany`. Both documents select the same fragment.
 */
export function useClientPart<F extends { id: string }, C extends { id: string }, V extends AnyVariables>(
  realm: Realm,
  clientId: string | undefined,
  firmDoc: TypedDocumentNode<{ myClients: F[] }, V>,
  companyDoc: TypedDocumentNode<{ myClientCompany?: C | null }, V>,
  variables: V,
  pause = false,
) {
  const [firm, refetchFirm] = useQuery({ query: firmDoc, variables, pause: pause || realm !== 'firm' });
  const [company, refetchCompany] = useQuery({ query: companyDoc, variables, pause: pause || realm !== 'client' });
  const result = realm === 'firm' ? firm : company;
  const client: F | C | undefined = realm === 'firm' ? firm.data?.myClients.find((c) => c.id === clientId) : (company.data?.myClientCompany ?? undefined);
  const refetch = () => (realm === 'firm' ? refetchFirm : refetchCompany)({ requestPolicy: 'network-only' });
  return { client, fetching: result.fetching && !result.data, error: result.error, refetch };
}
