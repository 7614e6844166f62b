/** English messages: experiments. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const experiments = {} satisfies Record<string, string>;
