-- An author's follower ids, kept for fan-out: a set, and a state key beside it that says
-- whether the set is being filled from graph-service or is complete. Both keys share the
-- author's hash tag and expire together, at the end of the TTL given when the fill began.
-- KEYS: 1 the set, 2 the state
-- ARGV: 1 the operation, then its arguments:
--   "begin", TTL in ms: starts a fill unless one is under way or done. Returns 1 if it
--     started one, 0 if not.
--   "add", ids...: adds followers while a fill is under way or done (pages of the fill,
--     and follows made since it began). Returns 1 if the set is kept, 0 if not.
--   "remove", id: takes a follower out. Returns 1.
--   "ready": marks a fill complete. Returns 1 if the set is kept, 0 if it expired.
--   "read": returns the followers of a complete set followed by "ready", or an empty list
--     when there is none.
local set = KEYS[1]
local state = KEYS[2]
local operation = ARGV[1]

-- What is left of the TTL of a copy being filled or complete, or 0 when there is none.
local function kept_for()
  return math.max(redis.call('PTTL', state), 0)
end

if operation == 'begin' then
  if redis.call('SET', state, 'filling', 'NX', 'PX', ARGV[2]) then
    redis.call('DEL', set)
    return 1
  end
  return 0
elseif operation == 'add' then
  local ttl = kept_for()
  if ttl == 0 then
    return 0
  end
  for i = 2, #ARGV, 1000 do
    redis.call('SADD', set, unpack(ARGV, i, math.min(i + 999, #ARGV)))
  end
  redis.call('PEXPIRE', set, ttl)
  return 1
elseif operation == 'remove' then
  redis.call('SREM', set, ARGV[2])
  return 1
elseif operation == 'ready' then
  local ttl = kept_for()
  if ttl > 0 then
    redis.call('SET', state, 'ready', 'PX', ttl)
    return 1
  end
  return 0
elseif operation == 'read' then
  if redis.call('GET', state) ~= 'ready' then
    return {}
  end
  local followers = redis.call('SMEMBERS', set)
  followers[#followers + 1] = 'ready'
  return followers
end
return redis.error_reply('unknown operation ' .. tostring(operation))
