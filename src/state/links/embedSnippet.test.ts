// The code a blogger copies (`embedSnippet`): a sandboxed iframe, its height, the sizing script, and the
// README's copy of it. What the embedded figure shows (`embedHash`) is checked in links.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT, EMBED_SANDBOX, EMBED_SIZER, embedSnippet } from './links';

describe('the embed code', () => {
  it('the code to copy: a sandboxed iframe that may open the full lab in a new tab, its height, and the sizing script', () => {
    const snippet = embedSnippet('https://x.org/lab/#a=1&lang=zh-CN&b="2"', 'Lab "x" <b>', 'chart');
    expect(snippet).toBe(
      '<iframe src="https://x.org/lab/#a=1&amp;lang=zh-CN&amp;b=&quot;2&quot;" title="Lab &quot;x&quot; &lt;b&gt;" width="100%" height="1160" style="border:0;display:block" ' +
        `loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-gpl-embed></iframe>\n${EMBED_SIZER}`,
    );
    for (const view of ['prune', 'chart', 'tour'] as const)
      expect(embedSnippet('https://x.org/', 't', view)).toContain(`height="${EMBED_HEIGHT[view]}"`);
    // Nothing in the URL or the title can close the iframe's tag or reach the script.
    const hostile = embedSnippet(
      'https://x.org/#"></iframe><script>alert(1)</script>',
      '</script><script>alert(2)</script>',
      'prune',
    );
    expect(hostile.split('\n')[0]).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    expect(hostile.slice(hostile.indexOf('\n') + 1)).toBe(EMBED_SIZER);
  });

  it("the sizing script takes a height only from its own iframe's window and origin", () => {
    const body = /^<script>([\s\S]*)<\/script>$/.exec(EMBED_SIZER)![1];
    let listener: (e: { data: unknown; source: unknown; origin: string }) => void = () => {};
    const lab = { contentWindow: {}, src: 'https://lab.example/gpl/#embed=chart', style: { height: '1160px' } };
    const other = { contentWindow: {}, src: 'https://other.example/#embed=chart', style: { height: '300px' } };
    const doc = { querySelectorAll: (sel: string) => (sel === 'iframe[data-gpl-embed]' ? [lab, other] : []) };
    new Function('addEventListener', 'document', 'location', body)(
      (_: string, f: typeof listener) => (listener = f),
      doc,
      { href: 'https://blog.example/post' },
    );
    const send = (data: unknown, source: unknown, origin: string) => listener({ data, source, origin });
    send({ type: 'gpl:height', view: 'chart', height: 812.3 }, lab.contentWindow, 'https://lab.example');
    expect([lab.style.height, other.style.height]).toEqual(['813px', '300px']);
    send({ type: 'gpl:height', height: 5 }, lab.contentWindow, 'https://evil.example'); // another origin
    send({ type: 'gpl:height', height: 5 }, {}, 'https://lab.example'); // another window
    send({ type: 'gpl:height', height: 5 }, other.contentWindow, 'https://lab.example'); // the other iframe, from the wrong origin
    for (const data of [
      null,
      'gpl:height',
      { type: 'gpl:height', height: '5' },
      { type: 'gpl:height', height: -5 },
      { type: 'gpl:height', height: Infinity },
      { type: 'other', height: 5 },
    ])
      send(data, lab.contentWindow, 'https://lab.example');
    expect([lab.style.height, other.style.height]).toEqual(['813px', '300px']);
    send({ type: 'gpl:height', height: 640 }, other.contentWindow, 'https://other.example');
    expect(other.style.height).toBe('640px');
  });

  it('the README shows the code the lab hands out', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(/<!-- embed-parent-snippet -->\s*```html\n([\s\S]*?)\n```/.exec(readme)?.[1]).toBe(EMBED_SIZER);
    expect(readme).toContain(`sandbox="${EMBED_SANDBOX}"`);
  });
});
