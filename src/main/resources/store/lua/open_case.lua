-- Opens the case for a mention, puts it on the worklist and announces it on the alert stream,
-- all in one step. Idempotent: a mention that has a case already gets that case id back.
-- The case hash key is built here from the prefix because its id comes from the sequence.
-- KEYS[1] case-by-mention, KEYS[2] case sequence, KEYS[3] open cases, KEYS[4] alert stream
-- ARGV[1] key prefix, ARGV[2] mention id, ARGV[3] priority, ARGV[4] now (ms), ARGV[5] alert stream max length,
-- ARGV[6] number K of case field pairs, ARGV[7 .. 6+2K] case field, value pairs, the rest alert field, value pairs
-- Returns { case id, 1 if opened now or 0 if it existed }
local existing = redis.call('GET', KEYS[1])
if existing then
  return { existing, 0 }
end

local alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
local n = redis.call('INCR', KEYS[2])
local ref = ''
while n > 0 do
  local digit = n % 32
  ref = string.sub(alphabet, digit + 1, digit + 1) .. ref
  n = math.floor(n / 32)
end
while string.len(ref) < 5 do
  ref = '0' .. ref
end
local id = 'WC-' .. ref

local case_fields = { 'id', id, 'mentionId', ARGV[2], 'state', 'new', 'priority', ARGV[3], 'openedAt', ARGV[4] }
local alert_fields = { 'type', 'case.opened', 'caseId', id, 'mentionId', ARGV[2], 'at', ARGV[4] }
local case_end = 6 + 2 * tonumber(ARGV[6])
for i = 7, #ARGV do
  if i <= case_end then
    case_fields[#case_fields + 1] = ARGV[i]
  else
    alert_fields[#alert_fields + 1] = ARGV[i]
  end
end

redis.call('HSET', ARGV[1] .. 'case:' .. id, unpack(case_fields))
redis.call('ZADD', KEYS[3], ARGV[3], id)
redis.call('SET', KEYS[1], id)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[5], '*', unpack(alert_fields))
return { id, 1 }
