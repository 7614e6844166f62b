/** 简体中文: views. Same keys as `../en/views.ts` (the type makes a missing or extra key a compile error). */
import type { views as en } from '../en/views';

export const views: Record<keyof typeof en, string> = {};
