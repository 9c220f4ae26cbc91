import { createTheme } from '@mui/material/styles';

/** Dense, readable on a laptop screen; system fonts, so nothing is fetched from elsewhere. */
export const theme = createTheme({
  palette: {
    primary: { main: '#1f4e8c' },
    secondary: { main: '#6b3fa0' },
    background: { default: '#f5f6f8' },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: 13,
    h1: { fontSize: '1.6rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.05rem', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none', minHeight: 40 } } },
    MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
  },
});
