import { useQuery } from 'urql';
import { MenuItem, TextField } from '@mui/material';
import { graphql } from '../gql';

const GroupOptions = graphql(`
  query GroupOptions {
    clientGroups {
      id
      name
    }
  }
`);

/** SPEC C10: filter an overview by one of the firm's client groups. */
export function GroupFilter({ value, onChange }: { value: string; onChange: (groupId: string) => void }) {
  const [{ data }] = useQuery({ query: GroupOptions });
  return (
    <TextField select id="group-filter" label="Group" value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 200 }} fullWidth={false}>
      <MenuItem value="">All clients</MenuItem>
      {(data?.clientGroups ?? []).map((g) => (
        <MenuItem key={g.id} value={g.id}>
          {g.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
