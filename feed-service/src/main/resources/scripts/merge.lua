-- Merges entries into capped sorted sets of post ids (home feeds or an author's cache).
-- KEYS: triples, one per feed: the sorted set, its meta hash, its hash of reposters by member.
--       Every triple shares one hash tag; the triples of one call share a Redis Cluster slot.
-- ARGV: 1 mode ("push": only into feeds that are kept; "build": one feed, marks it ready
--       and sets the TTL), 2 cap, 3 slack, 4 TTL in ms (build), 5 "1" if the source had
--       more entries than were given (build), then triples: score, member, reposter id or ""
-- Returns how many feeds were merged; a push skips a feed that is not kept (inactive or lost).
--
-- A feed is kept while its meta hash exists. Every key of a feed is given the same TTL
-- (by a build, by each read, and by a push that creates one), so a sorted set that exists
-- belongs to a kept feed: a push looks the meta up only for a feed that holds no entry.
-- That saves fan-out one key lookup per follower, the costliest part of an insert after
-- the ZADD itself.
--
-- A feed is trimmed back to the cap only once it holds more than cap + slack entries, so
-- that a full feed costs an insert a ZCARD, and a trim only every slack + 1 inserts; and
-- the size is read only when an entry was added. "trimmed" in the meta hash is set exactly
-- when entries leave the feed: the feed then no longer holds everything older than its
-- oldest entry.
local mode = ARGV[1]
local cap = tonumber(ARGV[2])
local limit = cap + tonumber(ARGV[3])

local entries = {}
for i = 6, #ARGV, 3 do
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

-- Removes the oldest entries beyond the cap, with their reposters.
local function trim(set, meta, reposts, size)
  local old = redis.call('ZRANGE', set, 0, size - cap - 1)
  redis.call('ZREMRANGEBYRANK', set, 0, size - cap - 1)
  for i = 1, #old, 1000 do
    redis.call('HDEL', reposts, unpack(old, i, math.min(i + 999, #old)))
  end
  if redis.call('EXISTS', meta) == 1 then
    redis.call('HSET', meta, 'trimmed', '1')
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
  local added = 0
  for _, entry in ipairs(entries) do
    added = added + redis.call('ZADD', set, 'GT', entry[1], entry[2])
  end
  if created then
    expireLike(set, meta)
  end
  for _, entry in ipairs(entries) do
    if entry[3] ~= '' then
      addReposter(set, reposts, entry[2], entry[3])
    end
  end
  if added > 0 then
    local size = redis.call('ZCARD', set)
    if size > limit then
      trim(set, meta, reposts, size)
    end
  end
  if mode == 'build' then
    redis.call('HSET', meta, 'state', 'ready')
    if ARGV[5] == '1' then
      redis.call('HSET', meta, 'trimmed', '1')
    end
    local ttl = tonumber(ARGV[4])
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
