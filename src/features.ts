// Every feature of the bot, merged in order (like grammY composers): the first that claims an update wins.
import { createBasicsFeature } from './core/basics';
import type { Feature } from './core/context';
import { guidanceFeature } from './knowledge/feature';
import { cancelReport, reportsFeature, startReport } from './reports/feature';
import { whereFeature } from './reports/where';
import { remindersFeature } from './reminders/feature';

export function allFeatures(): Feature[] {
  return [createBasicsFeature({ startReport, cancelReport }), reportsFeature, whereFeature, remindersFeature, guidanceFeature];
}
