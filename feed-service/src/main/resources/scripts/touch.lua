-- Marks a feed (or an author's cache) as read now: every key of it lives on for the TTL.
-- KEYS: the meta hash first, then the other keys of the same feed
-- ARGV: 1 TTL in ms
-- Returns {state, trimmed} from the meta hash, or an empty list when the feed is not kept.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {}
end
for _, key in ipairs(KEYS) do
  redis.call('PEXPIRE', key, ARGV[1])
end
local meta = redis.call('HMGET', KEYS[1], 'state', 'trimmed')
return { meta[1] or '', meta[2] or '' }
