import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { createApiClient } from './api/client';
import { theme } from './theme';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';

const client = createApiClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Provider value={client}>
        <BrowserRouter>
          <ErrorBoundary>
            <App />
          </ErrorBoundary>
        </BrowserRouter>
      </Provider>
    </ThemeProvider>
  </StrictMode>,
);
