-- Files a scored mention: it joins the open case of its conversation, or of its author on the same
-- channel within the window (reopening a waiting or resolved one), or, when it needs a reply, opens a
-- new case; the alert stream hears of it, all in one step. Idempotent: a mention filed before gets
-- the same answer again and changes nothing.
-- KEYS[1] case-by-mention, KEYS[2] case sequence, KEYS[3] alert stream
-- ARGV[1] key prefix, ARGV[2] mention id, ARGV[3] priority, ARGV[4] now (ms), ARGV[5] alert stream max length,
-- ARGV[6] conversation key ('' none), ARGV[7] author key ('' none), ARGV[8] author window (ms),
-- ARGV[9] conversation key lifetime (ms), ARGV[10] '1' when the mention needs a reply, ARGV[11] team,
-- ARGV[12] history entry for opening, ARGV[13] history entry for joining,
-- ARGV[14] K: case field pairs follow (2K values), then alert field pairs
-- Returns { case id or '', 'opened' | 'joined' | 'reopened' | 'existing' | 'none' }
local prefix, mention, now = ARGV[1], ARGV[2], tonumber(ARGV[4])
local existing = redis.call('GET', KEYS[1])
if existing then
  return { existing, 'existing' }
end
local function hash(id) return prefix .. 'case:' .. id end

local candidate = nil
if ARGV[6] ~= '' then
  local c = redis.call('GET', prefix .. 'case:by-conversation:' .. ARGV[6])
  local st = c and redis.call('HGET', hash(c), 'state')
  -- a pointer to a case that was erased or expired (no state) is ignored
  if st and st ~= 'dismissed' then candidate = c end
end
if not candidate and ARGV[7] ~= '' then
  local c = redis.call('GET', prefix .. 'case:by-author:' .. ARGV[7])
  if c then
    local f = redis.call('HMGET', hash(c), 'state', 'lastMentionAt')
    if f[1] and f[1] ~= 'dismissed' and now - tonumber(f[2] or '0') <= tonumber(ARGV[8]) then candidate = c end
  end
end

local k = tonumber(ARGV[14])
local alert = {}
for i = 15 + 2 * k, #ARGV do alert[#alert + 1] = ARGV[i] end

local function remember(id)
  redis.call('SET', KEYS[1], id)
  if ARGV[6] ~= '' then redis.call('SET', prefix .. 'case:by-conversation:' .. ARGV[6], id, 'PX', ARGV[9]) end
  -- the author's own next mention joins their own case, not a thread they once chimed in on
  if ARGV[7] ~= '' and redis.call('HGET', hash(id), 'authorKey') == ARGV[7] then
    redis.call('SET', prefix .. 'case:by-author:' .. ARGV[7], id, 'PX', ARGV[8])
  end
  redis.call('RPUSH', hash(id) .. ':mentions', mention)
end

if candidate then
  local h = hash(candidate)
  local f = redis.call('HMGET', h, 'state', 'assignee', 'team', 'priority')
  local state, holder, team = f[1], f[2] or '', f[3] or ''
  -- The sort key counts the wait from the first unanswered mention (the higher key); after our reply
  -- (waiting, resolved) the customer's new mention starts a new wait, so its own key replaces the old one.
  local priority = string.format('%.0f', math.max(tonumber(f[4]), tonumber(ARGV[3])))
  if state == 'waiting' or state == 'resolved' then priority = ARGV[3] end
  local target = state
  -- the customer wrote again: a case that waits for them, was resolved or was put away needs an agent again
  if state == 'waiting' or state == 'resolved' or state == 'snoozed' then
    target = (holder ~= '') and 'assigned' or 'new'
  end
  redis.call('HSET', h, 'state', target, 'priority', priority, 'lastMentionAt', ARGV[4])
  redis.call('HINCRBY', h, 'mentionCount', 1)
  if target ~= state then redis.call('HDEL', h, 'resolvedAt', 'closedBy') end
  if state == 'waiting' or state == 'resolved' then
    -- the customer wrote again after our reply: a next reply is due, on the clock of a first response
    for i = 15, 14 + 2 * k, 2 do
      if ARGV[i] == 'firstResponseDue' then
        redis.call('HSET', h, 'nextReplyDue', ARGV[i + 1])
        redis.call('HDEL', h, 'nextReplyBreachedAt')
        redis.call('ZADD', prefix .. 'cases:sla:nextReply', ARGV[i + 1], candidate)
      end
    end
  end
  redis.call('ZREM', prefix .. 'cases:state:' .. state, candidate)
  redis.call('ZREM', prefix .. 'cases:closed', candidate)
  redis.call('ZADD', prefix .. 'cases:state:' .. target, priority, candidate)
  redis.call('ZADD', prefix .. 'cases:active', priority, candidate)
  if team ~= '' then redis.call('ZADD', prefix .. 'cases:team:' .. team, priority, candidate) end
  if holder ~= '' then redis.call('ZADD', prefix .. 'cases:assignee:' .. holder, priority, candidate) end
  if state == 'snoozed' then
    redis.call('ZREM', prefix .. 'cases:snoozed', candidate)
    redis.call('HDEL', h, 'snoozedUntil')
  end
  remember(candidate)
  redis.call('RPUSH', h .. ':history', ARGV[13])
  local outcome = (target ~= state) and 'reopened' or 'joined'
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', 'type', 'case.' .. outcome, 'caseId', candidate,
    'mentionId', mention, 'at', ARGV[4], unpack(alert))
  return { candidate, outcome }
end

if ARGV[10] ~= '1' then
  return { '', 'none' }
end

-- A new reference: the sequence number scrambled by an odd multiplier modulo 32^5 (a bijection, so
-- references stay unique) and written in Crockford's base 32: short, quotable, not a visible count.
local alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
local n = redis.call('INCR', KEYS[2])
if n < 33554432 then n = (n * 17737 + 4253) % 33554432 end
local ref = ''
while n > 0 do
  local digit = n % 32
  ref = string.sub(alphabet, digit + 1, digit + 1) .. ref
  n = math.floor(n / 32)
end
while string.len(ref) < 5 do ref = '0' .. ref end
local id = 'WC-' .. ref

local fields = { 'id', id, 'mentionId', mention, 'state', 'new', 'priority', ARGV[3], 'openedAt', ARGV[4],
  'lastMentionAt', ARGV[4], 'mentionCount', '1', 'team', ARGV[11] }
for i = 15, 14 + 2 * k do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', hash(id), unpack(fields))
redis.call('ZADD', prefix .. 'cases:active', ARGV[3], id)
redis.call('ZADD', prefix .. 'cases:state:new', ARGV[3], id)
redis.call('ZADD', prefix .. 'cases:team:' .. ARGV[11], ARGV[3], id)
redis.call('ZADD', prefix .. 'cases:opened', ARGV[4], id)
if ARGV[7] ~= '' then
  redis.call('SADD', prefix .. 'author:' .. ARGV[7] .. ':cases', id)
end
local due = redis.call('HMGET', hash(id), 'firstResponseDue', 'resolutionDue')
if due[1] then redis.call('ZADD', prefix .. 'cases:sla:firstResponse', due[1], id) end
if due[2] then redis.call('ZADD', prefix .. 'cases:sla:resolution', due[2], id) end
remember(id)
redis.call('RPUSH', hash(id) .. ':history', ARGV[12])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', 'type', 'case.opened', 'caseId', id, 'mentionId', mention,
  'at', ARGV[4], unpack(alert))
return { id, 'opened' }
