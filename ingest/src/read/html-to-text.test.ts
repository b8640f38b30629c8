import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, looksLikeHtml } from './html-to-text.js';

describe('htmlToParagraphs', () => {
  const cases: Array<[string, string[]]> = [
    ['<p>One &amp; two</p><p>Three</p>', ['One & two', 'Three']],
    ['<h2>Heading</h2>Loose text<br>after a break', ['Heading', 'Loose text', 'after a break']],
    ['<p>The <a href="/x">envoy</a> <em>arrived</em>\n  in   Cairo.</p>', ['The envoy arrived in Cairo.']],
    ['<figure><img src="a.jpg" alt="Leaders"><figcaption>Photo: Agency</figcaption></figure><p>Story.</p>', ['Story.']],
    ['<script>var x = 1;</script><style>p{}</style><p>Only this.</p>', ['Only this.']],
    ['<ul><li>First</li><li>Second</li></ul>', ['First', 'Second']],
    ['<table><tr><td>Vote</td><td>141</td></tr></table>', ['Vote 141']],
    ['Plain words only', ['Plain words only']],
    ['', []],
  ];
  it.each(cases)('%j', (html, expected) => expect(htmlToParagraphs(html)).toEqual(expected));
});

describe('looksLikeHtml', () => {
  it.each([
    ['<p>Text</p>', true],
    ['Line one<br/>line two', true],
    ['Trade rose 5% as 3 < 4 and 5 > 2', false],
    ['Plain prose.', false],
  ] as Array<[string, boolean]>)('%j -> %s', (text, expected) => expect(looksLikeHtml(text)).toBe(expected));
});
