/** 简体中文: notices. Same keys as `../en/notices.ts` (the type makes a missing or extra key a compile error). */
import type { notices as en } from '../en/notices';

export const notices: Record<keyof typeof en, string> = {};
