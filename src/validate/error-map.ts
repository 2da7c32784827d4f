/**
 * Schema messages in an editor's words, from Zod's issue codes rather than its English text.
 * Messages a schema sets itself (`'use lower-case letters ...'`) take precedence over this map,
 * as Zod gives a schema's own message priority over a per-parse one.
 */
import type { z } from 'astro/zod';

/** Zod's names of types, as an editor writing YAML knows them. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, e.g. [A, B] or one "- item" per line',
  object: 'a group of "name: value" fields',
  date: 'a date, YYYY-MM-DD',
};

const bound = (issue: { origin: string; inclusive?: boolean }, below: boolean) =>
  `${below ? '>' : '<'}${issue.inclusive === false ? '' : '='}`;

/** What a value should be, for each kind of issue; `undefined` leaves Zod's own message. */
export const editorErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}`;
    case 'too_small':
    case 'too_big': {
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const op = bound(issue, issue.code === 'too_small');
      if (issue.origin === 'string') return `text of ${op} ${limit} characters`;
      if (issue.origin === 'array') return `a list of ${op} ${limit} items`;
      return `a number ${op} ${limit}`;
    }
    default:
      return undefined;
  }
};
