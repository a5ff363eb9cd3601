// Public face of the reports capability: the features, the tick step, the directory and admin views.
// The Worker should import the feature/where/escalation files directly: directory-cli reads files (Node only).
export { cancelReport, reportsFeature, startReport } from './feature';
export { whereFeature } from './where';
export { escalationTick, dueForCase } from './escalation';
export { directoryCommand } from './directory-cli';
export { importOfficersCsv, seedDemoDirectory, createInvite, DEMO_OFFICERS, type ImportResult } from './directory';
export { unitLookupFromDb, type UnitLookup } from './units';
export { caseClocks, formatDateTime, type CaseRow, type CaseClock, type ClockName } from './clocks';
export { listCasesForAdmin, getCaseForAdmin, type AdminCaseFilter, type AdminCaseSummary, type AdminCaseView } from './admin';
export { normalizeVietnamesePhone } from './phone';
export { parseCaseRef } from './ref';
