-- Merges entries into a capped sorted set of post ids (a home feed or an author's cache).
-- KEYS: 1 the sorted set, 2 its meta hash, 3 its hash of reposters by member
-- ARGV: 1 mode ("push": only if the meta exists; "build": marks it ready and sets the TTL),
--       2 cap, 3 TTL in ms (build), 4 "1" if the source had more entries than were given (build),
--       then triples: score, member, reposter id or ""
-- Returns 1 when merged, 0 when skipped (push into a feed that is not kept: inactive or lost).
if ARGV[1] == 'push' and redis.call('EXISTS', KEYS[2]) == 0 then
  return 0
end
local cap = tonumber(ARGV[2])
for i = 5, #ARGV, 3 do
  local member = ARGV[i + 1]
  redis.call('ZADD', KEYS[1], 'GT', ARGV[i], member)
  local reposter = ARGV[i + 2]
  if reposter ~= '' then
    local current = redis.call('HGET', KEYS[3], member)
    if not current then
      redis.call('HSET', KEYS[3], member, reposter)
    elseif not string.find(',' .. current .. ',', ',' .. reposter .. ',', 1, true) then
      local count = select(2, string.gsub(current, ',', ',')) + 1
      if count < 10 then
        redis.call('HSET', KEYS[3], member, current .. ',' .. reposter)
      end
    end
  end
end
local size = redis.call('ZCARD', KEYS[1])
if size > cap then
  local old = redis.call('ZRANGE', KEYS[1], 0, size - cap - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, size - cap - 1)
  for _, member in ipairs(old) do
    redis.call('HDEL', KEYS[3], member)
  end
  redis.call('HSET', KEYS[2], 'trimmed', '1')
end
if ARGV[1] == 'build' then
  redis.call('HSET', KEYS[2], 'state', 'ready')
  if ARGV[4] == '1' then
    redis.call('HSET', KEYS[2], 'trimmed', '1')
  end
  local ttl = tonumber(ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return 1
