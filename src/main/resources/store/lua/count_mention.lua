-- Adds one stored mention to the marketing counts of its hour and its day, once: a redelivered message (stored
-- again after a crash) finds its marker and counts nothing. Every key is the brand's (one slot of a cluster).
-- KEYS[1] counted marker, KEYS[2] hour hash, KEYS[3] day hash, KEYS[4] the brand's negative mentions per minute of
--   the UTC day, KEYS[5] the brand's recent negative mentions, KEYS[6] when the brand's counts began,
--   KEYS[7] the day's ranked phrases of this label,
--   KEYS[8..] per aspect (in ARGV's order): that day's example mention ids, newest first
-- ARGV[1] marker lifetime (ms), ARGV[2] hour hash lifetime (ms), ARGV[3] day hash lifetime (ms),
-- ARGV[4] channel|language|label, ARGV[5] score, ARGV[6] reach, ARGV[7] triage class, ARGV[8] mention id,
-- ARGV[9] examples kept per aspect and day, ARGV[10] '1' when negative, ARGV[11] minute of the UTC day,
-- ARGV[12] channel, ARGV[13] published (ms), ARGV[14] brand, ARGV[15] recent negatives kept,
-- ARGV[16] phrases kept per day and label, ARGV[17] minute counts lifetime (ms), ARGV[18] A: the number of
-- aspects, ARGV[19 .. 18+A] the aspects it is about, then the phrases it holds
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
local aspects = tonumber(ARGV[18])
for i = 19, 18 + aspects do
  local aspect = ARGV[i]
  redis.call('HINCRBY', KEYS[3], 'a|' .. aspect .. '|' .. label, 1)
  local examples = KEYS[i - 11]
  redis.call('LPUSH', examples, ARGV[8])
  redis.call('LTRIM', examples, 0, tonumber(ARGV[9]) - 1)
  redis.call('PEXPIRE', examples, ARGV[3])
end
-- phrases: a bounded top-k by Space-Saving (Metwally et al. 2005): a phrase not yet ranked, when the ranking is
-- full, takes the place of the least counted one with that count plus one, so a count is never under the truth
local phrases = KEYS[7]
local topk = tonumber(ARGV[16])
for i = 19 + aspects, #ARGV do
  local phrase = ARGV[i]
  if redis.call('ZSCORE', phrases, phrase) then
    redis.call('ZINCRBY', phrases, 1, phrase)
  elseif redis.call('ZCARD', phrases) < topk then
    redis.call('ZADD', phrases, 1, phrase)
  else
    local least = redis.call('ZRANGE', phrases, 0, 0, 'WITHSCORES')
    redis.call('ZREM', phrases, least[1])
    redis.call('ZADD', phrases, tonumber(least[2]) + 1, phrase)
  end
end
if #ARGV >= 19 + aspects then redis.call('PEXPIRE', phrases, ARGV[3]) end
redis.call('SET', KEYS[6], ARGV[13], 'NX', 'PX', ARGV[3])
redis.call('PEXPIRE', KEYS[6], ARGV[3])
if ARGV[10] == '1' then
  local minute = ARGV[11]
  redis.call('HINCRBY', KEYS[4], minute, 1)
  redis.call('HINCRBY', KEYS[4], minute .. '|' .. ARGV[12], 1)
  redis.call('PEXPIRE', KEYS[4], ARGV[17])
  local about = {}
  for i = 19, 18 + aspects do about[#about + 1] = ARGV[i] end
  redis.call('ZADD', KEYS[5], ARGV[13], ARGV[12] .. '|' .. ARGV[8] .. '|' .. table.concat(about, ','))
  redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -1 - tonumber(ARGV[15]))
  redis.call('PEXPIRE', KEYS[5], 172800000)
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
