/** The most characters a post may have, as post-service counts them. */
export const MAX_POST_LENGTH = 280;

/**
 * Counts a post's characters the way post-service does: the text normalised to NFC, then
 * its Unicode code points (not UTF-16 units: an emoji outside the basic plane is one, and
 * an accent typed as a combining mark joins its letter).
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text.normalize('NFC')) {
    count++;
  }
  return count;
}

/** Characters left before the limit; negative when over it. */
export function remainingCharacters(text: string, max = MAX_POST_LENGTH): number {
  return max - countCharacters(text);
}
