/** The door of `src/core/prune/`: criteria, allocation, masks, tickets, the gradual schedule: what is pruned. Import this room through here, never a file inside it. */
export * from './allocation';
export * from './byteMasks';
export * from './criteria';
export * from './gradual';
export * from './maskReport';
export * from './masks';
export * from './tickets';
