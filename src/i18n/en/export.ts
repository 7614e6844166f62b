/** English messages: export. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const exportArea = {} satisfies Record<string, string>;
