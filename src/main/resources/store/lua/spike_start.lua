-- Starts a spike for a brand (or one of its channels) unless one is going on or the brand rests after one, with
-- its spike.started alert, in one step: several processes that see the same burst start one spike.
-- KEYS[1] spikes going on (hash brand|scope -> id), KEYS[2] the scope's cooldown, KEYS[3] the spike's hash,
--   KEYS[4] spikes by start time, KEYS[5] the brand's spikes by start time, KEYS[6] alert stream
-- ARGV[1] brand|scope, ARGV[2] spike id, ARGV[3] started (ms), ARGV[4] how long the spike is kept (ms),
-- ARGV[5] alert stream max length, ARGV[6] N: N spike field pairs follow, then the alert field pairs
-- Returns 'started', 'active' or 'cooling'
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'active' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'cooling' end
local n = tonumber(ARGV[6])
local fields = {}
for i = 7, 6 + 2 * n do fields[#fields + 1] = ARGV[i] end
local alert = {}
for i = 7 + 2 * n, #ARGV do alert[#alert + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], unpack(fields))
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
redis.call('PEXPIRE', KEYS[5], ARGV[4])
redis.call('XADD', KEYS[6], 'MAXLEN', '~', ARGV[5], '*', 'type', 'spike.started', 'spikeId', ARGV[2],
  'at', ARGV[3], unpack(alert))
return 'started'
