export { startSystem, type RunningSystem, type SystemOptions } from './system';
export { seedDemoData, gatewayRequest, DEMO } from './demo-data';
export { seedPayrollDemo } from './payroll-demo';
