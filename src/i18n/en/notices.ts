/** English messages: notices. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const notices = {} satisfies Record<string, string>;
