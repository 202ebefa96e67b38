-- Resolves a case: off the open worklist, onto the resolved index. Only the holder may resolve a
-- claimed case; an unclaimed case may be resolved by any agent.
-- KEYS[1] case hash, KEYS[2] open cases, KEYS[3] resolved cases; ARGV[1] agent, ARGV[2] now (ms), ARGV[3] case id
-- Returns { outcome, holder } like claim_case.lua.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return { 'missing', '' }
end
local state = redis.call('HGET', KEYS[1], 'state')
local holder = redis.call('HGET', KEYS[1], 'assignee')
if state == 'resolved' then
  return { 'closed', holder or '' }
end
if holder and holder ~= ARGV[1] then
  return { 'held', holder }
end
redis.call('HSET', KEYS[1], 'state', 'resolved', 'resolvedAt', ARGV[2], 'resolvedBy', ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
return { 'done', holder or '' }
