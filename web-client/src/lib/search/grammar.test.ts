import { describe, expect, it } from 'vitest';
import { OPERATORS, operatorAt, queryErrorPosition } from './grammar';

describe('query help', () => {
  it('should list every operator of the search grammar', () => {
    const syntax = OPERATORS.map((o) => o.syntax);
    for (const operator of ['"phrase"', '-', 'OR', '#', '@', 'from:', 'since:', 'until:', 'has:media', 'is:reply']) {
      expect(syntax).toContain(operator);
    }
  });

  it('should name the operator of the term under the caret', () => {
    expect(operatorAt('cats from:an')?.syntax).toBe('from:');
    expect(operatorAt('cats from:an', 2)).toBeNull();
    expect(operatorAt('cats OR dogs', 6)?.syntax).toBe('OR');
    expect(operatorAt('-decaf')?.syntax).toBe('-');
    expect(operatorAt('#harbour')?.syntax).toBe('#');
    expect(operatorAt('"flat white', 3)?.syntax).toBe('"phrase"');
    expect(operatorAt('since:2026')?.syntax).toBe('since:');
    expect(operatorAt('has:')?.syntax).toBe('has:media');
    expect(operatorAt('cats ')).toBeNull();
  });

  it('should read the position of an invalid-query problem', () => {
    expect(queryErrorPosition({ position: 6 })).toBe(6);
    expect(queryErrorPosition({})).toBeNull();
  });
});
