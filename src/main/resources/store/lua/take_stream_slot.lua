-- Takes one of an API key's live-stream slots, counted over every process: slots whose holder stopped renewing
-- them (a killed process) lapse by their expiry. KEYS[1] the key's slots (stream id -> expiry ms)
-- ARGV[1] stream id, ARGV[2] now (ms), ARGV[3] expiry (ms), ARGV[4] slots per key
-- Returns 1 when taken, 0 when every slot is in use
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1
