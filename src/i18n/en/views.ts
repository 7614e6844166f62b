/** English messages: views. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const views = {} satisfies Record<string, string>;
