-- A webhook delivery settled: logs it and, for a delivered or passed-by alert, moves the subscription's cursor
-- forward to it (never back) and drops its retry state, in one step. Nothing happens when the subscription was
-- deleted meanwhile (its cursor and log must not come back).
-- KEYS[1] cursor, KEYS[2] retry hash, KEYS[3] subscription hash, KEYS[4] delivery log
-- ARGV[1] the alert's stream id ('' to log only), ARGV[2] log line ('' none), ARGV[3] log length kept
-- Returns 1 when the cursor moved, else 0
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
if ARGV[2] ~= '' then
  redis.call('LPUSH', KEYS[4], ARGV[2])
  redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[3]) - 1)
end
if ARGV[1] == '' then return 0 end
local function parts(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local current = redis.call('GET', KEYS[1])
if current then
  local cm, cs = parts(current)
  local nm, ns = parts(ARGV[1])
  if cm and (nm < cm or (nm == cm and ns <= cs)) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return 1
