/**
 * A refused table in words: each `TableProblem` (reading) and `PrepProblem` (preparing) as a message of
 * its own, with the rows named as the file numbers them (CSV lines, JSON records), the values it quotes
 * cut to a short excerpt, and never an internal code. Pure.
 */
import type { JsonKind, TableProblem, PrepProblem } from '../../core/data';
import { msg, type Msg } from '../../i18n/catalogue';
import { sizeWords } from '../../core/base';

/** Longest quoted value, in characters (code points): a 1 MB cell is quoted by its start. */
export const EXCERPT = 40;

/** `s` as a refusal quotes it: at most `EXCERPT` code points, `…` marking the cut. */
export function excerpt(s: string, max = EXCERPT): string {
  const points = Array.from(s);
  return points.length <= max ? s : `${points.slice(0, max - 1).join('')}…`;
}

/** How the file numbers its rows: CSV by line, JSON by record. */
export type RowUnit = 'line' | 'record';
const where = (unit: RowUnit, n: number): Msg =>
  msg(unit === 'record' ? 'data.where.record' : 'data.where.line', { n });
const kind = (k: JsonKind | undefined): Msg => msg(`data.json.${k ?? 'object'}`);

/** A refusal as a message of its own (each class of bad file gets one). `unit`: how the table numbers its rows. */
export function problemMsg(p: TableProblem | PrepProblem, unit: RowUnit = 'line'): Msg {
  switch (p.code) {
    case 'too-large':
      return msg('data.problem.too-large', sizeWords(p.bytes, p.max));
    case 'ragged':
      return msg('data.problem.ragged', { row: p.row, got: p.got, expected: p.expected });
    case 'too-many-rows':
      return msg('data.problem.too-many-rows', { rows: p.rows, max: p.max });
    case 'too-many-features':
      return msg('data.problem.too-many-features', { features: p.features, max: p.max });
    case 'duplicate-column':
      return msg('data.problem.duplicate-column', { column: excerpt(p.column) });
    case 'json-syntax':
      return p.line === null
        ? msg('data.problem.json-syntax')
        : msg('data.problem.json-syntax.at', { line: p.line, column: p.column ?? 1 });
    case 'json-not-array':
      return msg('data.problem.json-not-array', { got: kind(p.got) });
    case 'json-record':
      if (p.issue === 'no-keys') return msg('data.problem.json-no-keys');
      if (p.issue === 'not-object') return msg('data.problem.json-not-object', { record: p.record, got: kind(p.got) });
      return msg(`data.problem.json-${p.issue}`, { record: p.record, key: excerpt(p.key ?? ''), got: kind(p.got) });
    case 'too-few-rows':
      return msg('data.problem.too-few-rows', { rows: p.rows, min: p.min });
    case 'one-class':
      return msg('data.problem.one-class', { label: excerpt(p.label) });
    case 'too-many-classes':
      return msg('data.problem.too-many-classes', { label: excerpt(p.label), classes: p.classes, max: p.max });
    case 'non-numeric':
      return msg('data.problem.non-numeric', {
        column: excerpt(p.column),
        example: excerpt(p.example),
        where: where(unit, p.row),
      });
    case 'missing':
      return msg('data.problem.missing', {
        columns: p.columns.map((c) => `${excerpt(c.name)} (${c.count})`).join(', '),
      });
    case 'missing-label':
      return msg('data.problem.missing-label', { where: where(unit, p.row) });
    case 'non-finite':
      return msg(p.overflow ? 'data.problem.overflow' : 'data.problem.non-finite', {
        column: excerpt(p.column),
        value: excerpt(p.value),
        where: where(unit, p.row),
      });
    case 'class-too-small':
      return msg('data.problem.class-too-small', { klass: excerpt(p.klass), label: excerpt(p.label), count: p.count });
    case 'binary':
      return msg('data.problem.binary');
    case 'empty':
      return msg('data.problem.empty');
    case 'no-header':
      return msg('data.problem.no-header', { first: excerpt(p.first.join(', '), 60) });
    case 'no-features':
      return msg('data.problem.no-features');
  }
}
