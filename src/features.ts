// Every feature of the bot, merged in order (like grammY composers): the first that claims an update wins.
import { createBasicsFeature } from './core/basics';
import type { Feature } from './core/context';
import { guidanceFeature } from './knowledge/feature';
import { cancelReport, reportsFeature, startReport } from './reports/feature';
import { whereFeature } from './intake/where';
import { remindersFeature } from './reminders/feature';
import { createCaseWorkFeature } from './cases/feature';

export function allFeatures(): Feature[] {
  // Case work sits before guidance: it answers "tin của tôi sao rồi", and hands every other text to guidance.
  return [
    createBasicsFeature({ startReport, cancelReport }),
    reportsFeature,
    createCaseWorkFeature(guidanceFeature.onText),
    whereFeature,
    remindersFeature,
    guidanceFeature,
  ];
}
