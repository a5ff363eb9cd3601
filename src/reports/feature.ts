// The reports feature: intake steps and buttons, /baotin, /status, officer commands and buttons, /dangky.
import type { Feature } from '../core/context';
import { enrollCommand } from '../directory/enroll';
import { cancelReport, handleReportButton, handleReportStep, reportPrefetch, startReport } from '../intake/intake';
import { listCases, showCase } from '../cases/officer';
import { reporterStatusCommand } from '../cases/status';

export { cancelReport, startReport };

export const reportsFeature: Feature = {
  name: 'reports',
  commands: {
    baotin: (ctx) => startReport(ctx),
    report: (ctx) => startReport(ctx),
    status: reporterStatusCommand,
    trangthai: reporterStatusCommand,
    cases: (ctx) => listCases(ctx),
    vuviec: (ctx) => listCases(ctx),
    case: showCase,
    dangky: enrollCommand,
  },
  buttons: {
    report: handleReportButton,
  },
  steps: { prefix: 'report.', handle: handleReportStep },
  prefetch: reportPrefetch,
};
