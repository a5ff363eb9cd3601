// The reminders capability: public entry points for the app, the tick, the CLI and other capabilities.
export { remindersFeature, createRemindersFeature } from './feature';
export { remindersTick, createRemindersTick, planReminders, queueReminders, outgoingReminders } from './tick';
export { remindersDueCommand } from './cli';
export { muteRule, markDone, doneFor } from './store';
export { dueReminders, currentSteps, upcomingFor, sendKey, doneKey, type Reminder, type Recipient, type DueInput } from './schedule';
export { isWorkingDay, addWorkingDays, isWorkingDate, addWorkingDates } from './calendar';
export { clockSteps, currentClockStep, nextDaytime, type ClockStep } from './clock-steps';
export { lunarToSolar } from './lunar';
export { RULES, HOLIDAYS } from './rules.generated';
