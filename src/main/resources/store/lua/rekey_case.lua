-- Rewrites one case's sort key, in its hash and in every index that holds it, when the key is still the
-- one the caller read (a case filed to or moved meanwhile already has a key of the current formula).
-- KEYS[1] case hash; ARGV[1] key prefix, ARGV[2] case id, ARGV[3] key read, ARGV[4] new key
-- Returns 1 when rewritten, 0 when the key had changed.
local f = redis.call('HMGET', KEYS[1], 'priority', 'state', 'team', 'assignee')
if f[1] ~= ARGV[3] then return 0 end
local prefix, id, key = ARGV[1], ARGV[2], ARGV[4]
redis.call('HSET', KEYS[1], 'priority', key)
local indexes = { prefix .. 'cases:active', prefix .. 'cases:state:' .. (f[2] or '') }
if f[3] then indexes[#indexes + 1] = prefix .. 'cases:team:' .. f[3] end
if f[4] then indexes[#indexes + 1] = prefix .. 'cases:assignee:' .. f[4] end
-- XX: only where the case already is (a closed case is in its state's index, not in the active one)
for _, index in ipairs(indexes) do redis.call('ZADD', index, 'XX', key, id) end
return 1
