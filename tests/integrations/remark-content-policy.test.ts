import { describe, expect, it } from 'vitest';
import { isSafeLink } from '../../src/integrations/remark-content-policy';

describe('isSafeLink', () => {
  it.each(['https://arxiv.org/abs/1510.00149', 'http://example.org', 'mailto:a@example.org', '#ref-x', '../x/', 'x'])(
    'accepts %s',
    (url) => expect(isSafeLink(url)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
  ])('refuses %j', (url) => expect(isSafeLink(url)).toBe(false));
});
