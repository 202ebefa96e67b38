-- Adds one stored mention to the marketing counts of its hour and its day, once: a redelivered message (stored
-- again after a crash) finds its marker and counts nothing. Runs inside the transaction that stores the mention.
-- KEYS[1] counted marker, KEYS[2] hour hash, KEYS[3] day hash
-- ARGV[1] marker lifetime (ms), ARGV[2] hour hash lifetime (ms), ARGV[3] day hash lifetime (ms),
-- ARGV[4] channel|language|label, ARGV[5] score, ARGV[6] reach, ARGV[7] triage class, ARGV[8] mention id,
-- ARGV[9] examples kept per aspect and day, ARGV[10..] the aspects it is about
-- KEYS[4..] per aspect (in ARGV's order): that day's example mention ids, newest first
-- Fields: n|dims count, s|dims sum of scores, r|dims reach, t|dims|class count per triage class;
-- in the day hash also a|aspect|label count
-- Returns 1 when counted now, 0 when it was counted before
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
local dims = ARGV[4]
for i = 2, 3 do
  redis.call('HINCRBY', KEYS[i], 'n|' .. dims, 1)
  redis.call('HINCRBYFLOAT', KEYS[i], 's|' .. dims, ARGV[5])
  redis.call('HINCRBY', KEYS[i], 'r|' .. dims, ARGV[6])
  redis.call('HINCRBY', KEYS[i], 't|' .. dims .. '|' .. ARGV[7], 1)
end
local label = string.match(dims, '([^|]+)$')
for i = 10, #ARGV do
  local aspect = ARGV[i]
  redis.call('HINCRBY', KEYS[3], 'a|' .. aspect .. '|' .. label, 1)
  local examples = KEYS[i - 6]
  redis.call('LPUSH', examples, ARGV[8])
  redis.call('LTRIM', examples, 0, tonumber(ARGV[9]) - 1)
  redis.call('PEXPIRE', examples, ARGV[3])
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
