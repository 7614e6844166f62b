import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [,, out, cols, width, ...files] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const imgs = files.map((f) => `<figure style="margin:0"><img style="width:100%;display:block;border:1px solid #888" src="data:image/png;base64,${readFileSync(f).toString('base64')}"><figcaption style="font:12px sans-serif">${f.split('/').pop()}</figcaption></figure>`).join('');
const p = await b.newPage({ viewport: { width: +width, height: 100 } });
await p.setContent(`<body style="margin:4px;display:grid;grid-template-columns:repeat(${cols},1fr);gap:4px">${imgs}</body>`);
await p.screenshot({ path: out, fullPage: true });
await b.close();
