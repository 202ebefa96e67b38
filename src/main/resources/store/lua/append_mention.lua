-- Appends a mention to the inbox stream unless (source, external id) was seen before.
-- The marker and the XADD happen together or not at all, so a crash can neither lose a new
-- mention nor let a duplicate in.
-- KEYS[1] seen marker, KEYS[2] mention stream
-- ARGV[1] marker time-to-live in ms, ARGV[2..] field, value, field, value ...
-- Returns the new stream id, or false for a duplicate.
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return false
end
local fields = {}
for i = 2, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
return redis.call('XADD', KEYS[2], '*', unpack(fields))
