/** 简体中文: tour. Same keys as `../en/tour.ts` (the type makes a missing or extra key a compile error). */
import type { tour as en } from '../en/tour';

export const tour: Record<keyof typeof en, string> = {};
