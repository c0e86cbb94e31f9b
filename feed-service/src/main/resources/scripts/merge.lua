-- Merges entries into capped sorted sets of post ids (home feeds or an author's cache).
-- KEYS: triples, one per feed: the sorted set, its meta hash, its hash of reposters by member.
--       Every triple shares one hash tag; the triples of one call share a Redis Cluster slot.
-- ARGV: 1 mode ("push": only into feeds whose meta exists; "build": one feed, marks it ready
--       and sets the TTL), 2 cap, 3 TTL in ms (build), 4 "1" if the source had more entries
--       than were given (build), then triples: score, member, reposter id or ""
-- Returns how many feeds were merged; a push skips a feed that is not kept (inactive or lost).
local mode = ARGV[1]
local cap = tonumber(ARGV[2])

local function merge(set, meta, reposts)
  if mode == 'push' and redis.call('EXISTS', meta) == 0 then
    return 0
  end
  for i = 5, #ARGV, 3 do
    local member = ARGV[i + 1]
    redis.call('ZADD', set, 'GT', ARGV[i], member)
    local reposter = ARGV[i + 2]
    if reposter ~= '' then
      local current = redis.call('HGET', reposts, member)
      if not current then
        redis.call('HSET', reposts, member, reposter)
      elseif not string.find(',' .. current .. ',', ',' .. reposter .. ',', 1, true) then
        local count = select(2, string.gsub(current, ',', ',')) + 1
        if count < 10 then
          redis.call('HSET', reposts, member, current .. ',' .. reposter)
        end
      end
    end
  end
  local size = redis.call('ZCARD', set)
  if size > cap then
    local old = redis.call('ZRANGE', set, 0, size - cap - 1)
    redis.call('ZREMRANGEBYRANK', set, 0, size - cap - 1)
    for _, member in ipairs(old) do
      redis.call('HDEL', reposts, member)
    end
    redis.call('HSET', meta, 'trimmed', '1')
  end
  if mode == 'build' then
    redis.call('HSET', meta, 'state', 'ready')
    if ARGV[4] == '1' then
      redis.call('HSET', meta, 'trimmed', '1')
    end
    local ttl = tonumber(ARGV[3])
    redis.call('PEXPIRE', meta, ttl)
    redis.call('PEXPIRE', set, ttl)
    redis.call('PEXPIRE', reposts, ttl)
  end
  return 1
end

local merged = 0
for k = 1, #KEYS, 3 do
  merged = merged + merge(KEYS[k], KEYS[k + 1], KEYS[k + 2])
end
return merged
