/** 简体中文: export. Same keys as `../en/export.ts` (the type makes a missing or extra key a compile error). */
import type { exportArea as en } from '../en/export';

export const exportArea: Record<keyof typeof en, string> = {};
