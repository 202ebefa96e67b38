-- Opens the incident case of a spike, once: a second call (another process, a retry) finds the case id the first
-- one wrote on the spike and answers it. The case is a crisis in the incident team's queue, its mentions the
-- spike's examples, tagged 'incident', with its case.opened alert.
-- KEYS[13] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] the spike's hash, KEYS[2] case hash, KEYS[3] its mentions, KEYS[4] its history, KEYS[5] its tags,
--   KEYS[6] active cases, KEYS[7] new cases, KEYS[8] the team's cases, KEYS[9] cases by opening time,
--   KEYS[10] first-response due index, KEYS[11] resolution due index, KEYS[12] alert stream
-- ARGV[1] case id, ARGV[2] priority, ARGV[3] now (ms), ARGV[4] alert stream max length, ARGV[5] history entry,
-- ARGV[6] first response due ('' none), ARGV[7] resolution due ('' none), ARGV[8] M mention ids follow,
-- ARGV[9] K: K case field pairs follow, then the alert field pairs
-- Returns { case id, 'opened' | 'existing' }
local existing = redis.call('HGET', KEYS[1], 'incidentCaseId')
if existing then return { existing, 'existing' } end
local id, priority, now = ARGV[1], ARGV[2], ARGV[3]
local m = tonumber(ARGV[8])
local k = tonumber(ARGV[9 + m])
local fields = {}
for i = 10 + m, 9 + m + 2 * k do fields[#fields + 1] = ARGV[i] end
local alert = {}
for i = 10 + m + 2 * k, #ARGV do alert[#alert + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], 'incidentCaseId', id)
redis.call('HSET', KEYS[2], unpack(fields))
for i = 9, 8 + m do redis.call('RPUSH', KEYS[3], ARGV[i]) end
redis.call('RPUSH', KEYS[4], ARGV[5])
redis.call('SADD', KEYS[5], 'incident')
redis.call('ZADD', KEYS[6], priority, id)
redis.call('ZADD', KEYS[7], priority, id)
redis.call('ZADD', KEYS[8], priority, id)
redis.call('ZADD', KEYS[9], now, id)
if ARGV[6] ~= '' then redis.call('ZADD', KEYS[10], ARGV[6], id) end
if ARGV[7] ~= '' then redis.call('ZADD', KEYS[11], ARGV[7], id) end
redis.call('XADD', KEYS[12], 'MAXLEN', '~', ARGV[4], '*', 'type', 'case.opened', 'caseId', id,
  'mentionId', ARGV[9], 'at', now, unpack(alert))
redis.call('INCR', KEYS[13]) -- the worklist's version: a page read before this move is no longer current
return { id, 'opened' }
