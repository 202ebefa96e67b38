-- Opens a new case for a mention that needs a reply and has no case to join, with its alert, in one step;
-- refuses with 'stale' when the pointers the caller read (conversation, author) changed meanwhile, and answers
-- 'existing' when the mention was filed before (filing is idempotent).
-- KEYS[15] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] case-by-mention, KEYS[2] conversation pointer, KEYS[3] author pointer, KEYS[4] case hash,
--   KEYS[5] its mentions, KEYS[6] its history, KEYS[7] active cases, KEYS[8] new cases, KEYS[9] its team's cases,
--   KEYS[10] cases by opening time, KEYS[11] the author's cases, KEYS[12] first-response due index,
--   KEYS[13] resolution due index, KEYS[14] alert stream
-- ARGV[1] mention id, ARGV[2] case id, ARGV[3] conversation pointer read ('' none), ARGV[4] author pointer read,
-- ARGV[5] '1' when the mention has a conversation, ARGV[6] '1' when it has an author, ARGV[7] priority,
-- ARGV[8] now (ms), ARGV[9] alert stream max length, ARGV[10] conversation pointer lifetime (ms),
-- ARGV[11] author window (ms), ARGV[12] history entry, ARGV[13] first response due ('' none),
-- ARGV[14] resolution due ('' none), ARGV[15] K: K case field pairs follow, then the alert field pairs
-- Returns { case id, 'opened' | 'existing' | 'stale' }
local existing = redis.call('GET', KEYS[1])
if existing then return { existing, 'existing' } end
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] or (redis.call('GET', KEYS[3]) or '') ~= ARGV[4] then
  return { '', 'stale' }
end
local id, mention, now = ARGV[2], ARGV[1], ARGV[8]
local k = tonumber(ARGV[15])
local fields = {}
for i = 16, 15 + 2 * k do fields[#fields + 1] = ARGV[i] end
local alert = {}
for i = 16 + 2 * k, #ARGV do alert[#alert + 1] = ARGV[i] end

redis.call('HSET', KEYS[4], unpack(fields))
redis.call('ZADD', KEYS[7], ARGV[7], id)
redis.call('ZADD', KEYS[8], ARGV[7], id)
redis.call('ZADD', KEYS[9], ARGV[7], id)
redis.call('ZADD', KEYS[10], now, id)
if ARGV[13] ~= '' then redis.call('ZADD', KEYS[12], ARGV[13], id) end
if ARGV[14] ~= '' then redis.call('ZADD', KEYS[13], ARGV[14], id) end
redis.call('SET', KEYS[1], id)
if ARGV[5] == '1' then redis.call('SET', KEYS[2], id, 'PX', ARGV[10]) end
if ARGV[6] == '1' then
  redis.call('SADD', KEYS[11], id)
  redis.call('SET', KEYS[3], id, 'PX', ARGV[11])
end
redis.call('RPUSH', KEYS[5], mention)
redis.call('RPUSH', KEYS[6], ARGV[12])
redis.call('XADD', KEYS[14], 'MAXLEN', '~', ARGV[9], '*', 'type', 'case.opened', 'caseId', id, 'mentionId', mention,
  'at', now, unpack(alert))
redis.call('INCR', KEYS[15]) -- the worklist's version: a page read before this move is no longer current
return { id, 'opened' }
