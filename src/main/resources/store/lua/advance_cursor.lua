-- Moves a webhook subscription's cursor forward to an alert it delivered (or passed by), never back, and drops
-- its retry state; nothing happens when the subscription was deleted meanwhile (its cursor must not come back).
-- KEYS[1] cursor, KEYS[2] retry hash, KEYS[3] subscription hash; ARGV[1] the alert's stream id
-- Returns 1 when it moved, else 0
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
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
