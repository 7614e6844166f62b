/** English messages: pruning. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const pruning = {} satisfies Record<string, string>;
