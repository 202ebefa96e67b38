-- Flags a missed SLA target once and announces it, or drops a due entry that no longer matters
-- (the case was answered or closed, or was flagged before). Always removes the entry from the due index.
-- KEYS[5] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] case hash, KEYS[2] case history, KEYS[3] due index, KEYS[4] alert stream
-- ARGV[1] case id, ARGV[2] kind ('firstResponse', 'nextReply' (cleared by a reply) or 'resolution'), ARGV[3] now (ms), ARGV[4] alert stream max length,
-- ARGV[5] history entry (JSON)
-- Returns 1 when the breach was flagged now, else 0
redis.call('ZREM', KEYS[3], ARGV[1])
local kind = ARGV[2]
local f = redis.call('HMGET', KEYS[1], 'state', 'firstResponseAt', kind .. 'BreachedAt', kind .. 'Due', 'team',
  'channel', 'assignee', 'brand', 'language', 'triageClass', 'urgency')
if not f[1] or f[1] == 'resolved' or f[1] == 'dismissed' or f[3] then
  return 0
end
if (kind == 'firstResponse' and f[2]) or (kind == 'nextReply' and not f[4]) then
  return 0
end
redis.call('HSET', KEYS[1], kind .. 'BreachedAt', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[5])
-- a field the case lacks (nobody holds it, no due time) is left out, not sent empty
local alert = { 'type', 'sla.breached', 'caseId', ARGV[1], 'target', kind, 'at', ARGV[3] }
local optional = { due = f[4], team = f[5], channel = f[6], assignee = f[7], brand = f[8], language = f[9],
  triageClass = f[10], urgency = f[11] }
for _, name in ipairs({ 'due', 'team', 'channel', 'assignee', 'brand', 'language', 'triageClass', 'urgency' }) do
  if optional[name] and optional[name] ~= '' then
    alert[#alert + 1] = name
    alert[#alert + 1] = optional[name]
  end
end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], '*', unpack(alert))
redis.call('INCR', KEYS[5]) -- the worklist's version: a page read before this move is no longer current
return 1
