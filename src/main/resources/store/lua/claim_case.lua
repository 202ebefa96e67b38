-- Gives a case to an agent unless another agent holds it. KEYS[1] case hash; ARGV[1] agent, ARGV[2] now (ms).
-- Returns { outcome, holder }: outcome 'done', 'missing', 'held' (holder = who has it) or 'closed'.
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
if not holder then
  redis.call('HSET', KEYS[1], 'state', 'assigned', 'assignee', ARGV[1], 'claimedAt', ARGV[2])
end
return { 'done', ARGV[1] }
