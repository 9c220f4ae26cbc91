export { startSystem, type RunningSystem, type SystemOptions } from './system';
export { seedDemoData, gatewayRequest, registerClientAsPlatform, DEMO } from './demo-data';
export { seedPayrollDemo } from './payroll-demo';
