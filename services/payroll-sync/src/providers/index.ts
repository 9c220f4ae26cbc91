export * from './provider-error';
export { DEFAULT_PROVIDER_TIMEOUT_MS, type HttpProviderOptions } from './http-json';
export * from './time-tracking.provider';
export * from './tax-authority.provider';
export { HttpTimeTrackingProvider } from './http-time-tracking.provider';
export { HttpTaxAuthorityProvider } from './http-tax-authority.provider';
