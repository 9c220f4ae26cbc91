import { Component, type ReactNode } from 'react';
import { Alert, Button, Container } from '@mui/material';

/** A screen that fails to render says so and offers a way back, instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Container sx={{ py: 4 }}>
        <Alert severity="error" sx={{ mb: 2 }}>
          This screen could not be shown. Reload the page; if it happens again, contact support.
        </Alert>
        <Button variant="contained" onClick={() => window.location.assign('/')}>
          Back to the start
        </Button>
      </Container>
    );
  }
}
