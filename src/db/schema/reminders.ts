// Tables owned by the reminders capability.
export {};
