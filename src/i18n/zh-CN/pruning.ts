/** 简体中文: pruning. Same keys as `../en/pruning.ts` (the type makes a missing or extra key a compile error). */
import type { pruning as en } from '../en/pruning';

export const pruning: Record<keyof typeof en, string> = {};
