local counter = 0
local prefix = tostring(os.time()) .. tostring(math.random(1000000))
local nsku = tonumber(os.getenv("NSKU") or "2000")
local nloc = tonumber(os.getenv("NLOC") or "50")
math.randomseed(os.time())
request = function()
  counter = counter + 1
  local sku = string.format("SKU-%05d", math.random(0, nsku - 1))
  local loc = string.format("loc-%03d", math.random(0, nloc - 1))
  local kind, q = "receipt", 2
  if math.random(2) == 1 then kind, q = "sale", 1 end
  local body = string.format('{"movementId":"w%s-%d","kind":"%s","quantity":%d}', prefix, counter, kind, q)
  return wrk.format("POST", "/api/stock/" .. sku .. "/" .. loc .. "/movements",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer hub-ab-admin-key-0123456789"}, body)
end
