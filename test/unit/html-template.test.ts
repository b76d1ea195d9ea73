import test from 'ava';
import { escapeHtml, markup, jsonForScript, SafeHtml } from '../../src/public-pages/html.rules.js';

test('escapeHtml: markup characters, both quotes and NUL', (t) => {
  t.is(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
  t.is(escapeHtml('文\u0000選'), '文\uFFFD選');
  t.is(escapeHtml('（梁）蕭統輯'), '（梁）蕭統輯');
});

test('html: interpolations escaped, nested templates and lists kept, null/false/undefined empty', (t) => {
  const title = '<script>alert(1)</script>';
  const inner = markup`<em>${title}</em>`;
  t.true(inner instanceof SafeHtml);
  t.is(inner.value, '<em>&lt;script&gt;alert(1)&lt;/script&gt;</em>');
  t.is(
    markup`<p title="${'"x"'}">${inner}</p>`.value,
    `<p title="&quot;x&quot;"><em>&lt;script&gt;alert(1)&lt;/script&gt;</em></p>`,
  );
  t.is(
    markup`<ul>
      ${['a', '<b>'].map((x) => markup`<li>${x}</li>`)}
    </ul>`.value.replace(/\s+/g, ''),
    '<ul><li>a</li><li>&lt;b&gt;</li></ul>',
  );
  t.is(markup`${null}${undefined}${false}${0}`.value, '0');
});

test('jsonForScript: no text can close the script element; the JSON means the same', (t) => {
  const value = { name: '</script><script>alert(1)</script>', x: 'a\u2028b' };
  const out = jsonForScript(value).value;
  t.false(out.includes('<'));
  t.false(out.includes('\u2028'));
  t.deepEqual(JSON.parse(out), value);
});

test("html: a template's source indentation is dropped, the text placed into it is not", (t) => {
  const render = (value: string) =>
    markup`<div>
        <p>${value}</p>
      </div>`.value;
  const written = '民國八年\n    上海商務印書館  鉛印本';
  t.is(render(written), `<div>\n<p>${written}</p>\n</div>`);
  // The same template again (its compacted text is kept): same result, other values.
  t.is(render('<b>'), '<div>\n<p>&lt;b&gt;</p>\n</div>');
});

test('escapeHtml: text with nothing to escape comes back as it is, long or short', (t) => {
  const long = '欽定四庫全書總目二百卷'.repeat(10_000);
  t.is(escapeHtml(long), long);
  t.is(escapeHtml(''), '');
  t.is(escapeHtml(long + '&'), long + '&amp;');
});
