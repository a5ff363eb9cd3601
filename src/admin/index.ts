// The admin dashboard: its router, the demo seed step, and the login-code helper for other entry points.
export { adminRoutes, type AdminOptions } from './routes';
export { seedWebDemo, DEMO_CASE_REF } from './demo';
export { issueLoginCode, type AdminUser, type AdminRole } from './auth';
