import { describe, expect, it } from 'vitest';
import { countCharacters, remainingCharacters } from './count';

describe('countCharacters', () => {
  it('should count code points, not UTF-16 units, as post-service does', () => {
    expect('😀'.length).toBe(2);
    expect(countCharacters('😀')).toBe(1);
    expect(countCharacters('𝒜𝒷𝒸')).toBe(3);
  });

  it('should count an accent typed as a combining mark with its letter (NFC)', () => {
    expect(countCharacters('e\u0301')).toBe(1);
    expect(countCharacters('café')).toBe(4);
  });

  it('should allow exactly 280 emoji and refuse 281', () => {
    expect(remainingCharacters('🐦'.repeat(280))).toBe(0);
    expect(remainingCharacters('🐦'.repeat(281))).toBe(-1);
  });

  it('should count a family emoji as its code points, as the server does', () => {
    expect(countCharacters('👨‍👩‍👧')).toBe(5);
  });
});
