import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';

/** The frame of the screens before signing in. */
export function AuthCard({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', py: 6, px: 2 }}>
      <title>{`${title} · Advisor Dashboard`}</title>
      <Paper sx={{ p: 4, width: '100%', maxWidth: width }}>
        <Typography variant="body2" color="primary" sx={{ fontWeight: 700, mb: 1 }}>
          Advisor Dashboard
        </Typography>
        <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Paper>
    </Box>
  );
}
