// Public face of the reports capability: the features, the tick step, the directory and admin views.
// The Worker should import the feature/where/escalation files directly: directory-cli reads files (Node only).
export { cancelReport, reportsFeature, startReport } from './feature';
export { whereFeature } from '../intake/where';
export { escalationTick, dueForCase } from '../cases/escalation';
export { directoryCommand } from '../directory/directory-cli';
export { importOfficersCsv, seedDemoDirectory, createInvite, DEMO_OFFICERS, type ImportResult } from '../directory/directory';
export { unitLookupFromDb, type UnitLookup } from '../directory/units';
export { caseClocks, formatDateTime, type CaseRow, type CaseClock, type ClockName } from '../cases/clocks';
export { listCasesForAdmin, getCaseForAdmin, type AdminCaseFilter, type AdminCaseSummary, type AdminCaseView } from '../cases/admin';
export { normalizeVietnamesePhone } from '../intake/phone';
export { parseCaseRef } from '../cases/ref';
