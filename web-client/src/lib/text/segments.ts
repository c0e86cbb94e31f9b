/** A piece of a post's text: plain, or something that links somewhere. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; text: string; tag: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'url'; text: string; url: string };

const PATTERN = /(https?:\/\/[^\s<>"]+)|(#[\p{L}\p{N}_]+)|(@[A-Za-z0-9_]{3,30})/gu;

/** Cuts a post's text into plain runs, hashtags, mentions and links. */
export function segments(text: string): Segment[] {
  const result: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) {
      result.push({ kind: 'text', text: text.slice(last, index) });
    }
    const [whole, url, tag, mention] = match;
    if (url) {
      result.push({ kind: 'url', text: url, url });
    } else if (tag) {
      result.push({ kind: 'tag', text: tag, tag: tag.slice(1) });
    } else if (mention) {
      result.push({ kind: 'mention', text: mention, handle: mention.slice(1) });
    }
    last = index + whole.length;
  }
  if (last < text.length) {
    result.push({ kind: 'text', text: text.slice(last) });
  }
  return result;
}
