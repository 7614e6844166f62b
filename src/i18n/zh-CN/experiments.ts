/** 简体中文: experiments. Same keys as `../en/experiments.ts` (the type makes a missing or extra key a compile error). */
import type { experiments as en } from '../en/experiments';

export const experiments: Record<keyof typeof en, string> = {};
