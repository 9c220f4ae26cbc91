import type { ReactNode } from 'react';
import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { Empty } from './feedback';

/**
 * The app's table for dense business lists (MUI X DataGrid, MIT): compact rows, sized to its
 * content, keyboard navigable, with a loading state and an empty state that says what to do.
 */
export function DataTable<R extends GridValidRowModel>({
  label,
  empty,
  ...props
}: DataGridProps<R> & { label: string; empty: ReactNode }) {
  return (
    <DataGrid<R>
      aria-label={label}
      density="compact"
      autoHeight
      disableRowSelectionOnClick
      hideFooter={(props.rows?.length ?? 0) <= 25}
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      slots={{ noRowsOverlay: () => <Empty>{empty}</Empty> }}
      getRowHeight={() => 'auto'}
      sx={{
        bgcolor: 'background.paper',
        // Rows grow to show every permission rather than cutting them off.
        '& .MuiDataGrid-cell': { py: 0.75, whiteSpace: 'normal', lineHeight: 1.45, display: 'flex', alignItems: 'center' },
        '& .MuiDataGrid-cell:focus-within': { outline: '2px solid', outlineOffset: -2 },
      }}
      {...props}
    />
  );
}
