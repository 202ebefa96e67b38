-- Ends a spike that is still going on, sets its scope's cooldown and raises spike.ended with its peak and
-- incident case, in one step; a second call (another process) finds it ended and does nothing.
-- KEYS[1] spikes going on, KEYS[2] the scope's cooldown, KEYS[3] the spike's hash, KEYS[4] alert stream
-- ARGV[1] brand|scope, ARGV[2] spike id, ARGV[3] ended (ms), ARGV[4] cooldown (ms), ARGV[5] alert stream max
-- length, ARGV[6] the last window's count, then the alert field pairs
-- Returns 1 when ended now, 0 when it was not going on
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if tonumber(ARGV[4]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', ARGV[4]) end
redis.call('HSET', KEYS[3], 'endedAt', ARGV[3], 'lastCount', ARGV[6])
local kept = redis.call('HMGET', KEYS[3], 'peak', 'incidentCaseId', 'startedAt')
local alert = {}
for i = 7, #ARGV do alert[#alert + 1] = ARGV[i] end
alert[#alert + 1] = 'peak'
alert[#alert + 1] = kept[1] or ARGV[6]
if kept[2] then
  alert[#alert + 1] = 'incidentCaseId'
  alert[#alert + 1] = kept[2]
end
if kept[3] then
  alert[#alert + 1] = 'startedAt'
  alert[#alert + 1] = kept[3]
end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[5], '*', 'type', 'spike.ended', 'spikeId', ARGV[2],
  'at', ARGV[3], unpack(alert))
return 1
