import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { escapeHtml } from '../domain/escape-html.ts';
import { renderTemplate } from './render-template.ts';

const text = { html: false, template: 't' };
const html = { html: true, template: 't' };

describe('renderTemplate', () => {
  it('fills placeholders, with or without inner spaces, and numbers', () => {
    expect(
      renderTemplate('Hi {{name}}, {{ count }} new, {{name}} again', { name: 'Ada', count: 3 }, text),
    ).toBe('Hi Ada, 3 new, Ada again');
  });

  it('escapes values in HTML but not in plain text', () => {
    const data = { name: `<b>Tom & "Jerry"</b> 'x'` };
    expect(renderTemplate('<p>{{name}}</p>', data, html)).toBe(
      '<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &#39;x&#39;</p>',
    );
    expect(renderTemplate('{{name}}', data, text)).toBe(`<b>Tom & "Jerry"</b> 'x'`);
  });

  it('leaves the template markup itself unescaped', () => {
    expect(renderTemplate('<a href="{{url}}">go</a>', { url: 'https://x.test/?a=1&b=2' }, html)).toBe(
      '<a href="https://x.test/?a=1&amp;b=2">go</a>',
    );
  });

  it('throws naming every missing variable', () => {
    let thrown: unknown;
    try {
      renderTemplate(
        '{{name}} {{url}} {{expiresAt}} {{url}}',
        { name: 'Ada' },
        { html: false, template: 'login' },
      );
    } catch (error) {
      thrown = error;
    }
    expect(isPrivetError(thrown)).toBe(true);
    if (!isPrivetError(thrown)) return;
    expect(thrown.message).toContain('"url"');
    expect(thrown.message).toContain('"expiresAt"');
    expect(thrown.message).toContain('login');
    expect(thrown.issues.map((i) => i.path)).toEqual(['data.url', 'data.expiresAt']);
  });

  it('does not take values from the object prototype', () => {
    expect(() => renderTemplate('{{constructor}}', {}, text)).toThrow(/"constructor"/);
  });

  it('escapes all five HTML-special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
