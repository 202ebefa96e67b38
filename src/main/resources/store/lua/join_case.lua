-- Files a mention on the case of its conversation or author, as Java decided from the case it read (the move
-- CUSTOMER_WROTE), with its alert, in one step; 'stale' when the pointers or the case changed meanwhile,
-- 'existing' when the mention was filed before.
-- KEYS[16] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] case-by-mention, KEYS[2] conversation pointer, KEYS[3] author pointer, KEYS[4] case hash,
--   KEYS[5] its mentions, KEYS[6] its history, KEYS[7] index of the state it was in, KEYS[8] index of the state
--   it goes to, KEYS[9] active cases, KEYS[10] closed cases, KEYS[11] its team's cases, KEYS[12] its holder's
--   cases (of the empty name when nobody holds it), KEYS[13] snoozed cases, KEYS[14] next-reply due index,
--   KEYS[15] alert stream
-- ARGV[1] mention id, ARGV[2] case id, ARGV[3] conversation pointer read, ARGV[4] author pointer read,
-- ARGV[5..8] state, holder, team and priority of the case as read, ARGV[9] state after, ARGV[10] priority after,
-- ARGV[11] now (ms), ARGV[12] alert stream max length, ARGV[13] '1': point the conversation here,
-- ARGV[14] '1': point the author here, ARGV[15] conversation pointer lifetime (ms), ARGV[16] author window (ms),
-- ARGV[17] history entry, ARGV[18] next reply due ('' when none starts), ARGV[19] 'reopened' or 'joined',
-- ARGV[20] when the holder's clock starts again ('' it does not), ARGV[21] '1' when a closed case is reopened,
-- ARGV[22] '1' when that is within the first-contact window of its first resolution, then the alert field pairs
-- Returns { case id, 'joined' | 'reopened' | 'existing' | 'stale' }
local existing = redis.call('GET', KEYS[1])
if existing then return { existing, 'existing' } end
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] or (redis.call('GET', KEYS[3]) or '') ~= ARGV[4] then
  return { '', 'stale' }
end
local f = redis.call('HMGET', KEYS[4], 'state', 'assignee', 'team', 'priority')
if f[1] ~= ARGV[5] or (f[2] or '') ~= ARGV[6] or (f[3] or '') ~= ARGV[7] or f[4] ~= ARGV[8] then
  return { '', 'stale' }
end
local id, mention, now, priority = ARGV[2], ARGV[1], ARGV[11], ARGV[10]
redis.call('HSET', KEYS[4], 'state', ARGV[9], 'priority', priority, 'lastMentionAt', now)
redis.call('HINCRBY', KEYS[4], 'mentionCount', 1)
if ARGV[9] ~= ARGV[5] then redis.call('HDEL', KEYS[4], 'resolvedAt', 'closedBy', 'snoozedUntil') end
if ARGV[18] ~= '' then
  redis.call('HSET', KEYS[4], 'nextReplyDue', ARGV[18])
  redis.call('HDEL', KEYS[4], 'nextReplyBreachedAt')
  redis.call('ZADD', KEYS[14], ARGV[18], id)
end
redis.call('ZREM', KEYS[7], id)
redis.call('ZREM', KEYS[10], id)
redis.call('ZREM', KEYS[13], id)
redis.call('ZADD', KEYS[8], priority, id)
redis.call('ZADD', KEYS[9], priority, id)
redis.call('ZADD', KEYS[11], priority, id)
if ARGV[6] ~= '' then redis.call('ZADD', KEYS[12], priority, id) end
redis.call('SET', KEYS[1], id)
if ARGV[13] == '1' then redis.call('SET', KEYS[2], id, 'PX', ARGV[15]) end
if ARGV[14] == '1' then redis.call('SET', KEYS[3], id, 'PX', ARGV[16]) end
if ARGV[20] ~= '' then redis.call('HSET', KEYS[4], 'heldSince', ARGV[20]) end
if ARGV[21] == '1' then redis.call('HINCRBY', KEYS[4], 'reopenCount', 1) end
if ARGV[22] == '1' then redis.call('HSET', KEYS[4], 'reopenedWithinWindow', '1') end
redis.call('RPUSH', KEYS[5], mention)
redis.call('RPUSH', KEYS[6], ARGV[17])
local alert = {}
for i = 23, #ARGV do alert[#alert + 1] = ARGV[i] end
redis.call('XADD', KEYS[15], 'MAXLEN', '~', ARGV[12], '*', 'type', 'case.' .. ARGV[19], 'caseId', id,
  'mentionId', mention, 'at', now, unpack(alert))
redis.call('INCR', KEYS[16]) -- the worklist's version: a page read before this move is no longer current
return { id, ARGV[19] }
