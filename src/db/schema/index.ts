// All tables, for drizzle's relational queries and for the migrations.
export * from './core';
export * from './routing';
export * from './reminders';
export * from './zalo';
export * from './geo';
export * from './web';
