-- Applies one move of a case that Java decided from the move table (CaseMove) on the case as it read it,
-- in one atomic step, with every index; refuses with 'stale' when the case changed since it was read.
-- KEYS[13] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] case hash, KEYS[2] history, KEYS[3] index of the state it was in, KEYS[4] index of the state it goes
--   to, KEYS[5] active cases, KEYS[6] closed cases, KEYS[7] snoozed cases, KEYS[8] index of the team it was in,
--   KEYS[9] index of the team it goes to, KEYS[10] index of the holder it had, KEYS[11] index of the holder it
--   gets (for a case without a holder, the index of the empty name, which is never written), KEYS[12] alert stream
-- ARGV[1] case id, ARGV[2..4] state, holder and team as read ('' none), ARGV[5..7] state, holder and team after,
-- ARGV[8] '1' when the state after is closed, ARGV[9] now (ms), ARGV[10] wake time (ms) when it goes to
--   snoozed, else '', ARGV[11] history entry (JSON), ARGV[12] alert type ('' no alert), ARGV[13] alert stream
--   max length, ARGV[14] who made the move, ARGV[15] N, ARGV[16] M, ARGV[17] P, then N field pairs to set, M field
--   pairs to set only when absent, P counter pairs to add to (the case's own figures), then the fields to delete
-- Returns 'done', 'missing', or 'stale' (read again and decide again)
local f = redis.call('HMGET', KEYS[1], 'state', 'assignee', 'team', 'priority')
if not f[1] then return 'missing' end
if f[1] ~= ARGV[2] or (f[2] or '') ~= ARGV[3] or (f[3] or '') ~= ARGV[4] then return 'stale' end
local id, priority = ARGV[1], f[4]
local n, m, p = tonumber(ARGV[15]), tonumber(ARGV[16]), tonumber(ARGV[17])
local set = { 'state', ARGV[5], 'team', ARGV[7] }
local i = 18
for _ = 1, n do
  set[#set + 1] = ARGV[i]
  set[#set + 1] = ARGV[i + 1]
  i = i + 2
end
if ARGV[6] ~= '' then
  set[#set + 1] = 'assignee'
  set[#set + 1] = ARGV[6]
end
redis.call('HSET', KEYS[1], unpack(set))
for _ = 1, m do
  redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
for _ = 1, p do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
for j = i, #ARGV do redis.call('HDEL', KEYS[1], ARGV[j]) end
if ARGV[6] == '' then redis.call('HDEL', KEYS[1], 'assignee') end

redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[8], id)
redis.call('ZREM', KEYS[10], id)
redis.call('ZADD', KEYS[4], priority, id)
if ARGV[8] == '1' then
  redis.call('ZREM', KEYS[5], id)
  redis.call('ZADD', KEYS[6], ARGV[9], id)
else
  redis.call('ZADD', KEYS[5], priority, id)
  redis.call('ZREM', KEYS[6], id)
  redis.call('ZADD', KEYS[9], priority, id)
  if ARGV[6] ~= '' then redis.call('ZADD', KEYS[11], priority, id) end
end
if ARGV[10] ~= '' then redis.call('ZADD', KEYS[7], ARGV[10], id) else redis.call('ZREM', KEYS[7], id) end
redis.call('RPUSH', KEYS[2], ARGV[11])
if ARGV[12] ~= '' then
  -- the alert carries what a subscription filters on, as the case has it after the move
  local names = { 'brand', 'channel', 'language', 'team', 'triageClass', 'urgency', 'assignee' }
  local c = redis.call('HMGET', KEYS[1], unpack(names))
  local alert = { 'type', ARGV[12], 'caseId', id, 'state', ARGV[5], 'at', ARGV[9], 'by', ARGV[14] }
  for j, name in ipairs(names) do
    if c[j] and c[j] ~= '' then
      alert[#alert + 1] = name
      alert[#alert + 1] = c[j]
    end
  end
  redis.call('XADD', KEYS[12], 'MAXLEN', '~', ARGV[13], '*', unpack(alert))
end
redis.call('INCR', KEYS[13]) -- the worklist's version: a page read before this move is no longer current
return 'done'
