-- Rewrites one case's sort key, in its hash and in every index that holds it, when the case is still as the
-- caller read it (a case filed to or moved meanwhile already has a key of the current formula).
-- KEYS[6] (last) the worklist's version, bumped by every change of a case
-- KEYS[1] case hash, KEYS[2] active cases, KEYS[3] index of its state, KEYS[4] index of its team,
-- KEYS[5] index of its holder (of the empty name when nobody holds it)
-- ARGV[1] case id, ARGV[2] key read, ARGV[3] state read, ARGV[4] team read, ARGV[5] holder read ('' none),
-- ARGV[6] new key
-- Returns 1 when rewritten, 0 when the case had changed.
local f = redis.call('HMGET', KEYS[1], 'priority', 'state', 'team', 'assignee')
if f[1] ~= ARGV[2] or f[2] ~= ARGV[3] or (f[3] or '') ~= ARGV[4] or (f[4] or '') ~= ARGV[5] then return 0 end
local id, key = ARGV[1], ARGV[6]
redis.call('HSET', KEYS[1], 'priority', key)
-- XX: only where the case already is (a closed case is in its state's index, not in the active one)
for i = 2, 5 do redis.call('ZADD', KEYS[i], 'XX', key, id) end
redis.call('INCR', KEYS[6]) -- the worklist's version: a page read before this move is no longer current
return 1
