/** English messages: training. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const training = {} satisfies Record<string, string>;
