-- Removes an actor's entries from one home feed: their posts, and their name from the
-- reposters of posts they reposted. An entry stays while someone else the owner follows
-- reposted it, or while the owner follows its author (or wrote it).
-- KEYS: 1 the feed, 2 its hash of reposters by member, 3 the owner's followees
-- ARGV: 1 owner id, 2 actor id, then triples: member, "1" if the actor reposted it else "0",
--       the author of the post
local removed = 0
for i = 3, #ARGV, 3 do
  local member, reposted, author = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local current = redis.call('HGET', KEYS[2], member)
  local others = ''
  if current then
    for id in string.gmatch(current, '[^,]+') do
      if id ~= ARGV[2] then
        others = (others == '') and id or (others .. ',' .. id)
      end
    end
    if others == '' then
      redis.call('HDEL', KEYS[2], member)
    else
      redis.call('HSET', KEYS[2], member, others)
    end
  end
  local keep = others ~= ''
  if not keep and reposted == '1' then
    keep = author == ARGV[1] or redis.call('SISMEMBER', KEYS[3], author) == 1
  end
  if not keep then
    removed = removed + redis.call('ZREM', KEYS[1], member)
  end
end
return removed
