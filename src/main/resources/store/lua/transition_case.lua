-- Moves a case from one state to another, or refuses, in one atomic step; keeps every index right.
-- The allowed moves come from Java (CaseAction), so they are written down in one place.
-- KEYS[1] case hash, KEYS[2] case history list
-- ARGV[1] key prefix, ARGV[2] case id, ARGV[3] actor, ARGV[4] override ('1': a lead may act on a case
--   another agent holds), ARGV[5] now (ms), ARGV[6] moves 'from>to,from>to' ('@open' = assigned when
--   somebody holds the case, else new; '@keep' = stay), ARGV[7] holder rule: 'free' (nobody else may hold it),
--   'holder' (only the holder, or anyone when nobody holds it, or an override), 'any'
-- ARGV[8] assignee: '' keep, '-' clear, '@actor' the actor, else that name
-- ARGV[9] history entry (JSON), ARGV[10] N: field pairs to set follow (2N values; '+name' sets only when
--   absent), then fields to delete
-- Returns { outcome, state, holder }: outcome 'done', 'missing', 'held' or 'forbidden' (not from this state)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return { 'missing', '', '' }
end
local prefix, id = ARGV[1], ARGV[2]
local old = redis.call('HMGET', KEYS[1], 'state', 'assignee', 'team', 'priority')
local state, holder, team, priority = old[1], old[2] or '', old[3] or '', old[4]

local target = nil
for from, to in string.gmatch(ARGV[6], '([%w_]+)>([%w_@]+)') do
  if from == state then target = to end
end
if not target then
  return { 'forbidden', state, holder }
end
local rule = ARGV[7]
if holder ~= '' and holder ~= ARGV[3] then
  if rule == 'free' or (rule == 'holder' and ARGV[4] ~= '1') then
    return { 'held', state, holder }
  end
end

local assignee = holder
if ARGV[8] == '-' then assignee = ''
elseif ARGV[8] == '@actor' then assignee = ARGV[3]
elseif ARGV[8] ~= '' then assignee = ARGV[8] end
if target == '@keep' then target = state
elseif target == '@open' then target = (assignee ~= '') and 'assigned' or 'new' end

local n = tonumber(ARGV[10])
local set = { 'state', target }
for i = 11, 10 + 2 * n, 2 do
  -- a field named '+name' is set only when the case has none yet (the first response time)
  if string.sub(ARGV[i], 1, 1) == '+' then
    redis.call('HSETNX', KEYS[1], string.sub(ARGV[i], 2), ARGV[i + 1])
  else
    set[#set + 1] = ARGV[i]
    set[#set + 1] = ARGV[i + 1]
  end
end
redis.call('HSET', KEYS[1], unpack(set))
for i = 11 + 2 * n, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
if assignee == '' then redis.call('HDEL', KEYS[1], 'assignee') else redis.call('HSET', KEYS[1], 'assignee', assignee) end

-- indexes: active cases by priority, per state, per team, per assignee; closed cases by closing time
local new_team = redis.call('HGET', KEYS[1], 'team') or ''
local closed = { resolved = true, dismissed = true }
redis.call('ZREM', prefix .. 'cases:state:' .. state, id)
if team ~= '' then redis.call('ZREM', prefix .. 'cases:team:' .. team, id) end
if holder ~= '' then redis.call('ZREM', prefix .. 'cases:assignee:' .. holder, id) end
redis.call('ZADD', prefix .. 'cases:state:' .. target, priority, id)
if closed[target] then
  redis.call('ZREM', prefix .. 'cases:active', id)
  redis.call('ZADD', prefix .. 'cases:closed', ARGV[5], id)
else
  redis.call('ZADD', prefix .. 'cases:active', priority, id)
  redis.call('ZREM', prefix .. 'cases:closed', id)
  if new_team ~= '' then redis.call('ZADD', prefix .. 'cases:team:' .. new_team, priority, id) end
  if assignee ~= '' then redis.call('ZADD', prefix .. 'cases:assignee:' .. assignee, priority, id) end
end
if target == 'snoozed' then
  redis.call('ZADD', prefix .. 'cases:snoozed', redis.call('HGET', KEYS[1], 'snoozedUntil') or ARGV[5], id)
else
  redis.call('ZREM', prefix .. 'cases:snoozed', id)
end
redis.call('RPUSH', KEYS[2], ARGV[9])
return { 'done', target, assignee }
