/** 简体中文: training. Same keys as `../en/training.ts` (the type makes a missing or extra key a compile error). */
import type { training as en } from '../en/training';

export const training: Record<keyof typeof en, string> = {};
