-- Merges entries into capped sorted sets of post ids (home feeds or an author's cache).
-- KEYS: triples, one per feed: the sorted set, its meta hash, its hash of reposters by member.
--       Every triple shares one hash tag; the triples of one call share a Redis Cluster slot.
-- ARGV: 1 mode ("push": only into feeds that are kept; "build": one feed, marks it ready
--       and sets the TTL), 2 cap, 3 TTL in ms (build), 4 "1" if the source had more entries
--       than were given (build), then triples: score, member, reposter id or ""
-- Returns how many feeds were merged; a push skips a feed that is not kept (inactive or lost).
--
-- A feed is kept while its meta hash exists. Every key of a feed is given the same TTL
-- (by a build, by each read, and by a push that creates one), so a sorted set that exists
-- belongs to a kept feed: a push looks the meta up only for a feed that holds no entry.
-- That saves fan-out one key lookup per follower, the costliest part of an insert after
-- the ZADD itself.
local mode = ARGV[1]
local cap = tonumber(ARGV[2])

local entries = {}
for i = 5, #ARGV, 3 do
  entries[#entries + 1] = { ARGV[i], ARGV[i + 1], ARGV[i + 2] }
end

-- Gives a key that a push has just created the TTL of the key it belongs with.
local function expireLike(key, like)
  local ttl = redis.call('PTTL', like)
  if ttl > 0 then
    redis.call('PEXPIRE', key, ttl)
  end
end

local function addReposter(set, reposts, member, reposter)
  local current = redis.call('HGET', reposts, member)
  if not current then
    local created = redis.call('EXISTS', reposts) == 0
    redis.call('HSET', reposts, member, reposter)
    if created and mode == 'push' then
      expireLike(reposts, set)
    end
  elseif not string.find(',' .. current .. ',', ',' .. reposter .. ',', 1, true) then
    local count = select(2, string.gsub(current, ',', ',')) + 1
    if count < 10 then
      redis.call('HSET', reposts, member, current .. ',' .. reposter)
    end
  end
end

local function merge(set, meta, reposts)
  local created = false
  if mode == 'push' and redis.call('EXISTS', set) == 0 then
    if redis.call('EXISTS', meta) == 0 then
      return 0
    end
    created = true
  end
  for _, entry in ipairs(entries) do
    redis.call('ZADD', set, 'GT', entry[1], entry[2])
  end
  if created then
    expireLike(set, meta)
  end
  for _, entry in ipairs(entries) do
    if entry[3] ~= '' then
      addReposter(set, reposts, entry[2], entry[3])
    end
  end
  local size = redis.call('ZCARD', set)
  if size > cap then
    local old = redis.call('ZRANGE', set, 0, size - cap - 1)
    redis.call('ZREMRANGEBYRANK', set, 0, size - cap - 1)
    for _, member in ipairs(old) do
      redis.call('HDEL', reposts, member)
    end
    if redis.call('EXISTS', meta) == 1 then
      redis.call('HSET', meta, 'trimmed', '1')
    end
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
