/** English messages: tour. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const tour = {} satisfies Record<string, string>;
