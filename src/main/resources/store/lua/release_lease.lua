-- Gives a poll lease back, when the caller still holds it (a lease another process took over is left alone).
-- KEYS[1] lease key; ARGV[1] owner id. Returns 1 when released, 0 when another owner (or nobody) held it.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
