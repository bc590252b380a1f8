import { describe, expect, it } from 'vitest';
import { safeMailHtml } from './safe-mail-html.ts';

function body(html: string): string {
  const safe = safeMailHtml(html);
  expect(safe.startsWith('<!doctype html><html><body>')).toBe(true);
  return safe.slice('<!doctype html><html><body>'.length, -'</body></html>'.length);
}

describe('safeMailHtml', () => {
  it('keeps text, structure and entities of a plain message', () => {
    expect(body('<p>Hello <b>Ada</b>,</p><ul><li>one</li></ul><p>&mdash; Privet</p>')).toBe(
      '<p>Hello <b>Ada</b>,</p><ul><li>one</li></ul><p>&mdash; Privet</p>',
    );
  });

  it('drops the document frame, head, scripts, styles and comments with what they hold', () => {
    const html =
      '<!doctype html><html lang="en"><head><title>T</title><style>p{}</style></head>' +
      '<body style="color: red" onload="x()"><!-- note --><script>alert(1)</script><p>Hi</p></body></html>';
    expect(body(html)).toBe('<p>Hi</p>');
  });

  it('drops inline styles, handlers and unknown attributes, keeps presentational ones', () => {
    expect(
      body(
        '<table border=1 style="x" onclick=\'y()\' class="c"><tr><td colspan="2" bgcolor=#fff>a</td></tr></table>',
      ),
    ).toBe('<table border="1"><tr><td colspan="2" bgcolor="#fff">a</td></tr></table>');
  });

  it('shows where a link leads instead of linking, for any scheme', () => {
    expect(body('<a href="https://x.example/?a=1&amp;b=2" target="_top">go</a>')).toBe(
      '<a>go</a> (https://x.example/?a=1&amp;b=2)',
    );
    expect(body('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a> (javascript:alert(1))');
  });

  it('keeps only inline data images', () => {
    expect(body('<img src="https://t.example/p.png" alt="pixel">')).toBe('<img alt="pixel">');
    expect(body('<img src="data:image/png;base64,AAAA">')).toBe('<img src="data:image/png;base64,AAAA">');
    expect(body('<img src="data:text/html;base64,AAAA">')).toBe('<img>');
  });

  it('turns a "<" that starts no tag into text, and drops forms, frames and unknown elements', () => {
    expect(body('1 < 2 <3')).toBe('1 &lt; 2 &lt;3');
    expect(body('<form action="https://e.example"><input name="p"><button>Send</button></form>')).toBe(
      'Send',
    );
    expect(body('<iframe src="https://e.example"></iframe><svg><script>x</script></svg>ok')).toBe('ok');
    expect(body('<a href="x" title="a&quot;b" alt=\'say "hi"\'>t</a>')).toBe(
      '<a title="a&quot;b" alt="say &quot;hi&quot;">t</a> (x)',
    );
  });

  it('drops an unclosed script to the end rather than showing it', () => {
    expect(body('<p>a</p><script>never closed')).toBe('<p>a</p>');
  });
});
